"""Moves: what each key actor does in the story, in the article's own words, cited.

A move is the predicate of a clause whose subject is the actor ("Huawei ... is further
expanding its involvement in the development of electric vehicles", "Acme said it would
start a tender offer for all Beta Air shares"): from its verb, an action verb after at most
a few auxiliaries ("has", "will", "plans to", "said it would"), to the end of its clause,
at most ``MOVE_WORDS`` words. The relations the article states of the actor are moves too
("partners with Seres Group Inc."). Reporting ("said", "told") is not a move; nothing is
written that the article does not say.
"""

from __future__ import annotations

import re

from ..model import RELATION_VERBS, Actor, Move, Relation
from .document import Document
from .text import clause_spans

MOVE_WORDS = 10
"""A longer predicate is cut at a word and marked with "…"."""
MOVES_PER_ACTOR = 5
MOVING_ACTORS = 6
"""How many of the most salient actors (people, organizations, brands, events) get moves."""

_ACTION = (
    r"launch|unveil|introduc|roll(?:ed|s|ing)? out|form|establish|set(?:s|ting)? up|creat|found|acquir|buy|bought|bid|offer|rais|lower|cut|sell|sold"
    r"|partner|sign|agree|invest|build|built|open|clos|plan|aim|expand|enter|reject|sue|su(?:ed|ing)|fil(?:e|ed|es|ing)|oppos|support|back"
    r"|announc|hir|merg|spin|spun|develop|produc|export|deliver|win|won|seek|sought|start|end|stop|reduc|increas|approv|block|propos|complet"
    r"|continu|play|become|became|broaden|extend|withdr[ae]w|abandon|delay|postpon|resum|suspend|lift|impos|demand|warn|threaten|cancel"
    r"|accept|refus|decid|tak(?:e|es|ing) over|took over|manufactur|make|makes|made|operat|run|ran|lead|led|join|leav|left|appoint|nam(?:e|ed|es)"
)
_AUX = (
    r"(?:(?:has|have|had|will|would|is|are|was|were|be|been|being|also|now|then|still|further|already|recently|again|could|may|might|must|should|can"
    r"|does not|did not|do not|will not|would not|has not|had not|not|never|later|first|quickly|initially"
    r"|said it|says it|said it would|said it will|said it had|said it has|plans to|planned to|aims to|aimed to|intends to|wants to|agreed to|is set to"
    r"|expects to|hopes to|is to|was to|to|is due to|is expected to|has agreed to|has decided to|decided to|is going to|is trying to|tried to)\s+)*"
)
_PREDICATE = re.compile(rf"\s*(?:\([^()]{{1,20}}\)\s*)?({_AUX}(?:{_ACTION})(?:s|es|e|ed|d|ing|[nptgdr](?:ed|ing))?\b)", re.IGNORECASE)
_NOT_SUBJECT = re.compile(
    r"(?:\b(?:by|of|for|to|with|from|in|on|at|against|than|as|about|into|like|over|under|between|among|via|per|whom|which|whose)|['’]s?)\s*$", re.IGNORECASE
)
"""Words before a name that make it no subject: "brought by Orion Pharma" (is decided)."""
_NOT_ACTIONS = frozenset(("bide", "bides", "bided", "biding", "ender", "planted"))
"""Words the verb stems above would take for actions."""


def extract_moves(document: Document, actors: tuple[Actor, ...], relations: tuple[Relation, ...]) -> tuple[Move, ...]:
    """The moves of the most salient actors, in reading order of each actor, most salient actor first."""
    moving = [a for a in actors if a.type in ("person", "organization", "brand", "event", "other")][:MOVING_ACTORS]
    order = {p.id: i for i, p in enumerate(document.body)}
    result: list[Move] = []
    for actor in moving:
        found: list[tuple[int, int, Move]] = []
        for relation in relations:
            if relation.subject == actor.name and relation.type != "locate":
                found.append((order.get(relation.paragraph, 0), 10**9, Move(actor.name, f"{RELATION_VERBS[relation.type]} {relation.object}", relation.paragraph, relation.type)))
        for mention in actor.mentions:
            if mention.paragraph not in order:
                continue
            move = _predicate(document, actor, mention.paragraph, mention.end)
            if move is not None:
                found.append((order[mention.paragraph], mention.end, move))
        seen: set[str] = set()
        kept = []
        for place, _, move in sorted(found, key=lambda f: (f[0], f[1])):
            key = move.text.casefold()
            if key in seen or any(key in other or other in key for other in seen):
                continue
            seen.add(key)
            kept.append((place, move))
        # a move from each paragraph first, so that every part of the story is there
        firsts = {place: i for i, (place, _) in reversed(list(enumerate(kept)))}
        chosen = sorted(sorted(range(len(kept)), key=lambda i: (firsts[kept[i][0]] != i, i))[:MOVES_PER_ACTOR])
        result.extend(kept[i][1] for i in chosen)
    return tuple(result)




def _predicate(document: Document, actor: Actor, pid: str, end: int) -> Move | None:
    passage = document.passage(pid)
    text = passage.text
    match = _PREDICATE.match(text, end)
    if match is None or _NOT_SUBJECT.search(text, max(0, end - 60), _name_start(actor, pid, end)) or match.group(1).split()[-1].casefold() in _NOT_ACTIONS:
        return None
    start = match.start(1)
    sentence = next((s for s in passage.sentences if s.start <= start < s.end), None)
    if sentence is None:
        return None
    clause = next((c for c in clause_spans(text, sentence) if c.start <= start < c.end), None)
    stop = clause.end if clause is not None else sentence.end
    phrase = text[start:stop].strip().rstrip(".,;:\"'”’)")
    tokens = phrase.split()
    if len(tokens) < 3:
        return None
    if len(tokens) > MOVE_WORDS:
        phrase = " ".join(tokens[:MOVE_WORDS]).rstrip(".,;:") + " …"
    return Move(actor.name, phrase, pid, None)


def _name_start(actor: Actor, pid: str, end: int) -> int:
    return next((m.start for m in actor.mentions if m.paragraph == pid and m.end == end), end)
