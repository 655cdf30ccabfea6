"""Lift the generated HTML blocks out of a page before Python-Markdown sees it.

A generated page is Markdown for its headings and HTML for its heavy parts (tables,
citation links, lists): see ``links``. Python-Markdown copies an HTML block through as it
is, but to find where the block ends it runs it through its HTML parser, tag by tag: that
was most of the Markdown time of a briefing page. So, for MkDocs, each whole HTML block of
a generated page is swapped for a one-line placeholder comment before the conversion and
put back after it (``restore``), and Python-Markdown only walks the Markdown around them.
The page a reader gets is the same (``tests/test_lift.py`` converts every page both ways).

Only blocks that are certainly whole are lifted: the end of a paragraph (lines up to a
blank line) from a line that starts with a block-level tag to that tag's end,
with as many starts as ends of it inside and no ``markdown`` attribute. Anything else is
left to Python-Markdown. Article text never makes a placeholder: the templates escape
``<`` in every text, so no text holds ``<!--``.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"<(p|ul|ol|dl|table|div|figure|section|nav|details|blockquote|svg|pre)[\s>]")
_ID = re.compile(r'\sid="([^"]+)"')
_PLACEHOLDER = re.compile(r"<!--briefings-html:(\d+)-->")
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\s*=")


def lift(markdown: str) -> tuple[str, tuple[str, ...]]:
    """``markdown`` with every whole HTML block replaced by a placeholder, and the blocks."""
    blocks: list[str] = []
    out: list[str] = []
    paragraphs = re.split(r"(\n[ \t]*\n)", markdown)
    body = 0
    if markdown.startswith("---\n"):  # YAML front matter: MkDocs strips it; never lifted
        end = markdown.find("\n---\n", 4)
        body = end + 5 if end != -1 else len(markdown)
        out.append(markdown[:body])
        paragraphs = re.split(r"(\n[ \t]*\n)", markdown[body:])
    alone = False  # the last paragraph is a placeholder and nothing else
    for index, chunk in enumerate(paragraphs):
        if index % 2:  # the blank line between two paragraphs
            out.append(chunk)
            continue
        html = chunk.rstrip()
        # Python-Markdown starts an HTML block at any line that starts with a block-level
        # tag, so a block may follow a line of Markdown ("[All years](..)" + a table)
        start = 0 if _whole(html) else next((m.start() + 1 for m in re.finditer(r"\n(?=<)", html) if _whole(html[m.start() + 1 :])), None)
        if start is None:
            out.append(chunk)
            alone = False
            continue
        if alone and start == 0 and html == chunk:
            # a block right after a block: one placeholder for both, which Python-Markdown
            # would have put one blank line apart (fewer placeholders: less of its time)
            out.pop()
            blocks[-1] += "\n\n" + html
            continue
        out.append(f"{chunk[:start]}<!--briefings-html:{len(blocks)}-->{chunk[len(html):]}")
        blocks.append(html[start:])
        alone = start == 0 and html == chunk
    return "".join(out), tuple(blocks)


def _whole(chunk: str) -> bool:
    match = _BLOCK.match(chunk)
    if match is None or "<!--" in chunk or ("markdown" in chunk and _MARKDOWN_ATTRIBUTE.search(chunk)):
        return False
    tag = match.group(1)
    closing = f"</{tag}>"
    if not chunk.endswith(closing):
        return False
    return len(re.findall(rf"<{tag}[\s>]", chunk)) == chunk.count(closing)


def restore(html: str, blocks: tuple[str, ...]) -> str:
    """The HTML of a lifted page with its blocks put back."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


def anchor_ids(blocks: tuple[str, ...]) -> set[str]:
    """The ids in lifted blocks (the generator writes every attribute in double quotes):
    MkDocs finds the anchors of a page in its raw HTML, which it no longer sees."""
    return {anchor for block in blocks for anchor in _ID.findall(block)}


_EXCLUDED = re.compile(r"<([a-z]+)\s[^>]*\bdata-search-exclude\b[^>]*>.*?</\1>", re.S)
_INLINE = re.compile(r"</?(?:strong|em|span|table|thead|tbody|tr|td|th)(?:\s[^>]*)?>")
_ANCHOR = re.compile(r"<a\s(?![^>]*headerlink)[^>]*>(.*?)</a>", re.S)
_PERMALINK = re.compile(r'<a class="headerlink" [^>]*>[^<]*</a>')
"""A heading's permalink as Python-Markdown writes it: Material's search skips its text."""


def search_html(html: str) -> str:
    """``html`` without the tags a search indexer keeps nothing of but their text (links,
    emphasis, table cells), for Material's search parser, which walks a page tag by tag:
    it keeps the text and a few tags (p, li, code...), splits at headings, skips permalinks
    and elements marked ``data-search-exclude`` (both dropped whole here first); so the entries
    it makes are the same but for runs of spaces where cells were joined
    (``tests/test_lift.py``), for a fraction of the tags."""
    return _INLINE.sub("", _ANCHOR.sub(r"\1", _PERMALINK.sub("", _EXCLUDED.sub("", html))))
