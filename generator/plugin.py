"""MkDocs plugin ``briefings``: generates the briefing pages from the seeds at build time.

A thin adapter over :func:`generator.site.generate`: pages are handed to MkDocs as
generated files; nothing is written into ``docs/``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc

from . import pagebuild
from .read.files import SeedsFolderMissing
from .model import Page, pack, printable, unpack
from .publish import skeleton
from .publish.lift import anchor_ids, lift, restore, search_html
from .search import PagefindError, pagefind_executable, run_pagefind
from .safety import UnsafeOutput, check_site_dir, write_marker
from .settings import TIMELINE_PAGE_ENTRIES, Limits, Settings, StorySettings
from .site import Generator

log = logging.getLogger("mkdocs.plugins.briefings")

_GENERATORS: dict[tuple, Generator] = {}
"""Under `mkdocs serve`, one Generator per project, kept for the life of the process: its
memory of the previous run is what makes a reload cheap. A plain build keeps nothing, so
that the analyses and the catalog are freed once the pages are handed to MkDocs."""


class _PackedFile(File):
    """A generated file whose content is held packed (``Page.packed``) and expanded each time
    MkDocs reads it: MkDocs keeps every file's content from ``on_files`` to the end of the
    build. ``_content`` is what all of ``File``'s readers (``content_string``,
    ``content_bytes``, ``copy_file``, ``is_modified``) and setters go through."""

    _packed: bytes | None = None
    _is_str = False
    """Whether the content is read as a string (a page's Markdown) or as bytes (an export)."""

    @classmethod
    def of_page(cls, config, page: Page) -> File:
        file = cls.generated(config, page.path, content=b"")
        file._packed, file._is_str = page.packed, page.is_text and page.path.endswith(".md")
        return file

    @property
    def _content(self) -> str | bytes | None:
        if self._packed is None:
            return None
        data = unpack(self._packed)
        return data.decode("utf-8", "surrogatepass") if self._is_str else data

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._is_str = isinstance(value, str)
        self._packed = None if value is None else pack(value.encode("utf-8", "surrogatepass") if self._is_str else value)


class _UnchangedFile(_PackedFile):
    """A generated page whose Markdown is identical to the previous build of this process:
    `mkdocs serve --dirty` (`briefing serve --dirty`) keeps its HTML instead of building it."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)  # its HTML from the previous build is there


@dataclasses.dataclass(frozen=True)
class _Tag:
    """A tag chip as Material's ``partials/tags.html`` reads it."""

    name: str
    url: str
    hidden: bool = False


_STORY = StorySettings()


class StoriesConfig(base.Config):
    """How briefings are grouped into storylines (README: Stories); see ``StorySettings``."""

    enabled = c.Type(bool, default=_STORY.enabled)
    window_days = c.Type(int, default=_STORY.window_days)
    max_span_days = c.Type(int, default=_STORY.max_span_days)
    threshold = c.Type((int, float), default=_STORY.threshold)
    min_terms = c.Type((int, float), default=_STORY.min_terms)
    actor_weight = c.Type((int, float), default=_STORY.actor_weight)
    term_weight = c.Type((int, float), default=_STORY.term_weight)
    key_actors = c.Type(int, default=_STORY.key_actors)
    terms = c.Type(int, default=_STORY.terms)


class BriefingsConfig(base.Config):
    seeds_dir = c.Dir(exists=True, default="seeds")
    """Folder of source articles (.txt with optional .yml sidecar, or .md with front matter)."""
    templates_dir = c.Dir(exists=True, default="templates")
    """Folder of the Jinja2 templates of the generated pages."""
    cache_dir = c.Optional(c.Type(str))
    """Folder of the analysis cache, relative to mkdocs.yml (default .cache/briefings; "" turns it off)."""
    timeline_page_entries = c.Type(int, default=TIMELINE_PAGE_ENTRIES)
    """A longer timeline is split into a page per year (per month in a year longer than this)."""
    stories = c.SubConfig(StoriesConfig)
    """Storylines: ``enabled``, ``window_days``, ``threshold``, ``min_terms``, ``actor_weight``, ``term_weight``, ``key_actors``, ``terms``."""
    search = c.Choice(("material", "pagefind"), default="material")
    """Site search: Material's (one JSON index loaded whole; fine for hundreds of briefings) or
    Pagefind (an index in small fragments loaded as needed; for thousands). Pagefind turns
    Material's search plugin off and needs `pip install 'briefings[pagefind]'`."""
    max_bytes = c.Type(int, default=Limits().max_bytes)
    """Largest seed file accepted, in bytes."""
    max_paragraphs = c.Type(int, default=Limits().max_paragraphs)
    """Most paragraphs in one seed."""
    max_line_length = c.Type(int, default=Limits().max_line_length)
    """Longest line accepted in a seed, in characters."""
    max_metadata_bytes = c.Type(int, default=Limits().max_metadata_bytes)
    """Largest sidecar accepted, in bytes."""
    feeds = c.ListOfItems(c.Type(str), default=[])
    """RSS/Atom feed URLs and OPML lists (URLs or files) that `briefing fetch` reads when
    given none. Never read by a build: only `briefing fetch` uses the network."""


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
    dirty = False
    """`mkdocs serve --dirty`: skip pages whose Markdown did not change. A plugin with
    on_startup is kept by MkDocs across serve reloads, so this holds for the whole session."""

    def __init__(self) -> None:
        super().__init__()
        self._built: set[str] = set()
        self._urls: set[str] = set()
        self._previous_index: dict | None = None
        self._in_nav: set[str] = set()
        self._generated: set[str] = set()
        """The paths of the generated Markdown pages."""
        self._lifted: dict[str, tuple[str, ...]] = {}
        """The HTML blocks lifted out of the page being converted (``publish.lift``), by path."""
        self._html: dict[str, bytes] = {}
        """The HTML of each generated page converted and not yet built, packed: see ``_stash_html``."""
        self._shared: pagebuild.PageBuild | None = None
        """The pages this build shares with worker processes (``generator.pagebuild``)."""

    serving = False
    _permalink: str | None = None
    """The permalink text of the skeletons converted without Python-Markdown (None: none are)."""

    def on_startup(self, *, command, dirty) -> None:
        self.dirty = dirty
        self.serving = command == "serve"

    # -- dirty builds and Material's search index ---------------------------------------
    # Material merges a dirty build's search entries with the previous index on the
    # assumption that one page was rebuilt (it drops the previous entries under the first
    # rebuilt page's URL: all of them when that page is the home page). Instead, Material
    # writes this build's entries only, and they are merged here by page: entries of the
    # pages built now, the previous entries of the others.

    def on_pre_build(self, *, config) -> None:
        self._built, self._previous_index = set(), None
        _index_lightly(config, self._shared_entries)
        index = _search_index(config)
        if self.dirty and index is not None and index.is_file():
            material = config.plugins.get("material/search")
            if hasattr(material, "search_index_prev"):
                material.search_index_prev = None  # Material writes this build's entries only
            try:
                self._previous_index = json.loads(index.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._previous_index = None

    @event_priority(-100)  # last: the workers start from the navigation as it will be
    def on_nav(self, nav, *, config, files):
        self._urls = {f.url for f in files.documentation_pages()}
        self._in_nav = {p.file.src_uri for p in nav.pages}
        if not self.serving and not self.dirty:
            self._shared = pagebuild.plan(config, files, nav, self)
            if self._shared is not None:
                self._shared.start()
        return nav

    def on_env(self, env, *, config, files):
        render_once(env, THEME_PARTS)
        if self._shared is not None and not self._shared.in_worker:
            templates = {"main.html"} | {str(page.meta["template"]) for share in self._shared.shares for page in share if "template" in page.meta}
            pagebuild.prebuilt(env, sorted(templates))
        return env

    def on_pre_page(self, page, *, config, files):
        if self._shared is not None and self._shared.deferred(page):
            self._shared.defer(page)
        return page

    def _shared_entries(self, page) -> list | None:
        """The search entries a worker made of the page, when one built it."""
        return None if self._shared is None else self._shared.entries.pop(page.file.src_uri, None)

    @event_priority(101)  # first: a page a worker failed on is converted here, then unstashed
    def _take_shared(self, context, *, page, config, nav):
        if self._shared is not None and not self._shared.in_worker:
            built = self._shared.take(page)
            if built is not None:
                context[pagebuild.PREBUILT_KEY] = built.output
        return context

    def _page_context(self, context, *, page, config, nav):
        self._built.add(page.url)
        if page.file.src_uri not in self._in_nav and not page.meta.get("hide"):
            context[ONCE_KEY] = folder_of(page.url)
        names, urls = page.meta.get("tags"), page.meta.get("tag_links")
        if isinstance(names, list) and isinstance(urls, list) and len(names) == len(urls):
            # the theme's tag chips, each opening the tag's page or the key actor's page
            # (pages of bounded size, unlike a theme's index of every tagged page)
            context["tags"] = [_Tag(str(name), str(url)) for name, url in zip(names, urls)]
        return context

    def _merge_search_index(self, config) -> None:
        index = _search_index(config)
        if not self.dirty or self._previous_index is None or index is None or not index.is_file():
            return
        current = json.loads(index.read_text(encoding="utf-8"))
        page = lambda entry: entry["location"].split("#", 1)[0]  # noqa: E731
        kept = [e for e in self._previous_index.get("docs", []) if page(e) not in self._built and page(e) in self._urls]
        fresh = [e for e in current.get("docs", []) if page(e) in self._built]
        current["docs"] = kept + fresh
        index.write_text(json.dumps(current, separators=(",", ":")), encoding="utf-8")

    @event_priority(100)  # before Material's search plugin, which Pagefind turns off
    def on_config(self, config):
        try:
            check_site_dir(Path(config.site_dir))
        except UnsafeOutput as err:
            raise PluginError(str(err)) from err
        if self.config.search == "pagefind":
            try:
                pagefind_executable()  # fail early when it is not installed
            except PagefindError as err:
                raise PluginError(str(err)) from err
            material = config.plugins.get("material/search")
            if material is not None:
                material.config.enabled = False
            config.extra["briefings_pagefind"] = True
        return config

    def on_post_build(self, *, config) -> None:
        self._stop_sharing()
        self._merge_search_index(config)
        if self.config.search == "pagefind":
            try:
                run_pagefind(Path(config.site_dir))
            except PagefindError as err:
                raise PluginError(str(err)) from err
        write_marker(Path(config.site_dir))

    def on_files(self, files: Files, *, config) -> Files:
        self._generated, self._lifted, self._html = set(), {}, {}
        self._permalink = skeleton_permalink(config)
        home = files.get_file_from_path("index.md")
        intro = home.content_string if home is not None else ""
        if home is not None:
            files.remove(home)
        settings = self.settings(config, intro)
        key = (Path(config.config_file_path).resolve(), settings.seeds_dir.resolve(), settings.templates_dir.resolve())
        generator = _GENERATORS.setdefault(key, Generator()) if self.serving else Generator()
        try:
            generated = generator.generate(settings, ProgressLog())
        except Exception as err:  # noqa: BLE001 - a template or site-level failure, named
            raise PluginError(f"Briefings: {describe_failure(err)}") from err
        log.info(
            "Briefings: %d files, %d pages rendered in this run, %.0f ms (%s)",
            len(generated.pages), generated.rendered, sum(ms for _, ms in generated.timings),
            ", ".join(f"{stage} {ms:.0f}" for stage, ms in generated.timings),
        )
        for problem in generated.problems:
            log.warning("Skipped seed %s", problem)
            if problem.detail:
                log.debug("%s", problem.detail)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(generated.source_date_epoch))
        pages = list(generated.pages)
        if not self.serving:  # its analyses, catalog and pages: MkDocs needs none of them
            del generator
            generated = dataclasses.replace(generated, pages=())
        for number, page in enumerate(pages):
            pages[number] = None  # a page's text is freed once MkDocs has its file
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                where = existing.abs_src_path or "another generated page"
                raise PluginError(f"{where} has the path of a generated page ({page.path}); rename it")
            keep = self.dirty and page.path in generated.unchanged
            if page.is_text and page.path.endswith(".md"):
                self._generated.add(page.path)
            files.append((_UnchangedFile if keep else _PackedFile).of_page(config, page))
        return files

    def on_build_error(self, *, error) -> None:
        self._stop_sharing()

    def _stop_sharing(self) -> None:
        if self._shared is not None and not self._shared.in_worker:
            self._shared.finish()
        self._shared = None

    @event_priority(100)  # before any plugin that reads the page's Markdown
    def on_page_markdown(self, markdown, *, page, config, files):
        if self._shared is not None and self._shared.deferred(page):
            return ""  # a worker converts it (and ``convert`` reads it again if it fails)
        if page.file.src_uri not in self._generated:
            return markdown
        markdown, self._lifted[page.file.src_uri] = lift(markdown)
        if self._permalink is not None:
            page.render = functools.partial(render_skeleton, page, self._permalink)
        return markdown

    @event_priority(100)  # before any plugin that reads the page's HTML (Material's search)
    def _restore_lifted(self, html, *, page, config, files):
        blocks = self._lifted.pop(page.file.src_uri, None)
        if not blocks:
            return html
        if page.present_anchor_ids is not None:  # MkDocs checks links to anchors against these
            page.present_anchor_ids |= anchor_ids(blocks)
        return restore(html, blocks)

    # -- a page's HTML held packed from its conversion to its build ----------------------
    # MkDocs converts every page before it builds the first one, and holds each page's HTML
    # (page.content) from one to the other: for thousands of generated pages, most of the
    # build's memory. So the HTML is packed once every plugin has had it (on_page_content,
    # last), put back before any plugin reads it again (on_page_context, first: Material's
    # search indexes it there) and let go once the page is written (on_post_page).

    @event_priority(-100)  # after every plugin's on_page_content
    def _stash_html(self, html, *, page, config, files):
        if page.file.src_uri not in self._generated or html is None:
            return html
        if self._shared is not None and self._shared.in_worker:
            return html  # a worker builds the page right after converting it
        self._html[page.file.src_uri] = pack(html.encode("utf-8", "surrogatepass"))
        return ""

    on_page_content = CombinedEvent(_restore_lifted, _stash_html)

    @event_priority(100)  # before Material's search and this plugin's own on_page_context
    def _unstash_html(self, context, *, page, config, nav):
        packed = self._html.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = unpack(packed).decode("utf-8", "surrogatepass")
        return context

    on_page_context = CombinedEvent(_take_shared, _unstash_html, _page_context)

    @event_priority(-100)  # after every plugin's on_post_page
    def on_post_page(self, output, *, page, config):
        if page.file.src_uri in self._generated:
            page.content = ""  # written: nothing reads it again (an empty string keeps page.title as it was)
        return output

    def settings(self, config, home_intro: str = "") -> Settings:
        """The core's settings from this plugin's options and MkDocs' config: the one
        source of settings of `build`, `serve` and the CLI's `check`, `analyze`, `render`."""
        return Settings(
            seeds_dir=Path(self.config.seeds_dir),
            templates_dir=Path(self.config.templates_dir),
            limits=Limits(self.config.max_bytes, self.config.max_paragraphs, self.config.max_line_length, self.config.max_metadata_bytes),
            home_intro=home_intro,
            site_url=config.site_url or "",
            directory_urls=bool(config.use_directory_urls),
            cache_dir=self._cache_dir(config),
            timeline_page_entries=self.config.timeline_page_entries,
            stories=self._stories(),
            feeds=tuple(self.config.feeds),
        )

    def _stories(self) -> StorySettings:
        options = StorySettings(**{f.name: self.config.stories[f.name] for f in dataclasses.fields(StorySettings)})
        for problem in options.problems():
            raise PluginError(f"briefings plugin: {problem} (mkdocs.yml, plugins: briefings: stories:)")
        return options

    def _cache_dir(self, config) -> Path | None:
        value = ".cache/briefings" if self.config.cache_dir is None else self.config.cache_dir
        return Path(config.config_file_path).parent / value if value else None

    def on_serve(self, server, *, config, builder):
        server.watch(self.config.seeds_dir)
        server.watch(self.config.templates_dir)
        server.builder = _keep_serving(server.builder, Path(server.root))
        return server


class ProgressLog:
    """The core's progress as MkDocs log lines: one every 10% of a stage or every 10 s,
    for stages of at least ``minimum`` items (a small site builds silently)."""

    STEP = 0.10
    SECONDS = 10.0

    def __init__(self, minimum: int = 200, clock=time.monotonic, logger=log) -> None:
        self.minimum, self.clock, self.logger = minimum, clock, logger
        self.last: dict[str, tuple[float, float]] = {}
        """stage -> (fraction logged last, when)."""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total < self.minimum:
            return
        fraction, now = done / total, self.clock()
        before, when = self.last.get(stage, (0.0, now))
        if stage not in self.last:
            self.last[stage] = (0.0, now)
        if done == total or fraction - before >= self.STEP or now - when >= self.SECONDS:
            self.last[stage] = (fraction, now)
            self.logger.info("Briefings: %s %s/%s (%.0f%%)", stage, f"{done:,}", f"{total:,}", 100 * fraction)


def _keep_serving(builder, root: Path):
    """A rebuild that fails (a template with a syntax error, a broken mkdocs.yml) is logged
    with the file and the reason, and the server goes on serving the last good site:
    MkDocs' own loop would hold every request until a build succeeds ("The server will
    appear stuck"), and its build has emptied the site folder by the time it fails. So the
    last good site is kept as hard links (cheap: no file is copied) and put back after a
    failure. The next good edit rebuilds as usual."""

    def build_or_keep_last(*args, **kwargs):
        backup = Path(tempfile.mkdtemp(prefix="briefings-last-good-", dir=root.parent))
        try:
            _link_tree(root, backup)
            return builder(*args, **kwargs)
        except Exception as err:  # noqa: BLE001 - the preview must survive any bad edit
            log.error("Rebuild failed: %s. Still serving the last good build; fix it and save to rebuild.", describe_failure(err))
            log.debug("Rebuild failure", exc_info=True)
            shutil.rmtree(root, ignore_errors=True)
            _link_tree(backup, root)
        finally:
            shutil.rmtree(backup, ignore_errors=True)

    return build_or_keep_last


def _link_tree(source: Path, target: Path) -> None:
    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    if source.is_dir():
        shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True, symlinks=True)


def describe_failure(err: BaseException) -> str:
    """One line naming the file, the line and the reason of a build failure."""
    import jinja2

    from mkdocs.exceptions import Abort

    while isinstance(err, (PluginError, Abort)) and isinstance(err.__cause__ or err.__context__, Exception):
        err = err.__cause__ or err.__context__  # MkDocs' Abort wraps the error it logged
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = err.filename or err.name or "template"
        return f"{printable(where)}:{err.lineno}: template syntax error: {printable(err.message or '')}"
    if isinstance(err, jinja2.TemplateError):
        return f"template error: {printable(str(err))}"
    if isinstance(err, SeedsFolderMissing):
        return printable(str(err))
    return f"{type(err).__name__}: {printable(str(err))}"


# -- a generated page's skeleton converted without Python-Markdown --------------------

_SKELETON_EXTENSIONS = {"toc", "tables", "fenced_code", "attr_list"}
"""Markdown extensions that change nothing ``publish.skeleton`` writes (MkDocs always adds
the first three; mkdocs.yml adds attr_list for the headings' ids)."""
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


def skeleton_permalink(config) -> str | None:
    """The permalink text ``publish.skeleton`` writes for this site's Markdown settings, or
    None when they are not the ones it writes as Python-Markdown does (another extension,
    another option of ``toc``): then every page goes to Python-Markdown."""
    names = config["markdown_extensions"]
    if not all(isinstance(name, str) for name in names):
        return None
    if {name.removeprefix("markdown.extensions.") for name in names} - _SKELETON_EXTENSIONS:
        return None
    options = config["mdx_configs"] or {}
    toc = options.get("toc", options.get("markdown.extensions.toc")) or {}
    if set(toc) - {"permalink"}:
        return None
    return skeleton.permalink_html(toc.get("permalink", False))


def render_skeleton(page, permalink: str, config, files) -> None:
    """``Page.render`` of a generated page: its skeleton converted by ``publish.skeleton``,
    links rewritten by MkDocs' own ``path_to_url`` (which warns of a missing page and notes
    links to anchors), or by Python-Markdown when the skeleton holds anything else."""
    page.__dict__.pop("render", None)
    links = _RelativePathTreeprocessor(page.file, files, config)
    converted = skeleton.convert(page.markdown, permalink, links.path_to_url)
    if converted is None:
        MkDocsPage.render(page, config, files)
        return
    page.content = converted.html
    page.toc = get_toc(converted.toc)
    page._title_from_render = converted.title
    page.present_anchor_ids = set(converted.anchors)
    if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:  # as Page.render
        page.links_to_anchors = links.links_to_anchors


class _SearchView:
    """A page as Material's search reads it, with lighter HTML (``publish.lift.search_html``)."""

    def __init__(self, page) -> None:
        self.page, self.content = page, search_html(page.content)

    def __getattr__(self, name):
        return getattr(self.page, name)


THEME_PARTS = ("partials/nav.html", "partials/tabs.html", "partials/palette.html", "partials/search.html", "partials/footer.html")
"""The theme's partials that are the same on every page outside the navigation within
one folder: its navigation drawer and tabs, the colour toggle, the search box and the
footer (no previous or next page outside the navigation)."""
ONCE_KEY = "briefings_once"
"""The context variable naming a page's folder, set for the pages outside the navigation."""


def folder_of(url: str) -> tuple[str, bool]:
    """What the theme's relative links from a page depend on: the folder the page's URL is
    in, and whether the URL is a folder of its own ("briefings/a/" and "briefings/b/" link
    to every other page alike)."""
    return url.rstrip("/").rpartition("/")[0], url.endswith("/")


def render_once(env, names: tuple[str, ...]) -> dict:
    """Have the theme render each named partial once per folder for the pages outside the
    navigation (their context carries ``ONCE_KEY``) and repeat that text for the others:
    such a page is active in no item of it, and all its links are relative to the folder.
    Other pages render it as usual. What each page gets is the same text as without this
    (tests/test_theme_once.py builds a site both ways). The renderings made, by (partial, folder)."""
    made: dict[tuple, str] = {}
    for name in names:
        try:
            template = env.get_template(name)
        except jinja2.TemplateNotFound:  # a theme without that partial: nothing to do
            continue
        render = template.root_render_func  # what an {% include %} runs

        def once(context, _render=render, _name=name):
            folder = context.get(ONCE_KEY)
            if folder is None:
                yield from _render(context)
                return
            text = made.get((_name, folder))
            if text is None:
                text = made[(_name, folder)] = "".join(_render(context))
            yield text

        template.root_render_func = once
    return made


def _index_lightly(config, made_elsewhere=lambda page: None) -> None:
    """Have Material's search read each generated page from its lighter HTML, which gives
    the same entries for a fraction of the parsing, and take the entries a worker made of
    a page it built (``made_elsewhere``). (Material makes its index object in its
    on_config, so this runs at on_pre_build; without that object, nothing changes.)"""
    material = config.plugins.get("material/search")
    index = getattr(material, "search_index", None)
    add = getattr(index, "add_entry_from_context", None)
    if add is None or getattr(add, "briefings_light", False):
        return

    def add_entry_from_context(page):
        entries = made_elsewhere(page)
        if entries is not None:
            index.entries.extend(entries)
            return None
        if (page.meta.get("search") or {}).get("exclude"):
            return None  # as Material skips it, without making its lighter HTML
        return add(_SearchView(page) if page.file.generated_by else page)

    add_entry_from_context.briefings_light = True
    index.add_entry_from_context = add_entry_from_context
    events = config.plugins.events["page_context"]
    for n, event in enumerate(events):
        if event == material.on_page_context:
            events[n] = _SearchContext(material).on_page_context


_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""Material's search drops these attributes from each page it indexes (its on_page_context)."""
_SEARCH_ATTRIBUTE_START = re.compile(r'data-search-\w+="')
"""Where such an attribute starts (a literal first: found without trying every character);
a bare ``data-search-exclude``, which the pages hold, is not one."""


class _SearchContext:
    """Material's search on_page_context, which skips its scrub of ``data-search-``
    attributes on a page without any: that regex, tried at each character of the page,
    cost 0.7 s a process for 1,000 briefings (and 0.24 ms a briefing page, which holds
    ``data-search-exclude`` without a value). The page and the index are the same. (A
    method of this module, so the page build knows it: ``pagebuild.KNOWN_PLUGINS``.)"""

    def __init__(self, material) -> None:
        self.material = material

    def on_page_context(self, context, *, page, config, nav):
        material = self.material
        if not material.config.enabled:
            return None
        material.search_index.add_entry_from_context(page)
        if _SEARCH_ATTRIBUTE_START.search(page.content):
            page.content = _SEARCH_ATTRIBUTE.sub("", page.content)
        return None


def _search_index(config) -> Path | None:
    """Material's search index file, when its search plugin is on."""
    material = config.plugins.get("material/search")
    if material is None or not material.config.enabled:
        return None
    return Path(config.site_dir) / "search" / "search_index.json"

