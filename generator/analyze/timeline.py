"""Date expressions of an article, normalized against its publication date.

Each entry keeps the expression as written, its ISO 8601 value at its precision
(``2019``, ``2025-11``, ``2025-11-20``, ``2023-Q4``, ``2023-H2``, ``2024-W07``,
``2024-SU``, ``199`` for the 1990s) and the clause it dates.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from . import lexicon
from ..model import Event, sort_key
from .document import DateMention, Dates, Document
from .text import Span, clause_spans, containing, first_char_guard, prefix_alternation, strip_sentence_end, words

_MONTH = r"(?P<month>" + "|".join(lexicon.MONTHS) + r"|(?:" + lexicon.MONTH_ABBREVIATION_PATTERN + r")\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAYS_TO = r"(?:\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?)"
_DAY_RANGE = r"(?:\s*[-–]\s*(?:(?:" + "|".join(lexicon.MONTHS) + r"|(?:" + lexicon.MONTH_ABBREVIATION_PATTERN + r")\.?)\s+)?[0-3]?\d(?:st|nd|rd|th)?)"
"""The end of a range of days after its first ("March 3-5", "Sept. 4-Oct. 2"): the range is
dated by the day it begins."""
_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_UNIT = "(?:" + "|".join(_UNITS) + ")"
_SPOKEN_TENS = "(?:" + "|".join(_TENS) + r")(?:[\s-]+" + _UNIT + ")?|" + "|".join(_TEENS)
_SPOKEN_YEAR = (
    r"(?:eighteen|nineteen|twenty)[\s-]+(?:" + _SPOKEN_TENS + r"|oh[\s-]+" + _UNIT + "|hundred)"
    r"|two[\s-]+thousand(?:[\s-]+and)?[\s-]+(?:" + _SPOKEN_TENS + "|" + _UNIT + r")(?![\s-]+(?:hundred|thousand))"
)
"""A year as a broadcast transcript writes it: "nineteen ninety-six", "two thousand and
eight"; "two thousand" alone only after "the year" (see ``RULES``), else it counts things."""
_YEAR = r"(?P<year>1[89]\d\d|20\d\d|2100|" + _SPOKEN_YEAR + ")"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_B = r"(?<![\w$€£¥.,-])"
_E = r"(?![\w%-]|,\d|\.\d)"
_EVENT_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class _Value:
    date: str
    precision: str


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    normalize: Callable[[re.Match[str], dt.date], _Value | None]
    examples: tuple[str, ...]
    """Phrases the rule matches whole, with and without each optional part: a test runs
    every rule on each of its examples, so that no path reads a group the pattern lacks."""
    cue: tuple[str, ...] = ()
    """Lowercase strings one of which every match holds: a paragraph without any is not
    scanned by the pattern (a substring test is far cheaper than the regex). Empty: always."""
    cue_too: tuple[str, ...] = ()
    """A second set, one of which every match holds as well ("last March": "last", "next" or
    "this" besides the month); not read in a paragraph with a letter that the pattern takes
    for "s" or "i" ignoring case but lowercase keeps apart (``_CASE_FOLDED``)."""
    anaphoric: bool = False
    """The value counts from the date mentioned last before the match ("the following
    year"): ``normalize`` takes that mention as a third argument (None: the publication)."""
    at_month: bool = False
    """The pattern opens with a month's name (``_MONTH``): its matches start where
    ``_MONTH_START`` finds one, and it is tried there only (``_matches_at``)."""
    day_first: bool = False
    """The pattern opens with a day, spaces and a month's name ("15 March"): a paragraph
    where no month found by ``_MONTH_START`` has a day before its spaces holds no match
    (``_has_day_before_a_month``)."""

    def is_worth_scanning(self, lowered: str) -> bool:
        if self.cue_too and not any(c in lowered for c in _CASE_FOLDED) and not any(c in lowered for c in self.cue_too):
            return False
        return not self.cue or any(c in lowered for c in self.cue)


_CASE_FOLDED = ("ſ", "ı", "\u0307")
"""What lowercase leaves of the letters other than "s" and "i" that a pattern ignoring case
takes for them ("ſ", "ı", and "İ", which lowercases to "i" and U+0307): the only ones for
ASCII letters (tests/test_date_scan.py)."""


_LOOKALIKES = str.maketrans({"ſ": "s", "ı": "i", "İ": "I"})
"""Letters a pattern ignoring case takes for "s" and "i" but whose lowercase is not
("Tueſday" matched the weekday rule, then named no weekday): read as those letters."""


def _group(match: re.Match[str], name: str) -> str | None:
    """A named group of the match, or None where the rule's pattern has no such group."""
    return match.groupdict().get(name)


def _year(match: re.Match[str], name: str = "year") -> str | None:
    """The year a group holds, in digits ("nineteen ninety-six" is "1996"); None where the
    pattern has no such group or it matched nothing."""
    written = _group(match, name)
    if not written or written.isdigit():
        return written or None
    words = [w for w in re.split(r"[\s-]+", written.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return str(2000 + _spoken_below_hundred(words[2:]))
    century = _SPOKEN_NUMBERS[words[0]] * 100
    return str(century if words[1:] == ["hundred"] else century + _spoken_below_hundred([w for w in words[1:] if w != "oh"]))


_SPOKEN_NUMBERS = {w: i for i, w in enumerate(_UNITS, 1)} | {w: i for i, w in enumerate(_TEENS, 10)} | {w: 10 * i for i, w in enumerate(_TENS, 2)}


def _spoken_below_hundred(words: list[str]) -> int:
    """"ninety six" is 96, "eight" 8, nothing 0."""
    return sum(_SPOKEN_NUMBERS[w] for w in words)


def _month(match: re.Match[str]) -> int:
    name = match.group("month").lower().rstrip(".")
    return lexicon.MONTHS.index(name) + 1 if name in lexicon.MONTHS else lexicon.MONTH_ABBREVIATIONS[name]


def _day(match: re.Match[str], year: int) -> _Value | None:
    try:
        return _Value(dt.date(year, _month(match), int(match.group("day"))).isoformat(), "day")
    except ValueError:
        return None


_NEAR_FUTURE_DAYS = 60


def _closest_year(month: int, day: int, anchor: dt.date, future: bool = False, past: bool = False) -> int:
    """The latest year that puts month/day before the anchor or at most two months after it.

    News reports mostly look back: "March 31" in an article of 1989-11-01 is 1989-03-31,
    while "Jan. 15" in an article of December 20 is the coming January.
    """
    if future:
        return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    if past:
        return anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        try:
            if (dt.date(year, month, day) - anchor).days <= _NEAR_FUTURE_DAYS:
                return year
        except ValueError:
            continue
    return anchor.year


def _month_year(month: int, anchor: dt.date, ahead: bool, past: bool = False) -> int:
    """The year of a month named alone: the coming one when the clause looks ahead ("a
    mission in December", "by August"), else as ``_closest_year``."""
    if ahead:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return _closest_year(month, 1, anchor, past=past)


_THROUGH_BEFORE = re.compile(r"\b(?:through|thru)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
"""Before a month or a day, the end of a span, which may lie either side of the publication:
"extended the loans through January" (written in October: the coming one), "sales this year
through August" (the one past)."""


_PAST_SPAN_VERB = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)\b(?!(?:extended|renewed|prolonged|scheduled|planned|booked)\b)(?:fell|rose|grew|ran|was|were|stood|kept|[a-z]+ed)\s+$"
)
"""Just before "through", a verb in the past tense: the span is over ("the drought lasted
through March"); not one that stretches a span ahead ("extended through January")."""


def _is_span_end(match: re.Match[str]) -> bool:
    """Is the month or day the end of a span ("through January") whose verb is not past?"""
    through = _THROUGH_BEFORE.search(match.string, max(0, match.start() - 20), match.start())
    return through is not None and not _PAST_SPAN_VERB.search(match.string, max(0, through.start() - 30), through.start())


def _nearest_month_year(month: int, anchor: dt.date) -> int:
    """The year of the month nearest the anchor in months, before or after it (a tie: before)."""
    coming, past = (month - anchor.month) % 12, (anchor.month - month) % 12
    return anchor.year + (month < anchor.month) if coming < past else anchor.year - (month > anchor.month)


def _nearest_day_year(month: int, day: int, anchor: dt.date) -> int:
    """The year of month/day nearest the anchor, before or after it (a tie: before)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        with contextlib.suppress(ValueError):
            distance = (dt.date(year, month, day) - anchor).days
            candidates.append((abs(distance), distance > 0, year))
    return min(candidates)[2] if candidates else anchor.year


def _month_day(match: re.Match[str], anchor: dt.date) -> _Value | None:
    try:
        if _is_span_end(match):
            return _day(match, _nearest_day_year(_month(match), int(match.group("day")), anchor))
        ahead = _is_ahead(match)
        past = _is_right_after_a_past_verb(match) or _fronted_tense(match, _clause_around(match, _MONTH_REACH)[0]) == "past"
        year = _closest_year(_month(match), int(match.group("day")), anchor, ahead, not ahead and past)
    except ValueError:
        return None
    return _day(match, year)


def _part_of_year(match: re.Match[str], _: dt.date) -> _Value:
    """"early 1990", "the end of 1994": the year, with the part of it as the precision
    (TimeML's value 1990 with mod START): the timeline then files it under the half that
    holds it (``timeline_date``)."""
    part = match.group("part").lower()
    year = _year(match)
    if part in ("early", "beginning of", "start of", "the beginning of", "the start of"):
        return _Value(year, "early-year")
    if part in ("late", "end of", "the end of"):
        return _Value(year, "late-year")
    return _Value(year, "mid-year")


_HALF_OF_PART = {"early-year": "H1", "late-year": "H2"}


def timeline_date(found: DateMention) -> str:
    """The date of a timeline entry: the value, except that early or late in a year is
    filed under the half that holds it ("late 2023" is 2023-H2: sorted after the first
    half, and shown "late 2023" from its precision)."""
    half = _HALF_OF_PART.get(found.precision)
    return f"{found.value}-{half}" if half and re.fullmatch(r"\d{4}", found.value) else found.value


def _quarter(match: re.Match[str], anchor: dt.date) -> _Value:
    number = _group(match, "q") or match.group("qn")
    quarter = int(number) if number.isdigit() else _ORDINALS[number.lower()]
    year = _year(match) or _year(match, "year2") or _short_year(match, anchor) or _year_word(match, anchor) or _ended_year(match, anchor)
    if not year:
        current = (anchor.month - 1) // 3 + 1
        year = str(anchor.year if quarter <= current else anchor.year - 1)
    if _group(match, "ago"):
        year = str(int(year) - 1)  # "the year-ago third quarter"
    return _Value(f"{year}-Q{quarter}", "quarter")


def _month_quarter(match: re.Match[str], anchor: dt.date) -> _Value:
    """"the September quarter": the quarter that ends in that month; without a year, the one
    whose end is nearest before the publication (or at most two months after it), the coming
    one in a clause that looks ahead ("expects growth in the March quarter")."""
    month = _month(match)
    end = 31 if month in (3, 12) else 30
    year = int(_year(match) or _closest_year(month, end, anchor, future=_is_ahead(match)))
    return _Value(f"{year}-Q{(month - 1) // 3 + 1}", "quarter")


def _short_year(match: re.Match[str], anchor: dt.date) -> str | None:
    """A year in two digits ("FY24", "1Q98"): of the century that puts it at most ten years
    after the anchor."""
    short = _group(match, "yy")
    if not short:
        return None
    year = anchor.year // 100 * 100 + int(short)
    return str(year - 100 if year > anchor.year + 10 else year)


def _labeled_half(match: re.Match[str], anchor: dt.date) -> _Value:
    """"H1 2024", "2H 2024": a half as a company's report labels it."""
    return _Value(f"{_year(match)}-H{_group(match, 'h') or match.group('hn')}", "half")


_QUARTER_ENDED = re.compile(r"\s+(?:ended|ending)\s+" + _MONTH + r"\s+" + _DAY + r"\b(?:,\s*(?P<year>\d{4})\b)?", re.IGNORECASE)


def _is_past_end(ended: re.Match[str]) -> bool:
    """"ended Oct. 31" is over (the last Oct. 31 up to the publication); "ending" may be ahead."""
    return ended.group(0).lstrip().lower().startswith("ended")


def _ended_year(match: re.Match[str], anchor: dt.date) -> str | None:
    """"the third quarter ended February 28": a company's own (fiscal) quarter, the third of
    its year, which is not the calendar's third; it is told by the year of the day it ends
    (as TimeML writes it: no ISO value names a fiscal year)."""
    ended = _QUARTER_ENDED.match(match.string, match.end())
    if ended is None or _group(match, "ago"):
        return None
    if ended.group("year"):
        return ended.group("year")
    month, day = _month(ended), int(ended.group("day"))
    return str(_closest_year(month, day, anchor, past=_is_past_end(ended))) if 1 <= day <= 31 else None


def _year_word(match: re.Match[str], anchor: dt.date) -> str | None:
    """"this year's", "last year's", "next year's" before a quarter or a month."""
    word = (match.groupdict().get("yrel") or "").lower()
    shift = {"this": 0, "last": -1, "next": 1}.get(word)
    return None if shift is None else str(anchor.year + shift)


def _reported_quarter(match: re.Match[str], anchor: dt.date) -> _Value:
    """"the quarter", "the latest quarter": the quarter a report of this date covers; "the
    quarter ended July 31" the calendar quarter that holds most of its three months."""
    day = anchor - dt.timedelta(days=45)
    ended = _QUARTER_ENDED.match(match.string, match.end())
    if ended and not _group(match, "ago"):
        month, end = _month(ended), int(ended.group("day"))
        day = dt.date(_closest_year(month, end, anchor, past=_is_past_end(ended)), month, end) - dt.timedelta(days=45)
    year = day.year - (1 if _group(match, "ago") else 0)  # "the quarter a year ago"
    return _Value(f"{year}-Q{(day.month - 1) // 3 + 1}", "quarter")


def _ago(match: re.Match[str], anchor: dt.date) -> _Value | None:
    count = _count(match.group("n"))
    unit = match.group("unit").lower().rstrip("s")
    if count is None:
        return None
    if unit == "year":
        return _year_ago(match, anchor, count)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 - count
        return _Value(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "week":
        year, week, _ = (anchor - dt.timedelta(weeks=count)).isocalendar()
        return _Value(f"{year}-W{week:02d}", "week")
    return _Value((anchor - dt.timedelta(days=count)).isoformat(), "day")


def _year_ago(match: re.Match[str], anchor: dt.date, count: int = 1) -> _Value:
    """"A year earlier" in a report on a quarter is that quarter a year before."""
    sentence_start = match.string.rfind(". ", 0, match.start()) + 1
    sentence_end = match.string.find(". ", match.end())
    sentence = match.string[sentence_start : sentence_end if sentence_end != -1 else len(match.string)]
    if count == 1 and re.search(r"\bquarter\b", sentence, re.IGNORECASE):
        reported = _reported_quarter(match, anchor).date
        return _Value(f"{int(reported[:4]) - 1}{reported[4:]}", "quarter")
    return _Value(str(anchor.year - count), "year")


_COUNT_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def _count(word: str) -> int | None:
    word = word.lower()
    if word in ("a", "an"):
        return 1
    return int(word) if word.isdigit() else _COUNT_WORDS.get(word)


def _bare_month(match: re.Match[str], anchor: dt.date) -> _Value:
    month = _month(match)
    rel = (match.groupdict().get("rel") or "").lower()
    if rel == "last":
        # the month just ended is "last month": "last February" written in March is a year before
        year = anchor.year if month < anchor.month - 1 else anchor.year - 1
    elif rel == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif rel == "this":
        year = anchor.year
    else:
        year = _year(match) or _year_word(match, anchor)
        year = year or (_nearest_month_year(month, anchor) if _is_span_end(match) else _month_year(month, anchor, ahead := _is_ahead(match), not ahead and _is_told_by_a_past_verb(match)))
    return _Value(f"{year}-{month:02d}", "month")


def _half(match: re.Match[str], anchor: dt.date) -> _Value | None:
    half = 1 if match.group("h").lower() in ("first", "1st") else 2
    year = _year(match)
    if year is None and match.group("h").lower() in ("last", "latter"):
        return None  # "the last half of the '80s": of no year said
    year = year or str(anchor.year)
    return _Value(f"{year}-H{half}", "half")


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(match: re.Match[str], anchor: dt.date) -> _Value:
    season = _SEASONS[match.group("season").lower()]
    year = _year(match)
    rel = (_group(match, "rel") or "").lower()
    if year:
        pass
    elif rel in ("last", "next", "this"):
        year = str(anchor.year + {"last": -1, "next": 1, "this": 0}[rel])
    elif _is_ahead(match):  # "the plant opens in the spring": the one to come
        year = str(anchor.year if _SEASON_START[season] > anchor.month else anchor.year + 1)
    else:  # "over the summer", "this past spring": the latest one begun
        year = str(anchor.year if _SEASON_START[season] <= anchor.month else anchor.year - 1)
    return _Value(f"{year}-{season}", "season")


_SHORT_YEAR_LEAD = re.compile(r"\b(?:in|since|by|until|till|from|during|before|after|of|the|its|spring|summer|fall|autumn|winter|early|late|mid|class|vintage)\s+$", re.IGNORECASE)
"""Before "'97", a word that leads a year in ("in '97", "the '96 election", "Class of '98"):
else the apostrophe may open a quotation ("'97 percent', he said")."""
_SEASON_LEAD = re.compile(r"\b(?:in|during|until|till|through|over|for|since|this|next|last|early|late)\s+$", re.IGNORECASE)
"""Before "the fall", a preposition of time: the season ("in the fall", "set for the fall")."""


_YEAR_PARTS = {"early": "early-year", "late": "late-year", "mid": "mid-year"}
_SHIFTS = {"last": -1, "previous": -1, "next": 1, "this": 0, "current": 0, "coming": 1, "": 0}
_PART_PRECISIONS = {"end": "late-year", "beginning": "early-year", "start": "early-year", "middle": "mid-year"}


def _part_of_unit(match: re.Match[str], anchor: dt.date) -> _Value:
    """"the end of the month", "the beginning of next year": the unit, of the publication
    unless a word shifts it; a year keeps the part as its precision."""
    value = _relative(match, anchor)
    if value.precision == "year":
        return _Value(value.date, _PART_PRECISIONS[match.group("part").lower()])
    return value


def _year_end(match: re.Match[str], anchor: dt.date) -> _Value:
    """"by year-end" is the end of this year; "since year-end" the end of the last one."""
    since = _SINCE_BEFORE.search(match.string, max(0, match.start() - 30), match.start())
    return _Value(str(anchor.year - (1 if since else 0)), "late-year")


def _relative(match: re.Match[str], anchor: dt.date) -> _Value:
    shift = _SHIFTS[(match.group("rel") or "").lower()]
    unit = match.group("unit").lower()
    if unit == "year":  # "early next year": the year, with its part as the precision
        return _Value(str(anchor.year + shift), _YEAR_PARTS.get((_group(match, "part") or "").lower(), "year"))
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return _Value(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return _Value(f"{index // 4}-Q{index % 4 + 1}", "quarter")
    day = anchor + dt.timedelta(weeks=shift)
    year, week, _ = day.isocalendar()
    return _Value(f"{year}-W{week:02d}", "week")


_FUTURE = re.compile(r"\b(?:will|won't|'ll|shall|scheduled|set to|set for|is to|are to|is due|are due|plans? to|expected to|(?:is|are)\s+expected|(?:prepares?|hopes?|aims?|intends?|vows?|wants?|seeks?|promises?)\s+to|expects?\s+(?:[\w.’'-]+\s+){0,4}?to|likely to|next|(?:is|are|am)\s+going\s+to)\b", re.IGNORECASE)


_CLAUSE_EDGE = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)\.(?=\s)|,")
"""A period that ends a sentence (not an initial's, "Daniel P. Davison", nor "Mr.") or a comma."""


def _clause_around(match: re.Match[str], reach: int) -> tuple[int, int]:
    """Where the clause of the date starts (at most ``reach`` characters before it) and ends."""
    text = match.string
    edges = [m.end() for m in _CLAUSE_EDGE.finditer(text, max(0, match.start() - reach), match.start())]
    start = max(edges[-1] if edges else 0, match.start() - reach)
    ends = [i for i in (text.find(".", match.end()), text.find(",", match.end())) if i != -1]
    return start, min(ends + [match.end() + 40])


_WEEKDAY_REACH = 60
_MONTH_REACH = 160
"""How far back the verb of a date's clause is looked for: a weekday sits by its verb
("said Monday"); a month often ends a long phrase ("Collins will be named commander of
the Space Shuttle Columbia for a mission in December")."""


def _is_future(match: re.Match[str], reach: int = _WEEKDAY_REACH) -> bool:
    """Does the clause around the date speak of the future ("will", "is scheduled to")? A
    date fronted before a comma ("On Thursday, the ministers will meet") belongs to the clause
    after it, if the future comes there before a verb in the past ("In March, Acme said it
    will cut jobs" is a March past)."""
    start, end = _clause_around(match, reach)
    return _FUTURE.search(match.string, start, end) is not None or _fronted_tense(match, start) == "future"


def _fronted_tense(match: re.Match[str], start: int) -> str | None:
    """"future" or "past" for a date fronted before a comma ("On Thursday, the ministers will
    meet", "In March, Acme said it would ..."): which comes first in the clause after it, a
    word of the future or a verb in the past; None for a date not fronted or neither."""
    if not _FRONTED_LEAD.fullmatch(match.string, start, match.start()) or not match.string.startswith(",", match.end()):
        return None
    following = _clause_after(match.string, match.end() + 1)
    future, past = _FUTURE.search(following), re.search(_PAST_VERB, following)
    if future and (past is None or future.start() < past.start()):
        return "future"
    return "past" if past else None


_FRONTED_LEAD = re.compile(r"\s*(?:(?:on|in|by|from|starting|beginning|as\s+of|early|late|mid-?)\s+)?", re.IGNORECASE)
"""What may open a sentence before a date fronted before a comma ("On Thursday, ...")."""


def _clause_after(text: str, start: int) -> str:
    """The clause from ``start`` to the next comma or the end of its sentence (not the period
    of "Velo Corp. said")."""
    period = text.find(". ", start)
    while period != -1 and _is_no_sentence_end(text, period):
        period = text.find(". ", period + 1)
    ends = [i for i in (period, text.find(",", start)) if i != -1]
    return text[start : min(ends + [len(text)])]


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_AHEAD_BEFORE = re.compile(r"\b(?:until|till|by|effective|payable|starting|beginning|postponed\s+to|delayed\s+to|deferred\s+to|adjourned\s+to|moved\s+to|extended\s+to|pushed\s+back\s+to|put\s+off\s+to)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


_PAST_VERB_WORDS = (
    r"(?:was|were|had|did|said|told|wrote|sold|bought|paid|died|fell|rose|grew|began|won|lost|met|left|took|made|came|went"
    r"|born|held|struck|fought|sent|spent|built|broke|chose|drove|flew|gave|got|heard|kept|knew|ran|spoke|stood|taught|thought|threw|became|brought|caught|felt|found|withdrew"
    r"|(?!(?:scheduled|expected|planned|proposed|intended|slated|extended|postponed|delayed|deferred|adjourned|moved|set|due|hundred)\b)[a-z]{3,}(?<!e)ed|agreed)"
)
"""A verb in the past tense: the common irregular ones and any in -ed, not those of a plan."""


def _is_ahead(match: re.Match[str]) -> bool:
    """Is a month or a day without its year one to come? After "until", "by", "effective"
    (a deadline, a start), in a clause about the future or of a plan in the present tense
    ("the rules take effect Jan. 1", "the lease expires in March"), yes; after "since", no."""
    before = match.string[max(0, match.start() - 30) : match.start()]
    if _SINCE_BEFORE.search(before):
        return False
    if _AHEAD_BEFORE.search(before) and not _is_past_deadline(match):
        return True
    start, _ = _clause_around(match, _MONTH_REACH)
    if _is_in_a_past_subclause(match, start):
        return False
    if _is_future(match, _MONTH_REACH) or _WOULD.search(match.string, start, match.start()) is not None or _is_scheduled(match):
        return True
    return _WITH_PARTICIPLE.match(match.string, start, match.start()) is not None and _is_main_clause_ahead(match.string, start)


_PAST_SUBCLAUSE = re.compile(r"\b(?:after|since|when|because|although|though|where|who|which|that)\s+(?:[\w'’-]+\s+){0,3}?" + _PAST_VERB_WORDS + r"\b")
"""A subordinate clause told in the past ("after he was photographed", "who bought"): a date
in it is past, whatever the main clause says of the future."""


def _is_in_a_past_subclause(match: re.Match[str], start: int) -> bool:
    """Is the date in a subordinate clause told in the past, with no word of the future
    between its verb and the date ("will meet the man who was elected in December")?"""
    found = list(_PAST_SUBCLAUSE.finditer(match.string, start, match.start()))
    if not found:
        return False
    rest = match.string[found[-1].end() : match.start()]
    return not _FUTURE.search(rest) and not _WOULD.search(rest)


_WITH_PARTICIPLE = re.compile(r"\s*with\s+(?:[\w'’-]+\s+){1,4}?[a-z]{2,}ing\b")
"""A clause of "with" and a participle ("..., with the third departing from August 6"): it has
no tense of its own, the clause before it gives one."""


def _is_main_clause_ahead(text: str, start: int) -> bool:
    """Does the clause before ``start`` (back to its sentence's start) speak of the future?"""
    sentence_start = max(text.rfind(". ", 0, start) + 1, start - 2 * _MONTH_REACH, 0)
    return _FUTURE.search(text, sentence_start, start) is not None or _WOULD.search(text, sentence_start, start) is not None


_PAST_VERB = r"\b" + _PAST_VERB_WORDS
_PAST_VERB_BEFORE = re.compile(_PAST_VERB + r"\s+(?:on\s+|in\s+)?$")
"""Just before a day without its year, a verb in the past tense: "the mill closed on Jan. 3"
in an article of December 28 is the January past, not the one days ahead."""
_PAST_VERB_OF_THE_CLAUSE = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)(?<!\bour\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)"
    + r"(?!(?:said|told|announced|reported|added|noted|stated|disclosed|confirmed|warned|indicated|predicted|estimated|agreed|decided|voted|asked|urged|hinted|suggested|signaled|signalled|promised|pledged|vowed|threatened|offered)\b)"
    + _PAST_VERB + r"(?P<between>(?:\s+[\w'’$.%,-]+){1,8}?)\s+in\s+$"
)
"""A verb in the past tense a few words before "in" and a month: "changed from a fiscal year
to a calendar year in December" (not "the restructured unit": a determiner before it makes it
an adjective)."""
_NO_LONGER_THE_VERBS_DATE = re.compile(
    r"\b(?:to\s+(?!(?:the|a|an|its|his|her|their|our|\d)\b)[a-z]+|will|would|could|should|may|might|can|shall|must|is|are|am|has|have|does|do|[a-z]{3,}ing|payable|effective|due|scheduled|slated|set|(?:meet|begin|start|open|resume|arrive|leave|visit|return|expire|end|close|conclude|take|go|come|continue|happen|occur|fall|run|become)s|expects?|plans?|intends?|hopes?|wants?|seeks?|aims?|which|that|who|when|where|while|and|but|or|because|if|until|before|after|since)\b",
    re.IGNORECASE,
)
"""Between that verb and the date, a word that gives the date to another verb or clause: an
infinitive ("sought to buy the unit in February": the purchase may be ahead), a modal, a
verb in the present tense ("is calling for a vote on Dec. 7", "takes effect in December") or
of a plan, a word of a date to come ("a dividend payable in December"), a conjunction or
a relative pronoun. A verb of saying or deciding is left out: the date is its clause's
("said the fiscal year ends in December")."""


def _is_right_after_a_past_verb(match: re.Match[str]) -> bool:
    return _PAST_VERB_BEFORE.search(match.string, max(0, match.start() - 24), match.start()) is not None


def _is_told_by_a_past_verb(match: re.Match[str]) -> bool:
    """Is a month without its year told by a verb in the past tense: right before it ("opened
    in January"), a few words before "in" ("changed to a calendar year in December") or after
    it fronted ("In December, Acme said ...")? Not a day after "on" a few words after the
    verb, which more often dates a noun ("hinted at a giveaway on 16 March")."""
    start, _ = _clause_around(match, _MONTH_REACH)
    if _is_right_after_a_past_verb(match) or _fronted_tense(match, start) == "past":
        return True
    verb = _PAST_VERB_OF_THE_CLAUSE.search(match.string, start, match.start())
    return verb is not None and not _NO_LONGER_THE_VERBS_DATE.search(verb.group("between"))


_WOULD = re.compile(r"\bwould\b(?!\s+have\b)", re.IGNORECASE)
"""Before a month in its clause, the future seen from the past: "would be paid in January"."""


_AWAITED_BEFORE = re.compile(r"\b(?:ahead\s+of|awaits?|awaiting|in\s+the\s+run-up\s+to)\s+$", re.IGNORECASE)
"""Before a weekday, an event looked forward to: "ahead of Thursday's vote", "await Friday's report"."""
_DEFERRED_BEFORE = re.compile(r"\b(?:until|till|as\s+early\s+as|as\s+soon\s+as|postponed to|delayed to|deferred to|adjourned to|moved to|extended to|pushed back to|put off to|by|before|from)\s+(?:next\s+)?$", re.IGNORECASE)


def _weekday(match: re.Match[str], anchor: dt.date) -> _Value | None:
    target = lexicon.WEEKDAYS.index(match.group("weekday").lower())
    if _group(match, "dom"):
        return _weekday_on(target, int(match.group("dom")), anchor, _is_ahead(match) or _is_scheduled(match))
    rel = (match.group("rel") or "").lower()
    possessive = match.string[match.end() : match.end() + 2] in ("'s", "’s")  # "before Friday's purchases": a day past
    before = match.string[max(0, match.start() - 60) : match.start()]
    if not rel and (_SAID_BEFORE.search(before) or _SINCE_BEFORE.search(before) or _is_in_a_past_subclause(match, _clause_around(match, _WEEKDAY_REACH)[0])):
        delta = -((anchor.weekday() - target) % 7)  # "said Monday it will", "stuck since Monday and will", "the man who was arrested Monday will": the day past
    elif not rel and ((not possessive and _DEFERRED_BEFORE.search(before, len(before) - 20)) or _AWAITED_BEFORE.search(before, len(before) - 24)) and not _is_past_deadline(match):
        delta = (target - anchor.weekday()) % 7 or 7  # "postponed until Tuesday": a day to come
    elif not rel and (_is_future(match) or _is_scheduled(match) or _COPULA_BEFORE.search(before) or _is_would_before(match)):
        delta = (target - anchor.weekday()) % 7
    elif rel == "next":
        delta = (target - anchor.weekday()) % 7 or 7
    elif rel == "this":
        delta = target - anchor.weekday()
    elif rel == "last":
        delta = -((anchor.weekday() - target) % 7 or 7)  # "last Wednesday" said on a Wednesday: a week ago
    else:
        delta = -((anchor.weekday() - target) % 7)
    return _Value((anchor + dt.timedelta(days=delta)).isoformat(), "day")


def _weekday_on(weekday: int, day: int, anchor: dt.date, ahead: bool) -> _Value | None:
    """"Friday the 13th": the latest day of that number that is that weekday, on or before
    the anchor, or the first on or after it when the clause looks ahead (within half a year)."""
    month_index = anchor.year * 12 + anchor.month - 1
    for shift in range(0, 7) if ahead else range(0, -7, -1):
        index = month_index + shift
        with contextlib.suppress(ValueError):
            date = dt.date(index // 12, index % 12 + 1, day)
            if date.weekday() == weekday and (date >= anchor if ahead else date <= anchor):
                return _Value(date.isoformat(), "day")
    return None


_SAID_BEFORE = re.compile(
    r"\b(?:said|told(?:\s+[\w.]+){1,2}?|announced|reported|confirmed|disclosed|denied|warned|added|declared|stated|acknowledged|admitted|revealed|insisted|noted|indicated)"
    r"\s+(?:(?:in|at)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:statement|interview|speech|release|conference|briefing|letter)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
"""A verb of saying just before a weekday: the day it was said, past, whatever the clause
then tells of the future ("Acme said Monday it will cut jobs", "told reporters on Friday")."""
_COPULA_BEFORE = re.compile(r"\b(?:is|are)\s+(?:(?:now|still|again)\s+)?(?:on\s+)?$", re.IGNORECASE)
"""The present tense of "be" just before a weekday: "the deadline is Friday", a day to come."""


def _is_would_before(match: re.Match[str]) -> bool:
    """"He said he would decide on Wednesday": "would" before the weekday in its clause,
    the future seen from the past."""
    start, _ = _clause_around(match, _WEEKDAY_REACH)
    return _WOULD.search(match.string, start, match.start()) is not None


_SCHEDULED_VERB = re.compile(
    r"(?<![\w'’])(?P<before>\w+\s+)?(?:meets?|begins?|starts?|(?:re)?opens?|resumes?|arrives?|leaves?|visits?|travels?|convenes?|reconvenes?|returns?|testif(?:y|ies)|expires?|flies|heads?\s+(?:to|for)|takes?\s+(?:office|effect|up)|ends?|closes?|concludes?|votes?|holds?|hosts?|kicks?\s+off|go(?:es)?|comes?|continues?|plays?)"
    r"(?:\s+(?!said\b|told\b|after\b|since\b|following\b|last\b)[\w.:]+(?<!ed)){0,3}\s+(?:on\s+)?$",
)
"""A verb of a plan in the present tense before a weekday: "they meet separately Monday",
"the talks resume on Friday" (a day past is told in the past tense: "they met Monday")."""
_NOT_A_PRESENT_VERB_AFTER = frozenset("the a an his her its their our my your to did didn't not have has had having haven't hasn't".split())
"""Before the verb, a word that makes it a noun ("the visit Monday") or no present tense
("agreed to meet Monday", "did not return Monday", "prices have come down from October")."""


def _is_scheduled(match: re.Match[str]) -> bool:
    """Is a weekday the one to come because its clause tells a plan in the present tense?"""
    start, _ = _clause_around(match, _WEEKDAY_REACH)
    scheduled = _SCHEDULED_VERB.search(match.string, start, match.start())
    before = (scheduled.group("before") or "").strip().lower() if scheduled else ""
    return scheduled is not None and before not in _NOT_A_PRESENT_VERB_AFTER


def _is_past_deadline(match: re.Match[str]) -> bool:
    """"had been due by Friday", "was closed from Monday": the clause looks back."""
    start = max(match.string.rfind(".", 0, match.start()), match.start() - 60) + 1
    return re.search(r"\b(?:had|ended|closed|expired)\b", match.string[start : match.start()]) is not None and not _is_future(match)


_DAY_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
_DAY_CARDINALS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
_DAY_NUMBERS = {w: i for i, w in enumerate(_DAY_ORDINALS, 1)} | {w: i for i, w in enumerate(_DAY_CARDINALS, 1)} | {"thirty": 30, "thirtieth": 30}


def _day_word_pattern(simple: list[str]) -> str:
    """A day of the month in words: one of ``simple``, or twenty-something / thirty-one
    ("twenty-first", "thirty one") in the same form (ordinal or cardinal)."""
    units = [w for w in simple if _DAY_NUMBERS[w] < 10]
    compound = r"(?:twenty[\s-]+(?:" + "|".join(units) + r")|thirty[\s-]+(?:" + "|".join(u for u in units if _DAY_NUMBERS[u] == 1) + "))"
    return "(?P<dayword>" + compound + "|" + "|".join(sorted(simple, key=len, reverse=True)) + ")"


_DAY_WORD = _day_word_pattern(_DAY_ORDINALS + ["thirtieth"] + _DAY_CARDINALS + ["thirty"])
_DAY_ORDINAL_WORD = _day_word_pattern(_DAY_ORDINALS + ["thirtieth"])
_AFTER_A_DAY_WORD = re.compile(r"\s+(?:and|or|at|in|on|when|after|before|until|to)\b|\s*(?:[^\w\s]|$)")
"""What may follow a day written as a number word ("on May four, the ..."): a count is
followed by what it counts ("In March two ships collided")."""


def _day_number(word: str) -> int:
    """"fourth" is 4, "twenty-first" 21, "thirty one" 31."""
    return sum(_DAY_NUMBERS[w] for w in re.split(r"[\s-]+", word.lower()))


def _month_dayword(match: re.Match[str], anchor: dt.date) -> _Value | None:
    """"May four", "March twelfth", "the fourth of July", "May the fourth, nineteen
    ninety-six": a day written in words. A number word that counts is none ("In March two
    ships collided")."""
    word = match.group("dayword")
    day = _day_number(word)
    if word.lower().split()[-1].split("-")[-1] in _DAY_CARDINALS + ["thirty"] and not _year(match) and not _AFTER_A_DAY_WORD.match(match.string, match.end()):
        return None
    try:
        if _year(match):
            year = int(_year(match))
        elif _is_span_end(match):
            year = _nearest_day_year(_month(match), day, anchor)
        else:
            ahead = _is_ahead(match)
            year = _closest_year(_month(match), day, anchor, ahead, not ahead and _is_right_after_a_past_verb(match))
        return _Value(dt.date(year, _month(match), day).isoformat(), "day")
    except ValueError:
        return None


def _day_of_month(match: re.Match[str], anchor: dt.date) -> _Value | None:
    """"the 4th of July", "June the 4th", "May four", with or without a year."""
    if _group(match, "dayword"):
        return _month_dayword(match, anchor)
    return _day(match, int(_year(match))) if _year(match) else _month_day(match, anchor)


def _decade(match: re.Match[str], anchor: dt.date) -> _Value:
    """"the 1990s", "the nineteen-nineties" (as a transcript writes it); "the '80s" and "the
    nineties" in the latest century that has had them."""
    if _group(match, "decade"):
        return _Value(match.group("decade")[:3], "decade")
    short = _group(match, "short")
    tens = int(short) if short else _SPOKEN_NUMBERS[match.group("spoken").lower()[:-3] + "y"] // 10
    century = anchor.year // 100 if tens * 10 <= anchor.year % 100 else anchor.year // 100 - 1
    if _group(match, "century"):
        century = _SPOKEN_NUMBERS[match.group("century").lower()]
    return _Value(f"{century}{tens}", "decade")


def _past_unit(match: re.Match[str], anchor: dt.date) -> _Value:
    """"over the past year": the year before the publication (as TimeML dates it); "the last
    decade" the decade before the publication's."""
    if _group(match, "decade"):
        return _Value(str(anchor.year // 10 - 1), "decade")
    return _Value(str(anchor.year - 1), "year")


def _the_year(match: re.Match[str], anchor: dt.date) -> _Value | None:
    """"for the year", "the full year", "the current fiscal year": the year of publication
    (a year "ended June 30" is a fiscal year, dated by its end; "the Year" is a title)."""
    if match.group("unit")[0].isupper():
        return None
    return _Value(str(anchor.year), "year")


def _deictic(match: re.Match[str], anchor: dt.date) -> _Value:
    shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match.group(0).lower()]
    return _Value((anchor + dt.timedelta(days=shift)).isoformat(), "day")


def _rule(pattern: str, normalize, *examples: str, cue: tuple[str, ...] = (), cue_too: tuple[str, ...] = (), anaphoric: bool = False) -> _Rule:
    return _Rule(re.compile(_B + first_char_guard(pattern, re.IGNORECASE) + "(?:" + pattern + ")" + _E, re.IGNORECASE), normalize, examples, cue, cue_too, anaphoric, pattern.startswith(_MONTH), pattern.startswith(_DAY_THEN_MONTH))


_MONTH_START = re.compile(_B + first_char_guard(_MONTH, re.IGNORECASE) + "(?=" + _MONTH + ")", re.IGNORECASE)
"""Every place a month's name starts as a rule's pattern begins (``_B``, then ``_MONTH``):
one scan of a paragraph finds them for the six rules that open with a month, which then
try a match there only, instead of each scanning the whole paragraph."""


_DAY_THEN_MONTH = _DAY + _DAYS_TO + r"?\s+" + _MONTH
_DAY_END = re.compile(r"[\dthd]", re.IGNORECASE)
"""The last character of a day ("15", "3rd", "4th", "2nd", "1st")."""


def _has_day_before_a_month(text: str, month_starts: list[int]) -> bool:
    """Is there a day, then spaces, before one of the months' names? A match of
    ``_DAY_THEN_MONTH`` has its month where ``_MONTH_START`` finds one (a space before it),
    and the last character of its day before the spaces (``str.isspace`` is the engine's ``\\s``)."""
    for start in month_starts:
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if 0 < end < start and _DAY_END.match(text, end - 1):
            return True
    return False


def _matches_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, where ``starts`` holds, in order, every place a
    match can start: left to right, each after the end of the one before (no pattern tried
    here matches empty). ``match`` at a place sees the text before it, as the lookbehind needs."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


_ANAPHORIC_SHIFTS = {"following": 1, "next": 1, "subsequent": 1, "after": 1, "previous": -1, "preceding": -1, "prior": -1, "before": -1, "that": 0, "same": 0}
_ANTECEDENT_PRECISIONS = {
    "day": ("day",),
    "week": ("day", "week"),
    "month": ("day", "month"),
    "quarter": ("quarter",),
    "year": ("day", "week", "month", "quarter", "half", "season", "year", "early-year", "mid-year", "late-year"),
}
"""What a mention must be precise to for an anaphoric unit to count from it: "the
following month" needs a month or a day before it, "the following year" any year, "that
quarter" a quarter (not the day a quarter ended)."""


def _anaphoric(match: re.Match[str], anchor: dt.date, antecedent: DateMention | None = None) -> _Value | None:
    """"the following year", "the previous Friday", "that quarter", "the day before" (with
    nothing after it: "the day before the vote" is no such date): a unit shifted from the
    date mentioned last (``antecedent``), or from the publication when none was."""
    shift = _ANAPHORIC_SHIFTS[(_group(match, "rel") or _group(match, "rel2") or _group(match, "rel4") or match.group("rel3")).lower().split()[-1]]
    unit = _anaphoric_unit(match)
    if unit in lexicon.WEEKDAYS:
        return _weekday_from(antecedent, anchor, lexicon.WEEKDAYS.index(unit), shift)
    if antecedent is None:
        return None if unit in ("day", "week") and _group(match, "rel3") else _relative_unit(unit, shift, anchor)  # "never forget that day": no day said
    value = antecedent.value
    if unit == "day":
        return _Value((dt.date.fromisoformat(value) + dt.timedelta(days=shift)).isoformat(), "day")
    if unit == "week":
        day = dt.date.fromisoformat(value) if antecedent.precision == "day" else dt.date.fromisocalendar(int(value[:4]), int(value[-2:]), 1)
        return _relative_unit("week", shift, day)
    if unit == "quarter" and antecedent.precision == "quarter":
        return _relative_unit("quarter", shift, dt.date(int(value[:4]), int(value[-1]) * 3 - 2, 1))
    return _relative_unit(unit, shift, dt.date(int(value[:4]), int(value[5:7]) if len(value) >= 7 and value[5:7].isdigit() else 1, 1))


def _anaphoric_unit(match: re.Match[str]) -> str:
    return (_group(match, "unit") or _group(match, "unit2") or _group(match, "unit4") or match.group("unit3")).lower().removesuffix("s")


def _counted_from(match: re.Match[str], anchor: dt.date, antecedent: DateMention | None = None) -> _Value | None:
    """"Two days later", "a week earlier", "three years later": counted from the date
    mentioned last (a story's own time), not from the publication, which "ago" counts from
    ("a year earlier" is left to the rule that compares a quarter with its year-ago one);
    "earlier" with no date before it counts from the publication, "later" dates nothing then."""
    count = _count(match.group("n"))
    unit = _anaphoric_unit(match)
    later = match.group("dir").lower() == "later"
    if count is None or (antecedent is None and later):
        return None
    if unit == "year":  # "two years later" after "in 1975": 1977, a year whatever the antecedent's precision
        return _Value(str((int(antecedent.value[:4]) if antecedent else anchor.year) + (count if later else -count)), "year")
    if antecedent is None:
        day = anchor
    elif antecedent.precision == "week":
        day = dt.date.fromisocalendar(int(antecedent.value[:4]), int(antecedent.value[-2:]), 1)
    else:
        day = dt.date.fromisoformat(antecedent.value if antecedent.precision == "day" else antecedent.value + "-01")
    if unit == "month" and (antecedent is None or antecedent.precision != "day"):
        return _relative_unit("month", count if later else -count, day)
    if unit == "month":
        index = day.year * 12 + day.month - 1 + (count if later else -count)
        return _Value(f"{index // 12}-{index % 12 + 1:02d}", "month")
    days = count * (7 if unit == "week" else 1) * (1 if later else -1)
    shifted = day + dt.timedelta(days=days)
    if unit == "week":
        year, week, _ = shifted.isocalendar()
        return _Value(f"{year}-W{week:02d}", "week")
    return _Value(shifted.isoformat(), "day")


def _relative_unit(unit: str, shift: int, day: dt.date) -> _Value:
    """The year, quarter, month, week or day ``shift`` units from ``day``."""
    if unit == "day":
        return _Value((day + dt.timedelta(days=shift)).isoformat(), "day")
    if unit == "week":
        year, week, _ = (day + dt.timedelta(weeks=shift)).isocalendar()
        return _Value(f"{year}-W{week:02d}", "week")
    if unit == "month":
        index = day.year * 12 + day.month - 1 + shift
        return _Value(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "quarter":
        index = day.year * 4 + (day.month - 1) // 3 + shift
        return _Value(f"{index // 4}-Q{index % 4 + 1}", "quarter")
    return _Value(str(day.year + shift), "year")


def _weekday_from(antecedent: DateMention | None, anchor: dt.date, weekday: int, shift: int) -> _Value | None:
    """"the previous Friday": the Friday before the day mentioned last (the publication when
    none was); "the following Monday" the Monday after it."""
    if shift == 0:
        return None  # "that Friday", "the same Monday": the day itself, dated where it was said
    day = dt.date.fromisoformat(antecedent.value) if antecedent is not None else anchor
    delta = ((weekday - day.weekday()) % 7 or 7) if shift > 0 else -((day.weekday() - weekday) % 7 or 7)
    return _Value((day + dt.timedelta(days=delta)).isoformat(), "day")


_MONTH_CUE = tuple(sorted({m[:3] for m in lexicon.MONTHS}))
_OF_MONTH = r"(?P<month>" + "|".join(lexicon.MONTHS) + r"|(?:" + lexicon.MONTH_ABBREVIATION_PATTERN + r")\.)"
_OF_MONTH_CUE = tuple(f"of {m}" for m in _MONTH_CUE)
"""After "the fourth of", a month named in full or abbreviated with its period ("of mar"
alone would be "of market"); the cues are the months' first letters after "of ", which few
paragraphs hold."""
_SEASON_CUE = ("spring", "summer", "autumn", "fall", "winter")


# Longest, most specific patterns first; a later rule never overlaps an earlier match.
RULES = (
    _rule(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", lambda m, a: _iso(m), "2024-03-15", cue=("-",)),
    _rule(_MONTH + r"\s+" + _DAY + _DAY_RANGE + r"?,?\s+" + _YEAR, lambda m, a: _day(m, int(_year(m))), "March 15, 2024", "March 3-5, 2024", cue=_MONTH_CUE),
    _rule(_DAY + _DAYS_TO + r"?\s+" + _MONTH + r",?\s+" + _YEAR, lambda m, a: _day(m, int(_year(m))), "15 March 2024", "3-5 March 2024", cue=_MONTH_CUE),
    _rule(r"(?:the\s+)?(?:" + _DAY_ORDINAL_WORD + r"|(?P<day>[0-3]?\d)(?:st|nd|rd|th))\s+of " + _OF_MONTH + r"(?![’']s)(?:,?\s+" + _YEAR + ")?", _day_of_month, "the fourth of July", "the 4th of May, 2024", "twenty-first of June", cue=_OF_MONTH_CUE),
    _rule(r"(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+" + _YEAR, _part_of_year, "late 2023", "the end of 2023", "mid-2023", cue=("early", "mid", "late", "end", "beginning", "start")),
    _rule(r"(?:(?:the\s+)?" + _YEAR + r"\s+|(?P<yrel>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?:comparable\s+)?(?P<ago>year[\s-](?:ago|earlier))\s+|the\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?" + _YEAR.replace("year", "year2") + ")?", _quarter, "the third quarter of 2023", "2023 third quarter", "last year's fourth quarter", "the year-ago third quarter", "the first quarter", "third fiscal quarter of fiscal 2024", "the fiscal-first quarter", "fiscal second quarter", cue=("quarter",)),
    _rule(r"the\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?\s+quarter", _month_quarter, "the September quarter", "the Dec. 2024 quarter", cue=("quarter",)),
    _rule(r"(?:Q(?P<q>[1-4])|(?P<qn>[1-4])Q)(?:(?:\s+|\s*[-/]\s*)?" + _YEAR + r"|['’]?(?P<yy>\d\d))?", _quarter, "Q3 2023", "Q3-2023", "Q3", "1Q 2024", "1Q24", "Q3'24", cue=("q",)),
    _rule(r"(?:H(?P<h>[12])|(?P<hn>[12])H)(?:\s+|\s*[-/]\s*)" + _YEAR, _labeled_half, "H1 2024", "2H 2024", "H2-2023", cue=("h1", "h2", "1h", "2h")),
    _rule(r"FY\s?(?:" + _YEAR + r"|['’]?(?P<yy>\d\d))", lambda m, a: _Value(_year(m) or _short_year(m, a), "year"), "FY2024", "FY 2024", "FY24", "FY'98", cue=("fy",)),
    _rule(r"the\s+(?:(?:latest\s+|most\s+recent\s+|recent\s+)?(?:quarter|three\s+months)|(?:latest|most\s+recent)\s+period)(?!\s+of)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?", _reported_quarter, "the latest quarter", "the quarter a year ago", "the latest period", cue=("quarter", "months", "period")),
    _rule(r"(?:the\s+)?(?P<h>first|second|1st|2nd|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+" + _YEAR + ")?", _half, "the first half of 2024", "second half", "the last half of 2024", "the first two quarters of 1990", cue=("half", "quarters")),
    _rule(r"(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:(?P<rel>this|next|last|current|coming)\s+)?(?:fiscal\s+)?(?P<unit>year|month|quarter|week)", _part_of_unit, "the end of the month", "the end of the year", "the beginning of next year", "end of this week", cue=("end", "beginning", "start", "middle")),
    _rule(r"(?:the\s+)?year[\s-]end|year['’]s\s+end", _year_end, "year-end", "year end", "year's end", cue=("end",)),
    _rule(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR, _season, "summer of 2022", cue=_SEASON_CUE),
    _rule(r"(?P<rel>last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter)(?P<year>)?", _season, "last summer", "next winter", cue=_SEASON_CUE),
    _rule(r"(?:this\s+past\s+|the\s+(?:early\s+|late\s+)?)(?P<season>spring|summer|autumn|winter)(?P<year>)?(?!\s+of\b(?!\s+(?:last|next|this)\s+year\b))", _season, "the summer", "this past spring", "the early summer", cue=_SEASON_CUE),
    _rule(r"the\s+(?:early\s+|late\s+)?(?P<season>fall)(?P<year>)?(?!\s+(?:of|in|to|from|on|and|was|is|has|had|came|would|will|could)\b|['’]s)", _season, "the fall", "the early fall", cue=("fall",)),
    _rule(_MONTH + r"\s+" + _DAY + _DAY_RANGE + r"?(?!\s*,?\s*\d)", _month_day, "March 15", "Jan. 3rd", "June 10-12", "Sept. 4-Oct. 2", cue=_MONTH_CUE),
    _rule(_MONTH + r",?\s+(?:of\s+)?" + _YEAR, lambda m, a: _Value(f"{_year(m)}-{_month(m):02d}", "month"), "March 2024", "January nineteen ninety-seven", cue=_MONTH_CUE),
    _rule(_MONTH + r"\s+(?:the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)|(?:the\s+)?" + _DAY_WORD + r")(?:,?\s+" + _YEAR + ")?", _day_of_month, "May four", "March twelfth", "May the fourth, nineteen ninety-six", "June twenty-first", "June the 4th", "June the 4th, 2024", cue=_MONTH_CUE),
    _rule(_DAY + _DAYS_TO + r"?\s+" + _MONTH, _month_day, "15 March", "3-5 March", cue=_MONTH_CUE),
    _rule(_MONTH + r"\s+(?P<yrel>this|last|next)\s+year", _bare_month, "March this year", cue=_MONTH_CUE),
    _rule(
        r"(?P<rel>the\s+(?:following|subsequent|previous|preceding|prior|same))\s+(?P<unit>year|month|quarter|week|day|" + "|".join(lexicon.WEEKDAYS) + r")"
        r"|(?P<rel2>the\s+next)\s+(?P<unit2>day)|(?P<rel3>that)\s+(?P<unit3>year|month|quarter|week|day)"
        r"|the\s+(?P<unit4>day|week|month|year)\s+(?P<rel4>before|after)(?=\s*(?:[.,;:!?)]|$))",
        _anaphoric, "the following year", "the previous Friday", "that quarter", "the next day", "the same month", "the day before", "the year after", cue=("following", "next", "subsequent", "previous", "preceding", "prior", "same", "that", "before", "after"), cue_too=("year", "month", "quarter", "week", "day"), anaphoric=True,
    ),
    _rule(r"(?!(?:a|an|one)\s+year(?:\s+or\s+so)?\s+earlier)(?P<n>a|an|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>years?|months?|weeks?|days?)(?:\s+or\s+so)?\s+(?P<dir>earlier|later)", _counted_from, "ten days earlier", "two weeks earlier", "a month or so earlier", "three years earlier", cue=("earlier", "later"), anaphoric=True),
    _rule(r"(?:(?P<part>early|late|mid)[\s-]+)?(?P<rel>last|previous|next|this|coming|current)\s+(?:fiscal\s+)?(?P<unit>year|month|week|quarter)", _relative, "next quarter", "early next year", "late last year", "mid-next year", "last year", "this month", "coming week", "current quarter", "this fiscal year", cue=("last", "previous", "next", "this", "coming", "current")),
    _rule(r"(?P<n>a|an|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>years?|months?|weeks?|days?)(?:\s+or\s+so)?\s+(?:ago|earlier)", _ago, "three years ago", "a month ago", "2 weeks ago", "ten days earlier", "a week or so ago", cue=("ago", "earlier")),
    _rule(r"(?:the\s+)?(?P<n>a)?year[\s-](?P<unit>)(?:earlier|ago)", lambda m, a: _year_ago(m, a), "the year earlier", "year-ago", cue=("ago", "earlier")),
    _rule(r"(?P<rel>last|next|this)\s+" + _MONTH, _bare_month, "last March", cue=_MONTH_CUE, cue_too=("last", "next", "this")),
    _rule(r"(?:early|mid|late|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of)[\s-]*" + _MONTH, _bare_month, "early March", cue=_MONTH_CUE, cue_too=("early", "mid", "late", "end", "beginning")),
    _rule(_MONTH, _bare_month, "March", "Sept.", cue=_MONTH_CUE),
    _rule(r"(?:(?P<rel>last|next|this)\s+)?(?P<weekday>" + "|".join(lexicon.WEEKDAYS) + r")(?:\s+the\s+(?P<dom>[0-3]?\d)(?:st|nd|rd|th))?", _weekday, "last Monday", "Monday", "next Friday", "this Sunday", "Friday the 13th", cue=("day",)),
    _rule(r"yesterday|today|tomorrow", _deictic, "yesterday", cue=("yesterday", "today", "tomorrow")),
    _rule(r"the\s+past\s+year|the\s+(?:past|last)\s+(?P<decade>decade)(?!\s+of\b)", _past_unit, "the past year", "the last decade", "the past decade", cue=("past", "last")),
    _rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:(?P<decade>1[89]\d0|20\d0)['’]?s|['’](?P<short>\d)0['’]?s)|the\s+(?:(?:early|mid|late)[\s-]*)?(?:(?P<century>eighteen|nineteen)[\s-]+)?(?P<spoken>" + "|".join(w[:-1] + "ies" for w in _TENS) + ")", _decade, "the 1990s", "the mid-1990s", "the '80s", "the nineties", "the early twenties", "the nineteen-nineties", "the early nineteen nineties", cue=("0s", "0's", "0’s", "ties")),
    _rule(r"(?:the\s+)?(?P<nth>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century", lambda m, a: _Value(f"{int(m.group('nth')) - 1:02d}", "century"), "the 20th century", "11th century", cue=("century",)),
    _rule(r"['’](?P<yy>\d\d)(?!\d|['’]?s\b)", lambda m, a: _Value(_short_year(m, a), "year"), "'97", "’05", cue=("'", "’")),
    _rule(r"(?:fiscal\s+(?:year\s+)?|the\s+year\s+)?" + _YEAR + r"(?:[-–/](?:1[89]|20)?\d\d(?!\d))?", lambda m, a: _Value(_year(m), "year"), "fiscal 2024", "2024", "2010-2015", "fiscal 1998-99", "fiscal year 2024", "the year 1990", "nineteen ninety-six", "two thousand and eight"),
    _rule(r"the\s+(?:(?:full|whole|entire|current)\s+)?(?:fiscal[\s-]+)?(?P<unit>year)(?!\s+(?:ended|ending|to|before|after|earlier|later|ago|when|that|in\s+which|of(?!\s+\$)|since|\d|two|nineteen|eighteen|twenty)\b)", _the_year, "the year", "the full year", "the current fiscal year", "the fiscal year", cue=("year",)),
    _rule(r"the\s+year\s+(?P<year>two[\s-]+thousand)", lambda m, a: _Value(_year(m), "year"), "the year two thousand", cue=("thousand",)),
)


def _iso(match: re.Match[str]) -> _Value | None:
    try:
        return _Value(dt.date(int(match.group("year")), int(match.group("m")), int(match.group("d"))).isoformat(), "day")
    except ValueError:
        return None


_DATE_CUE_WORDS = (
    *lexicon.MONTHS, *lexicon.WEEKDAYS, *lexicon.MONTH_ABBREVIATIONS,
    *"year decade month week day quarter period half today yesterday tomorrow spring summer autumn fall winter eighteen nineteen twenty thousand".split(),
    *(w[:-1] + "ies" for w in _TENS),
)
_DATE_CUE = re.compile(r"\d|\b" + prefix_alternation(_DATE_CUE_WORDS), re.IGNORECASE)
"""Every rule needs a digit or one of these words; a paragraph without any has no date."""
_RULE_CUES = frozenset(c for rule in RULES for c in (*rule.cue, *rule.cue_too))


def find_dates(text: str, anchor: dt.date, earlier: tuple[DateMention, ...] = ()) -> tuple[DateMention, ...]:
    """Date expressions in ``text``, normalized against ``anchor`` (the publication date);
    an anaphoric one ("the following year") against the date mentioned last before it, in
    ``text`` or in ``earlier`` (those of the last paragraph before it that has any)."""
    found: list[DateMention] = []
    if not _DATE_CUE.search(text):
        return ()
    if any(c in text for c in "ſıİ"):
        text = text.translate(_LOOKALIKES)  # same length: every offset stays
    lowered = text.lower()
    present = {c for c in _RULE_CUES if c in lowered}  # each cue tested once, not once per rule
    folded = any(c in lowered for c in _CASE_FOLDED)
    deferred: list[tuple[_Rule, re.Match[str]]] = []
    month_starts: list[int] | None = None
    for rule in RULES:
        if (rule.cue and present.isdisjoint(rule.cue)) or (rule.cue_too and not folded and present.isdisjoint(rule.cue_too)):
            continue  # rule.is_worth_scanning(lowered) is False
        if (rule.at_month or rule.day_first) and month_starts is None:
            month_starts = [m.start() for m in _MONTH_START.finditer(text)]
        if rule.day_first and not _has_day_before_a_month(text, month_starts):
            continue
        for match in _matches_at(rule.pattern, text, month_starts) if rule.at_month else rule.pattern.finditer(text):
            start, end = match.span()
            if any(start < f.end and f.start < end for f in found) or any(start < m.end() and m.start() < end for _, m in deferred):
                continue
            if not _is_date_context(text, match):
                continue
            if rule.anaphoric:
                deferred.append((rule, match))  # dated once every other date of the text is known
                continue
            value = _normalize(rule, match, anchor)
            if value is not None:
                found.append(DateMention(start, end, value.date, value.precision))
    found.sort(key=lambda f: f.start)
    for rule, match in sorted(deferred, key=lambda d: d[1].start()):
        antecedent = _antecedent(match, [*earlier, *(f for f in found if f.end <= match.start())])
        value = _normalize(rule, match, anchor, antecedent)
        if value is not None:
            found.append(DateMention(match.start(), match.end(), value.date, value.precision))
            found.sort(key=lambda f: f.start)
    return tuple(_with_time_of_day(text, mention) for mention in _reconciled(text, anchor, _with_their_years(text, found)))


_CLOCK_BEFORE = re.compile(
    r"(?<![\w:-])(?P<clock>(?P<hour>[01]?\d)(?::(?P<minute>[0-5]\d))?\s*(?P<half>a\.m\.|p\.m\.|am\b|pm\b)|noon|midnight|mid[\s-]?(?:morning|afternoon)|(?:early|late)\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:[ECMP][SD]T|GMT|BST)\b|\s+local\s+time)?,?\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_PART_OF_DAY_AFTER = re.compile(r"\s+(?P<part>morning|afternoon|evening|night)(?![\w'’-])", re.IGNORECASE)
_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "noon": "T12:00", "midnight": "T24:00"}
_DAY_WORDS_WITH_A_TIME = frozenset((*lexicon.WEEKDAYS, "yesterday", "today", "tomorrow"))


def _with_time_of_day(text: str, mention: DateMention) -> DateMention:
    """A day with its time of day ("10 p.m. Wednesday", "noon Saturday", "Friday evening",
    "5 p.m. EST, Nov. 6"): the expression takes in the time, which ``time`` keeps."""
    if mention.precision != "day":
        return mention
    before = _CLOCK_BEFORE.search(text, max(0, mention.start - 40), mention.start)
    if before:
        return DateMention(before.start(), mention.end, mention.value, "day", _clock_value(before))
    after = _PART_OF_DAY_AFTER.match(text, mention.end)
    if after and text[mention.start : mention.end].lower() in _DAY_WORDS_WITH_A_TIME:
        return DateMention(mention.start, after.end(), mention.value, "day", _PARTS_OF_DAY[after.group("part").lower()])
    return mention


def _clock_value(match: re.Match[str]) -> str:
    """"10 p.m." is T22:00, "7:15 a.m." T07:15, "noon" T12:00, "late afternoon" TAF."""
    if not match.group("hour"):
        word = match.group("clock").lower()
        return _PARTS_OF_DAY.get(word) or _PARTS_OF_DAY[re.split(r"[\s-]+|mid", word)[-1]]
    hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower().startswith("p") else 0)
    return f"T{hour:02d}:{match.group('minute') or '00'}"


def _antecedent(match: re.Match[str], before: list[DateMention]) -> DateMention | None:
    """The date mentioned last before an anaphoric one and precise enough for its unit."""
    unit = _anaphoric_unit(match)
    precisions = _ANTECEDENT_PRECISIONS["day" if unit in lexicon.WEEKDAYS else unit]
    return next((m for m in reversed(before) if m.precision in precisions and re.match(r"\d{4}", m.value)), None)


def _reconciled(text: str, anchor: dt.date, found: list[DateMention]) -> tuple[DateMention, ...]:
    """A weekday beside an explicit date is that date ("Tuesday, Nov. 3", "until March 25,
    Wednesday", "on Nov. 3, a Tuesday": the year whose Nov. 3 is a Tuesday)."""
    result: list[DateMention] = []
    skip = set()
    for i, mention in enumerate(found):
        if i in skip:
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if mention.precision == "day" and following is not None and following.precision == "day":
            between = text[mention.end : following.start]
            first, second = text[mention.start : mention.end].lower(), text[following.start : following.end].lower()
            if first in lexicon.WEEKDAYS and re.fullmatch(r",?\s*\(?", between):
                date = _on_weekday(following, lexicon.WEEKDAYS.index(first), anchor)
                result += [DateMention(mention.start, mention.end, date.value, "day"), date]
                skip.add(i + 1)
                continue
            if second in lexicon.WEEKDAYS and first not in lexicon.WEEKDAYS and re.fullmatch(r",\s*(?:an?\s+|the\s+)?|\s*\(", between):
                date = _on_weekday(mention, lexicon.WEEKDAYS.index(second), anchor)
                result += [date, DateMention(following.start, following.end, date.value, "day")]
                skip.add(i + 1)
                continue
        result.append(mention)
    return tuple(result)


_PART_PRECISIONS_OF_A_YEAR = frozenset(("quarter", "half", "month", "season"))
_OF_A_YEAR = re.compile(r"\s+of\s+")
_A_YEARS = re.compile(r"['’]s\s+")
_A_YEAR_WRITTEN = re.compile(r"(?:this|last|next)\s+(?:fiscal\s+)?year|(?:fiscal\s+)?\d{4}", re.IGNORECASE)


def _with_their_years(text: str, found: list[DateMention]) -> list[DateMention]:
    """A part of a year and the year that owns it are one date: "the fourth quarter of last
    year" (1988-Q4, not the fourth quarter of this year and 1988 apart), "July of next year",
    "1988's first half", "fiscal 1989's fourth quarter"."""
    result: list[DateMention] = []
    i = 0
    while i < len(found):
        mention = found[i]
        following = found[i + 1] if i + 1 < len(found) else None
        merged = _merged_with_its_year(text, mention, following) if following is not None else None
        result.append(merged or mention)
        i += 2 if merged else 1
    return result


def _merged_with_its_year(text: str, first: DateMention, second: DateMention) -> DateMention | None:
    """The one date of a part of a year and its year written beside it, or None."""
    between = text[first.end : second.start]
    if first.precision in _PART_PRECISIONS_OF_A_YEAR and second.precision == "year" and _OF_A_YEAR.fullmatch(between):
        part, year = first, second
    elif first.precision == "year" and second.precision in ("quarter", "half") and _A_YEARS.fullmatch(between):
        part, year = second, first
    else:
        return None
    if not _A_YEAR_WRITTEN.fullmatch(text[year.start : year.end]) or not re.fullmatch(r"\d{4}", year.value):
        return None
    return DateMention(first.start, second.end, year.value + part.value[4:], part.precision)


def _on_weekday(mention: DateMention, weekday: int, anchor: dt.date) -> DateMention:
    day = dt.date.fromisoformat(mention.value)
    for year in (day.year, anchor.year, anchor.year + 1, anchor.year - 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            return DateMention(mention.start, mention.end, candidate.isoformat(), "day")
    return mention


_VALUE_RE = re.compile(r"\d{4}(?:-(?:Q[1-4]|H[12]|W\d\d|SP|SU|FA|WI|\d\d(?:-\d\d)?))?")


def _normalize(rule: _Rule, match: re.Match[str], anchor: dt.date, antecedent: DateMention | None = None) -> _Value | None:
    """The rule's value, or None for one the calendar cannot hold ("a year ago" from
    0001-01-01, "next week" from 9999-12-31): such an expression dates nothing."""
    try:
        value = rule.normalize(match, anchor, antecedent) if rule.anaphoric else rule.normalize(match, anchor)
    except (ValueError, OverflowError):
        return None
    if value is None:
        return None
    valid = value.precision in ("decade", "century") or (_VALUE_RE.fullmatch(value.date) and value.date[:4] != "0000")
    return value if valid else None


_YEAR_LEAD = re.compile(
    r"\b(?:in|since|by|until|till|from|during|before|after|of|the|its|their|for|between|and|to|through|early|late|mid|fiscal|year|around|circa|c\.)\s+$",
    re.IGNORECASE,
)


_MEASURE_BEFORE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|readings?|scores?)\b", re.IGNORECASE)
_RECURRING_BEFORE = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“‘'(\[]\s*|\s[-–—]+\s+)$")
_QUOTED_TITLE_AFTER = re.compile(r"(?:\s+[A-Z][\w'’]*)*[,.]?[\"”]")
"""What follows a title in quotes: its capitalized words, then the closing quote."""
_CAPITALIZED_NAME = re.compile(r"(?:Today|Tomorrow|Yesterday|(?:This|Next|Last) (?:Week|Month|Year))\b")


_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|society|economy|markets?|marketplace|standards|technology|computers?|machines|youth|children|kids|generation|families|women|men|workers|students|culture|politics|realities|reality|leaders|young|ideas|heroes|challenges|problems|workforce|cities)\b"
    r"|\s+(?:world|society|economy|generation)\b",
    re.IGNORECASE,
)
_GENERIC_YESTERDAY_AFTER = re.compile(r"['’]s\s+(?:technology|technologies|heroes|ideas|men|weapons|news(?!\s+(?:conference|release|briefing|report)))\b", re.IGNORECASE)
"""After "yesterday's", a thing of the past in general: "yesterday's technology", "it is
yesterday's news"; not "yesterday's news conference"."""
_GENERIC_BEFORE = re.compile(r"(?<!\bas)\s+of\s+$", re.IGNORECASE)


def _is_generic_deictic(text: str, match: re.Match[str]) -> bool:
    """"in today's world", "today's personal computers", "the people of tomorrow",
    "yesterday's technology": the present, the future or the past in general, no day ("as of
    today" is one)."""
    word = match.group(0).lower()
    if word == "yesterday":
        return _GENERIC_YESTERDAY_AFTER.match(text, match.end()) is not None
    if word not in ("today", "tomorrow"):
        return False
    after = _GENERIC_AFTER.match(text, match.end())
    before = text[max(0, match.start() - 12) : match.start()]
    return after is not None or (_GENERIC_BEFORE.search(before) is not None and text[match.end() : match.end() + 2] not in ("'s", "’s"))


def _is_date_context(text: str, match: re.Match[str]) -> bool:
    """Reject weekday/month words used as names ("May" the surname) and bare numbers, a
    recurring day ("each Thursday", "every July": no date), a deictic word capitalized
    inside a sentence, a title ("USA Today", ABC's "This Week"), and "today" in general
    ("in today's world")."""
    if _RECURRING_BEFORE.search(text, max(0, match.start() - 8), match.start()):
        return False
    if _is_generic_deictic(text, match):
        return False
    if _group(match, "spoken") and _MEASURE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return False  # "temperatures in the nineties": degrees, not a decade
    if _CAPITALIZED_NAME.match(match.group(0)) and (not _SENTENCE_START.search(text, max(0, match.start() - 4), match.start()) or _QUOTED_TITLE_AFTER.match(text, match.end())):
        return False
    groups = match.groupdict()
    if groups.get("weekday") and not match.group(0)[:1].isupper() and not groups.get("rel"):
        return False
    if groups.get("yy") and match.group(0)[:1] in "'’" and not _SHORT_YEAR_LEAD.search(text, max(0, match.start() - 12), match.start()):
        return False  # "in '97", "the '96 election": a year; a quote mark before a number is none
    if (groups.get("season") or "").lower() == "fall" and not groups.get("year") and not groups.get("rel") and not _SEASON_LEAD.search(text, max(0, match.start() - 10), match.start()):
        return False  # "in the fall", "set for the fall": the season; "after the fall", "hurt by the fall": a drop
    if groups.get("month"):
        word = groups["month"]
        if not word[:1].isupper():
            return False
        if match.group(0) == word and word.lower() in ("may", "march", "august") and not re.search(
            r"\b(?:in|since|by|until|till|from|through|of|during|before|after|early|late|mid|last|this|next" + ("" if word.lower() == "may" else "|for") + r")\s+$", text[: match.start()], re.IGNORECASE
        ):
            return False  # "set for March" is the month, "support for May" may be the name
    if groups.get("year") and match.group(0) == groups["year"]:
        after = text[match.end() : match.end() + 16]
        if re.match(r"\s+(?:people|units|vehicles|cars|shares|jobs|workers|employees|dollars|yuan|euros|tonnes|tons|miles|km|meters|feet)\b", after):
            return False
        # "hire 2000 engineers": a count before a plural noun, unless a time word leads in ("in 2019 sales...")
        if re.match(r"\s+[a-z]{3,}s\b", after) and not _YEAR_LEAD.search(text[max(0, match.start() - 20) : match.start()]):
            return False
    return True


def find_document_dates(document: Document) -> Dates:
    """Every date expression of the body, found once: the timeline dates them, the figures
    leave them out. In a report on a quarter, "the quarter" and a comparison with "a year
    earlier" are the quarter last named before them (a roundup reports on several, a
    company's fiscal quarter is its own), else the quarter the article reports on."""
    dates: Dates = {}
    earlier: tuple[DateMention, ...] = ()
    for passage in document.body:
        dates[passage.id] = find_dates(passage.text, document.article.date, earlier)
        earlier = dates[passage.id] or earlier
    quarter = _report_quarter(document, dates)
    if quarter is None:
        return dates
    recent = _recent_quarters(document.article.date)
    result, named = {}, None
    for passage in document.body:
        found = []
        for mention in dates[passage.id]:
            named = _named_quarter(passage.text, mention, recent) or named
            found.append(_in_report(passage.text, mention, named or quarter, named is not None))
        result[passage.id] = _with_quarters_in_apposition(passage.text, found)
    return result


_IN_APPOSITION = re.compile(r"(?:\s+quarter)?,\s+")


def _with_quarters_in_apposition(text: str, found: list[DateMention]) -> tuple[DateMention, ...]:
    """"the year-ago quarter, the second quarter ended Oct. 31": the quarter the apposition
    names (a company's fiscal one), not the calendar's a year before."""
    result = list(found)
    for i, (mention, following) in enumerate(zip(found, found[1:])):
        if mention.precision == "quarter" and following.precision == "quarter" and _YEAR_AGO_TEXT.search(text, mention.start, mention.end) and _IN_APPOSITION.fullmatch(text, mention.end, following.start):
            result[i] = DateMention(mention.start, mention.end, following.value, "quarter")
    return tuple(result)


def _recent_quarters(published: dt.date) -> range:
    """The quarters, as year * 4 + index, that a report of this date may be on: the four
    before it and its own (a fiscal quarter ended in September is the fourth of some), and
    the rest of its year (a third quarter ended February 28 is the year's third)."""
    current = published.year * 4 + (published.month - 1) // 3
    return range(current - 4, published.year * 4 + 4)


def _report_quarter(document: Document, dates: Dates) -> tuple[int, int] | None:
    """(year, quarter) an article reports on: the quarter it names most ("third quarter"),
    else the quarter before its publication when it speaks of "the quarter"; None for an
    article that is no quarterly report. A quarter not over at publication and named in a
    forecast ("a charge in the fourth quarter will ...") is none it reports on."""
    published = document.article.date
    recent = _recent_quarters(published)
    current = published.year * 4 + (published.month - 1) // 3
    named = [
        d.value
        for p in document.body
        for d in dates[p.id]
        if d.precision == "quarter" and (index := int(d.value[:4]) * 4 + int(d.value[-1]) - 1) in recent
        and not (index >= current and _LOOKS_AHEAD.search(_sentence_of(p.text, d.start, d.end)))
    ]
    if named:
        value = max(named, key=named.count)
        return int(value[:4]), int(value[-1])
    if any(not _LOOKS_AHEAD.search(_sentence_of(p.text, m.start(), m.end())) for p in document.body for m in _QUARTER_WORD.finditer(p.text)):
        day = published - dt.timedelta(days=min(45, (published - dt.date.min).days))  # the calendar's first days have no quarter before
        return day.year, (day.month - 1) // 3 + 1
    return None


_ORDINAL_QUARTER = re.compile(r"(?:the\s+)?(?:fiscal[\s-]+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter", re.IGNORECASE)


def _named_quarter(text: str, found: DateMention, recent: range) -> tuple[int, int] | None:
    """The quarter a mention names by its ordinal ("the fiscal first quarter", "third-quarter
    profit"), if a report of this date may be on it and its clause does not look ahead."""
    if found.precision != "quarter" or not _ORDINAL_QUARTER.fullmatch(text[found.start : found.end]):
        return None
    year, number = int(found.value[:4]), int(found.value[-1])
    sentence = _sentence_of(text, found.start, found.end)
    if year * 4 + number - 1 not in recent or not _RESULT_VERB.search(sentence) or _LOOKS_AHEAD.search(sentence):
        return None
    return year, number


_RESULT_VERB = re.compile(
    r"\b(?:reported|posted|earned|had|lost|rose|fell|jumped|soared|surged|climbed|declined|dropped|slipped|slid|plunged|increased|decreased|gained|narrowed|widened|totaled|was|were)\b",
    re.IGNORECASE,
)
"""In the sentence of a quarter named, a verb of results reported: "posted net income for the
fiscal second quarter", "third-quarter sales dropped"; not "a flat second quarter tied to"."""
_LOOKS_AHEAD = re.compile(r"\b(?:will|expects?|expected|expecting|sees|forecasts?|predicts?|anticipates?|estimates?|continue\s+into|outlook)\b", re.IGNORECASE)
"""In the sentence of a quarter named, words of a forecast: that quarter is not the one reported on."""


_QUARTER_WORD = re.compile(r"\bquarter(?:ly)?\b", re.IGNORECASE)
_YEAR_AGO_TEXT = re.compile(r"(?:an?\s+|the\s+)?year[\s-](?:ago|earlier)|last\s+year", re.IGNORECASE)
_AFTER_AMOUNT = re.compile(r"(?:[\d%]|\bmillion|\bbillion|\bcents?|\bshare|\bperiod|\bquarter)[\W]*\s*$", re.IGNORECASE)


_SENTENCE_AMOUNT = re.compile(r"\$\s?\d|\bcents?\s+a\s+share\b|\d\s*%|\b(?:period|quarter)\b")
"""In the sentence of "a year earlier", an amount of results ("A year earlier, net was $2
million, or 6 cents a share") or the period itself ("in the 1989 period, costs were lower than
a year ago"): in a quarterly report, the quarter a year before; "last year"
beside an amount that is not next to it stays the year ("Last year, Acme lost $9 million")."""
_OTHER_PERIOD = re.compile(r"\b(?:nine|six|eight|ten|eleven|\d{1,2})[\s-]+months?\b|\b(?:first|second)\s+half\b|\byear[\s-]to[\s-]date\b|\byear\s+(?:ended|ending)\b|\bfull[\s-]year\b|\bfor\s+the\s+(?:fiscal\s+)?year\b(?![\s-](?:ago|earlier))", re.IGNORECASE)
"""A period of a report longer than its quarter ("the nine months", "the year ended Aug. 31",
"the full year"): "a year earlier" in its sentence compares that."""


_NOT_A_SENTENCE_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)|(?<![\w.])[A-Z])$")
"""Before a period, an abbreviation that does not end the sentence: "the year ended Aug. 31"."""


def _sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], its ends found by ". " after no abbreviation and
    before no lowercase letter ("Du Pont's Conoco Inc. oil company" is one sentence)."""
    sentence_start = text.rfind(". ", 0, start)
    while sentence_start != -1 and _is_no_sentence_end(text, sentence_start):
        sentence_start = text.rfind(". ", 0, sentence_start)
    sentence_end = text.find(". ", end)
    while sentence_end != -1 and _is_no_sentence_end(text, sentence_end):
        sentence_end = text.find(". ", sentence_end + 1)
    return text[sentence_start + 1 : sentence_end if sentence_end != -1 else len(text)]


def _is_no_sentence_end(text: str, period: int) -> bool:
    return _NOT_A_SENTENCE_END.search(text, max(0, period - 5), period) is not None or text[period + 2 : period + 3].islower()


_THE_QUARTER = re.compile(r"the\s+(?:(?:latest|most\s+recent|recent)\s+)?(?:quarter|three\s+months)|the\s+(?:latest|most\s+recent)\s+period|this\s+quarter", re.IGNORECASE)
_RESULTS_AFTER = re.compile(r"['’]s\s+(?:net\s+)?(?:loss|profit|net|earnings|income|results|sales|revenues?)\b", re.IGNORECASE)


def _follows_another_period(text: str, found: DateMention) -> bool:
    """Does a mention that opens its sentence ("The year-ago results included ...") follow a
    sentence on a period longer than the quarter ("In the nine months, net was ...")? It
    compares that period."""
    period = text.rfind(". ", 0, found.start)
    while period != -1 and _is_no_sentence_end(text, period):
        period = text.rfind(". ", 0, period)
    if period == -1 or text[period + 1 : found.start].strip():
        return False
    return _OTHER_PERIOD.search(_sentence_of(text, period, period)) is not None


def _in_report(text: str, found: DateMention, quarter: tuple[int, int], named: bool = False) -> DateMention:
    """"$1.12 a share, a year ago", "a loss of $3 million last year", "last year's results",
    "the 1988 period" in a quarterly report: the quarter compared with. "The quarter", "the latest period" and
    "this quarter's loss" after a quarter named are that quarter."""
    written = text[found.start : found.end]
    if named and _THE_QUARTER.fullmatch(written) and (not written.lower().startswith("this") or _RESULTS_AFTER.match(text, found.end)):
        return DateMention(found.start, found.end, f"{quarter[0]:04d}-Q{quarter[1]}", "quarter")
    year = None
    year_ago = found.precision in ("year", "quarter") and _YEAR_AGO_TEXT.fullmatch(written)
    period_year = found.precision == "year" and re.fullmatch(r"\d{4}", written) and re.match(r"\s+(?:period|quarter)\b", text[found.end :])
    if not (year_ago or period_year):
        return found  # nothing below would change it (and the sentence's search is the costly part)
    if _OTHER_PERIOD.search(_sentence_of(text, found.start, found.end)) or _follows_another_period(text, found):
        if year_ago and found.precision == "quarter":
            return DateMention(found.start, found.end, found.value[:4], "year")  # "year-ago" beside a quarter: still the nine months' year
        return found  # "for the nine months, ... a year earlier": nine months of the year before
    if year_ago:
        compared = _AFTER_AMOUNT.search(text[max(0, found.start - 30) : found.start]) or re.match(r"(?:['’]s)?\s+(?:quarter|period|\$|\d)", text[found.end :]) or _RESULTS_AFTER.match(text, found.end)
        compared = compared or (not written.lower().startswith("last") and _SENTENCE_AMOUNT.search(_sentence_of(text, found.start, found.end)))
        if compared or found.precision == "quarter":
            year = quarter[0] - 1
    elif period_year:
        year = int(written)
    if year is None or not 1 <= year <= 9999:
        return found
    return DateMention(found.start, found.end, f"{year:04d}-Q{quarter[1]}", "quarter")


def build_timeline(document: Document, dates: Dates) -> tuple[Event, ...]:
    """Every dated statement of the body, oldest first, plus the publication itself."""
    article = document.article
    events = [Event(article.date.isoformat(), "day", article.date.isoformat(), "Article published", None)]
    first = document.body[0].id if document.body else None
    for passage in document.body:
        found_here = dates[passage.id]
        stamp = _stamp_end(passage.text, found_here, article.date, passage.id == first)
        for i, found in enumerate(found_here):
            if found.precision == "century" or document.in_dateline(passage.id, found.start) or found.end <= stamp or _is_quoted_deictic(passage.text, found) or _is_fiscal_quarter(passage.text, found):
                continue  # the dateline restates the publication; "yesterday was crazy" is a quote, not an event; "the 11th century temple" dates no event
            if i + 1 < len(found_here) and _is_restated(passage.text, found, found_here[i + 1]):
                continue  # "Friday, March 6", "today, June 3": one entry, the explicit date
            events.append(
                Event(
                    date=timeline_date(found),
                    precision=found.precision,
                    text=passage.text[found.start : found.end],
                    event=_event_clause(passage.text, passage.sentences, found),
                    paragraph=passage.id,
                    start=found.start,
                    end=found.end,
                )
            )
    order = {p.id: i for i, p in enumerate(article.paragraphs)}
    return tuple(sorted(events, key=lambda e: (sort_key(e.date), e.paragraph is not None, order.get(e.paragraph or "", -1), e.start or 0)))


_STAMP_WORDS = frozenset("published updated posted last first on at by a.m. p.m. am pm local time".split())
_STAMP_MAX_WORDS = 8
_DASH = re.compile(r"\s(?:-{1,2}|–|—)\s")


def _stamp_end(text: str, found: tuple[DateMention, ...], published: dt.date, opens_the_body: bool) -> int:
    """Where a stamp that restates the publication ends in a paragraph, 0 if it has none:
    the whole paragraph when it is only the day of publication with stamp words and names
    ("Published: Tuesday, June 3, 2025", "By Jane Doe, June 3, 2025"), or, in the first
    paragraph, what precedes the first dash ("LONDON (Reuters) June 3 - ", "WASHINGTON,
    June 3, 2025 — "), which the wire dateline pattern does not take in."""
    near = [f.end for f in found if f.precision == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", f.value) and abs((dt.date.fromisoformat(f.value) - published).days) <= 1]
    if not near:
        return 0
    dash = _DASH.search(text, 0, 100) if opens_the_body else None
    for end in ((dash.start(),) if dash else ()) + (len(text),):
        if near[0] <= end and _is_stamp(text, found, end):
            return end  # the stamp holds the day of publication
    return 0


def _is_stamp(text: str, found: tuple[DateMention, ...], end: int) -> bool:
    """Is ``text[:end]`` only dates, capitalized words (a place, an agency, a byline) and
    stamp words ("Updated", "at")?"""
    rest, last = [], 0
    for f in found:
        if f.start >= end:
            break
        rest.append(text[last : f.start])
        last = f.end
    rest.append(text[last:end])
    named = re.findall(r"[A-Za-z][\w.'’]*", " ".join(rest))
    return len(named) <= _STAMP_MAX_WORDS and all(w[0].isupper() or w.lower() in _STAMP_WORDS for w in named)


def _is_restated(text: str, found: DateMention, following: DateMention) -> bool:
    """Is the date restated right after it ("Friday, March 6", "today, June 3")?"""
    return found.value == following.value and re.fullmatch(r"[\s,(]*", text[found.end : following.start]) is not None


def _is_fiscal_quarter(text: str, found: DateMention) -> bool:
    """"the third quarter ended February 28": a fiscal quarter, dated by its end day (its own
    entry), not shown as a calendar quarter."""
    return found.precision == "quarter" and re.match(r"\s+(?:ended|ending|to|through)\s+\w", text[found.end :]) is not None


_OPENING_SINGLE_QUOTE = re.compile(r"(?:^|(?<=[\s(\[—–-]))['‘](?=[A-Za-z])")
_CLOSING_SINGLE_QUOTE = re.compile(r"(?<=[\w,.!?])['’](?=[\s,.;:!?)\]—–-]|$)")
"""A single quote mark that opens a quotation (before a word, after a space) or closes one
(after a word or its punctuation): not the apostrophe of "can't" or "the '80s"."""


def _is_quoted_deictic(text: str, found: DateMention) -> bool:
    """Is "yesterday", "today" or "tomorrow" inside a quotation ("“We can't wait until
    tomorrow,” he said", in double, single or ``TeX'' quotes)? It is a way of speaking,
    not an event of the story."""
    if text[found.start : found.end].lower() not in ("yesterday", "today", "tomorrow"):
        return False
    before = text[: found.start]
    if before.count("“") > before.count("”") or before.count('"') % 2 == 1 or before.count("``") > before.count("''"):
        return True
    opened = [m.start() for m in _OPENING_SINGLE_QUOTE.finditer(text) if m.start() < found.start]
    closed = [m.start() for m in _CLOSING_SINGLE_QUOTE.finditer(text)]
    before_closed = [i for i in closed if i < found.start]
    return bool(opened) and (not before_closed or before_closed[-1] < opened[-1]) and any(i >= found.end for i in closed)


def _event_clause(text: str, sentences: tuple[Span, ...], found: DateMention) -> str:
    """The clause the date belongs to; with the next clause when it says little alone."""
    sentences = sentences or (Span(0, len(text)),)
    sentence = sentences[containing(sentences, found.start, found.end)]
    clauses = clause_spans(text, sentence)
    index = containing(clauses, found.start, found.end)
    first, last = index, index
    while len(words(text[clauses[first].start : found.start] + text[found.end : clauses[last].end])) < 4:
        if first > 0:
            first -= 1
        elif last + 1 < len(clauses):
            last += 1
        else:
            break
    if last + 1 < len(clauses) and re.match(r"\w+ing\b", text[clauses[last + 1].start :]):
        last += 1
    start, end = clauses[first].start, clauses[last].end
    phrase = strip_sentence_end(text[start:end])
    clipped = phrase.split()
    return phrase if len(clipped) <= _EVENT_MAX_WORDS else " ".join(clipped[:_EVENT_MAX_WORDS]) + " …"
