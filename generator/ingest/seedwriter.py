"""Writing a fetched page into the seeds folder, safely by construction, and knowing which
pages are there already.

A page and its sidecar are first written into a hidden staging folder inside the seeds
folder (hidden entries are never read as seeds), each with ``O_CREAT | O_EXCL |
O_NOFOLLOW``, and read back with the seed reader itself: what is published is a seed that
reads, whose article is the one compared with the folder's. Publishing is ``os.link`` of
each staged file to its final name, which is atomic and fails when the name exists: no file
is ever overwritten, and a reader never sees half a page. The sidecar is published first,
so a page never appears without its metadata. Names are ``<date>-<title slug>.html``
(``a-z 0-9 -`` only, ``-2``, ``-3`` ... on a clash) directly inside the seeds folder.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import tempfile
import unicodedata
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..model import Article
from ..read.seeds import read_one, read_seed, seed_paths
from ..settings import Limits

SLUG_MAX = 60
"""Longest title part of a seed's file name, cut at a word."""
NAME_TRIES = 1000
"""Names tried (``-2`` ... ) before giving up on a title written 1,000 times on one day."""
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
_WRITE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True, slots=True)
class Found:
    """An article already in the seeds folder."""

    name: str
    """Its seed file, relative to the seeds folder."""
    why: str
    """"same canonical URL" or "same text"."""


class SeedIndex:
    """The canonical URLs and texts of the seeds in a folder, each to its seed's name."""

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}
        self._texts: dict[str, str] = {}

    @classmethod
    def of_folder(cls, seeds_dir: Path, limits: Limits) -> SeedIndex:
        """Every seed of the folder, read as a build reads it (bad seeds are left out)."""
        index = cls()
        paths, _ = seed_paths(seeds_dir)
        for path in paths:
            article = read_one(path, seeds_dir, limits)
            if isinstance(article, Article):
                index.add(article, article.seed_name)
        return index

    def find_url(self, url: str | None) -> Found | None:
        name = self._urls.get(url_key(url)) if url else None
        return Found(name, "same canonical URL") if name else None

    def find(self, article: Article) -> Found | None:
        """The seed that holds this article already, by canonical URL or by text."""
        found = self.find_url(article.source.url)
        if found is None and (name := self._texts.get(text_key(article))):
            found = Found(name, "same text")
        return found

    def add(self, article: Article, name: str, *urls: str) -> None:
        """Know ``article`` as seed ``name``, by its URL, its text and any other URL it was reached by."""
        for url in (article.source.url, article.source.fetched_from, *urls):
            if url:
                self._urls.setdefault(url_key(url), name)
        self._texts.setdefault(text_key(article), name)

    def __len__(self) -> int:
        return len(self._texts)


def url_key(url: str) -> str:
    """A URL as compared: scheme and host lowercase, no default port, no fragment, no
    tracking parameters (``utm_*``, ``fbclid``...), no trailing slash."""
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, 80, 443) else None
    query = urllib.parse.urlencode([(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    netloc = f"{host}:{port}" if port else host
    return urllib.parse.urlunsplit((parts.scheme.lower(), netloc, parts.path.rstrip("/") or "/", query, ""))


def text_key(article: Article) -> str:
    """The article's body text, whitespace and case folded, as a SHA-256."""
    body = "\n".join(" ".join(p.text.split()).casefold() for p in article.paragraphs if p.kind == "body")
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def seed_stem(article: Article, fallback: str) -> str:
    """``<date>-<title slug>``; a title with nothing ASCII gets a hash of ``fallback`` (the URL)."""
    folded = unicodedata.normalize("NFKD", article.title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return f"{article.date.isoformat()}-{slug or hashlib.sha256(fallback.encode()).hexdigest()[:10]}"


def sidecar_text(metadata: dict, origin: str) -> str:
    """The sidecar's YAML: the keys the reader accepts (``title``, ``date``, ``source``)."""
    head = f"# Written by `briefing {origin}`. Edit freely: what this file says wins over the page.\n"
    return head + yaml.safe_dump(metadata, sort_keys=False, allow_unicode=True, width=1000)


class StagedSeed:
    """A page and its sidecar staged in the seeds folder, read back as an article; use as a
    context manager (the staging folder is removed on exit, published or not)."""

    def __init__(self, seeds_dir: Path, page: bytes, sidecar: str, limits: Limits) -> None:
        self.seeds_dir = seeds_dir
        self._folder = Path(tempfile.mkdtemp(prefix=".briefing-add-", dir=seeds_dir))
        self._page = self._folder / "page.html"
        self._sidecar = self._folder / "page.html.yml"
        try:
            _write_new(self._page, page)
            _write_new(self._sidecar, sidecar.encode("utf-8"))
            self.article: Article = read_seed(self._page, limits)
            """The article as the build will read it (``SeedError`` when it would not read)."""
        except BaseException:
            self.__exit__()
            raise

    def __enter__(self) -> StagedSeed:
        return self

    def __exit__(self, *exc) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)

    def publish(self, stem: str) -> Path:
        """Link the staged files to ``<stem>.html`` (``<stem>-2.html`` ... when taken) and its
        sidecar; the page's path."""
        if not re.fullmatch(r"[a-z0-9-]+", stem):
            raise ValueError(f"unsafe seed name {stem!r}")
        for number in range(1, NAME_TRIES + 1):
            page = self.seeds_dir / f"{stem if number == 1 else f'{stem}-{number}'}.html"
            if _link_pair(self._sidecar, self._page, page):
                return page
        raise FileExistsError(f"{NAME_TRIES} seeds named {stem}-N.html exist already")

def _link_pair(sidecar: Path, page: Path, target: Path) -> bool:
    """Link ``sidecar`` then ``page`` to ``target``'s names, neither over an existing file;
    False (and nothing left behind) when either name is taken."""
    target_sidecar = target.with_name(target.name + ".yml")
    if os.path.lexists(target.with_suffix(".yml")):
        return False  # another seed's sidecar by the short name (`x.yml` of `x.txt`): keep clear of it
    if not _link_new(sidecar, target_sidecar):
        return False
    if not _link_new(page, target):
        os.unlink(target_sidecar)  # the one just linked, nobody else's
        return False
    return True


def _link_new(source: Path, target: Path) -> bool:
    """``source`` under the new name ``target``; False when the name is taken. Where the
    file system has no hard links, a copy written with ``O_EXCL`` (never over a file, but
    visible while it is written)."""
    try:
        os.link(source, target)
    except FileExistsError:
        return False
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV):
            raise
        try:
            _write_new(target, source.read_bytes())
        except FileExistsError:
            return False
    return True


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, _WRITE_FLAGS, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
