"""render: briefings -> Markdown pages, through the Jinja2 templates in ``templates/``.

Templates receive the frozen model objects and the escaping filters of
:mod:`generator.publish.escape`; article text only ever reaches a page through a filter.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import escape
from ..corpus.catalog import build_catalog, timeline_periods, year_of
from .citation import bibtex, csl_json
from .exports import exports, json_ld
from ..memo import ObjectMemo
from ..model import Briefing, Page
from ..settings import TIMELINE_PAGE_ENTRIES
from ..analyze.text import sentence_spans

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


class PageMemo:
    """What the previous render produced, kept between builds (``mkdocs serve``): a page is
    rendered again only when its inputs differ. Inputs are compared by value; unchanged
    briefings are the very same objects (see ``analyze_all``), so the comparison is quick.
    Any change of the templates or of the settings starts afresh."""

    def __init__(self) -> None:
        self.context: tuple | None = None
        self.env: jinja2.Environment | None = None
        self.pages: dict[str, tuple[object, str]] = {}
        self.fragments = ObjectMemo()
        self.catalog = ObjectMemo()
        self.rendered = 0
        self.unchanged: set[str] = set()
        """Paths whose text is the same as in the previous run."""

    def start(self, templates_dir: Path, *settings) -> jinja2.Environment:
        context = (_templates_stamp(templates_dir), *settings)
        if context != self.context or self.env is None:
            self.context, self.env = context, make_environment(templates_dir)
            self.pages.clear()
            self.fragments.clear()
            self.catalog.clear()
        self.rendered = 0
        self.unchanged = set()
        return self.env

    def page(self, path: str, key: object, render) -> Page:
        """The page from the previous run if ``key`` (all it shows) is unchanged, else rendered;
        ``key=None`` always renders."""
        hit = self.pages.get(path)
        if key is not None and hit is not None and hit[0] == key:
            self.unchanged.add(path)
            return Page(path, hit[1])
        text = render()
        self.rendered += 1
        if hit is not None and hit[1] == text:
            self.unchanged.add(path)
        self.pages[path] = (key, text)
        return Page(path, text)

    def keep(self, pages: tuple[Page, ...]) -> None:
        """Forget pages that are gone (a deleted seed or actor)."""
        current = {p.path for p in pages}
        for path in [p for p in self.pages if p not in current]:
            del self.pages[path]


def _templates_stamp(templates_dir: Path) -> tuple:
    stamps = []
    for path in sorted(templates_dir.rglob("*")):
        st = path.stat()
        stamps.append((path.as_posix(), st.st_mtime_ns, st.st_size, st.st_ino))
    return tuple(stamps)


def render_site(
    briefings: tuple[Briefing, ...],
    templates_dir: Path,
    home_intro: str = "",
    site_url: str = "",
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES,
    memo: PageMemo | None = None,
) -> tuple[Page, ...]:
    """Every generated page and export of the site, in a stable order.

    The index pages are rendered every time (they are small and read the whole catalog);
    briefing, actor and timeline pages come from ``memo`` when their inputs are unchanged.
    """
    memo = memo if memo is not None else PageMemo()
    env = memo.start(templates_dir, home_intro, site_url, timeline_page_entries)
    catalog = build_catalog(briefings, memo.catalog)
    periods = timeline_periods(catalog.timeline, timeline_page_entries)
    common = {"briefings": catalog.briefings, "actors": catalog.actors, "timeline": catalog.timeline, "catalog": catalog}
    pages = [
        memo.page("index.md", None, lambda: env.get_template("home.md.j2").render(intro=home_intro, **common)),
        memo.page("briefings/index.md", None, lambda: env.get_template("briefings.md.j2").render(**common)),
        memo.page("actors/index.md", None, lambda: env.get_template("actors.md.j2").render(**common)),
        memo.page("timeline.md", (periods or catalog.timeline, len(catalog.briefings)), lambda: env.get_template("timeline.md.j2").render(periods=periods, **common)),
        memo.page("sources.md", None, lambda: env.get_template("sources.md.j2").render(**common)),
        memo.page("tags.md", None, lambda: env.get_template("tags.md.j2").render(**common)),
    ]
    template = env.get_template("timeline_period.md.j2")
    for year in periods:
        for period in (year, *year.months):
            pages.append(
                memo.page(f"timeline/{period.key}.md", (period, year.key), lambda p=period, y=year: template.render(period=p, year=y))
            )
    template = env.get_template("briefing.md.j2")
    for briefing in catalog.briefings:
        slugs = {a.name: catalog.actor_slug[(briefing.slug, a.name)] for a in briefing.actors}
        related = catalog.related[briefing.slug]
        pages.append(
            memo.page(
                f"briefings/{briefing.slug}.md",
                (briefing, slugs, related),
                lambda b=briefing, s=slugs, r=related: template.render(
                    b=b,
                    actor_slugs=s,
                    key_count=KEY_ACTORS_SHOWN,
                    related=r,
                    tags=briefing_tags(b),
                    jsonld=escape.json_text(json_ld(b, site_url), indent=None),
                ),
            )
        )
    template = env.get_template("actor.md.j2")
    for entry in catalog.actors:
        pages.append(memo.page(f"actors/{entry.slug}.md", entry, lambda e=entry: template.render(entry=e)))
    result = tuple(pages) + exports(catalog, site_url, memo.fragments)
    memo.keep(result)
    return result


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
