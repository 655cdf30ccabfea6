"""The summary: one named case per promise (articles written for the tests)."""

import datetime as dt
from pathlib import Path

from generator.analyze.actors import extract_actors
from generator.analyze.document import Document
from generator.analyze.summary import is_fragment, summarize
from generator.analyze.text import sentence_spans
from generator.model import Article, Paragraph


def article_of(*paragraphs: str) -> Article:
    body = tuple(Paragraph(f"p{i}", "body", text, i) for i, text in enumerate(paragraphs, 1))
    return Article(Path("s.txt"), "Acme bid", dt.date(2024, 5, 2), body)


def points_of(*paragraphs: str, count: int | None = None) -> list[str]:
    document = Document.of(article_of(*paragraphs))
    return [p.text for p in summarize(document, extract_actors(document), count)]


def sentences_of(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentence_spans(text)]


WIRE_STORY = (
    "Acme Holdings offered 42 dollars a share for Beta Foods on Monday, valuing the grocer at 1.2 billion dollars.",
    "The offer will not be enough to win over the Beta Foods board, analysts at J.P. Morgan said.",
    "Beta Foods shares rose 12 percent to 44 dollars after the Acme Holdings offer was announced.",
    "The trade was handled by a broker.",
    "Acme Holdings said the offer for Beta Foods would be paid in cash and expire in June.",
    "Beta Foods, based in Ohio, runs 300 grocery stores in the Midwest.",
    "Acme Holdings chief executive Dana Reyes said the two grocers would save 80 million dollars a year together.",
    "The weather in Ohio was mild on Monday.",
    "Beta Foods said its board would study the Acme Holdings offer and answer within two weeks.",
)


def test_attribution_stays_with_the_claim():
    points = points_of(*WIRE_STORY, count=5)
    claim = next(p for p in points if "will not be enough" in p)
    assert claim.endswith(", analysts at J.P. Morgan said.")


def test_initials_do_not_split_a_sentence():
    assert sentences_of("Blues legend B.B. King played in Memphis. He sang.") == ["Blues legend B.B. King played in Memphis.", "He sang."]
    assert sentences_of("The bank hired J.P. Acme Group to advise it.") == ["The bank hired J.P. Acme Group to advise it."]
    assert sentences_of("Franklin D. Roosevelt and J. A. Smith met.") == ["Franklin D. Roosevelt and J. A. Smith met."]
    assert sentences_of("Its stores are all in the U.S. The company is in Ohio.") == ["Its stores are all in the U.S.", "The company is in Ohio."]
    assert sentences_of("He works for the U.S. Army in Texas.") == ["He works for the U.S. Army in Texas."]


def test_no_fragment_is_a_point():
    assert is_fragment("No wonder.")
    assert is_fragment("Skilful:")
    assert is_fragment("but then it was all Acme Holdings as they took the market.")
    assert is_fragment(", grocery sales date back some 2,000 years in the region.")
    assert is_fragment("Both founders of Beta Foods, who have run it for 30 years, are to retire", "come the end of May and each will stay on the board.")
    assert not is_fragment("Beta Foods runs 300 grocery stores in the Midwest", "but it plans to close ten of them.")
    assert not is_fragment("iPhone sales at Beta Foods rose 12 percent in May.")
    # a piece of a quotation of several sentences: its speaker is elsewhere
    assert is_fragment('"The merger will let Acme Holdings sell its stoves across the Midwest.')
    assert is_fragment('It also gives Beta Foods a strong partner," the Acme Holdings chairman said.')
    assert is_fragment("“The merger will let Acme Holdings sell its stoves across the Midwest.")
    assert not is_fragment('"The merger is good for both," the Acme Holdings chairman said on Monday.')
    story = (
        "Acme Holdings bid 42 dollars a share for Beta Foods, the Ohio grocer, on Monday.",
        "Both founders of Beta Foods, who built the grocer over 30 years, are to retire",
        "come the end of May, when the Acme Holdings bid for Beta Foods closes.",
        "Beta Foods shares rose 12 percent after the Acme Holdings bid.",
        "Acme Holdings said the bid for Beta Foods would be paid in cash.",
    )
    points = points_of(*story)
    assert not any(p.startswith("Both founders") or p.startswith("come the end") for p in points)
    assert len(points) == 3


def test_no_point_is_a_near_duplicate_of_another():
    story = (
        "Acme Holdings bid 42 dollars a share for Beta Foods, the Ohio grocer, on Monday.",
        "Acme Holdings has bid 42 dollars a share for the Ohio grocer Beta Foods.",
        "Beta Foods shares rose 12 percent after the Acme Holdings bid was announced.",
        "Acme Holdings said the bid for Beta Foods would be paid in cash.",
        "Beta Foods said its board would study the Acme Holdings bid.",
    )
    points = points_of(*story)
    assert len(points) == 3
    assert sum(p.startswith("Acme Holdings bid") or p.startswith("Acme Holdings has bid") for p in points) == 1


def test_a_point_leaning_on_another_comes_right_below_it():
    story = (
        "Acme Holdings bid 42 dollars a share for Beta Foods, the Ohio grocer, on Monday.",
        "Beta Foods shares rose 12 percent after the Acme Holdings bid for the grocer.",
        "The weather in Ohio was mild on Monday and markets were calm.",
        "This move makes Acme Holdings the largest grocer in Ohio, ahead of Beta Foods rivals.",
        "Acme Holdings said the bid for Beta Foods would be paid in cash.",
    )
    points = points_of(*story)
    for above, point in zip(["", *points], points):
        if point.startswith("This move"):
            assert above == story[2]


def test_a_teaser_lede_gives_way_to_the_gist():
    story = (
        "As attempts to break a record go, it was pretty impressive.",
        "Acme Holdings flew a kite 6,000 metres long at the Ohio kite festival on Saturday.",
        "The Acme Holdings kite, made of 2,000 pieces, broke the record for the longest kite.",
        "Ohio air traffic control let only half of the Acme Holdings kite fly.",
        "The festival drew kite teams from 13 countries to Ohio.",
    )
    assert story[0] not in points_of(*story)


def test_summary_length_scales_with_the_article():
    short = points_of(*WIRE_STORY[:5])
    long = points_of(*WIRE_STORY, *(f"Acme Holdings store {n} in Ohio will keep its Beta Foods staff and its lease, the company said." for n in range(1, 60)))
    assert len(short) == 3
    assert len(long) == 5
    assert len(points_of("Acme Holdings bid 42 dollars a share for Beta Foods on Monday.")) == 1


def test_the_same_article_gives_the_same_summary():
    assert points_of(*WIRE_STORY) == points_of(*WIRE_STORY)


def test_a_point_leaves_out_the_dateline():
    text = "NEW YORK, March 3 - Acme Holdings Inc said it agreed to buy Beta Foods Corp for 42 dlrs a share in cash, or about 1.2 billion dlrs."
    points = points_of(text, "Beta Foods Corp shares rose 12 pct to 41 dlrs after the Acme Holdings Inc offer was announced on Monday.")
    assert points and points[0].startswith("Acme Holdings Inc said it agreed")
    assert all("NEW YORK" not in p for p in points)
