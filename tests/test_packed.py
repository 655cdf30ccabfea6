"""What a build holds of its pages is packed (``Page.packed``, the plugin's ``_PackedFile`` and
its HTML stash): packed and expanded, it gives back exactly what was put in, and between a
page's conversion and its build MkDocs holds no generated page's HTML as a string."""

from pathlib import Path

import pytest

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, event_priority

import generator.plugin as plugin
from conftest import FIXTURES, make_project
from generator.model import Page, pack, unpack
from generator.publish.exports import _joined

TEXT = "Ünïcode ¶ “quotes” — 𝄞 \U0001f600 and ASCII.\n" * 40


def test_a_page_gives_back_its_text_exactly():
    page = Page("briefings/a.md", TEXT)
    assert page.markdown == TEXT and page.data == TEXT.encode("utf-8")
    assert len(page.packed) < len(page.data) / 4  # held packed, not as its text
    raw = Page("notes.md", b"\xff\x00 raw bytes")
    assert raw.markdown == b"\xff\x00 raw bytes" and not raw.is_text


def test_an_export_packed_in_pieces_is_the_join_of_its_pieces():
    for items in ([], [b"one"], [b"a", "b \u00b6".encode(), b"c"] * 100):
        packed = [pack(item) for item in items]
        assert unpack(_joined(b"[\n", b",\n", packed, b"\n]\n")) == b"[\n" + b",\n".join(items) + b"\n]\n"
    assert Page.of_packed("x.json", _joined(b"[", b",", [pack(b"1"), pack(b"2")], b"]")) == Page("x.json", "[1,2]")


def _config(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = "briefings"  # as while MkDocs runs the plugin's on_files
    return config


def test_a_packed_file_reads_and_copies_as_its_content(tmp_path):
    config = _config(tmp_path)
    page = plugin._PackedFile.of_page(config, Page("briefings/a.md", TEXT))
    assert page.content_string == TEXT and page.content_bytes == TEXT.encode("utf-8")
    export = plugin._PackedFile.of_page(config, Page("briefings.json", '["¶"]\n'))
    assert export.content_bytes == '["¶"]\n'.encode("utf-8")
    export.copy_file()
    assert Path(export.abs_dest_path).read_bytes() == '["¶"]\n'.encode("utf-8")
    page.content_string = "changed by a plugin"
    assert page.content_string == "changed by a plugin" and page.abs_src_path is None
    page.content_bytes = b"bytes"
    assert page.content_bytes == b"bytes"


class _Probe(BasePlugin):
    """Records each generated page's HTML as the plugins make it and as the theme gets it."""

    def __init__(self) -> None:
        super().__init__()
        self.made, self.held, self.given = {}, {}, {}

    @event_priority(-50)  # after the lifted blocks are put back (100), before the stash (-100)
    def on_page_content(self, html, *, page, config, files):
        self.made[page.file.src_uri] = html
        return html

    def on_env(self, env, *, config, files):  # every page converted, none built yet
        self.held = {f.src_uri: f.page.content for f in files.documentation_pages() if f.generated_by}
        return env

    @event_priority(50)  # after the HTML is put back (100), before Material's search (0)
    def on_page_context(self, context, *, page, config, nav):
        self.given[page.file.src_uri] = page.content
        return context


def test_the_html_stash_gives_each_page_back_its_exact_html(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BRIEFINGS_SEEDS", str(FIXTURES / "corpus"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764720000")  # the plugin would set it for the whole test process
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    probe = config.plugins["probe"] = _Probe()
    build(config)
    generated = set(probe.held)
    assert len(generated) > 20 and generated <= set(probe.made)
    assert all(html == "" for html in probe.held.values())  # none held as a string
    for path in generated:
        assert probe.given[path] == probe.made[path] and probe.made[path], path


def test_packed_pieces_joined_are_the_pieces_joined_packed():
    """An export is the join of its briefings' packed pieces, none unpacked nor packed again."""
    pieces = [b"", b"caf\xc3\xa9 " * 1000, bytes(range(256)) * 50, b"x"]
    assert unpack(b"".join(pack(piece) for piece in pieces)) == b"".join(pieces)
    assert pack(pieces[1]) == pack(pieces[1]) and len(pack(pieces[1])) < len(pieces[1]) // 10


def test_unpack_refuses_a_finished_stream_with_more_after_it():
    import zlib

    finished = zlib.compressobj(1, zlib.DEFLATED, -15)
    whole = finished.compress(b"data") + finished.flush()  # a final block: the stream ends
    assert unpack(whole) == b"data"
    with pytest.raises(ValueError):
        unpack(whole + pack(b"more"))
