"""Every generated page is bounded by construction, whatever the size of the corpus: an
actor page shows its latest briefings and timeline entries, the rest are on archive pages
per year (per month in busy years), and any page past PAGE_ROWS rows is cut into parts,
with nothing lost on the way. And the pages that only repeat what briefings say stay out
of Material's search index."""

import dataclasses
import datetime as dt
import json
import re

import pytest

from generator.analyze.briefing import analyze_all
from generator.corpus import archive, catalog as catalog_module
from generator.corpus.catalog import build_catalog
from generator.publish import pages as pages_module
from generator.publish.pages import make_environment, plan_pages
from generator.read.seeds import read_seeds
from conftest import FIXTURES, ROOT

ROWS, LATEST = 12, 3


@pytest.fixture(scope="module")
def many_briefings():
    """The 15 fixture briefings copied 40 times over ten years (600 briefings, each with a
    slug and date of its own): a corpus far larger than a page, made without analysis."""
    corpus = read_seeds(FIXTURES / "corpus")
    briefings, _ = analyze_all(corpus.articles, workers=1)
    copies = []
    for n in range(40):
        for i, b in enumerate(briefings):
            date = dt.date(2016 + n // 4, 1 + (n * 3 + i) % 12, 1 + i)
            article = dataclasses.replace(b.article, date=date)
            copies.append(dataclasses.replace(b, article=article, slug=f"{b.slug}-{n}"))
    return tuple(copies)


def _rows(markdown: str) -> int:
    """Table rows and list items of a page (its header rows and separators not counted)."""
    lines = markdown.splitlines()
    return sum(1 for line in lines if line.startswith("| ") and not line.startswith(("| Date |", "| Year |", "| ---"))) + sum(line.startswith("- ") for line in lines)


def test_no_page_outgrows_its_bound(many_briefings, monkeypatch):
    monkeypatch.setattr(catalog_module, "PAGE_ROWS", ROWS)
    monkeypatch.setattr(archive, "PAGE_ROWS", ROWS)
    monkeypatch.setattr(pages_module, "LATEST", LATEST)
    monkeypatch.setattr(archive.actor_archive, "__defaults__", (ROWS, LATEST))
    catalog = build_catalog(many_briefings)
    env = make_environment(ROOT / "templates")
    jobs = {job.path: job for job in plan_pages(catalog, env, timeline_page_entries=ROWS)}
    bounded = [p for p in jobs if p.startswith(("actors/", "timeline")) and p != "actors/index.md"]
    huawei = next(e for e in catalog.actors if e.slug == "huawei-technologies")
    assert len(huawei.appearances) > 100 and len(catalog.timeline) > 20 * ROWS
    for path in bounded:
        text = jobs[path].render()
        # an actor page: its latest briefings and entries, a few facts, its archive's years
        limit = 2 * LATEST + 20 if re.fullmatch(r"actors/[^/]+\.md", path) else ROWS + 10
        assert _rows(text) <= limit, (path, _rows(text))
    # nothing lost: the archive of an actor holds each of its briefings and entries once
    years = archive.actor_archive(huawei, ROWS, LATEST)
    assert sorted(id(a) for y in years for p in y.pages for a in p.briefings) == sorted(id(a) for a in huawei.appearances)
    assert sorted(id(d) for y in years for p in y.pages for d in p.entries) == sorted(id(d) for d in huawei.timeline)
    assert any(len(y.pages) > 1 for y in years), "a busy year should be split by month"
    for year in years:
        for page in year.pages:
            assert f"actors/huawei-technologies/{page.key}.md" in jobs
    # and the timeline's pages hold every entry once
    periods = catalog_module.timeline_periods(catalog.timeline, ROWS)
    held = [id(d) for y in periods for period in (y, *y.months) for part in period.parts for d in part.entries]
    assert sorted(held) == sorted(id(d) for d in catalog.timeline)
    assert any(period.more for y in periods for period in (y, *y.months)), "a long page should be cut into parts"


def test_archive_of_a_small_actor_is_its_page():
    entry = catalog_module.ActorEntry("X", "x", "company", (), ())
    assert archive.actor_archive(entry) == ()


EXCLUDED = ("actors/", "timeline/", "stories/", "briefings/index.html", "actors/index.html", "sources/", "tags/")


def test_excluded_pages_are_absent_from_the_search_index(tmp_path):
    from conftest import build_site

    result, site = build_site(tmp_path, FIXTURES / "corpus", strict=True, timeline_page_entries=5)
    assert result.returncode == 0, result.stderr
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert any(loc.startswith("briefings/2") for loc in locations)  # briefings are indexed
    assert (site / "actors" / "huawei-technologies" / "index.html").is_file() and (site / "timeline" / "index.html").is_file()
    assert not [loc for loc in locations if loc.startswith(EXCLUDED) or loc in ("briefings/", "timeline/")], sorted(locations)
    text = " ".join(d["text"] for d in docs)
    assert "Initially focused on providing smart components" not in text  # nor the source text


def test_a_tag_page_is_bounded_and_its_parts_hold_every_briefing(many_briefings, monkeypatch):
    monkeypatch.setattr(pages_module, "LIST_LATEST", ROWS)
    tagged = tuple(dataclasses.replace(b, article=dataclasses.replace(b.article, tags=("autos",) + (("rare",) if i == 0 else ()))) for i, b in enumerate(many_briefings))
    catalog = build_catalog(tagged)
    jobs = {job.path: job for job in plan_pages(catalog, make_environment(ROOT / "templates"))}
    parts = sorted(p for p in jobs if p == "tags/autos.md" or p.startswith("tags/autos/"))
    assert len(parts) == -(-len(tagged) // ROWS) and "tags/rare.md" in jobs and not any(p.startswith("tags/rare/") for p in jobs)
    listed = []
    for path in parts:
        text = jobs[path].render()
        assert _rows(text) <= ROWS, path
        listed += re.findall(r"\]\((?:\.\./)+briefings/([^)]+)\.md\)", text)
    assert sorted(listed) == sorted(b.slug for b in tagged)
    assert "[autos](tags/autos.md) | 600 |" in jobs["tags.md"].render()


def test_the_actors_index_is_bounded_and_its_a_to_z_pages_hold_every_actor(many_briefings, monkeypatch):
    monkeypatch.setattr(pages_module, "ACTORS_TOP", 3)
    monkeypatch.setattr(pages_module, "INDEX_ROWS", 4)
    catalog = build_catalog(many_briefings)
    jobs = {job.path: job for job in plan_pages(catalog, make_environment(ROOT / "templates"))}
    index = jobs["actors/index.md"].render()
    by_type = {}
    for entry in catalog.actors:
        by_type.setdefault(entry.type, []).append(entry.slug)
    long_types = [t for t, slugs in by_type.items() if len(slugs) > 3]
    assert long_types, "the fixture corpus should have a type with more actors than the index lists"
    for kind, slugs in by_type.items():
        section = index.split(f"{{#type-{kind}}}")[1].split("\n## ")[0]
        listed = re.findall(r"^- \[.*?\]\(([^)]+)\.md\)", section, re.M)
        assert len(listed) == min(3, len(slugs)), kind
        if kind in long_types:
            pages = sorted(p for p in jobs if re.fullmatch(rf"actors/by-type/{kind}(-\d+)?\.md", p))
            assert len(pages) == -(-len(slugs) // 4)
            assert all(f"({p.removeprefix('actors/')})" in section for p in pages)
            held = [s for p in pages for s in re.findall(r"^- \[.*?\]\(\.\./([^)]+)\.md\)", jobs[p].render(), re.M)]
            assert sorted(held) == sorted(slugs), kind


def test_the_digest_and_stories_indexes_are_paged_with_nothing_lost(many_briefings, monkeypatch):
    from generator.corpus.stories import with_stories
    from generator.settings import StorySettings

    monkeypatch.setattr(pages_module, "INDEX_LATEST", 5)
    catalog = with_stories(build_catalog(many_briefings), StorySettings())
    jobs = {job.path: job for job in plan_pages(catalog, make_environment(ROOT / "templates"))}
    for folder, pattern, total in (("digest", r"\]\((\d{4}-W\d\d)\.md\)", len(pages_module.digests(catalog))), ("stories", r"^\| \[.*?\]\(([^)]+)\.md\)", len(catalog.stories))):
        paths = [f"{folder}/index.md", *sorted((p for p in jobs if p.startswith(f"{folder}/earlier-")), key=lambda p: int(p.rsplit("-", 1)[1][:-3]))]
        assert total > 5 and len(paths) == -(-total // 5), folder
        held = []
        for path in paths:
            text = jobs[path].render()
            rows = re.findall(pattern, text, re.M)
            assert len(rows) <= 5 and f"Page {paths.index(path) + 1} of {len(paths)}" in text, path
            held += rows
        assert len(held) == len(set(held)) == total, folder


def test_a_busy_weeks_digest_lists_a_bounded_number(many_briefings, monkeypatch):
    monkeypatch.setattr(pages_module, "DIGEST_ROWS", 2)
    catalog = build_catalog(many_briefings)
    jobs = {job.path: job for job in plan_pages(catalog, make_environment(ROOT / "templates"))}
    busy = max(pages_module.digests(catalog), key=lambda w: len(w.briefings))
    assert len(busy.briefings) > 2
    text = jobs[f"digest/{busy.key}.md"].render()
    assert text.count("<li><strong>") == 2 and f"The first 2 of the week's {len(busy.briefings)} briefings" in text
