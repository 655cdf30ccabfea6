"""MkDocs' page loop shared with a forked process, for a large site on two cores or more.

MkDocs converts and themes every page one after the other, on one core: most of a large
build. Once the navigation exists (the plugin's ``on_nav``), the process is forked; each
worker converts and themes its share of the generated pages outside the navigation,
exactly as MkDocs would (``_populate_page``, then the page's context, its plugins' events
and its template), and sends back what the build needs of each page: its HTML, its table
of contents and anchors, its search entries and the warnings it logged. MkDocs' own loop
still visits every page, in its order: for a page a worker built, the Markdown is not
converted (``defer``), and at its turn (``take``, from the plugin's ``on_page_context``) the
worker's result takes the place of the conversion, the search entries and the template's
output, and its warnings are logged here, where ``--strict`` counts them. The site is
the same byte for byte (tests/test_pagebuild.py builds it both ways).

Only when it is safe: a plain build (not ``serve``, not ``--dirty``), fork available, and
no plugin other than this one and Material's search taking part in a page's events (their
effects are known: the search entries come back). A page whose worker failed, or all the
pages of a worker that died, are built here as usual, which raises any error of the page
with MkDocs' own message.
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import multiprocessing
import os
import pickle
import queue

from mkdocs.commands.build import _populate_page, get_context
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from .model import pack, unpack

PAGE_EVENTS = ("pre_page", "page_markdown", "page_content", "page_context", "post_page", "env")
"""The events a worker runs for its pages: each plugin taking part must be known."""
KNOWN_PLUGINS = ("generator.plugin", "material.plugins.search.plugin")
"""Modules of the plugins whose page events have no effect beyond the page but Material's
search entries, which the workers send back."""
HERE = 0.9
"""This process's part of an even share of the pages (it has the other work of the build):
at 1,000 briefings on two cores it took 9.3 s of CPU against the worker's 8.1 with even shares."""
MIN_PAGES = 400
"""Fewer pages to share than this: the fork and the transfers are not worth it."""
PREBUILT_KEY = "briefings_prebuilt"
"""The context variable holding a page's HTML as a worker themed it (``prebuilt``)."""
WAIT = 5.0
"""Seconds between checks that a worker is still alive while its next page is awaited."""


@dataclasses.dataclass
class Built:
    """What MkDocs' build keeps of one page that a worker converted and themed."""

    output: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the linked file's ``src_uri``."""
    entries: list[dict]
    """The page's entries in Material's search index."""
    records: list[tuple[str, int, str]]
    """What the page logged: (logger, level, message)."""


class PageBuild:
    """The pages shared with workers in one build, and their results as they come."""

    def __init__(self, config, files, nav, shares: list[list]) -> None:
        self.config, self.files, self.nav = config, files, nav
        self.shares = shares
        self.owner = {page.file.src_uri: n for n, share in enumerate(shares) for page in share}
        self.results: dict[str, bytes | None] = {}
        """What the workers sent and MkDocs' loop has not reached yet, packed (``_sent``):
        results are read in page order, so only those another worker sent first wait here
        (a worker that runs ahead waits in its own queue)."""
        self.entries: dict[str, list[dict]] = {}
        """The search entries of the pages taken, until Material's search asks for them."""
        self.in_worker = False
        self.queue = None
        self.workers: list = []

    # -- in this process --------------------------------------------------------------

    def start(self) -> None:
        context = multiprocessing.get_context("fork")
        self.queue = context.Queue()
        for number in range(len(self.shares)):
            worker = context.Process(target=self._work, args=(number,), daemon=True)
            worker.start()
            self.workers.append(worker)

    def deferred(self, page) -> bool:
        """A page a worker builds: MkDocs' loop here does not convert it."""
        return not self.in_worker and page.file.src_uri in self.owner

    def defer(self, page) -> None:
        """Have MkDocs skip converting the page's Markdown (at ``on_pre_page``)."""
        page.render = lambda config, files: _blank(page)

    def take(self, page) -> Built | None:
        """At the page's turn in MkDocs' loop: the worker's result, installed on the page;
        None when no worker built it (a page the worker failed on is converted here now)."""
        uri = page.file.src_uri
        owner = self.owner.pop(uri, None)
        if owner is None:
            return None
        page.__dict__.pop("render", None)  # ``defer``'s
        built = self._wait(uri, owner)
        if built is None:
            self.convert(page)
            return None
        self.entries[uri] = built.entries
        page.toc, page._title_from_render = built.toc, built.title
        page.present_anchor_ids = built.anchors
        if built.links is not None:
            page.links_to_anchors = {self.files.get_file_from_path(linked): links for linked, links in built.links.items()}
        for name, level, message in built.records:
            logging.getLogger(name).log(level, "%s", message)
        return built

    def convert(self, page) -> None:
        """What MkDocs' loop skipped for a page no worker built: read and convert it, with
        the plugins' ``on_page_markdown`` and ``on_page_content``."""
        config, files = self.config, self.files
        page.read_source(config)  # its Markdown was not kept here
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = config.plugins.on_page_content(page.content, page=page, config=config, files=files)

    def finish(self) -> None:
        for worker in self.workers:
            worker.join(timeout=WAIT)
            if worker.is_alive():
                worker.kill()
        self.workers = []

    def _wait(self, uri: str, owner: int) -> Built | None:
        while uri not in self.results:
            try:
                got, built = self.queue.get(timeout=WAIT)
            except queue.Empty:
                if not self.workers[owner].is_alive() and self.queue.empty():
                    return None  # a worker died: its pages are built here
                continue
            self.results[got] = built
        sent = self.results.pop(uri)
        return None if sent is None else pickle.loads(unpack(sent))  # from our own fork: not untrusted

    # -- in a worker ------------------------------------------------------------------

    def _work(self, number: int) -> None:
        gc.freeze()  # the inherited heap is never garbage: collecting it would only copy it
        self.in_worker = True
        records = _capture_logs()
        config, files = self.config, self.files
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        for page in self.nav.pages:  # their titles, which the navigation shows on every page
            _populate_page(page, config, files)
        index = getattr(config.plugins.get("material/search"), "search_index", None)
        entries = getattr(index, "entries", None)
        for page in self.shares[number]:
            records.clear()
            try:
                built = self._build(page, env, doc_files, records, [] if entries is None else entries)
            except Exception:  # noqa: BLE001 - built again in the main process, which reports it
                built = None
            self.queue.put((page.file.src_uri, None if built is None else _sent(built)))
        self.queue.close()
        self.queue.join_thread()

    def _build(self, page, env, doc_files, records: list, entries: list) -> Built:
        """The page converted and themed as MkDocs' ``_build_page`` does, but not written."""
        config, nav = self.config, self.nav
        before = len(entries)
        try:
            _populate_page(page, config, self.files)
            config._current_page = page
            page.active = True
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = template.render(context)
            links = page.links_to_anchors
            return Built(
                output=output, toc=page.toc, title=page._title_from_render, anchors=page.present_anchor_ids,
                links=None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()},
                entries=entries[before:], records=list(records),
            )
        finally:  # this worker is done with the page, built or not
            page.active = False
            config._current_page = None
            del entries[before:]
            page.content = page.markdown = None


def _sent(built: Built) -> bytes:
    """A result as a worker sends it: pickled and packed, about a fifth of its HTML."""
    return pack(pickle.dumps(built, pickle.HIGHEST_PROTOCOL))


def _blank(page) -> None:
    """What MkDocs' loop needs of a page it does not convert: HTML, even empty."""
    page.content = ""


class _Records(logging.Handler):
    def __init__(self, records: list) -> None:
        super().__init__(logging.DEBUG)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _capture_logs() -> list:
    """In a worker: what MkDocs' loggers are told is kept, to be logged by the main process."""
    records: list = []
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.addHandler(_Records(records))
    logger.propagate = False
    return records


def shareable(config, plugin) -> bool:
    """Whether the page events of every plugin in this build are known (``KNOWN_PLUGINS``)."""
    for event in PAGE_EVENTS:
        for method in config.plugins.events.get(event, ()):
            owner = getattr(method, "__self__", None)
            if owner is not plugin and type(owner).__module__ not in KNOWN_PLUGINS:
                return False
    return True


def plan(config, files, nav, plugin, workers: int | None = None) -> PageBuild | None:
    """The pages to share with workers in this build, or None to build them all here: one
    share per worker, every (workers + 1)-th generated page outside the navigation, so that
    this process keeps the pages of the navigation and as many of the others."""
    workers = (os.cpu_count() or 1) - 1 if workers is None else workers
    if workers < 1 or "fork" not in multiprocessing.get_all_start_methods() or not shareable(config, plugin):
        return None
    in_nav = {page.file.src_uri for page in nav.pages}
    outside = [
        file for file in files.documentation_pages(inclusion=InclusionLevel.is_included)
        if file.generated_by is not None and file.src_uri not in in_nav
    ]
    if len(outside) < MIN_PAGES:
        return None
    for file in outside:
        if file.page is None:
            Page(None, file, config)  # as MkDocs' loop makes a page outside the navigation
    pages = [file.page for file in outside]
    return PageBuild(config, files, nav, shares(pages, workers))


def shares(pages: list, workers: int) -> list[list]:
    """Each worker's pages, spread over the whole run (neighbours cost alike). This process
    keeps a fraction ``HERE`` of an even share, since it also writes every page and the
    site's other files."""
    here = HERE / (workers + 1)
    parts: list[list] = [[] for _ in range(workers)]
    given = 0
    for number, page in enumerate(pages):
        if int((number + 1) * here) > int(number * here):
            continue  # this process's
        parts[given % workers].append(page)
        given += 1
    return parts


def prebuilt(env, names: list[str]) -> None:
    """Have each named template give a page's HTML as a worker themed it, when its context
    holds it (``PREBUILT_KEY``), instead of rendering it again."""
    for name in names:
        template = env.get_template(name)
        render = template.root_render_func

        def given(context, _render=render):
            text = context.get(PREBUILT_KEY)
            if text is None:
                yield from _render(context)
            else:
                yield text

        template.root_render_func = given
