"""Who does what to whom: typed relations between two actors of one sentence, each citing
its paragraph and the words that state it.

Precision first: a relation is read only where the words between (or around) two actors
of the same sentence state it in a known pattern: "Holcim agreed to buy Aggregate
Industries" (acquire), "Peter Tom, chief executive of Aggregate" (lead), "KK Mittal, a
fund manager with Escorts" (member), "UK-based Aggregate Industries" (locate), "Beta, a
unit of Acme" (own), "partnering with Seres Group" (partner). A relation the article does
not state is worse than a missing one. The types follow the analyst's vocabulary (see
``RELATION_TYPES``).

An actor is also mentioned by what stands for it: a pronoun opening a sentence ("It plans
to buy ACC"), "its" ("its Alfa Romeo subsidiary"), and a definite description ("the
company", "the Frankfurt-based exchange", "the Italian carmaker") standing for the
organization named last; each such mention keeps its own words, so a relation's text is
always a part of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon
from ..model import Actor, Relation, SYMMETRIC_RELATIONS
from .document import Document
from .text import guarded, prefix_alternation

_WORDS_BETWEEN = 12
SYMMETRIC = SYMMETRIC_RELATIONS
"""Types that read the same both ways: one relation per pair."""
_ORGANIZATION_TYPES = frozenset(("organization", "other"))
"""What "its", "the company" and "the Frankfurt-based exchange" may stand for ("other": an
organization the type votes did not settle)."""

_TITLES = r"(?:chief executive(?: officer)?|chief operating officer|chairman|chairwoman|president|head|boss|founder|ceo|managing director|chief|leader|director general|secretary general|general secretary|prime minister|chancellor|(?:[a-z]+ )?minister|governor|mayor)"
_STAFF = r"(?:analyst|spokesman|spokeswoman|spokesperson|economist|lawyer|trader|official|manager|strategist|director|executive|member|banker|broker|adviser|advisor|employee|engineer|aide|negotiator|chief economist)"
_ORG_NOUNS = r"(?:firm|company|group|giant|maker|carmaker|automaker|bank|lender|insurer|broker|airline|carrier|exchange|retailer|operator|producer|manufacturer|supplier|conglomerate|agency|office|regulator|watchdog|authority|ministry|exchange|market|magazine|newspaper|broadcaster|business|chain|fund|investor|developer|miner|brewer|distributor|house|unit|subsidiary|rival|partner)"
_AUX = r"(?:(?:has|have|had|will|would|could|may|might|is|was|are|were|also|then|later|now|said it|says it|said it would|agreed to|plans to|planned to|offered to|wants to|wanted to|to|help|helped|is to|is set to|is poised to|has been|had been)\s+)*"

Pattern = tuple[str, "re.Pattern[str]", str, "re.Pattern[str] | None"]
"""(type, pattern on the words between the first actor and the second, which is the
subject, pattern the words after the second must match or None)."""


def _p(text: str) -> re.Pattern[str]:
    return re.compile(text, re.I)


_CUES: dict[re.Pattern[str], tuple[str, ...]] = {}
"""For the patterns searched anywhere in the words between (all others start with "^"):
lowercase words one of which every match holds."""


def _searched(cues: tuple[str, ...], text: str) -> re.Pattern[str]:
    """A pattern searched anywhere in the words between, tried only on words that hold one
    of its ``cues`` (a substring test is far cheaper than a search at every position)."""
    pattern = _p(text)
    _CUES[pattern] = cues
    return pattern


_BETWEEN: tuple[Pattern, ...] = (
    # lead and member: "Weise, head of the Agency", "Fiat chairman Luca di Montezemolo",
    # "Prettejohn, Lloyd's chief executive", "Lamberty, a Lufthansa spokesman", "Lilliu at Acme"
    ("lead", _p(rf"^,\s+(?:the\s+|its\s+|a\s+)?(?:former\s+|then\s+|new\s+|outgoing\s+)?(?:[\w-]+\s+)?{_TITLES}\s+(?:of|at)\s+(?:the\s+)?$"), "first", None),
    ("lead", _p(rf"^(?:['’]s?)?\s+(?:former\s+|then\s+|new\s+|outgoing\s+)?(?:[\w-]+\s+)?{_TITLES}\s+$"), "second", None),
    ("lead", _p(r"^,\s+(?:(?:the|its|a|an)\s+|who\s+(?:will\s+)?(?:remain|remains|is|was|became|becomes|has been)\s+(?:as\s+)?(?:the\s+)?)?(?:former\s+)?$"), "first", _p(rf"^(?:['’]s?)?\s+(?:former\s+)?(?:[\w-]+\s+)?{_TITLES}\b")),
    ("member", _p(rf"^,\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}{_STAFF}\s+(?:at|of|for|with|from)\s+(?:the\s+)?$"), "first", None),
    ("member", _p(rf"^(?:['’]s?)?\s+(?:[\w-]+\s+)?{_STAFF}\s+$"), "second", None),
    ("member", _p(r"^,\s+(?:(?:the|its|a|an)\s+|who\s+(?:is|was)\s+(?:an?\s+|the\s+)?)?(?:former\s+)?$"), "first", _p(rf"^(?:['’]s?)?\s+(?:[\w-]+\s+)?{_STAFF}\b")),
    ("member", _p(r"^\s+(?:at|from|with)\s+(?:the\s+)?$"), "first-person", None),
    # own: "Beta, a unit of Acme", "Acme's Beta unit", "its Alfa Romeo subsidiary", "Yukos unit Yugansk"
    ("own", _p(r"^,\s+(?:a|the|its)\s+(?:[\w-]+\s+){0,2}(?:unit|subsidiary|division|arm|affiliate)\s+of\s+(?:the\s+)?$"), "second", None),
    ("own", _p(r"^,\s+(?:the\s+)?(?:owner|parent(?: company)?)\s+of\s+(?:the\s+)?$"), "first", None),
    ("own", _p(r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,2}$"), "first", _p(r"^\s+(?:unit|subsidiary|division|arm|brand|affiliate)\b")),
    ("own", _p(r"^(?:['’]s?)?\s+(?:former\s+)?(?:unit|subsidiary|division|arm|affiliate)\s+$"), "first", None),
    ("own", _p(r"^,?\s+(?:which is\s+|that is\s+)?(?:owned|controlled)\s+by\s+(?:the\s+)?$"), "second", None),
    ("own", _p(r"^\s+(?:(?:has|have|had|also|which|that)\s+)*(?:owns|owned|controls)\s+(?:the\s+|a\s+)?$"), "first", None),
    # locate: "UK-based Aggregate", "Acme, based in Ohio", "has a presence in London", "US giant Monsanto"
    ("locate", _p(r"^-based\s+(?:[a-z][\w-]*\s+){0,5}$"), "second", None),
    ("locate", _p(r"^,?\s+(?:which is\s+|that is\s+)?(?:based|headquartered)\s+in\s+(?:the\s+)?$"), "first", None),
    ("locate", _p(r"^\s+(?:[\w-]+\s+){0,4}?(?:presence|operations|headquarters|offices|plant|plants|factory|factories|facility|facilities|base)\s+(?:at|in|near)\s+(?:the\s+)?$"), "first", None),
    ("locate", _p(r"^,?\s+(?:which\s+|that\s+)?(?:also\s+)?(?:operates|runs)\s+(?:[\w-]+\s+){0,3}in\s+(?:the\s+)?$"), "first", None),
    ("locate", re.compile(rf"^(?:['’]s)?\s+(?:[a-z][\w-]*\s+){{0,3}}{_ORG_NOUNS}\s+$"), "second-after-place", None),
    ("locate", _p(r"^\s+(?:is|was|,)\s+(?:now\s+|also\s+)?$"), "first", re.compile(rf"^['’]s?\s+(?:[\w-]+\s+){{0,3}}{_ORG_NOUNS}\b")),
    ("locate", _p(r"^\s+in\s+$"), "first-organization", None),
    # acquire: "agreed to buy", "bid for", "its acquisition of", "was snapped up by", "offer from"
    ("acquire", _p(rf"^\s+{_AUX}(?:acquire[sd]?|acquiring|buy|buys|buying|bought|purchase[sd]?|take over|takes over|took over|taking over|snap up|snapped up)\s+(?:(?:a|an|the|its|control of|all of|part of)\s+)*$"), "first", None),
    ("acquire", _p(r"^(?:['’]s?)?\s+(?:[\w$£€.,()-]+\s+){0,6}(?:bid|offer|takeover bid|tender offer|proposal|approach)\s+(?:to (?:buy|acquire)\s+|for\s+)(?:the\s+)?(?:(?:[A-Z][\w'’&.-]*\s+){1,3}(?:unit|subsidiary|division|arm)\s+)?$"), "first", None),
    ("acquire", _p(r"^(?:['’]s?)?\s+(?:[\w$£€.-]+\s+){0,3}(?:acquisition|takeover|purchase|buyout)\s+of\s+(?:[\w-]+\s+){0,5}$"), "first", None),
    ("acquire", _p(r"^,?\s+(?:(?:which|that|who)\s+)?(?:was|is|were|has been|had been|will be|would be|is being|was being)\s+(?:[a-z]+\s+)?(?:acquired|bought|taken over|purchased|snapped up)\s+(?:[\w-]+\s+){0,3}by\s+(?:the\s+)?$"), "second", None),
    ("acquire", _searched(("by",), r"\s(?:takeover|acquisition|purchase|buyout)\s+by\s+(?:the\s+)?$"), "second", None),
    ("acquire", _searched(("from",), r"\s(?:bid|offer|proposal|approach)\s+from\s+(?:[\w-]+\s+){0,3}$"), "second", None),
    ("acquire", _searched(("with",), r"(?:^|\s)(?:merg(?:e|es|ed|ing)|merger)\s+with\s+(?:the\s+)?$"), "first", None),
    # invest: "a 20% stake in", "invested $1bn in", "Clearnet, in which Euronext has a stake"
    ("invest", _p(r"^\s+(?:[\w-]+\s+){0,6}(?:stake|holding|shareholding|interest)\s+in\s+(?:the\s+)?$"), "first", None),
    ("invest", _p(r"^\s+(?:has |have |will |would |to )?invest(?:s|ed|ing)?\s+(?:[\w$.,-]+\s+){0,5}in\s+$"), "first", None),
    ("invest", _p(r"^,\s+in\s+which\s+$"), "second", _p(r"^\s+(?:has|holds|owns|took|bought|had)\s+(?:a|an)\s+(?:[\w%-]+\s+){0,3}(?:stake|holding|shareholding|interest)\b")),
    # partner
    ("partner", _searched(("with",), r"(?:^|\s)(?:partner(?:ed|ing|s|ship)?|joint venture|alliance|teamed up|collaborat(?:e|ed|ing|ion)|cooperat(?:e|ed|ing|ion)|working|works|work|joined forces|tie-up|tied up)\s+with\s+(?:the\s+)?$"), "first", None),
    ("partner", _p(r"^\s+(?:[\w-]+\s+){0,4}(?:former\s+)?partner\s+$"), "first", None),
    ("partner", _p(r"^\s+and\s+$"), "first", _p(r"^\s+(?:[\w-]+\s+){0,3}(?:their|a|the)\s+(?:[\w-]+\s+){0,2}(?:alliance|joint ventures?|partnership|tie-up)\b")),
    # compete
    ("compete", _p(r"^\s+(?:rival|rivals|competitor|competes with|competing with|competed with)\s+$|^\s+and\s+(?:its\s+)?rival\s+$"), "first", None),
    ("compete", _searched(("rival",), r"(?:^|\s)rival\s+$"), "first", None),
    # oppose: "sued", "challenged the right of", "rejected a proposal from", "charges from", "a dispute with"
    ("oppose", _p(rf"^\s+{_AUX}(?:sued|sues|suing|sue|fined|fines|charged|accused|criticised|criticized|criticising|criticizing|blocked|blocks|rejected|rejects|opposed|opposes|challenged|challenges|condemned|attacked|investigat(?:es|ed|ing))\s+(?:the\s+(?:[\w-]+\s+){{0,2}}of\s+)?(?:the\s+)?$"), "first", None),
    ("oppose", _p(rf"^\s+{_AUX}(?:rejected|rebuffed|spurned|turned down)\s+(?:[\w-]+\s+){{0,4}}from\s+(?:[\w-]+\s+){{0,3}}$"), "first", None),
    ("oppose", _searched(("from", "by"), r"(?:^|\s)(?:charges?|fines?|lawsuit|suit|investigation|probe|complaint)\s+(?:[\w,-]+\s+){0,2}(?:from|by)\s+(?:the\s+)?$"), "second", None),
    ("oppose", _searched(("with",), r"(?:^|\s)(?:dispute|fight|battle|row|feud|conflict)\s+with\s+(?:the\s+)?$"), "first", None),
    # support
    ("support", _p(rf"^\s+{_AUX}(?:backed|backs|back|endorsed|endorses|supported|supports|support|lent to|lends to|bailed out|fund|funds|funded|funding|finance|finances|financed|financing)\s+(?:the\s+)?$"), "first", None),
    # meet
    ("meet", _p(r"^(?:['’]s?)?\s+(?:[\w-]+\s+){0,3}(?:talks|negotiations|meeting|meetings|discussions)\s+with\s+(?:the\s+)?$"), "first", None),
    ("meet", _p(rf"^\s+{_AUX}(?:met|meets|meet|meeting)\s+(?:with\s+)?(?:the\s+)?$"), "first", None),
    # report: "..., as reported by the Reuters news agency", "Lamberty told the AP"
    ("report", _p(r"^,\s+(?:as\s+)?(?:reported|quoted|cited)\s+by\s+(?:the\s+)?$"), "second", None),
    ("report", _p(r"^\s+(?:[\w-]+\s+){0,2}told\s+(?:the\s+)?$"), "second-media", None),
    ("report", _p(r"^\s+(?:also\s+|has\s+)?(?:said|reported|says|reports|quoted|cited)\s+(?:that\s+)?(?:[\w-]+\s+){0,4}?$"), "first-media", None),
    # launch, supply
    ("launch", _p(rf"^\s+{_AUX}(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|rolled out|rolls out)\s+(?:(?:a|an|the|its|new)\s+)*$"), "first", None),
    ("supply", _p(rf"^\s+{_AUX}(?:supplies|supplied|supplying|supply|sells to|sold to|provides|provided)\s+(?:[\w-]+\s+){{0,4}}(?:to\s+)?$"), "first", None),
    ("supply", _searched(("from",), r"(?:^|\s)(?:source|sources|sourcing|import|imports|imported|order|orders|ordered)\s+(?:[\w-]+\s+){0,3}from\s+(?:the\s+)?$"), "second", None),
    ("supply", _p(r"^\s+(?:[\w-]+\s+){0,3}(?:appointed|appoints|hired|hires|named|retained)\s+$"), "second", _p(r"^\s+as\s+(?:[\w-]+\s+)?(?:advis[eo]rs?|bankers?|brokers?|auditors?|consultants?|lawyers?)\b")),
)
_BEFORE_PAIR: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("oppose", _p(r"(?:dispute|fight|battle|row|feud|conflict|war)\s+between\s+(?:the\s+)?$")),
    ("partner", _p(r"(?:alliance|partnership|joint venture|merger|tie-up)\s+between\s+(?:the\s+)?$")),
    ("meet", _p(r"(?:talks|negotiations|meeting)\s+between\s+(?:the\s+)?$")),
)
"""Words before "A and B" that state a relation between them: "the fight between Russia and Yukos"."""
_OF_BETWEEN = re.compile(r"^\s+of\s+$")
_ALLOWED = {  # type -> (subject types, object types); None: any but places
    "lead": ({"person"}, {"organization", "place", "brand", "other"}),
    "member": ({"person"}, {"organization", "other"}),
    "own": ({"organization", "other"}, {"organization", "brand", "other"}),
    "locate": ({"organization", "person", "brand", "event", "other"}, {"place"}),
    "acquire": ({"organization", "person", "other"}, {"organization", "brand", "other"}),
    "invest": ({"organization", "person", "other"}, {"organization", "brand", "other"}),
    "launch": ({"organization", "person", "other"}, {"brand", "other", "organization"}),
    "report": ({"organization", "other", "brand"}, {"organization", "person", "other", "brand", "event"}),
    "oppose": ({"organization", "person", "other", "place"}, {"organization", "person", "other", "brand", "place"}),
}
_HEAD_OF_STATE = r"(?:president|prime minister|premier|chancellor|king|queen|leader|(?:[a-z]+ )?minister)"
_DEMONYM_BEFORE = guarded(rf"(?:^|(?<=[\s(]))(?P<adjective>[A-Z][a-z]+|US|UK|Pan-European)\s+(?P<words>(?:[a-z][\w-]*\s+){{0,3}})$")
_HEAD_OF_STATE_WORDS = re.compile(rf"(?:former\s+)?{_HEAD_OF_STATE}\s+")
_ORG_NOUN_WORDS = re.compile(rf"{_ORG_NOUNS}\s+$")
_DEMONYM_APPOSITION = re.compile(rf",\s+(?:a|an|the)\s+(?P<adjective>[A-Z][a-z]+|US|UK)\s+(?:[a-z][\w-]*\s+){{0,2}}{_ORG_NOUNS}\b")
_MEDIA_BEFORE = re.compile(r"(?:magazine|newspaper|paper|daily|weekly|broadcaster|television|tv|news agency|news service|website|journal)\s+(?:the\s+)?$", re.I)
_MEDIA_AFTER = re.compile(r"\s+(?:news agency|newspaper|magazine|television|tv|news service|daily)\b|\s+(?:reported|reports)\b", re.I)
_MEDIA_CITED = re.compile(r"(?:reported by|cited by|quoted by|reports|reported)\s+(?:the\s+)?$", re.I)

# What stands for an actor named before (coreference)
_PRONOUN_SUBJECT = re.compile(r"[\"“]?(?:(?P<org>It|The (?:company|firm|group|bank|carmaker|airline|exchange|lender|insurer|retailer|operator))|(?P<person>He|She))\b")
_POSSESSIVE_PRONOUN = guarded(r"\bits\b")
_DEFINITE = guarded(r"\bthe (?:company|firm|group|bank|carmaker|airline|lender|insurer|retailer)\b(?! [A-Z])")
_DESCRIBED = guarded(
    r"\bthe\s+(?:(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)-based|(?P<adjective>[A-Z][a-z]+))\s+(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:firm|company|group|giant|maker|carmaker|automaker|bank|lender|insurer|airline|carrier|exchange|retailer|operator|producer|manufacturer|conglomerate|broker)\b(?!\s+[A-Z])"
)
"""A definite description of an organization named before: "the Frankfurt-based exchange", "the Italian carmaker"."""


@dataclass(frozen=True, slots=True)
class _Mentioned:
    actor: Actor
    start: int
    end: int
    standing_for: bool = False
    """A pronoun or description standing for the actor, not its name."""


def extract_relations(document: Document, actors: tuple[Actor, ...]) -> tuple[Relation, ...]:
    """Every relation the article states between two of its actors, in reading order."""
    found: dict[tuple[str, str, str], Relation] = {}

    def add(relation: Relation | None) -> None:
        if relation is None or relation.subject == relation.object:
            return
        if relation.type in SYMMETRIC and (relation.object, relation.type, relation.subject) in found:
            return  # "GM's former partner Fiat" and "Fiat and GM ... their alliance": one partnership
        found.setdefault((relation.subject, relation.type, relation.object), relation)

    places = [a for a in actors if a.type == "place"]
    by_paragraph: dict[str, list[_Mentioned]] = {}
    for a in actors:
        for m in a.mentions:
            by_paragraph.setdefault(m.paragraph, []).append(_Mentioned(a, m.start, m.end))
    media = {a.name for a in actors if _is_media(document, a)}
    matches: dict[str, tuple[int, ...]] = {}  # words between two mentions -> the patterns they match
    state = _Context()
    for passage in document.body:
        mentioned = sorted(by_paragraph.get(passage.id, ()), key=lambda m: (m.start, -m.end))
        for sentence in passage.sentences:
            names = [m for m in mentioned if sentence.start <= m.start < sentence.end]
            inside, described = _with_references(passage.text, sentence, names, state, places)
            for relation in described:
                add(Relation(relation[0].name, "locate", relation[1].name, passage.id, relation[2]))
            for relation in _fronted_partners(passage.text, passage.id, sentence, names):
                add(relation)
            for relation in _trailing_report(passage.text, passage.id, sentence, names, media):
                add(relation)
            for first_index, first in enumerate(inside):
                _pairs(passage.text, passage.id, inside, first_index, media, add, matches)
                for relation in _single(passage.text, passage.id, first, places):
                    add(relation)
            state.seen(names)
    return tuple(found.values())


_FRONTED_PARTNER = re.compile(
    r"(?:In|Through|Working)\s+(?:close\s+|a\s+|an\s+)?(?:collaboration|cooperation|partnership|joint venture|alliance|tandem)\s+with\s+", re.IGNORECASE
)


def _fronted_partners(text: str, pid: str, sentence, names: list[_Mentioned]) -> list[Relation]:
    """"In collaboration with GAC and Dongfeng Motor Group, Huawei is ...": the subject
    after the comma partners with each actor before it."""
    opening = _FRONTED_PARTNER.match(text, sentence.start)
    if opening is None:
        return []
    comma = text.find(",", opening.end(), sentence.end)
    if comma < 0:
        return []
    partners = [m for m in names if opening.end() <= m.start < comma]
    after = [m for m in names if m.start > comma]
    if not partners or not after or text[comma + 1 : after[0].start].strip() not in ("", "the"):
        return []
    subject = after[0]
    return [
        Relation(subject.actor.name, "partner", p.actor.name, pid, text[sentence.start : subject.end])
        for p in partners
        if _fits("partner", subject.actor, p.actor) and p.actor is not subject.actor
    ]


_TRAILING_CITATION = re.compile(r",\s+(?:reports|reported|according to|says|said)\s+(?:the\s+)?$", re.IGNORECASE)


def _trailing_report(text: str, pid: str, sentence, names: list[_Mentioned], media: set[str]) -> list[Relation]:
    """"By late 2023, Huawei had formed ..., reports Caixin.": the news organization that
    closes the sentence reports on the first organization the sentence names."""
    for mention in names:
        if mention.actor.name not in media or text[mention.end : sentence.end].strip(" .\"”’)") != "":
            continue
        if not _TRAILING_CITATION.search(text, sentence.start, mention.start):
            continue
        subjects = [m for m in names if m.end <= mention.start and m.actor is not mention.actor and m.actor.type in ("organization", "brand", "other")]
        if subjects and _fits("report", mention.actor, subjects[0].actor):
            return [Relation(mention.actor.name, "report", subjects[0].actor.name, pid, text[subjects[0].start : mention.end])]
    return []


@dataclass(slots=True)
class _Context:
    """Who "it" and "he" stand for: the first organization of the last sentence that named
    one (the subject, usually), the last person named, the last organization named."""

    organization: Actor | None = None
    person: Actor | None = None
    latest: Actor | None = None
    """The organization named last."""

    def seen(self, names: list[_Mentioned]) -> None:
        organizations = [m.actor for m in names if m.actor.type == "organization"]
        if organizations:
            self.organization = organizations[0]
        named = [m.actor for m in names if m.actor.type in _ORGANIZATION_TYPES]
        if named:
            self.latest = named[-1]
        people = [m.actor for m in names if m.actor.type == "person"]
        if people:
            self.person = people[-1]


def _with_references(text: str, sentence, names: list[_Mentioned], state: _Context, places: list[Actor]) -> tuple[list[_Mentioned], list]:
    """The sentence's mentions with what stands for an actor named before, in reading order,
    and the places of descriptions ("the Frankfurt-based exchange": the exchange is in Frankfurt)."""
    inside = list(names)
    taken = [(m.start, m.end) for m in names]
    described = []

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in taken)

    def organization_before(position: int) -> Actor | None:
        before = [m.actor for m in names if m.end <= position and m.actor.type in _ORGANIZATION_TYPES]
        return before[-1] if before else state.latest

    pronoun = _PRONOUN_SUBJECT.match(text, sentence.start)
    if pronoun:
        actor = state.organization if pronoun.group("org") else state.person
        if actor is not None and free(pronoun.start(), pronoun.end()):
            inside.append(_Mentioned(actor, pronoun.start(), pronoun.end(), True))
    for match in _DESCRIBED.finditer(text, sentence.start, sentence.end):
        place_mentions = [m for m in names if match.group("place") and m.start == match.start("place") and m.actor.type != "person"]
        if any(m.start < match.end() and match.start() < m.end for m in names if m not in place_mentions):
            continue
        if match.group("adjective") and not lexicon.is_nationality(match.group("adjective")):
            continue  # "the Chinese carmaker", not "the Aito brand"
        actor = organization_before(match.start())
        if actor is None:
            continue
        if match.group("adjective"):
            described += [(actor, p, text[match.start() : match.end()]) for p in places if lexicon.is_demonym_of(match.group("adjective"), p.name)]
        inside = [m for m in inside if m not in place_mentions]
        inside.append(_Mentioned(actor, match.start(), match.end(), True))
        for m in place_mentions:
            described.append((actor, m.actor, text[match.start() : match.end()]))
        taken.append(match.span())
    for pattern, referent in ((_POSSESSIVE_PRONOUN, organization_before), (_DEFINITE, organization_before)):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            actor = referent(match.start())
            if actor is not None and free(*match.span()):
                inside.append(_Mentioned(actor, match.start(), match.end(), True))
                taken.append(match.span())
    inside.sort(key=lambda m: (m.start, -m.end))
    return inside, described


def _pairs(text: str, pid: str, inside: list[_Mentioned], i: int, media: set, add, matches: dict) -> None:
    """Relations between the ``i``-th mention and each of the next two, and with the actors
    listed after the second ("buy ACC, Ambuja Cement Eastern and ...")."""
    first = inside[i]
    for j in range(i + 1, min(i + 3, len(inside))):
        second = inside[j]
        if second.actor is first.actor or second.start < first.end:
            continue
        listed = _listed_after(text, inside, j)
        after = (listed[-1] if listed else second).end
        for relation in _relations(text, first, second, after, pid, media, matches):
            add(relation)
            for other in listed:
                subject, obj = (first, other) if relation.subject == first.actor.name else (other, first)
                if _fits(relation.type, subject.actor, obj.actor):
                    add(Relation(subject.actor.name, relation.type, obj.actor.name, pid, relation.text))
        if j == i + 1 and text[first.end : second.start] in (" and ", " & "):
            before = text[max(0, first.start - 60) : first.start]
            for kind, pattern in _BEFORE_PAIR:
                if pattern.search(before) and _fits(kind, first.actor, second.actor):
                    add(Relation(first.actor.name, kind, second.actor.name, pid, text[first.start : second.end]))


_BRACKETED = re.compile(r"^\s*\([^()]{1,12}\)")
"""A short bracket between two names of a list: "ACC (ACC), Ambuja"."""
_LIST_JOIN = re.compile(r"^(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+[\w-]+(?:\s+[\w-]+)?,\s+|the\s+)?$")
"""Between two items of a list: ", ", " and ", " and the ", ", and the holding firm, "."""


def _listed_after(text: str, inside: list[_Mentioned], j: int) -> list[_Mentioned]:
    """The actors listed right after the ``j``-th ("buy ACC, Ambuja Cement Eastern and ...")."""
    listed = []
    previous = inside[j]
    for mention in inside[j + 1 :]:
        between = text[previous.end : mention.start]
        if _BRACKETED.match(between):
            between = between[between.index(")") + 1 :]  # "(ACC)"
        if not _LIST_JOIN.match(between) or mention.standing_for:
            break
        listed.append(mention)
        previous = mention
    return listed


def _relations(text: str, first: _Mentioned, second: _Mentioned, after: int, pid: str, media: set, matches: dict) -> list[Relation]:
    """The relations the words between two mentions (and after the second, or after the
    list it opens, from ``after`` on) state."""
    between = text[first.end : second.start]
    count = len(between.split())
    if count > _WORDS_BETWEEN or _SENTENCE_BREAK.search(between) or (count > 2 and not _TRIGGER.search(between)):
        return []
    if _MODIFIER_AFTER.match(text, second.end):
        return []  # "a bid for Yukos unit Yuganskneftegas": the bid is for the unit
    inserted = _INSERT.match(between)
    if inserted:
        between = " " + between[inserted.end() :]  # "Euronext, which also operates in Lisbon, appointed UBS"
    found, kinds = [], set()
    indices = matches.get(between)
    if indices is None:
        indices = matches[between] = _matching(between)
    for index in indices:
        kind, pattern, subject, after_pattern = _BETWEEN[index]
        if kind in kinds or (kind == "member" and "lead" in kinds):
            continue
        end = second.end
        if after_pattern is not None:
            match = after_pattern.match(text[after : after + 80])
            if match is None:
                continue
            end = after + match.end()
        if not _subject_fits(subject, first, second, media):
            continue
        a, b = (second, first) if subject.startswith("second") else (first, second)
        if _fits(kind, a.actor, b.actor):
            kinds.add(kind)
            found.append(Relation(a.actor.name, kind, b.actor.name, pid, text[min(first.start, second.start) : max(end, first.end)]))
    if not found and _OF_BETWEEN.match(between):
        if first.actor.type == "person" and second.actor.type in ("organization", "other"):
            found.append(Relation(first.actor.name, "member", second.actor.name, pid, text[first.start : second.end]))  # "Jack Kirnan of Kidder Peabody"
        elif first.actor.type == "organization" and second.actor.type == "place":
            found.append(Relation(first.actor.name, "locate", second.actor.name, pid, text[first.start : second.end]))  # "News Corp Ltd of Australia"
    return found


_TRIGGER_WORDS = (
    "based|headquarter|presence|operat|office|plant|factor|facilit|base|runs|unit|subsidiar|division|arm|affiliate|own|parent|control|"
    "acqui|buy|bought|purchas|take|took|taking|snap|bid|offer|proposal|approach|buyout|merg|stake|holding|interest|invest|"
    "partner|venture|alliance|team|collaborat|cooperat|work|join|tie|rival|compet|sue|suing|fine|charg|accus|critici|block|reject|"
    "oppos|challeng|condemn|attack|investigat|rebuff|spurn|turned|suit|probe|complain|dispute|fight|battle|row|feud|conflict|"
    "remain|became|become|who|back|endors|support|lent|lend|bail|fund|financ|talk|negotiat|meeting|discussion|met|meet|report|quot|cited|told|said|says|"
    "launch|unveil|introduc|roll|suppl|sell|sold|provid|source|import|order|appoint|hire|named|retain|which|"
    "chief|chair|president|head|boss|founder|ceo|director|secretary|leader|minister|chancellor|governor|mayor|"
    "analyst|spokes|economist|lawyer|trader|official|manager|strategist|executive|member|banker|broker|advis|employee|engineer|aide|"
    "firm|company|group|giant|maker|bank|lender|insurer|airline|carrier|exchange|retailer|producer|manufactur|conglomerate|agency|"
    "regulator|watchdog|authority|ministry|market|magazine|newspaper|broadcaster|business|chain|investor|developer|miner|brewer|"
    "distributor|house"
).split("|")
_TRIGGER = re.compile(r"(?<![^\W_])" + prefix_alternation(_TRIGGER_WORDS), re.I)
"""A word one of the patterns needs: between two mentions without any, only the short
patterns (", ", " and ", " in ") can apply."""
_SENTENCE_BREAK = re.compile(r"[;.!?]\s|[\"“”]")
"""Between two mentions, what parts them: a sentence's or a clause's end, a quotation."""
_MODIFIER_AFTER = re.compile(
    r"(?:['’]s?)? (?:unit|subsidiary|division|arm|affiliate) [A-Z]"
    r"|['’]s? (?:[\w-]+ ){0,2}?(?:stake|holding|interest|shareholding|unit|subsidiary|division|arm|affiliate|assets?|business(?:es)?|operations?|plants?|factor(?:y|ies)|brands?|stores|network|portfolio)\b"
)
"""After the second name, what makes the relation one with a part of it: "a bid for Yukos
unit Yuganskneftegas", "will purchase Renault's stake in AMC", "bought Acme's truck business"."""
_INSERT = re.compile(r",\s+(?:which|who)\s+[^,;\"“”]{3,80},\s+(?=\w)")
"""A relative clause between the subject and its verb."""


def _matching(between: str) -> tuple[int, ...]:
    """Indices of the ``_BETWEEN`` patterns the words between two mentions match (kept per
    article by ``extract_relations``: ", ", " and ", " said " come back in every sentence)."""
    lowered = between.lower() if between.isascii() else None  # a cue test is exact on ASCII only (re.I folds "ı" to "i")
    return tuple(
        i for i, (test, cues) in enumerate(_TESTS) if (cues is None or lowered is None or any(c in lowered for c in cues)) and test(between)
    )


_TESTS = tuple((pattern.match if pattern.pattern[0] == "^" else pattern.search, _CUES.get(pattern)) for _, pattern, _, _ in _BETWEEN)
"""How ``_matching`` tries each of ``_BETWEEN``, and the cues of the searched ones."""


def _subject_fits(subject: str, first: _Mentioned, second: _Mentioned, media: set) -> bool:
    """The conditions some patterns add on the two actors."""
    if subject == "first-person":
        return first.actor.type == "person" and not first.standing_for
    if subject == "first-organization":
        return first.actor.type == "organization" and not first.standing_for
    if subject == "second-after-place":
        return first.actor.type == "place" and not second.standing_for
    if subject == "first-media":
        return first.actor.name in media and not first.standing_for
    if subject == "second-media":
        return second.actor.name in media
    return True


def _single(text: str, pid: str, mention: _Mentioned, places: list[Actor]) -> list[Relation]:
    """What one mention's own words say: "German airline Lufthansa" (in Germany), "Rosneft,
    a Russian oil firm", "Russian president Vladimir Putin" (leads Russia), "German Federal
    Labour Agency"."""
    if mention.standing_for or mention.actor.type == "place":
        return []
    found = []
    actor = mention.actor
    before = _DEMONYM_BEFORE.search(text, max(0, mention.start - 50), mention.start)
    if before is not None:
        words = before.group("words")
        if actor.type == "person" and _HEAD_OF_STATE_WORDS.fullmatch(words):
            kind = "lead"
        elif actor.type != "person" and _ORG_NOUN_WORDS.search(words):
            kind = "locate"
        else:
            kind = None
        for place in places if kind else ():
            if lexicon.is_demonym_of(before.group("adjective"), place.name) and not any(m.paragraph == pid and m.start == before.start() for m in place.mentions):
                found.append(Relation(actor.name, kind, place.name, pid, text[before.start() : mention.end]))
    apposition = _DEMONYM_APPOSITION.match(text, mention.end)
    if apposition is not None and actor.type != "person":
        for place in places:
            if lexicon.is_demonym_of(apposition.group("adjective"), place.name):
                found.append(Relation(actor.name, "locate", place.name, pid, text[mention.start : apposition.end()]))
    first_word = text[mention.start : mention.end].split()[0]
    if actor.type == "organization" and " " in text[mention.start : mention.end]:
        for place in places:
            if lexicon.is_demonym_of(first_word, place.name):
                found.append(Relation(actor.name, "locate", place.name, pid, text[mention.start : mention.end]))  # "German Federal Labour Agency"
    return found


def _is_media(document: Document, actor: Actor) -> bool:
    """A newspaper, agency or broadcaster: written as one ("the Reuters news agency",
    "German magazine Der Spiegel") or cited as the one that reported."""
    if actor.type in ("person", "place"):
        return False
    for mention in actor.mentions:
        text = document.passage(mention.paragraph).text
        before = text[max(0, mention.start - 30) : mention.start]
        if _MEDIA_BEFORE.search(before) or _MEDIA_CITED.search(before) or _MEDIA_AFTER.match(text, mention.end):
            return True
    return False


def _fits(kind: str, subject: Actor, obj: Actor) -> bool:
    allowed = _ALLOWED.get(kind)
    if allowed is None:
        return subject.type != "place" and obj.type != "place"
    return subject.type in allowed[0] and obj.type in allowed[1]
