"""RSS and Atom feeds (read with feedparser) and OPML lists of feeds (read here).

feedparser is the reference for the many dialects of RSS and Atom, and parses what it is
given as bytes: it never fetches anything itself here (the bytes come from
:mod:`generator.ingest.fetch`, under its limits).

OPML is read with the standard library's ElementTree rather than listparser: an OPML
subscription list is ``<outline xmlUrl="...">`` elements, possibly nested, which takes a
dozen lines, and a dependency would bring formats (iGoogle, RDF+FOAF) nobody asks for. A
document type declaration is refused before parsing, so no entity (an entity bomb, an
external file) is ever expanded.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

FEEDS_FILE = "feeds.yml"
_DOCTYPE_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class FeedError(ValueError):
    """Not a feed, not an OPML list, or a feeds list that is not one; the message says why."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as far as the feed says; the page itself says more."""

    link: str
    title: str | None = None
    date: dt.date | None = None
    author: str | None = None
    publisher: str | None = None
    """The feed's title: the publisher when the page names none."""


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    entries: tuple[Entry, ...]
    broken: tuple[str, ...]
    """One reason per entry that cannot be fetched (no link, a link that is not http(s))."""


def is_opml(data: bytes) -> bool:
    """Whether the document's root element is ``<opml>`` (after any XML declaration and comments)."""
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->", b"", data[:4096], flags=re.DOTALL).lstrip()
    return head[:5].lower() == b"<opml"


def parse_opml(data: bytes, base: str) -> tuple[str, ...]:
    """The feed URLs (``xmlUrl``) of an OPML list, nested outlines included, in document
    order and each once; relative URLs are resolved against ``base``."""
    if _DOCTYPE_RE.search(data):
        raise FeedError("OPML with a document type declaration (<!DOCTYPE or <!ENTITY) is not read")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise FeedError(f"not a well-formed OPML file ({err})") from None
    urls = (o.get("xmlUrl") or o.get("xmlurl") for o in root.iter("outline"))
    return tuple(dict.fromkeys(urllib.parse.urljoin(base, u.strip()) for u in urls if u and u.strip()))


def parse_feed(data: bytes, url: str) -> Feed:
    """The entries of an RSS or Atom feed, in the feed's order; ``FeedError`` when the
    document is no feed at all. Relative links are resolved against ``url``."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})  # a stream: never a path or URL to open
    if not parsed.get("version") and not parsed.entries:  # feedparser names the dialect it recognised
        raise FeedError(f"not an RSS or Atom feed ({_bozo_reason(parsed)})")
    title = _text(parsed.feed.get("title"))
    entries, broken = [], []
    for number, item in enumerate(parsed.entries, 1):
        entry = _entry(item, title)
        if isinstance(entry, str):
            broken.append(f"entry {number} ({_text(item.get('title')) or 'untitled'!r}): {entry}")
        else:
            entries.append(entry)
    return Feed(title, tuple(entries), tuple(broken))


def _entry(item, publisher: str | None) -> Entry | str:
    link = (item.get("link") or "").strip()
    if not link:
        return "no link"
    if urllib.parse.urlsplit(link).scheme.lower() not in ("http", "https"):
        return f"link {link[:80]!r} is not an http(s) URL"
    return Entry(link, _text(item.get("title")), _date(item), _text(item.get("author")), publisher)


def _date(item) -> dt.date | None:
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    try:
        return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
    except ValueError:
        return None


def _text(value) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _bozo_reason(parsed) -> str:
    error = parsed.get("bozo_exception")
    return f"{type(error).__name__}: {str(error)[:120]}" if error else "no feed element"


# -- the configured list ---------------------------------------------------------------------


def configured_feeds(plugin_feeds: tuple[str, ...], folder: Path) -> tuple[str, ...]:
    """The feeds listed under ``feeds:`` in the briefings plugin and in ``feeds.yml`` of
    ``folder`` (the project's), each once; a relative path in feeds.yml (an OPML file) is
    taken from its folder."""
    listed = list(plugin_feeds)
    path = folder / FEEDS_FILE
    if path.is_file():
        listed += [_relative_to(folder, item) for item in read_feeds_file(path)]
    return tuple(dict.fromkeys(listed))


def read_feeds_file(path: Path) -> tuple[str, ...]:
    """The list of ``feeds.yml``: ``feeds: [URL or OPML file, ...]``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise FeedError(f"{path}: not valid YAML ({err})") from None
    feeds = data.get("feeds") if isinstance(data, dict) else None
    if not isinstance(feeds, list) or not all(isinstance(f, str) and f.strip() for f in feeds):
        raise FeedError(f"{path}: expected `feeds:` with a list of feed URLs or OPML files")
    return tuple(f.strip() for f in feeds)


def _relative_to(folder: Path, item: str) -> str:
    if urllib.parse.urlsplit(item).scheme.lower() in ("http", "https") or Path(item).is_absolute():
        return item
    return str(folder / item)
