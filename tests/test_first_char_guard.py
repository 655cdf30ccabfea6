"""``first_char_guard`` only speeds a regex up: a guarded pattern finds exactly what the
pattern alone finds (the timeline's rules, the figures' amounts and counts)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analyze import actors, figures, measures, relations, timeline
from generator.analyze.text import _CLAUSE_BREAK
from generator.analyze.text import first_char_guard

_GUARDED = (actors._SUFFIXED, actors._SHARES_OF, relations._DEMONYM_BEFORE, relations._POSSESSIVE_PRONOUN, relations._DEFINITE, relations._DESCRIBED, measures._POSSESSION, measures._PASSIVE_VALUE)
"""Patterns compiled with ``guarded``."""

_PIECES = [example for rule in timeline.RULES for example in rule.examples] + [
    "$1.5 billion", "about 12 pct", "between 2 and 4 mln dlrs", "33-3/8", "two joint ventures", "1,200 workers",
    "May", "mid-March", "the '80s", "Q3", "ſ", "K", "İ", "-", ",", ".", " ", "\n", "x", "3",
    "Acme Corp", "shares of", "analysts at", "German carmaker", "its", "the company", "the Texas-based", "owns", "was valued at",
]
_TEXTS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=4), max_size=12).map(" ".join)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


_GUARD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)")
"""A guard as ``first_char_guard`` writes it (no pattern here has a lookahead of a class of its own)."""


def _unguarded(pattern: re.Pattern[str], guard: str) -> re.Pattern[str]:
    assert guard and guard in pattern.pattern
    return re.compile(_GUARD.sub("", pattern.pattern), pattern.flags)


def test_guards_are_found():
    assert first_char_guard("(?:jan|feb)\\.?", re.IGNORECASE) == "(?=[fj])"
    assert first_char_guard("\\d+|x?") == ""  # may match empty: no guard
    assert first_char_guard("(?i:a)b") == ""  # scoped flags: not walked


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_guarded_patterns_find_the_same(text):
    pairs = [(rule.pattern, first_char_guard(rule.pattern.pattern[len(timeline._B) :], re.IGNORECASE)) for rule in timeline.RULES]
    pairs += [(figures._AMOUNT, first_char_guard(figures._AMOUNT_PATTERN, re.IGNORECASE)), (figures._COUNTED, first_char_guard(figures._COUNTED_PATTERN, re.IGNORECASE))]
    pairs += [(pattern, pattern.pattern[: pattern.pattern.index("])") + 2]) for pattern in (*_GUARDED, _CLAUSE_BREAK)]
    for pattern, guard in pairs:
        if guard:
            assert _spans(pattern, text) == _spans(_unguarded(pattern, guard), text)
