"""The analysis of one article (``analyze``: Article -> Briefing), of many (in worker
processes when there are many), and the corpus-wide slug assignment. Pure functions: what
is kept between builds (memo, cache) belongs to ``generator.site.Generator``."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..memo import ObjectMemo
from ..model import Article, Briefing, SeedError, SeedProblem, failure_problem
from ..workers import forked_map
from .actors import extract_actors, with_relation_roles
from .document import Document
from .editorial import apply_overrides
from .figures import extract_figures
from .moves import extract_moves
from .relations import extract_relations
from .sections import build_sections
from .sources import find_secondary_sources
from .statements import story_words
from .summary import summarize
from .text import short_hash, slugify
from .timeline import build_timeline, find_document_dates

PARALLEL_MIN = 64
"""Corpora at least this large are analyzed in worker processes (one per core)."""


def analyze(article: Article, slug: str = "") -> Briefing:
    """Every analyzer on the article's ``Document``, split once."""
    document = Document.of(article)
    actors = extract_actors(document)
    relations = extract_relations(document, actors)
    actors = with_relation_roles(document, actors, relations)
    dates = find_document_dates(document)
    sources = find_secondary_sources(document, actors)
    briefing = Briefing(
        article=article,
        slug=slug,
        summary=summarize(document, actors),
        actors=actors,
        timeline=build_timeline(document, dates),
        sections=build_sections(document),
        figures=extract_figures(document, dates),
        secondary_sources=sources,
        dateline=document.dateline.place if document.dateline else None,
        relations=relations,
        moves=extract_moves(document, actors, relations),
    )
    return replace(briefing, words=story_words(briefing))


def analyze_or_problem(article: Article) -> Briefing | SeedProblem:
    """``analyze``, with any exception (a bug not found yet) made that article's problem:
    one article's failure never takes the site down."""
    try:
        return analyze(article)
    except Exception as err:  # noqa: BLE001 - the point: whatever it is, it stays this article's
        return failure_problem(article.path, "analysis", err)


def analyze_many(articles: list[Article], workers: int | None = None, progress=None, store=None) -> list[Briefing | SeedProblem]:
    """``analyze_or_problem`` of each article, in order; in one worker process per core
    when there are at least PARALLEL_MIN (the result is the same). ``progress`` is told
    ``("analyze", done, total)`` as results come in. A ``store`` (the analysis cache:
    ``put(article, briefing) -> bytes``, ``read(article, bytes) -> briefing``) keeps each
    analysis where it is made, and its bytes are what comes back from a worker."""
    report = None if progress is None else (lambda done: progress("analyze", done, len(articles)))
    if store is None:
        return forked_map(analyze_or_problem, articles, workers, PARALLEL_MIN, report)

    def analyze_and_store(article: Article) -> Briefing | SeedProblem | bytes:
        analysis = analyze_or_problem(article)
        return store.put(article, analysis) if isinstance(analysis, Briefing) else analysis

    results = forked_map(analyze_and_store, articles, workers, PARALLEL_MIN, report)
    return [_stored(store, article, result) for article, result in zip(articles, results)]


def _stored(store, article: Article, result: Briefing | SeedProblem | bytes) -> Briefing | SeedProblem:
    if not isinstance(result, bytes):
        return result
    briefing = store.read(article, result)
    return briefing if briefing is not None else analyze_or_problem(article)


def finish(analysis: Briefing | SeedProblem, article: Article, slug: str) -> Briefing | SeedProblem:
    """The analysis with its slug and the analyst's overrides applied; a bad override is a
    problem of that seed (reported like any bad seed)."""
    if isinstance(analysis, SeedProblem):
        return analysis
    try:
        return apply_overrides(replace(analysis, article=article, slug=slug))
    except SeedError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001
        return failure_problem(article.path, "applying the overrides", err)


def analyze_all(articles: tuple[Article, ...], workers: int | None = None) -> tuple[tuple[Briefing, ...], tuple[SeedProblem, ...]]:
    """Every article analyzed, slugged and edited: the briefings and the problems."""
    slugs = assign_slugs(articles)
    results = [finish(a, article, slugs[article.path]) for a, article in zip(analyze_many(list(articles), workers), articles)]
    return split_results(results)


def split_results(results) -> tuple[tuple[Briefing, ...], tuple[SeedProblem, ...]]:
    return tuple(r for r in results if isinstance(r, Briefing)), tuple(r for r in results if isinstance(r, SeedProblem))


def assign_slugs(articles: tuple[Article, ...], bases: ObjectMemo | None = None) -> dict:
    """A unique slug per article: ``<date>-<title words>``; colliding slugs all get a hash of
    their path. ``bases``: a memo of each article's ``base_slug``, kept by a caller that sees
    the same article objects again (the Generator, under ``mkdocs serve``)."""
    base = {}
    for article in articles:
        base[article.path] = bases.value(article, base_slug) if bases is not None else base_slug(article)
    counts = Counter(base.values())
    if len(counts) == len(base):
        return base  # no two alike
    names = {a.path: a.seed_name for a in articles}
    return {
        path: slug if counts[slug] == 1 else f"{slug}-{short_hash(names[path])}"
        for path, slug in base.items()
    }


def base_slug(article: Article) -> str:
    """``<date>-<title words>`` (a hash of the title when it has no word a URL can hold)."""
    words = slugify(article.title) or short_hash(article.title)
    return f"{article.date.isoformat()}-{words}"
