"""The whole core in one call: seeds folder -> pages and problems. No MkDocs here."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from .analysis import analyze_all
from .cache import AnalysisCache
from .model import Page, SeedProblem
from .reader import read_seeds
from .render import render_site
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Generated:
    pages: tuple[Page, ...]
    problems: tuple[SeedProblem, ...]
    source_date_epoch: int
    """Midnight UTC of the newest article: a reproducible build date for the site."""


def generate(settings: Settings) -> Generated:
    corpus = read_seeds(settings.seeds_dir, settings.limits)
    cache = AnalysisCache(settings.cache_dir) if settings.cache_dir else None
    briefings, override_problems = analyze_all(corpus.articles, cache, settings.workers)
    pages = render_site(briefings, settings.templates_dir, settings.home_intro, settings.site_url, settings.timeline_page_entries)
    newest = max((a.date for a in corpus.articles), default=None)
    epoch = calendar.timegm(newest.timetuple()) if newest else 0
    return Generated(pages, corpus.problems + override_problems, epoch)
