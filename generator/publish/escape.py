"""The escaping policy: article text is data, and each output context has one function.

* ``markdown_text``: text placed in Markdown (paragraphs, list items, table cells,
  headings) or in HTML text/attribute values inside Markdown. Every character that
  Markdown, HTML, Jinja-style macro plugins, attribute lists or snippet includes give a
  meaning to is written as a numeric character reference, so the text renders as
  itself and can never open an element, a link, a list, a table cell or an include.
* ``url``: only ``http``/``https`` URLs pass, percent-encoded and HTML-escaped; anything
  else (``javascript:``, ``data:``) becomes ``None`` and is not linked.
* ``json_text``: JSON for ``<script type="application/ld+json">`` and code blocks, with
  ``<``, ``>``, ``&`` escaped so it cannot close the script element.
* ``yaml_string``: a double-quoted YAML scalar (JSON syntax) for front matter. Page
  titles and descriptions in front matter are ``markdown_text`` first: MkDocs themes
  print ``page.title`` and ``page.meta.description`` into HTML without escaping.
"""

from __future__ import annotations

import functools
import json
import re
from urllib.parse import quote, urlsplit

# Characters with a meaning somewhere in Markdown, its common extensions, HTML or macro
# plugins; and those that start a block when they open a line.
_SPECIAL = set("&<>\"'\\`*_{}[]|~^=!#$:")
_LINE_START = set("-+.>0123456789()")
_WS = re.compile(r"\s+")


def markdown_text(text: object) -> str:
    """Literal text, safe in Markdown inline and block context and in HTML attributes."""
    return _markdown_text(str(text))


@functools.lru_cache(maxsize=1 << 16)
def _markdown_text(text: str) -> str:
    # cached: a title, a role or a clause is printed on many pages (briefing, actors, timeline)
    return _references(_WS.sub(" ", text).strip())


# Explicit bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069):
# they could reorder the text around them on the page, so they are dropped.
_BIDI_CONTROLS = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_TABLE = {ord(c): f"&#{ord(c)};" for c in _SPECIAL} | dict.fromkeys(_BIDI_CONTROLS) | dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _references(text: str) -> str:
    escaped = text.translate(_TABLE)
    if escaped[:1] in _LINE_START:
        escaped = f"&#{ord(escaped[0])};" + escaped[1:]
    return escaped


def url(value: object) -> str | None:
    """An http(s) URL made safe for an ``href`` attribute, or None."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    safe = quote(text, safe=":/?#[]@!$'()*+,;=%~-._")
    return safe.replace("&", "&amp;").replace("'", "%27").replace('"', "%22")


def json_text(value: object, indent: int | None = 2) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


_YAML_UNSAFE = re.compile("[\\\\\"\x00-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def yaml_string(value: object) -> str:
    """A YAML double-quoted scalar: printable characters as they are, others as ``\\U`` escapes
    (a JSON surrogate pair would come back from YAML as two broken characters)."""
    return '"' + _YAML_UNSAFE.sub(_yaml_escape, str(value)) + '"'


def _yaml_escape(match: re.Match) -> str:
    char = match.group(0)
    return "\\" + char if char in '"\\' else f"\\U{ord(char):08x}"


def html_block_text(text: object) -> str:
    """Text inside a raw HTML element such as ``<pre>``: line breaks kept, all else literal."""
    return "\n".join(_references(line.rstrip()) for line in str(text).split("\n"))


_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
_SCALE_WORDS = {1e3: " thousand", 1e6: " million", 1e9: " billion", 1e12: " trillion"}


GIST_WORDS = 10


def gist(text: object, count: int = GIST_WORDS) -> str:
    """The first ``count`` words of a clause of the article, "…" where it is cut: a table
    cell that points to its paragraph need not repeat all of it. Plain text, for ``md`` after."""
    tokens = str(text).split()
    return str(text) if len(tokens) <= count else " ".join(tokens[:count]).rstrip(",;:") + " …"


def figure_text(figure) -> str:
    """A figure as a reader writes it: "about $38-42 million", "11.1%", "437,425 shares",
    "2" (a count: what is counted is in its measures). Plain text, for ``md`` after."""
    number = _number(figure.value) + (f"-{_number(figure.high)}" if figure.high is not None else "")
    scale = _SCALE_WORDS.get(figure.scale, "")
    unit = figure.unit
    if unit in _CURRENCY_SIGNS:
        shown = f"{_CURRENCY_SIGNS[unit]}{number}{scale}"
    elif unit == "percent":
        shown = f"{number}%"
    elif unit == "shares":
        shown = f"{number}{scale} shares"
    elif unit == "count":
        shown = figure.text.split()[0]  # "two", "1,200": as written; what is counted is beside it
    elif unit == "other":
        shown = figure.text
    else:
        shown = f"{number}{scale} {unit}"
    return f"{figure.approx} {shown}" if figure.approx else shown


def _number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}


def date_text(event) -> str:
    """A timeline date as a reader writes it: "20 Nov 2025", "November 2025", "Q3 2024",
    "late 2023", "summer 2024", "the 1990s" (the ISO value stays in the data). Plain text."""
    value, precision = event.date, event.precision
    year = value[:4]
    rest = value[5:]
    if precision == "day" and len(value) == 10:
        return f"{int(value[8:])} {_MONTH_NAMES[int(value[5:7]) - 1][:3]} {year}"
    if precision == "month" and len(value) == 7:
        return f"{_MONTH_NAMES[int(rest) - 1]} {year}"
    if precision == "quarter":
        return f"{rest} {year}"
    if precision == "half":
        return f"{'first' if rest == 'H1' else 'second'} half of {year}"
    if precision in ("early-year", "late-year"):
        return f"{precision.split('-')[0]} {year}"
    if precision == "mid-year":
        return f"mid-{year}"
    if precision == "week":
        return f"week {int(rest[1:])} of {year}"
    if precision == "season":
        return f"{_SEASON_NAMES.get(rest, rest)} {year}"
    if precision == "decade":
        return f"the {value}0s"
    return value
