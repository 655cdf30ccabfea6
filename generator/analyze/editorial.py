"""Editorial overrides: an analyst's corrections from the sidecar, applied after analysis.

They are validated against what the analysis found (an unknown actor name is an error
naming the file, the line and the names that exist) and survive regeneration, because
they live beside the seed, never in generated output.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor, Briefing, SeedError, SeedProblem, SummaryPoint
from .statements import story_words


def apply_overrides(briefing: Briefing) -> Briefing:
    overrides = briefing.article.overrides
    if overrides.path is None:
        return briefing
    edited: set[str] = set()
    summary = briefing.summary
    if overrides.summary is not None:
        body_ids = {p.id for p in briefing.article.body}
        for text, pid, line in overrides.summary:
            if pid not in body_ids:
                raise SeedError(SeedProblem(overrides.path, line, f"overrides.summary cites {pid}, which is not a body paragraph; the article has p1..p{len(body_ids)}"))
        summary = tuple(SummaryPoint(text, pid) for text, pid, _ in overrides.summary)
        edited.add("summary")
    actors = list(briefing.actors)
    renamed: dict[str, str | None] = {}  # an actor's name in the analysis -> its name now (None: dropped)
    for change in overrides.actors:
        index = _find(actors, change.name)
        if index is None:
            known = ", ".join(sorted(a.name for a in actors))
            raise SeedError(SeedProblem(overrides.path, change.line, f"overrides.actors.'{change.name}': no actor of that name in the analysis; actors found: {known}"))
        actor = actors[index]
        if change.drop:
            _rename(renamed, actor.name, None)
            del actors[index]
            continue
        if change.merge_into is not None:
            target = _find(actors, change.merge_into)
            if target is None or target == index:
                raise SeedError(SeedProblem(overrides.path, change.line, f"overrides.actors.'{change.name}'.merge_into: no other actor named '{change.merge_into}'"))
            actors[target] = _merged(actors[target], actor, briefing)
            _rename(renamed, actor.name, actors[target].name)
            edited.add(f"actor:{actors[target].name}")
            del actors[index]
            continue
        if change.rename:
            _rename(renamed, actor.name, change.rename)
            actor = replace(actor, name=change.rename, aliases=tuple(sorted({*actor.aliases, actor.name} - {change.rename})))
        if change.type:
            actor = replace(actor, type=change.type)
        if change.role:
            actor = replace(actor, role=change.role)
        actors[index] = actor
        edited.add(f"actor:{actor.name}")
    if overrides.notes:
        edited.add("notes")
    relations = tuple(
        dict.fromkeys(
            replace(r, subject=renamed.get(r.subject, r.subject), object=renamed.get(r.object, r.object))
            for r in briefing.relations
            if renamed.get(r.subject, r.subject) is not None and renamed.get(r.object, r.object) is not None and renamed.get(r.subject, r.subject) != renamed.get(r.object, r.object)
        )
    )
    moves = tuple(replace(m, actor=renamed.get(m.actor, m.actor)) for m in briefing.moves if renamed.get(m.actor, m.actor) is not None)
    edited_briefing = replace(briefing, summary=summary, actors=tuple(actors), relations=relations, moves=moves, edited=frozenset(edited), notes=overrides.notes)
    return replace(edited_briefing, words=story_words(edited_briefing))  # its summary, names or relations may differ now


def _rename(renamed: dict[str, str | None], old: str, new: str | None) -> None:
    """Record that the actor named ``old`` is now ``new`` (None: dropped), following earlier
    changes: relations and moves name actors as the analysis did."""
    for key, value in list(renamed.items()):
        if value == old:
            renamed[key] = new
    renamed.setdefault(old, new)


def _find(actors: list[Actor], name: str) -> int | None:
    """The actor with this name, else the one with it as an alias."""
    by_name = next((i for i, a in enumerate(actors) if a.name == name), None)
    return by_name if by_name is not None else next((i for i, a in enumerate(actors) if name in a.aliases), None)


def _merged(target: Actor, source: Actor, briefing: Briefing) -> Actor:
    order = {p.id: i for i, p in enumerate(briefing.article.paragraphs)}
    mentions = tuple(sorted(target.mentions + source.mentions, key=lambda m: (order[m.paragraph], m.start)))
    aliases = tuple(sorted({*target.aliases, source.name, *source.aliases} - {target.name}))
    return replace(target, aliases=aliases, mentions=mentions, salience=max(target.salience, source.salience))
