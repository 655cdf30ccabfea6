"""render: briefings -> Markdown pages, through the Jinja2 templates in ``templates/``.

Templates receive the frozen model objects and the escaping filters of
:mod:`generator.escape`; article text only ever reaches a page through a filter.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import escape
from .analysis import slugify, short_hash
from .citation import bibtex, csl_json
from .model import Actor, Briefing, Event, Page
from .text import sentence_spans
from .timeline import sort_key

KEY_ACTORS_SHOWN = 15


@dataclass(frozen=True, slots=True)
class Appearance:
    briefing: Briefing
    actor: Actor


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One actor across all briefings."""

    name: str
    slug: str
    type: str
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]


@dataclass(frozen=True, slots=True)
class DatedEntry:
    briefing: Briefing
    event: Event


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=False,  # output is Markdown; the filters below escape per context
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        # Markdown attribute lists write `{#id}`: Jinja comments use `{## ... ##}` instead.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(
        md=escape.markdown_text,
        url=escape.url,
        json=escape.json_text,
        yaml=escape.yaml_string,
        pre=escape.html_block_text,
        bibtex=bibtex,
        csl=csl_json,
    )
    env.globals.update(lead_sentence=lead_sentence, year_of=year_of)
    return env


def render_site(briefings: tuple[Briefing, ...], templates_dir: Path, home_intro: str = "") -> tuple[Page, ...]:
    """Every generated page of the site, in a stable order."""
    env = make_environment(templates_dir)
    newest = tuple(sorted(briefings, key=lambda b: (b.article.date, b.slug), reverse=True))
    actors = collect_actors(newest)
    actor_slugs = {(id(a.briefing), a.actor.name): entry.slug for entry in actors for a in entry.appearances}
    timeline = collect_timeline(newest)
    common = {"briefings": newest, "actors": actors, "timeline": timeline}
    pages = [
        Page("index.md", env.get_template("home.md.j2").render(intro=home_intro, **common)),
        Page("briefings/index.md", env.get_template("briefings.md.j2").render(**common)),
        Page("actors/index.md", env.get_template("actors.md.j2").render(**common)),
        Page("timeline.md", env.get_template("timeline.md.j2").render(**common)),
        Page("sources.md", env.get_template("sources.md.j2").render(**common)),
    ]
    template = env.get_template("briefing.md.j2")
    for briefing in newest:
        slugs = {a.name: actor_slugs[(id(briefing), a.name)] for a in briefing.actors}
        pages.append(Page(f"briefings/{briefing.slug}.md", template.render(b=briefing, actor_slugs=slugs, key_count=KEY_ACTORS_SHOWN)))
    template = env.get_template("actor.md.j2")
    for entry in actors:
        pages.append(Page(f"actors/{entry.slug}.md", template.render(entry=entry)))
    return tuple(pages)


def collect_actors(briefings: tuple[Briefing, ...]) -> tuple[ActorEntry, ...]:
    """Actors across briefings, one entry per name (a name matching another's alias joins it)."""
    canonical: dict[str, str] = {}
    for briefing in briefings:
        for actor in briefing.actors:
            canonical.setdefault(actor.name, actor.name)
    for briefing in briefings:
        for actor in briefing.actors:
            for alias in actor.aliases:
                if alias in canonical and canonical[alias] == alias and alias != actor.name:
                    canonical[alias] = canonical[actor.name]
    grouped: dict[str, list[Appearance]] = defaultdict(list)
    for briefing in briefings:
        for actor in briefing.actors:
            grouped[canonical[actor.name]].append(Appearance(briefing, actor))
    entries, used = [], set()
    for name in sorted(grouped, key=str.casefold):
        appearances = tuple(grouped[name])
        slug = slugify(name) or "actor"
        if slug in used or slug == "index":
            slug = f"{slug}-{short_hash(name)}"
        used.add(slug)
        types = sorted((a.actor.type for a in appearances), key=lambda t: sum(x.actor.type == t for x in appearances), reverse=True)
        aliases = sorted({al for a in appearances for al in (a.actor.aliases + (a.actor.name,)) if al != name})
        entries.append(ActorEntry(name, slug, types[0], tuple(aliases), appearances))
    return tuple(entries)


def collect_timeline(briefings: tuple[Briefing, ...]) -> tuple[DatedEntry, ...]:
    entries = [DatedEntry(b, e) for b in briefings for e in b.timeline if e.paragraph is not None]
    return tuple(sorted(entries, key=lambda d: (sort_key(d.event.date), d.briefing.article.date, d.briefing.slug, d.event.start or 0)))


def lead_sentence(article, pid: str) -> str:
    """The first sentence of a paragraph, as written."""
    text = article.paragraph(pid).text
    spans = sentence_spans(text)
    return text[spans[0].start : spans[0].end] if spans else text


def year_of(value: str) -> str:
    match = re.match(r"\d{3,4}", value)
    return match.group(0) if match else value
