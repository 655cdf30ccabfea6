"""Moves (issue 15): what each key actor does, in the article's words, cited; the strategy
sections show them under the article's headings or under each actor."""

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from generator.analyze.briefing import analyze
from generator.analyze.moves import MOVE_WORDS
from generator.model import Article, Paragraph


def article(*texts: str) -> Article:
    return Article(Path("seed.txt"), "A Story", dt.date(2024, 3, 4), tuple(Paragraph(f"p{i}", "body", t, i) for i, t in enumerate(texts, 1)))


def moves_of(*texts: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for move in analyze(article(*texts)).moves:
        found.setdefault(move.actor, []).append(move.text)
    return found


def test_a_subject_with_auxiliaries_gives_its_predicate_to_the_clause_end():
    moves = moves_of("Acme Industries Inc said it would start a tender offer on Monday, the company said.")
    assert moves["Acme Industries Inc"] == ["said it would start a tender offer on Monday"]


def test_a_name_after_by_or_of_is_no_subject():
    moves = moves_of("The patent lawsuit brought by Orion Pharma Inc is decided by the court in Boston.")
    assert "Orion Pharma Inc" not in moves


def test_a_noun_that_begins_like_a_verb_is_no_move():
    assert "Fiat Powertrain" not in moves_of("The Fiat Powertrain plant at Arese near Milan will close in June, the union said.")


def test_reporting_alone_is_no_move():
    assert "Acme Industries Inc" not in moves_of("Acme Industries Inc said on Monday that demand was weak in Europe.")


def test_a_long_predicate_is_cut_and_marked():
    moves = moves_of("Acme Industries Inc plans to build a battery plant in Ohio that will employ two thousand workers from across the whole state by next year.")
    (text,) = moves["Acme Industries Inc"]
    assert text.endswith(" …") and len(text.split()) == MOVE_WORDS + 1


def test_a_stated_relation_is_a_move_of_its_subject():
    moves = moves_of("Acme Industries Inc agreed to buy Beta Air Corp for 1.2 billion dlrs.")
    assert any(m.startswith("acquires or bids for Beta Air Corp") for m in moves["Acme Industries Inc"])


WORDS = st.sampled_from(
    "Acme Industries Inc said it would | Beta Air Corp | plans to | launched | a new | plant | in Ohio | by | the | rejected | offer | , | . | said | "
    "will build | of | Orion Pharma | sued | Vega Labs | cars | 40 dlrs a share | on Monday".split(" | ")
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=25).map(" ".join), min_size=1, max_size=4))
def test_every_move_is_the_articles_own_words_of_an_actor_and_cites_its_paragraph(paragraphs):
    briefing = analyze(article(*paragraphs))
    names = {a.name for a in briefing.actors}
    texts = {p.id: p.text for p in briefing.article.paragraphs}
    for move in briefing.moves:
        assert move.actor in names and move.paragraph in texts
        if move.relation is None:
            assert move.text.removesuffix(" …") in texts[move.paragraph]
            assert len(move.text.split()) <= MOVE_WORDS + 1
