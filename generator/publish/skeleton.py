"""A lifted page's skeleton converted as Python-Markdown converts it, without Python-Markdown.

Once its HTML blocks are lifted (``lift``), a generated page is a skeleton: headings
(``## Summary {#summary}``), the placeholders of the lifted blocks, the fixed wrappers of
two of them and a few sentences of the templates. Python-Markdown still took about 1.4 ms
to convert a briefing's skeleton (a block parser, two dozen inline patterns tried on each
heading, the table of contents): the largest part of what MkDocs spent on a generated page.

``convert`` gives the HTML, the table of contents, the title and the anchors that
Python-Markdown (with ``attr_list`` and ``toc``'s permalinks) and MkDocs give a skeleton
made of those parts only (with lists of one-line items, links and bold text), and None for
anything else: a character Markdown could read as markup, a table, a loose list, an
indented or a trailing space. Those pages are converted
by Python-Markdown as before. ``tests/test_skeleton.py`` holds the two to the same output
on every generated page and on random skeletons.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown.extensions.toc import nest_toc_tokens, slugify, unique
from markdown.serializers import _escape_attrib_html  # the serializer's own escaping of an attribute

_TEXT = r"(?:[^\W_]|[ .,:;'\"?()/%+$€£¥@–—·’‘“”…°-])+"
"""A run of text no inline pattern of Python-Markdown reads: letters, digits, spaces and
punctuation that is not markup (no backslash, no backquote, no ``* _ [ ] < > & ! { } # | ~ =``)."""
_HEADING = re.compile(rf"(#{{1,6}}) ({_TEXT})(?: \{{#([a-z0-9][a-z0-9_-]*)\}})?")
_PLACEHOLDER = re.compile(r"<!--briefings-html:\d+-->")
_WRAPPER = re.compile(r'<div(?: class="[a-z0-9 -]+")? data-search-exclude markdown="0">')
_PIECE = re.compile(rf"\[({_TEXT})\]\(((?:\.\./)*[A-Za-z0-9#][A-Za-z0-9/._#-]*)\)|({_TEXT})|\*\*([^\W_]{_TEXT}?(?<! ))\*\*")
"""A link (its text and its target: a relative path or an anchor), a run of text, or a
run of text in bold (``**Type:**``)."""
_ITEM = "- "
"""An item of a list, as the templates write one: a dash and a space at the line's start."""
_LIST_START = re.compile(r"\d+[.)] |[-+]")
"""A line of a paragraph starts with a letter, a digit, a link or bold text, but not as a
list item ("1. ", "- ")."""


@dataclass(frozen=True, slots=True)
class Converted:
    html: str
    toc: list[dict]
    """Python-Markdown's ``toc_tokens`` (nested), which MkDocs' ``get_toc`` reads."""
    title: str | None
    """The text of the page's first element when it is a level-1 heading (MkDocs' title)."""
    anchors: frozenset[str]
    """The ids of the page's elements (the lifted blocks' are not in the skeleton)."""


def permalink_html(permalink: bool | str) -> str | None:
    """The text of ``toc``'s permalink as Python-Markdown writes it, for its ``permalink``
    option: True or a plain string (None for anything this module does not write)."""
    if permalink is True:
        return "&para;"
    if isinstance(permalink, str) and permalink and not re.search(r"[&<>\x00-\x1f]", permalink):
        return permalink
    return None


def convert(skeleton: str, permalink: str, resolve: Callable[[str], str]) -> Converted | None:
    """The skeleton converted, or None when it holds anything but headings, placeholders,
    their wrappers and sentences of plain text and links. ``permalink``: the text of each
    heading's permalink (``permalink_html``). ``resolve``: a link's URL from its target, as
    MkDocs rewrites it (MkDocs' ``path_to_url``, which also notes links to anchors and warns
    of missing pages); it is called for each link, permalinks included, in the order of the
    page, and only once the whole skeleton is accepted."""
    blocks = _blocks(skeleton)
    if blocks is None:
        return None
    used = {m.group(3) for kind, m in blocks if kind == "h" and m.group(3)}
    counters: dict[str, int] = {}
    flat, parts = [], []
    for kind, item in blocks:
        if kind == "h":
            level, text, anchor = len(item.group(1)), item.group(2), item.group(3)
            anchor = anchor or unique(slugify(text, "-"), used, counters)
            flat.append({"level": level, "id": anchor, "name": text, "html": text, "data-toc-label": ""})
            href = _escape_attrib_html(resolve("#" + anchor))
            parts.append(f'<h{level} id="{anchor}">{text}<a class="headerlink" href="{href}" title="Permanent link">{permalink}</a></h{level}>\n')
        elif kind == "p":
            parts.append(f"<p>{_inline(item, resolve)}</p>\n")
        elif kind == "ul":
            parts.append("<ul>\n" + "".join(f"<li>{_inline(pieces, resolve)}</li>\n" for pieces in item) + "</ul>\n")
        else:
            parts.append(item + "\n\n")
    first = blocks[0] if blocks else None
    title = first[1].group(2) if first is not None and first[0] == "h" and len(first[1].group(1)) == 1 else None
    anchors = frozenset(token["id"] for token in flat)
    return Converted(html="".join(parts).strip(), toc=nest_toc_tokens(flat), title=title, anchors=anchors)  # nesting empties flat


def _inline(pieces: list[tuple[str, str]], resolve: Callable[[str], str]) -> str:
    """A paragraph's or an item's pieces as HTML: (text, ""), (a link's text, its target),
    (bold text, None)."""
    return "".join(
        text if target == "" else f"<strong>{text}</strong>" if target is None else f'<a href="{_escape_attrib_html(resolve(target))}">{text}</a>'
        for text, target in pieces
    )


def _blocks(skeleton: str) -> list[tuple[str, object]] | None:
    """The skeleton's blocks: ("h", heading match), ("p", its pieces: see ``_paragraph``),
    ("ul", each item's pieces), ("raw", HTML); None when a line is anything else."""
    lines = skeleton.split("\n")
    blocks: list[tuple[str, object]] = []
    n = 0
    while n < len(lines):
        if not lines[n]:
            n += 1
            continue
        end = n
        while end < len(lines) and lines[end]:
            end += 1
        line = lines[n]
        if end - n == 1 and _PLACEHOLDER.fullmatch(line):
            blocks.append(("raw", line))
        elif end - n == 1 and _WRAPPER.fullmatch(line):
            inner = lines[n + 1 : n + 6]
            if len(inner) < 4 or inner[0] or not _PLACEHOLDER.fullmatch(inner[1]) or inner[2] or inner[3] != "</div>" or inner[4:5] not in ([], [""]):
                return None
            blocks.append(("raw", "\n".join(lines[n : n + 5])))
            end = n + 5
        elif not _text_blocks(lines[n:end], blocks):
            return None
        n = end
    return blocks


def _text_blocks(lines: list[str], blocks: list) -> bool:
    """The headings and paragraphs of lines between blank lines added to ``blocks``: a
    heading line splits a paragraph, as in Python-Markdown, and so does a placeholder on the
    last line (``lift`` leaves one after a line of Markdown). False for any other line."""
    if lines[0].startswith(_ITEM):
        return _list(lines, blocks)
    raw = lines[-1] if len(lines) > 1 and _PLACEHOLDER.fullmatch(lines[-1]) else None
    if raw is not None:
        lines = lines[:-1]
    start = 0
    for number, line in enumerate(lines + ["#"]):
        if not line.startswith("#"):
            continue
        if number > start:
            pieces = _paragraph(lines[start:number])
            if pieces is None:
                return False
            blocks.append(("p", pieces))
        if number < len(lines):
            heading = _HEADING.fullmatch(line)
            if heading is None or not _spaced(heading.group(2)) or (not heading.group(3) and not slugify(heading.group(2), "-")):
                return False
            blocks.append(("h", heading))
        start = number + 1
    if raw is not None:
        blocks.append(("raw", raw))
    return True


def _list(lines: list[str], blocks: list) -> bool:
    """A list of one-line items added to ``blocks``; False for anything else: a line that
    is no item (Python-Markdown would add it to the item before), or a list right after
    another, a blank line apart (Python-Markdown would make one loose list of them, each
    item a paragraph)."""
    if blocks and blocks[-1][0] == "ul":
        return False
    items = []
    for line in lines:
        if not line.startswith(_ITEM):
            return False
        pieces = _paragraph([line[len(_ITEM) :]])
        if pieces is None:
            return False
        items.append(pieces)
    blocks.append(("ul", items))
    return True


def _paragraph(lines: list[str]) -> list[tuple[str, str | None]] | None:
    """A paragraph's pieces, (text, ""), (a link's text, its target) or (bold text, None),
    with the newlines between its lines as text; None unless every line is plain text,
    links and bold text."""
    pieces: list[tuple[str, str]] = []
    for number, line in enumerate(lines):
        if not _spaced(line) or _LIST_START.match(line) or not (line[0] in "[*" or line[0].isalnum()):
            return None
        if number:
            pieces.append(("\n", ""))
        at = 0
        while at < len(line):
            piece = _PIECE.match(line, at)
            if piece is None:
                return None
            if piece.group(2):
                pieces.append((piece.group(1), piece.group(2)))
            elif piece.group(4):
                pieces.append((piece.group(4), None))
            else:
                pieces.append((piece.group(3), ""))
            at = piece.end()
    return pieces


def _spaced(text: str) -> bool:
    """Single spaces only, none at either end (two at a line's end are a line break)."""
    return "  " not in text and text == text.strip(" ")
