"""Caching and parallel analysis give exactly the output of a plain serial run."""

import dataclasses
import json
import shutil

from generator.analyze import briefing as analysis
from generator.cache import AnalysisCache, cache_key
from generator.read.seeds import read_seed
from generator.settings import Settings
from generator import site
from generator.site import Generator, generate
from conftest import FIXTURES, ROOT, run_briefing

CORPUS = FIXTURES / "corpus"


def settings(seeds, **overrides):
    return dataclasses.replace(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", workers=1), **overrides)


def test_parallel_analysis_equals_serial(monkeypatch):
    serial = generate(settings(CORPUS))
    monkeypatch.setattr(analysis, "PARALLEL_MIN", 2)
    parallel = generate(settings(CORPUS, workers=2))
    assert parallel == serial


def test_cache_hit_equals_fresh_analysis_and_edits_miss(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / "cache"
    fresh = generate(settings(seeds))
    cold = generate(settings(seeds, cache_dir=cache))
    stored = list(cache.rglob("*.json"))
    assert len(stored) == 15
    warm = generate(settings(seeds, cache_dir=cache))
    assert fresh == cold == warm
    seed = seeds / "05_gac_ev.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("99,800 yuan", "88,800 yuan"), encoding="utf-8")
    edited = generate(settings(seeds, cache_dir=cache))
    page = next(p for p in edited.pages if p.path.startswith("briefings/2025-09-15"))
    assert "88,800 yuan" in page.markdown and "99,800" not in page.markdown
    assert len(list(cache.rglob("*.json"))) == 16


def test_cache_key_follows_content_not_location(tmp_path):
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(CORPUS / "03_huawei_sales.txt", copy)
    assert cache_key(read_seed(copy)) == cache_key(read_seed(CORPUS / "03_huawei_sales.txt"))


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    article = read_seed(CORPUS / "03_huawei_sales.txt")
    cache = AnalysisCache(tmp_path)
    key = cache_key(article)
    (tmp_path / key[:2]).mkdir()
    (tmp_path / key[:2] / f"{key}.json").write_bytes(b"not an entry")
    assert cache.get(article) is None


def test_incremental_runs_equal_full_runs_through_edits(tmp_path):
    """One Generator, as the plugin keeps under `mkdocs serve`, through a series of edits:
    after each, its output equals a fresh full run, and only what changed is rendered."""
    seeds, templates = tmp_path / "seeds", tmp_path / "templates"
    shutil.copytree(CORPUS, seeds)
    shutil.copytree(ROOT / "templates", templates)
    config = settings(seeds, templates_dir=templates, timeline_page_entries=6)
    kept = Generator()

    def check(max_rendered=None):
        incremental, full = kept.generate(config), generate(config)
        assert incremental == dataclasses.replace(full, rendered=incremental.rendered, unchanged=incremental.unchanged)
        if max_rendered is not None:
            assert incremental.rendered <= max_rendered, incremental.rendered
        return incremental

    first = check()
    assert first.rendered > 50
    same = check(max_rendered=0)  # nothing changed: no page is rendered again (the index pages have keys too)
    assert {p.path for p in same.pages if p.path.endswith(".md")} <= same.unchanged
    gac = seeds / "05_gac_ev.txt"
    gac.write_text(gac.read_text(encoding="utf-8").replace("99,800 yuan", "88,800 yuan"), encoding="utf-8")
    edited = check(max_rendered=20)
    assert any("88,800 yuan" in p.markdown for p in edited.pages)
    sidecar = seeds / "12_huawei_override.txt.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8").replace("Example Business Daily", "Example Business Weekly"), encoding="utf-8")
    assert any("Example Business Weekly" in p.markdown for p in check().pages)
    shutil.copy(seeds / "09_tesla_shanghai.txt", seeds / "16_copy.txt")  # an added seed
    check()
    (seeds / "03_huawei_sales.txt").unlink()  # a removed seed: its pages go
    assert not any(p.path.startswith("briefings/2025-12-03-huawei-car") for p in check().pages)
    (seeds / "16_copy.txt").write_text("not a header\n", encoding="utf-8")  # a seed turned bad
    assert any("16_copy.txt" in str(p) for p in check().problems)
    template = templates / "actor.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\nEdited template.\n", encoding="utf-8")
    assert any("Edited template." in p.markdown for p in check().pages)


def test_an_edited_timeline_entry_renders_again_only_the_page_holding_it(tmp_path, monkeypatch):
    """A timeline page's key is what it shows: an edit of one entry's text renders its month
    page again, not the year's pages, its other parts or the timeline's index."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    config = settings(seeds, timeline_page_entries=6)
    kept = Generator()
    before = {p.path: p.markdown for p in kept.generate(config).pages}
    assert {"timeline/2025.md", "timeline/2025-p2.md", "timeline/2025-09.md"} <= set(before)  # a year cut in months and parts
    gac = seeds / "05_gac_ev.txt"
    gac.write_text(gac.read_text(encoding="utf-8").replace("99,800 yuan", "88,800 yuan"), encoding="utf-8")
    rendered = []
    render = site._render
    monkeypatch.setattr(site, "_render", lambda job: rendered.append(getattr(job, "path", None)) or render(job))
    after = kept.generate(config)
    again = {path for path in rendered if path and path.startswith("timeline")}
    assert after == dataclasses.replace(generate(config), rendered=after.rendered, unchanged=after.unchanged)
    changed = {p.path for p in after.pages if p.path.startswith("timeline") and p.markdown != before[p.path]}
    assert changed == {"timeline/2025-09.md"}
    assert again == changed


def test_incremental_exports_follow_an_edit(tmp_path):
    """The exports the Generator keeps between runs (feeds, stories.json) follow an edit of
    what they show, and so do the pages keyed on what they show of a briefing (timeline
    periods, actor archives): a title edited in its case only (the slug stays), edited back, seeds removed."""
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    config = settings(seeds, timeline_page_entries=6)
    kept = Generator()

    def check():
        incremental, full = kept.generate(config), generate(config)
        assert incremental == dataclasses.replace(full, rendered=incremental.rendered, unchanged=incremental.unchanged)
        return {p.path: p.markdown for p in incremental.pages}

    before = check()
    feeds = [path for path, text in before.items() if path.endswith("feed.xml") and "Young Buyers" in text]
    assert "feed.xml" in feeds and any(path.startswith("actors/") for path in feeds)
    gac = seeds / "05_gac_ev.txt"
    original = gac.read_text(encoding="utf-8")
    gac.write_text(original.replace("Young Buyers", "YOUNG Buyers"), encoding="utf-8")
    after = check()
    assert all("YOUNG Buyers" in after[path] for path in feeds)
    shown = [path for path, text in before.items() if path.startswith(("timeline/", "actors/")) and path.count("/") >= 1 and "Young Buyers" in text]
    assert any(p.startswith("timeline/") for p in shown) and any(p.count("/") == 2 for p in shown), shown
    assert all("YOUNG Buyers" in after[path] and "Young Buyers" not in after[path] for path in shown)
    gac.write_text(original, encoding="utf-8")
    assert {path: check()[path] for path in feeds} == {path: before[path] for path in feeds}
    assert json.loads(before["stories.json"]), "the corpus has stories"
    for seed in sorted(seeds.glob("*.txt"))[:4]:
        seed.unlink()
        check()


def test_dirty_rebuild_skips_unchanged_pages_and_equals_a_full_build(tmp_path, monkeypatch):
    """`mkdocs serve --dirty` after one edit: MkDocs rebuilds only the pages whose Markdown
    changed (the others keep their HTML), and the site and its search index equal a fresh
    full build, but for Material's tags index (a documented limit of --dirty)."""
    import time

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = tmp_path / "project"
    for name in ("docs", "templates", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(seeds))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # the plugin would set it for the process

    def site_build(site, dirty):
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
        config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
        build(config, dirty=dirty)

    site = tmp_path / "site"
    site_build(site, dirty=True)
    pages = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    time.sleep(0.05)
    gac = seeds / "05_gac_ev.txt"
    gac.write_text(gac.read_text(encoding="utf-8").replace("99,800 yuan", "88,800 yuan"), encoding="utf-8")
    site_build(site, dirty=True)
    rebuilt = {p for p, mtime in pages.items() if p.stat().st_mtime_ns != mtime}
    edited = next((site / "briefings").glob("2025-09-15-*/index.html"))
    assert edited in rebuilt and "88,800 yuan" in edited.read_text(encoding="utf-8")
    untouched = next((site / "briefings").glob("2025-03-18-*/index.html"))
    assert untouched not in rebuilt
    assert len(rebuilt) < len(pages) / 2, (len(rebuilt), len(pages))

    fresh = tmp_path / "fresh"  # in a process of its own, as `mkdocs build` runs
    run_briefing("build", "--seeds", seeds, "--site-dir", fresh, "-f", project / "mkdocs.yml", cwd=project, check=True)
    for page in fresh.rglob("*.html"):
        if page.name == "404.html" or page.parent.name == "tags":
            continue
        assert (site / page.relative_to(fresh)).read_text(encoding="utf-8") == page.read_text(encoding="utf-8"), page

    def indexed(folder):  # search entries, by page
        docs = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
        # the tags index is Material's: under --dirty it lists the tags of rebuilt pages only
        return sorted((d["location"], d["title"], d["text"]) for d in docs if not d["location"].startswith("tags/"))

    assert indexed(site) == indexed(fresh)  # unchanged pages stay searchable, edited ones are new


def test_a_patched_catalog_equals_a_built_one(tmp_path):
    """An edit that keeps an article's actors patches the catalog and its stories in place
    (generator.site.Generator under `mkdocs serve`): the result equals a full build."""
    import re

    from benchmarks.corpus import write_corpus
    from generator.corpus.catalog import build_catalog, patch_catalog
    from generator.corpus.stories import patch_stories, with_stories

    seeds = write_corpus(tmp_path / "seeds", 80)
    before, _ = analysis.analyze_all(_articles(seeds), workers=1)
    previous = with_stories(build_catalog(before))
    in_story = next(s for s in previous.stories for b in s.briefings if re.search(r"\d+ billion yuan", b.article.paragraphs[-1].text))
    edited = next(b for b in in_story.briefings if re.search(r"\d+ billion yuan", b.article.paragraphs[-1].text))
    seed = edited.article.path
    text = seed.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n\n", 1)
    seed.write_text(last[0] + "\n\n" + re.sub(r"\d+ billion yuan", "977 billion yuan", last[1], count=1) + "\n", encoding="utf-8")
    after, _ = analysis.analyze_all(_articles(seeds), workers=1)
    kept = {b.slug: b for b in before}
    after = tuple(kept[b.slug] if b == kept[b.slug] else b for b in after)  # unchanged ones: the same objects, as in serve
    patched = patch_catalog(previous, after)
    assert patched is not None and len(patched[1]) == 1
    full = build_catalog(after)
    assert patched[0] == full
    stories = patch_stories(previous, patched[0], patched[1])
    assert stories is not None and any(b.slug == edited.slug for s in stories.stories for b in s.briefings)
    assert stories == with_stories(full)
    assert stories.stories != previous.stories  # the story shows the new figure


def test_a_patched_catalog_remakes_only_the_years_of_an_actor_an_edit_touches(tmp_path):
    """An actor's rows by year (what its archive pages are cut from) are patched, not made
    again: after each edit of a briefing's timeline (its entry that is an actor's only row
    of a year moved to a year of its own, back, to a decade, to a week that starts the year
    before, back, then dropped: the year goes) the patched catalog equals a built one, every
    year the edit does not touch is the very same tuple, and the archive cut with what was
    kept from before is the one cut afresh."""
    from benchmarks.corpus import write_corpus
    from generator.corpus import archive
    from generator.corpus.catalog import actor_years, build_catalog, patch_catalog

    seeds = write_corpus(tmp_path / "seeds", 80)
    briefings, _ = analysis.analyze_all(_articles(seeds), workers=1)
    catalog = build_catalog(briefings)
    busiest = sorted(catalog.actors, key=lambda e: (-len(e.appearances), e.slug))
    entry, year = next((e, y) for e in busiest for y, (shown, rows) in e.years.items() if not shown and len(rows) == 1)
    assert len(entry.appearances) + len(entry.timeline) > 40, "an archive cut by year"
    dated = entry.years[year][1][0]
    briefing, event = dated.briefing, dated.event
    moves = [("a year of its own", "2031-06", "2031"), ("back", event.date, year), ("a decade", "203", "203"), ("a week", "2026-W01", "2026"), ("back again", event.date, year), ("dropped", None, None)]
    reuse = _Reuse()
    archive.actor_archive(entry, 40, reuse=reuse)
    current = catalog
    for name, date, held in moves:
        changed = None if date is None else dataclasses.replace(event, date=date)
        edited = dataclasses.replace(briefing, timeline=tuple(changed or e for e in briefing.timeline if e is not event or changed))
        after = tuple(edited if b is briefing else b for b in current.briefings)
        patched = patch_catalog(current, after)
        assert patched is not None, name
        assert patched[0] == build_catalog(after), name
        for before, now in zip(current.actors, patched[0].actors):
            assert now.years == actor_years(now.appearances, now.timeline), (name, now.slug)
            dates = [a.briefing.article.date for a in now.appearances]  # newest first: the first and last seen at its ends
            assert (now.first_seen, now.last_seen) == (min(dates), max(dates)), (name, now.slug)
            touched = {
                y for e in (before, now) for y, (shown, rows) in e.years.items() if any(a.briefing.slug == briefing.slug for a in shown) or any(d.briefing.slug == briefing.slug for d in rows)
            }
            assert all(now.years[y] is before.years[y] for y in before.years.keys() & now.years.keys() - touched), (name, now.slug)
        now = next(e for e in patched[0].actors if e.slug == entry.slug)
        assert (held is None or held in now.years) and (held == year) == (year in now.years), (name, list(now.years))
        assert "2031" in now.years if held == "2031" else "2031" not in now.years, name
        assert archive.actor_archive(now, 40, reuse=reuse) == archive.actor_archive(now, 40), name
        current, briefing, event = patched[0], edited, changed


def test_a_patched_catalog_remakes_only_the_months_of_the_timeline_an_edit_touches(tmp_path):
    """A long year's timeline page is cut by month from the catalog's ``timeline_months``,
    which a patch remakes only where an edit moves an entry (to another month, to the year
    alone, to another year): each patched catalog equals a built one, every other month is
    the very same tuple, and the pages cut from the kept months are the pages cut afresh."""
    from benchmarks.corpus import write_corpus
    from generator.corpus.catalog import build_catalog, month_key, patch_catalog, timeline_periods

    seeds = write_corpus(tmp_path / "seeds", 80)
    briefings, _ = analysis.analyze_all(_articles(seeds), workers=1)
    current = build_catalog(briefings)
    dated = next(d for d in current.timeline if len(d.event.date) == 10)
    briefing, event = dated.briefing, dated.event
    year, month = event.date[:4], event.date[5:7]
    other = "01" if month != "01" else "02"
    for date in (f"{year}-{other}-15", year, f"{year}-Q3", "2031-06", event.date):
        edited_event = dataclasses.replace(event, date=date)
        edited = dataclasses.replace(briefing, timeline=tuple(edited_event if e is event else e for e in briefing.timeline))
        after = tuple(edited if b is briefing else b for b in current.briefings)
        patched, _ = patch_catalog(current, after)
        assert patched == build_catalog(after), date
        touched = {month_key(d) for d in current.timeline + patched.timeline if d.briefing.slug == briefing.slug}
        for key, entries in current.timeline_months.items():
            if key not in touched:
                assert patched.timeline_months[key] is entries, (date, key)
        for limit in (5, 30):
            assert timeline_periods(patched.timeline, limit, patched.timeline_years, None, patched.timeline_months) == timeline_periods(patched.timeline, limit), (date, limit)
        current, briefing, event = patched, edited, edited_event


def _articles(seeds):
    from generator.read.seeds import read_seeds

    return read_seeds(seeds).articles


def _edit(seed, old, new):
    text = seed.read_text(encoding="utf-8")
    assert old in text, (seed.name, old)
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")


def _seed_with(seeds, phrase):
    return next(p for p in sorted(seeds.glob("*.txt")) if phrase in p.read_text(encoding="utf-8"))


def test_incremental_edits_of_a_larger_corpus_equal_full_runs(tmp_path, monkeypatch):
    """What the Generator keeps between runs (each briefing's, actor's and timeline year's
    page jobs, an actor's archive years, each week's digest, the catalog patched in place)
    gives the output of a full run after each kind of edit: a changed figure, a statement
    moved to a year no other has (and back: the year goes), a changed relation, a title
    edited in its case, a new actor, a changed date, a seed added and one deleted. The first
    edits patch the catalog (no catalog is built afresh), so they test the patch and the memos."""
    import generator.site as site_module
    from benchmarks.corpus import write_corpus
    from generator.corpus import archive

    monkeypatch.setattr(archive.actor_archive, "__defaults__", (40, archive.LATEST))  # archives by year and month
    seeds = write_corpus(tmp_path / "seeds", 60)
    config = settings(seeds, cache_dir=tmp_path / "cache", timeline_page_entries=40)
    kept = Generator()
    built = []
    real_build = site_module.build_catalog
    monkeypatch.setattr(site_module, "build_catalog", lambda briefings: built.append(1) or real_build(briefings))

    def check(patched):
        built.clear()
        incremental = kept.generate(config)
        builds = len(built)
        full = generate(config)
        assert incremental == dataclasses.replace(full, rendered=incremental.rendered, unchanged=incremental.unchanged)
        assert (builds == 0) == patched, "the edit should patch the catalog" if patched else "the edit should build the catalog afresh"
        return {p.path: p.markdown for p in incremental.pages}

    first = check(patched=False)
    assert any(path.startswith("timeline/") for path in first) and any(path.count("/") == 2 and path.startswith("actors/") for path in first)
    _edit(_seed_with(seeds, "rose 5% in"), "rose 5% in", "rose 7% in")
    check(patched=True)
    moved = _seed_with(seeds, "In 2014, ")
    _edit(moved, "In 2014, ", "In 2031, ")
    pages = check(patched=True)
    assert "timeline/2031.md" in pages and "2031" in pages["timeline.md"]
    _edit(moved, "In 2031, ", "In 2014, ")
    assert "timeline/2031.md" not in check(patched=True)
    by_date = sorted(seeds.glob("*.txt"), key=lambda p: p.read_text(encoding="utf-8").split()[1])
    oldest = next(p for p in by_date if "formed an alliance with" in p.read_text(encoding="utf-8"))
    _edit(oldest, "formed an alliance with", "competes with")  # the first statement of a relation: a later week's now
    check(patched=True)
    newest = by_date[-1]
    title = newest.read_text(encoding="utf-8").splitlines()[0].split(" ", 2)[2]
    _edit(newest, title, title.upper())
    assert title.upper() in check(patched=True)["index.md"]
    _edit(_seed_with(seeds, "Nio Inc."), "Nio Inc.", "Zeekr Intelligent Technology")
    check(patched=False)
    dated = sorted(seeds.glob("*.txt"))[3]
    _edit(dated, dated.read_text(encoding="utf-8").split()[1], "2030-06-15")
    check(patched=False)
    shutil.copy(sorted(seeds.glob("*.txt"))[5], seeds / "99990.txt")
    check(patched=False)
    sorted(seeds.glob("*.txt"))[7].unlink()
    check(patched=False)
    _edit(_seed_with(seeds, "rose 5% in"), "rose 5% in", "rose 6% in")  # and patching again after full builds
    check(patched=True)


class _Reuse:
    """A memo with the signature of ``PageMemo.reuse``, kept across calls."""

    def __init__(self):
        self.kept = {}

    def __call__(self, name, inputs, make):
        hit = self.kept.get(name)
        if hit is None or hit[0] != inputs:
            hit = self.kept[name] = (inputs, make())
        return hit[1]


def _retitled(briefing):
    return dataclasses.replace(briefing, article=dataclasses.replace(briefing.article, title=briefing.article.title + " Revised"))


def _briefing_edits(briefings, stories=()):
    """Edits of one briefing that keep its actors (the catalog is patched): a relation of
    another type, its relations gone, another title (of the newest, of a story's first, of
    one a story names as also reporting a statement), another summary."""
    also = [other for story in stories for step in story.steps[:5] for fact in step.facts for other in fact.also[:5]]
    named = {id(b) for b in also} | {id(e.briefing) for story in stories for e in story.timeline[-100:]}
    heading_only = [step.briefing for story in stories for step in (*story.steps[:5], *story.steps[-15:]) if id(step.briefing) not in named]  # its title only in its step's heading
    in_stories = {
        f"title in a story ({name})": _retitled(found[0]) for name, found in (("a step's heading", heading_only), ("also", also)) if found
    }
    with_relations = [b for b in briefings if b.relations]
    oldest = min(with_relations, key=lambda b: (b.article.date, b.slug))
    middle = sorted(with_relations, key=lambda b: (b.article.date, b.slug))[len(with_relations) // 2]
    newest = max(briefings, key=lambda b: (b.article.date, b.slug))
    retyped = tuple(dataclasses.replace(r, type="compete" if r.type != "compete" else "partner") for r in middle.relations)
    named = next(b for b in briefings if any(a.role and len(a.mentions) > 1 for a in b.actors))
    actor = next(a for a in named.actors if a.role and len(a.mentions) > 1)
    return {
        "relation retyped": dataclasses.replace(middle, relations=retyped),
        "an actor's role": dataclasses.replace(named, actors=tuple(dataclasses.replace(a, role=a.role + " again") if a is actor else a for a in named.actors)),
        "a mention fewer": dataclasses.replace(named, actors=tuple(dataclasses.replace(a, mentions=a.mentions[1:]) if a is actor else a for a in named.actors)),
        "first statements gone": dataclasses.replace(oldest, relations=()),
        "title": _retitled(newest),
        "summary": dataclasses.replace(middle, summary=middle.summary[1:]),
        **in_stories,
    }


def _tagged(briefing, n: int):
    tags = ("Electric vehicles",) * (n % 3 == 0) + ("Batteries",) * (n % 4 == 0)
    return dataclasses.replace(briefing, article=dataclasses.replace(briefing.article, tags=tags)) if tags else briefing


def test_a_page_key_holds_all_its_page_shows_and_kept_digests_follow_edits(tmp_path, monkeypatch):
    """For every page, before and after an edit of one briefing: an equal key gives the same
    text (what the Generator relies on to skip rendering), and the weekly digests made with
    what was kept from before equal digests made afresh."""
    import itertools

    from benchmarks.corpus import write_corpus
    from generator.corpus.catalog import build_catalog, patch_catalog
    from generator.corpus.stories import patch_stories, with_stories
    from generator.publish.exports import digests
    from generator.publish.pages import make_environment, plan_pages

    seeds = write_corpus(tmp_path / "seeds", 60)
    briefings, _ = analysis.analyze_all(_articles(seeds), workers=1)
    quiet = with_stories(build_catalog(briefings)).stories[0].steps[-1].briefing  # states nothing: its title is only in its step's heading
    briefings = tuple(dataclasses.replace(b, timeline=(), summary=(), relations=(), figures=(), moves=()) if b is quiet else b for b in briefings)
    briefings = tuple(_tagged(b, n) for n, b in enumerate(briefings))  # tag pages, as seeds' front matter gives them
    from generator.publish import pages

    monkeypatch.setattr(pages, "LIST_LATEST", 10)  # month pages of briefings, tag pages in parts
    monkeypatch.setattr(pages, "ACTORS_TOP", 3)
    monkeypatch.setattr(pages, "INDEX_ROWS", 5)  # pages of actors by type
    before = with_stories(build_catalog(briefings))
    env = make_environment(ROOT / "templates")
    jobs_before = {j.path: j for j in plan_pages(before, env, timeline_page_entries=40)}
    kinds = {path.split("/")[0] + ("/by-type" if "/by-type/" in path else "") for path in jobs_before}
    assert {"tags", "actors/by-type"} <= kinds and any(path.startswith("briefings/20") and path.count("-") == 1 for path in jobs_before), "every kind of list page"
    texts_before = {path: job.render() for path, job in jobs_before.items()}
    reuse = _Reuse()
    digests(before, reuse)
    edits = _briefing_edits(briefings, before.stories)
    assert len(edits) == 8, "the corpus has stories, and a story names a briefing as also reporting a statement"
    checked = 0
    for name, edited in edits.items():
        after_briefings = tuple(edited if b.slug == edited.slug else b for b in briefings)
        patched = patch_catalog(before, after_briefings)
        assert patched is not None, name
        after = patch_stories(before, patched[0], patched[1]) or with_stories(patched[0])
        assert after == with_stories(build_catalog(after_briefings)), name
        assert digests(after, reuse) == digests(after), name
        for job in plan_pages(after, env, timeline_page_entries=40):
            old = jobs_before.get(job.path)
            if old is not None and old.key is not None and old.key == job.key:
                assert job.render() == texts_before[job.path], (name, job.path)
                checked += 1
        reuse = _Reuse()
        digests(before, reuse)
    assert checked > len(edits) * len(jobs_before) // 2  # most pages keep their key through one edit


def test_a_scan_gives_again_the_paths_an_earlier_one_found(tmp_path):
    """The Generator hands each scan the seed files the previous one found: a file still
    there is the very same Path, the listing is the one a scan afresh gives, after a seed
    removed and one added, and what is kept is what this scan found."""
    from generator.read.seeds import seed_paths

    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    known = {}
    first, _ = seed_paths(seeds, known=known)
    assert sorted(known.values()) == sorted(first)
    (seeds / "03_huawei_sales.txt").unlink()
    shutil.copy(CORPUS / "05_gac_ev.txt", seeds / "99_added.txt")
    second, _ = seed_paths(seeds, known=known)
    assert second == seed_paths(seeds)[0]
    by_name = {p.name: p for p in first}
    assert all(p is by_name[p.name] for p in second if p.name != "99_added.txt")
    assert sorted(known.values()) == sorted(second)


def test_a_seed_stamp_from_the_listing_is_the_one_from_the_system(tmp_path):
    """The Generator stamps seeds with what listing their folder gave (no call per file):
    the same stamp as asking the system, with either form of sidecar, and one gone."""
    from generator.read.seeds import seed_paths, seed_stamp

    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    (seeds / "sub").mkdir()
    shutil.copy(CORPUS / "03_huawei_sales.txt", seeds / "sub" / "a.b.txt")
    (seeds / "sub" / "a.b.yml").write_text("publisher: Other\n", encoding="utf-8")  # the other form of sidecar
    (seeds / "09_tesla_shanghai.yml").write_text("publisher: Other\n", encoding="utf-8")

    def stamps():
        stats = {}
        paths, _ = seed_paths(seeds, stats)
        listed = {p: seed_stamp(p, stats) for p in paths}
        assert listed == {p: seed_stamp(p) for p in paths}
        return listed

    first = stamps()
    assert any(s[1] is not None for s in first.values()) and any(s[2] is not None for s in first.values())
    (seeds / "09_tesla_shanghai.yml").unlink()
    second = stamps()
    assert [p.name for p in first if first[p] != second[p]] == ["09_tesla_shanghai.txt"]
    assert seed_stamp(CORPUS / "03_huawei_sales.txt", {}) == seed_stamp(CORPUS / "03_huawei_sales.txt")  # a seed not listed: asked


def test_kept_identity_wrappers_compare_by_identity_not_by_value():
    """``Same`` and ``SameItems`` stand in a memo's inputs for large catalog objects: the very
    same objects are equal, equal copies are not (a memo then remakes what it keeps, which is
    safe), so a comparison never walks them."""
    from generator.memo import Same, SameItems

    items = ({"a": 1}, {"b": 2})
    copies = tuple(dict(item) for item in items)
    assert SameItems(items) == SameItems(tuple(items)) and Same(items[0]) == Same(items[0])
    assert SameItems(items) != SameItems(copies) and Same(items[0]) != Same(copies[0])
    assert SameItems(items) != SameItems(items[:1]) and SameItems(items) != items


def test_a_same_wrapper_is_kept_while_its_object_is():
    from generator.memo import Same

    memo = _Reuse()
    catalog_dict = {"x": 1}
    first = Same.kept(memo, "ids", catalog_dict)
    assert Same.kept(memo, "ids", catalog_dict) is first  # the keys holding it compare by identity
    assert Same.kept(memo, "ids", dict(catalog_dict)) is not first
