"""Who does what to whom: typed relations between two actors of one sentence, each citing
its paragraph and the words that state it.

Precision first: a relation is read only where the words between (or around) two actors
of the same sentence state it in a known pattern: "Holcim agreed to buy Aggregate
Industries" (acquire), "Peter Tom, chief executive of Aggregate" (lead), "KK Mittal, a
fund manager with Escorts" (member), "UK-based Aggregate Industries" (locate), "Beta, a
unit of Acme" (own), "partnering with Seres Group" (partner). A relation the article does
not state is worse than a missing one. The types follow the analyst's vocabulary:
partner, acquire, invest, own, lead, member, supply, compete, oppose, support, launch, locate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Actor, Relation
from .document import Document

_WORDS_BETWEEN = 12

_ROLE_TITLES = r"(?:chief executive(?: officer)?|chairman|chairwoman|president|head|boss|founder|ceo|managing director|chief|leader|director general|prime minister|minister)"
_STAFF = r"(?:analyst|spokesman|spokeswoman|economist|lawyer|trader|official|manager|strategist|director|executive|member|partner|banker|broker|adviser|advisor|employee|engineer)"

# (type, pattern on the words between the first actor and the second, who is subject)
_BETWEEN = (
    ("lead", re.compile(rf"^,\s+(?:the\s+|its\s+|a\s+)?(?:former\s+)?{_ROLE_TITLES}\s+(?:of|at)\s+(?:the\s+)?$", re.I), "first"),
    ("lead", re.compile(rf"^(?:['’]s)?\s+(?:former\s+)?{_ROLE_TITLES}\s+$", re.I), "second"),
    ("member", re.compile(rf"^,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}{_STAFF}\s+(?:at|of|for|with)\s+(?:the\s+)?$", re.I), "first"),
    ("own", re.compile(r"^,\s+(?:a|the|its)\s+(?:[\w-]+\s+){0,2}(?:unit|subsidiary|division|arm|affiliate|owner)\s+of\s+(?:the\s+)?$", re.I), "second"),
    ("own", re.compile(r"^['’]s\s+(?:[\w-]+\s+){0,2}$", re.I), "first-if-unit"),
    ("locate", re.compile(r"^-based\s+(?:[a-z][\w-]*\s+){0,3}$"), "second"),
    ("locate", re.compile(r"^,?\s+(?:which is\s+|that is\s+)?(?:based|headquartered)\s+in\s+$", re.I), "first"),
    ("acquire", re.compile(r"^\s+(?:(?:has|have|had|will|would|is|was|said it|says it|said it would|agreed to|plans to|offered to|wants to|to)\s+)*(?:acquire[sd]?|acquiring|buy|buys|buying|bought|purchase[sd]?|take over|takes over|took over|taking over|merge with|merged with)\s+(?:(?:a|an|the|its|control of|all of|part of)\s+)*$", re.I), "first"),
    ("acquire", re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,4}(?:bid|offer|takeover bid|tender offer|proposal)\s+(?:to (?:buy|acquire)\s+|for\s+)(?:the\s+)?$", re.I), "first"),
    ("acquire", re.compile(r"^\s+(?:was|is|were|has been|had been|will be)\s+(?:acquired|bought|taken over|purchased)\s+by\s+$", re.I), "second"),
    ("acquire", re.compile(r"\s(?:takeover|acquisition|purchase|buyout)\s+by\s+(?:the\s+)?$", re.I), "second"),
    ("invest", re.compile(r"^\s+(?:[\w-]+\s+){0,6}(?:stake|holding|shareholding|interest)\s+in\s+(?:the\s+)?$", re.I), "first"),
    ("invest", re.compile(r"^\s+(?:has |have |will |would |to )?invest(?:s|ed|ing)?\s+(?:[\w$.,-]+\s+){0,5}in\s+$", re.I), "first"),
    ("partner", re.compile(r"(?:^|\s)(?:partner(?:ed|ing|s|ship)?|joint venture|alliance|teamed up|collaborat(?:e|ed|ing|ion)|cooperat(?:e|ed|ing|ion))\s+with\s+(?:the\s+)?$", re.I), "first"),
    ("oppose", re.compile(r"^\s+(?:(?:has|have|had|will|would|is|was|said it would|to)\s+)*(?:sued|sues|suing|fined|fines|charged|accused|criticised|criticized|criticising|criticizing|blocked|blocks|rejected|rejects|opposed|opposes|investigat(?:es|ed|ing))\s+$", re.I), "first"),
    ("support", re.compile(r"^\s+(?:(?:has|have|had|will|would|is|was|to)\s+)*(?:backed|backs|endorsed|endorses|supported|supports|lent to|lends to|bailed out)\s+$", re.I), "first"),
    ("launch", re.compile(r"^\s+(?:(?:has|have|had|will|would|is|was|to)\s+)*(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|rolled out|rolls out)\s+(?:(?:a|an|the|its|new)\s+)*$", re.I), "first"),
    ("compete", re.compile(r"^\s+(?:rival|rivals|competitor|competes with|competing with|competed with)\s+$|^\s+and\s+(?:its\s+)?rival\s+$", re.I), "first"),
    ("supply", re.compile(r"^\s+(?:(?:has|have|had|will|would|is|was|to)\s+)*(?:supplies|supplied|supplying|sells to|sold to|provides|provided)\s+(?:[\w-]+\s+){0,4}(?:to\s+)?$", re.I), "first"),
)
_UNIT_AFTER = re.compile(r"\s+(?:unit|subsidiary|division|arm|brand)\b", re.I)
_OF_BETWEEN = re.compile(r"^\s+of\s+$")
_ALLOWED = {  # type -> (subject types, object types); None: any
    "lead": ({"person"}, {"organization", "place", "brand", "other"}),
    "member": ({"person"}, {"organization", "other"}),
    "own": ({"organization", "other"}, {"organization", "brand", "other"}),
    "locate": ({"organization", "person", "brand", "event", "other"}, {"place"}),
    "acquire": ({"organization", "person", "other"}, {"organization", "brand", "other"}),
    "invest": ({"organization", "person", "other"}, {"organization", "brand", "other"}),
    "launch": ({"organization", "person", "other"}, {"brand", "other", "organization"}),
}


@dataclass(frozen=True, slots=True)
class _Mentioned:
    actor: Actor
    start: int
    end: int


def extract_relations(document: Document, actors: tuple[Actor, ...]) -> tuple[Relation, ...]:
    """Every relation the article states between two of its actors, in reading order."""
    found: dict[tuple[str, str, str], Relation] = {}
    last_organization: Actor | None = None
    for passage in document.body:
        mentioned = sorted(
            (_Mentioned(a, m.start, m.end) for a in actors for m in a.mentions if m.paragraph == passage.id), key=lambda m: (m.start, -m.end)
        )
        for sentence in passage.sentences:
            inside = [m for m in mentioned if sentence.start <= m.start < sentence.end]
            pronoun = _PRONOUN_SUBJECT.match(passage.text, sentence.start)
            if pronoun and last_organization is not None:
                # "It plans to buy ACC": "it" is the organization the story was just about
                inside.insert(0, _Mentioned(last_organization, sentence.start, pronoun.end()))
            for i, first in enumerate(inside):
                for j, second in enumerate(inside[i + 1 : i + 3], i + 1):  # the next two actors
                    if second.actor is first.actor or second.start < first.end:
                        continue
                    relation = _relation(passage.text, first, second, passage.id)
                    if relation is not None:
                        found.setdefault((relation.subject, relation.type, relation.object), relation)
                        for listed in _listed_after(passage.text, inside, j):
                            again = Relation(relation.subject, relation.type, listed.actor.name, passage.id, relation.text) if relation.subject == first.actor.name else None
                            if again is not None and _fits(again.type, first.actor, listed.actor):
                                found.setdefault((again.subject, again.type, again.object), again)
            organizations = [m.actor for m in inside if m.actor.type == "organization"]
            if organizations:
                last_organization = organizations[0]
    return tuple(found.values())


_PRONOUN_SUBJECT = re.compile(r"(?:It|The company|The firm|The group)\b", re.I)
_LIST_JOIN = re.compile(r"^(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+[\w-]+(?:\s+[\w-]+)?,\s+)?$")
"""Between two items of a list: ", ", " and ", ", and the holding firm, "."""


def _listed_after(text: str, inside: list[_Mentioned], j: int) -> list[_Mentioned]:
    """The actors listed right after the ``j``-th ("buy ACC, Ambuja Cement Eastern and ...")."""
    listed = []
    previous = inside[j]
    for mention in inside[j + 1 :]:
        between = text[previous.end : mention.start]
        if re.match(r"^\s*\([^()]{1,12}\)", between):
            between = between[between.index(")") + 1 :]  # "(ACC)"
        if not _LIST_JOIN.match(between):
            break
        listed.append(mention)
        previous = mention
    return listed


def _relation(text: str, first: _Mentioned, second: _Mentioned, pid: str) -> Relation | None:
    between = text[first.end : second.start]
    if len(between.split()) > _WORDS_BETWEEN or re.search(r"[;.!?]\s", between):
        return None
    for kind, pattern, subject in _BETWEEN:
        if not pattern.search(between):
            continue
        if subject == "first-if-unit":
            if not _UNIT_AFTER.match(text, second.end):
                continue
            subject = "first"
        a, b = (first, second) if subject == "first" else (second, first)
        if _fits(kind, a.actor, b.actor):
            return Relation(a.actor.name, kind, b.actor.name, pid, text[min(first.start, second.start) : max(first.end, second.end)])
    if _OF_BETWEEN.match(between):
        if first.actor.type == "person" and second.actor.type in ("organization", "other"):
            return Relation(first.actor.name, "member", second.actor.name, pid, text[first.start : second.end])  # "Jack Kirnan of Kidder Peabody"
        if first.actor.type == "organization" and second.actor.type == "place":
            return Relation(first.actor.name, "locate", second.actor.name, pid, text[first.start : second.end])  # "News Corp Ltd of Australia"
    return None


def _fits(kind: str, subject: Actor, obj: Actor) -> bool:
    allowed = _ALLOWED.get(kind)
    if allowed is None:
        return subject.type != "place" and obj.type != "place"
    return subject.type in allowed[0] and obj.type in allowed[1]
