"""Extractive summary: whole sentences of the article, each with its paragraph."""

from __future__ import annotations

import re

from .model import Actor, Article, SummaryPoint
from .text import sentence_spans, words

_ANAPHORIC = re.compile(
    r"^(?:this|these|that|those|it|its|they|their|he|she|his|her|such|the (?:move|company|firm|deal|decision|plan|group|two|latter|former))\b",
    re.IGNORECASE,
)
_CONTENT_STOP = frozenset("the a an of and or in on at to for with by from as is are was were has have had its it this that be been will".split())
DEFAULT_POINTS = 4


def summarize(article: Article, actors: tuple[Actor, ...], count: int | None = None) -> tuple[SummaryPoint, ...]:
    """The ``count`` best sentences (3 to 5 by default), in article order."""
    candidates = _sentences(article)
    if count is None:
        count = max(3, min(5, DEFAULT_POINTS if len(candidates) >= 8 else 3))
    mentions = _mention_index(actors)
    title_words = _content(article.title)
    scored = []
    for index, (pid, text, start) in enumerate(candidates):
        scored.append((_score(index, pid, text, start, mentions, title_words), index))
    chosen: list[int] = []
    for _, index in sorted(scored, key=lambda s: (-s[0], s[1])):
        if len(chosen) == count:
            break
        if any(_similar(candidates[index][1], candidates[c][1]) for c in chosen):
            continue
        chosen.append(index)
    return tuple(SummaryPoint(candidates[i][1], candidates[i][0]) for i in sorted(chosen))


def _sentences(article: Article) -> list[tuple[str, str, int]]:
    result = []
    for paragraph in article.body:
        for span in sentence_spans(paragraph.text):
            result.append((paragraph.id, paragraph.text[span.start : span.end], span.start))
    return result


def _mention_index(actors: tuple[Actor, ...]) -> dict[str, list[tuple[int, int, str]]]:
    index: dict[str, list[tuple[int, int, str]]] = {}
    for actor in actors:
        for m in actor.mentions:
            index.setdefault(m.paragraph, []).append((m.start, m.end, actor.name))
    return index


def _score(index: int, pid: str, text: str, start: int, mentions, title_words: set[str]) -> float:
    n_words = len(words(text))
    names = {name for s, e, name in mentions.get(pid, ()) if start <= s < start + len(text)}
    score = 1.0 / (1.0 + 0.15 * index)
    score += 0.6 * min(1.0, len(names) / 3)
    if title_words:
        score += 0.5 * len(_content(text) & title_words) / len(title_words)
    if _ANAPHORIC.match(text):
        score -= 1.0
    if n_words < 8 or n_words > 60:
        score -= 0.5
    if text.rstrip()[-1:] == "?":
        score -= 0.5
    return score


def _content(text: str) -> set[str]:
    return {w.lower()[:6] for w in words(text) if w.lower() not in _CONTENT_STOP}


def _similar(a: str, b: str) -> bool:
    wa, wb = _content(a), _content(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6
