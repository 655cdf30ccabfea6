"""Files for other programs: the analysis as JSON (``analyze --json``, ``briefings.json``),
citations, an Atom feed, JSON-LD. Schema: generator/schema/briefing.schema.json."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import fields
from importlib import resources
from xml.etree import ElementTree as ET

from ..analyze.text import short_hash, slugify
from ..corpus.catalog import Catalog
from ..corpus.digest import weekly_digests
from .citation import bibtex, csl_json
from ..model import Briefing, Page, pack, unpack

ATOM = "http://www.w3.org/2005/Atom"
SCHEMA_ORG_TYPES = {"person": "Person", "organization": "Organization", "place": "Place", "brand": "Brand", "event": "Event", "other": "Thing"}
FEED_ENTRIES = 50


def briefing_to_dict(briefing: Briefing, corpus: dict | None = None, story: tuple[str, int] | None = None) -> dict:
    """The briefing as JSON data; with ``corpus`` (actor name -> (id, type), from the
    catalog) each actor carries its corpus-wide id (the actor page's slug) and the type
    voted across the corpus; with ``story`` ((story id, place in it)) its storyline."""
    article = briefing.article
    corpus = corpus or {}
    return {
        "title": article.title,
        "date": article.date.isoformat(),
        "slug": briefing.slug,
        "path": article.seed_name,
        "source": {k: v for k, v in _flat(article.source).items() if v is not None},
        "tags": list(article.tags),
        "paragraphs": [{"id": p.id, "kind": p.kind, "text": p.text} for p in article.paragraphs],
        "summary": [{"text": s.text, "paragraph": s.paragraph} for s in briefing.summary],
        "actors": [
            {
                "name": a.name,
                **({"id": corpus[a.name][0]} if a.name in corpus else {}),
                "type": corpus[a.name][1] if a.name in corpus else a.type,
                "aliases": list(a.aliases),
                "role": a.role,
                "role_paragraph": a.role_paragraph,
                "salience": a.salience,
                "mentions": [{"paragraph": m.paragraph, "start": m.start, "end": m.end} for m in a.mentions],
            }
            for a in briefing.actors
        ],
        "timeline": [_flat(e) for e in briefing.timeline],
        "sections": [
            {"heading": s.heading, "heading_paragraph": s.heading_paragraph, "paragraphs": list(s.paragraphs), "grouped": s.grouped}
            for s in briefing.sections
        ],
        "figures": [_flat(f) for f in briefing.figures],
        "secondary_sources": [_flat(s) for s in briefing.secondary_sources],
        "relations": [_flat(r) for r in briefing.relations],
        "moves": [_flat(m) for m in briefing.moves],
        "citation": {"bibtex": bibtex(briefing), "csl": csl_json(briefing)},
        "edited": sorted(briefing.edited),
        "notes": briefing.notes,
        **({"dateline": briefing.dateline} if briefing.dateline else {}),
        **({"story": story[0], "story_place": story[1]} if story else {}),
    }


def _flat(value) -> dict:
    """The fields of a dataclass of plain values (str, int, None) as a dict: what
    dataclasses.asdict gives for them, without its deep copy (most of the export time)."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


def exports(
    catalog: Catalog,
    site_url: str,
    pieces: tuple[dict, ...],
    weeks: tuple | None = None,
    stories: tuple[str, ...] | None = None,
    feed: Callable[..., str] | None = None,
    tags: tuple | None = None,
    weekly_feed: Callable[[tuple, str], Page] | None = None,
) -> tuple[Page, ...]:
    """The export files; ``pieces`` are ``export_pieces`` of each briefing of the catalog,
    in its order (the Generator keeps those of unchanged briefings between builds).
    ``weeks`` (``digests``), ``stories`` (``story_json`` of each story), ``feed``
    (``feed_page``'s signature), ``tags`` (``seed_tags``) and ``weekly_feed``
    (``digest_feed_page``'s) are computed here when not given; the Generator passes what it
    kept of unchanged ones."""
    briefings = catalog.briefings
    weeks = digests(catalog) if weeks is None else weeks
    stories = tuple(story_json(s) for s in catalog.stories) if stories is None else stories
    feed = feed or feed_page
    tags = seed_tags(catalog) if tags is None else tags
    weekly_feed = weekly_feed or digest_feed_page
    item_schema = json.loads(resources.files("generator").joinpath("schema/briefing.schema.json").read_text(encoding="utf-8"))
    return (
        Page.of_packed("sources.bib", _joined(b"", b"\n\n", [p["bibtex"] for p in pieces], b"\n")),
        Page.of_packed("sources.json", _json_lines([p["csl"] for p in pieces])),
        Page.of_packed("briefings.json", _json_lines([p["briefing"] for p in pieces])),
        Page("briefings.schema.json", _json({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "briefings.json: every briefing, newest first",
            "type": "array",
            "items": {k: v for k, v in item_schema.items() if k not in ("$schema", "$id", "$defs")},
            "$defs": item_schema["$defs"],
        }) + "\n"),
        Page("seed-metadata.schema.json", resources.files("generator").joinpath("schema/seed-metadata.schema.json").read_text(encoding="utf-8")),
        feed(briefings, site_url),
        Page.of_packed("stories.json", _json_lines(list(stories))),
        *(feed(actor_briefings(e, PAGE_FEED_ENTRIES), site_url, f"Briefings: {e.name}", f"actors/{e.slug}/feed.xml") for e in catalog.actors),
        *(feed(items[:PAGE_FEED_ENTRIES], site_url, f"Briefings tagged {tag}", f"tags/{slug}/feed.xml") for tag, slug, items in tags),
        weekly_feed(weeks, site_url),
        *(feed(tuple(reversed(s.briefings))[:PAGE_FEED_ENTRIES], site_url, f"Briefings: {s.title}", f"stories/{s.slug}/feed.xml") for s in catalog.stories),
    )


PAGE_FEED_ENTRIES = 20
"""Entries of the feed of one actor, tag or story: the newest."""


def actor_briefings(entry, count: int | None = None) -> tuple[Briefing, ...]:
    """The briefings of an actor entry, newest first, each once; the first ``count`` of them
    (a feed's: not a pass over the thousands an actor of every article has)."""
    found: dict[str, Briefing] = {}
    for appearance in entry.appearances:
        if count is not None and len(found) >= count:
            break
        found.setdefault(appearance.briefing.slug, appearance.briefing)
    return tuple(found.values())


def seed_tags(catalog: Catalog) -> tuple[tuple[str, str, tuple[Briefing, ...]], ...]:
    """(tag, slug, briefings newest first) of each tag the seeds give, by name."""
    tagged: dict[str, list[Briefing]] = {}
    for briefing in catalog.briefings:
        for tag in dict.fromkeys(briefing.article.tags):
            tagged.setdefault(tag, []).append(briefing)
    result, used = [], set()
    for tag in sorted(tagged, key=lambda t: (t.casefold(), t)):
        slug = slugify(tag) or "tag"
        while slug in used:
            slug = f"{slugify(tag) or 'tag'}-{short_hash(slug)}"
        used.add(slug)
        result.append((tag, slug, tuple(tagged[tag])))
    return tuple(result)


def digests(catalog: Catalog, reuse: Callable | None = None):
    """The weekly digests of the catalog, newest week first (``reuse``: see ``weekly_digests``)."""
    return weekly_digests(catalog.briefings, catalog.actor_slug, catalog.actor_type, {e.slug: e.name for e in catalog.actors}, reuse)


def digest_feed_page(weeks, site_url: str = "") -> Page:
    """``digest/feed.xml``: the ``digest_feed`` of the weeks."""
    return Page(DIGEST_FEED, digest_feed(weeks, site_url))


DIGEST_FEED = "digest/feed.xml"


def digest_feed(weeks, site_url: str = "") -> str:
    """An Atom feed with an entry per week of the digest (its id stays: the week's)."""
    ET.register_namespace("", ATOM)
    path = DIGEST_FEED
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "Briefings: weekly digest"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _feed_id(site_url, path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=(site_url.rstrip("/") + "/" + path) if site_url else path)
    newest = weeks[0].briefings[0].article.date.isoformat() if weeks else "1970-01-01"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Briefings"
    for week in weeks[:FEED_ENTRIES]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        count = len(week.briefings)
        ET.SubElement(entry, f"{{{ATOM}}}title").text = f"Week of {week.start.isoformat()}: {count} briefing{'s' if count != 1 else ''}"
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:briefings:digest:{week.key}"
        href = f"digest/{week.key}/"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=f"{site_url.rstrip('/')}/{href}" if site_url else href)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{week.briefings[0].article.date.isoformat()}T00:00:00Z"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _xml_text("; ".join(b.article.title for b in week.briefings))
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def story_json(story, adds: list[bytes] | None = None) -> bytes:
    """A storyline serialized for ``stories.json``, in UTF-8, packed (``pack``): ``story_to_dict``
    as JSON, made of its head and the ``step_json`` of each of its steps (``adds``: those the
    caller kept)."""
    adds = [step_json(step) for step in story.steps] if adds is None else adds
    head = _json(_story_head(story)).encode("utf-8")
    return pack(head[:-1] + b', "adds": [' + b", ".join(adds) + b"]}")  # where json.dumps puts the last key


def step_json(step) -> bytes:
    """One step of a storyline as its entry of the story's "adds" in ``stories.json``, in UTF-8."""
    return _json(step_to_dict(step)).encode("utf-8")


def story_to_dict(story) -> dict:
    """A storyline for ``stories.json``: its briefings in order, actors, and what each adds."""
    return {**_story_head(story), "adds": [step_to_dict(step) for step in story.steps]}


def _story_head(story) -> dict:
    return {
        "id": story.slug,
        "title": story.title,
        "first": story.first.isoformat(),
        "last": story.last.isoformat(),
        "briefings": [s.briefing.slug for s in story.steps],
        "actors": [{"name": a.name, "id": a.slug, "role": a.role, "briefing": a.briefing.slug, "paragraph": a.paragraph} for a in story.actors],
    }


def step_shown(step) -> tuple:
    """All that ``step_to_dict`` gives of a step, the briefings it names by their slug: a
    step whose facts name an edited briefing again gives the same JSON."""
    facts = tuple((f.kind, f.item, tuple(b.slug for b in f.also)) for f in step.facts)
    changes = tuple((c.measures, c.before, c.before_briefing.slug, c.after) for c in step.changes)
    return (step.briefing.slug, facts, changes, step.repeated)


def step_to_dict(step) -> dict:
    """What one briefing adds to its storyline."""
    return {
        "briefing": step.briefing.slug,
        "facts": [{"kind": f.kind, **_flat(f.item), "also": [b.slug for b in f.also]} for f in step.facts],
        "changes": [
            {"measures": c.measures, "before": _flat(c.before), "before_briefing": c.before_briefing.slug, "after": _flat(c.after)}
            for c in step.changes
        ],
        "repeated": step.repeated,
    }


def corpus_actors(catalog: Catalog, briefing: Briefing) -> dict:
    """Actor name -> (corpus-wide id, corpus type) for one briefing of the catalog."""
    return {a.name: (catalog.actor_slug[(briefing.slug, a.name)], catalog.actor_type[(briefing.slug, a.name)]) for a in briefing.actors}


def story_place(catalog: Catalog, briefing: Briefing) -> tuple[str, int] | None:
    """(story id, 1-based place in it) of a briefing in a storyline, else None."""
    found = catalog.story_of.get(briefing.slug)
    return (found[0].slug, found[1]) if found else None


def export_pieces(briefing: Briefing, corpus: dict | None = None, story: tuple[str, int] | None = None) -> dict:
    """One briefing serialized for each export file (``corpus``, ``story``: see
    ``briefing_to_dict``), in UTF-8, packed (``pack``): the export files are joined from
    these, and the Generator keeps them between builds (tens of kilobytes a briefing)."""
    return {
        "bibtex": pack(bibtex(briefing).encode("utf-8")),
        "csl": pack(_json(csl_json(briefing)).encode("utf-8")),
        "briefing": pack(_json(briefing_to_dict(briefing, corpus, story)).encode("utf-8")),
    }


def _json_lines(items: list[bytes]) -> bytes:
    """A JSON array of serialized items (each packed), one per line, packed (``Page.packed``)."""
    return _joined(b"[\n", b",\n", items, b"\n]\n")


def _joined(head: bytes, separator: bytes, items: list[bytes], tail: bytes) -> bytes:
    """``head + separator.join(items) + tail`` packed (``Page.packed``), from the items packed
    each: packed pieces join as they are (``pack``), so briefings.json, tens of megabytes, is
    never held whole nor packed again for one briefing changed."""
    if not items:
        return pack(head + tail)
    between = pack(separator)
    out = [pack(head), items[0]]
    for item in items[1:]:
        out += (between, item)
    out.append(pack(tail))
    return b"".join(out)


def _json(value) -> str:
    """Compact JSON (the C encoder; indent would use the slow Python one)."""
    return json.dumps(value, ensure_ascii=False)


def page_url(briefing: Briefing, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/briefings/{briefing.slug}/" if site_url else f"briefings/{briefing.slug}/"


def feed_page(briefings: tuple[Briefing, ...], site_url: str = "", title: str = "Briefings", path: str = "feed.xml") -> Page:
    """The file of ``atom_feed`` at ``path``."""
    return Page(path, atom_feed(briefings, site_url, title, path))


def atom_feed(briefings: tuple[Briefing, ...], site_url: str = "", title: str = "Briefings", path: str = "feed.xml") -> str:
    """An Atom feed of ``briefings`` (newest first) with their summary, at ``path`` of the
    site; ElementTree escapes all text. Entry ids are the briefings' (stable across builds)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = _xml_text(title)
    ET.SubElement(feed, f"{{{ATOM}}}id").text = _feed_id(site_url, path)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=(site_url.rstrip("/") + "/" + path) if site_url else path)
    newest = briefings[0].article.date.isoformat() if briefings else "1970-01-01"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = f"{newest}T00:00:00Z"
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = "Briefings"
    for briefing in briefings[:FEED_ENTRIES]:
        article = briefing.article
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = _xml_text(article.title)
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:briefings:{briefing.slug}"
        ET.SubElement(entry, f"{{{ATOM}}}link", href=page_url(briefing, site_url))
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = f"{article.date.isoformat()}T00:00:00Z"
        summary = " ".join(p.text for p in briefing.summary) or article.title
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = _xml_text(summary)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _feed_id(site_url: str, path: str) -> str:
    """The site's feed keeps the id it always had; another feed is named by its address."""
    if path == "feed.xml":
        return site_url or "urn:briefings:feed"
    return f"{site_url.rstrip('/')}/{path}" if site_url else f"urn:briefings:{path.removesuffix('/feed.xml')}"


XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot carry: control characters, surrogates, U+FFFE and U+FFFF."""


def _xml_text(text: str) -> str:
    """XML 1.0 cannot carry control characters at all, even escaped: drop them."""
    return XML_INVALID.sub("", text)


def json_ld(briefing: Briefing, site_url: str = "", types: dict | None = None) -> dict:
    """schema.org Report based on the source NewsArticle, mentioning the briefing's actors."""
    article = briefing.article
    source: dict = {"@type": "NewsArticle", "headline": article.title, "datePublished": article.date.isoformat()}
    if article.source.publisher:
        source["publisher"] = {"@type": "Organization", "name": article.source.publisher}
    if article.source.author:
        source["author"] = {"@type": "Person", "name": article.source.author}
    if article.source.url:
        source["url"] = article.source.url
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": article.title,
        "datePublished": article.date.isoformat(),
        "isBasedOn": source,
        "mentions": [{"@type": SCHEMA_ORG_TYPES[(types or {}).get(a.name, a.type)], "name": a.name} for a in briefing.actors],
    }
    if site_url:
        data["url"] = page_url(briefing, site_url)
    if article.tags:
        data["keywords"] = list(article.tags)
    return data
