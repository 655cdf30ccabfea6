"""Storylines: briefings about one developing story, and what each new one adds.

Grouping, in one pass over the briefings oldest first: a briefing joins the open story it
is most like, else it starts one. "Like" is a weighted sum of two cosines:

- its key actors (resolved across articles; places never count, so two stories that share
  only a city do not join), each weighted by its salience in the briefing and by how rare
  the actor is in the corpus (an actor in many briefings, a big bank or an exchange, weighs
  little);
- the words of its title, first paragraphs and relations (``analyze.statements``, made with
  its analysis), weighted the same way (tf-idf);

against the story's profile, the sum of its briefings' vectors. A story is open while its
newest briefing is at most ``window_days`` older than the briefing, and its first at most
``max_span_days`` (a developing event, not a topic of years). Candidates come from an
inverted index of actors and terms to stories, so the work is linear in the briefings.
A story keeps at least two briefings; a briefing belongs to at most one story.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import dataclasses

from ..analyze.statements import story_words
from ..analyze.text import short_hash
from ..model import Briefing, Event, Figure, Relation, StoryWords, SummaryPoint, sort_key, relation_key
from ..settings import StorySettings
from .catalog import Catalog


@dataclass(frozen=True, slots=True)
class StoryFact:
    """Something a briefing of the story states first."""

    kind: str
    """point, relation, figure or event."""
    item: SummaryPoint | Relation | Figure | Event
    also: tuple[Briefing, ...] = ()
    """Later briefings of the story that state it again (folded into this one)."""


@dataclass(frozen=True, slots=True)
class FigureChange:
    """A figure of the story that changed: the same thing measured, a new value."""

    measures: str
    before: Figure
    before_briefing: Briefing
    after: Figure


@dataclass(frozen=True, slots=True)
class StoryStep:
    """One briefing of a story, in order, with what it adds."""

    briefing: Briefing
    facts: tuple[StoryFact, ...]
    changes: tuple[FigureChange, ...]
    repeated: int
    """How many of its facts an earlier briefing of the story already stated."""


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A dated event of a story and the briefing that first states it."""

    briefing: Briefing
    event: Event


@dataclass(frozen=True, slots=True)
class StoryActor:
    name: str
    slug: str
    role: str
    briefing: Briefing
    """The briefing the role comes from."""
    paragraph: str
    briefings: int
    """In how many of the story's briefings it is a key actor."""


@dataclass(frozen=True, slots=True)
class Story:
    slug: str
    title: str
    steps: tuple[StoryStep, ...]
    """Oldest briefing first."""
    actors: tuple[StoryActor, ...]

    @property
    def briefings(self) -> tuple[Briefing, ...]:
        return tuple(s.briefing for s in self.steps)

    timeline: tuple = field(init=False, repr=False, compare=False)
    """The story's dated events, each as first stated, oldest first (made from its steps)."""

    def __post_init__(self) -> None:
        events = [StoryEvent(s.briefing, f.item) for s in self.steps for f in s.facts if f.kind == "event"]
        object.__setattr__(self, "timeline", tuple(sorted(events, key=lambda e: sort_key(e.event.date))))  # stable: ties keep story order

    @property
    def first(self) -> dt.date:
        return self.steps[0].briefing.article.date

    @property
    def last(self) -> dt.date:
        return self.steps[-1].briefing.article.date


def with_stories(catalog: Catalog, settings: StorySettings = StorySettings(), replays: dict | None = None) -> Catalog:
    """The catalog with its storylines: a pure function of it and of ``settings``. Given
    ``replays`` (a dict), each story's ``_Replay`` is kept there under its slug, for
    ``patch_stories``."""
    names = {e.slug: e.name for e in catalog.actors}
    groups = group_stories(catalog.briefings, catalog.actor_slug, catalog.actor_type, settings)
    stories = build_stories(groups, catalog.actor_slug, catalog.actor_type, names, replays)
    story_of = {step.briefing.slug: (story, place) for story in stories for place, step in enumerate(story.steps, 1)}
    return dataclasses.replace(catalog, stories=stories, story_of=story_of)


# -- grouping -----------------------------------------------------------------------------------


def group_stories(briefings: tuple[Briefing, ...], actor_slug: dict, actor_type: dict, settings: StorySettings) -> list[list[Briefing]]:
    """The briefings of each story (two or more), oldest first; stories in order of their first briefing."""
    if not settings.enabled:
        return []
    ordered = sorted(briefings, key=lambda b: (b.article.date, b.slug))
    actor_tf = [_actor_vector(b, actor_slug, actor_type, settings.key_actors) for b in ordered]
    term_tf = [Counter(_words(b).terms.split()) for b in ordered]
    actor_idf, term_idf = _idf(actor_tf), _idf(term_tf)
    actor_vectors = [_normalised({k: w * actor_idf[k] for k, w in v.items()}) for v in actor_tf]
    term_vectors = [_normalised(_top({k: w * term_idf[k] for k, w in v.items()}, settings.terms)) for v in term_tf]

    members: list[list[int]] = []
    actor_profile: list[_Profile] = []
    term_profile: list[_Profile] = []
    first: list[dt.date] = []
    last: list[dt.date] = []
    by_actor: dict[str, set[int]] = defaultdict(set)
    by_term: dict[str, set[int]] = defaultdict(set)
    window, span = dt.timedelta(days=settings.window_days), dt.timedelta(days=settings.max_span_days)
    for index, briefing in enumerate(ordered):
        actors, terms = actor_vectors[index], term_vectors[index]
        candidates = set().union(*(by_actor[k] for k in actors), *(by_term[k] for k in terms)) if actors or terms else set()
        best, best_score = None, settings.threshold
        for story in sorted(candidates):
            if briefing.article.date - last[story] > window or briefing.article.date - first[story] > span:
                continue
            actor_score, term_score = actor_profile[story].cosine(actors), term_profile[story].cosine(terms)
            if actor_score <= 0 or term_score < settings.min_terms:
                continue
            score = settings.actor_weight * actor_score + settings.term_weight * term_score
            if score >= best_score and (best is None or score > best_score):
                best, best_score = story, score
        if best is None:
            best = len(members)
            members.append([])
            actor_profile.append(_Profile())
            term_profile.append(_Profile())
            first.append(briefing.article.date)
            last.append(briefing.article.date)
        members[best].append(index)
        actor_profile[best].add(actors)
        term_profile[best].add(terms)
        last[best] = max(last[best], briefing.article.date)
        for key in actors:
            by_actor[key].add(best)
        for key in terms:
            by_term[key].add(best)
    return [[ordered[i] for i in group] for group in members if len(group) >= 2]


def _actor_vector(briefing: Briefing, actor_slug: dict, actor_type: dict, count: int) -> dict[str, float]:
    vector: dict[str, float] = {}
    for actor in briefing.actors:
        if len(vector) >= count:
            break
        kind = actor_type.get((briefing.slug, actor.name), actor.type)
        if kind in ("place", "other"):
            continue
        slug = actor_slug[(briefing.slug, actor.name)]
        vector[slug] = max(vector.get(slug, 0.0), max(actor.salience, 0.05))
    return vector


def _words(briefing: Briefing) -> StoryWords:
    """Its words as the analysis made them (``analyze.statements``), else made now."""
    return briefing.words if briefing.words is not None else story_words(briefing)


def _idf(vectors: list) -> dict[str, float]:
    df: Counter = Counter()
    for vector in vectors:
        df.update(vector.keys())
    n = len(vectors)
    return {k: math.log((1 + n) / (1 + d)) + 1.0 for k, d in df.items()}


def _top(vector: dict[str, float], count: int) -> dict[str, float]:
    return dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:count])


def _normalised(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


class _Profile:
    """The sum of a story's unit vectors, with its squared norm kept as it grows."""

    __slots__ = ("weights", "squares")

    def __init__(self) -> None:
        self.weights: dict[str, float] = {}
        self.squares = 0.0

    def add(self, vector: dict[str, float]) -> None:
        for key, weight in vector.items():
            old = self.weights.get(key, 0.0)
            self.weights[key] = old + weight
            self.squares += (old + weight) ** 2 - old * old

    def cosine(self, vector: dict[str, float]) -> float:
        if not vector or self.squares <= 0:
            return 0.0
        return sum(w * self.weights.get(k, 0.0) for k, w in vector.items()) / math.sqrt(self.squares)


# -- a story: its title, actors and what each briefing adds ---------------------------------

STORY_ACTORS = 8
"""How many actors a story page lists."""
SAME_FACT = 0.6
"""A point or dated event is the same as an earlier one when this share of its words is in it."""
_TITLES = {
    "acquire": "{s}'s bid for {o}",
    "invest": "{s}'s investment in {o}",
    "own": "{s}'s stake in {o}",
    "partner": "{s} and {o} partnership",
    "compete": "{s} and {o} rivalry",
    "oppose": "{s} against {o}",
    "support": "{s} backs {o}",
    "supply": "{s} supplies {o}",
    "launch": "{s} launches {o}",
}
"""A story's title from its main relation; other relations give "{s} and {o}"."""


def build_stories(groups: list[list[Briefing]], actor_slug: dict, actor_type: dict, names: dict, replays: dict | None = None) -> tuple[Story, ...]:
    """Each group as a story; ``names`` maps an actor entry slug to its display name.
    Newest activity first."""
    stories, used = [], set()
    for group in groups:
        slug = group[0].slug
        while slug in used:
            slug = f"{group[0].slug}-{short_hash(slug)}"
        used.add(slug)
        actors = _story_actors(group, actor_slug, actor_type, names)
        replay = _Replay(actor_slug)
        if replays is not None:
            replays[slug] = replay  # a story of the same slug made before is of other briefings
        stories.append(Story(slug, _title(group, actors, actor_slug, names), _steps(group, actor_slug, replay), actors))
    return tuple(sorted(stories, key=lambda s: (s.last, s.slug), reverse=True))


def _story_actors(group: list[Briefing], actor_slug: dict, actor_type: dict, names: dict) -> tuple[StoryActor, ...]:
    weight: Counter = Counter()
    count: Counter = Counter()
    best: dict[str, tuple[float, Briefing, object]] = {}
    for briefing in group:
        for actor in briefing.actors:
            if actor_type.get((briefing.slug, actor.name), actor.type) == "place":
                continue
            slug = actor_slug[(briefing.slug, actor.name)]
            weight[slug] += actor.salience
            count[slug] += 1
            if actor.role and (slug not in best or actor.salience > best[slug][0]):
                best[slug] = (actor.salience, briefing, actor)
    ranked = sorted(weight, key=lambda s: (-weight[s], names.get(s, s)))[:STORY_ACTORS]
    result = []
    for slug in ranked:
        _, briefing, actor = best.get(slug, (0, None, None))
        result.append(StoryActor(names.get(slug, slug), slug, actor.role if actor else "", briefing or group[0], actor.role_paragraph if actor else "", count[slug]))
    return tuple(result)


def _title(group: list[Briefing], actors: tuple[StoryActor, ...], actor_slug: dict, names: dict) -> str:
    """"Dixons Group's bid for Cyclops Corp": the relation between two of its first actors that
    most of its briefings state, else its two first actors."""
    top = {a.slug for a in actors[:4]}
    votes: Counter = Counter()
    for briefing in group:
        seen = set()
        for r in briefing.relations:
            key = (actor_slug.get((briefing.slug, r.subject)), r.type, actor_slug.get((briefing.slug, r.object)))
            if key[0] in top and key[2] in top and key[0] != key[2] and key not in seen:
                seen.add(key)
                votes[key] += 1
    if votes:
        (subject, kind, obj), _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0][1] not in _TITLES, kv[0]))
        return _TITLES.get(kind, "{s} and {o}").format(s=names.get(subject, subject), o=names.get(obj, obj))
    if len(actors) >= 2:
        return f"{actors[0].name} and {actors[1].name}"
    return actors[0].name if actors else group[0].article.title


def _steps(group: list[Briefing], actor_slug: dict, replay: _Replay | None = None) -> tuple[StoryStep, ...]:
    """For each briefing in order, the facts no earlier briefing of the story stated; a fact
    stated again is folded into the first (its ``also``). With ``replay`` (a fresh one, or
    the one that made this story's previous version) the work is kept there, and a story
    whose first briefings are the same is made again from its first changed one."""
    return (replay or _Replay(actor_slug)).run(group)


def _replay(replays: dict | None, slug: str, actor_slug: dict) -> _Replay:
    """The story's replay kept in ``replays`` when it was made with these actor slugs, else
    a new one (kept there, when given)."""
    replay = replays.get(slug) if replays is not None else None
    if replay is None or replay.actor_slug is not actor_slug:
        replay = _Replay(actor_slug)
        if replays is not None:
            replays[slug] = replay
    return replay


class _Replay:
    """The state of ``_steps`` after each briefing of a story, kept for the next version of
    the story: every change made to it is logged, and ``rewind(step)`` undoes those made at
    that step and after, leaving the state the first ``step`` briefings gave. The steps it
    keeps are valid for the very same briefing objects and ``actor_slug`` only."""

    def __init__(self, actor_slug: dict) -> None:
        self.actor_slug = actor_slug
        self.briefings: list[Briefing] = []
        self.facts: list[list[StoryFact]] = []
        self.changes: list[tuple[FigureChange, ...]] = []
        self.repeated: list[int] = []
        self.undo: list[tuple] = []
        """(function, *arguments) that undo one change, in the order made."""
        self.marks: list[int] = []
        """len(undo) at the start of each step."""
        self.relation_seen: dict[tuple, tuple[int, int]] = {}
        self.figure_seen: dict[tuple, tuple[int, int]] = {}
        self.figures_by_unit: dict[str, list[tuple[Figure, Briefing, frozenset]]] = defaultdict(list)
        self.said = _Statements(self.undo)
        self.also: dict[tuple[int, int], list[Briefing]] = defaultdict(list)

    def run(self, group: list[Briefing]) -> tuple[StoryStep, ...]:
        """The steps of ``group``, made again from the first briefing that is not the one
        this replay last saw at its place."""
        start = 0
        while start < min(len(group), len(self.briefings)) and group[start] is self.briefings[start]:
            start += 1
        self.rewind(start)
        for step in range(start, len(group)):
            self._step(step, group[step])
        folded = {step for (step, _), later in self.also.items() if later}
        steps = []
        for step, briefing in enumerate(group):
            facts = self.facts[step]
            if step in folded:
                facts = [StoryFact(f.kind, f.item, tuple(self.also[(step, i)])) if self.also.get((step, i)) else f for i, f in enumerate(facts)]
            steps.append(StoryStep(briefing, tuple(facts), self.changes[step], self.repeated[step]))
        return tuple(steps)

    def rewind(self, step: int) -> None:
        """Back to the state after the first ``step`` briefings."""
        if step >= len(self.marks):
            return
        undo, mark = self.undo, self.marks[step]
        while len(undo) > mark:
            function, *arguments = undo.pop()
            function(*arguments)
        for kept in (self.briefings, self.facts, self.changes, self.repeated, self.marks):
            del kept[step:]
        self.said.last = (None, None)

    def _step(self, step: int, briefing: Briefing) -> None:
        undo, said, also, actor_slug = self.undo, self.said, self.also, self.actor_slug
        relation_seen, figure_seen = self.relation_seen, self.figure_seen
        self.marks.append(len(undo))
        self.briefings.append(briefing)
        shown: list[StoryFact] = []
        moved: list[FigureChange] = []
        again = 0

        def note(fact: StoryFact) -> tuple[int, int]:
            shown.append(fact)
            return (step, len(shown) - 1)

        def fold(where: tuple[int, int]) -> None:
            nonlocal again
            again += 1
            if where[0] != step:
                later = also[where]
                if not later or later[-1] is not briefing:  # steps come in order
                    later.append(briefing)
                    undo.append((later.pop,))

        words = _words(briefing)
        for point, text in zip(briefing.summary, words.points):
            content = frozenset(text.split())
            where = said.find(("point", None), content)
            if where:
                fold(where)
            else:
                said.add(("point", None), content, note(StoryFact("point", point)))
        for relation in briefing.relations:
            subject, obj = actor_slug.get((briefing.slug, relation.subject)), actor_slug.get((briefing.slug, relation.object))
            key = relation_key(relation.type, subject, obj)
            if key in relation_seen:
                fold(relation_seen[key])
            else:
                relation_seen[key] = note(StoryFact("relation", relation))
                undo.append((relation_seen.__delitem__, key))
        for figure, text in zip(briefing.figures, words.measures):
            key = (figure.unit, figure.value * figure.scale, (figure.high or 0) * figure.scale)
            if key in figure_seen:
                fold(figure_seen[key])
                continue
            head, *named = text.split(" ")
            content = (head, frozenset(named))
            same_unit = self.figures_by_unit[figure.unit]
            for before, before_briefing, before_content in reversed(same_unit):
                if before_briefing is not briefing and _changed(before, before_content, figure, content):
                    moved.append(FigureChange(figure.measures, before, before_briefing, figure))
                    break
            figure_seen[key] = note(StoryFact("figure", figure))
            undo.append((figure_seen.__delitem__, key))
            same_unit.append((figure, briefing, content))
            undo.append((same_unit.pop,))
        for event, text in zip(briefing.timeline, words.events):
            if event.paragraph is None:
                continue
            content = frozenset(text.split())
            where = said.find(("event", event.date), content)
            if where:
                fold(where)
            else:
                said.add(("event", event.date), content, note(StoryFact("event", event)))
        self.facts.append(shown)
        self.changes.append(tuple(moved))
        self.repeated.append(again)


class _Statements:
    """The points and dated events a story has stated, to find the earlier statement that
    a new one repeats: one whose words hold ``SAME_FACT`` of the new one's and all its
    numbers. An index of words finds the candidates, oldest first, and the first that holds
    is the answer: those giving the new one's rarest number (every statement it repeats
    gives them all), else those holding one of its rarest few words (prefix filtering: an
    earlier statement with that many of the words holds one of them). So a long story costs
    about linear time, not the square of its statements.

    A statement with the very words of an earlier one (a wire story's paragraph again) has
    the same answer as that one had, or is that one when it was new: statements are only
    added, so the oldest that holds stays the oldest (``known``)."""

    def __init__(self, undo: list | None = None) -> None:
        self.undo = undo
        """Where each change is logged with what undoes it (``_Replay``), if anywhere."""
        self.items: list[tuple[frozenset, frozenset, tuple[int, int]]] = []
        self.postings: dict[tuple, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.known: dict[tuple, tuple[int, int]] = {}
        self.last: tuple = (None, None)
        """The content ``find`` last searched for, and its numbers."""

    def add(self, kind: tuple, content: frozenset, where: tuple[int, int]) -> None:
        """A new statement (``find`` gave None for it)."""
        index = len(self.items)
        numbers = self.last[1] if self.last[0] is content else _numbers(content)  # find() made them for it
        self.items.append((content, numbers, where))
        postings = self.postings[kind]
        for word in content:
            postings[word].append(index)
        if len(content) >= MIN_WORDS:
            self.known[(kind, content)] = where
        if self.undo is not None:
            self.undo.append((self._unadd, kind, content))

    def _unadd(self, kind: tuple, content: frozenset) -> None:
        self.items.pop()
        postings = self.postings[kind]
        for word in content:
            postings[word].pop()  # an emptied list finds nothing, as no list does
        if len(content) >= MIN_WORDS:
            del self.known[(kind, content)]

    def find(self, kind: tuple, content: frozenset) -> tuple[int, int] | None:
        if len(content) < MIN_WORDS:
            return None
        where = self.known.get((kind, content))
        if where is None:
            self.last = (content, _numbers(content))
            where = self._search(kind, content, self.last[1])
            if where is not None:
                self.known[(kind, content)] = where
                if self.undo is not None:
                    self.undo.append((self.known.__delitem__, (kind, content)))
        return where

    def _search(self, kind: tuple, content: frozenset, numbers: frozenset) -> tuple[int, int] | None:
        if kind not in self.postings:
            return None
        postings = self.postings[kind]
        if any(n not in postings for n in numbers):
            return None  # a number no statement of its kind gave: news
        need = math.ceil(SAME_FACT * len(content) - 1e-9)
        if numbers:
            candidates = min((postings[n] for n in numbers), key=len)
        else:
            rarest = sorted(content, key=lambda w: (len(postings.get(w, ())), w))[: len(content) - need + 1]
            candidates = heapq.merge(*(postings[w] for w in rarest if w in postings))
        last = -1
        for index in candidates:  # oldest first: the earliest statement it repeats
            if index == last:
                continue
            last = index
            other, other_numbers, where = self.items[index]
            if numbers <= other_numbers and len(content & other) >= need:
                return where
        return None


def _changed(before: Figure, before_measure: tuple, after: Figure, measure: tuple) -> bool:
    """Is ``after`` a new value of what ``before`` measured? The same unit, the same head word
    of what they measure ("offer" and "offered"; "stake"), no two different names in it
    ("stake in Beta" is not "stake in Gamma"), and a value of the same order (an offer raised
    from 40 to 44, not a price become a total)."""
    head, named = measure
    before_head, before_named = before_measure
    if not head or head != before_head or (named and before_named and not named & before_named):
        return False
    old, new = before.value * before.scale, after.value * after.scale
    return old > 0 and new > 0 and old != new and 0.5 <= new / old <= 2


MIN_WORDS = 3
"""A point or event of fewer content words is never taken for another."""
def _numbers(content: frozenset[str]) -> frozenset[str]:
    return frozenset([t for t in content if t[0] == "#"])


def patch_stories(previous: Catalog, catalog: Catalog, swap: dict, settings: StorySettings = StorySettings(), replays: dict | None = None) -> Catalog | None:
    """``with_stories(catalog, settings)`` made from the stories of ``previous``, when
    ``catalog`` is ``previous`` with the briefings of ``swap`` (id of the old -> the new)
    replaced and each replaced one reads the same to the grouping (its key actors'
    weights and its words): the groups are then the same, and only the stories holding a
    replaced briefing are made again, each from its first replaced briefing when ``replays``
    holds its ``_Replay`` (kept by ``with_stories`` or an earlier patch). None when the
    stories must be grouped afresh."""
    if not settings.enabled:
        return dataclasses.replace(catalog, stories=(), story_of={})
    old = {b.slug: b for b in previous.briefings}
    for new in swap.values():
        before = old[new.slug]
        if _actor_vector(before, previous.actor_slug, previous.actor_type, settings.key_actors) != _actor_vector(new, catalog.actor_slug, catalog.actor_type, settings.key_actors):
            return None
        if Counter(_words(before).terms.split()) != Counter(_words(new).terms.split()):
            return None
    names = {e.slug: e.name for e in catalog.actors}
    stories = []
    for story in previous.stories:
        if not any(id(s.briefing) in swap for s in story.steps):
            stories.append(story)
            continue
        group = [swap.get(id(b), b) for b in story.briefings]
        actors = _story_actors(group, catalog.actor_slug, catalog.actor_type, names)
        replay = _replay(replays, story.slug, catalog.actor_slug)
        stories.append(Story(story.slug, _title(group, actors, catalog.actor_slug, names), _steps(group, catalog.actor_slug, replay), actors))
    stories = tuple(stories)
    kept = {id(s) for s in previous.stories}
    story_of = dict(previous.story_of)  # an unchanged story's places are the previous ones (the same tuples)
    for story in stories:  # the same stories, of the same briefings, in the same order: only the new ones' places change
        if id(story) not in kept:
            for place, step in enumerate(story.steps, 1):
                story_of[step.briefing.slug] = (story, place)
    return dataclasses.replace(catalog, stories=stories, story_of=story_of)
