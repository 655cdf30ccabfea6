"""Analysis cache: an unchanged article is not analyzed again.

The key is a SHA-256 of the article as read (text, metadata, overrides) and of the
generator's own source code, so editing a seed or upgrading the analysis both miss.
Entries are pickles written atomically in a folder of their own (``.cache/briefings`` by
default, never under ``docs/``); the folder holds only what this tool wrote there.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
from pathlib import Path

from .model import Article, Briefing
from .safety import atomic_write


@functools.cache
def generator_version() -> str:
    """A hash of every module of the generator: any code change invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(article: Article) -> str:
    payload = repr((generator_version(), article.title, article.date, article.paragraphs, article.source, article.tags))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class AnalysisCache:
    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, article: Article) -> Briefing | None:
        path = self._path(cache_key(article))
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, article: Article, briefing: Briefing) -> None:
        path = self._path(cache_key(article))
        try:
            atomic_write(path, pickle.dumps(briefing, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only or full disk only costs speed
