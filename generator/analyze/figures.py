"""Key figures as values: a number with its scale, unit or currency, range and
approximation, and what it measures, each citing its paragraph.

One grammar reads the amounts of news and wire copy: currency signs and codes ("$", "C$",
"€", "dlrs", "yen"), wire fractions ("33-3/8", "71-1/4", "3/4"), scale words ("mln",
"billion", "bn"), ranges ("27 to 31 dlrs", "between 2 billion and 4 billion", "$38-42"),
approximations ("about", "more than", "up to") and counted things ("two joint ventures").
Dates (found once by the timeline), years, times of day ("1600 GMT"), ordinals and
references ("Chapter 11") are not figures. What a figure measures is a noun phrase of its
own clause ("stake in Cyclops", "offer", "prices"), never a bare unit.

The libraries considered (price-parser, quantulum3, number-parser, text2num) each read
one part: price-parser one price per string, quantulum3 units of measure (it reads "dlrs"
and wire fractions poorly and loads a large model of units), text2num number words. Wire
ranges, fractions and scale words run together in one phrase, so one grammar here reads
them all; the number words are a short closed list.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Figure
from . import lexicon
from .document import Dates, Document
from .measures import measures_of
from .text import first_char_guard

_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12,
}
_SCALES = {"thousand": 1e3, "k": 1e3, "mln": 1e6, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "c$": "USD", "a$": "USD", "hk$": "HKD", "nz$": "USD", "s$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
"""Any dollar counts as USD, as in the wire convention ("money in any dollar, Canadian ones too")."""
_CURRENCY_WORDS = {
    "dlrs": "USD", "dlr": "USD", "dollars": "USD", "dollar": "USD", "cents": "USD", "cent": "USD", "yuan": "CNY", "renminbi": "CNY",
    "euros": "EUR", "euro": "EUR", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "won": "KRW", "rupees": "INR", "francs": "CHF", "marks": "DEM",
}
_PERCENT_WORDS = ("pct", "percent", "per cent", "percentage points", "percentage point", "%")
_SHARE_WORDS = ("shares", "share")
_OTHER_UNITS = ("barrels", "barrel", "tonnes", "tons", "tonne", "ton", "acres", "acre", "ounces", "ounce", "miles", "kilometres", "km", "feet", "square feet", "megawatts", "mw", "gigawatts", "kwh")
_APPROX = ("about", "almost", "nearly", "around", "approximately", "roughly", "some", "more than", "over", "less than", "under", "up to", "at least", "at most", "in excess of", "below", "above", "just over", "just under")

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FRACTION = r"(?:" + _NUM + r")?(?:[- ]\d{1,2}/\d{1,2})|\d{1,2}/\d{1,2}"
_WORDS_ALTERNATION = "|".join(sorted(_WORD_NUMBERS, key=len, reverse=True)) + "|one"
_NUMBER = rf"(?:{_FRACTION}|{_NUM}|{first_char_guard(_WORDS_ALTERNATION, re.IGNORECASE)}(?:{_WORDS_ALTERNATION}))"
_SCALE_RE = r"(?:\s?(?:thousand|mln|million|billion|bln|trillion|bn|mn|tn)\b|(?<=\d)(?:k|m|bn|b)\b)"
_SIGN = r"(?:US\$|C\$|A\$|HK\$|NZ\$|S\$|\$|€|£|¥|₹)"
_UNIT_WORDS = "|".join(
    sorted((re.escape(w) for w in (*_CURRENCY_WORDS, *_PERCENT_WORDS, *_SHARE_WORDS, *_OTHER_UNITS)), key=len, reverse=True)
)
_ONE = rf"(?:{first_char_guard(_SIGN, re.IGNORECASE)}{_SIGN})?\s?{_NUMBER}{_SCALE_RE}?"
_APPROX_GUARD = first_char_guard("|".join(_APPROX), re.IGNORECASE)
_UNIT_GUARD = first_char_guard(_UNIT_WORDS, re.IGNORECASE)
_AMOUNT_PATTERN = (
    rf"(?<![\w.,/$-])(?:{_APPROX_GUARD}(?P<approx>{'|'.join(_APPROX)})\s+)?(?P<between>between\s+)?"
    rf"(?P<low>{_ONE})(?:(?:\s?{_UNIT_GUARD}(?P<lowunit>{_UNIT_WORDS})(?![\w]))?(?P<sep>\s+(?:to|and)\s+|-|–)(?P<high>{_ONE}))?"
    rf"(?:\s?(?:(?:U\.S\.|Canadian|Australian|Hong Kong|New Zealand|Singapore)\s)?{_UNIT_GUARD}(?P<unit>{_UNIT_WORDS})(?![\w]))?"
)
"""The guards before the alternations of words (``first_char_guard``) spare the engine
trying each word where none can start: most places, as most words are no amount."""
_AMOUNT = re.compile(first_char_guard(_AMOUNT_PATTERN, re.IGNORECASE) + _AMOUNT_PATTERN, re.IGNORECASE)
_NOT_COUNTED = frozenset("of and or in on at to the a an that which who will would was were is are has have had for with by from as than into its their it they said says per more less about over under other times ways days weeks months years hours minutes parts sides including such".split())
_DURATIONS = frozenset("days weeks months years hours minutes".split())
_ANAPHORIC = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
"""Before a number word, a reference to things already named ("the two companies"), not a count."""
_TIME_AFTER = re.compile(r"\s?(?:gmt|est|edt|bst|utc|a\.m\.|p\.m\.|am|pm|hours|hrs)\b", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SIGN_RE = re.compile(_SIGN)
_WORD_NUMBER = re.compile(_WORDS_ALTERNATION, re.IGNORECASE)
_CLOCK_DIGITS = re.compile(r"\d{3,4}")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")

@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    value: float
    high: float | None
    unit: str
    scale: float
    approx: str | None


def extract_figures(document: Document, dates: Dates) -> tuple[Figure, ...]:
    """Figures of the body, in reading order, without repeats of the same amount; a date
    (``dates``, from the timeline) is not a figure."""
    figures: list[Figure] = []
    seen: set[tuple] = set()
    for passage in document.body:
        text = passage.text
        taken = [(d.start, d.end) for d in dates[passage.id]]
        amounts = sorted(_amounts_in(text, taken) + _counts_in(text, taken), key=lambda f: f.start)
        for found, measures in zip(amounts, measures_of(text, passage.sentences, [(f.start, f.end, f.unit) for f in amounts])):
            where = "" if found.unit == "count" else passage.id  # a count said again is the same count
            key = (where, found.value, found.high, found.unit, found.scale, measures.split(" ")[-1].lower() if measures else "")
            if key in seen:
                continue
            seen.add(key)
            figures.append(
                Figure(found.value, found.high, found.unit, found.scale, found.approx, measures, text[found.start : found.end], passage.id, found.start, found.end)
            )
    return tuple(sorted(figures, key=lambda f: (document.passages.index(document.passage(f.paragraph)), f.start)))


def _amounts_in(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    found = []
    for match in _AMOUNT.finditer(text):
        start = match.start("low") if not match.group("approx") else match.start()
        start = match.start() if match.group("between") and not match.group("approx") else start
        while text[start : start + 1].isspace():
            start += 1  # the optional space after a sign: " 70 pct" is "70 pct"
        end = match.end()
        if not _free((match.start("low"), end), taken) or _is_excluded(text, match):
            continue
        unit, sign = _unit(match)
        low = _parse(match.group("low"))
        high = _parse(match.group("high")) if match.group("high") else None
        if low is None or (match.group("high") and high is None):
            continue
        word_number = _WORD_NUMBER.fullmatch(_SIGN_RE.sub("", match.group("low")).strip())
        if unit is None:
            if word_number:
                continue  # "two" alone: a count, read below with its noun
            if high is not None and match.group("sep") in ("-", "–") and not sign:
                continue  # "1987-88", "5-4": not an amount without a unit
            quote = _is_market_quote(text, match)
            if not quote and not _SCALE_SEARCH.search(match.group(0)) and not _is_fraction(match.group("low")):
                continue  # a bare number: a count only with a noun (below), else not a key figure
            unit = "USD" if quote or _is_fraction(match.group("low")) else "bare"
        if high is not None and _is_move(text, match):
            # "rose 3/4 to 33-1/2": a change and a price, not a range
            found.append(_Found(start, match.end("low"), low, None, unit, _scale(match.group("low")) or 1.0, _approx(match)))
            low, high, start = high, None, match.start("high")
        scale = _scale(match.group("low")) or _scale(match.group("high") or "") or 1.0
        if match.group("unit") and match.group("unit").lower() in ("cents", "cent"):
            low, high = low / 100, (high / 100 if high is not None else None)
        found.append(_Found(start, end, low, high, unit, scale, _approx(match)))
        taken.append((start, end))
    return _bare_units(found)


_SCALE_SEARCH = re.compile(_SCALE_RE, re.IGNORECASE)
_MOVE_BEFORE = re.compile(r"\b(?:rose|fell|up|down|gained|lost|climbed|dropped|eased|added|jumped|slipped|increased|decreased|declined|rising|falling|off)\s+$", re.IGNORECASE)
_QUOTE_CONTEXT = re.compile(r"\b(?:shares?|stock|market|price|traded|trading|quoted|bid|offer|closed|opened)\b", re.IGNORECASE)


def _is_move(text: str, match: re.Match) -> bool:
    return match.group("sep") and match.group("sep").strip() == "to" and bool(_MOVE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]))


_AT_OR_FROM_BEFORE = re.compile(r"\b(?:at|from)\s+$")


def _is_market_quote(text: str, match: re.Match) -> bool:
    """"making a market in Allegis Corp at 67 to 68": a price quoted bare."""
    return bool(_AT_OR_FROM_BEFORE.search(text[max(0, match.start() - 6) : match.start()])) and bool(_QUOTE_CONTEXT.search(text))


def _bare_units(found: list[_Found]) -> list[_Found]:
    """A scaled amount without a unit ("4.3 billion") is in the currency of the paragraph's
    other amounts when they have one, else "other"."""
    priced = [f for f in found if f.unit not in ("bare", "other", "percent", "shares", "count")]
    counts = Counter(f.unit for f in priced)
    most = max(counts.values(), default=0)

    def unit_of(bare: _Found) -> str:
        # the currency most amounts have; between as many, that of the amount nearest
        # the bare one (never the order of a set: the same text gives the same unit)
        tied = [f for f in priced if counts[f.unit] == most]
        return min(tied, key=lambda f: (abs(f.start - bare.start), f.start)).unit if tied else "other"

    return [f if f.unit != "bare" else _Found(f.start, f.end, f.value, f.high, unit_of(f), f.scale, f.approx) for f in found]


_COUNTED_PATTERN = rf"(?<![\w$€£¥.,/-])(?P<num>{_NUM}|" + "|".join(_WORD_NUMBERS) + r")\s+(?P<noun>(?:[a-z][\w-]*\s?){1,3})"
_COUNTED = re.compile(first_char_guard(_COUNTED_PATTERN, re.IGNORECASE) + _COUNTED_PATTERN, re.IGNORECASE)


def _counts_in(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """Counted things: "two joint ventures", "1,200 workers", "five partner carmakers"."""
    found = []
    for match in _COUNTED.finditer(text):
        noun = _counted_noun(match.group("noun"))
        number = match.group("num")
        shares = any(w.lower() in _SHARE_WORDS for w in noun.split())
        if not noun or not (noun[:1].islower() or shares) or _YEAR.fullmatch(number) or not _free((match.start(), match.start("noun") + len(noun)), taken):
            continue  # counted things are common nouns: not "1600 GMT", not "1987 Acme"
        if noun.split()[0].lower() in {w.lower() for w in (*_CURRENCY_WORDS, *_PERCENT_WORDS, *_OTHER_UNITS)} or _is_reference(text, match.start()):
            continue
        if number.lower() in _WORD_NUMBERS and _ANAPHORIC.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        value = float(_WORD_NUMBERS.get(number.lower()) or _parse(number) or 0) or None
        if value is None or value == 1:
            continue
        end = match.start("noun") + len(noun)
        unit = "shares" if any(w.lower() in _SHARE_WORDS for w in noun.split()) else "count"
        found.append(_Found(match.start(), end, value, None, unit, 1.0, None))
        taken.append((match.start(), end))
    return found


_PLURAL_WORD = re.compile(r"[a-z][\w-]*[^s]s")


def _counted_noun(words: str) -> str:
    """The noun counted, up to its first plural: "joint ventures", "states" (not "states
    concentrated"); "" for a duration ("10 business days")."""
    kept = []
    for word in words.split():
        if word.lower() in _DURATIONS:
            return ""
        if word.lower() in _NOT_COUNTED or word.lower() in _SCALES:
            break
        kept.append(word)
        if _PLURAL_WORD.fullmatch(word):
            break
    return " ".join(kept)


def _unit(match: re.Match) -> tuple[str | None, bool]:
    """The unit: the currency sign of either end, or the unit word after the amount."""
    sign = _SIGN_RE.match(match.group("low").strip()) or (match.group("high") and _SIGN_RE.match(match.group("high").strip()))
    word = (match.group("unit") or match.group("lowunit") or "").lower()
    if sign:
        return _CURRENCY_SIGNS.get(sign.group(0).lower(), "USD"), True
    if word in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[word], False
    if word in _PERCENT_WORDS:
        return "percent", False
    if word in _SHARE_WORDS:
        return "shares", False
    if word:
        return "other", False
    return None, False


_FRACTION_PARTS = re.compile(r"(?:(?P<whole>[\d,]+)[- ])?(?P<num>\d{1,2})/(?P<den>\d{1,2})")


def _parse(written: str) -> float | None:
    """The number of "1,250", "33-3/8", "33 3/8", "3/4", "$4.5bn" (scale and sign left out)."""
    text = _SIGN_RE.sub("", written.strip()).strip()
    text = _SCALE_SEARCH.sub("", text).strip()
    if text.lower() in _WORD_NUMBERS or text.lower() == "one":
        return float(_WORD_NUMBERS.get(text.lower(), 1))
    fraction = _FRACTION_PARTS.fullmatch(text)
    if fraction:
        den = int(fraction.group("den"))
        if not den:
            return None
        whole = float(fraction.group("whole").replace(",", "")) if fraction.group("whole") else 0.0
        return whole + int(fraction.group("num")) / den
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _is_fraction(written: str) -> bool:
    return "/" in written


def _scale(written: str) -> float | None:
    match = _SCALE_SEARCH.search(written)
    return _SCALES.get(match.group(0).strip().lower()) if match else None


def _approx(match: re.Match) -> str | None:
    return match.group("approx").lower() if match.group("approx") else None


def _is_excluded(text: str, match: re.Match) -> bool:
    """Times of day, years without a unit, ordinals and references are not figures."""
    end = match.end()
    low = match.group("low").strip()
    if _TIME_AFTER.match(text, end) or _ORDINAL_AFTER.match(text, end):
        return True
    if _CLOCK_DIGITS.fullmatch(low) and _TIME_AFTER.match(text, match.end("low")):
        return True
    if _YEAR.fullmatch(low) and not (match.group("unit") or match.group("lowunit") or _SIGN_RE.match(low)):
        return True
    return _is_reference(text, match.start("low"))


_REFERENCE_WORDS = lexicon.REFERENCE_NOUNS | {"form", "flight", "route", "room", "gate", "no", "number"}


def _is_reference(text: str, start: int) -> bool:
    """"Chapter 11", "Section 8", "Form 10-K": a number that names, not counts."""
    before = _WORD_BEFORE.search(text[max(0, start - 20) : start])
    return bool(before) and before.group(1).lower() in _REFERENCE_WORDS


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(span[0] < e and s < span[1] for s, e in taken)
