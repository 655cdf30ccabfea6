"""The date scan's shortcuts only speed it up: the rules that open with a month, tried only
where ``_MONTH_START`` finds one, and the rules skipped for want of their cue, find exactly
what every rule scanning the whole paragraph finds."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze import lexicon, timeline

_PIECES = [example for rule in timeline.RULES for example in rule.examples] + [
    *lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS, *lexicon.WEEKDAYS, "Mayor", "Marchers", "Sept", "Dec.", "May.", "of", "the",
    "3", "15", "2024", "1989", "31st", "-", "–", ",", ".", "$", "'", "’", " ", "\n", "x", "ſ", "K", "İ", "Jun-", "mar", "MAY", "last", "next", "early", "through",
]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=14).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
_DATES = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_rules_opening_with_a_month_find_the_same_at_month_starts(text):
    starts = [m.start() for m in timeline._MONTH_START.finditer(text)]
    for rule in timeline.RULES:
        if rule.at_month:
            assert _spans(timeline._matches_at(rule.pattern, text, starts)) == _spans(rule.pattern.finditer(text))


def test_the_rules_opening_with_a_month_are_found():
    assert [rule.examples[0] for rule in timeline.RULES if rule.at_month] == ["March 15, 2024", "March 15", "March 2024", "May four", "March this year", "March"]


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _DATES)
def test_find_dates_is_that_of_every_rule_scanning_everything(text, anchor):
    full = tuple(dataclasses.replace(rule, cue=(), at_month=False) for rule in timeline.RULES)
    fast = timeline.find_dates(text, anchor)
    original = timeline.RULES
    timeline.RULES = full
    try:
        assert fast == timeline.find_dates(text, anchor)
    finally:
        timeline.RULES = original


def test_a_month_start_sees_the_text_before_it():
    assert [m.start() for m in timeline._MONTH_START.finditer("x-May, May. $Jun Mayor")] == [7, 17]
    pattern = next(rule.pattern for rule in timeline.RULES if rule.at_month and rule.examples[0] == "March")
    assert [m.group(0) for m in timeline._matches_at(pattern, "1-May May", [2, 6])] == ["May"]  # not "May" after "1-"
