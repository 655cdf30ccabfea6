"""Material's search on_page_context, as the plugin puts it in place (``_index_lightly``):
the same page text and the same index entries as Material's own, with and without
``data-search-`` attributes on the page."""

import copy
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config

from conftest import FIXTURES, make_project

WITH = '<h1 id="a">Title</h1><p data-search-exclude="">Hidden</p>\n<p class="x" data-search-boost="2">Shown</p>'
WITHOUT = '<h1 id="a">Title</h1><p>Plain text, nothing to scrub.</p>'


def _page(content: str):
    return SimpleNamespace(content=content, meta={}, toc=[], url="x/", title="Title", file=SimpleNamespace(generated_by=None, src_uri="x.md"))


@pytest.fixture
def config(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(FIXTURES / "corpus"))
    project = make_project(tmp_path)
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    return config


def test_material_on_page_context_is_replaced_and_gives_what_it_gave(config):
    material = config.plugins["material/search"]
    original = material.on_page_context
    assert original in config.plugins.events["page_context"]
    config.plugins.on_pre_build(config=config)
    events = config.plugins.events["page_context"]
    assert original not in events
    replaced = [e for e in events if type(getattr(e, "__self__", None)).__name__ == "_SearchContext"]
    assert len(replaced) == 1
    for content in (WITH, WITHOUT):
        ours, theirs = _page(content), _page(content)
        material.search_index.entries = []
        replaced[0]({}, page=ours, config=config, nav=None)
        our_entries = copy.deepcopy(material.search_index.entries)
        material.search_index.entries = []
        type(material).on_page_context(material, {}, page=theirs, config=config, nav=None)
        assert ours.content == theirs.content
        assert our_entries == material.search_index.entries and our_entries
    assert 'data-search-boost' not in _scrubbed(replaced[0], config)  # the scrub still runs where it has work


def _scrubbed(event, config) -> str:
    page = _page(WITH)
    event({}, page=page, config=config, nav=None)
    return page.content
