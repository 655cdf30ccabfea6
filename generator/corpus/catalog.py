"""The corpus across briefings: one entry per actor, one timeline, related briefings.

Actors of different articles are one entry when they share a name or alias, compared
without case, punctuation and legal-form suffixes ("Huawei Technologies Co." and
"Huawei Technologies"), and their types agree (or one is "other"). Nothing else merges:
"Jordan" the person and "Jordan" the country stay apart.
"""

from __future__ import annotations

import bisect
import functools
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter

from ..analyze import lexicon
from ..analyze.text import short_hash, slugify
from ..model import Actor, Briefing, Event, Relation, sort_key

KEY_ACTORS = 8
"""How many of a briefing's most salient actors count for related briefings and tags."""


@dataclass(frozen=True, slots=True)
class Appearance:
    briefing: Briefing
    actor: Actor


@dataclass(frozen=True, slots=True)
class DatedEntry:
    briefing: Briefing
    event: Event
    order: tuple = field(default=(), compare=False, repr=False)
    """Its sort key in the timeline (``_dated``): when, then its article's date, slug, its place
    in the article. Kept with it, so a patch finds an entry by bisection at the cost of a look-up."""


@dataclass(frozen=True, slots=True)
class ActorRelation:
    """A relation of one actor's page: the briefing, the relation, and the other actor."""

    briefing: Briefing
    relation: Relation
    other: str
    other_slug: str
    subject: bool
    """Is the page's actor the relation's subject?"""


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor across all briefings."""

    name: str
    slug: str
    type: str
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    """Newest briefing first."""
    co_actors: tuple[tuple[str, str, int], ...] = ()
    """(name, slug, briefings together) of the actors it most often appears with."""
    timeline: tuple[DatedEntry, ...] = ()
    """Dated entries of its briefings whose clause names it, oldest first."""
    relations: tuple["ActorRelation", ...] = ()
    """What its briefings state it does, or is done to it, by another actor; newest briefing first."""
    together: dict = field(default_factory=dict, compare=False, repr=False)
    """entry slug -> briefings together, for every actor it is with (``co_actors`` are the
    first of them): what a patch of the catalog updates, not made again from every briefing."""
    years: dict | None = field(default=None, repr=False)
    """``year`` -> (its appearances, its timeline entries), in their orders, newest year first
    (``actor_years``): what its archive is cut from (``corpus.archive``). None: not made (the
    archive makes it). A patch of the catalog remakes only the years it touches, so an
    unchanged year's tuples stay the very same objects."""

    @property
    def first_seen(self) -> dt.date:
        return self.appearances[-1].briefing.article.date  # newest first: no pass over thousands

    @property
    def last_seen(self) -> dt.date:
        return self.appearances[0].briefing.article.date


@dataclass(frozen=True, slots=True)
class Catalog:
    briefings: tuple[Briefing, ...]
    """Newest first."""
    actors: tuple[ActorEntry, ...]
    timeline: tuple[DatedEntry, ...]
    actor_slug: dict
    """(briefing slug, actor name) -> actor entry slug: the actor's corpus-wide id. A patched
    catalog keeps the very same dict (and ``actor_type``), as it keeps every entry's name and
    slug: a memo may go by its identity."""
    related: dict
    """briefing slug -> tuple of (briefing, shared actor names), most related first."""
    actor_type: dict = field(default_factory=dict)
    """(briefing slug, actor name) -> the type voted across the corpus for its entry."""
    stories: tuple = ()
    """Storylines (``corpus.stories.Story``), newest activity first: ``with_stories`` adds them."""
    story_of: dict = field(default_factory=dict)
    """briefing slug -> (its story, its 1-based place in it)."""
    timeline_years: dict | None = None
    """``year_of`` -> its dated entries, in timeline order, years in the order they first come
    (``timeline_years``); None: not made (``timeline_periods`` makes it). A patch remakes only
    the years it touches, so a year's tuple stays the very same object while it is unchanged."""
    timeline_months: dict | None = None
    """(``year_of``, month "01"-"12" or "" for what is dated only to the year, a quarter...)
    -> those dated entries, in timeline order (``timeline_months``): what a long year's page is
    cut from (``year_period``), so a patch, which remakes only the months it touches, spares
    the pass over a busy year's thousands of entries. None: not made."""

    def recent(self, count: int = 10) -> tuple[DatedEntry, ...]:
        """The latest dated statements up to the newest publication date (plans for later excluded)."""
        if not self.briefings:
            return ()
        newest = self.briefings[0].article.date
        # the timeline is in order of sort_key first: what is not later is a prefix of it
        end = bisect.bisect_right(self.timeline, (newest.year, newest.month, newest.day), key=lambda d: sort_key(d.event.date))
        return tuple(reversed(self.timeline[max(0, end - count) : end]))

    def most_covered(self, count: int = 10) -> tuple[ActorEntry, ...]:
        return tuple(sorted(self.actors, key=lambda e: (-len(e.appearances), e.name.casefold()))[:count])


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.casefold()).split()
    while len(words) > 1 and words[-1] in lexicon.LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def build_catalog(briefings: tuple[Briefing, ...]) -> Catalog:
    """The catalog of ``briefings``: a pure function of them. Without stories (``corpus.stories.with_stories``)."""
    newest = tuple(sorted(briefings, key=lambda b: (b.article.date, b.slug), reverse=True))
    groups = _merge([Appearance(b, a) for b in newest for a in b.actors])
    entries = _entries(groups)
    actor_slug = {(a.briefing.slug, a.actor.name): e.slug for e in entries for a in e.appearances}
    actor_type = {(a.briefing.slug, a.actor.name): e.type for e in entries for a in e.appearances}
    keyed = [item for b in newest for item in _dated(b)]
    keyed.sort(key=lambda item: item[0])
    timeline = tuple(d for _, d in keyed)
    by_slug = {e.slug: e for e in entries}
    dated = _actor_timelines(entries, timeline)
    entries = tuple(_with_context(e, by_slug, actor_slug, dated.get(e.slug, ())) for e in entries)
    return Catalog(
        briefings=newest,
        actors=entries,
        timeline=timeline,
        actor_slug=actor_slug,
        related=_related(newest, actor_slug),
        actor_type=actor_type,
        timeline_years=timeline_years(timeline),
        timeline_months=timeline_months(timeline),
    )


def _dated(briefing: Briefing) -> list[tuple[tuple, DatedEntry]]:
    """A briefing's timeline entries with their sort key (when, then article date, slug,
    position): what the catalog takes from one briefing alone."""
    keyed = [((sort_key(e.date), briefing.article.date, briefing.slug, e.start or 0, i), e) for i, e in enumerate(briefing.timeline) if e.paragraph is not None]
    return [(key, DatedEntry(briefing, e, key)) for key, e in keyed]


def _merge(appearances: list[Appearance]) -> list[list[Appearance]]:
    """Union-find over appearances that share a name key and agree on type."""
    parent = list(range(len(appearances)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = defaultdict(list)
    for index, ap in enumerate(appearances):
        for name in {ap.actor.name, *ap.actor.aliases}:
            by_key[name_key(name)].append(index)
    for indices in by_key.values():
        by_type: dict[str, list[int]] = defaultdict(list)
        for index in indices:
            by_type[appearances[index].actor.type].append(index)
        typed = sorted((t for t in by_type if t != "other"), key=lambda t: (-len(by_type[t]), t))
        if "other" in by_type and typed:
            by_type[typed[0]] += by_type.pop("other")  # untyped mentions join the usual type
        for kind in typed[1:]:
            weak = [i for i in by_type.get(kind, []) if _is_weakly_typed(appearances[i])]
            if weak and len(by_type[typed[0]]) > len(weak):
                # "Renault" typed a person in one article, a company in three: one company
                by_type[typed[0]] += weak
                by_type[kind] = [i for i in by_type[kind] if i not in weak]
        for group in by_type.values():
            for index in group[1:]:
                parent[find(index)] = find(group[0])
    groups: dict[int, list[Appearance]] = defaultdict(list)
    for index, ap in enumerate(appearances):
        groups[find(index)].append(ap)
    return list(groups.values())


def _is_weakly_typed(appearance: Appearance) -> bool:
    """Does nothing in the name itself support its type? A single word that is neither a
    known place nor a given name, and not typed by an analyst: its type came from context
    cues of one article, and the corpus may outvote it. Two people with different given
    names are never merged: a name with a given name is not weak."""
    actor, briefing = appearance.actor, appearance.briefing
    name = actor.name
    return " " not in name and not lexicon.is_place(name) and lexicon.given_name_weight(name) < 2 and f"actor:{name}" not in briefing.edited


def _entries(groups: list[list[Appearance]]) -> list[ActorEntry]:
    named = []
    for group in groups:
        name = _display_name(group)
        types = Counter(ap.actor.type for ap in group if ap.actor.type != "other") or Counter(["other"])
        kind = max(types, key=lambda t: (types[t], t))
        aliases = sorted({n for ap in group for n in (ap.actor.name, *ap.actor.aliases)} - {name})
        named.append((name, kind, tuple(aliases), tuple(group)))
    entries, used = [], {"index"}
    for name, kind, aliases, group in sorted(named, key=lambda n: (n[0].casefold(), n[0], n[1])):
        base = slugify(name) or "actor"
        slug, attempt = base, 0
        while slug in used:
            attempt += 1
            slug = f"{base}-{short_hash(f'{name}|{kind}|{attempt}')}"
        used.add(slug)
        entries.append(ActorEntry(name, slug, kind, aliases, group))
    return entries


def _display_name(group: list[Appearance]) -> str:
    """The full name: a name some article gives as a short form of another is not chosen
    ("Huawei" for "Huawei Technologies"); then the most used form, legal suffix dropped."""
    short = {alias for ap in group for alias in ap.actor.aliases}
    names = [ap.actor.name for ap in group if ap.actor.name not in short] or [ap.actor.name for ap in group]
    by_key = Counter(name_key(n) for n in names)
    return min(names, key=lambda n: (-by_key[name_key(n)], len(n), n))


def _with_context(entry: ActorEntry, by_slug: dict, actor_slug: dict, dated: tuple) -> ActorEntry:
    """The entry with what its briefings say around it: its relations, and the actors it is
    most often with (in a briefing's key actors, or in a relation with it)."""
    together: Counter = Counter()
    relations = []
    for appearance in entry.appearances:
        here, found = _appearance_context(appearance, entry.slug, by_slug, actor_slug)
        relations += found
        together.update(here)
    return ActorEntry(
        entry.name, entry.slug, entry.type, entry.aliases, entry.appearances, _co_actors(together, by_slug), dated, tuple(relations), dict(together), actor_years(entry.appearances, dated)
    )


def actor_years(appearances: tuple[Appearance, ...], timeline: tuple[DatedEntry, ...]) -> dict[str, tuple[tuple[Appearance, ...], tuple[DatedEntry, ...]]]:
    """year -> (its appearances, its timeline entries) of an actor, newest year first: an
    appearance's year is its briefing's (four digits), an entry's the ``year_of`` its date."""
    years: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    last, rows = None, None
    for appearance in appearances:  # newest first: a year's briefings come together
        if appearance.briefing.article.date.year != last:
            last = appearance.briefing.article.date.year
            rows = years[_year_key(last)][0]
        rows.append(appearance)
    last = None
    for dated in timeline:
        if dated.event.date != last:
            last = dated.event.date
            rows = years[year_of(last)][1]
        rows.append(dated)
    return {year: (tuple(years[year][0]), tuple(years[year][1])) for year in sorted(years, reverse=True)}


def _year_key(year: int) -> str:
    return str(year).zfill(4)


def _appearance_context(appearance: Appearance, slug: str, by_slug: dict, actor_slug: dict) -> tuple[set[str], list[ActorRelation]]:
    """What one appearance adds to the context of its entry (``slug``): the other entries it
    is with there (the briefing's key actors, and those in a relation with it), and its relations."""
    briefing = appearance.briefing
    here = {actor_slug[(briefing.slug, other.name)] for other in briefing.actors[:KEY_ACTORS]}
    relations = []
    for relation in briefing.relations:
        ends = (actor_slug.get((briefing.slug, relation.subject)), actor_slug.get((briefing.slug, relation.object)))
        if slug in ends and ends[0] != ends[1] and None not in ends:
            subject = ends[0] == slug and relation.subject == appearance.actor.name
            if relation.subject != appearance.actor.name and relation.object != appearance.actor.name:
                continue  # another appearance of the same entry in this briefing states it
            other_slug = ends[1] if subject else ends[0]
            relations.append(ActorRelation(briefing, relation, by_slug[other_slug].name, other_slug, subject))
            here.add(other_slug)
    here.discard(slug)
    return here, relations


def _co_actors(together: Counter, by_slug: dict) -> tuple[tuple[str, str, int], ...]:
    return tuple((by_slug[s].name, s, n) for s, n in sorted(together.items(), key=lambda x: (-x[1], x[0]))[:8])


def _actor_timelines(entries: list[ActorEntry], timeline: tuple[DatedEntry, ...]) -> dict[str, tuple[DatedEntry, ...]]:
    """entry slug -> the dated entries of its briefings whose clause contains one of its names
    (one pass over the timeline, testing only the names of each entry's own briefing)."""
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # briefing -> name -> slugs
    for entry in entries:
        for appearance in entry.appearances:
            for name in (entry.name, *entry.aliases):
                names[appearance.briefing.slug][name].add(entry.slug)
    result: dict[str, list[DatedEntry]] = defaultdict(list)
    for dated in timeline:
        text = dated.event.event
        slugs: set[str] = set()
        for name, owners in names.get(dated.briefing.slug, {}).items():
            if name in text:
                slugs |= owners
        for slug in slugs:
            result[slug].append(dated)
    return {slug: tuple(items) for slug, items in result.items()}


MONTHS = tuple(m.capitalize() for m in lexicon.MONTHS)


@dataclass(frozen=True, slots=True)
class TimelinePeriod:
    """One page of a split timeline: a year, or a month of a long year."""

    key: str
    """"2019" or "2019-03": the page is timeline/<key>.md."""
    label: str
    entries: tuple[DatedEntry, ...]
    months: tuple["TimelinePeriod", ...] = ()
    """For a long year: its month pages (its own entries are then those dated only to the year, a quarter...)."""
    more: tuple["TimelinePeriod", ...] = ()
    """Parts 2, 3... of a page with more entries than a page holds (``timeline/<key>-p2.md``)."""

    @property
    def count(self) -> int:
        return len(self.entries) + sum(len(p.entries) for p in self.more) + sum(m.count for m in self.months)

    @property
    def parts(self) -> tuple["TimelinePeriod", ...]:
        """This page and its further parts."""
        return (self, *self.more)


def timeline_years(timeline: tuple[DatedEntry, ...]) -> dict[str, tuple[DatedEntry, ...]]:
    """``year_of`` -> its dated entries in timeline order, years in the order they first come."""
    years: dict[str, list[DatedEntry]] = defaultdict(list)
    for dated in timeline:
        years[year_of(dated.event.date)].append(dated)
    return {year: tuple(entries) for year, entries in years.items()}


def month_key(dated: DatedEntry) -> tuple[str, str]:
    """(year, month) of a dated entry: its bucket in ``timeline_months`` (month "" when the
    date is only a year, a quarter, a season...)."""
    date = dated.event.date
    month = MONTH_DATE.match(date)
    return year_of(date), month.group(1) if month else ""


def timeline_months(timeline: tuple[DatedEntry, ...]) -> dict[tuple[str, str], tuple[DatedEntry, ...]]:
    """``month_key`` -> its dated entries in timeline order."""
    months: dict[tuple[str, str], list[DatedEntry]] = defaultdict(list)
    last, into = None, None
    for dated in timeline:
        if dated.event.date != last:  # entries of one date come together: matched once
            last = dated.event.date
            into = months[month_key(dated)]
        into.append(dated)
    return {key: tuple(entries) for key, entries in months.items()}


def timeline_periods(
    timeline: tuple[DatedEntry, ...], limit: int, years: dict | None = None, reuse: Callable[[str, tuple, Callable], TimelinePeriod] | None = None, months: dict | None = None
) -> tuple[TimelinePeriod, ...]:
    """The pages of a timeline longer than ``limit``, oldest first; () when it fits on one page.

    Keeps every page's size bounded as the corpus grows: a year, month or what a busy year
    dates only to the year that holds more than ``min(limit, PAGE_ROWS)`` entries is cut into parts.
    ``years``: the catalog's ``timeline_years`` when it has them; ``reuse(name, inputs, make)``:
    ``make()``, or what it gave for equal inputs before (the Generator's: an unchanged year is
    not cut again); ``months``: the catalog's ``timeline_months`` when it has them (of the
    same entries as ``years``)."""
    if len(timeline) <= limit:
        return ()
    rows = max(1, min(limit, PAGE_ROWS))
    years = timeline_years(timeline) if years is None else years
    by_year: dict[str, dict] = defaultdict(dict)
    for (year, month), entries in (months or {}).items():
        by_year[year][month] = entries
    split = {year: by_year.get(year) if months is not None else None for year in years}
    if reuse is None:
        return tuple(year_period(year, entries, limit, rows, split[year]) for year, entries in years.items())
    return tuple(reuse(f"timeline-year:{year}", (entries, limit), lambda y=year, e=entries: year_period(y, e, limit, rows, split[y])) for year, entries in years.items())


def year_period(year: str, entries: tuple[DatedEntry, ...], limit: int, rows: int, months: dict | None = None) -> TimelinePeriod:
    """The page of one year of a split timeline (with its months when it holds more than
    ``limit``). ``months``: the year's entries by month ("" for what is dated only to the
    year), as ``timeline_months`` splits them; else they are split here."""
    if len(entries) <= limit:
        return _cut(TimelinePeriod(year, year, entries), rows)
    if months is None:
        months = {month: items for (_, month), items in timeline_months(entries).items()}
    coarse = months.get("", ())
    pages = tuple(_cut(TimelinePeriod(f"{year}-{m}", f"{MONTHS[int(m) - 1]} {year}", tuple(items)), rows) for m, items in sorted(months.items()) if m)
    return _cut(TimelinePeriod(year, year, tuple(coarse), pages), rows)


MONTH_DATE = re.compile(r"\d{4}-(\d{2})(?:-\d{2})?$")
"""A date to the month or the day: its month is group 1."""


PAGE_ROWS = 200
"""Most rows (timeline entries, an actor's briefings) on one generated page, about 100 KB of
HTML with the theme around it: a longer page is cut into parts (``corpus.archive`` too)."""


def _cut(period: TimelinePeriod, rows: int) -> TimelinePeriod:
    """The period with at most ``rows`` entries on its page, the rest in further parts."""
    if len(period.entries) <= rows:
        return period
    chunks = [period.entries[i : i + rows] for i in range(0, len(period.entries), rows)]
    more = tuple(TimelinePeriod(f"{period.key}-p{n}", f"{period.label}, part {n}", chunk) for n, chunk in enumerate(chunks[1:], 2))
    return TimelinePeriod(period.key, period.label, chunks[0], period.months, more)


def year_of(value: str) -> str:
    """The year an ``Event.date`` starts with (3 or 4 digits), else the value itself: what
    ``re.match(r"\\d{3,4}", value)`` gives, without the regex (it runs for every timeline entry)."""
    if value[:4].isdecimal():
        return value[:4] if len(value) >= 3 else value
    return value[:3] if value[:3].isdecimal() and len(value) >= 3 else value


RELATED_CANDIDATES = 50
"""Per key actor, how many briefings nearest in time are considered (keeps this linear)."""


def _related(briefings: tuple[Briefing, ...], actor_slug: dict, count: int = 5) -> dict:
    """Briefings sharing the most key actors, then nearest in time, through an inverted
    index: each key actor offers only its RELATED_CANDIDATES briefings nearest in time."""
    keys = {b.slug: {actor_slug[(b.slug, a.name)]: a.name for a in b.actors[:KEY_ACTORS]} for b in briefings}
    position = {b.slug: i for i, b in enumerate(briefings)}  # newest first
    postings: dict[str, list[int]] = defaultdict(list)
    for index, briefing in enumerate(briefings):
        for slug in keys[briefing.slug]:
            postings[slug].append(index)
    related = {}
    for briefing in briefings:
        here = position[briefing.slug]
        shared: dict[int, list[str]] = defaultdict(list)
        for actor, name in keys[briefing.slug].items():
            posting = postings[actor]
            at = bisect.bisect_left(posting, here)
            window = posting[max(0, at - RELATED_CANDIDATES // 2) : at + RELATED_CANDIDATES // 2 + 1]
            for other in window:
                if other != here:
                    shared[other].append(name)
        ranked = sorted(shared.items(), key=lambda item: (-len(item[1]), abs(item[0] - here), item[0]))[:count]
        related[briefing.slug] = tuple((briefings[i], tuple(sorted(names))) for i, names in ranked)
    return related


# -- patching: the catalog after an edit that keeps each briefing's actors ----------------

PATCH_MAX = 20
"""Most changed briefings a patch takes on; more (a template of seeds edited at once) rebuild."""


def actor_signature(briefing: Briefing) -> tuple:
    """What the merging of actors reads of a briefing: its date, and each actor's name,
    aliases and type in order, with the analyst's edits of them."""
    edits = tuple(sorted(e for e in briefing.edited if e.startswith("actor:")))
    return briefing.article.date, tuple((a.name, a.aliases, a.type) for a in briefing.actors), edits


def patch_catalog(previous: Catalog, briefings: tuple[Briefing, ...]) -> tuple[Catalog, dict] | None:
    """The catalog of ``briefings`` made from ``previous`` (equal to ``build_catalog``'s),
    when they are the previous briefings but for a few that kept their slug and
    ``actor_signature``: their actor entries, timeline entries and related briefings are
    swapped in place, all else is kept (the very same objects). With the map of replaced
    briefings (id of the old one -> the new one); None when a full build is needed."""
    old = {b.slug: b for b in previous.briefings}
    if len(old) != len(briefings) or any(b.slug not in old for b in briefings):
        return None
    swap = {id(old[b.slug]): b for b in briefings if old[b.slug] is not b}
    if not swap:
        return previous, swap
    if len(swap) > PATCH_MAX:
        return None
    for new in swap.values():
        if actor_signature(new) != actor_signature(old[new.slug]):
            return None
    dated = _Dated({b.slug: [d for _, d in _dated(old[b.slug])] for b in swap.values()}, {b.slug: [d for _, d in _dated(b)] for b in swap.values()})
    timeline = _patched_timeline(previous.timeline, dated)
    by_slug = {e.slug: e for e in previous.actors}  # for names only: unchanged by the patch
    position = {b.slug: i for i, b in enumerate(previous.briefings)}  # the order of every entry's appearances and relations
    holding: dict[str, list[Briefing]] = defaultdict(list)  # entry slug -> the replaced briefings it is in (the new ones)
    for new in sorted(swap.values(), key=lambda b: position[b.slug]):
        for slug in dict.fromkeys(previous.actor_slug[(new.slug, a.name)] for a in new.actors):
            holding[slug].append(new)
    patch = _EntryPatch(swap, position, by_slug, previous.actor_slug, dated)
    actors = tuple(patch.entry(entry, holding[entry.slug]) if entry.slug in holding else entry for entry in previous.actors)
    replaced = swap.keys()
    related = {  # a look at each briefing's related ones without a Python loop over them
        slug: items if replaced.isdisjoint(map(id, map(_first, items))) else tuple((swap.get(id(b), b), shared) for b, shared in items)
        for slug, items in previous.related.items()
    }
    catalog = Catalog(
        briefings=tuple(swap.get(id(b), b) for b in previous.briefings),
        actors=actors,
        timeline=timeline,
        actor_slug=previous.actor_slug,
        related=related,
        actor_type=previous.actor_type,
        timeline_years=_patched_years(previous, dated),
        timeline_months=_patched_groups(previous.timeline_months if previous.timeline_months is not None else timeline_months(previous.timeline), dated, month_key),
    )
    return catalog, swap


@dataclass(frozen=True, slots=True)
class _EntryPatch:
    """The patch of the actor entries that hold a replaced briefing. Each entry's appearances,
    relations and timeline are in the order of their briefings (newest first, then the
    timeline's order), so those of a replaced briefing are found by bisection, not by a pass
    over all (an actor named by every article has thousands)."""

    swap: dict
    position: dict
    """briefing slug -> its place in the previous catalog's briefings (newest first)."""
    by_slug: dict
    actor_slug: dict
    dated: "_Dated"

    def entry(self, entry: ActorEntry, briefings: list[Briefing]) -> ActorEntry:
        """``entry`` with ``briefings`` (newest first) in place of their previous versions:
        what ``build_catalog`` would make of it."""
        appearances, relations, timeline = list(entry.appearances), list(entry.relations), list(entry.timeline)
        years = dict(entry.years if entry.years is not None else actor_years(entry.appearances, entry.timeline))
        together = Counter(entry.together)
        for new in briefings:
            place = self.position[new.slug]
            lo, hi = self._span(appearances, place, lambda a: a.briefing.slug)
            before, after = appearances[lo:hi], [self._swapped(a) for a in appearances[lo:hi]]
            found = []
            for previous, current in zip(before, after):
                together.subtract(_appearance_context(previous, entry.slug, self.by_slug, self.actor_slug)[0])
                here, stated = _appearance_context(current, entry.slug, self.by_slug, self.actor_slug)
                together.update(here)
                found += stated  # in the order of its appearances, as a build adds them
            appearances[lo:hi] = after
            start, end = self._span(relations, place, lambda r: r.briefing.slug)
            relations[start:end] = found
            year = _year_key(new.article.date.year)
            replaced = dict(zip(map(id, before), after))
            years[year] = (tuple(replaced.get(id(a), a) for a in years[year][0]), years[year][1])
            self._patch_timeline(entry, new.slug, timeline, years)
        together = Counter({s: n for s, n in together.items() if n > 0})
        return ActorEntry(
            entry.name, entry.slug, entry.type, entry.aliases, tuple(appearances), _co_actors(together, self.by_slug), tuple(timeline), tuple(relations), dict(together),
            dict(sorted(years.items(), reverse=True)),
        )

    def _span(self, items: list, place: int, slug: Callable) -> tuple[int, int]:
        """Where the items of the briefing at ``place`` are in ``items`` (in briefing order)."""
        key = lambda item: self.position[slug(item)]  # noqa: E731
        return bisect.bisect_left(items, place, key=key), bisect.bisect_right(items, place, key=key)

    def _swapped(self, appearance: Appearance) -> Appearance:
        new = self.swap[id(appearance.briefing)]
        index = next(i for i, actor in enumerate(appearance.briefing.actors) if actor is appearance.actor)
        return Appearance(new, new.actors[index])

    def _patch_timeline(self, entry: ActorEntry, slug: str, timeline: list, years: dict) -> None:
        """The entry's timeline entries of the briefing ``slug`` replaced by those of its new
        version whose clause names the entry, in ``timeline`` and in ``years`` (a year left
        without rows goes)."""
        rows: dict[str, list] = {}

        def year_rows(year: str) -> list:
            if year not in rows:
                rows[year] = list(years.get(year, ((), ()))[1])
            return rows[year]

        for dated in self.dated.old[slug]:
            if _remove(timeline, dated):
                _remove(year_rows(year_of(dated.event.date)), dated)
        names = (entry.name, *entry.aliases)
        for dated in self.dated.new[slug]:
            if any(name in dated.event.event for name in names):
                _insert(timeline, dated)
                _insert(year_rows(year_of(dated.event.date)), dated)
        for year, items in rows.items():
            shown = years.get(year, ((), ()))[0]
            if shown or items:
                years[year] = (shown, tuple(items))
            else:
                years.pop(year, None)


@dataclass(frozen=True, slots=True)
class _Dated:
    """The timeline entries of the briefings a patch replaces, by slug: those of the previous
    version (to take out) and of the new one (to put in, the same objects everywhere)."""

    old: dict[str, list[DatedEntry]]
    new: dict[str, list[DatedEntry]]


def _remove(items: list, dated: DatedEntry) -> bool:
    """Take the entry at ``dated``'s place in ``items`` (in timeline order) out, when it is
    one of ``dated``'s briefing (the same object)."""
    at = bisect.bisect_left(items, dated.order, key=_dated_key)
    if at < len(items) and items[at].order == dated.order and items[at].briefing is dated.briefing:
        del items[at]
        return True
    return False


_first = itemgetter(0)


def _dated_key(dated: DatedEntry) -> tuple:
    return dated.order


def _insert(items: list, dated: DatedEntry) -> None:
    items.insert(bisect.bisect_right(items, _dated_key(dated), key=_dated_key), dated)


def _patched_years(previous: Catalog, dated: _Dated) -> dict[str, tuple[DatedEntry, ...]]:
    """The previous ``timeline_years`` with the entries of the replaced briefings swapped:
    only the years they are in are made again, the others are the very same tuples."""
    years = _patched_groups(previous.timeline_years if previous.timeline_years is not None else timeline_years(previous.timeline), dated, lambda d: year_of(d.event.date))
    return dict(sorted(years.items(), key=lambda item: _dated_key(item[1][0])))  # in the order they first come


def _patched_groups(groups: dict, dated: _Dated, key: Callable[[DatedEntry], object]) -> dict:
    """``groups`` (``key`` -> its dated entries, in timeline order) with the entries of the
    replaced briefings swapped: only the groups they are in are made again (a group left
    empty goes), the others are the very same tuples."""
    groups = dict(groups)
    rows: dict = {}

    def rows_of(name) -> list:
        if name not in rows:
            rows[name] = list(groups.get(name, ()))
        return rows[name]

    for entries in dated.old.values():
        for entry in entries:
            found = _remove(rows_of(key(entry)), entry)
            assert found, "a group's entries are in timeline order"
    for entries in dated.new.values():
        for entry in entries:
            _insert(rows_of(key(entry)), entry)
    for name, items in rows.items():
        if items:
            groups[name] = tuple(items)
        else:
            groups.pop(name, None)
    return groups


def _patched_timeline(timeline: tuple[DatedEntry, ...], dated: _Dated) -> tuple[DatedEntry, ...]:
    """The timeline with the entries of the replaced briefings swapped, each found by its
    sort key (the timeline is in their order), not by a pass over all."""
    kept = list(timeline)
    for entries in dated.old.values():
        for entry in entries:
            found = _remove(kept, entry)
            assert found, "the timeline is in the order of its sort keys"
    for entries in dated.new.values():
        for entry in entries:
            _insert(kept, entry)
    return tuple(kept)
