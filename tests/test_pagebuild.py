"""MkDocs' page loop shared with forked workers (generator/pagebuild.py): the site is the
same byte for byte as when this process builds every page, the workers did build pages,
their warnings count in strict mode, and a page a worker failed on, or every page of a
worker that died, is built here."""

import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import generator.pagebuild as pagebuild
from conftest import FIXTURES, make_project


def _build(project: Path, site: Path, monkeypatch, shared: bool, strict: bool = False) -> int:
    """Build the fixture corpus; how many pages a worker built."""
    taken = []
    take = pagebuild.PageBuild.take

    def counting(self, page):
        built = take(self, page)
        taken.append(built is not None)
        return built

    monkeypatch.setattr(pagebuild, "MIN_PAGES", 1 if shared else 10**9)
    monkeypatch.setattr(pagebuild.PageBuild, "take", counting)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(FIXTURES / "corpus"))
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
    build(config)
    return sum(taken)


def _same_sites(one: Path, other: Path) -> int:
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(other) for p in other.rglob("*") if p.is_file())
    for name in files:
        assert (one / name).read_bytes() == (other / name).read_bytes(), name
    return len(files)


@pytest.fixture
def project(tmp_path, monkeypatch, own_build_date):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    return project


@pytest.fixture
def alone(project, tmp_path, monkeypatch) -> Path:
    """The site with every page built in this process."""
    assert _build(project, tmp_path / "alone", monkeypatch, shared=False) == 0
    return tmp_path / "alone"


def test_a_site_built_with_workers_is_the_site_built_alone(project, alone, tmp_path, monkeypatch):
    built_by_workers = _build(project, tmp_path / "shared", monkeypatch, shared=True)
    assert built_by_workers >= 10  # half the generated pages outside the navigation, on two cores
    assert _same_sites(alone, tmp_path / "shared") > built_by_workers
    assert b'"location":"briefings/' in (tmp_path / "shared" / "search" / "search_index.json").read_bytes()


def test_a_page_a_worker_failed_on_is_built_here(project, alone, tmp_path, monkeypatch):
    build_page = pagebuild.PageBuild._build
    failed = []

    def failing(self, page, *args):
        if len(failed) < 3:
            failed.append(page.file.src_uri)
            raise RuntimeError("worker failed")
        return build_page(self, page, *args)

    monkeypatch.setattr(pagebuild.PageBuild, "_build", failing)
    assert _build(project, tmp_path / "shared", monkeypatch, shared=True) >= 1
    _same_sites(alone, tmp_path / "shared")


def test_the_pages_of_a_worker_that_died_are_built_here(project, alone, tmp_path, monkeypatch):
    monkeypatch.setattr(pagebuild, "WAIT", 0.2)
    monkeypatch.setattr(pagebuild.PageBuild, "_work", lambda self, number: os._exit(3))
    assert _build(project, tmp_path / "shared", monkeypatch, shared=True) == 0
    _same_sites(alone, tmp_path / "shared")


def test_a_warning_in_a_worker_fails_a_strict_build(project, tmp_path, monkeypatch):
    build_page = pagebuild.PageBuild._build

    def warning(self, page, *args):
        logging.getLogger("mkdocs.plugins.test").warning("a warning about %s", page.file.src_uri)
        return build_page(self, page, *args)

    monkeypatch.setattr(pagebuild.PageBuild, "_build", warning)
    with pytest.raises(Abort, match="warnings in strict mode"):
        _build(project, tmp_path / "shared", monkeypatch, shared=True, strict=True)


class _Other:
    def on_page_content(self, html, **kwargs):
        return html


def test_pages_are_not_shared_when_another_plugin_takes_part_in_their_events(project, monkeypatch):
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(FIXTURES / "corpus"))
    config = load_config(config_file=str(project / "mkdocs.yml"))
    plugin = config.plugins["briefings"]
    assert pagebuild.shareable(config, plugin)
    config.plugins.events["page_content"].append(_Other().on_page_content)
    assert not pagebuild.shareable(config, plugin)


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_the_shares_take_every_page_once_and_leave_this_process_a_little_less(workers):
    pages = list(range(1000))
    parts = pagebuild.shares(pages, workers)
    given = [page for part in parts for page in part]
    assert len(given) == len(set(given)) and set(given) <= set(pages)
    here = len(pages) - len(given)
    assert here == int(len(pages) * pagebuild.HERE / (workers + 1))
    assert max(map(len, parts)) - min(map(len, parts)) <= 1
