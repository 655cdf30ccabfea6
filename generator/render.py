"""render: briefings -> Markdown pages, through the Jinja2 templates in ``templates/``.

Templates receive the frozen model objects and the escaping filters of
:mod:`generator.escape`; article text only ever reaches a page through a filter.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import escape
from .catalog import build_catalog, timeline_periods, year_of
from .citation import bibtex, csl_json
from .exports import exports, json_ld
from .model import Briefing, Page
from .settings import TIMELINE_PAGE_ENTRIES
from .text import sentence_spans

KEY_ACTORS_SHOWN = 15
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
        bibtex=bibtex,
        csl=csl_json,
    )
    env.globals.update(lead_sentence=lead_sentence, year_of=year_of, ref=ref)
    return env


def render_site(
    briefings: tuple[Briefing, ...],
    templates_dir: Path,
    home_intro: str = "",
    site_url: str = "",
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES,
) -> tuple[Page, ...]:
    """Every generated page and export of the site, in a stable order."""
    env = make_environment(templates_dir)
    catalog = build_catalog(briefings)
    periods = timeline_periods(catalog.timeline, timeline_page_entries)
    common = {"briefings": catalog.briefings, "actors": catalog.actors, "timeline": catalog.timeline, "catalog": catalog}
    pages = [
        Page("index.md", env.get_template("home.md.j2").render(intro=home_intro, **common)),
        Page("briefings/index.md", env.get_template("briefings.md.j2").render(**common)),
        Page("actors/index.md", env.get_template("actors.md.j2").render(**common)),
        Page("timeline.md", env.get_template("timeline.md.j2").render(periods=periods, **common)),
        Page("sources.md", env.get_template("sources.md.j2").render(**common)),
        Page("tags.md", env.get_template("tags.md.j2").render(**common)),
    ]
    template = env.get_template("briefing.md.j2")
    for briefing in catalog.briefings:
        slugs = {a.name: catalog.actor_slug[(briefing.slug, a.name)] for a in briefing.actors}
        pages.append(
            Page(
                f"briefings/{briefing.slug}.md",
                template.render(
                    b=briefing,
                    actor_slugs=slugs,
                    key_count=KEY_ACTORS_SHOWN,
                    related=catalog.related[briefing.slug],
                    tags=briefing_tags(briefing),
                    jsonld=escape.json_text(json_ld(briefing, site_url), indent=None),
                ),
            )
        )
    template = env.get_template("timeline_period.md.j2")
    for year in periods:
        for period in (year, *year.months):
            pages.append(Page(f"timeline/{period.key}.md", template.render(period=period, year=year)))
    template = env.get_template("actor.md.j2")
    for entry in catalog.actors:
        pages.append(Page(f"actors/{entry.slug}.md", template.render(entry=entry)))
    return tuple(pages) + exports(catalog, site_url)


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
