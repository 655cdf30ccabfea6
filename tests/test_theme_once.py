"""The theme's navigation and tabs are rendered once per folder for the pages outside the
navigation (generator/plugin.py, ``render_once``): every built page is the same as when each
page renders them itself."""

from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

import generator.plugin as plugin
from conftest import FIXTURES, make_project

PARTS = plugin.THEME_PARTS


def _build(project: Path, site: Path, monkeypatch, parts: tuple[str, ...]) -> dict:
    made = {}
    render_once = plugin.render_once

    def recording(env, names):
        made.update(results=render_once(env, names))
        return made["results"]

    monkeypatch.setattr(plugin, "THEME_PARTS", parts)
    monkeypatch.setattr(plugin, "render_once", recording)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(FIXTURES / "corpus"))
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    build(config)
    return made["results"]


def test_pages_outside_the_nav_are_the_same_with_the_theme_parts_made_once(tmp_path, monkeypatch, own_build_date):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    each = _build(project, tmp_path / "each", monkeypatch, ())
    once = _build(project, tmp_path / "once", monkeypatch, PARTS)
    assert each == {}
    pages = sorted(p.relative_to(tmp_path / "each") for p in (tmp_path / "each").rglob("*.html"))
    assert pages == sorted(p.relative_to(tmp_path / "once") for p in (tmp_path / "once").rglob("*.html"))
    for page in pages:
        assert (tmp_path / "once" / page).read_bytes() == (tmp_path / "each" / page).read_bytes(), page
    # made once per folder for both partials, and reused: fewer renderings than pages
    folders = {folder for _, folder in once}
    assert {name for name, _ in once} == set(PARTS) and ("briefings", True) in folders
    assert len(once) < len(pages)


def test_a_folder_is_what_the_theme_links_relative_to():
    assert plugin.folder_of("briefings/2024-01-02-a/") == plugin.folder_of("briefings/2024-05-06-b/") == ("briefings", True)
    assert plugin.folder_of("actors/acme/2024/") == ("actors/acme", True)
    assert plugin.folder_of("briefings/a.html") == ("briefings", False)
    assert plugin.folder_of("about/") != plugin.folder_of("actors/acme/")
