"""What a figure measures: a noun phrase of its own sentence ("offer for Dome Petroleum Ltd",
"stake held by Exxon Corp", "unfunded pension liabilities", "closing price of Acme stock"),
never a bare unit, and empty rather than wrong.

The rules read the words around the amount in the order a reader does, the most specific
first (``_RULES``): an amount that restates the one before it ("437,425 shares, or 11.1 pct",
"of which 7.4 mln", "to 13.3 pct from 11.1 pct") measures the same thing; a counted noun is
what is counted; an amount before a noun qualifies it ("a 16 mln dlr cash payment", "a 200
mln dlr, eight pct note"); "worth of X", "in X" after it, "X, totalling" before it name X; a
share of a company that someone owns is a stake; a price a stock traded or closed at, or a
move it made, is its price or its rise; "X was valued at" values X; else the nearest noun (or
deal verb, as its noun: "sold" -> "sale") of the sentence that names a measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon
from .text import Span, clause_spans, containing, guarded

MEASURE_NOUNS = frozenset(
    """stake offer bid price prices value revenue revenues sales profit profits loss losses earnings income debt debts loan
    loans dividend dividends cost costs deal acquisition purchase sale payment payments fee fees capital assets rate rates
    margin premium cash fund funds investment investments interest tax taxes spending budget output production exports
    imports deficit surplus jobs employees workers stores plants factories units vehicles cars deliveries customers users
    stock holding holdings financing credit credits bonds note notes warrants valuation turnover orders contract contracts
    option options tender condition minimum breakup termination proceeds charge charges writedown reserves liabilities
    buyback fine damages salary bonus subsidy subsidies tariff tariffs capacity market growth increase rise drop decline
    fall gain cut estimate forecast landholdings takeover buyout merger ownership order""".split()
)
"""Nouns that say what an amount measures; the nearest names it."""

DEAL_VERBS = {
    "offered": "offer", "offering": "offer", "offers": "offer", "bidding": "bid", "sold": "sale", "selling": "sale",
    "sell": "sale", "paid": "payment", "paying": "payment", "pay": "payment", "priced": "price", "valued": "value",
    "valuing": "value", "bought": "purchase", "buying": "purchase", "buy": "purchase", "acquire": "acquisition",
    "acquired": "acquisition", "acquiring": "acquisition", "earned": "earnings", "earn": "earnings", "conditioned": "condition",
    "borrowed": "loan", "borrow": "loan", "invest": "investment", "invested": "investment", "spent": "spending",
    "spend": "spending", "owes": "debt", "owed": "debt", "fined": "fine",
}
"""Verbs of a deal or a result, and the noun that names what their amount is ("sold for 110
mln dlrs": the sale)."""

MOTION_VERBS = {
    "rose": "rise", "risen": "rise", "rising": "rise", "rises": "rise", "climbed": "rise", "up": "rise", "surged": "rise",
    "jumped": "rise", "gained": "gain", "gaining": "gain", "gains": "gain", "added": "gain", "fell": "fall", "fallen": "fall",
    "falling": "fall", "falls": "fall", "down": "fall", "slipped": "fall", "eased": "fall", "lost": "fall", "off": "decline",
    "dropped": "drop", "declined": "decline", "plunged": "fall", "increased": "increase", "decreased": "decrease",
    "grew": "growth", "shrank": "decline", "rise": "rise", "fall": "fall", "gain": "gain", "drop": "drop", "climb": "rise",
    "grow": "growth", "jump": "jump", "decline": "decline",
}
"""A move and its noun: "rising 9-1/4 points" is a rise."""

_TRADING_VERBS = {"traded": "price", "trading": "price", "trades": "price", "closed": "closing price", "closing": "closing price", "opened": "opening price", "opening": "opening price", "quoted": "price"}
"""Verbs of a market price: "closed at 33-1/2" is a closing price."""

WEIGHTS = {
    "max_distance": 8,  # words between a measure noun and its amount, at most
    "clause_break": 2,  # a comma or semicolon between them counts as two words
    "after_bonus": 0.5,  # "a 4.3 billion dlr offer": a noun after the amount wins a tie
    "governor_words": 8,  # "offer ... to acquire": how far back "to acquire" looks for its noun
}

_DETERMINERS = frozenset("a an the its their his her our this that these those".split())
_BOUNDS = _DETERMINERS | frozenset("of in on for with from by at into per under over about".split())
"""Words before a run of lowercase modifiers that show the run is a noun phrase ("in unfunded
pension liabilities"), where a verb could stand instead ("said sales")."""
_PREPOSITIONS = frozenset("on in after before for from with at by to since because as during than against".split())
_NOT_MODIFIERS = frozenset("said says say told reported added last also had has have was were is are be been will would".split())
_SHARE_NOUNS = ("shares", "share")
_CALENDAR_WORDS = frozenset(lexicon.MONTHS) | frozenset(lexicon.WEEKDAYS) | lexicon.MONTH_ABBREVIATION_WORDS
_NAME = r"(?:[A-Z][\w.&'’-]*)(?:\s+(?:(?:and|&|of)\s+)?[A-Z][\w.&'’-]*)*"
_WORD = re.compile(r"[A-Za-z][\w'’.&-]*|#")
_RESTATES = re.compile(r"(?:\s+(?:a|per)\s+share)?\s*,?\s+(?:or|representing|equal\s+to|of\s+which)\s+")
_POSSESSION = guarded(r"\b(?:owns?|owned|holds?|held|has|have|had|controls?|controlled|owner\s+of|holder\s+of|owning|holding)\s+(?:a\s+total\s+of\s+)?$")
_OWNED_BY = re.compile(r"\s+(?:owned|held|controlled)\s+by\s+(?:the\s+)?(?:[a-z]+\s+){0,2}(" + _NAME + ")")
_OWNER = re.compile(r"(" + _NAME + r")(?:\s+\([\w.]+\))?,?\s+(?:which\s+|who\s+)?(?:is\s+|already\s+|now\s+|currently\s+|also\s+|still\s+)?$")
_QUALIFIER_BEFORE = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)|\w['’]s?)\s+(?:(?!and\b|or\b)[a-z][\w-]*\s+){0,2}$")
"""An article or a possessive, and at most two modifiers: "a", "Chrysler's proposed"."""
_PASSIVE_VALUE = guarded(r"\b(?:was|were|is|are|be|been|being)\s+(?:\w+\s+)?(?P<verb>valued|estimated|put|set|pegged|priced|placed)\s+(?:at\s+)?$")
_POSTNOMINAL = re.compile(r",?\s+(?:totalling|totaling|worth|amounting\s+to|valued\s+at|estimated\s+at)\s+$")


@dataclass(frozen=True, slots=True)
class _Context:
    """One figure among the amounts of its paragraph."""

    text: str
    sentence: Span
    figures: Sequence[tuple[int, int, str]]
    """(start, end, unit) of every amount of the paragraph, in reading order."""
    index: int
    found: list[str]
    """What the amounts before this one measure."""
    claimed: frozenset[int]
    """Starts of the nouns an amount qualifies ("a 15.4 pct interest"): not another's."""

    @property
    def start(self) -> int:
        return self.figures[self.index][0]

    @property
    def end(self) -> int:
        return self.figures[self.index][1]

    @property
    def unit(self) -> str:
        return self.figures[self.index][2]

    def before(self) -> str:
        """The clause text before the amount, other amounts written as "#"."""
        clauses = clause_spans(self.text, self.sentence)
        clause = clauses[containing(clauses, self.start, self.end)] if clauses else self.sentence
        return self.masked(min(clause.start, self.start), self.start)

    def masked(self, start: int, end: int) -> str:
        text = self.text[start:end]
        for s, e, _ in reversed(self.figures):
            if start <= s and e <= end:
                text = text[: s - start] + "#" + text[e - start :]
        return text


def measures_of(text: str, sentences: Sequence[Span], figures: Sequence[tuple[int, int, str]]) -> tuple[str, ...]:
    """What each amount of a paragraph measures, aligned with ``figures`` ((start, end, unit)
    in reading order); "" where its sentence names nothing."""
    claimed = frozenset(n for s, e, _ in figures for n in [_qualified_noun(text, s, e, figures)] if n is not None)
    found: list[str] = []
    for index, (start, end, _) in enumerate(figures):
        sentence = sentences[containing(sentences, start, end)] if sentences else Span(0, len(text))
        context = _Context(text, sentence, figures, index, found, claimed)
        found.append(next((m for rule in _RULES if (m := rule(context))), "").rstrip(".,;: "))
    return tuple(found)


# -- the rules, most specific first ------------------------------------------------------------


_FROM_BEFORE = re.compile(r"\bfrom\s+$")
_TO_BEFORE = re.compile(r"\bto\s+$")


def _restated(c: _Context) -> str:
    """"437,425 shares, or 11.1 pct": the same amount in other terms; "to 13.3 pct from 11.1
    pct": the same thing before the change."""
    if c.index and c.figures[c.index - 1][1] >= c.sentence.start and _RESTATES.fullmatch(c.text[c.figures[c.index - 1][1] : c.start]):
        return c.found[c.index - 1]
    if _FROM_BEFORE.search(c.text[max(0, c.start - 8) : c.start]):
        for j in range(c.index - 1, -1, -1):
            s = c.figures[j][0]
            if s < c.sentence.start:
                break
            if _TO_BEFORE.search(c.text[max(0, s - 6) : s]):
                return c.found[j]
    return ""


_FIRST_WORD = re.compile(r"^\S+\s+")


def _counted(c: _Context) -> str:
    """"two joint ventures": the thing counted."""
    return _FIRST_WORD.sub("", c.text[c.start : c.end]) if c.unit == "count" else ""


_COORDINATION = re.compile(r",\s+|\s+(?:and|or)\s+")
_NOUN_AFTER = re.compile(r"(?:\s+(?:a|per)\s+share)?\s+([a-z][\w-]+)")


def _qualified_noun(text: str, start: int, end: int, figures) -> int | None:
    """Start of the noun an amount qualifies after an article or a possessive ("a $120
    million plant", "a 200 mln dlr, eight pct note"), else None."""
    if not _QUALIFIER_BEFORE.search(text[max(0, start - 40) : start]):
        coordinated = next((f for f in figures if f[1] < start and _COORDINATION.fullmatch(text[f[1] : start])), None)
        if coordinated is None or _qualified_noun(text, coordinated[0], coordinated[1], ()) is None and not _is_coordinate_head(text, coordinated):
            return None
    following = next((f for f in figures if f[0] > end and _COORDINATION.fullmatch(text[end : f[0]])), None)
    if following is not None:
        end = following[1]  # "a 200 mln dlr, eight pct note": the noun after both
    noun = _NOUN_AFTER.match(text[end : end + 40])
    if noun is None or lexicon.is_function_word(noun.group(1)) or noun.group(1).endswith("ly"):
        return None
    return end + noun.start(1)


_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)


def _is_coordinate_head(text: str, figure) -> bool:
    return bool(_DETERMINER_BEFORE.search(text[max(0, figure[0] - 8) : figure[0]]))


def _attributive(c: _Context) -> str:
    start = _qualified_noun(c.text, c.start, c.end, c.figures)
    if start is None:
        return ""
    end = _compound_end(c.text, start)
    return _with_object(c.text, start, end, len(c.text))


_WORTH_OF = re.compile(r"\s+worth\s+of\s+(?:the\s+)?((?:[A-Za-z][\w'’&.-]*\s*){1,4})")
_IN_NAME = re.compile(r"\s+in\s+(?:" + _NAME + r"['’]s?\s+)?")
_WORD_OR_SYMBOLS = re.compile(r"[A-Za-z][\w-]*|[^\sA-Za-z]+")
_LOWERCASE_WORD = re.compile(r"[a-z][\w-]*")
_IN = re.compile(r"\s+in\s+")


def _after(c: _Context) -> str:
    """"522 mln dlrs worth of Chrysler stock", "332 mln dlrs in unfunded pension liabilities"."""
    rest = c.text[c.end : c.sentence.end]
    worth = _WORTH_OF.match(rest)
    if worth:
        phrase = []
        for word in worth.group(1).split():
            if lexicon.is_function_word(word) and not word[:1].isupper():
                break
            phrase.append(word)
        return " ".join(phrase)
    inside = _IN_NAME.match(rest)
    if inside:
        for word in list(_WORD_OR_SYMBOLS.finditer(rest[inside.end() :]))[:3]:
            token = word.group(0)
            if not _LOWERCASE_WORD.fullmatch(token) or lexicon.is_function_word(token):
                break
            if _is_measure_noun(token):
                at = c.end + inside.end() + word.start()
                return _with_object(c.text, c.end + _IN.match(rest).end(), _compound_end(c.text, at), c.sentence.end)
    return ""


_HEAD_BEFORE = re.compile(r"\b([a-z][\w-]+)((?:\s+(?:in|of|for)\s+" + _NAME + r")?)\s*$")


def _postnominal(c: _Context) -> str:
    """"landholdings in Canada, totalling 36.1 mln acres", "tax credits worth 2.5 billion"."""
    before = c.text[c.sentence.start : c.start]
    cue = _POSTNOMINAL.search(before)
    if cue is None:
        return ""
    head = _HEAD_BEFORE.search(before[: cue.start()])
    if head is None or lexicon.is_function_word(head.group(1)) or head.group(1) in DEAL_VERBS or head.group(1) in MOTION_VERBS:
        return ""
    start = c.sentence.start + head.start(1)
    return c.text[_modified_start(c.text, start, c.sentence.start) : c.sentence.start + head.end(2)]


_OUTSTANDING_AFTER = re.compile(r"\s+outstanding\b")
_SHARES_KIND_BEFORE = re.compile(r"\bthe\s+(total|outstanding|remaining|issued|new|common|preferred)\s+$")


def _shares_kind(c: _Context) -> str:
    """"4.1 mln shares outstanding", "the total 4.4 mln shares": which shares."""
    if c.unit != "shares":
        return ""
    if _OUTSTANDING_AFTER.match(c.text[c.end :]):
        return "shares outstanding"
    kind = _SHARES_KIND_BEFORE.search(c.text[max(0, c.start - 24) : c.start])
    return f"{kind.group(1)} shares" if kind else ""


_OWNED_AFTER = re.compile(r"-owned\s+(" + _NAME + ")")
_OF_MARKET_AFTER = re.compile(r"\s+of\s+(?:the\s+)?(?:market|vote|votes)\b")


def _stake(c: _Context) -> str:
    """A share of a company owned: "New World has 30,800 shares", "70 pct owned by Exxon
    Corp", "Theodore Cross, owner of six pct": a stake."""
    if c.unit not in ("percent", "shares"):
        return ""
    owned_by = _OWNED_BY.match(c.text, c.end)
    if owned_by:
        return f"stake held by {owned_by.group(1)}"
    owned = _OWNED_AFTER.match(c.text[c.end :])
    if owned:
        return f"stake in {owned.group(1)}"  # "Exxon's 70 pct-owned Imperial Oil Ltd"
    before = c.text[c.sentence.start : c.start]
    verb = _POSSESSION.search(before)
    if verb is None or _OF_MARKET_AFTER.match(c.text[c.end :]):
        return ""
    owner = _OWNER.search(before[: verb.start()])
    name = owner.group(1) if owner else ""
    if not name or lexicon.is_function_word(name.split()[0]) and len(name.split()) == 1:
        return "stake"
    return f"stake held by {name}"


_MOVE_BEFORE = re.compile(r"\b(" + "|".join(MOTION_VERBS) + r")\s+(?:by\s+)?$")
_TRADE_BEFORE = re.compile(r"\b(" + "|".join(_TRADING_VERBS) + r")\s+(?:(?:" + "|".join(MOTION_VERBS) + r"|at|as|high|low|around|near|about|#|to|by)\s+)*$")
_LEVEL_BEFORE = re.compile(r"\b(?:" + "|".join(MOTION_VERBS) + r")\s+(?:[^#,;]{0,30}\s)?(?:#\s+)?to\s+$")


def _market(c: _Context) -> str:
    """"closed off 3/4 to 33-1/2 after rising 9-1/4 points": a decline, a closing price and a
    rise, of the stock the clause is about."""
    before = c.before()
    move = _MOVE_BEFORE.search(before)
    trade = _TRADE_BEFORE.search(before)
    if move:
        subject = _subject_before(before, move.start(), trade.start() if trade else None)
        return f"{MOTION_VERBS[move.group(1)]} in {subject}" if subject else MOTION_VERBS[move.group(1)]
    if trade:
        subject = _subject_before(before, trade.start(), None)
        return f"{_TRADING_VERBS[trade.group(1)]} of {subject}" if subject else _TRADING_VERBS[trade.group(1)]
    level = _LEVEL_BEFORE.search(before)
    if level:
        return _subject_before(before, level.start(), None)
    return ""


_LETTER_WORD = re.compile(r"[A-Za-z][\w-]*")
_OF_BEFORE = re.compile(r"\bof\s+(?:the\s+)?$")


def _valued(c: _Context) -> str:
    """"Chrysler's cost of acquisition was valued at 782 mln dlrs": the subject's measure."""
    before = c.text[c.sentence.start : c.start]
    passive = _PASSIVE_VALUE.search(before)
    if passive is None:
        return ""
    nouns = [m for m in _LETTER_WORD.finditer(before[: passive.start()]) if _is_measure_noun(m.group(0)) and not _OF_BEFORE.search(before[: m.start()])]
    if nouns:
        start, end = c.sentence.start + nouns[-1].start(), c.sentence.start + nouns[-1].end()
        return _with_object(c.text, start, end, c.sentence.start + passive.start())
    return _subject_before(before, passive.start(), None) or DEAL_VERBS.get(passive.group("verb"), "")


_LETTERS_WORD = re.compile(r"[A-Za-z][\w'-]*")
_CLAUSE_MARK = re.compile(r"[,;:]")


def _nearest(c: _Context) -> str:
    """The measure noun or deal verb of the sentence nearest to the amount, in words (names
    and other amounts count as none or one, a clause break as two); a noun after the amount
    behind a preposition ("on sales of", "after the gain in") is context, not the measure."""
    best = None
    text, sentence = c.text, c.sentence
    for word in _LETTERS_WORD.finditer(text[sentence.start : sentence.end]):
        start, end = sentence.start + word.start(), sentence.start + word.end()
        lower = word.group(0).lower()
        if not (lower in MEASURE_NOUNS or lower in DEAL_VERBS) or c.start <= start < c.end or start in c.claimed:
            continue
        between = c.masked(end, c.start) if end <= c.start else c.masked(c.end, start)
        tokens = between.split()
        if end > c.start and not all(_may_join(t) or (t in ("and", "&") and i and tokens[i - 1][:1].isupper()) for i, t in enumerate(tokens)):
            continue  # "of Chrysler Corp and unit debt": names joined, one phrase
        distance = sum(1 for w in tokens if not w[:1].isupper() and w[:1] != "(") + WEIGHTS["clause_break"] * len(_CLAUSE_MARK.findall(between))
        if end > c.start:
            distance -= WEIGHTS["after_bonus"]
        if best is None or distance < best[0]:
            best = (distance, start, end)
    if best is None or best[0] > WEIGHTS["max_distance"]:
        return ""
    start, end = best[1], best[2]
    verb = text[start:end].lower()
    if verb in DEAL_VERBS:
        return _governor(text, sentence, start) or _deal_noun(text, verb, end)
    limit = c.end if start >= c.end else sentence.start
    return _with_object(text, _modified_start(text, start, limit), _compound_end(text, start), sentence.end, skip=(c.start, c.end))


_AT_BEFORE = re.compile(r"\bat\s+$")
_EACH_AFTER = re.compile(r"\s+(?:each|apiece|a\s+share|per\s+share)\b")


def _unit_price(c: _Context) -> str:
    """"accepted 2.3 mln shares at 90.25 dlrs each": a price a share."""
    if _AT_BEFORE.search(c.text[max(0, c.start - 4) : c.start]) and _EACH_AFTER.match(c.text[c.end :]):
        return "price per share"
    return ""


_RULES = (_restated, _counted, _attributive, _after, _postnominal, _shares_kind, _stake, _market, _valued, _nearest, _unit_price)


# -- phrases -------------------------------------------------------------------------------------


def _may_join(token: str) -> bool:
    """A word that may stand between an amount and the noun after it that it measures ("11.1
    pct of the total stake"); a preposition, a verb or a conjunction ("on sales", "once the
    merger") starts a phrase of its own."""
    lower = token.lower()
    if lower in ("of", "a", "an", "the", "its", "their", "his", "her", "#"):
        return True
    return not (lexicon.is_function_word(token) or lower in _PREPOSITIONS or lower in DEAL_VERBS or lower.endswith("ed"))


def _is_measure_noun(word: str) -> bool:
    lower = word.lower()
    return lower in MEASURE_NOUNS or (lower.endswith("s") and lower[:-1] in MEASURE_NOUNS) or lower + "s" in MEASURE_NOUNS


_LOWERCASE_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")


def _compound_end(text: str, start: int) -> int:
    """End of the noun at ``start`` with the measure nouns that follow it: "cash payment",
    "tax credits", "pension liabilities"."""
    word = _LETTER_WORD.match(text[start:])
    end = start + (word.end() if word else 0)
    for _ in range(2):
        following = _LOWERCASE_WORD_AFTER.match(text[end:])
        if following is None or not _is_measure_noun(following.group(1)):
            break
        end += following.end()
    return end


_NON_SPACE = re.compile(r"\S+")
_MODIFIER_FORM = re.compile(r"[a-z][\w-]*[^s\W]|[a-z][\w-]*ss")


def _modified_start(text: str, start: int, limit: int) -> int:
    """Where the noun at ``start`` begins with the lowercase words that modify it, when an
    article, a possessive or a preposition shows they do ("in unfunded pension liabilities",
    "the total outstanding common stock"); else ``start`` (a verb may stand there: "said sales")."""
    words = list(_NON_SPACE.finditer(text[limit:start]))
    kept = start
    for word in reversed(words[-3:]):
        token = word.group(0)
        if token.lower() in _BOUNDS or token.endswith(("'s", "’s", "'", "’")):
            return kept
        if lexicon.is_function_word(token) and token.islower():
            return kept if all(_is_modifier(w) for w in text[kept:start].split()) else start
        if not _MODIFIER_FORM.fullmatch(token) or token in _NOT_MODIFIERS or token in DEAL_VERBS or token in MOTION_VERBS:
            return start  # not a verb ("includes", "sold") nor a plural ("deal includes payment")
        kept = limit + word.start()
    return start


def _is_modifier(word: str) -> bool:
    """A modifier after a word that may be a verb ("has tax credits"), not itself a verb form
    ("which sold shares")."""
    return not word.endswith(("ed", "ing"))


_AUXILIARIES_AT_END = re.compile(r"(?:\s+(?:last|also|had|has|have|was|were|is|are|then|still|already|would|will|could|should|may|might|can))+$")


def _subject_before(before: str, position: int, verb_start: int | None) -> str:
    """The noun phrase a verb at ``position`` of ``before`` is about: "Harper and Row's
    stock closed", "Dome traded", "the preferred class A stock closed"; "" for a pronoun."""
    end = verb_start if verb_start is not None and verb_start < position else position
    head = before[:end].rstrip()
    head = _AUXILIARIES_AT_END.sub("", head)
    words = list(_WORD.finditer(head))
    kept: list[str] = []
    for word in reversed(words[-6:]):
        token = word.group(0)
        if not kept and not (token[:1].isupper() or _is_measure_noun(token) or token in _SHARE_NOUNS):
            return ""
        if token == "#" or (lexicon.is_function_word(token) and token.lower() not in ("and", "of", *_SHARE_NOUNS)) or token.lower() in _NOT_MODIFIERS:
            break
        kept.append(token)
    while kept and kept[-1].lower() in ("and", "of"):
        kept.pop()
    if kept and not any(w[:1].isupper() or _is_measure_noun(w) or w in _SHARE_NOUNS for w in kept):
        return ""
    return " ".join(reversed(kept))


def _governor(text: str, sentence: Span, start: int) -> str:
    """"offered to acquire", "an option to buy": the offer, the option."""
    if not _TO_BEFORE.search(text[max(sentence.start, start - 4) : start]):
        return ""
    words = list(_NON_SPACE.finditer(text[sentence.start : start - 3]))
    counted = 0
    for word in reversed(words):
        token = word.group(0).strip(",.;:()\"")
        lower = token.lower()
        if lower in MEASURE_NOUNS:
            at = sentence.start + word.start()
            return _with_object(text, at, at + len(token), start)
        if lower in DEAL_VERBS:
            return DEAL_VERBS[lower]
        counted += not token[:1].isupper()
        if counted > WEIGHTS["governor_words"]:
            break
    return ""


_DEAL_OBJECT = re.compile(r"\s+(?:all\s+of\s+)?(" + _NAME + ")")


def _deal_noun(text: str, verb: str, end: int) -> str:
    """The noun of a deal verb, with the company it names: "acquire Cyclops Corp" ->
    "acquisition of Cyclops Corp"."""
    obj = _DEAL_OBJECT.match(text[end:])
    noun = DEAL_VERBS[verb]
    if obj and not lexicon.is_function_word(obj.group(1).split()[0]):
        return f"{noun} of {obj.group(1)}"
    return noun


_OBJECT_AFTER = re.compile(r"\s+(?:(?:of|in|for|on|by|from)\s+)(?:the\s+)?((?:[A-Z][\w.&'-]*)(?:\s+(?:[A-Z][\w.&'-]*|of|and|&))*)")
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w.&-]*\s(?:(?:and|&)\s)?)*[A-Z][\w.&-]*['’]s)\s+(?:[a-z][\w-]*\s+){0,2}$")
_OF_NOUN_AFTER = re.compile(r"\s+of\s+(?:the\s+)?([a-z][\w-]*)")


def _with_object(text: str, start: int, end: int, limit: int, skip: tuple[int, int] | None = None) -> str:
    """The noun with its owner and the "of/in/for + Name" that follows it: "Amoco's bid",
    "stake in Cyclops Corp", "cost of acquisition"."""
    rest = text[end:limit]
    if skip is not None and skip[0] >= end:
        rest = text[end : skip[0]] + text[skip[1] : limit]
    obj = _OBJECT_AFTER.match(rest)
    phrase = text[start:end]
    owner = _OWNER_BEFORE.search(text[max(0, start - 60) : start])
    if owner:
        phrase = f"{owner.group(1)} {phrase}"  # "Amoco's bid", "TransCanada's raised offer"
    if obj and obj.group(1) and obj.group(1).split()[0].lower().rstrip(".") not in _CALENDAR_WORDS:
        words = obj.group(1).split()
        while words and words[-1] in ("of", "and", "&"):
            words.pop()
        phrase = f"{phrase} {obj.group(0).split()[0]} {' '.join(words)}"
    else:
        measure = _OF_NOUN_AFTER.match(rest)
        if measure and _is_measure_noun(measure.group(1)):
            phrase = f"{phrase}{rest[: measure.end()]}"  # "cost of acquisition", "cost of the merger"
    return phrase.rstrip(".")
