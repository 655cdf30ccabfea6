"""Skeletons of generated pages converted without Python-Markdown (generator/publish/skeleton.py):
MkDocs gets the same HTML, table of contents, title, anchors and links as from its own
``Page.render``, on every generated page and on random skeletons; anything else is left to
Python-Markdown."""

import io
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.utils import meta

from benchmarks.corpus import write_corpus
from generator.plugin import render_skeleton, skeleton_permalink
from generator.publish import skeleton
from generator.publish.lift import lift
from generator.settings import Settings
from generator.site import generate
from conftest import FIXTURES, ROOT

MARKDOWN = "markdown_extensions:\n  - attr_list\n  - tables\n  - toc:\n      permalink: true\n"


def mkdocs_config(extra: str = MARKDOWN):
    config = load_config(config_file=io.StringIO(f"site_name: test\ndocs_dir: {ROOT / 'docs'}\n{extra}"))
    config.plugins._current_plugin = "briefings"  # as while the plugin's on_files runs
    return config


def toc_of(items) -> list:
    return [(item.title, item.id, item.level, getattr(item, "active", False), toc_of(item.children)) for item in items]


def rendered(config, files, file, text: str, fast: bool) -> tuple:
    """What MkDocs keeps of a page converted by its own ``Page.render`` or by the plugin's."""
    page = Page(None, file, config)
    page.markdown = text
    if fast:
        render_skeleton(page, skeleton_permalink(config), config, files)
    else:
        page.render(config, files)
    return page.content, toc_of(page.toc), page._title_from_render, page.present_anchor_ids, page.links_to_anchors


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Every generated page of the seeds, the fixtures (hostile ones too) and 40 synthetic
    articles, lifted, with the files of each site so that links resolve."""
    synthetic = write_corpus(tmp_path_factory.mktemp("corpus"), 40)
    config = mkdocs_config()
    sites = []
    for seeds in (ROOT / "seeds", FIXTURES / "good", FIXTURES / "hostile", synthetic):
        generated = generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", home_intro="# Home\n"))
        files = Files([File.generated(config, p.path, content=b"") for p in generated.pages])
        pages = [(files.get_file_from_path(p.path), lift(meta.get_data(p.markdown)[0])[0]) for p in generated.pages if p.path.endswith(".md")]
        sites.append((files, pages))
    return config, sites


def test_every_generated_page_is_rendered_as_mkdocs_renders_it(site):
    config, sites = site
    taken = total = briefings = 0
    for files, pages in sites:
        for file, text in pages:
            assert rendered(config, files, file, text, True) == rendered(config, files, file, text, False), file.src_uri
            converted = skeleton.convert(text, "&para;", lambda url: url)
            taken += converted is not None
            total += 1
            briefings += converted is not None and file.src_uri.startswith("briefings/2")
    # the point of it: most pages never reach Python-Markdown (the briefings, their
    # digests, the timeline's and the actors' archive pages, the months, the index pages:
    # 2,511 of 2,570 at 1,000 briefings)
    assert taken > 0.75 * total and briefings > 40, (taken, total, briefings)  # 238 of 288, 48


def test_a_warning_for_a_missing_page_is_logged_once_as_mkdocs_logs_it(caplog):
    config = mkdocs_config()
    file = File.generated(config, "digest/2024-W01.md", content=b"")
    files = Files([file])
    text = "# Week\n\n[All weeks](index.md) · [Feed](feed.xml)\n"
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        fast = rendered(config, files, file, text, True)
    fast_log = [r.getMessage() for r in caplog.records]
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert rendered(config, files, file, text, False) == fast
    assert fast_log == [r.getMessage() for r in caplog.records] and len(fast_log) == 2


@pytest.mark.parametrize(
    "text",
    [
        "# A *b*\n",  # emphasis
        "Some `code`\n",
        "- a loose\n\n- list\n",  # items a blank line apart: each a paragraph
        "- an item\nand a lazy line\n",
        "* a star item\n",
        "1. a numbered item\n",
        "text **bold *nested***\n",
        "| a | table |\n| --- | --- |\n| 1 | 2 |\n",
        "    indented\n",
        "a line break  \nafter it\n",
        "AT&T\n",
        "[a link](https://example.com)\n",  # a URL with a scheme: left to Python-Markdown
        "[text] (not a link)\n",
        "<p>raw HTML</p>\n",
        "Text\n===\n",  # a setext heading
        "<!--briefings-html:0-->\ntext after\n",
        "## Heading #\n",
        "### {#only-an-id}\n",
        "#No space\n",
        "text with a_b\n",
    ],
)
def test_anything_else_is_left_to_python_markdown(text):
    assert skeleton.convert(text, "&para;", lambda url: url) is None


def test_the_markdown_settings_decide_whether_skeletons_are_converted():
    assert skeleton_permalink(mkdocs_config()) == "&para;"
    assert skeleton_permalink(mkdocs_config(MARKDOWN.replace("true", '"#"'))) == "#"
    assert skeleton_permalink(mkdocs_config(MARKDOWN + "  - admonition\n")) is None
    assert skeleton_permalink(mkdocs_config(MARKDOWN + "      toc_depth: 2\n")) is None
    assert skeleton_permalink(mkdocs_config("markdown_extensions:\n  - toc\n")) is None  # no permalinks


_WORDS = st.sampled_from(["Acme", "Corp.", "2024", "x", "(4)", "·", "–", "Q3", "É", "a-b", "it's", "50%", "'q'", "1.", "-", "+", "#", "*", "_", "&", "<b>", "[", "]", "{#x}", "  ", "Über", "ß", "\t"])
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join)
_LINK = st.builds(lambda text, target: f"[{text}]({target})", _TEXT, st.sampled_from(["page.md", "../up.md", "sub/page.md#part", "#here", "missing.md", "feed.xml", "a b.md"]))
_BOLD = st.builds(lambda text: f"**{text}**", _TEXT)
_LINE = st.builds(lambda pieces, between: between.join(pieces), st.lists(st.one_of(_TEXT, _LINK, _BOLD), min_size=1, max_size=4), st.sampled_from([" · ", " ", ""]))
_HEADING = st.builds(lambda level, text, anchor: "#" * level + " " + text + anchor, st.integers(1, 4), _TEXT, st.sampled_from(["", " {#summary}", " {#a-1}", " {#summary}"]))
_BLOCK = st.one_of(
    _HEADING,
    st.lists(st.one_of(_LINE, _HEADING), min_size=1, max_size=3).map("\n".join),
    st.builds(lambda n: f"<!--briefings-html:{n}-->", st.integers(0, 3)),
    st.builds(lambda line, n: f"{line}\n<!--briefings-html:{n}-->", _LINE, st.integers(0, 3)),
    st.just('<div class="source-text" data-search-exclude markdown="0">\n\n<!--briefings-html:9-->\n\n</div>'),
    st.lists(st.builds(lambda line: "- " + line, _LINE), min_size=1, max_size=3).map("\n".join),
    st.lists(st.one_of(st.builds(lambda line: "- " + line, _LINE), _LINE), min_size=2, max_size=3).map("\n".join),
)
_SKELETON = st.lists(_BLOCK, min_size=1, max_size=6).map(lambda blocks: "\n\n".join(blocks) + "\n")


@settings(max_examples=500, deadline=None)
@given(text=_SKELETON)
def test_a_skeleton_taken_is_rendered_as_python_markdown_renders_it(text):
    config = mkdocs_config()
    file = File.generated(config, "briefings/a.md", content=b"")
    files = Files([file, File.generated(config, "briefings/page.md", content=b""), File.generated(config, "up.md", content=b"")])
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # missing pages: the same warnings either way
    try:
        assert rendered(config, files, file, text, True) == rendered(config, files, file, text, False)
    finally:
        logging.getLogger("mkdocs").setLevel(logging.NOTSET)


def test_random_skeletons_are_often_taken():
    """The property above is only worth something if the fast path takes many of them."""
    from hypothesis import find

    for shape in ("](", "\n- ", "**"):
        find(
            _SKELETON,
            lambda text: skeleton.convert(text, "&para;", lambda url: url) is not None and shape in text and "\n#" in text,
            settings=settings(max_examples=2000, deadline=None, derandomize=True, database=None),  # the same search each run: a rare miss is not luck
        )


def test_links_are_rewritten_by_mkdocs_itself():
    config = mkdocs_config()
    file = File.generated(config, "timeline/2014.md", content=b"")
    files = Files([file, File.generated(config, "timeline.md", content=b"")])
    resolve = _RelativePathTreeprocessor(file, files, config).path_to_url
    converted = skeleton.convert("# Timeline: 2014\n\n[All years](../timeline.md)\n", "&para;", resolve)
    assert '<a href="../">All years</a>' in converted.html  # timeline/2014/ to timeline/
    assert converted.title == "Timeline: 2014" and converted.anchors == {"timeline-2014"}
