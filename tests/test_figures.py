"""Key figures as values: one named case per class (written for the tests)."""

import datetime as dt
from pathlib import Path

import pytest

from generator.analyze.document import Document
from generator.analyze.figures import extract_figures
from generator.analyze.timeline import find_document_dates
from generator.model import Article, Paragraph
from generator.publish.escape import figure_text


def figures_of(text: str):
    article = Article(Path("s.txt"), "T", dt.date(1987, 4, 2), (Paragraph("p1", "body", text, 1),))
    document = Document.of(article)
    return extract_figures(document, find_document_dates(document))


def one(text: str):
    found = figures_of(text)
    assert len(found) == 1, [(f.text, f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(
    "text, written, value, high, unit, scale",
    [
        ("Cross offered 65.75 to 91.00 dlrs a share.", "65.75 to 91.00 dlrs", 65.75, 91.0, "USD", 1),
        ("Renault will forgive 150 mln to 200 mln dlrs of debt.", "150 mln to 200 mln dlrs", 150, 200, "USD", 1e6),
        ("It would pay between 2 billion and 4 billion dlrs in cash.", "between 2 billion and 4 billion dlrs", 2, 4, "USD", 1e9),
        ("The group bid $38-42 a share for Acme.", "$38-42", 38, 42, "USD", 1),
        ("Shares closed at 33-3/8 on Tuesday.", "33-3/8", 33.375, None, "USD", 1),
        ("The company holds 11.1 pct of Beta.", "11.1 pct", 11.1, None, "percent", 1),
        ("Sales fell eight pct in the year.", "eight pct", 8, None, "percent", 1),
        ("The plant cost €300m to build.", "€300m", 300, None, "EUR", 1e6),
        ("Debt stood at 5.5 billion Canadian dlrs.", "5.5 billion Canadian dlrs", 5.5, None, "USD", 1e9),
        ("It bought 437,425 shares of Cyclops.", "437,425 shares", 437425, None, "shares", 1),
        ("Acme has about 8,900 employees in Ohio.", "8,900 employees", 8900, None, "count", 1),
        ("The stock fell 50 cents to close.", "50 cents", 0.5, None, "USD", 1),
    ],
)
def test_amounts_are_values(text, written, value, high, unit, scale):
    figure = next(f for f in figures_of(text) if f.text == written)
    assert (figure.value, figure.high, figure.unit, figure.scale) == (value, high, unit, scale)


def test_a_move_and_a_price_are_two_figures_not_a_range():
    found = figures_of("Harper stock rose 3/4 to 33-1/2 in active trading.")
    assert [(f.text, f.value, f.high) for f in found] == [("3/4", 0.75, None), ("33-1/2", 33.5, None)]


def test_a_bare_scaled_amount_takes_the_currency_of_its_paragraph():
    found = figures_of("TransCanada raised its offer to 5.5 billion dlrs from 4.3 billion.")
    assert [f.unit for f in found] == ["USD", "USD"] and found[1].scale == 1e9


def test_approximations_are_kept():
    figure = one("The deal is valued at about 1.55 billion dlrs, analysts said.")
    assert figure.approx == "about" and figure_text(figure) == "about $1.55 billion"


@pytest.mark.parametrize(
    "text",
    ["The deadline is 1600 GMT on Friday.", "It filed under Chapter 11 of the code.", "The firm was founded in 1987 in Ohio.", "He finished 3rd in the race.", "The score was 5-4 at half time."],
)
def test_times_years_references_and_ordinals_are_not_figures(text):
    assert figures_of(text) == ()


@pytest.mark.parametrize(
    "text, written, term",
    [
        ("Amoco made a 5.1 billion dlr bid for Dome.", "5.1 billion dlr", "bid for Dome"),
        ("Harris raised its stake in Cyclops Corp to 13.3 pct.", "13.3 pct", "stake in Cyclops Corp"),
        ("Prices ranged from 65.75 to 91.00 dlrs a share.", "65.75 to 91.00 dlrs", "Prices"),
        ("Huawei formed two joint ventures with GAC.", "two joint ventures", "joint ventures"),
    ],
)
def test_a_figure_says_what_it_measures_never_a_bare_unit(text, written, term):
    figure = next(f for f in figures_of(text) if f.text == written)
    assert figure.measures == term
    assert figure.measures.lower() not in ("dlrs", "pct", "shares", "percent")
