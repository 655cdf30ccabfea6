"""Feeds out (issue 18, part 2): a feed per actor, per tag and per story, and a weekly digest.

Every feed must parse without feedparser's bozo flag, keep its entry ids across rebuilds
and link back to the site; the digest lists each week's briefings, its most present
actors and the relations first stated that week.
"""

import datetime as dt
import re

import feedparser
import pytest

from conftest import FIXTURES, ROOT
from generator.settings import Settings
from generator.site import generate

CORPUS = FIXTURES / "corpus"


@pytest.fixture(scope="module")
def pages():
    generated = generate(Settings(seeds_dir=CORPUS, templates_dir=ROOT / "templates", workers=1))
    return {p.path: p.markdown for p in generated.pages}


def feeds(pages):
    return {path: text for path, text in pages.items() if path.endswith("feed.xml")}


def test_every_feed_parses_cleanly_and_names_its_entries_by_briefing(pages):
    found = feeds(pages)
    assert "feed.xml" in found and "digest/feed.xml" in found
    assert any(p.startswith("actors/") for p in found) and any(p.startswith("tags/") for p in found)
    for path, text in found.items():
        feed = feedparser.parse(text)
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
        ids = [e.id for e in feed.entries]
        assert len(ids) == len(set(ids)), path
        assert all(re.fullmatch(r"urn:briefings:(digest:\d{4}-W\d\d|[a-z0-9-]+)", i) for i in ids), path


def test_each_actor_page_has_a_feed_of_its_briefings_linked_from_the_page(pages):
    actor_pages = [p for p in pages if re.fullmatch(r"actors/[^/]+\.md", p) and p != "actors/index.md"]
    assert actor_pages
    for path in actor_pages:
        slug = path[len("actors/"):-3]
        assert f'feed: "actors/{slug}/feed.xml"' in pages[path]
        assert f"]({slug}/feed.xml)" in pages[path]
        feed = feedparser.parse(pages[f"actors/{slug}/feed.xml"])
        linked = {e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries}
        assert all(f"briefings/{b}.md" in pages for b in linked)
        assert all(f'href="../../briefings/{b}/"' in pages[path] for b in linked)  # the page lists them too (an HTML table)


def test_a_tag_feed_holds_exactly_the_briefings_with_that_tag(pages):
    import json

    items = json.loads(pages["briefings.json"])
    tagged = {}
    for item in items:
        for tag in item["tags"]:
            tagged.setdefault(tag, set()).add(item["slug"])
    assert tagged
    tag_feeds = {p: t for p, t in feeds(pages).items() if p.startswith("tags/")}
    assert len(tag_feeds) == len(tagged)
    for text in tag_feeds.values():
        feed = feedparser.parse(text)
        tag = feed.feed.title.removeprefix("Briefings tagged ")
        assert {e.id.removeprefix("urn:briefings:") for e in feed.entries} == tagged[tag]
        assert f"tags/" in pages["tags.md"]


def test_feed_ids_and_text_are_the_same_on_a_rebuild(pages):
    again = {p.path: p.markdown for p in generate(Settings(seeds_dir=CORPUS, templates_dir=ROOT / "templates", workers=1)).pages}
    assert feeds(again) == feeds(pages)


def test_the_digest_lists_each_weeks_briefings_actors_and_new_relations(pages):
    import json

    items = json.loads(pages["briefings.json"])
    weeks = {}
    for item in items:
        year, week, _ = dt.date.fromisoformat(item["date"]).isocalendar()
        weeks.setdefault(f"{year}-W{week:02d}", set()).add(item["slug"])
    index = pages["digest/index.md"]
    keys = re.findall(r"\]\((\d{4}-W\d\d)\.md\)", index)
    assert keys == sorted(weeks, reverse=True)  # newest week first, every week
    for key, slugs in weeks.items():
        page = pages[f"digest/{key}.md"]
        listed = set(re.findall(r'^<li><strong>[\d-]+</strong> · <a href="(?:\.\./)+briefings/([a-z0-9-]+)/">', page, re.MULTILINE))
        assert listed == slugs
    relations = [line for key in weeks for line in pages[f"digest/{key}.md"].splitlines() if " partners with " in line or " acquires " in line]
    assert relations, "the corpus states relations; the digest shows them"
    assert all("#p" in line for line in relations)  # each cited
    triples = [re.sub(r" · .*", "", line) for line in relations]
    assert len(triples) == len(set(triples))  # a relation is new once
    digest = feedparser.parse(pages["digest/feed.xml"])
    assert [e.id for e in digest.entries] == [f"urn:briefings:digest:{k}" for k in sorted(weeks, reverse=True)]
    assert "digest/index.md" in pages["index.md"]


def test_the_briefings_index_and_the_sources_page_stay_short_and_lose_nothing(monkeypatch):
    import re

    from generator.publish import pages as pages_module

    monkeypatch.setattr(pages_module, "LIST_LATEST", 5)
    monkeypatch.setattr(pages_module, "SOURCES_SHOWN", 5)
    found = {p.path: p.markdown for p in generate(Settings(seeds_dir=CORPUS, templates_dir=ROOT / "templates", workers=1)).pages}
    index = found["briefings/index.md"]
    linked = re.findall(r"\]\(\.\./briefings/([a-z0-9-]+)\.md\)", index)
    assert len(linked) == 5
    months = re.findall(r"\]\((\d{4}-\d{2})\.md\)", index)
    in_months = [s for m in months for s in re.findall(r"\]\(\.\./briefings/([a-z0-9-]+)\.md\)", found[f"briefings/{m}.md"])]
    everyone = [p[len("briefings/"):-3] for p in found if re.fullmatch(r"briefings/\d{4}-\d{2}-\d{2}-.*\.md", p)]
    assert sorted(in_months) == sorted(everyone)  # every briefing on the page of its month
    assert found["sources.md"].count("\n## ") == 5 and f"of the {len(everyone)} source articles" in found["sources.md"]
