"""Key figures: amounts, percentages and counted things, as written in the article."""

from __future__ import annotations

import re

from ..model import Figure
from .document import Dates, Document

_NUMBER_WORDS = "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred hundreds thousands millions billions dozen dozens".split()
_SCALE = r"(?:\s(?:million|billion|trillion|thousand|hundred)|\s?(?:bn|m|k)\b)?"
_AMOUNT = r"\d[\d,]*(?:\.\d+)?"
_MONEY = re.compile(
    r"(?<![\w.])(?:(?:US|HK|A|C|NZ|S)?[$€£¥₹]\s?" + _AMOUNT + _SCALE
    + r"|" + _AMOUNT + _SCALE + r"\s(?:yuan|renminbi|dollars|euros|pounds|yen|won|rupees|francs))(?!\w)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"(?<![\w.])" + _AMOUNT + r"\s?(?:%|percent\b|per cent\b|percentage points?\b)", re.IGNORECASE)
_COUNT = re.compile(
    r"(?<![\w$€£¥.,])(?P<value>" + _AMOUNT + _SCALE + r"|(?:" + "|".join(_NUMBER_WORDS) + r"))\s+(?P<noun>(?:[a-z][\w-]*\s?){1,4})",
    re.IGNORECASE,
)
_STOP = frozenset(
    "of and or in on at to the a an that which who will would was were is are has have had for with by from as than into its their it they said says per more less about over under".split()
)


def extract_figures(document: Document, dates: Dates) -> tuple[Figure, ...]:
    """Figures of the body, in reading order, without repeats of the same count; a date
    (``dates``, from the timeline) is not a figure."""
    figures: list[Figure] = []
    seen: set[tuple[str, str]] = set()
    for passage in document.body:
        taken = [(d.start, d.end) for d in dates[passage.id]]
        for figure in _figures_in(passage.text, passage.id, taken):
            key = (figure.value.lower(), figure.of.split()[-1].lower() if figure.of else "")
            if key in seen:
                continue
            seen.add(key)
            figures.append(figure)
    return tuple(figures)


def _figures_in(text: str, pid: str, taken: list[tuple[int, int]]) -> list[Figure]:
    found = []
    for pattern in (_MONEY, _PERCENT):
        for match in pattern.finditer(text):
            if _free(match.span(), taken):
                taken.append(match.span())
                found.append(Figure(match.group(0), _what(text, match.end()), _phrase(text, match.start(), match.end()), pid, *match.span()))
    for match in _COUNT.finditer(text):
        noun = _noun_phrase(match.group("noun"))
        value = match.group("value")
        if not noun or value.lower() == "one" or re.fullmatch(r"1[89]\d\d|20\d\d", value):
            continue
        end = match.start("noun") + len(noun)
        if _free((match.start(), end), taken):
            taken.append((match.start(), end))
            found.append(Figure(value, noun, text[match.start() : end], pid, match.start(), end))
    return sorted(found, key=lambda f: f.start)


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(span[0] < e and s < span[1] for s, e in taken)


def _noun_phrase(words: str) -> str:
    kept = []
    for word in words.split():
        if word.lower() in _STOP:
            break
        kept.append(word)
    return " ".join(kept)


def _what(text: str, end: int) -> str:
    """For an amount: the words after it up to the clause end (e.g. "in revenue")."""
    tail = re.match(r"[^,.;:]{0,60}", text[end:]).group(0).strip()
    return " ".join(tail.split()[:6])


def _phrase(text: str, start: int, end: int) -> str:
    return text[start:end]
