"""The whole core in one call: seeds folder -> pages and problems. No MkDocs here.

``Generator`` runs the stages in order, read -> analyze -> corpus -> publish, each a pure
function of the previous stage's values, and is the one owner of what is kept between
runs (``mkdocs serve``): the seeds read, the analyses, the analysis cache, the rendered
pages. The output is the same as a fresh run's (tests compare them).
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from .analyze.briefing import analyze_many, assign_slugs, finish, split_results
from .cache import AnalysisCache
from .corpus.catalog import Catalog, build_catalog, patch_catalog
from .corpus.stories import patch_stories, with_stories
from .memo import ObjectMemo, Same
from .model import Article, Briefing, Page, SeedProblem, Seeds, pack
from .publish.exports import DIGEST_FEED, FEED_ENTRIES, corpus_actors, digest_feed_page, digests, export_pieces, exports, feed_page, seed_tags, step_json, step_shown, story_json, story_place
from .publish.pages import PageJob, make_environment, plan_pages
from .read.seeds import collect, read_one, seed_paths, seed_stamp
from .settings import Settings
from .workers import forked_map

Progress = Callable[[str, int, int], None]
"""Told ``(stage, done, total)`` as a long run goes: "read", "analyze", "publish"."""


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
    """Milliseconds per stage: read, analyze, corpus, stories, publish."""


class Generator:
    """The core with a memory of its previous run: a seed whose file did not change is not
    read again, an unchanged article is not analyzed again (nor looked up in the cache), and
    a page whose inputs did not change is not rendered again."""

    def __init__(self) -> None:
        self.seeds: dict[Path, tuple[tuple, Article | SeedProblem]] = {}
        """seed path -> (stamp and limits, what reading it gave)."""
        self.paths: dict[str, Path] = {}
        """The seed files the previous scan found (``scan_folder``'s ``known``)."""
        self.analyses = ObjectMemo()
        """Article -> (slug, Briefing or SeedProblem)."""
        self.slug_bases = ObjectMemo()
        """Article -> its slug before collisions (``base_slug``)."""
        self.pages = PageMemo()
        self.pieces = ObjectMemo()
        """Briefing -> its serialized pieces of the export files."""
        self.replays: dict = {}
        """story slug -> its ``corpus.stories._Replay``: a patched story is made again from its edited briefing."""
        self.stories_json = ObjectMemo()
        """Story -> its entry of stories.json."""
        self.story_steps: dict[str, tuple[tuple, list[bytes]]] = {}
        """story slug -> (its steps' ``step_shown``, their ``step_json``) of the previous run: a story
        patched anew (``patch_stories`` makes all its steps again) serializes only the steps that changed."""
        self.feeds = FeedMemo()
        self.added, self.pruned = 0, None
        """Analyses put in the cache since it was last pruned, and the cache folder pruned (``PRUNE_AFTER``)."""
        self.catalog: tuple[Catalog, object] | None = None
        """The previous catalog (with its stories) and the story settings it was made with."""

    def generate(self, settings: Settings, progress: Progress | None = None) -> Generated:
        """A run. What it keeps for the next run (the catalog, the memos: millions of objects
        at N=1,000) is frozen away from the garbage collector until then (``gc.freeze``): the
        collector's full passes walked all of it every few edits under ``mkdocs serve``, a
        third of an edit's time, and MkDocs' build after the run walked it too. The next run
        unfreezes first, so what this one dropped meanwhile is collected as usual."""
        gc.unfreeze()
        try:
            return self._run(settings, progress)
        finally:
            gc.freeze()

    def _run(self, settings: Settings, progress: Progress | None) -> Generated:
        report = progress or _silent
        clock = [time.perf_counter()]

        def lap() -> float:
            gc.freeze()  # a stage's results live to the end of the run: later stages' collections skip them
            clock.append(time.perf_counter())
            return (clock[-1] - clock[-2]) * 1000

        seeds = self.read(settings, report)
        timings = [("read", lap())]
        briefings, problems = self.analyze(seeds.articles, settings, report)
        timings.append(("analyze", lap()))
        patched = patch_catalog(self.catalog[0], briefings) if self.catalog is not None else None
        catalog = patched[0] if patched else build_catalog(briefings)
        timings.append(("corpus", lap()))
        catalog = self.stories(catalog, patched, settings)
        timings.append(("stories", lap()))
        pages = self.publish(catalog, settings, report)
        timings.append(("publish", lap()))
        newest = max((a.date for a in seeds.articles), default=None)
        return Generated(
            pages, seeds.problems + problems, build_epoch(newest), self.pages.rendered, frozenset(self.pages.unchanged), tuple(timings)
        )

    # -- the stages, with what is kept between runs ---------------------------------------

    def stories(self, catalog: Catalog, patched: tuple | None, settings: Settings) -> Catalog:
        """The catalog with its stories: the previous ones patched when the catalog was
        (and the edits leave the grouping as it was), else grouped afresh."""
        result = None
        if patched is not None and self.catalog is not None and self.catalog[1] == settings.stories:
            previous, swap = self.catalog[0], patched[1]
            result = previous if not swap and catalog is previous else patch_stories(previous, catalog, swap, settings.stories, self.replays)
        if result is None:
            self.replays = {}
            result = with_stories(catalog, settings.stories, self.replays)
        self.catalog = (result, settings.stories)
        return result

    def read(self, settings: Settings, report: Progress = None) -> Seeds:
        """Every seed, reusing what an unchanged file gave last time (the very same Article
        object, which lets the later stages recognize it at once)."""
        report = report or _silent
        stats: dict = {}
        paths, skipped = seed_paths(settings.seeds_dir, stats, self.paths)
        seen, results = {}, []
        for done, path in enumerate(paths, 1):
            stamp = (seed_stamp(path, stats), settings.limits)
            hit = self.seeds.get(path)
            if hit is None or hit[0] != stamp:
                hit = (stamp, read_one(path, settings.seeds_dir, settings.limits))
            seen[path] = hit
            result = hit[1]
            results.append(result)
            report("read", done, len(paths))
        self.seeds = seen
        return collect(skipped, results)

    def analyze(
        self, articles: tuple[Article, ...], settings: Settings, report: Progress = None
    ) -> tuple[tuple[Briefing, ...], tuple[SeedProblem, ...]]:
        """Every article analyzed, slugged and edited. An article seen in the previous run
        (the same object, the same slug) is not looked at again; the others come from the
        analysis cache, and those it misses are analyzed (in parallel when many)."""
        slugs = assign_slugs(articles, self.slug_bases)
        self.slug_bases.keep_only(articles)
        self.analyses.keep_only(articles)
        todo = [a for a in articles if (self.analyses.get(a) or (None,))[0] != slugs[a.path]]
        cache = AnalysisCache(settings.cache_dir) if settings.cache_dir else None
        cached = [cache.get(a) if cache else None for a in todo]
        missing = [a for a, hit in zip(todo, cached) if hit is None]
        fresh = iter(analyze_many(missing, settings.workers, report, cache))  # stored as they are made
        for article, hit in zip(todo, cached):
            analysis = hit if hit is not None else next(fresh)
            slug = slugs[article.path]
            self.analyses.put(article, (slug, finish(analysis, article, slug)))
        if cache is not None and missing:
            self.added += len(missing)
            if self.added >= PRUNE_AFTER or self.pruned != settings.cache_dir:
                cache.prune()
                self.added, self.pruned = 0, settings.cache_dir
        return split_results([self.analyses.get(a)[1] for a in articles])

    def publish(self, catalog: Catalog, settings: Settings, report: Progress = None) -> tuple[Page, ...]:
        """Every page and export; a page whose key is unchanged keeps its previous text."""
        report = report or _silent
        env = self.pages.start(settings.templates_dir, settings.home_intro, settings.site_url, settings.timeline_page_entries, settings.directory_urls)
        weeks = digests(catalog, self.pages.reuse)
        tags = seed_tags(catalog)
        jobs = plan_pages(catalog, env, settings.home_intro, settings.site_url, settings.timeline_page_entries, settings.directory_urls, weeks, self.pages.reuse, tags)
        self.pieces.keep_only(catalog.briefings)
        ids = (Same.kept(self.pages.reuse, "actor-slug", catalog.actor_slug), Same.kept(self.pages.reuse, "actor-type", catalog.actor_type))
        todo = [job for b in catalog.briefings if (job := self._pieces(b, catalog, ids)) is not None]
        pages, made = self.pages.render(jobs, settings.workers, lambda done: report("publish", done, len(jobs)), todo)
        for job, value in zip(todo, made):
            self.pieces.put(job.briefing, (job.ids, job.inputs, value))
        pieces = tuple(self.pieces.get(b)[2] for b in catalog.briefings)  # each briefing's, kept or made now
        self.stories_json.keep_only(catalog.stories)
        stories = tuple(self.stories_json.value(s, self._story_json) for s in catalog.stories)
        self.story_steps = {s.slug: self.story_steps[s.slug] for s in catalog.stories if s.slug in self.story_steps}
        self.feeds.start()
        result = tuple(pages) + exports(catalog, settings.site_url, pieces, weeks, stories, self.feeds, tags, self.feeds.weekly)
        self.feeds.keep_used()
        self.pages.keep(result)
        return result

    def _story_json(self, story) -> bytes:
        """``story_json``, with the JSON of each step that gives what the step at its place
        in the story's previous version gave (``step_shown``) taken from then."""
        before, kept = self.story_steps.get(story.slug, ((), []))
        shown = [step_shown(step) for step in story.steps]
        adds = [kept[i] if i < len(before) and before[i] == key else step_json(step) for i, (key, step) in enumerate(zip(shown, story.steps))]
        self.story_steps[story.slug] = (shown, adds)
        return story_json(story, adds)

    def _pieces(self, briefing: Briefing, catalog: Catalog, ids: tuple) -> _PiecesJob | None:
        """None when the briefing's export pieces are kept (``self.pieces``): while the
        briefing, its corpus ids (the very same dicts of the catalog, else equal ones for
        it) and its story stay. Else the job of making them (done with the pages)."""
        hit = self.pieces.get(briefing)
        story = story_place(catalog, briefing)
        if hit is not None and hit[0] == (ids, story):
            return None
        corpus = corpus_actors(catalog, briefing)
        if hit is None or hit[1] != (corpus, story):
            return _PiecesJob(briefing, (ids, story), (corpus, story))
        self.pieces.put(briefing, ((ids, story), hit[1], hit[2]))
        return None


@dataclass(frozen=True, slots=True)
class _PiecesJob:
    """A briefing's export pieces to make (``export_pieces``), with the keys they are kept under."""

    briefing: Briefing
    ids: tuple
    inputs: tuple
    """(corpus actors, story place): what ``export_pieces`` is given."""

    def render(self) -> dict:
        return export_pieces(self.briefing, *self.inputs)


PRUNE_AFTER = 100
"""The analysis cache is pruned by the first run that adds to it, then after each ``PRUNE_AFTER``
analyses added: a listing of the whole cache on each edit under ``mkdocs serve`` cost more
than the rest of the run; the cache holds at most that many entries above its bound."""


class FeedMemo:
    """``feed_page`` remembering each feed of the previous run by its path: a feed is made
    again only when what it shows (its first ``FEED_ENTRIES`` briefings, compared by value,
    its title, the site URL) changed."""

    def __init__(self) -> None:
        self.feeds: dict[str, tuple[tuple, Page]] = {}
        self.used: set[str] = set()

    def start(self) -> None:
        self.used = set()

    def __call__(self, briefings: tuple[Briefing, ...], site_url: str = "", title: str = "Briefings", path: str = "feed.xml") -> Page:
        return self._page(path, (tuple(briefings[:FEED_ENTRIES]), site_url, title), lambda: feed_page(briefings, site_url, title, path))

    def weekly(self, weeks: tuple, site_url: str = "") -> Page:
        """``digest_feed_page``, made again only when the weeks it shows (the very same
        kept ``DigestWeek`` objects while unchanged, else compared by value) changed."""
        return self._page(DIGEST_FEED, (tuple(weeks[:FEED_ENTRIES]), site_url), lambda: digest_feed_page(weeks, site_url))

    def _page(self, path: str, key: tuple, make: Callable[[], Page]) -> Page:
        hit = self.feeds.get(path)
        if hit is None or hit[0] != key:
            hit = (key, make())
            self.feeds[path] = hit
        self.used.add(path)
        return hit[1]

    def keep_used(self) -> None:
        """Forget the feeds this run did not make (a removed actor, tag or story)."""
        for path in [p for p in self.feeds if p not in self.used]:
            del self.feeds[path]


def _silent(stage: str, done: int, total: int) -> None:
    pass


def _render(job: PageJob | _PiecesJob) -> bytes | dict:
    """The job's page packed (``Page.packed``), by the worker that renders it (or the
    export pieces of a ``_PiecesJob``, which are packed each)."""
    if isinstance(job, _PiecesJob):
        return job.render()
    return pack(job.render().encode("utf-8"))


PARALLEL_PAGES = 400
"""Pages to render below which forking workers costs more than it saves."""


class PageMemo:
    """What the previous publish produced: a page is rendered again only when its key
    differs. Keys are compared by value; unchanged briefings are the very same objects, so
    the comparison is quick. The jobs of a briefing, an actor, a year of the timeline are
    themselves kept while their inputs are equal (``reuse``), so an unchanged page costs an
    identity check. Any change of the templates or of the settings starts afresh."""

    def __init__(self) -> None:
        self.context: tuple | None = None
        self.env: jinja2.Environment | None = None
        self.pages: dict[str, tuple[object, Page]] = {}
        self.jobs: dict[str, tuple[tuple, object, frozenset[str]]] = {}
        """name -> (inputs, what ``make`` gave for them, the names it reused): see ``reuse``."""
        self.used: set[str] = set()
        self.making: list[set[str]] = []
        self.rendered = 0
        self.unchanged: set[str] = set()
        """Paths whose text is the same as in the previous run."""

    def start(self, templates_dir: Path, *settings) -> jinja2.Environment:
        context = (_templates_stamp(templates_dir), *settings)
        if context != self.context or self.env is None:
            self.context, self.env = context, make_environment(templates_dir)
            self.pages.clear()
            self.jobs.clear()
        self.rendered = 0
        self.unchanged = set()
        self.used = set()
        return self.env

    def render(
        self, jobs: tuple[PageJob, ...], workers: int | None = None, progress: Callable[[int], None] | None = None, also: Sequence = ()
    ) -> tuple[list[Page], list]:
        """The page of each job: the one of the previous run when its key (all it shows) is
        unchanged, else rendered (a key of None always renders). The pages to render are
        rendered together, by worker processes when there are many (a full build), and
        with them the other jobs ``also`` (``render()`` of each, which is returned too:
        their serial work is shared out with the pages')."""
        kept = self._kept(jobs)
        todo = [job for job, page in zip(jobs, kept) if page is None]
        report = None if progress is None else (lambda done: progress(min(len(jobs), done + len(jobs) - len(todo))))
        made = forked_map(_render, todo + list(also), workers, PARALLEL_PAGES, report)
        packed = iter(made[: len(todo)])
        return [page if page is not None else self._store(job, next(packed)) for job, page in zip(jobs, kept)], made[len(todo) :]

    def reuse(self, name: str, inputs: tuple, make: Callable[[], object]) -> object:
        """``make()``, or what it gave in the previous run for equal ``inputs`` (``plan_pages``).
        What ``make`` reused itself is kept as long as it is (an actor's years of archive)."""
        hit = self.jobs.get(name)
        if hit is None or hit[0] != inputs:
            self.making.append(set())
            try:
                value = make()
            finally:
                inner = frozenset(self.making.pop())
            hit = self.jobs[name] = (inputs, value, inner)
        if self.making:
            self.making[-1].add(name)
        self._use(name)
        return hit[1]

    def _use(self, name: str) -> None:
        if name not in self.used:
            self.used.add(name)
            for inner in self.jobs[name][2]:
                self._use(inner)

    def _kept(self, jobs: tuple[PageJob, ...]) -> list[Page | None]:
        """For each job, the page of the previous run when the job's key is the same (the
        very same object when its jobs were kept: ``reuse``), else None. One loop of
        thousands a run: the look-ups are bound once."""
        found, unchanged = self.pages.get, self.unchanged
        kept: list[Page | None] = []
        for job in jobs:
            hit = found(job.path)
            key = job.key
            if key is not None and hit is not None and (hit[0] is key or hit[0] == key):
                unchanged.add(job.path)
                kept.append(hit[1])
            else:
                kept.append(None)
        return kept

    def _store(self, job: PageJob, packed: bytes) -> Page:
        hit = self.pages.get(job.path)
        page = Page.of_packed(job.path, packed)
        self.rendered += 1
        if hit is not None and hit[1].packed == page.packed:
            self.unchanged.add(job.path)
        self.pages[job.path] = (job.key, page)
        return page

    def keep(self, pages: tuple[Page, ...]) -> None:
        """Forget pages that are gone (a deleted seed or actor), and jobs not asked for."""
        current = {p.path for p in pages}
        for path in [p for p in self.pages if p not in current]:
            del self.pages[path]
        for name in [n for n in self.jobs if n not in self.used]:
            del self.jobs[name]


def _templates_stamp(templates_dir: Path) -> tuple:
    stamps = []
    for path in sorted(templates_dir.rglob("*")):
        st = path.stat()
        stamps.append((path.as_posix(), st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(stamps)


EPOCH_RANGE = (0, 2**32 - 1)
"""What gzip's header holds (MkDocs' sitemap.xml.gz): 1970-01-01 to 2106-02-07. Any
calendar date is accepted in a seed; the build date it gives is clamped to this range."""


def build_epoch(newest: dt.date | None) -> int:
    """Midnight UTC of the newest article, clamped to ``EPOCH_RANGE``; 0 for no article."""
    if newest is None:
        return 0
    low, high = EPOCH_RANGE
    return min(max(calendar.timegm(newest.timetuple()), low), high)


def generate(settings: Settings, progress: Progress | None = None) -> Generated:
    """A full run."""
    return Generator().generate(settings, progress)
