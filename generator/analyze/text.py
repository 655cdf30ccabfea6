"""Sentence and clause spans of a paragraph, the units the analyzers work on, and the
slugs that name pages.

The span functions return character offsets into the text they are given, so that
every extracted item can point back at the exact words of the article.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence.
NON_TERMINAL_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen sen rep gov lt col sgt capt cmdr adm maj rev hon
    no vs etc approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec
    mt ft u.s u.k u.n e.u a.m p.m e.g i.e""".split()
)
# Abbreviations that may end a sentence, but usually sit inside one.
CORPORATE_ABBREVIATIONS = frozenset("inc co corp ltd llc plc bros".split())

_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")
_CLAUSE_BREAK = re.compile(r"(?=[\s,;:()—])\s*(?:(?<!\d),|,(?!\d)|[;:()]|\s[—–-]\s|—)\s*")
"""The lookahead names the characters a break can start with (see ``first_char_guard``)."""
_INITIALS = re.compile(r"[a-z](?:\.[a-z])*")
"""Initials before a period, lowercased: "j" (J.), "j.p" (J.P.), "u.s" (U.S.)."""
_WORD = re.compile(r"\w+(?:[-'’.&]\w+)*")
SENTENCE_STARTERS = frozenset(
    "the a an it he she they we i this that these those but and in on at as for".split()
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Split a paragraph into sentences; abbreviations and initials do not split (the
    analyzers read the split of each paragraph from its ``Document``)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if not _is_sentence_end(text, match.start(), end):
            continue
        spans.append(_trimmed(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return tuple(s for s in spans if s.end > s.start)


def _is_sentence_end(text: str, dot: int, end: int) -> bool:
    following = _NEXT_START.match(text, end)
    if following is None:
        return end >= len(text.rstrip())
    next_char = following.group(2)
    if not (next_char.isupper() or next_char.isdigit() or following.group(1)):
        return False
    if text[dot] != ".":
        return True
    token = _word_before(text, dot).lower()
    if _INITIALS.fullmatch(token):
        return _opens_sentence(text, following.start(2))
    if token in NON_TERMINAL_ABBREVIATIONS:
        return False
    if token in CORPORATE_ABBREVIATIONS:
        next_word = _WORD.match(text, following.start(2))
        return bool(next_word) and next_word.group(0).lower() in SENTENCE_STARTERS
    return True


def _word_before(text: str, end: int) -> str:
    r"""The letters, digits and periods right before ``end`` ("U.S" before "U.S."), as
    ``re.search(r"[\w.]+$", text[:end])`` finds them, without copying the text before."""
    if text[end - 1 : end] == "\n":
        end -= 1  # "$" also matches before a last newline
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._"):  # \w is alphanumeric or "_"
        start -= 1
    return text[start:end]


def _opens_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence after initials? "J.P. Acme", "B.B. King",
    "Franklin D. Roosevelt" and "J. A. Smith" go on; "... in the U.S. The company" ends."""
    next_word = _WORD.match(text, start)
    if not next_word or next_word.group(0).lower() not in SENTENCE_STARTERS:
        return False
    return not (len(next_word.group(0)) == 1 and text[next_word.end() : next_word.end() + 1] == ".")


def _trimmed(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def clause_spans(text: str, sentence: Span) -> tuple[Span, ...]:
    """Split a sentence at commas, semicolons, colons, dashes and brackets."""
    spans, start = [], sentence.start
    for match in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        spans.append(_trimmed(text, start, match.start()))
        start = match.end()
    spans.append(_trimmed(text, start, sentence.end))
    return tuple(s for s in spans if s.end > s.start)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def containing(spans: tuple[Span, ...], start: int, end: int) -> int:
    """Index of the span that contains [start, end), or the nearest before it."""
    for index, span in enumerate(spans):
        if span.start <= start < span.end or (start <= span.start < end):
            return index
    return max(0, len(spans) - 1)


_ABBREVIATION_AT_END = re.compile(r"\b\w\.$|\b(?:inc|co|corp|ltd)\.$", re.IGNORECASE)


def strip_sentence_end(text: str) -> str:
    """A clause as a phrase: without its closing period (quotes kept balanced)."""
    text = text.strip()
    if text.endswith(".") and not _ABBREVIATION_AT_END.search(text, max(0, len(text) - 5)):  # a match is at most 5 long
        text = text[:-1]
    return text


def prefix_alternation(words) -> str:
    """A regex that finds where any of ``words`` (lowercase letters) starts, factored by
    their shared beginnings ("ba(?:sed|se|...)"): the regex engine tries one branch per
    letter instead of every word at every position. A word that another starts with is
    left out: finding "base" is finding "based" too."""
    tree: dict = {}
    for word in sorted(set(words), key=len):
        node = tree
        for letter in word:
            if "" in node:
                break  # a shorter word already found here
            node = node.setdefault(letter, {})
        else:
            node.clear()
            node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""
        branches = [re.escape(letter) + emit(child) for letter, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


def first_char_guard(pattern: str, flags: int = 0) -> str:
    """A lookahead of the characters a match of ``pattern`` can start with ("(?=[adfjmnos])"
    before the month names), or "" where any can. Put after a leading lookbehind, it changes
    no match and saves the regex engine a full attempt at every other place: Python's
    engine skips ahead by the first character only where a pattern starts with one."""
    try:
        from re import _constants, _parser  # noqa: PLC0415 - CPython's own parser (3.11+); no guard without it
        found, nullable = _first_chars(_parser.parse(pattern, flags).data, _constants)
    except Exception:  # noqa: BLE001 - a pattern the walk does not know: no guard, same matches
        return ""
    if found is None or nullable:
        return ""
    return "(?=[" + "".join(c if c.startswith("\\") or (c.isascii() and c.isalnum()) else "\\U%08x" % ord(c) for c in sorted(found)) + "])"


def guarded(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` with the pattern's ``first_char_guard`` before it: for a pattern the
    engine cannot skip ahead in by itself, one opening with a word boundary, a lookbehind
    or an alternation of words (not one opening with a character or a class: the guard
    would hide it from the engine's own skip)."""
    return re.compile(first_char_guard(pattern, flags) + pattern, flags)


def _first_chars(items, c) -> tuple[set[str] | None, bool]:
    """(the first characters of a parsed sequence or None for any, can it match empty);
    zero-width items (lookarounds, anchors) are passed over, which only widens the set."""
    categories = {c.CATEGORY_DIGIT: "\\d", c.CATEGORY_SPACE: "\\s", c.CATEGORY_WORD: "\\w"}
    found: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            return found | {chr(av)}, False
        if op is c.IN:
            for kind, value in av:
                if kind is c.LITERAL:
                    found.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 256:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                elif kind is c.CATEGORY and value in categories:
                    found.add(categories[value])
                else:
                    return None, False
            return found, False
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            parts = [av[3].data]
        elif op is c.BRANCH:
            parts = [branch.data for branch in av[1]]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            parts = [av[2].data]
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue
        else:
            return None, False
        nullable = op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] == 0
        for part in parts:
            chars, empty = _first_chars(part, c)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        if not nullable:
            return found, False
    return found, True


# -- names for URLs and files ------------------------------------------------------------

SLUG_MAX = 60


def slugify(text: str) -> str:
    """ASCII, lowercase, hyphenated, at most 60 characters cut at a word; may be empty."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(slug) > SLUG_MAX:
        slug = slug[:SLUG_MAX].rsplit("-", 1)[0]
    return slug


def short_hash(text: str, length: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]
