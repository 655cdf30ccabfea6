"""One article split once: every analyzer reads the same sentences and tokens.

spaCy's ``Doc`` is the model: the text is segmented a single time, here, and each analyzer
(`actors`, `timeline`, `figures`, `summary`, `sections`, `sources`) is a function of the
``Document``, so no analyzer splits a paragraph again and none shares work with another
through a cache. Offsets are into the paragraph's text, as everywhere in the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Article, Paragraph
from .text import Span, sentence_spans

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*|[^\w\s]")
_TOKEN_ABBREVIATIONS = frozenset("inc co corp ltd jr sr st u.s u.k u.n e.u".split())
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_LEGAL_ABBREVIATIONS = frozenset("inc co corp ltd".split())
"""Initials that keep their last period: "J.P.", "E.F.", "U.S."."""

Token = tuple[int, int]
"""(start, end) of a word or punctuation mark in the paragraph's text."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a paragraph, normalized (see ``timeline.find_dates``)."""

    start: int
    end: int
    value: str
    """ISO 8601 at its precision, as TimeML writes it: "late 2023" is 2023 with precision
    late-year (TimeML's mod END); the timeline files it under 2023-H2
    (``timeline.timeline_date``)."""
    precision: str
    time: str = ""
    """The time of day the expression gives with its day, as TimeML writes it ("T22:00" for
    "10 p.m. Wednesday", "TEV" for "Friday evening"): TimeML's type TIME, not DATE; the
    timeline dates it by its day."""


Dates = dict[str, tuple[DateMention, ...]]
"""The date expressions of each body paragraph, by paragraph id: found once by the
timeline, read by the figures too (a date is not a figure)."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph with its sentences and, for each sentence, its tokens."""

    paragraph: Paragraph
    sentences: tuple[Span, ...]
    tokens: tuple[tuple[Token, ...], ...]
    """Aligned with ``sentences``."""

    @property
    def id(self) -> str:
        return self.paragraph.id

    @property
    def text(self) -> str:
        return self.paragraph.text

    @property
    def kind(self) -> str:
        return self.paragraph.kind


_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3})"  # NEW YORK, ST. LOUIS
    r"(?:, (?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"  # , Fla. / , England
    r"(?:,? (?:" + "|".join(m.capitalize() for m in ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"))
    + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.? \d{1,2})?"  # , March 3
    r"(?: ?\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?"  # (Reuters) (CNN)
    r" ?(?:-{1,2}|–|—) "
)
"""A wire dateline opening the first body paragraph: "NEW YORK, March 3 - ", "ORLANDO,
Fla., March 18 - ", "LONDON (Reuters) - ". The place is where the story was filed, not an
actor of it."""


@dataclass(frozen=True, slots=True)
class Dateline:
    paragraph: str
    span: Span
    """The whole dateline, up to and including its dash."""
    place: str
    """As written: "NEW YORK", "ORLANDO, Fla."."""


@dataclass(frozen=True, slots=True)
class Document:
    article: Article
    passages: tuple[Passage, ...]
    """Every paragraph of the article, in order (body, headings and captions)."""
    _index: dict[str, int] = field(compare=False, repr=False)
    dateline: Dateline | None = None

    @classmethod
    def of(cls, article: Article) -> Document:
        passages = tuple(_passage(p) for p in article.paragraphs)
        body = next((p for p in passages if p.kind == "body"), None)
        return cls(article, passages, {p.id: i for i, p in enumerate(passages)}, _dateline(body))

    def in_dateline(self, pid: str, start: int) -> bool:
        return self.dateline is not None and pid == self.dateline.paragraph and start < self.dateline.span.end

    @property
    def body(self) -> tuple[Passage, ...]:
        return tuple(p for p in self.passages if p.kind == "body")

    def passage(self, pid: str) -> Passage:
        return self.passages[self._index[pid]]


def _passage(paragraph: Paragraph) -> Passage:
    sentences = sentence_spans(paragraph.text)
    return Passage(paragraph, sentences, tuple(tokenize(paragraph.text, s) for s in sentences))


def tokenize(text: str, sentence: Span) -> tuple[Token, ...]:
    """Word and punctuation tokens of a sentence; "Inc.", "U.S." and the initial in
    "S. Waugh" keep their period, but a legal form's period that ends the sentence is the
    sentence's ("... bought Ambuja Cement India Ltd."): the name is "... Ltd"."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, sentence.start, sentence.end):
        start, end = match.span()
        if text[end : end + 1] == "." and ((word := text[start:end]).lower() in _TOKEN_ABBREVIATIONS or (len(word) == 1 and word.isupper()) or _INITIALISM.fullmatch(word)):
            ends_sentence = not text[end + 1 : sentence.end].strip("\"'”’)] ")
            if not (ends_sentence and word.lower() in _LEGAL_ABBREVIATIONS):
                end += 1
        if tokens and start < tokens[-1][1]:
            continue
        tokens.append((start, end))
    return tuple(tokens)


def _dateline(passage: Passage | None) -> Dateline | None:
    if passage is None:
        return None
    match = _DATELINE.match(passage.text)
    if match is None or len(match.group("place")) < 3:
        return None
    place = match.group("place") + (f", {match.group('region')}" if match.group("region") else "")
    return Dateline(passage.id, Span(0, match.end()), place)
