"""Hostile and broken input: nothing injected, clear errors, safe names, limits, nothing lost."""

import re
from pathlib import Path

import pytest

from generator.analyze.text import slugify
from generator.read.seeds import SeedError, read_seed, read_seeds
from generator.safety import UnsafeOutput, check_site_dir, write_pages
from generator.model import Page
from generator.settings import Limits
from conftest import FIXTURES, build_site, run_briefing
from htmlscan import injected, scan_html

HOSTILE = FIXTURES / "hostile"
MARKER = "ZQX"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    result, site = build_site(tmp_path_factory.mktemp("hostile"), HOSTILE, strict=True)
    assert result.returncode == 0, result.stderr
    return site


def briefing_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "briefings").glob("*/index.html"))


def test_every_built_page_is_free_of_injection(hostile_site):
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        problems = injected(scan_html(page.read_text(encoding="utf-8")), MARKER)
        assert problems == [], f"{page.relative_to(hostile_site)}: {problems}"


@pytest.mark.parametrize(
    "literal",
    [
        '</title><script>alert("ZQX1")</script> Breaking <b onclick="ZQX2">news</b>',
        "<img src=x onerror=\"alert('ZQX3')\">",
        "# Not A Heading ZQX7 | cell | [link](http://evil.example/ZQX8)",
        "- ZQX9 list item",
        '!!! warning "ZQX12 admonition"',
        "[ZQX13]: javascript:alert(1)",
        "{{ 7*7 }} and {% include \"mkdocs.yml\" %} ZQX18",
        '--8<-- "mkdocs.yml"',
        '{: #ZQX20 .evil onclick="x" } attribute list, and <!-- ZQX21 comment -->',
        "<script>ZQX23</script> Wire",
        "<svg onload=alert(1)> ZQX28",
        "&#60;ZQX6&#62;",
    ],
)
def test_hostile_text_shows_as_literal_text(hostile_site, literal):
    text = " ".join(scan_html(p.read_text(encoding="utf-8")).all_text for p in briefing_pages(hostile_site))
    assert literal in text


def test_no_file_was_included(hostile_site):
    for page in briefing_pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        assert "site_name: Briefings" not in html  # mkdocs.yml was not pulled in by --8<--


def test_same_title_gives_two_pages(hostile_site):
    pages = [p for p in briefing_pages(hostile_site) if "same-title-twice" in p.parent.name]
    assert len(pages) == 2
    texts = [scan_html(p.read_text(encoding="utf-8")).all_text for p in pages]
    assert any("First article" in t for t in texts) and any("Second article" in t for t in texts)


def test_slugs_are_safe_for_urls_and_files(hostile_site):
    for page in briefing_pages(hostile_site):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+", page.parent.name), page.parent.name
    for page in (hostile_site / "actors").glob("*/"):
        assert re.fullmatch(r"[a-z0-9-]+", page.name), page.name


def test_cjk_emoji_and_bidi_title():
    article = read_seed(HOSTILE / "cjk_emoji_bidi.txt")
    assert article.title.startswith("华为汽车 🚗")
    assert slugify(article.title) == "zqx22"  # only the Latin part survives ASCII folding
    assert slugify("华为汽车") == ""  # the caller falls back to a hash (see assign_slugs)


@pytest.mark.parametrize(
    "limits, content, words",
    [
        (Limits(max_bytes=100), "date 2025-01-01 T\n\n" + "x" * 200 + "\n", "the limit is 100 bytes"),
        (Limits(max_paragraphs=3), "date 2025-01-01 T\n\n" + "\n\n".join(f"Para {i}." for i in range(10)) + "\n", "more than 3 paragraphs"),
        (Limits(max_line_length=50), "date 2025-01-01 T\n\n" + "y" * 80 + "\n", "line is 80 characters; the limit is 50"),
    ],
)
def test_limits_are_errors_not_hangs(tmp_path, limits, content, words):
    path = tmp_path / "big.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SeedError) as caught:
        read_seed(path, limits)
    assert words in caught.value.problem.message


def test_default_limit_rejects_a_huge_file_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"date 2025-01-01 Huge\n\n" + b"word " * 400_000)
    corpus = read_seeds(tmp_path)
    assert corpus.articles == () and "bytes; the limit is" in corpus.problems[0].message


def test_javascript_url_in_sidecar_is_an_error():
    with pytest.raises(SeedError) as caught:
        read_seed(FIXTURES / "bad" / "sidecar_javascript_url.txt")
    assert "must be an http:// or https:// URL" in caught.value.problem.message


def test_build_refuses_to_empty_a_folder_it_did_not_make(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "thesis.txt").write_text("precious", encoding="utf-8")
    with pytest.raises(UnsafeOutput):
        check_site_dir(folder)
    result, _ = build_site(tmp_path / "b", FIXTURES / "good", strict=False)
    assert result.returncode == 0
    result = run_briefing("build", "--site-dir", folder)
    assert result.returncode == 1 and "not built by briefings" in result.stderr
    assert (folder / "thesis.txt").read_text(encoding="utf-8") == "precious"


def test_render_never_overwrites_a_file_it_did_not_write(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.md").write_text("my own page", encoding="utf-8")
    with pytest.raises(UnsafeOutput):
        write_pages((Page("index.md", "generated"),), out)
    assert (out / "index.md").read_text(encoding="utf-8") == "my own page"
    with pytest.raises(UnsafeOutput):
        write_pages((Page("../escape.md", "x"),), out)
    assert not (tmp_path / "escape.md").exists()
    write_pages((Page("timeline.md", "one"),), out)
    write_pages((Page("timeline.md", "two"),), out)  # its own file: rewritten
    assert (out / "timeline.md").read_text(encoding="utf-8") == "two"
