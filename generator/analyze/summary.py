"""Extractive summary: whole sentences of the article, each with its paragraph."""

from __future__ import annotations

import re

from ..model import Actor, SummaryPoint
from .document import Document
from .text import words

_ANAPHORIC = re.compile(
    r"^(?:this|these|those|it|they|he|she|such|the (?:move|company|firm|deal|decision|plan|latter|former))\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(?:scroll down|click here|watch the video|follow (?:us|@)|read more|pictured|by \.|updated:|published:)|\b(?:daily mail reporter|for mailonline)\b",
    re.IGNORECASE,
)
_CONTENT_STOP = frozenset("the a an of and or in on at to for with by from as is are was were has have had its it this that be been will".split())


def summarize(document: Document, actors: tuple[Actor, ...], count: int | None = None) -> tuple[SummaryPoint, ...]:
    """The ``count`` best sentences (3 to 5 by default), in article order.

    The first three are the lead of the article (news puts the gist first), skipping
    boilerplate, fragments and sentences that lean on a referent not chosen; further
    points are those that bring in the most salient actors not yet covered.
    """
    candidates = _sentences(document)
    contents = [_content(text) for _, text, _ in candidates]
    if count is None:
        count = 3 if len(candidates) < 8 else 4 if len(candidates) < 12 else 5
    ranked = sorted(range(len(candidates)), key=lambda i: (-_lead_score(i, candidates[i][1]), i))
    chosen: list[int] = []
    while len(chosen) < min(count, LEAD_POINTS):
        pick = next((i for i in ranked if i not in chosen and _is_allowed(i, candidates, contents, chosen)), None)
        if pick is None:
            break
        chosen.append(pick)
    covers = _actors_by_sentence(candidates, actors)
    while len(chosen) < count:
        covered = set().union(*(covers[c] for c in chosen)) if chosen else set()
        gains = [
            (sum(s for name, s in covers[i] - covered), -i)
            for i in range(len(candidates))
            if i not in chosen and _is_allowed(i, candidates, contents, chosen)
        ]
        if not gains or max(gains)[0] <= 0:
            break
        chosen.append(-max(gains)[1])
    return tuple(SummaryPoint(candidates[i][1], candidates[i][0]) for i in sorted(chosen))


LEAD_POINTS = 3
"""Points chosen by position; the summary scored against Lead-3 is exactly these."""


def _lead_score(index: int, text: str) -> float:
    n_words = len(words(text))
    score = 1.0 / (1.0 + index)
    if _BOILERPLATE.search(text):
        score -= 2.0
    if n_words < 5 or n_words > 60:
        score -= 0.5
    if text.rstrip()[-1:] == "?":
        score -= 0.5
    return score


def _actors_by_sentence(candidates, actors: tuple[Actor, ...]) -> list[set[tuple[str, float]]]:
    """For each candidate sentence, the (actor, salience) pairs it mentions."""
    result: list[set[tuple[str, float]]] = [set() for _ in candidates]
    for actor in actors:
        for m in actor.mentions:
            for i, (pid, text, start) in enumerate(candidates):
                if pid == m.paragraph and start <= m.start < start + len(text):
                    result[i].add((actor.name, actor.salience))
    return result


def _is_allowed(index: int, candidates, contents: list[frozenset[str]], chosen: list[int]) -> bool:
    """No near-duplicates; a sentence that leans on the one before ("This move ...",
    "He added ...") only right after it, so that every point reads on its own."""
    text = candidates[index][1]
    if any(_similar(contents[index], contents[c]) for c in chosen):
        return False
    return not _ANAPHORIC.match(text) or (index - 1 in chosen and candidates[index - 1][0] == candidates[index][0])


def _sentences(document: Document) -> list[tuple[str, str, int]]:
    result = []
    for passage in document.body:
        for span in passage.sentences:
            text, offset = trim(passage.text[span.start : span.end])
            if text:
                result.append((passage.id, text, span.start + offset))
    return result


_LEADING_NOISE = re.compile(r"^(?:scroll down for (?:video|more)|click here[^.]*?(?=[A-Z])|watch the video)\W*\s*", re.IGNORECASE)
def trim(sentence: str) -> tuple[str, int]:
    """Without a leading "Scroll down for video". The attribution stays: "..., analysts
    said" is what makes a claim an opinion, and a summary point that drops it states what
    the article does not.

    Returns the trimmed text (a contiguous part of the sentence) and its offset in it.
    """
    offset = 0
    noise = _LEADING_NOISE.match(sentence)
    if noise and noise.end() < len(sentence):
        offset = noise.end()
    return sentence[offset:], offset


def _content(text: str) -> frozenset[str]:
    return frozenset(w.lower()[:6] for w in words(text) if w.lower() not in _CONTENT_STOP)


def _similar(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Do two sentences (their content words) say nearly the same?"""
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6
