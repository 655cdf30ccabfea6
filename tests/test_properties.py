"""Property tests: for arbitrary text in every field, the page shows it literally and no
element, attribute or link comes from it (rendered with the site's Markdown extensions,
scanned with an HTML parser)."""

import datetime as dt
from pathlib import Path

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyze.briefing import analyze
from generator.publish.escape import markdown_text
from generator.model import Article, Paragraph, Source
from generator.read.seeds import SeedError, read_seed
from generator.corpus.catalog import build_catalog
from generator.publish.pages import render_site
from conftest import ROOT
from htmlscan import injected, scan_html

MARKER = "QZX"
NASTY = list("<>&\"'`*_{}[]()#+-.!|~^=:$%@;/\\\n\t ") + ["--8<--", "{{", "{%", "{#", "]:", "javascript:", "data:", "<script>", "</p>", "!!!", "\u202e", "\u200f", "华", "🚗", "\x00", "\x1b"]
text_strategy = st.lists(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=6)), min_size=1, max_size=12).map("".join)
EXTENSIONS = ["attr_list", "tables", "toc"]


def with_marker(text: str) -> str:
    return f"{MARKER}{text}{MARKER}"


def expected_text(text: str) -> str:
    import html

    return html.unescape(markdown_text(text))


def page_html(md: str) -> tuple[dict, str]:
    front, body = {}, md
    if md.startswith("---\n"):
        _, header, body = md.split("---\n", 2)
        front = yaml.safe_load(header)
    return front, markdown.markdown(body, extensions=EXTENSIONS)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=text_strategy, body=text_strategy, heading=text_strategy, publisher=text_strategy, tag=text_strategy)
def test_arbitrary_text_in_every_field_stays_text(title, body, heading, publisher, tag):
    fields = {"title": with_marker(title), "body": "Acme Corp said " + with_marker(body) + ".", "heading": with_marker(heading)}
    article = Article(
        path=Path("seed.txt"),
        title=fields["title"],
        date=dt.date(2025, 1, 2),
        paragraphs=(
            Paragraph("p1", "body", fields["body"], 3),
            Paragraph("h1", "heading", fields["heading"], 5),
            Paragraph("p2", "body", "More text from Acme Corp.", 7),
        ),
        source=Source(publisher=with_marker(publisher), url="https://example.com/x", image_credit=with_marker(tag)),
        tags=(with_marker(tag),),
    )
    briefing = analyze(article, "2025-01-02-x")
    for page in (p for p in render_site(build_catalog((briefing,)), ROOT / "templates") if p.path.endswith(".md")):
        front, html_text = page_html(page.markdown)
        scan = scan_html(html_text)
        assert injected(scan, MARKER) == [], (page.path, injected(scan, MARKER))
        if page.path.startswith("briefings/2025"):
            shown = scan.all_text
            for value in (fields["title"], fields["body"], fields["heading"], with_marker(publisher)):
                assert expected_text(value) in shown
            title_scan = scan_html(f"<title>{front['title']}</title>")
            assert injected(title_scan, MARKER) == []
            assert title_scan.all_text == expected_text(fields["title"])


@settings(max_examples=40, deadline=None)
@given(title=text_strategy, body=text_strategy)
def test_arbitrary_seed_file_gives_an_article_or_one_clear_error(tmp_path_factory, title, body):
    path = tmp_path_factory.mktemp("seed") / "s.txt"
    path.write_text(f"date 2025-01-02 {title}\n\n{body}\n", encoding="utf-8", errors="surrogatepass") if "\ud800" not in title + body else None
    try:
        article = read_seed(path)
    except SeedError as err:
        assert err.problem.path == path and err.problem.message
        return
    assert article.title and article.body
