"""Date expressions of an article, normalized against its publication date.

Each entry keeps the expression as written, its ISO 8601 value at its precision
(``2019``, ``2025-11``, ``2025-11-20``, ``2023-Q4``, ``2023-H2``, ``2024-W07``,
``2024-SU``, ``199`` for the 1990s) and the clause it dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from . import lexicon
from ..model import Event, sort_key
from .document import DateMention, Dates, Document
from .text import Span, clause_spans, containing, first_char_guard, prefix_alternation, strip_sentence_end, words

_MONTH = r"(?P<month>" + "|".join(lexicon.MONTHS) + r"|(?:" + lexicon.MONTH_ABBREVIATION_PATTERN + r")\.?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
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
    anaphoric: bool = False
    """The value counts from the date mentioned last before the match ("the following
    year"): ``normalize`` takes that mention as a third argument (None: the publication)."""

    def is_worth_scanning(self, lowered: str) -> bool:
        return not self.cue or any(c in lowered for c in self.cue)


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


def _closest_year(month: int, day: int, anchor: dt.date, future: bool = False) -> int:
    """The latest year that puts month/day before the anchor or at most two months after it.

    News reports mostly look back: "March 31" in an article of 1989-11-01 is 1989-03-31,
    while "Jan. 15" in an article of December 20 is the coming January.
    """
    if future:
        return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        try:
            if (dt.date(year, month, day) - anchor).days <= _NEAR_FUTURE_DAYS:
                return year
        except ValueError:
            continue
    return anchor.year


def _month_year(month: int, anchor: dt.date, ahead: bool) -> int:
    """The year of a month named alone: the coming one when the clause looks ahead ("a
    mission in December", "by August"), else as ``_closest_year``."""
    if ahead:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return _closest_year(month, 1, anchor)


def _month_day(match: re.Match[str], anchor: dt.date) -> _Value | None:
    try:
        year = _closest_year(_month(match), int(match.group("day")), anchor, _is_ahead(match))
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
    number = match.group("q")
    quarter = int(number) if number.isdigit() else _ORDINALS[number.lower()]
    year = _year(match) or _year(match, "year2") or _year_word(match, anchor)
    if not year:
        current = (anchor.month - 1) // 3 + 1
        year = str(anchor.year if quarter <= current else anchor.year - 1)
    if _group(match, "ago"):
        year = str(int(year) - 1)  # "the year-ago third quarter"
    return _Value(f"{year}-Q{quarter}", "quarter")


_QUARTER_ENDED = re.compile(r"\s+(?:ended|ending)\s+" + _MONTH + r"\s+" + _DAY + r"\b", re.IGNORECASE)


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
        day = dt.date(_closest_year(month, end, anchor), month, end) - dt.timedelta(days=45)
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
        year = _year(match) or _year_word(match, anchor) or _month_year(month, anchor, _is_ahead(match))
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
    if unit == "year":
        return _Value(str(anchor.year + shift), "year")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + shift
        return _Value(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return _Value(f"{index // 4}-Q{index % 4 + 1}", "quarter")
    day = anchor + dt.timedelta(weeks=shift)
    year, week, _ = day.isocalendar()
    return _Value(f"{year}-W{week:02d}", "week")


_FUTURE = re.compile(r"\b(?:will|won't|'ll|shall|scheduled|set to|is to|are to|is due|are due|plans? to|expected to|likely to|next|(?:is|are|am)\s+going\s+to)\b", re.IGNORECASE)


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
    """Does the clause around the date speak of the future ("will", "is scheduled to")?"""
    start, end = _clause_around(match, reach)
    return _FUTURE.search(match.string, start, end) is not None


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_AHEAD_BEFORE = re.compile(r"\b(?:until|till|by|effective|payable|starting|beginning|postponed\s+to|delayed\s+to|deferred\s+to|adjourned\s+to|moved\s+to)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


def _is_ahead(match: re.Match[str]) -> bool:
    """Is a month or a day without its year one to come? After "until", "by", "effective"
    (a deadline, a start) or in a clause about the future, yes; after "since", no."""
    before = match.string[max(0, match.start() - 30) : match.start()]
    if _SINCE_BEFORE.search(before):
        return False
    if _AHEAD_BEFORE.search(before) and not _is_past_deadline(match):
        return True
    start, _ = _clause_around(match, _MONTH_REACH)
    return _is_future(match, _MONTH_REACH) or _WOULD.search(match.string, start, match.start()) is not None


_WOULD = re.compile(r"\bwould\b(?!\s+have\b)", re.IGNORECASE)
"""Before a month in its clause, the future seen from the past: "would be paid in January"."""


_DEFERRED_BEFORE = re.compile(r"\b(?:until|till|postponed to|delayed to|deferred to|adjourned to|moved to|by|before|from)\s+(?:next\s+)?$", re.IGNORECASE)


def _weekday(match: re.Match[str], anchor: dt.date) -> _Value:
    target = lexicon.WEEKDAYS.index(match.group("weekday").lower())
    rel = (match.group("rel") or "").lower()
    possessive = match.string[match.end() : match.end() + 2] in ("'s", "’s")  # "before Friday's purchases": a day past
    if not rel and not possessive and _DEFERRED_BEFORE.search(match.string[max(0, match.start() - 20) : match.start()]) and not _is_past_deadline(match):
        delta = (target - anchor.weekday()) % 7 or 7  # "postponed until Tuesday": a day to come
    elif not rel and (_is_future(match) or _is_scheduled(match)):
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


_SCHEDULED_VERB = re.compile(
    r"(?<![\w'’])(?P<before>\w+\s+)?(?:meets?|begins?|starts?|opens?|resumes?|arrives?|leaves?|visits?|travels?|convenes?|reconvenes?|returns?|testif(?:y|ies)|expires?|flies|heads?\s+(?:to|for)|takes?\s+office)"
    r"(?:\s+(?!said\b|told\b)[A-Za-z]+(?<!ed)){0,3}\s+(?:on\s+)?$",
)
"""A verb of a plan in the present tense before a weekday: "they meet separately Monday",
"the talks resume on Friday" (a day past is told in the past tense: "they met Monday")."""
_NOT_A_PRESENT_VERB_AFTER = frozenset("the a an his her its their our my your to did didn't not".split())
"""Before the verb, a word that makes it a noun ("the visit Monday") or no present tense
("agreed to meet Monday", "did not return Monday")."""


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


_DAY_WORDS = {w: i for i, w in enumerate(
    "zero first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
)} | {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
_DAY_WORD = r"(?P<dayword>" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")"


def _month_dayword(match: re.Match[str], anchor: dt.date) -> _Value | None:
    """"May four", "March twelfth": a day written in words."""
    day = _DAY_WORDS[match.group("dayword").lower()]
    if not day:
        return None
    try:
        year = _closest_year(_month(match), day, anchor, _is_ahead(match))
        return _Value(dt.date(year, _month(match), day).isoformat(), "day")
    except ValueError:
        return None


def _decade(match: re.Match[str], anchor: dt.date) -> _Value:
    """"the 1990s"; "the '80s" and "the nineties" in the latest century that has had them."""
    if _group(match, "decade"):
        return _Value(match.group("decade")[:3], "decade")
    short = _group(match, "short")
    tens = int(short) if short else _SPOKEN_NUMBERS[match.group("spoken").lower()[:-3] + "y"] // 10
    century = anchor.year // 100 if tens * 10 <= anchor.year % 100 else anchor.year // 100 - 1
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


def _rule(pattern: str, normalize, *examples: str, cue: tuple[str, ...] = (), anaphoric: bool = False) -> _Rule:
    return _Rule(re.compile(_B + first_char_guard(pattern, re.IGNORECASE) + "(?:" + pattern + ")" + _E, re.IGNORECASE), normalize, examples, cue, anaphoric)


_ANAPHORIC_SHIFTS = {"following": 1, "next": 1, "subsequent": 1, "previous": -1, "preceding": -1, "prior": -1, "that": 0, "same": 0}
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
    """"the following year", "the previous Friday", "that quarter": a unit shifted from the
    date mentioned last (``antecedent``), or from the publication when none was."""
    shift = _ANAPHORIC_SHIFTS[(_group(match, "rel") or _group(match, "rel2") or match.group("rel3")).lower().split()[-1]]
    unit = _anaphoric_unit(match)
    if unit in lexicon.WEEKDAYS:
        return _weekday_from(antecedent, anchor, lexicon.WEEKDAYS.index(unit), shift)
    if antecedent is None:
        return _relative_unit(unit, shift, anchor)
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
    return (_group(match, "unit") or _group(match, "unit2") or match.group("unit3")).lower()


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
_SEASON_CUE = ("spring", "summer", "autumn", "fall", "winter")


# Longest, most specific patterns first; a later rule never overlaps an earlier match.
RULES = (
    _rule(r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", lambda m, a: _iso(m), "2024-03-15"),
    _rule(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, lambda m, a: _day(m, int(_year(m))), "March 15, 2024", cue=_MONTH_CUE),
    _rule(_DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR, lambda m, a: _day(m, int(_year(m))), "15 March 2024", cue=_MONTH_CUE),
    _rule(r"(?P<part>early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of)[\s-]+" + _YEAR, _part_of_year, "late 2023", "the end of 2023", "mid-2023", cue=("early", "mid", "late", "end", "beginning", "start")),
    _rule(r"(?:(?:the\s+)?" + _YEAR + r"\s+|(?P<yrel>this|last|next)\s+year['’]s\s+|(?:the\s+)?(?:comparable\s+)?(?P<ago>year[\s-](?:ago|earlier))\s+|the\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:the\s+year\s+)?" + _YEAR.replace("year", "year2") + ")?", _quarter, "the third quarter of 2023", "2023 third quarter", "last year's fourth quarter", "the year-ago third quarter", "the first quarter", "third fiscal quarter of fiscal 2024", "the fiscal-first quarter", "fiscal second quarter", cue=("quarter",)),
    _rule(r"Q(?P<q>[1-4])(?:\s+|\s*[-/]\s*)?" + _YEAR + "?", _quarter, "Q3 2023", "Q3-2023", "Q3", cue=("q",)),
    _rule(r"the\s+(?:(?:latest\s+|most\s+recent\s+|recent\s+)?(?:quarter|three\s+months)|(?:latest|most\s+recent)\s+period)(?!\s+of)(?P<ago>\s+a\s+year\s+(?:ago|earlier))?", _reported_quarter, "the latest quarter", "the quarter a year ago", "the latest period", cue=("quarter", "months", "period")),
    _rule(r"(?:the\s+)?(?P<h>first|second|1st|2nd|last|latter)\s+(?:half|two\s+quarters)(?:\s+of\s+" + _YEAR + ")?", _half, "the first half of 2024", "second half", "the last half of 2024", "the first two quarters of 1990", cue=("half", "quarters")),
    _rule(r"(?:the\s+)?(?P<part>end|beginning|start|middle)\s+of\s+(?:the\s+)?(?:(?P<rel>this|next|last|current|coming)\s+)?(?:fiscal\s+)?(?P<unit>year|month|quarter|week)", _part_of_unit, "the end of the month", "the end of the year", "the beginning of next year", "end of this week", cue=("end", "beginning", "start", "middle")),
    _rule(r"(?:the\s+)?year[\s-]end|year['’]s\s+end", _year_end, "year-end", "year end", "year's end", cue=("end",)),
    _rule(r"(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?" + _YEAR, _season, "summer of 2022", cue=_SEASON_CUE),
    _rule(r"(?P<rel>last|next|this)\s+(?P<season>spring|summer|autumn|fall|winter)(?P<year>)?", _season, "last summer", "next winter", cue=_SEASON_CUE),
    _rule(r"(?:this\s+past\s+|the\s+(?:early\s+|late\s+)?)(?P<season>spring|summer|autumn|winter)(?P<year>)?(?!\s+of\b)", _season, "the summer", "this past spring", "the early summer", cue=_SEASON_CUE),
    _rule(_MONTH + r"\s+" + _DAY + r"(?!\s*,?\s*\d)", _month_day, "March 15", "Jan. 3rd", cue=_MONTH_CUE),
    _rule(_MONTH + r",?\s+(?:of\s+)?" + _YEAR, lambda m, a: _Value(f"{_year(m)}-{_month(m):02d}", "month"), "March 2024", "January nineteen ninety-seven", cue=_MONTH_CUE),
    _rule(_MONTH + r"\s+" + _DAY_WORD, _month_dayword, "May four", "March twelfth", cue=_MONTH_CUE),
    _rule(_DAY + r"\s+" + _MONTH, _month_day, "15 March", cue=_MONTH_CUE),
    _rule(_MONTH + r"\s+(?P<yrel>this|last|next)\s+year", _bare_month, "March this year", cue=_MONTH_CUE),
    _rule(
        r"(?P<rel>the\s+(?:following|subsequent|previous|preceding|prior|same))\s+(?P<unit>year|month|quarter|week|day|" + "|".join(lexicon.WEEKDAYS) + r")"
        r"|(?P<rel2>the\s+next)\s+(?P<unit2>day)|(?P<rel3>that)\s+(?P<unit3>year|month|quarter)",
        _anaphoric, "the following year", "the previous Friday", "that quarter", "the next day", "the same month", cue=("following", "next", "subsequent", "previous", "preceding", "prior", "same", "that"), anaphoric=True,
    ),
    _rule(r"(?P<rel>last|previous|next|this|coming|current)\s+(?:fiscal\s+)?(?P<unit>year|month|week|quarter)", _relative, "next quarter", "last year", "this month", "coming week", "current quarter", "this fiscal year", cue=("last", "previous", "next", "this", "coming", "current")),
    _rule(r"(?P<n>a|an|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>years?|months?|weeks?|days?)(?:\s+or\s+so)?\s+(?:ago|earlier)", _ago, "three years ago", "a month ago", "2 weeks ago", "ten days earlier", "a week or so ago", cue=("ago", "earlier")),
    _rule(r"(?:the\s+)?(?P<n>a)?year[\s-](?P<unit>)(?:earlier|ago)", lambda m, a: _year_ago(m, a), "the year earlier", "year-ago", cue=("ago", "earlier")),
    _rule(r"(?P<rel>last|next|this)\s+" + _MONTH, _bare_month, "last March", cue=_MONTH_CUE),
    _rule(r"(?:early|mid|late|the\s+middle\s+of|the\s+end\s+of|the\s+beginning\s+of)[\s-]*" + _MONTH, _bare_month, "early March", cue=_MONTH_CUE),
    _rule(_MONTH, _bare_month, "March", "Sept.", cue=_MONTH_CUE),
    _rule(r"(?:(?P<rel>last|next|this)\s+)?(?P<weekday>" + "|".join(lexicon.WEEKDAYS) + ")", _weekday, "last Monday", "Monday", "next Friday", "this Sunday", cue=("day",)),
    _rule(r"yesterday|today|tomorrow", _deictic, "yesterday", cue=("yesterday", "today", "tomorrow")),
    _rule(r"the\s+past\s+year|the\s+(?:past|last)\s+(?P<decade>decade)(?!\s+of\b)", _past_unit, "the past year", "the last decade", "the past decade", cue=("past", "last")),
    _rule(r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:(?P<decade>1[89]\d0|20\d0)['’]?s|['’](?P<short>\d)0['’]?s)|the\s+(?:(?:early|mid|late)[\s-]*)?(?P<spoken>" + "|".join(w[:-1] + "ies" for w in _TENS) + ")", _decade, "the 1990s", "the mid-1990s", "the '80s", "the nineties", "the early twenties", cue=("0s", "0's", "0’s", "ties")),
    _rule(r"(?:the\s+)?(?P<nth>[1-9]|1\d|2[01])(?:st|nd|rd|th)[\s-]+century", lambda m, a: _Value(f"{int(m.group('nth')) - 1:02d}", "century"), "the 20th century", "11th century", cue=("century",)),
    _rule(r"(?:fiscal\s+(?:year\s+)?|the\s+year\s+)?" + _YEAR, lambda m, a: _Value(_year(m), "year"), "fiscal 2024", "2024", "fiscal year 2024", "the year 1990", "nineteen ninety-six", "two thousand and eight"),
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
    *"year decade month week quarter period half today yesterday tomorrow spring summer autumn fall winter eighteen nineteen twenty thousand".split(),
    *(w[:-1] + "ies" for w in _TENS),
)
_DATE_CUE = re.compile(r"\d|\b" + prefix_alternation(_DATE_CUE_WORDS), re.IGNORECASE)
"""Every rule needs a digit or one of these words; a paragraph without any has no date."""
_RULE_CUES = frozenset(c for rule in RULES for c in rule.cue)


def find_dates(text: str, anchor: dt.date, earlier: tuple[DateMention, ...] = ()) -> tuple[DateMention, ...]:
    """Date expressions in ``text``, normalized against ``anchor`` (the publication date);
    an anaphoric one ("the following year") against the date mentioned last before it, in
    ``text`` or in ``earlier`` (those of the last paragraph before it that has any)."""
    found: list[DateMention] = []
    if not _DATE_CUE.search(text):
        return ()
    lowered = text.lower()
    present = {c for c in _RULE_CUES if c in lowered}  # each cue tested once, not once per rule
    deferred: list[tuple[_Rule, re.Match[str]]] = []
    for rule in RULES:
        if rule.cue and present.isdisjoint(rule.cue):
            continue  # rule.is_worth_scanning(lowered) is False
        for match in rule.pattern.finditer(text):
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
    return tuple(_with_time_of_day(text, mention) for mention in _reconciled(text, anchor, found))


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
    """A weekday beside an explicit date is that date ("Tuesday, Nov. 3": the year whose
    Nov. 3 is a Tuesday)."""
    result: list[DateMention] = []
    skip = set()
    for i, mention in enumerate(found):
        if i in skip:
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if mention.precision == "day" and following is not None and following.precision == "day" and re.fullmatch(r",?\s*", text[mention.end : following.start]):
            weekday = text[mention.start : mention.end].lower()
            if weekday in lexicon.WEEKDAYS:
                date = _on_weekday(following, lexicon.WEEKDAYS.index(weekday), anchor)
                result += [DateMention(mention.start, mention.end, date.value, "day"), date]
                skip.add(i + 1)
                continue
        result.append(mention)
    return tuple(result)


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
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|society|economy|markets?|marketplace|standards|technology|computers?|machines|youth|children|kids|generation|families|women|men|workers|students|culture|politics|realities|reality)\b"
    r"|\s+(?:world|society|economy|generation)\b",
    re.IGNORECASE,
)
_GENERIC_BEFORE = re.compile(r"(?<!\bas)\s+of\s+$", re.IGNORECASE)


def _is_generic_deictic(text: str, match: re.Match[str]) -> bool:
    """"in today's world", "today's personal computers", "the people of tomorrow": the
    present or the future in general, no day ("as of today" is one)."""
    if match.group(0).lower() not in ("today", "tomorrow"):
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
    if groups.get("month"):
        word = groups["month"]
        if not word[:1].isupper():
            return False
        if match.group(0) == word and word.lower() in ("may", "march", "august") and not re.search(
            r"\b(?:in|since|by|until|till|from|through|of|during|before|after|early|late|mid|last|this|next)\s+$", text[: match.start()], re.IGNORECASE
        ):
            return False
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
        result[passage.id] = tuple(found)
    return result


def _recent_quarters(published: dt.date) -> range:
    """The quarters, as year * 4 + index, that a report of this date may be on: the four
    before it and its own (a fiscal quarter ended in September is the fourth of some)."""
    current = published.year * 4 + (published.month - 1) // 3
    return range(current - 4, current + 1)


def _report_quarter(document: Document, dates: Dates) -> tuple[int, int] | None:
    """(year, quarter) an article reports on: the quarter it names most ("third quarter"),
    else the quarter before its publication when it speaks of "the quarter"; None for an
    article that is no quarterly report."""
    published = document.article.date
    recent = _recent_quarters(published)
    named = [d.value for found in dates.values() for d in found if d.precision == "quarter" and int(d.value[:4]) * 4 + int(d.value[-1]) - 1 in recent]
    if named:
        value = max(named, key=named.count)
        return int(value[:4]), int(value[-1])
    if any(_QUARTER_WORD.search(p.text) for p in document.body):
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


_OTHER_PERIOD = re.compile(r"\b(?:nine|six|eight|ten|eleven|\d{1,2})[\s-]+months?\b|\b(?:first|second)\s+half\b|\byear[\s-]to[\s-]date\b", re.IGNORECASE)
"""A period of a report longer than its quarter: "a year earlier" in its sentence compares that."""


def _sentence_of(text: str, start: int, end: int) -> str:
    sentence_start = text.rfind(". ", 0, start) + 1
    sentence_end = text.find(". ", end)
    return text[sentence_start : sentence_end if sentence_end != -1 else len(text)]


_THE_QUARTER = re.compile(r"the\s+(?:(?:latest|most\s+recent|recent)\s+)?(?:quarter|three\s+months)|the\s+(?:latest|most\s+recent)\s+period|this\s+quarter", re.IGNORECASE)
_RESULTS_AFTER = re.compile(r"['’]s\s+(?:net\s+)?(?:loss|profit|net|earnings|income|results|sales|revenues?)\b", re.IGNORECASE)


def _in_report(text: str, found: DateMention, quarter: tuple[int, int], named: bool = False) -> DateMention:
    """"$1.12 a share, a year ago", "a loss of $3 million last year", "the 1988 period" in a
    quarterly report: the quarter compared with. "The quarter", "the latest period" and
    "this quarter's loss" after a quarter named are that quarter."""
    written = text[found.start : found.end]
    if named and _THE_QUARTER.fullmatch(written) and (not written.lower().startswith("this") or _RESULTS_AFTER.match(text, found.end)):
        return DateMention(found.start, found.end, f"{quarter[0]:04d}-Q{quarter[1]}", "quarter")
    year = None
    if _OTHER_PERIOD.search(_sentence_of(text, found.start, found.end)):
        return found  # "for the nine months, ... a year earlier": nine months of the year before
    if _YEAR_AGO_TEXT.fullmatch(written) and found.precision in ("year", "quarter"):
        compared = _AFTER_AMOUNT.search(text[max(0, found.start - 30) : found.start]) or re.match(r"(?:['’]s)?\s+(?:quarter|period|\$|\d)", text[found.end :])
        if compared or found.precision == "quarter":
            year = quarter[0] - 1
    elif found.precision == "year" and re.fullmatch(r"\d{4}", written) and re.match(r"\s+(?:period|quarter)\b", text[found.end :]):
        year = int(written)
    if year is None or not 1 <= year <= 9999:
        return found
    return DateMention(found.start, found.end, f"{year:04d}-Q{quarter[1]}", "quarter")


def build_timeline(document: Document, dates: Dates) -> tuple[Event, ...]:
    """Every dated statement of the body, oldest first, plus the publication itself."""
    article = document.article
    events = [Event(article.date.isoformat(), "day", article.date.isoformat(), "Article published", None)]
    for passage in document.body:
        for found in dates[passage.id]:
            if found.precision == "century" or document.in_dateline(passage.id, found.start) or _is_quoted_deictic(passage.text, found) or _is_fiscal_quarter(passage.text, found):
                continue  # the dateline restates the publication; "yesterday was crazy" is a quote, not an event; "the 11th century temple" dates no event
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


def _is_fiscal_quarter(text: str, found: DateMention) -> bool:
    """"the third quarter ended February 28": a fiscal quarter, dated by its end day (its own
    entry), not shown as a calendar quarter."""
    return found.precision == "quarter" and re.match(r"\s+(?:ended|ending|to|through)\s+\w", text[found.end :]) is not None


def _is_quoted_deictic(text: str, found: DateMention) -> bool:
    if text[found.start : found.end].lower() not in ("yesterday", "today", "tomorrow"):
        return False
    before = text[: found.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


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
