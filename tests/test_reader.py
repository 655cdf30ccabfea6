"""The reader on named edge-case fixtures."""

import datetime as dt

import pytest

from generator.read.seeds import SeedError, find_seed_files, read_seed, read_seeds
from conftest import FIXTURES, SEED


def kinds(article):
    return [(p.id, p.kind) for p in article.paragraphs]


def test_seed_header_headings_caption_and_body():
    article = read_seed(SEED)
    assert article.title == "Huawei Takes Major Leap into the Auto Industry with Two New Smart Car Brands"
    assert article.date == dt.date(2025, 11, 24)
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == [
        "Huawei’s Expanding Automotive Strategy",
        "Huawei’s Role in the Qijing and Yijing Brands",
    ]
    assert len(article.body) == 8
    assert article.body[0].text.startswith("Huawei Technologies has entered")
    assert article.source.image_credit == "Shutterstock"
    assert "“Qijing”" in article.body[0].text  # curly quotes kept as written


def test_caption_followed_by_paragraph_without_blank_line():
    article = read_seed(FIXTURES / "good" / "caption_followed_by_paragraph.txt")
    assert kinds(article) == [("p1", "body"), ("c1", "caption"), ("p2", "body"), ("h1", "heading"), ("p3", "body")]
    assert article.paragraph("p2").text.startswith("The caption is followed")
    assert article.source.image_credit == "Reuters"


def test_bom_crlf_and_leading_spaces_in_header():
    article = read_seed(FIXTURES / "good" / "bom_crlf_leading_spaces.txt")
    assert article.title == "Windows Line Endings"
    assert [p.text for p in article.body] == ["First paragraph with “curly quotes” and an apostrophe’s mark.", "Second paragraph."]


def test_markdown_front_matter():
    article = read_seed(FIXTURES / "good" / "markdown_front_matter.md")
    assert article.title == "Lumen Robotics Opens a Plant in Ohio"
    assert article.date == dt.date(2024, 6, 12)
    assert article.source.publisher == "The Example Times"
    assert article.source.url == "https://example.com/lumen-ohio"
    assert article.source.author == "Jane Reporter"
    assert article.tags == ("robotics", "manufacturing")
    assert kinds(article) == [("p1", "body"), ("h1", "heading"), ("p2", "body")]
    assert article.body[0].text.endswith("in early 2025, hiring 400 workers.")  # wrapped lines joined


def test_sidecar_metadata():
    article = read_seed(FIXTURES / "good" / "plain_with_sidecar.txt")
    assert article.source.publisher == "Example Wire"
    assert article.tags == ("retail",)


@pytest.mark.parametrize(
    "name, line, words",
    [
        ("empty.txt", 1, "empty file"),
        ("only_whitespace.txt", 1, "empty file"),
        ("no_header.txt", 1, "expected a header line `date YYYY-MM-DD Title`"),
        ("invalid_date.txt", 1, "invalid date '2025-13-40'"),
        ("title_only.txt", None, "no body paragraphs"),
        ("binary.txt", 3, "binary data"),
        ("latin1.txt", 3, "not UTF-8"),
        ("front_matter_unknown_key.md", 4, "unknown key 'titel'"),
    ],
)
def test_bad_seed_is_one_clear_problem(name, line, words):
    path = FIXTURES / "bad" / name
    with pytest.raises(SeedError) as caught:
        read_seed(path)
    problem = caught.value.problem
    assert problem.path == path
    assert problem.line == line
    assert words in problem.message


def test_read_seeds_keeps_good_articles_and_lists_every_problem():
    corpus = read_seeds(FIXTURES / "bad")
    assert corpus.articles == ()
    assert len(corpus.problems) == len(find_seed_files(FIXTURES / "bad"))
    corpus = read_seeds(FIXTURES / "good")
    assert len(corpus.articles) == 4 and corpus.problems == ()
