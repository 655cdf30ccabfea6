"""Extractive summary: whole sentences of the article, each with its paragraph.

A sentence's score is its centrality times a position prior. Centrality is the cosine
similarity of its words to the words of the rest of the article, each word weighted by how
specific it is in English (wordfreq): a sentence that states what the whole article goes on
about scores high; a teaser ("As attempts to break a record go, it was impressive."), an aside
or a quip shares little with the rest. The prior, 1 / (1 + position), is the newsroom's
inverted pyramid: of two equally central sentences the earlier one wins. Points are taken
best first, never a fragment, a near-duplicate of a point already taken or a sentence that
leans on a referent not taken, and shown in article order; points past the third bring in
the salient actors the first three leave out. A sentence is always whole, so
its attribution (", analysts said") stays with the claim it qualifies.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from ..model import Actor, SummaryPoint
from . import lexicon
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
_OPEN_END = re.compile(r"[,;:\-–—]$|\b(?:and|or|but|the|a|of)$", re.IGNORECASE)
"""A sentence ending like this goes on elsewhere: it is a fragment."""
_COORDINATORS = frozenset("and but or so yet".split())
"""A clause after one of these may be cut off without leaving the one before it unfinished."""

WEIGHTS = {
    "common_zipf": 7.0,  # a word's weight is common_zipf minus its Zipf frequency ("the" 7.7, "kite" 4.1, an unknown name 0)
    "min_weight": 0.5,  # ... but at least this: a common word still says something
    "min_words": 5,  # fewer words than this is a fragment ("No wonder.", "Skilful:")
}
"""The few tuned numbers of the summary (measured on the CNN/DailyMail dev split)."""


def summarize(document: Document, actors: tuple[Actor, ...], count: int | None = None) -> tuple[SummaryPoint, ...]:
    """The ``count`` best points, in article order; by default 3 for a short article, up
    to 5 for a long one (``point_count``). The first three are the best sentences by score;
    further points are those that bring in the most salient actors not yet covered.
    """
    candidates = _sentences(document)
    texts = [text for _, text, _ in candidates]
    tokens = [words(text) for text in texts]
    if count is None:
        count = point_count(len(candidates), sum(map(len, tokens)))
    vectors = _vectors(tokens)
    scores = _scores(vectors)
    contents = [frozenset(vector) for vector in vectors]
    eligible = [
        not _BOILERPLATE.search(text) and not is_fragment(text, texts[i + 1] if i + 1 < len(texts) else "", tokens[i])
        for i, text in enumerate(texts)
    ]

    def allowed(i: int) -> bool:
        return eligible[i] and i not in chosen and _is_allowed(i, candidates, contents, chosen)

    chosen: list[int] = []
    ranked = sorted(range(len(texts)), key=lambda i: (-scores[i], i))
    while len(chosen) < min(count, SCORED_POINTS):
        best = next((i for i in ranked if allowed(i)), None)
        if best is None:
            break
        chosen.append(best)
    if len(chosen) < count:
        covers = _actors_by_sentence(candidates, actors)
    while len(chosen) < count:
        covered = set().union(*(covers[c] for c in chosen)) if chosen else set()
        # fsum: a sum over a set, whose order follows the hash seed, rounds the same every run
        gains = [(math.fsum(s for _, s in covers[i] - covered), -i) for i in range(len(texts)) if covers[i] - covered and allowed(i)]
        if not gains or max(gains)[0] <= 0:
            break
        chosen.append(-max(gains)[1])
    return tuple(SummaryPoint(candidates[i][1], candidates[i][0]) for i in sorted(chosen))


SCORED_POINTS = 3
"""Points chosen by score; the summary scored against Lead-3 is exactly these."""


def _actors_by_sentence(candidates, actors: tuple[Actor, ...]) -> list[set[tuple[str, float]]]:
    """For each candidate sentence, the (actor, salience) pairs it mentions."""
    by_paragraph: dict[str, list[int]] = {}
    for i, (pid, _, _) in enumerate(candidates):
        by_paragraph.setdefault(pid, []).append(i)
    result: list[set[tuple[str, float]]] = [set() for _ in candidates]
    for actor in actors:
        for m in actor.mentions:
            for i in by_paragraph.get(m.paragraph, ()):
                _, text, start = candidates[i]
                if start <= m.start < start + len(text):
                    result[i].add((actor.name, actor.salience))
    return result


def point_count(n_sentences: int, n_words: int = 10**9) -> int:
    """Three points for a short article (under 8 sentences or 450 words), four under 12
    sentences or 900 words, five beyond: a briefing stays shorter than its article."""
    if n_sentences < 8 or n_words < 450:
        return 3
    return 4 if n_sentences < 12 or n_words < 900 else 5


def _scores(vectors: list[dict[str, float]]) -> list[float]:
    """Centrality (cosine to the rest of the article) times the position prior."""
    norms = [math.sqrt(sum(v * v for v in vector.values())) or 1.0 for vector in vectors]
    centroid: dict[str, float] = {}
    for vector, norm in zip(vectors, norms):
        for key, value in vector.items():
            centroid[key] = centroid.get(key, 0.0) + value / norm
    scores = []
    for index, (vector, norm) in enumerate(zip(vectors, norms)):
        rest = sum(value * (centroid[key] - value / norm) for key, value in vector.items()) / norm
        scores.append(rest / (1.0 + index))
    return scores


def _vectors(tokens: list[list[str]]) -> list[dict[str, float]]:
    """Each sentence's content words by their stem (six letters), (1 + log tf) times the
    specificity of the stem's first word in the sentence."""
    specificity: dict[str, float] = {}  # word -> its weight, once per article
    vectors = []
    for found in tokens:
        counts: dict[str, int] = {}
        weights: dict[str, float] = {}
        for word in found:
            lower = word.lower()
            if lower in _CONTENT_STOP:
                continue
            key = lower[:6]
            counts[key] = counts.get(key, 0) + 1
            if key not in weights:
                weight = specificity.get(lower)
                if weight is None:
                    weight = specificity[lower] = _specificity(lower)
                weights[key] = weight
        vectors.append({key: (1.0 + math.log(n)) * weights[key] for key, n in counts.items()})
    return vectors


def _specificity(word: str) -> float:
    """How much a (lowercase) word says: the less frequent in English, the more (``lexicon.zipf`` is memoized)."""
    return max(WEIGHTS["min_weight"], WEIGHTS["common_zipf"] - lexicon.zipf(word))


def is_fragment(text: str, following: str = "", found: list[str] | None = None) -> bool:
    """A sentence that cannot stand as a point: too short, opening in the middle of one
    ("but then it was ...", ", kite flying dates ..."), or going on elsewhere (ending on a
    comma or a colon, or without its full stop when the ``following`` text, the next
    paragraph, goes on in lowercase, but not with a new clause: "... was held up over the
    line" + "but then ..." is a whole clause), or a piece of a quotation of several
    sentences (its quotation marks unbalanced: who said it is in another sentence, and a
    point without it would state an opinion as a fact)."""
    found = words(text) if found is None else found
    if len(found) < WEIGHTS["min_words"]:
        return True
    if text[:1] in ",;:.)]-–—…":
        return True
    if found[0].islower():
        return True
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True  # a piece of a longer quotation: its speaker is in another sentence
    end = text.rstrip("\"'”’)] ")
    if _OPEN_END.search(end, max(0, len(end) - 8)):  # its matches end the text: the last characters suffice
        return True
    first_next = words(following[:40])
    return end[-1:] not in ".!?…" and bool(first_next) and first_next[0].islower() and first_next[0] not in _COORDINATORS


def _is_allowed(index: int, candidates, contents: list[frozenset[str]], chosen: list[int]) -> bool:
    """No near-duplicates; a sentence that leans on the one before ("This move ...",
    "He added ...") only right after it (the point above it), so that every point reads
    on its own."""
    text = candidates[index][1]
    if any(_similar(contents[index], contents[c]) for c in chosen):
        return False
    return not _ANAPHORIC.match(text) or index - 1 in chosen


def _sentences(document: Document) -> list[tuple[str, str, int]]:
    """(paragraph id, text, offset) of each sentence, the first without its dateline
    ("NEW YORK, March 3 - "): where and when it was filed is the briefing's own line."""
    result = []
    dateline = document.dateline
    for passage in document.body:
        for span in passage.sentences:
            start = span.start
            if dateline is not None and passage.id == dateline.paragraph and start <= dateline.span.start < span.end:
                start = max(start, dateline.span.end)
                start += len(passage.text[start : span.end]) - len(passage.text[start : span.end].lstrip())
            text, offset = trim(passage.text[start : span.end])
            if text:
                result.append((passage.id, text, start + offset))
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


def _similar(wa: frozenset[str], wb: frozenset[str]) -> bool:
    """Do two sentences say nearly the same: more than 60% of the content words (stems) of
    the shorter one in the other? (Half is too few: two sentences of a wire story about
    "Acme Holdings" and "Beta Foods" share four words by the names alone.)"""
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6
