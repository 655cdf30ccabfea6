"""analyze: Article -> Briefing, and the corpus-wide slug assignment."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import replace
import unicodedata
from collections import Counter

from .actors import extract_actors
from .figures import extract_figures
from .lexicon import MEDIA_VERBS
from ..cache import AnalysisCache
from .editorial import apply_overrides
from ..memo import ObjectMemo
from ..model import Actor, Article, Briefing, SecondarySource, SeedProblem, failure_problem
from ..read.seeds import SeedError
from .sections import build_sections
from .summary import summarize
from .timeline import build_timeline

_SLUG_MAX = 60


def analyze_or_problem(article: Article) -> Briefing | SeedProblem:
    """``analyze``, with any exception (a bug not found yet) made that article's problem:
    one article's failure never takes the site down."""
    try:
        return analyze(article, "")
    except Exception as err:  # noqa: BLE001 - the point: whatever it is, it stays this article's
        return failure_problem(article.path, "analysis", err)


def analyze(article: Article, slug: str) -> Briefing:
    actors = extract_actors(article)
    return Briefing(
        article=article,
        slug=slug,
        summary=summarize(article, actors),
        actors=actors,
        timeline=build_timeline(article),
        sections=build_sections(article),
        figures=extract_figures(article),
        secondary_sources=find_secondary_sources(article, actors),
    )


PARALLEL_MIN = 64
"""Corpora at least this large are analyzed in worker processes (one per core)."""


def analyze_all(
    articles: tuple[Article, ...], cache: AnalysisCache | None = None, workers: int | None = None, memo: ObjectMemo | None = None
) -> tuple[tuple[Briefing, ...], tuple[SeedProblem, ...]]:
    """Analyze every article and apply its editorial overrides; a bad override is a problem
    of that seed (reported like any bad seed), the other articles still build.

    Unchanged articles come from the cache; the rest are analyzed in parallel when there
    are many. The result is the same, in the same order, however it was computed. A
    ``memo`` kept between builds returns the previous result for the very same Article
    object (an unchanged seed, see ``read_seeds``) and slug without any hashing.
    """
    slugs = assign_slugs(articles)
    memo = memo if memo is not None else ObjectMemo()
    memo.keep_only(articles)
    todo = [a for a in articles if (memo.get(a) or (None,))[0] != slugs[a.path]]  # memo value: (slug, result)
    cached = [cache.get(a) if cache else None for a in todo]
    missing = [a for a, hit in zip(todo, cached) if hit is None]
    fresh = iter(_analyze_many(missing, workers))
    for article, hit in zip(todo, cached):
        analysis = hit if hit is not None else next(fresh)
        if hit is None and cache is not None and isinstance(analysis, Briefing):
            cache.put(article, analysis)
        slug = slugs[article.path]
        memo.put(article, (slug, _finish(analysis, article, slug)))
    if cache is not None and missing:
        cache.prune()
    results = [memo.get(a)[1] for a in articles]
    return tuple(r for r in results if isinstance(r, Briefing)), tuple(r for r in results if isinstance(r, SeedProblem))


def _finish(analysis: Briefing | SeedProblem, article: Article, slug: str) -> Briefing | SeedProblem:
    """The analysis with its slug and the analyst's overrides applied."""
    if isinstance(analysis, SeedProblem):
        return analysis
    try:
        return apply_overrides(replace(analysis, article=article, slug=slug))
    except SeedError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001
        return failure_problem(article.path, "applying the overrides", err)


def _analyze_many(articles: list[Article], workers: int | None) -> list[Briefing | SeedProblem]:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(articles) < PARALLEL_MIN:
        return [analyze_or_problem(a) for a in articles]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(analyze_or_problem, articles, chunksize=max(1, len(articles) // (workers * 8))))


def find_secondary_sources(article: Article, actors: tuple[Actor, ...]) -> tuple[SecondarySource, ...]:
    """Organizations the article cites: "reports Caixin", "according to Reuters"."""
    verbs = "|".join(re.escape(v) for v in MEDIA_VERBS)
    found: dict[str, SecondarySource] = {}
    for actor in actors:
        if actor.type != "organization":
            continue
        for mention in actor.mentions:
            text = article.paragraph(mention.paragraph).text
            before = text[max(0, mention.start - 30) : mention.start]
            after = text[mention.end : mention.end + 16]
            if re.search(rf"\b(?:{verbs})\s+(?:the\s+)?$", before, re.IGNORECASE) or re.match(r"\s+(?:reported|reports)\b", after):
                found.setdefault(actor.name, SecondarySource(actor.name, mention.paragraph))
    return tuple(found.values())


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphenated, at most 60 characters cut at a word; may be empty."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > _SLUG_MAX:
        slug = slug[:_SLUG_MAX].rsplit("-", 1)[0]
    return slug


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def assign_slugs(articles: tuple[Article, ...]) -> dict:
    """A unique slug per article: ``<date>-<title words>``; colliding slugs all get a hash of their path."""
    base = {}
    for article in articles:
        words = slugify(article.title) or short_hash(article.title)
        base[article.path] = f"{article.date.isoformat()}-{words}"
    counts = Counter(base.values())
    names = {a.path: a.seed_name for a in articles}
    return {
        path: slug if counts[slug] == 1 else f"{slug}-{short_hash(names[path])}"
        for path, slug in base.items()
    }
