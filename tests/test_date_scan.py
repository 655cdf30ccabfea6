"""The date scan's shortcuts only speed it up: the rules that open with a month, tried only
where ``_MONTH_START`` finds one, and the rules skipped for want of their second cue
(``cue_too``) or of a day before a month's name (``day_first``), find exactly what the rules found without them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze import lexicon, timeline

_PIECES = [example for rule in timeline.RULES for example in rule.examples] + [
    *lexicon.MONTHS, *lexicon.MONTH_ABBREVIATIONS, *lexicon.WEEKDAYS, "Mayor", "Marchers", "Sept", "Dec.", "May.", "of", "the",
    "3", "15", "2024", "1989", "31st", "-", "–", ",", ".", "$", "'", "’", " ", "\n", "x", "ſ", "K", "İ", "Jun-", "mar", "MAY", "last", "next", "early", "through",
    "laſt", "thıs", "İ", "Tueſday", "that", "the following", "month", "week", "mid-", "the end of", "2024-03-15", "2024-",
    "15", "3rd", "4TH", "2nd", "\u2003", "\u00a0", "\t", "\u0663", "15 March", "3-5 May", "1st  June", "2nd May", "3RD\tJune",
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


def _without_shortcuts(text: str, anchor: dt.date):
    original = timeline.RULES
    timeline.RULES = tuple(dataclasses.replace(rule, cue_too=(), at_month=False, day_first=False) for rule in original)
    try:
        return timeline.find_dates(text, anchor)
    finally:
        timeline.RULES = original


@settings(max_examples=300, deadline=None)
@given(_TEXTS, _DATES)
def test_find_dates_is_that_of_the_rules_without_the_shortcuts(text, anchor):
    assert timeline.find_dates(text, anchor) == _without_shortcuts(text, anchor)


def test_a_letter_lowercase_keeps_apart_turns_the_second_cues_off():
    for text in ("It closes laſt March.", "Sales rose thıs March.", "It rose early İn March."):
        assert timeline.find_dates(text, dt.date(2025, 1, 10)) == _without_shortcuts(text, dt.date(2025, 1, 10))
    assert timeline.find_dates("It closes laſt March.", dt.date(2025, 1, 10))[0].start == 10


def test_a_month_start_sees_the_text_before_it():
    assert [m.start() for m in timeline._MONTH_START.finditer("x-May, May. $Jun Mayor")] == [7, 17]
    pattern = next(rule.pattern for rule in timeline.RULES if rule.at_month and rule.examples[0] == "March")
    assert [m.group(0) for m in timeline._matches_at(pattern, "1-May May", [2, 6])] == ["May"]  # not "May" after "1-"


def test_lowercase_keeps_every_letter_a_pattern_ignoring_case_takes_for_an_ascii_one_but_these():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    taken = {c for c in re.findall("[a-z]", everything, re.IGNORECASE)}
    apart = {c.lower() for c in taken for x in string.ascii_lowercase if re.fullmatch(x, c, re.IGNORECASE) and c.lower() != x}
    assert apart <= {"ſ", "ı", "i\u0307"}
    assert all(any(part in lowered for part in timeline._CASE_FOLDED) for lowered in apart)


def test_a_rule_is_skipped_for_want_of_its_second_cue_only_where_lowercase_tells():
    rule = next(rule for rule in timeline.RULES if rule.examples == ("last March",))
    assert not rule.is_worth_scanning("in march") and rule.is_worth_scanning("last march")
    assert rule.is_worth_scanning("laſt march")


def test_the_engines_spaces_are_those_of_str_isspace():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\s", everything) == [c for c in everything if c.isspace()]


def test_the_rules_opening_with_a_day_then_a_month_are_found():
    assert [rule.examples[0] for rule in timeline.RULES if rule.day_first] == ["15 March 2024", "15 March"]
    assert timeline._has_day_before_a_month("on 3rd\u2003May", [7]) and not timeline._has_day_before_a_month("in May", [3])
