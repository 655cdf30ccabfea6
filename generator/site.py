"""The whole core in one call: seeds folder -> pages and problems. No MkDocs here."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from .analysis import analyze_all
from .cache import AnalysisCache
from .model import Page, SeedProblem
from .reader import read_seeds
from .render import PageMemo, render_site
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


class Generator:
    """The core with a memory of its previous run, for ``mkdocs serve``: a seed whose file
    did not change is not read again, an unchanged article is not analyzed again, and a
    page whose inputs did not change is not rendered again. The output is the same as a
    fresh run's (tests compare them)."""

    def __init__(self) -> None:
        self.seeds: dict = {}
        self.analyses: dict = {}
        self.pages = PageMemo()

    def generate(self, settings: Settings) -> Generated:
        corpus = read_seeds(settings.seeds_dir, settings.limits, self.seeds)
        cache = AnalysisCache(settings.cache_dir) if settings.cache_dir else None
        briefings, override_problems = analyze_all(corpus.articles, cache, settings.workers, self.analyses)
        pages = render_site(
            briefings, settings.templates_dir, settings.home_intro, settings.site_url, settings.timeline_page_entries, self.pages
        )
        newest = max((a.date for a in corpus.articles), default=None)
        epoch = calendar.timegm(newest.timetuple()) if newest else 0
        return Generated(pages, corpus.problems + override_problems, epoch, self.pages.rendered, self.pages.unchanged)


def generate(settings: Settings) -> Generated:
    """A full run."""
    return Generator().generate(settings)
