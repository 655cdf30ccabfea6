"""The whole core in one call: seeds folder -> pages and problems. No MkDocs here."""

from __future__ import annotations

import calendar
import datetime as dt
import time
from dataclasses import dataclass, field

from .analyze.briefing import analyze_all
from .cache import AnalysisCache
from .memo import ObjectMemo
from .model import Page, SeedProblem
from .read.seeds import read_seeds
from .publish.pages import PageMemo, render_site
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Generated:
    pages: tuple[Page, ...]
    problems: tuple[SeedProblem, ...]
    source_date_epoch: int
    """Midnight UTC of the newest article: a reproducible build date for the site."""
    rendered: int = 0
    """Pages rendered in this run (the others were unchanged since the previous run)."""
    unchanged: frozenset[str] = frozenset()
    """Paths whose text is byte-identical to the previous run of the same Generator."""
    timings: tuple[tuple[str, float], ...] = field(default=(), compare=False)
    """Milliseconds per stage: read, analyze, render (catalog, pages and exports)."""


class Generator:
    """The core with a memory of its previous run, for ``mkdocs serve``: a seed whose file
    did not change is not read again, an unchanged article is not analyzed again, and a
    page whose inputs did not change is not rendered again. The output is the same as a
    fresh run's (tests compare them)."""

    def __init__(self) -> None:
        self.seeds: dict = {}
        self.analyses = ObjectMemo()
        self.pages = PageMemo()

    def generate(self, settings: Settings) -> Generated:
        t0 = time.perf_counter()
        corpus = read_seeds(settings.seeds_dir, settings.limits, self.seeds)
        t1 = time.perf_counter()
        cache = AnalysisCache(settings.cache_dir) if settings.cache_dir else None
        briefings, override_problems = analyze_all(corpus.articles, cache, settings.workers, self.analyses)
        t2 = time.perf_counter()
        pages = render_site(
            briefings, settings.templates_dir, settings.home_intro, settings.site_url, settings.timeline_page_entries, self.pages
        )
        t3 = time.perf_counter()
        newest = max((a.date for a in corpus.articles), default=None)
        epoch = build_epoch(newest)
        timings = (("read", (t1 - t0) * 1000), ("analyze", (t2 - t1) * 1000), ("render", (t3 - t2) * 1000))
        return Generated(
            pages, corpus.problems + override_problems, epoch, self.pages.rendered, frozenset(self.pages.unchanged), timings
        )


EPOCH_RANGE = (0, 2**32 - 1)
"""What gzip's header holds (MkDocs' sitemap.xml.gz): 1970-01-01 to 2106-02-07. Any
calendar date is accepted in a seed; the build date it gives is clamped to this range."""


def build_epoch(newest: dt.date | None) -> int:
    """Midnight UTC of the newest article, clamped to ``EPOCH_RANGE``; 0 for no article."""
    if newest is None:
        return 0
    low, high = EPOCH_RANGE
    return min(max(calendar.timegm(newest.timetuple()), low), high)


def generate(settings: Settings) -> Generated:
    """A full run."""
    return Generator().generate(settings)
