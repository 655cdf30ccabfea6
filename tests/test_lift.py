"""HTML blocks lifted out of generated pages before Python-Markdown (generator/publish/lift.py):
the HTML a reader gets is the same as Python-Markdown's own, on every page."""

import re

import markdown
import pytest
from mkdocs.utils import meta

from benchmarks.corpus import write_corpus
from generator.publish.lift import lift, restore
from generator.settings import Settings
from generator.site import generate
from conftest import FIXTURES, ROOT

EXTENSIONS = ["attr_list", "tables", "toc"]  # mkdocs.yml's markdown_extensions


def convert(text: str) -> str:
    body, _ = meta.get_data(text)
    return markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}}).convert(body)


def lifted(text: str) -> str:
    page, blocks = lift(text)
    return restore(convert(page), blocks)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Every generated page of the seeds, the fixtures (hostile ones too) and 40 synthetic
    articles (archives, stories, digests, timeline parts)."""
    synthetic = write_corpus(tmp_path_factory.mktemp("corpus"), 40)
    out = []
    for seeds in (ROOT / "seeds", FIXTURES / "good", FIXTURES / "hostile", synthetic):
        generated = generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", home_intro="# Home\n"))
        out += [p for p in generated.pages if p.path.endswith(".md")]
    return out


def test_every_generated_page_converts_to_the_same_html(pages):
    assert len(pages) > 100
    for page in pages:
        assert lifted(page.markdown) == convert(page.markdown), page.path


def test_the_heavy_parts_are_lifted(pages):
    briefing = next(p for p in pages if p.path.startswith("briefings/") and p.path != "briefings/index.md")
    text, blocks = lift(briefing.markdown)
    assert len(blocks) >= 4 and "<table>" not in text and "<tr>" not in text


@pytest.mark.parametrize(
    "text",
    [
        "<table>\n<tr><td>a</td></tr>\n\n</table>\n",  # a blank line inside: not one paragraph
        "<div markdown=\"1\">\n*md*\n</div>\n",  # Markdown inside HTML
        "<p>one</p> and text\n",  # text after the block's end
        "<ul><li>a</li></ul><ul>\n",  # more starts than ends
        "<span>inline</span>\n",  # not a block-level tag
        "    <table><tr><td>a</td></tr></table>\n",  # indented: a code block
    ],
    ids=["blank-line", "markdown-attribute", "trailing-text", "unbalanced", "inline", "indented"],
)
def test_anything_not_certainly_whole_is_left_to_python_markdown(text):
    assert lift(text) == (text, ())
    assert lifted(text) == convert(text)


def test_front_matter_is_never_lifted():
    text = "---\ntitle: x\n---\n\n<p>a</p>\n"
    page, blocks = lift(text)
    assert page.startswith("---\ntitle: x\n---\n") and blocks == ("<p>a</p>",)


def test_article_text_cannot_make_a_placeholder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Acme Corp said on Monday <!--briefings-html:0--> it would buy Beta Inc.\n\n"
        "Acme Corp chief executive Jane Roe said the deal would close in June.\n",
        encoding="utf-8",
    )
    generated = generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates"))
    for page in generated.pages:
        if isinstance(page.markdown, str):
            assert "<!--briefings-html" not in page.markdown, page.path


def test_the_anchors_of_lifted_blocks_are_known_to_mkdocs():
    from generator.publish.lift import anchor_ids

    _, blocks = lift('<p id="p1">one</p>\n\n<table>\n<tr id="row-2"><td><a href="#p1">¶1</a></td></tr>\n</table>\n')
    assert anchor_ids(blocks) == {"p1", "row-2"}


def test_material_search_makes_the_same_entries_from_the_lighter_html(pages):
    """Material's search parser, given a page's HTML or its ``search_html``, indexes the
    same sections with the same text (a briefing's links, table cells, emphasis dropped
    to their text either way; what is marked data-search-exclude skipped either way)."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex
    from mkdocs.structure.toc import get_toc

    from generator.publish.lift import search_html

    def entries(page, html):
        index = SearchIndex(lang=["en"], separator=" ", pipeline=[], fields={})
        index.add_entry_from_context(SimpleNamespace(content=html, toc=page.toc, url=page.url, title=page.title, meta={}))
        # the same words and markup; a run of spaces may differ where cells were joined
        return [{k: re.sub(r"\s+", " ", v) for k, v in entry.items()} for entry in index.entries]

    checked = 0
    for generated in pages:
        body, _ = meta.get_data(generated.markdown)
        md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
        html = md.convert(body)
        page = SimpleNamespace(toc=get_toc(getattr(md, "toc_tokens", [])), url=generated.path, title="Title")
        light = search_html(html)
        assert entries(page, light) == entries(page, html), generated.path
        checked += len(light) < len(html)
    assert checked > 50
