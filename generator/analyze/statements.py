"""A briefing's words as the story step compares them (``StoryWords``), computed once per
article with its analysis (in the worker processes, kept in the analysis cache), so that
grouping briefings into stories and finding what each one adds are set operations.

- ``terms``: the words of the title, the first paragraphs (``TERM_PARAGRAPHS``) and the
  relations: what grouping weighs (tf-idf);
- ``points`` and ``events``: the content of each summary point and dated event: its
  content words stemmed and its numbers ("#40"), the words of the briefing's actor names
  and dateline left out (every statement about the same actors shares them);
- ``measures``: what each figure measures as its head word stemmed and its name words.

Each is a string of words joined by spaces (``StoryWords``); ``content`` and ``measure``
give the sets the story step compares.
"""

from __future__ import annotations

import re

from ..model import Briefing, StoryWords
from . import lexicon
from .text import words

TERM_PARAGRAPHS = 5
"""A briefing's words for grouping come from its title, its first paragraphs (where news
states what it is about) and its relations: not from its summary, whose length varies."""
_NUMBER = re.compile(r"[\d.,/-]+$")
_REPORTING = frozenset("said says say told tells added adds according stated announced".split())
_ENDINGS = ("ing", "ed", "es", "s")
_UNITS = frozenset("dlrs dlr dollars dollar pct percent cents cent share shares mln million billion bln thousand".split())
"""Words of figures: in every statement of a deal, they do not make two statements the same."""


def story_words(briefing: Briefing) -> StoryWords:
    """The briefing's ``StoryWords``; a word's fate is looked up once per briefing."""
    names = name_words(briefing)
    kept: dict[str, str] = {}
    return StoryWords(
        terms=" ".join(terms(briefing)),
        points=tuple(" ".join(sorted(content(p.text, names, kept))) for p in briefing.summary),
        events=tuple(" ".join(sorted(content(e.event, names, kept))) if e.paragraph is not None else "" for e in briefing.timeline),
        measures=tuple(" ".join([head, *sorted(named)]) for head, named in (measure(f.measures, names) for f in briefing.figures)),
    )


def terms(briefing: Briefing) -> list[str]:
    """The words grouping weighs, casefolded, in order (each as often as it occurs)."""
    text = " ".join([briefing.article.title, *(p.text for p in briefing.article.body[:TERM_PARAGRAPHS]), *(r.text for r in briefing.relations)])
    found: list[str] = []
    known: dict[str, bool] = {}
    for token in words(text):
        term = token.casefold()
        if term not in known:
            known[term] = is_term(term)
        if known[term]:
            found.append(term)
    return found


def is_term(word: str) -> bool:
    return len(word) > 2 and not _NUMBER.match(word) and not lexicon.is_function_word(word) and word not in lexicon.MONTHS and word not in lexicon.LEGAL_FORMS


def name_words(briefing: Briefing) -> frozenset[str]:
    """The words of the briefing's actor names and its dateline: shared by every statement
    about the same actors, so they do not make two statements the same."""
    names = [n for a in briefing.actors for n in (a.name, *a.aliases)] + [briefing.dateline or ""]
    return frozenset(w.casefold() for n in names for w in words(n))


def content(text: str, names: frozenset[str] = frozenset(), kept: dict[str, str] | None = None) -> frozenset[str]:
    """What a statement says beyond whom it names: its content words, stemmed, and its
    numbers (as "#40"): a statement with a number no earlier one gave is news. ``kept``
    remembers each token's ``kept_word`` for the caller."""
    kept = {} if kept is None else kept
    found = set()
    for token in words(text.casefold()):
        if token in names:
            continue
        word = kept.get(token)
        if word is None:
            word = kept[token] = kept_word(token)
        if word:
            found.add(word)
    return frozenset(found)


def kept_word(token: str) -> str:
    """A lowercase word as it counts in a statement's content ("#40" for a number), or ""."""
    if _NUMBER.match(token):
        return "#" + token.replace(",", "") if any(c.isdigit() for c in token) else ""
    if len(token) > 2 and token not in _REPORTING and token not in _UNITS and not lexicon.is_function_word(token) and token not in lexicon.MONTHS:
        return stem(token)
    return ""


def measure(text: str, names: frozenset[str]) -> tuple[str, frozenset[str]]:
    """(head word stemmed, name words) of what a figure measures: "offer for Beta Air" -> ("offer", {"beta", "air"})."""
    tokens = [w.casefold() for w in words(text)]
    head = next((stem(t) for t in tokens if len(t) > 2 and t not in names and not lexicon.is_function_word(t) and not _NUMBER.match(t)), "")
    return head, frozenset(t for t in tokens if t in names and t not in lexicon.LEGAL_FORMS)


def stem(word: str) -> str:
    """"offered", "offers", "offering" -> "offer": enough to compare words of one story."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word
