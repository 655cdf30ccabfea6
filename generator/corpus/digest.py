"""The weekly digest: what came in each week (ISO weeks of the publication dates).

For each week with briefings: its briefings, the actors that appear in most of them, and
the relations stated that week that no earlier week stated ("Huawei partners with GAC").
A pure function of the briefings and their actors' corpus ids, linear in them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

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


def weekly_digests(briefings: tuple[Briefing, ...], actor_slug: dict, actor_type: dict, names: dict) -> tuple[DigestWeek, ...]:
    """The digest of each week, newest week first (``actor_slug``, ``actor_type``: the
    catalog's; ``names``: actor entry slug -> its name). Places are not counted as actors of a week."""
    weeks: dict[tuple[int, int], list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        year, week, _ = briefing.article.date.isocalendar()
        weeks[(year, week)].append(briefing)
    seen: set[tuple] = set()
    digests = []
    for (year, week) in sorted(weeks):
        members = sorted(weeks[(year, week)], key=lambda b: (b.article.date, b.slug))
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
        fresh = []
        for briefing in members:
            for relation in briefing.relations:
                subject, obj = actor_slug.get((briefing.slug, relation.subject)), actor_slug.get((briefing.slug, relation.object))
                if subject is None or obj is None:
                    continue
                key = relation_key(relation.type, subject, obj)
                if key not in seen:
                    seen.add(key)
                    fresh.append(WeekRelation(briefing, relation, subject, obj))
        top = sorted(counts.items(), key=lambda kv: (-kv[1], -weight[kv[0]], names.get(kv[0], kv[0])))[:DIGEST_ACTORS]
        digests.append(
            DigestWeek(
                f"{year}-W{week:02d}",
                dt.date.fromisocalendar(year, week, 1),
                tuple(reversed(members)),
                tuple((names.get(slug, slug), slug, n) for slug, n in top),
                tuple(fresh),
            )
        )
    return tuple(reversed(digests))
