"""Strategy sections: the article's own headings, each with the paragraphs it introduces;
for an article without headings, its body grouped into sections where the vocabulary
changes, each headed by the opening words of its first paragraph.

Grouping follows the idea of TextTiling (Hearst, 1997): adjacent paragraphs that share
content words belong together; the body is cut at the gaps where the words of the
paragraphs before and after have least in common. It is deterministic and needs no data.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from . import lexicon
from ..model import Article, Section
from .document import Document, Passage

MIN_BODY = 6
"""An article with fewer body paragraphs (and no headings) is not divided."""
PER_SECTION = 4
"""About how many paragraphs a grouped section holds."""
MAX_SECTIONS = 6
MIN_SECTION = 2
HEADING_WORDS = 8
_WORD = re.compile(r"[^\W\d_]{3,}")
_QUOTES = "\"'“‘«„"


def build_sections(document: Document) -> tuple[Section, ...]:
    article = document.article
    own = _headed_sections(article)
    if own or any(p.kind == "heading" for p in article.paragraphs):
        return own
    return _grouped_sections(document.body)


def _headed_sections(article: Article) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading, heading_id, body = None, None, []
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            if heading is not None and body:
                sections.append(Section(heading, heading_id, tuple(body)))
            heading, heading_id, body = paragraph.text, paragraph.id, []
        elif paragraph.kind == "body" and heading is not None:
            body.append(paragraph.id)
    if heading is not None and body:
        sections.append(Section(heading, heading_id, tuple(body)))
    return tuple(sections)


def _grouped_sections(body: tuple[Passage, ...]) -> tuple[Section, ...]:
    """Sections of a body without headings, about PER_SECTION paragraphs each, cut at the
    weakest gap near each even split; headed by the opening words of one of their paragraphs."""
    if len(body) < MIN_BODY:
        return ()
    bags = [Counter(w for w in _WORD.findall(p.text.lower()) if not lexicon.is_function_word(w)) for p in body]

    def similarity(i: int) -> float:  # words of the two paragraphs before gap i and the two after
        return _cosine(sum(bags[max(0, i - 2) : i], Counter()), sum(bags[i : i + 2], Counter()))

    count = min(MAX_SECTIONS, max(2, round(len(body) / PER_SECTION)))
    cuts: list[int] = []
    for j in range(1, count):
        nominal = round(j * len(body) / count)  # evenly spaced, then moved to the weakest gap nearby
        lowest = (cuts[-1] if cuts else 0) + MIN_SECTION
        highest = len(body) - MIN_SECTION * (count - j)
        window = range(max(lowest, nominal - 2), min(highest, nominal + 2) + 1)
        if window:
            cuts.append(min(window, key=lambda i: (similarity(i), abs(i - nominal), i)))
    bounds = [0, *cuts, len(body)]
    return tuple(
        Section(*_heading_from(body[start:end]), tuple(p.id for p in body[start:end]), grouped=True)
        for start, end in zip(bounds, bounds[1:])
    )


def _cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[w] * b[w] for w in a.keys() & b.keys())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _heading_from(paragraphs: tuple[Passage, ...]) -> tuple[str, str]:
    """(heading, paragraph id): the first sentence of the section's first paragraph that is
    not a quotation or a fragment, cut to HEADING_WORDS words (with "…")."""
    candidates = []
    for paragraph in paragraphs:
        text = paragraph.text
        for span in paragraph.sentences[:1]:
            sentence = text[span.start : span.end].strip()
            words = sentence.rstrip(".!?").split()
            candidates.append((sentence[:1] in _QUOTES or len(words) < 4, words, paragraph.id))
    if not candidates:
        return paragraphs[0].text, paragraphs[0].id
    _, words, pid = min(candidates, key=lambda c: c[0])  # the first that is neither a quote nor a fragment
    return " ".join(words[:HEADING_WORDS]) + ("…" if len(words) > HEADING_WORDS else ""), pid
