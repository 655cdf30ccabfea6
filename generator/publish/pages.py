"""pages: the catalog -> Markdown pages, through the Jinja2 templates in ``templates/``.

Templates receive the frozen model objects and the escaping filters of
:mod:`generator.publish.escape`; article text only ever reaches a page through a filter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..analyze.text import sentence_spans
from ..corpus.catalog import Catalog, timeline_periods, year_of
from ..model import Briefing, Page
from ..settings import TIMELINE_PAGE_ENTRIES
from . import escape
from .citation import bibtex, csl_json
from .exports import corpus_actors, export_pieces, exports, json_ld

KEY_ACTORS_SHOWN = 15
RELATION_VERBS = {
    "partner": "partners with", "acquire": "acquires or bids for", "invest": "invests in", "own": "owns", "lead": "leads",
    "member": "works for or belongs to", "supply": "supplies", "compete": "competes with", "oppose": "opposes",
    "support": "supports", "launch": "launches", "locate": "is based in",
}
"""How a relation reads on the page, subject first."""
TAGGED_ACTORS = 5


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
        figure=escape.figure_text,
        when=escape.date_text,
        bibtex=bibtex,
        csl=csl_json,
    )
    env.globals.update(lead_sentence=lead_sentence, year_of=year_of, ref=ref, relation_verbs=RELATION_VERBS)
    return env


@dataclass(frozen=True, slots=True)
class PageJob:
    """A page to render: its path, ``key`` (everything it shows, compared by value: the same
    key gives the same text; None for a page that reads the whole catalog) and how to render it."""

    path: str
    key: object
    render: Callable[[], str]


def plan_pages(
    catalog: Catalog,
    env: jinja2.Environment,
    home_intro: str = "",
    site_url: str = "",
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES,
) -> tuple[PageJob, ...]:
    """Every generated Markdown page of the site, in a stable order, not yet rendered: the
    caller renders each (``render_site``) or keeps the text of an unchanged key from its
    previous run (``generator.site.Generator``)."""
    periods = timeline_periods(catalog.timeline, timeline_page_entries)
    common = {"briefings": catalog.briefings, "actors": catalog.actors, "timeline": catalog.timeline, "catalog": catalog}

    def index(name: str, **extra):
        return lambda: env.get_template(name).render(**extra, **common)

    jobs = [
        PageJob("index.md", None, index("home.md.j2", intro=home_intro)),
        PageJob("briefings/index.md", None, index("briefings.md.j2")),
        PageJob("actors/index.md", None, index("actors.md.j2")),
        PageJob("timeline.md", (periods or catalog.timeline, len(catalog.briefings)), index("timeline.md.j2", periods=periods)),
        PageJob("sources.md", None, index("sources.md.j2")),
        PageJob("tags.md", None, index("tags.md.j2")),
    ]
    template = env.get_template("timeline_period.md.j2")
    for year in periods:
        for period in (year, *year.months):
            jobs.append(PageJob(f"timeline/{period.key}.md", (period, year.key), lambda p=period, y=year, t=template: t.render(period=p, year=y)))
    template = env.get_template("briefing.md.j2")
    for briefing in catalog.briefings:
        slugs = {a.name: catalog.actor_slug[(briefing.slug, a.name)] for a in briefing.actors}
        types = {a.name: catalog.actor_type[(briefing.slug, a.name)] for a in briefing.actors}
        related = catalog.related[briefing.slug]
        jobs.append(
            PageJob(
                f"briefings/{briefing.slug}.md",
                (briefing, slugs, types, related),
                lambda b=briefing, s=slugs, ty=types, r=related, t=template: t.render(
                    b=b,
                    actor_slugs=s,
                    actor_types=ty,
                    key_count=KEY_ACTORS_SHOWN,
                    related=r,
                    tags=briefing_tags(b),
                    jsonld=escape.json_text(json_ld(b, site_url, ty), indent=None),
                ),
            )
        )
    template = env.get_template("actor.md.j2")
    for entry in catalog.actors:
        jobs.append(PageJob(f"actors/{entry.slug}.md", entry, lambda e=entry, t=template: t.render(entry=e)))
    return tuple(jobs)


def render_site(
    catalog: Catalog,
    templates_dir: Path,
    home_intro: str = "",
    site_url: str = "",
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES,
) -> tuple[Page, ...]:
    """Every generated page and export of the site, in a stable order."""
    env = make_environment(templates_dir)
    pages = tuple(Page(job.path, job.render()) for job in plan_pages(catalog, env, home_intro, site_url, timeline_page_entries))
    return pages + exports(catalog, site_url, tuple(export_pieces(b, corpus_actors(catalog, b)) for b in catalog.briefings))


def briefing_tags(briefing: Briefing) -> tuple[str, ...]:
    """Tags of a briefing page: the seed's own, then its key actors."""
    return tuple(dict.fromkeys(briefing.article.tags + tuple(a.name for a in briefing.actors[:TAGGED_ACTORS])))


def ref(pid: str | None, page: str = "") -> str:
    """A Markdown link to a paragraph of a briefing page: [¶4](page#p4), [heading 1], [caption]."""
    if pid is None:
        return f"[source]({page}#source)"
    label = {"p": "¶", "h": "heading ", "c": "caption "}[pid[0]] + pid[1:]
    return f"[{label}]({page}#{pid})"


def lead_sentence(article, pid: str) -> str:
    """The first sentence of a paragraph, as written."""
    text = article.paragraph(pid).text
    spans = sentence_spans(text)
    return text[spans[0].start : spans[0].end] if spans else text
