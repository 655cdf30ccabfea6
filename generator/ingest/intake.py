"""``briefing add`` and ``briefing fetch``: pages and feeds in, new seeds out.

Each page is fetched (or a saved ``.html`` read), its article and metadata extracted by the
seed reader's own trafilatura step, a sidecar written with what a citation needs (canonical
URL, publisher, author, date, the time it was fetched), and the pair staged, read back and
compared with the seeds already there before it is published. One line per page added,
skipped or failed; a failure names the URL and the reason and the next page comes in.
"""

from __future__ import annotations

import datetime as dt
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ..model import Article, SeedError, printable
from ..read.files import UnsafeFile, read_regular
from ..read.html import HtmlSeedError, extract_html, html_date
from ..settings import Limits
from .feeds import Entry, Feed, FeedError, is_opml, parse_feed, parse_opml
from .fetch import FetchError, Fetcher, is_url
from .seedwriter import SeedIndex, StagedSeed, seed_stem, sidecar_text, url_key

HTML_TYPES = ("text/html", "application/xhtml+xml")
MIN_ARTICLE_CHARS = 250
"""Least body text (characters) a page needs to be an article: trafilatura's own threshold
for an extraction (``MIN_EXTRACTED_SIZE``). A section front or a login page yields a line
or two of menu text, which is no article."""
FEED_ACCEPT = "application/rss+xml,application/atom+xml,text/x-opml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"


class IngestError(Exception):
    """A page that does not become a seed; the message is the reason."""


@dataclass(slots=True)
class Tally:
    added: int = 0
    skipped: int = 0
    failed: int = 0

    def line(self) -> str:
        return f"{self.added} added, {self.skipped} skipped (already in the seeds), {self.failed} failed"


def utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Intake:
    """Adds pages and feeds to one seeds folder, knowing what it holds already."""

    def __init__(self, seeds_dir: Path, limits: Limits, fetcher: Fetcher, out: TextIO = sys.stdout, err: TextIO = sys.stderr, now=utc_now) -> None:
        self.seeds_dir, self.limits, self.fetcher = seeds_dir, limits, fetcher
        self._out, self._err, self._now = out, err, now
        self.index = SeedIndex.of_folder(seeds_dir, limits)
        self.tally = Tally()

    # -- pages ---------------------------------------------------------------------------------

    def add(self, target: str, entry: Entry | None = None, since: dt.date | None = None) -> None:
        """One page (a URL or a saved ``.html`` file) into the seeds, or one line saying why not."""
        try:
            self._add(target, entry, since)
        except (FetchError, IngestError) as err:
            self._fail(target, str(err))

    def _add(self, target: str, entry: Entry | None, since: dt.date | None) -> None:
        scheme = urllib.parse.urlsplit(target).scheme
        if len(scheme) > 1 and not is_url(target):  # (one letter is a Windows drive)
            raise IngestError(f"not an http(s) URL (scheme {scheme!r})")
        if not is_url(target):
            page, final_url, fetched = _read_saved(Path(target), self.limits), None, None
        else:
            if found := self.index.find_url(target):
                return self._skip(target, f"already in the seeds as {found.name} ({found.why})")
            response = self.fetcher.get(target)
            if not _is_html(response.content_type, response.body):
                raise IngestError(f"not HTML (Content-Type {response.content_type or 'missing'})")
            page, final_url, fetched = response.body, response.final_url, self._now()
        sidecar = page_metadata(page, final_url, entry, fetched)
        if is_url(target) and url_key(target) != url_key(sidecar["source"].get("url", "")):
            sidecar["source"]["fetched_from"] = target  # a feed's link: known next time without a request
        try:
            staged = StagedSeed(self.seeds_dir, page, sidecar_text(sidecar, "fetch" if entry else "add"), self.limits)
        except SeedError as err:
            raise IngestError(err.problem.message) from None
        with staged:
            self._publish(target, staged.article, staged, since, final_url)

    def _publish(self, target: str, article: Article, staged: StagedSeed, since: dt.date | None, final_url: str | None) -> None:
        if since is not None and article.date < since:
            return self._skip(target, f"dated {article.date.isoformat()}, before --since {since.isoformat()}")
        if found := self.index.find(article):
            return self._skip(target, f"already in the seeds as {found.name} ({found.why})")
        path = staged.publish(seed_stem(article, article.source.url or target))
        name = path.relative_to(self.seeds_dir).as_posix()
        self.index.add(article, name, *(u for u in (target, final_url) if u and is_url(u)))
        self.tally.added += 1
        print(f"added {printable(name)} from {printable(target)}", file=self._out)

    # -- feeds ---------------------------------------------------------------------------------

    def fetch(self, source: str, since: dt.date | None = None, limit: int | None = None, nested: bool = False) -> None:
        """Every new entry of a feed, or of each feed of an OPML list (a URL or a file)."""
        try:
            data = self._load(source)
            if is_opml(data):
                if nested:
                    raise FeedError("an OPML list inside an OPML list is not followed")
                feeds = parse_opml(data, source)
                print(f"opml {printable(source)}: {len(feeds)} feed(s)", file=self._out)
                for feed in feeds:
                    self.fetch(feed, since, limit, nested=True)
                return
            feed = parse_feed(data, source)
        except (FetchError, FeedError, IngestError) as err:
            return self._fail(source, str(err))
        self._fetch_entries(source, feed, since, limit)

    def _fetch_entries(self, source: str, feed: Feed, since: dt.date | None, limit: int | None) -> None:
        for reason in feed.broken:
            self._fail(source, reason)
        known = [e for e in feed.entries if self.index.find_url(e.link)]
        old = [e for e in feed.entries if e not in known and since and e.date and e.date < since]
        new = [e for e in feed.entries if e not in known and e not in old]
        wanted = new[:limit] if limit is not None else new
        self.tally.skipped += len(known)
        counts = [f"{len(feed.entries)} entries", f"{len(known)} already in the seeds"]
        counts += [f"{len(old)} before --since"] if since else []
        counts += [f"{len(new) - len(wanted)} past --limit"] if len(wanted) < len(new) else []
        print(f"feed {printable(source)}: {', '.join(counts)}; fetching {len(wanted)}", file=self._out)
        for entry in wanted:
            self.add(entry.link, entry, since)

    def _load(self, source: str) -> bytes:
        if is_url(source):
            return self.fetcher.get(source, accept=FEED_ACCEPT).body
        return _read_file(Path(source), self.fetcher.options.max_bytes)

    # -- lines ---------------------------------------------------------------------------------

    def _skip(self, target: str, reason: str) -> None:
        self.tally.skipped += 1
        print(f"skipped {printable(target)}: {printable(reason)}", file=self._out)

    def _fail(self, target: str, reason: str) -> None:
        self.tally.failed += 1
        print(f"failed {printable(target)}: {printable(reason)}", file=self._err)


def page_metadata(page: bytes, final_url: str | None, entry: Entry | None, fetched: str | None) -> dict:
    """The sidecar of a page: what the page says, else what its feed entry says; the
    canonical URL, else where the page was fetched from; the publisher, else the feed's
    title, else the host. ``IngestError`` for a page with no article or no date."""
    try:
        found, blocks = extract_html(page)
    except HtmlSeedError:
        raise IngestError("no article text found") from None
    length = sum(len(text) for kind, text in blocks if kind == "body")
    if length < MIN_ARTICLE_CHARS:
        raise IngestError(f"no article text found (only {length} characters of text outside the page's navigation)")
    title = found["title"] or (entry and entry.title)
    date = html_date(found["date"]) or (entry and entry.date)
    if not date:
        raise IngestError("no date (neither the page nor its feed entry gives a publication date)")
    if not title:
        raise IngestError("no title (neither the page nor its feed entry gives one)")
    url = _canonical(found["url"], final_url)
    host = urllib.parse.urlsplit(url).hostname if url else None
    source = {
        "publisher": found["publisher"] or (entry and entry.publisher) or host,
        "url": url,
        "author": found["author"] or (entry and entry.author),
        "fetched": fetched,
    }
    return {"title": " ".join(title.split()), "date": date.isoformat(), "source": {k: v for k, v in source.items() if v}}


def _canonical(declared: str | None, final_url: str | None) -> str | None:
    """The page's canonical URL (resolved against where it came from) when it is http(s)."""
    url = urllib.parse.urljoin(final_url or "", declared) if declared else final_url
    return url if url and is_url(url) and urllib.parse.urlsplit(url).hostname else final_url


def _is_html(content_type: str, body: bytes) -> bool:
    if content_type:
        return content_type in HTML_TYPES
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _read_saved(path: Path, limits: Limits) -> bytes:
    if path.suffix.lower() not in (".html", ".htm"):
        raise IngestError("not a saved page (.html or .htm) nor an http(s) URL")
    return _read_file(path, limits.max_bytes)


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        return read_regular(path, max_bytes)
    except FileNotFoundError:
        raise IngestError("no such file, and not an http(s) URL") from None
    except UnsafeFile as err:
        raise IngestError(str(err)) from None
    except ValueError as err:
        raise IngestError(f"too large ({err})") from None
    except OSError as err:
        raise IngestError(f"cannot read file ({err.strerror})") from None
