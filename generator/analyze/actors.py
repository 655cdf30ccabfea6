"""Named actors of an article: people, organizations, places, brands, events.

A name is a run of capitalized words in a body paragraph (with connectors such as
"of"); words capitalized only because they start a sentence, month names and photo
credits are not names. Short forms fold into the full name when the rest of it is a
corporate suffix ("Huawei" -> "Huawei Technologies"). The type comes from votes of
cues in the text: the name's last word, the noun after it ("the Aito brand"), a title
before it, the gazetteer of places, quotation marks.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from . import lexicon
from ..model import ACTOR_TYPES, Actor, Article, Mention
from .document import Document
from .text import Span, clause_spans, containing, guarded, strip_sentence_end

_POSSESSIVE = re.compile(r"['’]s$")
_DESCRIPTOR = re.compile(r"-(?:based|born|listed|owned|made|led|backed|headquartered)$", re.IGNORECASE)
_CONNECTORS = frozenset("of de des del della da di der van von la le du al bin & for".split())
_AND_FORMS = frozenset("co company cos sons partners associates".split())
"""After "and", words that finish a firm's name: "Jefferies and Co", "Smith and Sons"."""
_FIRM_ENDINGS = r"(?:Inc|Corp|Co|Ltd|Plc|PLC|LLC|AG|SA|NV|Group|Holdings)\b"
"""As written after a firm's name, case and all (the lexicon's LEGAL_FORMS are compared lowercased)."""
_SUFFIXED = guarded(r"\b([A-Z][\w'’-]+) " + _FIRM_ENDINGS)
_OPENING_QUOTES = "“\"‘'«"
_CLOSING_QUOTES = "”\"’'»"
_ROLE_MAX_WORDS = 8

_DEFAULT_TYPE = "other"

# Patterns of the small tests below, compiled once
_LOWERCASE_WORD = re.compile(r"\b[a-z]\w*")
_LETTER_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?")
_SPACE_DIGIT = re.compile(r" \d")
_CAPITALS = re.compile(r"[A-Z]{2,6}")
_ACRONYM = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,4}")
_NAME_BREAK = re.compile(r"[\s/-]+")
_BID = re.compile(r"\b(?:bid|offer|proposal|approach)\b")
_NUMBER_FIRST = re.compile(r"\d.*")
_ALPHANUMERIC_RUN = re.compile(r"[A-Za-z0-9]+")


@dataclass(slots=True)
class _Candidate:
    surface: str
    votes: Counter = field(default_factory=Counter)


def extract_actors(document: Document) -> tuple[Actor, ...]:
    """Every named actor of the article, most salient first: the names ``recognize`` finds
    but the dateline's place (where the story was filed, unless the story names it again)
    and adjectives of nationality ("Canadian", "North American")."""
    return tuple(a for a in recognize(document) if not _is_dateline_only(a, document) and not is_nationality(a.name))


def _is_dateline_only(actor: Actor, document: Document) -> bool:
    return all(document.in_dateline(m.paragraph, m.start) for m in actor.mentions)


is_nationality = lexicon.is_nationality


def recognize(document: Document) -> tuple[Actor, ...]:
    """Every name of the article (the recognition layer, scored against CoNLL-2003's
    entities, which count datelines and nationalities), most salient first."""
    article = document.article
    context = _DocumentContext.of(document)
    candidates, tickers = _find_candidates(document, context)
    reasons: dict[str, str] = {}
    groups = _resolve(_fold(candidates, context, reasons), candidates, tickers, reasons)
    found = _find_mentions(article, groups)
    actors = []
    for canonical, forms in groups.items():
        mentions = found.get(canonical, ())
        if not mentions:
            continue
        votes = sum((candidates[f].votes for f in forms), Counter())
        actors.append((canonical, forms, mentions, _vote_type(canonical, votes)))
    lead = next((p.id for p in article.paragraphs if p.kind == "body"), None)
    scores = {name: _salience_score(article, forms, mentions, lead) for name, forms, mentions, _ in actors}
    top = max(scores.values(), default=1.0) or 1.0
    result = []
    for canonical, forms, mentions, kind in actors:
        role, role_paragraph = _role(document, mentions)
        aliases = tuple(sorted(f for f in forms if f != canonical))
        votes = sum((candidates[f].votes for f in forms), Counter())
        evidence = tuple(f"{form}: {reasons.get(form, 'another form of the name')}" for form in aliases) + (_type_evidence(canonical, kind, votes),)
        result.append(Actor(canonical, kind, aliases, role, role_paragraph, round(scores[canonical] / top, 3), mentions, evidence))
    order = {p.id: i for i, p in enumerate(article.paragraphs)}
    result.sort(key=lambda a: (-a.salience, order[a.mentions[0].paragraph], a.mentions[0].start, a.name))
    return tuple(result)


# -- finding names ------------------------------------------------------------------------


_TICKER_AFTER = re.compile(r" \(([A-Z][A-Z0-9&]{0,5}(?:\.[A-Z]{1,2})?)\)")
"""A ticker in brackets right after a name: "Dome Petroleum Ltd (DMP.MO)"."""
_EXCHANGE_TICKER_AFTER = re.compile(r" ([A-Z]{1,5}\.[A-Z]{1,2})(?![\w.])")
"""A ticker with its exchange right after a name, without brackets: "Renault RENA.PA"."""


def _find_candidates(document: Document, context: _DocumentContext) -> tuple[dict[str, _Candidate], dict[str, str]]:
    """Candidate names with their type votes, and the tickers written after a name
    (ticker -> name)."""
    candidates: dict[str, _Candidate] = {}
    tickers: dict[str, str] = {}
    for passage in document.passages:
        if passage.kind == "caption":
            continue
        text = passage.text
        headline = passage.kind == "heading" and _is_title_case(text)
        for tokens in passage.tokens:
            if document.dateline is not None and passage.id == document.dateline.paragraph:
                tokens = tuple(t for t in tokens if t[0] >= document.dateline.span.end)  # the story starts after it
            for run in _capitalized_runs(text, tokens, context):
                spans = _places_in_run(text, tokens, run) if headline else _split_of(text, tokens, _trim_run(text, tokens, run, context))
                for span in spans:
                    if span is None:
                        continue
                    start, end, first, last = span
                    candidate = candidates.setdefault(text[start:end], _Candidate(text[start:end]))
                    _add_cues(candidate, text, tokens, first, last, start, end)
                    ticker = _TICKER_AFTER.match(text, end) or _EXCHANGE_TICKER_AFTER.match(text, end)
                    if ticker and ticker.group(1) != text[start:end]:
                        tickers.setdefault(ticker.group(1), text[start:end])
                        candidate.votes["organization"] += WEIGHTS["ticker after the name"]
    return candidates, tickers


@dataclass(frozen=True, slots=True)
class _DocumentContext:
    """What the whole article says about a word: seen lowercase, seen capitalized mid-sentence."""

    lowercase: frozenset[str]
    capitalized_inside: frozenset[str]
    suffixed: frozenset[str] = frozenset()
    """Words written somewhere with a legal form after them ("Chrysler" of "Chrysler Corp")."""
    text: str = ""
    """The whole body, to count phrases."""

    @classmethod
    def of(cls, document: Document) -> "_DocumentContext":
        lowercase, inside, suffixed = set(), set(), set()
        for passage in document.body:
            text = passage.text
            lowercase.update(_LOWERCASE_WORD.findall(text))
            suffixed.update(m.group(1) for m in _SUFFIXED.finditer(text))
            for tokens in passage.tokens:
                for start, end in tokens[1:]:
                    word = text[start:end]
                    if _is_capitalized(word) and not word.isupper() and text[start - 2 : start].strip() not in (".", ":", "\"", "“"):
                        inside.add(_bare(word))
        body = "\n".join(p.text for p in document.body)
        return cls(frozenset(lowercase), frozenset(inside), frozenset(suffixed), body)


def _split_of(text: str, tokens, span):
    """A name cut at "of" where two names meet: a person and their firm ("Jack Kirnan of
    Kidder Peabody and Co"), or a company and its country ("News Corp Ltd of Australia");
    "Bank of America" and "Department of Transportation" stay whole."""
    if span is None:
        return [None]
    start, end, first, last = span
    for k in range(first + 1, last):
        if text[slice(*tokens[k])] != "of":
            continue
        left = [text[slice(*tokens[i])] for i in range(first, k)]
        person = 2 <= len(left) <= 3 and (lexicon.given_name_weight(left[0]) >= 1 or _INITIAL.fullmatch(left[0])) and not any(
            w.lower().rstrip(".") in lexicon.ORGANIZATION_SUFFIXES for w in left
        )
        firm = left[-1].lower().rstrip(".") in lexicon.LEGAL_FORMS
        if person or firm:
            return [(start, tokens[k - 1][1], first, k - 1), (tokens[k + 1][0], end, k + 1, last)]
    return [span]


def _is_title_case(text: str) -> bool:
    """A headline: most of its words capitalized, so capitals say nothing about names."""
    words = [w for w in _LETTER_WORD.findall(text) if not lexicon.is_function_word(w) or w[:1].isupper()]
    if not words:
        return False
    return sum(w[:1].isupper() for w in words) / len(words) >= 0.6


def _places_in_run(text: str, tokens, run: list[int]):
    """In a headline, only known places are names: the whole run or any of its words."""
    found = []
    i = 0
    while i < len(run):
        for j in range(len(run) - 1, i - 1, -1):
            start, end = tokens[run[i]][0], tokens[run[j]][1]
            if _POSSESSIVE.search(text[start:end]):
                end -= 2
            if lexicon.is_place(text[start:end]):
                found.append((start, end, run[i], run[j]))
                i = j
                break
        i += 1
    return found


def _is_capitalized(word: str) -> bool:
    return word[:1].isupper() and (word[0].isalpha() or any(c.isalpha() for c in word))  # mostly the first is a letter


def _capitalized_runs(text: str, tokens: list[tuple[int, int]], context: _DocumentContext | None = None) -> list[list[int]]:
    """Index runs of capitalized tokens separated only by single spaces (or joined by a
    slash: "Audio/Video"), through connectors ("Bank of America") and through "and" where
    the document shows one name ("Harper and Row Publishers Inc", "Jefferies and Co")."""
    runs: list[list[int]] = []
    words = [text[start:end] for start, end in tokens]  # each token's text, sliced once
    i = 0
    while i < len(tokens):
        word = words[i]
        if not _is_capitalized(word) or _PERIOD_WORD.fullmatch(word):
            i += 1
            continue
        following = words[i + 1] if i + 1 < len(tokens) else ""
        if _is_title_word(word, following) and _is_capitalized(following) and _adjacent(text, tokens[i], tokens[i + 1]):
            i += 1
            continue
        run = [i]
        while not _POSSESSIVE.search(words[run[-1]]):
            j = run[-1] + 1
            if j < len(tokens) and _is_slash_join(text, tokens, j):
                run.extend((j, j + 1))
                continue
            if j >= len(tokens) or not _adjacent(text, tokens[j - 1], tokens[j]):
                break
            word = words[j]
            if j + 1 < len(tokens) and _is_title_word(word, words[j + 1]) and _is_capitalized(words[j + 1]):
                break  # "President Bill Clinton": the title is not part of the name
            if _PERIOD_WORD.fullmatch(word):
                break
            if (_ends_abbreviation(text, tokens[j - 1]) or _ends_suffix(text, tokens[j - 1])) and _is_capitalized(word) and _is_sentence_word(word, context, text, tokens, j):
                break  # "the U.S. Expired options", "... Acme Corp. Regulators said": a new sentence or a plain word
            if _is_exchange_ticker(word) and run:
                break  # "Regie Nationale des Usines Renault RENA.PA": the ticker after the name
            if _is_capitalized(word):
                run.append(j)
            elif word.lower() in _CONNECTORS and j + 1 < len(tokens) and _adjacent(text, tokens[j], tokens[j + 1]) and _is_capitalized(words[j + 1]):
                run.extend((j, j + 1))
            elif word.lower() == "and" and context is not None and _joins_and(text, tokens, run, j, context):
                run.extend((j, j + 1))
            else:
                break
        runs.append(run)
        i = run[-1] + 1
    return runs


def _ends_abbreviation(text: str, token: tuple[int, int]) -> bool:
    return text[token[1] - 1 : token[1]] == "." and "." in text[token[0] : token[1] - 1]


def _ends_suffix(text: str, token: tuple[int, int]) -> bool:
    """"Corp.", "Inc.", "Co.": a company's name ends there, and so may the sentence."""
    word = text[slice(*token)]
    return word.endswith(".") and word[:-1].lower() in lexicon.ORGANIZATION_SUFFIXES


def _is_sentence_word(word: str, context: _DocumentContext | None, text: str = "", tokens=(), j: int = 0) -> bool:
    """After an abbreviation, a capitalized word that is a plain word: a function word, or a
    common word that does not go on to an organization's name ("U.S. District Court" does)."""
    if lexicon.is_function_word(word):
        return True
    if lexicon.zipf(word.lower()) < 3.5:
        return False
    k = j
    while k + 1 < len(tokens) and _adjacent(text, tokens[k], tokens[k + 1]) and _is_capitalized(text[slice(*tokens[k + 1])]):
        k += 1
    return text[slice(*tokens[k])].lower().rstrip(".") not in lexicon.ORGANIZATION_SUFFIXES


_EXCHANGE_TICKER = re.compile(r"[A-Z]{1,5}\.[A-Z]{1,2}")


def _is_exchange_ticker(word: str) -> bool:
    """"RENA.PA", "DXNS.L": a ticker with its exchange, not a word of a name ("U.S" is no ticker)."""
    return bool(_EXCHANGE_TICKER.fullmatch(word)) and not _INITIALS.fullmatch(word)


def _is_title_word(word: str, following: str = "") -> bool:
    """"President", "Mr.", "General": a title before a name, not part of it; "General" is
    part of "General Dynamics" and "General Motors"."""
    lower = word.lower()
    if lower in ("general", "gen") and following.lower() in lexicon.COMPANY_WORDS_AFTER_GENERAL | lexicon.ORGANIZATION_SUFFIXES:
        return False
    if lower in ("prime", "vice", "deputy", "foreign", "finance", "defence", "defense"):
        return following.lower().rstrip(".") in lexicon.PERSON_TITLES  # "Finance Minister", not "Baikal Finance Group"
    return lower in lexicon.PERSON_TITLES


_PERIOD_WORD = re.compile(r"Q[1-4]|H[12]|[1-4]Q\d{2}|[12]H|FY\d{2}(?:\d{2})?|\d{1,2}-K|10-Q", re.IGNORECASE)
"""Quarters, halves and fiscal years ("Q3", "H2", "FY2024", "3Q25") and filings ("10-Q"):
dates and documents, never words of a name."""


def _adjacent(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    return text[left[1] : right[0]] == " "


def _is_slash_join(text: str, tokens, j: int) -> bool:
    """A slash between two capitalized words, without spaces: "Audio/Video", "Royal Dutch/Shell"."""
    return (
        text[slice(*tokens[j])] == "/"
        and j + 1 < len(tokens)
        and tokens[j - 1][1] == tokens[j][0]
        and tokens[j][1] == tokens[j + 1][0]
        and _is_capitalized(text[slice(*tokens[j + 1])])
    )


def _suffixed_elsewhere(word: str, left: str, context: _DocumentContext) -> bool:
    """Is ``word`` written with a legal form after it other than right after "``left`` and"
    ("Renault and Chrysler" beside "Chrysler Corp"; not "Smith and Jones Ltd" alone)?"""
    if word not in context.suffixed:
        return False
    everywhere = sum(1 for at in _occurrences(context.text, word) if _LEGAL_AFTER.match(context.text, at + len(word)))
    phrase = f"{left} and {word}"
    here = sum(1 for at in _occurrences(context.text, phrase) if _LEGAL_AFTER.match(context.text, at + len(phrase)))
    return everywhere > here


_LEGAL_AFTER = re.compile(r"(?: [A-Z][\w'’-]+)* " + _FIRM_ENDINGS)


def _occurrences(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` stands as whole words in ``text`` (str.find: no regex to compile)."""
    found, at = [], text.find(phrase)
    while at != -1:
        end = at + len(phrase)
        if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            found.append(at)
        at = text.find(phrase, at + 1)
    return found


def _joins_and(text: str, tokens, run: list[int], j: int, context: _DocumentContext) -> bool:
    """Does "X and Y" at token ``j`` name one organization? Yes when Y is a legal form
    ("Jefferies and Co"), or when the name goes on to an organization's last word ("Harper
    and Row Publishers Inc", "Securities and Exchange Commission") and X is not a name of
    its own here (written with its own legal form, a known place, or a person's name)."""
    if j + 1 >= len(tokens) or not _adjacent(text, tokens[j - 1], tokens[j]) or not _adjacent(text, tokens[j], tokens[j + 1]):
        return False
    after = text[slice(*tokens[j + 1])]
    if not _is_capitalized(after):
        return False
    if after.lower().rstrip(".") in _AND_FORMS:
        return True
    left = [text[slice(*tokens[i])] for i in run]
    if len(left) > 3 or left[-1].lower().rstrip(".") in lexicon.LEGAL_FORMS or any(lexicon.is_place(w) for w in left):
        return False
    if _bare(after) == left[0]:
        return False  # "Ambuja Cement Eastern and Ambuja Cement India Ltd": a name does not repeat its first word
    if left[0] in context.suffixed or _suffixed_elsewhere(_bare(after), " ".join(left), context) or lexicon.is_place(after):
        return False  # "Chrysler and American Motors Corp" where "Chrysler Corp" is written too
    k = j + 1
    while k + 1 < len(tokens) and _adjacent(text, tokens[k], tokens[k + 1]) and _is_capitalized(text[slice(*tokens[k + 1])]):
        k += 1
    last = text[slice(*tokens[k])].lower().rstrip(".")
    x = " ".join(left)
    together = len(_occurrences(context.text, f"{x} and {_bare(after)}"))
    alone = len(_occurrences(context.text, x)) - together
    if together >= 2:
        return True  # the same "X and Y" again and again: one name
    # once: a name only if it ends as one and X is never named alone ("GAC and Dongfeng Motor Group" is two)
    return last in lexicon.ORGANIZATION_SUFFIXES and alone == 0 and not x.isupper() and lexicon.given_name_weight(left[0]) < 2


def _trim_run(text: str, tokens, run: list[int], context: _DocumentContext) -> tuple[int, int, int, int] | None:
    """Drop words capitalized only by position, months and the like; None if nothing is left."""
    words = [_bare(text[slice(*tokens[i])]) for i in run]
    dotted = [text[tokens[i][1] : tokens[i][1] + 1] == "." for i in run]
    at_start = run[0] == 0 or all(not text[slice(*tokens[k])][:1].isalnum() for k in range(run[0])) or (run[0] > 0 and (_ends_abbreviation(text, tokens[run[0] - 1]) or _ends_suffix(text, tokens[run[0] - 1])) and lexicon.zipf(_bare(text[slice(*tokens[run[0]])]).lower()) >= 3.5)
    keep = list(range(len(run)))
    while keep and _is_positional(words, keep, at_start, context, dotted[keep[0]]):
        keep.pop(0)
        at_start = True
    while keep and (words[keep[-1]].lower() in _CONNECTORS or _is_date_word(words[keep[-1]], dotted[keep[-1]])):
        keep.pop()
    if len(keep) > 1 and _DESCRIPTOR.search(words[keep[0]]):
        keep.pop(0)  # "Chicago-based Amoco": the name is what the descriptor describes
    if keep and _DESCRIPTOR.search(words[keep[-1]]):
        # "Chongqing-based": the name is the part before the hyphen
        words[keep[-1]] = _DESCRIPTOR.sub("", words[keep[-1]])
    if not keep:
        return None
    if _is_compound_of_names(words[keep[-1]], context):
        return None  # "Dixon-Cyclop", "Amoco Canada-Dome": two names joined, each found on its own
    if len(keep) == 1 and _is_reference_or_state(text, tokens, run[keep[0]], words[keep[0]]):
        return None
    name_words = words[keep[0] : keep[-1] + 1]
    if all(lexicon.is_function_word(w) for w in name_words):
        return None
    if len(name_words) == 1 and (len(name_words[0]) == 1 or name_words[0] in ("I", "A")):
        return None
    name = " ".join(name_words)
    if all(w.isupper() and len(w) > 2 and lexicon.zipf(w) >= 3.5 for w in name_words) and not lexicon.is_place(name):
        return None  # a shouted common word: "SOCCER", "RESULTS"
    first, last = run[keep[0]], run[keep[-1]]
    start, end = tokens[first][0], tokens[last][1]
    if _POSSESSIVE.search(text[start:end]):
        end -= 2
    descriptor = _DESCRIPTOR.search(text[start:end])
    if descriptor:
        end = start + descriptor.start()
    return start, end, first, last


def _is_reference_or_state(text: str, tokens, index: int, word: str) -> bool:
    """"Chapter 11", "Section 8": a common word before a number is a reference, not a name;
    "Mo." after "St. Louis, " is the city's state, part of the place."""
    start, end = tokens[index]
    if _SPACE_DIGIT.match(text[end : end + 2]) and word.lower() in lexicon.REFERENCE_NOUNS:
        return True
    dotted = text[start:end] + ("" if text[end - 1 : end] == "." else text[end : end + 1])
    return text[max(0, start - 2) : start] == ", " and dotted.lower() in lexicon.STATE_ABBREVIATIONS


def _is_compound_of_names(word: str, context: _DocumentContext) -> bool:
    """A hyphenated word of two capitalized parts, the second of which the article names alone."""
    parts = word.split("-")
    if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
        return False
    return any(
        (at == 0 or context.text[at - 1] != "-") and context.text[at + len(parts[1]) : at + len(parts[1]) + 1] != "-"
        for at in _occurrences(context.text, parts[1])
    )


def _is_positional(words: list[str], keep: list[int], at_start: bool, context: _DocumentContext, dotted: bool = False) -> bool:
    """Is the run's first word capitalized only because of where it stands?"""
    word = words[keep[0]]
    if _is_date_word(word, dotted):
        return True
    rest = " ".join(words[keep[0] : keep[-1] + 1])
    if len(keep) > 1 and any(lexicon.is_place(" ".join(words[keep[0] : keep[0] + n])) for n in (2, 3)):
        return False  # "New York", "New York Stock Exchange": the opening word belongs to the place
    if len(keep) > 1 and word.lower() == "general" and not _is_title_word(word, words[keep[1]]):
        return False  # "General Dynamics said": the company, not the rank
    if lexicon.is_function_word(word):
        return at_start
    if not at_start or word.isupper():
        return False
    if lexicon.is_place(rest) or lexicon.is_place(word) or word in context.capitalized_inside:
        return False
    if _is_common_plural(word) and (len(keep) == 1 or words[keep[1]].lower() in _CONNECTORS):
        return True  # "Regulators in Beijing ...", "Shares of Acme Corp fell": a plain plural opens the sentence
    named = (
        words[keep[-1]].lower().rstrip(".") in lexicon.ORGANIZATION_SUFFIXES
        or any(words[k].lower().rstrip(".") in lexicon.LEGAL_FORMS for k in keep)
    )
    if len(keep) > 1 and (lexicon.given_name_weight(word) >= 2 or named or lexicon.zipf(word) < 4.5):
        return False  # "Xiaomi Corp.", "Lumen Robotics": a company name opens the sentence
    return word.lower() in context.lowercase or lexicon.zipf(word) >= 3.8


def _is_common_plural(word: str) -> bool:
    """"Regulators", "Shareholders", "Authorities": the plural of a common word, not a
    name ("Sears", "Reuters" and "Williams" are no such plural)."""
    lower = word.lower()
    if not lower.endswith("s") or lower.endswith("ss") or len(lower) < 5:
        return False
    singular = lower[:-3] + "y" if lower.endswith("ies") else lower[:-1]
    return lexicon.zipf(singular) >= 3.5 and lexicon.given_name_weight(singular.capitalize()) < 2


def _is_date_word(word: str, dotted: bool = False) -> bool:
    """Month and weekday names; abbreviations only with their period ("Jun." yes, "Lei Jun" no)."""
    lower = word.lower().rstrip(".")
    return lower in lexicon.MONTHS or lower in lexicon.WEEKDAYS or (dotted and lower in lexicon.MONTH_ABBREVIATION_WORDS)


def _bare(word: str) -> str:
    """The word without its possessive "'s" (``_POSSESSIVE.sub("", word)``, without a regex)."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'s\n", "’s\n")):
        return word[:-3] + "\n"  # "$" matches before a last newline too
    return word


is_demonym_word = lexicon.is_demonym_word


WEIGHTS = {
    # cues in the text around one mention (_add_cues)
    "in quotation marks": 1.5,  # “Aito”: a brand or product name
    "head noun after the name": 3.0,  # "the Aito brand", "Lumen Robotics unit"
    "organization noun before the name": 3.0,  # "German airline Lufthansa", "investment bank Deutsche Bank"
    "country in brackets after": 2.0,  # "Jansher Khan (Pakistan)": a player or official
    "said, without 'it'": 0.75,  # "Quinn said": people speak
    "said it": 2.0,  # "Acme said it would...", "Acme said its...": a company speaks of itself as it
    "title before": 3.0,  # "Mr. Smith", "chief executive Jane Roe"
    "cited by a media verb": 2.0,  # "reports Caixin"
    "business noun after the possessive": 2.0,  # "Acme's shares", "Acme's board"
    "shares or stake of the name": 2.0,  # "shares of Acme", "stake in Acme", "Acme shares"
    "ticker after the name": 3.0,  # "Dome Petroleum Ltd (DMP.MO)"
    "in/near/at before (weak)": 0.5,  # "fighting in Arbil": for names nothing else types
    "said before (weak)": 0.5,  # "..., said Hollioake"
    # what the name itself says (_vote_type)
    "organization last word": 3.0,  # Inc, Corp, Group, Bank, Airlines...
    "organization first word with 'of'": 3.0,  # "Department of Transportation", "Bank of America"
    "event last word": 3.0,  # Show, Summit, Cup
    "place last word": 2.0,  # River, Province
    "gazetteer place": 2.5,  # GeoNames countries, states, large cities; ISO 3166-2 subdivisions
    "given name, then a surname": 1.0,  # times given_name_weight (2 clear, 1 ambiguous); initials count 2
    "acronym": 0.5,  # "SEC", "U.N.": organizations more often than not
}
"""The tuned vote weights of the type rules, in one table: each cue adds its weight to one
type; the type with most votes wins (ties by ``ACTOR_TYPES`` order)."""

_BUSINESS_NOUNS = "shares|stock|board|offer|bid|unit|subsidiary|chairman|president|chief|directors|management|stake|shareholders|merger|takeover|acquisition|earnings|profit|revenue|sales|debt|assets"
_POSSESSIVE_BUSINESS = re.compile(rf"['’]s (?:{_BUSINESS_NOUNS})\b")
_SHARES_OF = guarded(r"(?:shares|stock|stake|holdings?|interest|control) (?:of|in) $|\b(?:analysts?|economists?|strategists?|traders?|bankers?|brokers?) (?:at|with|from) $")
"""Before a name: "shares of Acme", "stake in Acme", "analysts at Morgan Stanley": a company."""
_SAID_IT = re.compile(
    r" (?:said|says|added|announced|reported)"
    r"(?:,? (?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|last (?:week|month|year|night)"
    r"|earlier|yesterday|today|late on \w+|in a (?:statement|filing|release|report)))?,?"
    r" (?:that )?(?:it|its)\b",
    re.IGNORECASE,
)
"""After a name: "said it", "said on Tuesday it would", "said in a statement that its": a
company speaks of itself as it, a person as he or she."""
_NOUN_BEFORE = re.compile(r"(?:^|\s)(?:airline|carmaker|automaker|bank|firm|company|group|giant|magazine|newspaper|broadcaster|broker|insurer|exchange|lender|retailer|conglomerate|maker|manufacturer|producer) $")
"""A lowercase noun right before a name that says it is an organization: "German airline Lufthansa"."""
_STAFF_AFTER = re.compile(r"['’]?s? (?:spokesman|spokeswoman|chairman|chairwoman|chief executive|boss|board|employees|staff)\b")
"""After a name: "Fiat chairman", "a Lufthansa spokesman": the name is its employer's."""
_BRACKET_AFTER = re.compile(r" \(([^()]{2,30})\)")
_SAID_AFTER = re.compile(r" (?:said|says|told|added)\b")
_SHARES_AFTER = re.compile(r"(?:,? whose)? (?:shares|stock)\b")
"""After a name: "Acme shares", "Acme, whose shares fell": a listed company."""
_IN_BEFORE = re.compile(r"(?:^|\s)(?:in|near|at)$")
_SAID_BEFORE = re.compile(r"(?:^|\s)said$")
_DOTTED_TITLES = lexicon.PERSON_TITLES | {t + "." for t in lexicon.PERSON_TITLES}
"""A title as written before a name, its period kept or added ("mr.", "dr.", "president.")."""


def _add_cues(candidate: _Candidate, text: str, tokens, first: int, last: int, start: int, end: int) -> None:
    votes = candidate.votes
    if text[start - 1 : start] in _OPENING_QUOTES and start > 0 and text[end : end + 1] in _CLOSING_QUOTES:
        votes["brand"] += WEIGHTS["in quotation marks"]
    if last + 1 < len(tokens):
        following = text[slice(*tokens[last + 1])].lower()
        is_demonym = is_demonym_word(candidate.surface)
        described = text[end : end + 1] == "-"  # "Chongqing-based carmaker": the noun is not about the name
        if following in lexicon.HEAD_NOUN_TYPES and not is_demonym and not described and text[tokens[last][1] : tokens[last + 1][0]] in (" ", "” ", "\" "):
            votes[lexicon.HEAD_NOUN_TYPES[following]] += WEIGHTS["head noun after the name"]
    after = text[end : end + 40]
    bracket = _BRACKET_AFTER.match(after)
    if bracket and lexicon.is_place(bracket.group(1)):
        votes["person"] += WEIGHTS["country in brackets after"]
    if _SAID_IT.match(after):
        votes["organization"] += WEIGHTS["said it"]
    elif _SAID_AFTER.match(after) and not candidate.surface.isupper():
        votes["person"] += WEIGHTS["said, without 'it'"]
    if _NOUN_BEFORE.search(text[max(0, start - 16) : start]) and not text[max(0, start - 16) : start].rstrip().endswith("-"):
        votes["organization"] += WEIGHTS["organization noun before the name"]
    if _STAFF_AFTER.match(text, end) and not _POSSESSIVE_BUSINESS.match(text, end):
        votes["organization"] += WEIGHTS["business noun after the possessive"]
    if _POSSESSIVE_BUSINESS.match(text, end) or _SHARES_AFTER.match(after):
        votes["organization"] += WEIGHTS["business noun after the possessive"]
    before = text[max(0, start - 24) : start].lower().rstrip()
    if _SHARES_OF.search(text[max(0, start - 24) : start].lower()):
        votes["organization"] += WEIGHTS["shares or stake of the name"]
    if first > 0 and text[slice(*tokens[first - 1])].lower().rstrip(".") + "." in _DOTTED_TITLES:
        votes["person"] += WEIGHTS["title before"]
    if before.endswith(lexicon.MEDIA_VERBS):
        votes["organization"] += WEIGHTS["cited by a media verb"]
    weak = not candidate.surface.isupper() and not is_demonym_word(candidate.surface)
    if _IN_BEFORE.search(before) and weak:
        votes["place"] += WEIGHTS["in/near/at before (weak)"]
    if _SAID_BEFORE.search(before) and weak:
        votes["person"] += WEIGHTS["said before (weak)"]


# -- folding short forms into full names ------------------------------------------------------


def _fold(candidates: dict[str, _Candidate], context: _DocumentContext | None = None, reasons: dict | None = None) -> dict[str, tuple[str, ...]]:
    """Group surface forms under a canonical (full) name; ``reasons`` gets why each form was folded."""
    names = sorted(candidates, key=lambda s: (-len(s.split()), s))
    canonical_of: dict[str, str] = {}
    reasons = {} if reasons is None else reasons
    longer_forms = _longer_form_finder(names)
    for name in names:
        target = next((full for full in longer_forms(name) if full != name and _is_short_form(name, full)), None)
        if target is not None:
            reasons[name] = f"short form of '{target}' (the rest is a legal form or a company word, or it is the surname)"
        elif context is not None:
            target = _prefix_target(name, names, context)
            if target is not None:
                reasons[name] = f"the first words of '{target}', the one longer organization name that starts with them"
        canonical_of[name] = canonical_of.get(target, target) if target else name
    groups: dict[str, list[str]] = defaultdict(list)
    for name in names:
        groups[canonical_of[name]].append(name)
    return {k: tuple(v) for k, v in groups.items()}


def _longer_form_finder(names: list[str]):
    """The names ``_is_short_form`` may fold a name into, in the order of ``names``: those
    that share its first word, end with it, or are it without a final period (a look-up
    instead of a test of every pair)."""
    position = {name: i for i, name in enumerate(names)}
    by_first: dict[str, list[str]] = defaultdict(list)
    by_last: dict[str, list[str]] = defaultdict(list)
    for name in names:
        words = name.split()
        if words:
            by_first[words[0]].append(name)
            by_last[words[-1]].append(name)

    def longer_forms(short: str) -> list[str]:
        words = short.split()
        if not words:
            return names
        found = {*by_first.get(words[0], ()), *by_last.get(short, ())}
        if short[:-1] in position:
            found.add(short[:-1])
        return sorted(found, key=position.__getitem__)

    return longer_forms


def _prefix_target(short: str, names: list[str], context: _DocumentContext) -> str | None:
    """The one longer organization name that starts with ``short`` and adds a single word
    or a name of rare words ("Dome" of "Dome Petroleum Ltd", "Harcourt" of "Harcourt Brace
    Jovanovich Inc"), unless ``short`` is a name of its own here (written with its own
    legal form, as "Amoco" beside "Amoco Canada Petroleum"), a place, a nationality or a
    given name; "Citicorp" and "Citicorp Capital Investors Ltd" stay two."""
    if short in context.suffixed or lexicon.is_place(short) or is_nationality(short):
        return None
    found = []
    for full in names:
        if not full.startswith(short + " ") or full.split()[-1].lower().rstrip(".") not in lexicon.ORGANIZATION_SUFFIXES:
            continue
        tail = full[len(short) + 1 :]
        if tail.startswith("and "):
            found.append(full)  # "Harper" of "Harper and Row Publishers Inc": the firm's first name
            continue
        if " " not in short and lexicon.given_name_weight(short) >= 2:
            continue  # "John" is not short for "John Smith Ltd"
        rest = [w for w in tail.split() if w.lower().rstrip(".") not in lexicon.LEGAL_FORMS and w.lower() not in _CONNECTORS | {"and"}]
        if any(lexicon.is_place(w) for w in rest):
            continue  # "Amoco Canada Petroleum": a unit in a place, not the short form's long form
        if len(rest) <= 1 or sum(lexicon.zipf(w) for w in rest) / len(rest) < 3.0:
            found.append(full)  # one more word, or rare words ("Harcourt Brace Jovanovich"), not "Capital Investors"
    longest = max(found, key=len, default=None)
    return longest if longest is not None and all(longest.startswith(f) for f in found) else None


def _resolve(
    groups: dict[str, tuple[str, ...]], candidates: dict[str, _Candidate], tickers: dict[str, str], reasons: dict | None = None
) -> dict[str, tuple[str, ...]]:
    """Tickers, acronyms, misspellings and the name after "des"/"of" into the name they
    stand for: "DMP.MO" written after "Dome Petroleum Ltd", "AMC" for "American Motors
    Corp", "Amerian Motors" for "American Motors", "Renault" for "Regie Nationale des Usines
    Renault"."""
    owner = {form: canonical for canonical, forms in groups.items() for form in forms}
    merged: dict[str, str] = {}
    reasons = {} if reasons is None else reasons
    for ticker, name in tickers.items():
        if ticker in owner and name in owner and owner[ticker] != owner[name]:
            merged[owner[ticker]] = owner[name]
            reasons[ticker] = f"ticker written after '{name}'"
    for canonical in sorted(groups, key=lambda c: (len(c), c)):
        if canonical in merged:
            continue
        misspelt = _misspelling_of(canonical, groups, candidates)
        target = misspelt or _connector_tail_of(canonical, groups)
        if target is not None and merged.get(target) != canonical:
            merged[canonical] = target
            reasons[canonical] = f"one letter off '{target}'" if misspelt else f"the name that ends '{target}'"
    by_initials: dict[str, set[str]] = defaultdict(set)
    for canonical in groups:
        for initials in _initials(canonical):
            by_initials[initials].add(canonical)
    for canonical in groups:
        if canonical in merged or not _CAPITALS.fullmatch(canonical):
            continue
        expansions = by_initials.get(canonical, set()) - {canonical}
        if len(expansions) == 1:
            merged[canonical] = next(iter(expansions))
            reasons[canonical] = f"the initials of '{merged[canonical]}'"
    result: dict[str, list[str]] = {}
    for canonical, forms in groups.items():
        target = canonical
        while target in merged:
            target = merged[target]
        result.setdefault(target, []).extend(forms)
    return {k: tuple(sorted(set(v), key=lambda f: (-len(f.split()), f))) for k, v in result.items()}


def _misspelling_of(name: str, groups: dict[str, tuple[str, ...]], candidates: dict[str, _Candidate]) -> str | None:
    """The one longer-or-equal organization name this one misspells: one letter off in a word
    of five letters or more ("Cyclop" / "Cyclops Corp", "Amerian Motors", "NEw Corp" / "News
    Corp"). Never for people or places: "Jordan" and "Gordon" are two."""
    if _looks_personal(name, candidates) or lexicon.is_place(name) or len(name) < 5:
        return None
    words = name.lower().split()
    if not words or max(len(w) for w in words) < 5:
        return None
    found = set()
    for other in groups:
        if other == name or len(other) < len(name) or _looks_personal(other, candidates):
            continue
        other_words = other.lower().split()[: len(words)]
        if len(other_words) < len(words) or other.lower() == name.lower():
            continue
        if all(a[0] == b[0] for a, b in zip(words, other_words)) and sum(Levenshtein.distance(a, b) for a, b in zip(words, other_words)) == 1:
            found.add(other)
    return found.pop() if len(found) == 1 else None


def _looks_personal(name: str, candidates: dict[str, _Candidate]) -> bool:
    words = name.split()
    votes = candidates[name].votes if name in candidates else Counter()
    return votes["person"] >= WEIGHTS["title before"] or (len(words) in (2, 3) and lexicon.given_name_weight(words[0]) >= 2)


def _connector_tail_of(name: str, groups: dict[str, tuple[str, ...]]) -> str | None:
    """"Renault" for "Regie Nationale des Usines Renault": a single word that ends the one
    longer name that has a connector before its last words (never a place: "America" is not
    short for "Bank of America")."""
    if " " in name or lexicon.is_place(name) or is_nationality(name):
        return None
    found = [
        other for other in groups
        if other.endswith(" " + name) and any(w in ("des", "de", "du", "of") for w in other.split()[:-1]) and len(other.split()) >= 3
    ]
    return found[0] if len(found) == 1 else None


def _type_evidence(name: str, kind: str, votes: Counter) -> str:
    """Why the type: the cues' votes, with what the name itself says (see ``WEIGHTS``)."""
    total = _type_votes(name, votes)
    shown = ", ".join(f"{t} {v:g}" for t, v in sorted(total.items(), key=lambda x: (-x[1], x[0])) if v)
    return f"type {kind}: votes {shown or 'none (no cue: other)'}"


def _initials(name: str) -> set[str]:
    """The acronyms a multi-word name may go by: its capitalized words' initials, with and
    without the legal form ("AMC" and "AM" for "American Motors Corp")."""
    words = [w for w in _NAME_BREAK.split(name) if w[:1].isupper()]
    if len(words) < 2:
        return set()
    core = [w for w in words if w.lower().rstrip(".") not in lexicon.LEGAL_FORMS] or words
    return {"".join(w[0] for w in words), "".join(w[0] for w in core)} - {""}


def _is_short_form(short: str, full: str) -> bool:
    if short.endswith(".") and short[:-1] == full:
        return True  # "Amoco Corp." at a sentence's end is "Amoco Corp"
    short_words, full_words = short.split(), full.split()
    if len(short_words) == 1 and len(full_words) in (2, 3) and full_words[-1] == short and (
        lexicon.given_name_weight(full_words[0]) > 0 or _INITIAL.fullmatch(full_words[0])
    ):
        return True  # a surname: "Simmons" for "Phil Simmons"
    if len(short_words) >= len(full_words) or full_words[: len(short_words)] != short_words:
        return False
    rest = [w.lower() for w in full_words[len(short_words) :]]
    return all(w in lexicon.FOLDABLE_SUFFIXES for w in rest)


# -- mentions, types, salience, roles --------------------------------------------------------


def _find_mentions(article: Article, groups: dict[str, tuple[str, ...]]) -> dict[str, tuple[Mention, ...]]:
    """Every occurrence of every form, by canonical name, in one scan per paragraph.

    The alternation lists longer forms first, so "Huawei Qiankun" is one mention of
    Huawei Qiankun, never also one of Huawei.
    """
    owner = {form: canonical for canonical, forms in groups.items() for form in forms}
    if not owner:
        return {}
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for paragraph in article.paragraphs:
        if paragraph.kind == "caption":
            continue
        for start, form in _scan_forms(paragraph.text, owner):
            mentions[owner[form]].append(Mention(paragraph.id, start, start + len(form)))
    return {name: tuple(found) for name, found in mentions.items()}


def _scan_forms(text: str, forms) -> list[tuple[int, str]]:
    """Where the ``forms`` stand as whole words, left to right, the longest form where two
    start at one place, none inside another found: what ``finditer`` of the alternation
    ``(?<!\\w)(?:<forms, longest first>)(?!\\w)`` finds, with str.find instead of a regex
    compiled for each article (about a millisecond each)."""
    if "" in forms:  # an empty form (not seen) matches between any two non-word characters: the regex's rules
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + r")(?!\w)")
        return [(match.start(), match.group(0)) for match in pattern.finditer(text)]
    longest: dict[int, str] = {}
    for form in forms:
        at = text.find(form)
        while at != -1:
            end = at + len(form)
            if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])) and len(form) > len(longest.get(at, "")):
                longest[at] = form
            at = text.find(form, at + 1)
    found, free = [], 0
    for start in sorted(longest):
        if start >= free:
            found.append((start, longest[start]))
            free = start + len(longest[start])
    return found


def _is_word_char(char: str) -> bool:
    """What the regex ``\\w`` matches."""
    return char.isalnum() or char == "_"


def _vote_type(name: str, votes: Counter) -> str:
    votes = _type_votes(name, votes)
    if not votes:
        return _DEFAULT_TYPE
    return max(ACTOR_TYPES, key=lambda t: (votes[t], -ACTOR_TYPES.index(t)))


def _type_votes(name: str, votes: Counter) -> Counter:
    """The context cues' votes plus what the name itself says."""
    votes = Counter(votes)
    words = name.split()
    last = words[-1].lower()
    if last in lexicon.ORGANIZATION_SUFFIXES or (len(last) > 6 and last.endswith("bank")) or (len(words) > 1 and "&" in words):
        votes["organization"] += WEIGHTS["organization last word"]  # "Hypovereinsbank", "Marsh & McLennan"
    elif len(words) >= 3 and words[1] == "of" and words[0].lower() in lexicon.ORGANIZATION_SUFFIXES:
        votes["organization"] += WEIGHTS["organization first word with 'of'"]
    elif len(words) == 2 and words[0].lower() == "general" and words[1].lower() in lexicon.COMPANY_WORDS_AFTER_GENERAL:
        votes["organization"] += WEIGHTS["organization last word"]  # "General Dynamics", "General Motors"
    if last in lexicon.EVENT_SUFFIXES:
        votes["event"] += WEIGHTS["event last word"]
    if last in lexicon.PLACE_SUFFIXES:
        votes["place"] += WEIGHTS["place last word"]
    if lexicon.is_place(name):
        votes["place"] += WEIGHTS["gazetteer place"]
    if len(words) == 2 or (len(words) == 3 and (len(words[1].rstrip(".")) == 1 or lexicon.given_name_weight(words[1]))):
        common_limit = 6.0 if lexicon.given_name_weight(words[0]) >= 2 else 5.0  # "Theodore Cross"
        if not words[-1].isupper() and lexicon.zipf(words[-1]) < common_limit and not lexicon.is_place(words[-1]) and not lexicon.is_place(words[0]):
            given = 2.0 if _INITIAL.fullmatch(words[0]) else lexicon.given_name_weight(words[0])
            votes["person"] += WEIGHTS["given name, then a surname"] * given
    if _ACRONYM.fullmatch(name):
        votes["organization"] += WEIGHTS["acronym"]
    if len(words) > 3 and any(w in ("des", "du", "of", "and", "&", "for", "la", "le") for w in words[1:-1]):
        votes["person"] = 0  # "Regie Nationale des Usines Renault" is no one's name, whatever "Renault said"
    return +votes


def _salience_score(article: Article, forms: tuple[str, ...], mentions: tuple[Mention, ...], lead: str | None) -> float:
    """``lead``: the first body paragraph's id (None without one)."""
    score = 0.0
    for mention in mentions:
        score += 1.0 if mention.paragraph.startswith("p") else 0.5
        if lead is not None and mention.paragraph == lead:
            score += 1.0
    if any(_occurrences(article.title, f) for f in forms):
        score += 2.0
    return score


_APPOSITION = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?P<role>(?:(?:[a-z][\w'’-]*|[A-Z][\w.'’&-]*)\s+){0,8}?[a-z][\w'’-]+(?:\s+(?:of|at|for|in|with)\s+(?:the\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}(?:\s+(?:exchange|firm|company|group|bank|market|agency|unit|carmaker|airline))?){0,2})\s*(?:,|\.|;|$)"
)
"""After a name: ", an analyst at Acme Securities,", ", the company's lawyer,"."""
_APPOSITION_BEFORE_CLAUSE = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[\w'’&.-]+\s+){0,8}?[\w'’-]+)(?:\s+(?:that|which|who)\s|\s+(?:said|says|told|added)\b)"
)
"""After a name, a role that a relative clause or a reporting verb ends: ", a Russian oil firm
that is merging", ", Lloyd's chief executive said"."""
_TRAILING_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?$")
"""", a fund manager with Escorts Mutual Fund in New Delhi": the city says little of the role."""
_RELATIVE = re.compile(r",\s+(?:which|who)\s+(?P<role>(?:[\w'’-]+\s+){0,7}[\w'’-]+)\s*(?:,|\.|;|$)")
"""After a name: ", which makes jet engines,", ", who founded the firm,"."""
_DESCRIPTOR_BEFORE = re.compile(r"(?:^|(?<=[\s,(]))(?P<role>(?:[A-Z][\w'’-]*\s+)?(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*)\s+$")
"""Before a name: "chief executive Jane Roe", "German carmaker BMW", "Russian oil giant Yukos"."""
_DESCRIPTOR_BEFORE_WORDS = 5
"""The most words ``_DESCRIPTOR_BEFORE`` matches (1 + 3 + 1), whitespace apart."""
_ROLE_WORDS_MAX = 12
_COUNT_WORDS = frozenset("two three four five six seven eight nine ten several many some both new other".split())
_WEAK_ROLE_WORDS = frozenset("said says told added and or but of the a an to in on at for by with from as that which who its their his her it is was were has have had will would also".split())


def _role(document: Document, mentions: tuple[Mention, ...]) -> tuple[str, str]:
    """What the actor is or does in the story, in at most 12 words of the article's own:
    an apposition (", an analyst at Acme Securities,"), a descriptor or title before the
    name ("German carmaker", "chief executive"), a relative clause (", which makes jet
    engines,"); else the words around its first mention, cut to 12. Always a contiguous
    part of the cited paragraph."""
    found = _described_role(document, mentions)
    if found:
        return found
    body = [m for m in mentions if m.paragraph.startswith("p")] or list(mentions)
    return _context_role(document, body[0]), body[0].paragraph


def _described_role(document: Document, mentions: tuple[Mention, ...]) -> tuple[str, str] | None:
    """The first apposition, descriptor or relative clause of the actor, with its paragraph."""
    body = [m for m in mentions if m.paragraph.startswith("p")] or list(mentions)
    for mention in body:
        found = _described(document.passage(mention.paragraph).text, mention)
        if found:
            return found, mention.paragraph
    return None


_RELATION_ROLES = {  # type -> (the subject's role, the object's role); None: says too little
    "acquire": ("acquires {o}", "takeover target of {s}"),
    "own": ("owner of {o}", "unit of {s}"),
    "lead": ("head of {o}", "led by {s}"),
    "partner": ("partner of {o}", "partner of {s}"),
    "supply": ("supplier to {o}", "customer of {s}"),
    "invest": ("investor in {o}", "stake held by {s}"),
    "compete": ("rival of {o}", "rival of {s}"),
    "oppose": ("opposes {o}", "opposed by {s}"),
    "support": ("backs {o}", "backed by {s}"),
    "meet": ("in talks with {o}", "in talks with {s}"),
    "report": ("reported on {o}", None),
    "launch": ("launched {o}", "launched by {s}"),
}
"""What a relation says an actor does in the story ("Seres Group: partner of Huawei")."""


def with_relation_roles(document: Document, actors: tuple[Actor, ...], relations) -> tuple[Actor, ...]:
    """Roles from what each actor does: an actor the article does not describe gets its
    relations ("acquires Beta; partner of Gamma", cited to the first one's paragraph), a
    described one keeps its description and adds its first relation of the same paragraph
    ("Pan-European group; bids for London Stock Exchange"). At most 12 words."""
    import dataclasses

    phrases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for relation in relations:
        subject_role, object_role = _RELATION_ROLES.get(relation.type, (None, None))
        if relation.type == "acquire" and _BID.search(relation.text):
            subject_role = "bids for {o}"
        for name, template in ((relation.subject, subject_role), (relation.object, object_role)):
            if template:
                phrase = template.format(s=relation.subject, o=relation.object)
                if phrase not in (p for p, _ in phrases[name]):
                    phrases[name].append((phrase, relation.paragraph))
    result = []
    for actor in actors:
        found = phrases.get(actor.name)
        if not found:
            result.append(actor)
            continue
        described = _described_role(document, actor.mentions)
        if described is None:
            role, paragraph = found[0][0], found[0][1]
            head = _name_head(actor)
            if head:
                role = f"{head} {role}" if role.startswith(("led by", "backed by", "opposed by", "owned by")) else f"{head}; {role}"
            for phrase, pid in found[1:]:
                if pid == paragraph and len(f"{role}; {phrase}".split()) <= _ROLE_WORDS_MAX:
                    role = f"{role}; {phrase}"
        else:
            role, paragraph = described
            same = [p for p, pid in found if pid == paragraph]
            if same and len(f"{role}; {same[0]}".split()) <= _ROLE_WORDS_MAX:
                role = f"{role}; {same[0]}"
        result.append(dataclasses.replace(actor, role=role, role_paragraph=paragraph))
    return tuple(result)


_LIST_APPOSITION = re.compile(
    r"(?:^|(?<=\s))(?P<role>(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*s),\s+(?:[“\"‘]?[^,.;“”\"]{1,40}?[”\"’]?(?:,\s+|\s+and\s+|\s+or\s+))*[“\"‘]?$"
)
"""A plural noun phrase, then a list of names: "two smart-vehicle joint ventures, “Qijing” and “Yijing”"."""


_AFTER_LIST_JOIN = re.compile(r"(?:,|\band|\bor)\s+[“\"‘]?$")
"""What a name in a list comes right after: the cheap test before ``_LIST_APPOSITION``;
searched from three characters before ``_end_of_words`` (its match starts there or later)."""


def _end_of_words(text: str) -> int:
    """Where the whitespace and opening quotes that end ``text`` begin."""
    end = len(text)
    while end > 0 and (text[end - 1].isspace() or text[end - 1] in "“\"‘"):
        end -= 1
    return end


def _last_words_start(text: str, count: int) -> int:
    """A place at or before the start of the last ``count`` words of ``text`` (split at
    whitespace): a search for a pattern of at most ``count`` words ending the text can
    start there and find what it finds from the text's start."""
    parts = text.rsplit(None, count)
    return len(parts[0]) if len(parts) > count else 0


def _singular(phrase: str) -> str:
    """"smart-vehicle joint ventures" -> "smart-vehicle joint venture"; "companies" -> "company"."""
    *rest, last = phrase.split()
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "shes", "ches", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return " ".join([*rest, last])


_NAME_HEADS = frozenset(
    "agency union bank ministry court commission authority exchange party council office institute association federation fund university department board".split()
)
"""Last words of an organization's name that say what it is ("Federal Labour Agency": an agency)."""


def _name_head(actor: Actor) -> str:
    """What an organization's own name says it is, else ""."""
    if actor.type != "organization":
        return ""
    last = actor.name.split()[-1].lower() if actor.name.split() else ""
    return last if last in _NAME_HEADS else ""


def _described(text: str, mention: Mention) -> str | None:
    before = text[max(0, mention.start - 100) : mention.start]
    listed = _LIST_APPOSITION.search(before) if _AFTER_LIST_JOIN.search(before, max(0, _end_of_words(before) - 3)) else None
    if listed:
        words = _singular(listed.group("role")).split()
        while words and words[0].lower() in _WEAK_ROLE_WORDS | _COUNT_WORDS:
            words.pop(0)
        if words and len(words) <= 5 and _is_role_noun(words[-1]):
            return " ".join(words)
    after = text[mention.end : mention.end + 160]
    for pattern in (_APPOSITION_BEFORE_CLAUSE, _APPOSITION, _RELATIVE):
        match = pattern.match(after)
        if pattern is _APPOSITION_BEFORE_CLAUSE and match and not _is_role_noun(match.group("role").split()[-1]):
            continue  # ", a Holcim statement said"
        if match and _is_role_phrase(match.group("role")) and not (pattern is not _RELATIVE and _opens_with_function_word(match.group("role"))):
            return _TRAILING_PLACE.sub("", match.group("role"))
    before = text[max(0, mention.start - 60) : mention.start]
    before = _DESCRIPTOR_BEFORE.search(before, _last_words_start(before, _DESCRIPTOR_BEFORE_WORDS))
    if before and _is_role_phrase(before.group("role")) and _is_role_noun(before.group("role").split()[-1]):
        words = before.group("role").split()
        while words and (
            words[0].lower() in _WEAK_ROLE_WORDS
            or (
                words[0][:1].isupper()
                and not is_nationality(words[0])
                and not lexicon.is_place(words[0])
                and not _DESCRIPTOR.search(words[0])
                and words[0].lower() not in lexicon.PERSON_TITLES
            )
        ):
            words.pop(0)  # "said chief executive" -> "chief executive"; keep "German carmaker", "UK-based firm"
        if words and len(words) <= 5 and words[-1].lower() not in _WEAK_ROLE_WORDS and not _NUMBER_FIRST.fullmatch(words[-1]):
            return " ".join(words)
    return None


_ROLE_NOUNS = frozenset(
    """firm company group carmaker automaker maker giant bank lender insurer retailer airline carrier operator producer
    manufacturer supplier developer brand unit subsidiary rival partner regulator watchdog agency ministry government
    court union fund investor chief executive president chairman chairwoman director minister secretary spokesman
    spokeswoman analyst economist lawyer founder owner boss head leader official officer manager trader broker banker
    player coach striker captain champion star singer actor author editor reporter newspaper broadcaster exchange
    conglomerate startup venture alliance network chain store""".split()
)
"""Head nouns of a role written before a name ("German carmaker BMW", "chief executive Jane Roe")."""


def _is_role_noun(word: str) -> bool:
    lower = word.lower()
    return lower in _ROLE_NOUNS or lower in lexicon.PERSON_TITLES or (len(lower) > 4 and lower.endswith(("er", "or", "ist")) and not lower.endswith(("ever", "other", "over", "under", "after")))


def _opens_with_function_word(phrase: str) -> bool:
    """", in a statement,", ", as reported by Reuters,": a phrase, not a description."""
    return phrase.split()[0].lower() in _PHRASE_OPENERS


_PHRASE_OPENERS = frozenset("in as at on by for from with to of and or but while when after before during since because if although according".split())


def _is_role_phrase(phrase: str) -> bool:
    words = phrase.split()
    return 1 <= len(words) <= _ROLE_WORDS_MAX and words[-1].lower() not in _WEAK_ROLE_WORDS and not any(w[:1].isdigit() for w in words[:1])


def _context_role(document: Document, mention: Mention) -> str:
    """The words of the first mention's clause, at most 12, as written."""
    passage = document.passage(mention.paragraph)
    text = passage.text
    sentences = passage.sentences or (Span(0, len(text)),)
    sentence = sentences[containing(sentences, mention.start, mention.end)]
    clauses = clause_spans(text, sentence)
    index = containing(clauses, mention.start, mention.end)
    start, end = clauses[index].start, clauses[index].end
    if len(text[start:end].split()) < 6:
        if index > 0:
            start = clauses[index - 1].start
        if index + 1 < len(clauses):
            end = clauses[index + 1].end
    return _clip_words(strip_sentence_end(text[start:end]), text, mention)


def _clip_words(phrase: str, text: str, mention: Mention) -> str:
    """At most 8 words around the mention; a number's parts count as words ("4.464" is two),
    so that no clipped clause reads as a copy."""
    words = phrase.split()
    if _word_count(words) <= _ROLE_MAX_WORDS:
        return phrase
    name = text[mention.start : mention.end]
    position = next((i for i, w in enumerate(words) if name.split()[0] in w), 0)
    first = max(0, min(position - 4, len(words) - _ROLE_MAX_WORDS))
    last = min(len(words), first + _ROLE_MAX_WORDS)
    while _word_count(words[first:last]) > _ROLE_MAX_WORDS and last - first > 1:
        if last - 1 > position:
            last -= 1
        else:
            first += 1
    return ("… " if first else "") + " ".join(words[first:last]) + (" …" if last < len(words) else "")


def _word_count(words: list[str]) -> int:
    return len(_ALPHANUMERIC_RUN.findall(" ".join(words)))
