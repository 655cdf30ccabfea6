"""The weekly digest: what came in each week (ISO weeks of the publication dates).

For each week with briefings: its briefings, the actors that appear in most of them, and
the relations stated that week that no earlier week stated ("Huawei partners with GAC").
A pure function of the briefings and their actors' corpus ids, linear in them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from ..memo import Same

from ..model import Briefing, Relation, relation_key

DIGEST_ACTORS = 10
"""How many of a week's most present actors its page lists."""


@dataclass(frozen=True, slots=True)
class WeekRelation:
    briefing: Briefing
    relation: Relation
    subject_slug: str
    object_slug: str


@dataclass(frozen=True, slots=True)
class DigestWeek:
    key: str
    """ISO week, "2025-W47": the page is digest/<key>.md."""
    start: dt.date
    """Its Monday."""
    briefings: tuple[Briefing, ...]
    """Newest first."""
    actors: tuple[tuple[str, str, int], ...]
    """(name, actor entry slug, briefings of the week that name it), most first (then most central)."""
    relations: tuple[WeekRelation, ...]
    """Relations first stated this week, in the order of its briefings (oldest first)."""

    @property
    def end(self) -> dt.date:
        """Its Sunday (the calendar's last day for the week of 9999-12-31)."""
        return self.start + dt.timedelta(days=min(6, (dt.date.max - self.start).days))


def weekly_digests(briefings: tuple[Briefing, ...], actor_slug: dict, actor_type: dict, names: dict, reuse: Callable | None = None) -> tuple[DigestWeek, ...]:
    """The digest of each week, newest week first (``actor_slug``, ``actor_type``: the
    catalog's; ``names``: actor entry slug -> its name). Places are not counted as actors of a week.
    ``reuse(name, inputs, make)``: ``make()``, or what it gave for equal inputs before (the
    Generator's): a week whose briefings are the same, in a catalog with the same actor ids
    (the very same dicts, whose entries' names a patch keeps), is not counted again."""
    reuse = reuse or _make
    weeks: dict[tuple[int, int], list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        year, week, _ = briefing.article.date.isocalendar()
        weeks[(year, week)].append(briefing)
    seen: set[tuple] = set()
    digests = []
    ids = (Same.kept(reuse, "actor-slug", actor_slug), Same.kept(reuse, "actor-type", actor_type))
    for (year, week) in sorted(weeks):
        members = tuple(sorted(weeks[(year, week)], key=lambda b: (b.article.date, b.slug)))
        key = f"{year}-W{week:02d}"
        actors, stated = reuse(f"digest:{key}", (members, *ids), lambda m=members: (_week_actors(m, actor_slug, actor_type, names), _week_relations(m, actor_slug)))
        fresh = []
        for relation_id, item in stated:
            if relation_id not in seen:
                seen.add(relation_id)
                fresh.append(item)
        fresh = tuple(fresh)
        digests.append(reuse(f"digest-week:{key}", (members, actors, fresh), lambda k=key, y=year, w=week, m=members, a=actors, f=fresh: DigestWeek(k, dt.date.fromisocalendar(y, w, 1), tuple(reversed(m)), a, f)))
    return tuple(reversed(digests))


def _make(name: str, inputs: tuple, make: Callable):
    return make()


def _week_actors(members: tuple[Briefing, ...], actor_slug: dict, actor_type: dict, names: dict) -> tuple[tuple[str, str, int], ...]:
    """(name, slug, briefings) of the actors most present in a week's briefings."""
    counts: Counter = Counter()
    weight: Counter = Counter()
    for briefing in members:
        present = {}
        for actor in briefing.actors:
            if actor_type.get((briefing.slug, actor.name)) != "place":
                slug = actor_slug[(briefing.slug, actor.name)]
                present[slug] = max(present.get(slug, 0.0), actor.salience)
        counts.update(present.keys())
        weight.update(present)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], -weight[kv[0]], names.get(kv[0], kv[0])))[:DIGEST_ACTORS]
    return tuple((names.get(slug, slug), slug, n) for slug, n in top)


def _week_relations(members: tuple[Briefing, ...], actor_slug: dict) -> tuple[tuple[tuple, WeekRelation], ...]:
    """(relation id, relation) of each relation between two actors the week's briefings state, in order."""
    stated = []
    for briefing in members:
        for relation in briefing.relations:
            subject, obj = actor_slug.get((briefing.slug, relation.subject)), actor_slug.get((briefing.slug, relation.object))
            if subject is not None and obj is not None:
                stated.append((relation_key(relation.type, subject, obj), WeekRelation(briefing, relation, subject, obj)))
    return tuple(stated)
