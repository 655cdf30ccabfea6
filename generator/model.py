"""Immutable values passed between the stages: read -> analyze -> render.

Every analysed item carries the id of the paragraph it comes from, so that the
rendered page can link it to the anchored source text (provenance).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str
    """Stable id: ``p1``, ``p2``... for body paragraphs, ``h1``... for headings, ``c1``... for captions."""
    kind: str
    """One of ``body``, ``heading``, ``caption``."""
    text: str
    """Text as in the file, each whitespace run made one space."""
    line: int | None
    """1-based line in the source file where the paragraph starts."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article comes from, as far as the seed says."""

    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    image_credit: str | None = None
    fetched: str | None = None
    """When the page was downloaded (``briefing add``/``fetch``), UTC ``YYYY-MM-DDTHH:MM:SSZ``."""
    fetched_from: str | None = None
    """The address it was downloaded from, when not ``url`` (a feed's link): known, not fetched again."""


@dataclass(frozen=True, slots=True)
class ActorOverride:
    """An analyst's correction of one actor, from the sidecar's ``overrides.actors``."""

    name: str
    """The actor as the analysis names it (or one of its aliases)."""
    line: int | None
    rename: str | None = None
    type: str | None = None
    role: str | None = None
    drop: bool = False
    merge_into: str | None = None


@dataclass(frozen=True, slots=True)
class Overrides:
    """Editorial corrections that survive regeneration; validated against the analysis."""

    path: Path | None = None
    """The file they come from (sidecar or front matter), for error messages."""
    summary: tuple[tuple[str, str, int | None], ...] | None = None
    """(text, paragraph id, line) points replacing the automatic summary."""
    actors: tuple[ActorOverride, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A seed file, read and validated; nothing analysed yet."""

    path: Path
    """Path of the seed file as given to the reader."""
    title: str
    date: dt.date
    paragraphs: tuple[Paragraph, ...]
    source: Source = Source()
    tags: tuple[str, ...] = ()
    overrides: Overrides = Overrides()
    name: str = ""
    """The seed's path inside its seeds folder (POSIX); the same on every machine."""

    @property
    def seed_name(self) -> str:
        return self.name or self.path.name

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind == "body")

    def paragraph(self, pid: str) -> Paragraph:
        for p in self.paragraphs:
            if p.id == pid:
                return p
        raise KeyError(pid)


ACTOR_TYPES = ("person", "organization", "place", "brand", "event", "other")
"""The types an actor can have, in the order that breaks ties between equal votes."""


@dataclass(frozen=True, slots=True)
class Mention:
    paragraph: str
    start: int
    end: int
    """Character offsets into the paragraph's text."""


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str
    """One of person, organization, place, brand, event, other."""
    aliases: tuple[str, ...]
    role: str
    """A phrase taken from the article (never written by the generator)."""
    role_paragraph: str
    salience: float
    """0..1: how central the actor is to the story."""
    mentions: tuple[Mention, ...]
    evidence: tuple[str, ...] = ()
    """Why each alias is this actor and why the type (``briefing explain-actor`` prints it)."""


@dataclass(frozen=True, slots=True)
class Event:
    """A dated timeline entry."""

    date: str
    """ISO 8601 form at the entry's precision: 2019, 2025-11-20, 2023-Q4, 2023-H2."""
    precision: str
    """day, month, year, quarter, half, early-year, mid-year, late-year, season, week, decade."""
    text: str
    """The date expression as written."""
    event: str
    """The clause of the article the date belongs to."""
    paragraph: str | None
    start: int | None = None
    end: int | None = None


@functools.lru_cache(maxsize=65536)
def sort_key(value: str) -> tuple[int, int, int]:
    """Where an ``Event.date`` value (ISO 8601 at its precision) starts in time, for
    chronological order."""
    if re.fullmatch(r"\d{3}", value):
        return int(value) * 10, 1, 1
    year = int(value[:4])
    rest = value[5:]
    if not rest:
        return year, 1, 1
    if rest.startswith("Q"):
        return year, (int(rest[1]) - 1) * 3 + 1, 1
    if rest.startswith("H"):
        return year, 1 if rest == "H1" else 7, 1
    if rest in ("SP", "SU", "FA", "WI"):  # before weeks: winter is "WI"
        return year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[rest], 1
    if rest.startswith("W"):
        day = dt.date.fromisocalendar(year, int(rest[1:]), 1)
        return day.year, day.month, day.day
    parts = rest.split("-")
    return year, int(parts[0]), int(parts[1]) if len(parts) > 1 else 1


@dataclass(frozen=True, slots=True)
class Figure:
    """A key figure as a value: "about $38-42 mln per share" is value 38, high 42, unit
    USD, scale 1e6, approx "about"."""

    value: float
    """The number as written, before its scale (the low end of a range)."""
    high: float | None
    """The high end of a range ("27 to 31 dlrs"), else None."""
    unit: str
    """USD (any dollar), EUR, GBP, JPY, CNY..., percent, shares, count (things counted), other."""
    scale: float
    """1, 1e3, 1e6, 1e9 or 1e12 ("mln", "billion", "bn")."""
    approx: str | None
    """"about", "more than", "up to"... as written, else None."""
    measures: str
    """What it measures, a noun phrase of its clause ("stake in Cyclops Corp", "offer",
    "joint ventures"); empty when the clause names nothing."""
    text: str
    """The figure as written."""
    paragraph: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    heading_paragraph: str | None
    """Id of the paragraph the heading comes from: the article's heading, or for a grouped
    section the body paragraph whose opening words it is."""
    paragraphs: tuple[str, ...]
    grouped: bool = False
    """True when the article has no headings and the analysis grouped its paragraphs."""


@dataclass(frozen=True, slots=True)
class SummaryPoint:
    text: str
    paragraph: str


RELATION_TYPES = ("partner", "acquire", "invest", "own", "lead", "member", "supply", "compete", "oppose", "support", "meet", "report", "launch", "locate")
"""What one actor does to another (subject -> object); partner, compete and meet are symmetric.
"report": a newspaper, agency or broadcaster that reports on the object."""
SYMMETRIC_RELATIONS = frozenset(("partner", "compete", "meet"))
"""Relations that read the same both ways: one per pair of actors."""


RELATION_VERBS = {
    "partner": "partners with", "acquire": "acquires or bids for", "invest": "invests in", "own": "owns", "lead": "leads",
    "member": "works for or belongs to", "supply": "supplies", "compete": "competes with", "oppose": "opposes",
    "support": "supports", "meet": "meets", "report": "reports on", "launch": "launches", "locate": "is based in",
}
"""How a relation reads, subject first: on the pages, and as a move of its subject."""


def relation_key(kind: str, subject: str, obj: str) -> tuple[str, str, str]:
    """What makes two relations the same: their type and ends (either way round for a symmetric one)."""
    return (kind, *sorted((subject, obj))) if kind in SYMMETRIC_RELATIONS else (kind, subject, obj)


@dataclass(frozen=True, slots=True)
class Relation:
    """Who does what to whom, as the article states it."""

    subject: str
    type: str
    """One of ``RELATION_TYPES``."""
    object: str
    paragraph: str
    text: str
    """The words of the paragraph that state it, from the first actor to the second."""


@dataclass(frozen=True, slots=True)
class Move:
    """What a key actor does in the story, in the article's words ("is further expanding its
    involvement in the development of electric vehicles"), or a relation it is the subject of."""

    actor: str
    text: str
    """The predicate as written (from its verb), or the relation as the page says it."""
    paragraph: str
    relation: str | None = None
    """The relation type when the move is a relation."""


@dataclass(frozen=True, slots=True)
class SecondarySource:
    name: str
    paragraph: str


@dataclass(frozen=True, slots=True)
class StoryWords:
    """A briefing's words as the story step compares them (``generator.analyze.statements``),
    computed with its analysis so that the story step does set operations only. Words are
    joined by spaces (a word holds none): a string is read from the analysis cache at a
    fraction of the cost of a list of them."""

    terms: str
    """The words of its title, first paragraphs and relations, casefolded, in order, each as
    often as it occurs."""
    points: tuple[str, ...]
    """The content words and numbers of each summary point, its actors' names left out."""
    events: tuple[str, ...]
    """The same of each timeline event (empty for an event cited from no paragraph)."""
    measures: tuple[str, ...]
    """What each figure measures: its head word (or "") and its name words."""


@dataclass(frozen=True, slots=True)
class Briefing:
    """An article with its analysis: the unit that is rendered."""

    article: Article
    slug: str
    summary: tuple[SummaryPoint, ...]
    actors: tuple[Actor, ...]
    timeline: tuple[Event, ...]
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    secondary_sources: tuple[SecondarySource, ...] = ()
    edited: frozenset[str] = frozenset()
    """Parts an analyst set by hand: "summary", "notes", "actor:<name>"."""
    notes: str | None = None
    dateline: str | None = None
    """Where the story was filed, from its dateline ("NEW YORK", "ORLANDO, Fla."): metadata, not an actor."""
    relations: tuple[Relation, ...] = ()
    """Who does what to whom between the actors, each citing its paragraph."""
    moves: tuple[Move, ...] = ()
    """What each key actor does in the story (the strategy sections), each citing its paragraph."""
    words: StoryWords | None = field(default=None, repr=False)
    """Its words as the story step compares them, made by the analysis (None: the story step
    makes them); whatever changes its summary, actors, relations or figures makes them again."""


class Page:
    """A generated Markdown page, at a path relative to the docs folder.

    ``markdown`` is the page's text; bytes only for a hand-written file that `briefing
    render` copies as it is. A page is held compressed (``packed``: zlib of its bytes, the
    text in UTF-8) and expanded when read: a build holds every page and export at once,
    and a page's text takes one to four bytes a character as a string, a fifth of one packed."""

    __slots__ = ("path", "packed", "_text")

    def __init__(self, path: str, markdown: str | bytes) -> None:
        text = isinstance(markdown, str)
        self._set(path, pack(markdown.encode("utf-8") if text else markdown), text)

    @classmethod
    def of_text(cls, path: str, data: bytes) -> Page:
        """The page whose text is ``data``, text already encoded in UTF-8 (by the caller)."""
        return cls.of_packed(path, pack(data))

    @classmethod
    def of_packed(cls, path: str, packed: bytes, text: bool = True) -> Page:
        """The page whose bytes (its text in UTF-8) are ``packed`` (``pack``)."""
        page = cls.__new__(cls)
        page._set(path, packed, text)
        return page

    def _set(self, path: str, packed: bytes, text: bool) -> None:
        object.__setattr__(self, "path", path)
        object.__setattr__(self, "packed", packed)
        object.__setattr__(self, "_text", text)

    @property
    def data(self) -> bytes:
        """The page's bytes: its text in UTF-8."""
        return unpack(self.packed)

    @property
    def is_text(self) -> bool:
        return self._text

    @property
    def markdown(self) -> str | bytes:
        return self.data.decode("utf-8") if self._text else self.data

    def __setattr__(self, name, value):
        raise AttributeError(f"Page is immutable: cannot set {name}")

    def __eq__(self, other) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        same = self.packed == other.packed or self.data == other.data  # packed in pieces (an export), equal bytes may pack otherwise
        return (self.path, self._text) == (other.path, other._text) and same

    def __hash__(self) -> int:
        return hash((self.path, self.data, self._text))

    def __repr__(self) -> str:
        return f"Page(path={self.path!r}, {len(self.packed)} bytes packed)"

    def __reduce__(self):
        return Page, (self.path, self.markdown)


@dataclass(frozen=True, slots=True)
class SeedProblem:
    """One problem with one seed file: the unit of every error report."""

    path: Path
    line: int | None
    message: str
    detail: str = field(default="", compare=False)
    """The traceback of an unexpected failure, shown only on request (``--debug``, ``-v``)."""

    def __str__(self) -> str:
        name = printable(str(self.path))
        where = f"{name}:{self.line}" if self.line else name
        return f"{where}: {printable(self.message)}"


class SeedError(Exception):
    """A seed that cannot be read or edited as asked; carries the problem to report."""

    def __init__(self, problem: SeedProblem):
        super().__init__(str(problem))
        self.problem = problem


def failure_problem(path: Path, stage: str, err: BaseException) -> SeedProblem:
    """An unexpected exception while reading or analysing one seed, as that seed's problem
    (one line; the traceback in ``detail``)."""
    import traceback

    detail = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    reason = f"{type(err).__name__}: {err}" if str(err) else type(err).__name__
    return SeedProblem(
        path, None, f"{stage} failed ({reason[:200]}); the article is skipped (--debug shows the traceback; please report it with this file)", detail
    )


def printable(text: str) -> str:
    """``text`` with control and format characters escaped (``\\n``, ``\\x1b``, ``\\u202e``):
    a file name or a quoted line cannot forge a log line or reorder one."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, slots=True)
class Seeds:
    """Everything read from a seeds folder: the good articles and the problems."""

    articles: tuple[Article, ...]
    problems: tuple[SeedProblem, ...] = field(default=())


PACK_LEVEL = 1
"""zlib's level for pages held in memory: level 1 packs text to about a fifth at a few
hundred megabytes a second; higher levels gain a few percent for twice the time."""


def pack(data: bytes) -> bytes:
    """``data`` compressed as ``Page.packed`` holds it (the same bytes for the same data): a
    run of raw deflate blocks ended by a full flush, so that packed pieces joined are the
    pieces joined, packed (an export is joined from its kept pieces without unpacking them)."""
    packer = zlib.compressobj(PACK_LEVEL, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush(zlib.Z_FULL_FLUSH)


def unpack(packed: bytes) -> bytes:
    """The bytes ``pack`` packed (or the join of several packed pieces)."""
    unpacker = zlib.decompressobj(-15)
    data = unpacker.decompress(packed)
    if unpacker.unconsumed_tail or unpacker.unused_data:
        raise ValueError("not packed data")
    return data
