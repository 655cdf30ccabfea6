"""MkDocs plugin ``briefings``: generates the briefing pages from the seeds at build time.

A thin adapter over :func:`generator.site.generate`: pages are handed to MkDocs as
generated files; nothing is written into ``docs/``.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .search import PagefindError, pagefind_executable, run_pagefind
from .safety import UnsafeOutput, check_site_dir, write_marker
from .settings import TIMELINE_PAGE_ENTRIES, Limits, Settings
from .site import Generator

log = logging.getLogger("mkdocs.plugins.briefings")

_GENERATORS: dict[tuple, Generator] = {}
"""One Generator per project, kept for the life of the process: `mkdocs serve` makes a new
plugin object on every reload, and the generator's memory is what makes a reload cheap."""


class BriefingsConfig(base.Config):
    seeds_dir = c.Dir(exists=True, default="seeds")
    """Folder of source articles (.txt with optional .yml sidecar, or .md with front matter)."""
    templates_dir = c.Dir(exists=True, default="templates")
    """Folder of the Jinja2 templates of the generated pages."""
    cache_dir = c.Optional(c.Type(str))
    """Folder of the analysis cache, relative to mkdocs.yml (default .cache/briefings; "" turns it off)."""
    timeline_page_entries = c.Type(int, default=TIMELINE_PAGE_ENTRIES)
    """A longer timeline is split into a page per year (per month in a year longer than this)."""
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


class BriefingsPlugin(BasePlugin[BriefingsConfig]):
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
        if self.config.search == "pagefind":
            try:
                run_pagefind(Path(config.site_dir))
            except PagefindError as err:
                raise PluginError(str(err)) from err
        write_marker(Path(config.site_dir))

    def on_files(self, files: Files, *, config) -> Files:
        home = files.get_file_from_path("index.md")
        intro = home.content_string if home is not None else ""
        if home is not None:
            files.remove(home)
        settings = Settings(
            seeds_dir=Path(self.config.seeds_dir),
            templates_dir=Path(self.config.templates_dir),
            limits=Limits(self.config.max_bytes, self.config.max_paragraphs, self.config.max_line_length),
            home_intro=intro,
            site_url=config.site_url or "",
            cache_dir=self._cache_dir(config),
            timeline_page_entries=self.config.timeline_page_entries,
        )
        key = (Path(config.config_file_path).resolve(), settings.seeds_dir.resolve(), settings.templates_dir.resolve())
        started = time.perf_counter()
        generated = _GENERATORS.setdefault(key, Generator()).generate(settings)
        log.info(
            "Briefings: %d files, %d pages rendered in this run, %.0f ms",
            len(generated.pages), generated.rendered, (time.perf_counter() - started) * 1000,
        )
        for problem in generated.problems:
            log.warning("Skipped seed %s", problem)
        os.environ.setdefault("SOURCE_DATE_EPOCH", str(generated.source_date_epoch))
        for page in generated.pages:
            existing = files.get_file_from_path(page.path)
            if existing is not None:
                where = existing.abs_src_path or "another generated page"
                raise PluginError(f"{where} has the path of a generated page ({page.path}); rename it")
            files.append(File.generated(config, page.path, content=page.markdown))
        return files

    def _cache_dir(self, config) -> Path | None:
        value = ".cache/briefings" if self.config.cache_dir is None else self.config.cache_dir
        return Path(config.config_file_path).parent / value if value else None

    def on_serve(self, server, *, config, builder):
        server.watch(self.config.seeds_dir)
        server.watch(self.config.templates_dir)
        return server
