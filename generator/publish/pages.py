"""pages: the catalog -> Markdown pages, through the Jinja2 templates in ``templates/``.

Templates receive the frozen model objects and the escaping filters of
:mod:`generator.publish.escape`; article text only ever reaches a page through a filter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter
from pathlib import Path

import jinja2

from ..analyze.text import sentence_spans
from ..corpus.archive import LATEST, actor_archive
from ..corpus.catalog import MONTHS, Catalog, timeline_periods, year_of
from ..model import RELATION_VERBS, SYMMETRIC_RELATIONS, Briefing, Page
from ..settings import TIMELINE_PAGE_ENTRIES
from . import escape
from .citation import bibtex, csl_json
from .graph import Edge, relation_graph
from .exports import corpus_actors, digests, export_pieces, exports, json_ld, seed_tags, story_place
from ..memo import Same, SameItems
from .links import Links, page_url

KEY_ACTORS_SHOWN = 15
"""At most this many actors in a briefing's key-actor table; fewer for a short article."""
WORDS_PER_KEY_ACTOR = 45
TAGGED_ACTORS = 5


# -- the pieces rendered most often, in Python ----------------------------------------
# A timeline entry is a row on its period's page, on its actors' archive pages and on its
# story's: about 80,000 rows at 1,000 briefings, a quarter of all the rendering when they
# were Jinja macros (a macro call costs more than the row's own work). Written here with
# the same filters, they give the same text.


def date_label(event) -> str:
    """A dated statement's date as the reader sees it, and its words in the article when
    they say it otherwise: 'Q3 2024 ("the third quarter")'."""
    when = escape.date_text(event)
    label = escape.markdown_text(when)
    if event.text != event.date and event.text.lower() != when.lower():
        label += f' ("{escape.markdown_text(event.text)}")'
    return label


def timeline_row(entry, link: Links) -> str:
    """A timeline entry as a row of a timeline table: date, what happened, its briefing."""
    page = f"briefings/{entry.briefing.slug}.md"
    event, md = entry.event, escape.markdown_text
    return (
        f"<tr><td>{date_label(event)}</td><td>{md(event.event)}</td>"
        f'<td><a href="{link(page)}">{md(entry.briefing.article.title)}</a> {link.ref(event.paragraph, page)}</td></tr>'
    )


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
        gist=escape.gist,
        bibtex=bibtex,
        csl=csl_json,
    )
    env.globals.update(lead_sentence=lead_sentence, year_of=year_of, ref=ref, relation_verbs=RELATION_VERBS, ordinal=ordinal, strategy=strategy, table_actors=table_actors, briefing_graph=briefing_graph, actor_graph=actor_graph,
        story_steps_shown=story_steps_shown, story_step_facts=STORY_STEP_FACTS, story_timeline_rows=STORY_TIMELINE_ROWS, date_label=date_label, timeline_row=timeline_row)
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
    directory_urls: bool = True,
    weeks: tuple | None = None,
    reuse: Callable[[str, tuple, Callable[[], object]], object] | None = None,
    tags: tuple | None = None,
) -> tuple[PageJob, ...]:
    """Every generated Markdown page of the site, in a stable order, not yet rendered: the
    caller renders each (``render_site``) or keeps the text of an unchanged key from its
    previous run (``generator.site.Generator``). ``directory_urls`` is MkDocs'
    ``use_directory_urls``: the URLs of the links written as HTML (``publish.links``);
    ``weeks``: the catalog's ``digests`` when the caller has them already; ``reuse(name, inputs, make)``: ``make()``, or what it gave in the previous run when
    ``inputs`` (all that the jobs it makes read, compared by value) are equal
    (``generator.site.PageMemo.reuse``): a briefing's, an actor's, a year's jobs, an actor's year of archive;
    ``tags``: the catalog's ``seed_tags`` when the caller has them already."""

    def links(path: str) -> Links:
        return Links(path, directory_urls)

    reuse = reuse or _make
    periods = timeline_periods(catalog.timeline, timeline_page_entries, catalog.timeline_years, reuse, catalog.timeline_months)
    tags = seed_tags(catalog) if tags is None else tags
    groups = actor_groups(catalog.actors)
    tag_slug = {tag: slug for tag, slug, _ in tags}
    common = {"briefings": catalog.briefings, "actors": catalog.actors, "timeline": catalog.timeline, "catalog": catalog}

    def index(name: str, **extra):
        return lambda: env.get_template(name).render(**extra, **common)

    months = briefing_months(catalog.briefings) if len(catalog.briefings) > LIST_LATEST else ()
    jobs = [
        PageJob("index.md", _home_shown(catalog), index("home.md.j2", intro=home_intro)),
        PageJob("briefings/index.md", _briefings_shown(catalog, months), index("briefings.md.j2", latest=catalog.briefings[:LIST_LATEST], months=months)),
        PageJob("actors/index.md", _groups_shown(groups), index("actors.md.j2", actor_groups=groups, actors_top=ACTORS_TOP)),
        PageJob("timeline.md", _timeline_shown(catalog, periods), index("timeline.md.j2", periods=periods, link=links("timeline.md"))),
        PageJob("sources.md", _sources_shown(catalog), index("sources.md.j2", sources_shown=SOURCES_SHOWN)),
        PageJob("tags.md", tuple((tag, slug, len(items), items[0].article.date) for tag, slug, items in tags), index("tags.md.j2", tags=tags)),
    ]
    template = env.get_template("actors_type.md.j2")
    for group in groups:
        for path, chunk in group.pages:
            render = lambda t=template, g=group, c=chunk: t.render(type=g.type, count=g.count, parts=g.parts, first=c[0].name, last=c[-1].name, entries=c)  # noqa: E731
            jobs += _list_job(reuse, path, (group.type, group.count, group.parts), chunk, _actors_listed, render)
    template = env.get_template("tag.md.j2")
    for tag, slug, items in tags:
        tag_pages = pages_of(items, LIST_LATEST, f"tags/{slug}.md", lambda n, s=slug: f"tags/{s}/{n}.md")
        parts = [path for path, _ in tag_pages]
        for n, (path, chunk) in enumerate(tag_pages):
            root = "../" * path.count("/")
            render = lambda t=template, tg=tag, sl=slug, c=chunk, k=len(items), ps=tuple(parts), pn=n + 1, r=root: t.render(  # noqa: E731
                tag=tg, slug=sl, items=c, total=k, parts=ps, part=pn, root=r
            )
            jobs += _list_job(reuse, path, (tag, len(items), len(parts)), chunk, _listed, render)
    template = env.get_template("briefings_month.md.j2")
    for key, label, items in months:
        jobs += _list_job(reuse, f"briefings/{key}.md", label, items, _listed, lambda la=label, it=items, t=template: t.render(label=la, items=it))
    weeks = digests(catalog) if weeks is None else weeks
    for path, part, parts, rows in paged_index("digest/index.md", "digest/earlier", weeks):
        jobs.append(PageJob(path, (part, parts, tuple((w.key, w.start, len(w.briefings), w.actors[:3]) for w in rows)), index("digest.md.j2", weeks=rows, total=len(weeks), part=part, parts=parts)))
    for path, part, parts, rows in paged_index("stories/index.md", "stories/earlier", catalog.stories):
        jobs.append(PageJob(path, (part, parts, tuple((s.slug, s.title, len(s.steps), s.first, s.last) for s in rows)), index("stories.md.j2", stories=rows, total=len(catalog.stories), part=part, parts=parts)))
    template = env.get_template("digest_week.md.j2")
    for week in weeks:  # a week's key is made again only when its DigestWeek is new (``digests`` keeps the others)
        jobs += reuse(f"digest-week-page:{week.key}", (week,), lambda w=week, t=template: _week_jobs(w, t, links))
    template = env.get_template("timeline_period.md.j2")
    for year in periods:
        jobs += reuse(f"timeline/{year.key}", (year,), lambda y=year: _year_jobs(y, template, links, reuse))
    template = env.get_template("story.md.j2")
    same_slugs, same_types = Same.kept(reuse, "actor-slug", catalog.actor_slug), Same.kept(reuse, "actor-type", catalog.actor_type)
    for story in catalog.stories:
        jobs += reuse(f"stories/{story.slug}.md", (story, same_slugs), lambda s=story: _story_jobs(s, catalog.actor_slug, template, links))
    template = env.get_template("briefing.md.j2")

    def briefing_jobs(block: tuple) -> list[PageJob]:
        found: list[PageJob] = []
        for briefing in block:
            related = catalog.related[briefing.slug]
            story = _story_link(catalog, briefing)
            tag_pages = tuple(tag_slug.get(t) for t in briefing_tags(briefing))  # a tag chip opens a seed tag's page when there is one
            make = lambda b=briefing, r=related, st=story: _briefing_jobs(b, catalog, r, st, tag_slug, template, links, site_url, directory_urls)  # noqa: E731
            found += reuse(f"briefings/{briefing.slug}.md", (briefing, related, story, tag_pages, same_slugs, same_types), make)
        return found

    tags_shown = tuple(tag_slug.items())
    for start, block in _blocks(catalog.briefings):
        # a block of briefings whose every input is the very same as before keeps its jobs
        # without a look at each briefing (an edit replaces one briefing of 1,000)
        inputs = (SameItems(block), SameItems(tuple(catalog.related[b.slug] for b in block)), SameItems(tuple(catalog.story_of.get(b.slug) for b in block)), tags_shown, same_slugs, same_types)
        jobs += reuse(f"briefing-block:{start}", inputs, lambda bl=block: briefing_jobs(bl))
    template = env.get_template("actor.md.j2")
    archive_template = env.get_template("actor_archive.md.j2")
    stories_of = _stories_of_actors(catalog)

    def actor_jobs(block: tuple) -> list[PageJob]:
        found: list[PageJob] = []
        for entry in block:
            stories = stories_of.get(entry.slug, ())
            make = lambda e=entry, st=stories: _actor_jobs(e, st, archive_pages(e, reuse), template, archive_template, links)  # noqa: E731
            found += reuse(f"actors/{entry.slug}.md", (entry, stories), make)
        return found

    for start, block in _blocks(catalog.actors):
        jobs += reuse(f"actor-block:{start}", (SameItems(block), tuple(stories_of.get(e.slug, ()) for e in block)), lambda bl=block: actor_jobs(bl))
    return tuple(jobs)


BLOCK = 50
"""Briefings, or actors, whose page jobs are kept together while all of their inputs are (``plan_pages``)."""


def _blocks(items: tuple) -> list[tuple[int, tuple]]:
    return [(start, items[start : start + BLOCK]) for start in range(0, len(items), BLOCK)]


def _make(name: str, inputs: tuple, make: Callable[[], object]) -> object:
    return make()


def _year_jobs(year, template, links: Callable[[str], Links], reuse: Callable) -> list[PageJob]:
    """The pages of a year of the timeline: its own, its months', each with its parts; the
    key of a part whose entries are the same as before is the one made then (``reuse``)."""
    jobs = []
    for period in (year, *year.months):
        parts = tuple(p.key for p in period.parts) if period.more else ()
        for part in period.parts:
            path = f"timeline/{part.key}.md"
            key = _part_shown(part, parts, year, reuse)
            jobs.append(PageJob(path, key, lambda p=part, w=period, y=year, t=template, li=links(path): t.render(period=p, whole=w, year=y, link=li)))
    return jobs


def _list_job(reuse: Callable, path: str, head: object, items: tuple, shown: Callable[[tuple], tuple], render: Callable[[], str]) -> list[PageJob]:
    """The job of a page that lists catalog objects (a month's or a tag's briefings, a type's
    actors): its key is ``head`` and what it shows of them (``shown(items)``), made again
    only when the objects themselves changed; so an edit of a listed briefing that keeps its
    date and title leaves the page as it was."""
    return reuse(f"list:{path}", (head, items), lambda: [PageJob(path, (head, shown(items)), render)])


def _actors_listed(entries: tuple) -> tuple:
    """What a list of actors shows of each (name, slug, briefings), flat."""
    flat: list = []
    for entry in entries:
        flat += (entry.name, entry.slug, len(entry.appearances))
    return tuple(flat)


def _listed(briefings: tuple) -> tuple:
    """What a list of briefings shows of each (date, title, slug), flat."""
    flat: list = []
    for briefing in briefings:
        flat += (briefing.article.date, briefing.article.title, briefing.slug)
    return tuple(flat)


def _week_jobs(week, template, links: Callable[[str], Links]) -> list[PageJob]:
    path = f"digest/{week.key}.md"
    return [PageJob(path, _week_shown(week), lambda: template.render(week=week, link=links(path), digest_rows=DIGEST_ROWS))]


def _week_shown(week) -> tuple:
    """All that digest_week.md.j2 shows: its briefings' dates, titles and first points, its
    actors, its new relations (an edit elsewhere in a briefing leaves the page as it was)."""
    briefings: list = []  # flat: see _entries_shown
    for b in week.briefings[:DIGEST_ROWS]:
        point = b.summary[0] if b.summary else None
        briefings += (b.slug, b.article.date, b.article.title, point and point.text, point and point.paragraph)
    relations: list = []
    for r in week.relations[:DIGEST_ROWS]:
        relations += (r.briefing.slug, r.briefing.article.title, r.relation, r.subject_slug, r.object_slug)
    return ("week", DIGEST_ROWS, week.key, week.start, len(week.briefings), tuple(briefings), week.actors, len(week.relations), tuple(relations))


def _story_jobs(story, actor_slug: dict, template, links: Callable[[str], Links]) -> list[PageJob]:
    slugs = {(b.slug, a.name): actor_slug[(b.slug, a.name)] for b in story.briefings for a in b.actors}
    path = f"stories/{story.slug}.md"
    return [PageJob(path, _story_shown(story, slugs), lambda s=story, sl=slugs, t=template, li=links(path): t.render(story=s, actor_slug=sl, link=li))]


def _story_shown(story, actor_slug: dict) -> tuple:
    """All that story.md.j2 shows: its facts, its actors, the steps it shows (first and
    latest) with their statements, its latest dated statements. An edit of a briefing in the
    middle of a long story that changes none of these leaves the page (100 KB) as it was."""
    steps, shown = story.steps, story_steps_shown(len(story.steps))
    rows = tuple(_step_shown(steps[i], actor_slug) for i in sorted(shown))
    gap = (steps[shown.skipped_at].briefing.article.date, steps[shown.skipped_at + shown.skipped - 1].briefing.article.date) if shown.skipped else ()
    actors = tuple(item for a in story.actors for item in (a.name, a.slug, a.role, a.paragraph, a.briefing.slug, a.briefings))
    timeline = story.timeline
    return ("story", story.slug, story.title, story.first, story.last, len(steps), tuple(sorted(shown)), gap, actors, rows, len(timeline), _entries_shown(timeline[-STORY_TIMELINE_ROWS:]))


def _step_shown(step, actor_slug: dict) -> tuple:
    briefing = step.briefing
    facts = []
    for fact in step.facts[:STORY_STEP_FACTS]:
        also = tuple(item for other in fact.also[:5] for item in (other.slug, other.article.title))
        ends = (actor_slug.get((briefing.slug, fact.item.subject)), actor_slug.get((briefing.slug, fact.item.object))) if fact.kind == "relation" else ()
        facts.append((fact.kind, fact.item, len(fact.also), also, ends))
    changes = tuple((c.measures, c.before, c.before_briefing.slug, c.after) for c in step.changes)
    article = briefing.article
    return (briefing.slug, article.title, article.date, article.source.publisher, changes, tuple(facts), len(step.facts), step.repeated)


def _briefing_jobs(briefing: Briefing, catalog: Catalog, related: tuple, story, tag_slug: dict, template, links, site_url: str, directory_urls: bool) -> list[PageJob]:
    slugs = {a.name: catalog.actor_slug[(briefing.slug, a.name)] for a in briefing.actors}
    types = {a.name: catalog.actor_type[(briefing.slug, a.name)] for a in briefing.actors}
    path = f"briefings/{briefing.slug}.md"
    tag_links = briefing_tag_links(briefing, tag_slug, slugs, directory_urls)
    return [
        PageJob(
            path,
            (briefing, slugs, types, _related_shown(related), story, tag_links),
            lambda b=briefing, s=slugs, ty=types, r=related, st=story, t=template, li=links(path): t.render(
                b=b,
                link=li,
                actor_slugs=s,
                actor_types=ty,
                key_count=key_actors_shown(b),
                related=r,
                story=st,
                short_names={a.name: min((a.name, *a.aliases), key=lambda n: (len(n), n)) for a in b.actors},
                tags=briefing_tags(b),
                tag_links=tag_links,
                jsonld=escape.json_text(json_ld(b, site_url, ty), indent=None),
            ),
        )
    ]


def _actor_jobs(entry, stories: tuple, archived: tuple, template, archive_template, links: Callable[[str], Links]) -> list[PageJob]:
    """An actor's page and its archive pages."""
    archive, keys = archived
    path = f"actors/{entry.slug}.md"
    jobs = [PageJob(path, _actor_shown(entry, stories, archive), lambda e=entry, st=stories, a=archive, t=template, li=links(path): t.render(entry=e, stories=st, archive=a, latest=LATEST, link=li))]
    for year in archive:
        for page in year.pages:
            path = f"actors/{entry.slug}/{page.key}.md"
            jobs.append(PageJob(path, keys[page.key], lambda e=entry, p=page, y=year, t=archive_template, li=links(path): t.render(entry=e, page=p, year=y, link=li)))
    return jobs


def _related_shown(related: tuple) -> tuple:
    """What a briefing page shows of its related briefings (an edit of one of them that
    keeps its date and title leaves the page as it was)."""
    return tuple(item for other, shared in related for item in (other.article.date, other.slug, other.article.title, shared))


def _actor_shown(entry, stories: tuple, archive: tuple) -> tuple:
    """All that actor.md.j2 shows of an entry: an edit of one of its briefings renders the
    page again only when the briefing is among those it lists, or changes its relations."""
    appearances = entry.appearances
    facts = (entry.name, entry.slug, entry.type, entry.aliases, len(appearances), entry.first_seen if appearances else None, entry.last_seen if appearances else None, entry.co_actors)
    latest = _appearances_shown(appearances[:LATEST])
    relations = tuple((r.briefing.slug, r.briefing.article.title, r.relation) for r in entry.relations[:LATEST])
    graph = tuple(map(_RELATION_SHOWN, entry.relations))  # (other slug, other, type, subject) of each: thousands for a busy actor
    years = tuple((y.key, y.briefings, y.entries, tuple((p.key, p.label) for p in y.pages)) for y in archive)
    return ("actor", LATEST, facts, stories, latest, len(entry.relations), relations, graph, len(entry.timeline), _entries_shown(entry.timeline[-LATEST:]), years)


def _timeline_shown(catalog: Catalog, periods: tuple) -> tuple:
    """All that timeline.md.j2 shows: each year's count and months, or the whole timeline
    when it fits on the page."""
    if not periods:
        return ("timeline", _entries_shown(catalog.timeline))
    years = tuple((y.key, y.label, y.count, tuple((m.key, m.label) for m in y.months)) for y in periods)
    return ("timeline", len(catalog.timeline), len(catalog.briefings), years)


def _home_shown(catalog: Catalog) -> tuple:
    """All that home.md.j2 shows (the intro is a setting: a change of it starts afresh)."""
    covered = tuple((e.name, e.slug, e.type, len(e.appearances)) for e in catalog.most_covered(10))
    return ("home", catalog.briefings[:20], covered, _entries_shown(catalog.recent(10)), len(catalog.briefings))


def _briefings_shown(catalog: Catalog, months: tuple) -> tuple:
    """All that briefings.md.j2 shows."""
    latest = _listed(catalog.briefings[:LIST_LATEST])
    return ("briefings", len(catalog.briefings), latest, tuple((key, label, len(items)) for key, label, items in months))


def _groups_shown(groups: tuple) -> tuple:
    """All that actors.md.j2 shows."""
    return ("actors", ACTORS_TOP, tuple((g.type, g.count, g.parts, tuple((e.name, e.slug, len(e.appearances)) for e in g.shown)) for g in groups))


def _sources_shown(catalog: Catalog) -> tuple:
    """All that sources.md.j2 shows."""
    shown = tuple((b.slug, b.article.title, b.article.date, b.article.source, b.secondary_sources) for b in catalog.briefings[:SOURCES_SHOWN])
    return ("sources", SOURCES_SHOWN, len(catalog.briefings), shown)


def _entries_shown(entries: tuple) -> tuple:
    """What a timeline table shows of its dated entries (the event, its briefing's slug and
    title): a page key of these stays when an edit of a briefing changes something else. One
    flat tuple, three items an entry: a key holds no object per row (a kept key lives long,
    and thousands of small tuples surviving each run wake the garbage collector's full pass)."""
    return tuple(chain.from_iterable(map(_ENTRY_SHOWN, entries)))  # no Python loop: a year holds thousands


_ENTRY_SHOWN = attrgetter("event", "briefing.slug", "briefing.article.title")
_RELATION_SHOWN = attrgetter("other_slug", "other", "relation.type", "subject")


def _part_shown(part, parts: tuple, year, reuse: Callable) -> tuple:
    """All that timeline_period.md.j2 shows on one page of a period: its entries, the keys of
    its period's parts (``parts``), its months' counts, its year's link. An edit of an entry
    renders again the page holding it, not the other pages of its year and month."""
    head = ("timeline", part.key, part.label, part is year, year.key, year.label, parts, tuple((m.key, m.label, m.count) for m in part.months))
    return reuse(f"timeline-part:{part.key}", (head, part.entries), lambda: (*head, _entries_shown(part.entries)))


def archive_pages(entry, reuse: Callable[[str, tuple, Callable[[], object]], object] = None) -> tuple[tuple, dict[str, tuple]]:
    """An actor entry's archive (``corpus.archive.actor_archive``) and the key of each of its
    pages by page key: a function of the entry alone (``reuse``: see ``plan_pages``)."""
    reuse = reuse or _make
    archive = actor_archive(entry, reuse=reuse)
    keys = {}
    for year in archive:
        keys.update(reuse(f"archive-keys:{entry.slug}:{year.key}", (year, entry.name), lambda y=year: _archive_keys(entry, y, reuse)))
    return archive, keys


def _archive_keys(entry, year, reuse: Callable) -> dict[str, tuple]:
    """The key of each page of an archive year; a page whose rows are the same as before
    (most of a busy year cut again for one edited row) keeps the key made then."""
    months = tuple((m.key, m.label) for m in year.months)
    keys = {}
    for page in year.pages:
        shown_months = months if page.key == year.key else ()
        keys[page.key] = reuse(f"archive-page:{entry.slug}:{page.key}", (page, entry.name, shown_months), lambda p=page, m=shown_months: (entry.name, entry.slug, _archive_shown(p), m))
    return keys


def _archive_shown(page) -> tuple:
    """All that actor_archive.md.j2 shows of an archive page."""
    return (page.key, page.label, page.year, _appearances_shown(page.briefings), _entries_shown(page.entries), page.parts)


def _appearances_shown(appearances: tuple) -> tuple:
    """What ``appearances_table`` shows of each appearance (its briefing's slug, title and
    date, the actor's role, its paragraph and how many mentions), flat (see ``_entries_shown``):
    not the whole actor, whose mentions' offsets move with any edit of the text before them."""
    flat: list = []
    for appearance in appearances:
        briefing, actor = appearance.briefing, appearance.actor
        flat += (briefing.slug, briefing.article.title, briefing.article.date, actor.role, actor.role_paragraph, len(actor.mentions))
    return tuple(flat)


def _story_link(catalog: Catalog, briefing: Briefing) -> tuple | None:
    """(story slug, title, place, briefings in it) of a briefing's story, else None."""
    found = catalog.story_of.get(briefing.slug)
    return (found[0].slug, found[0].title, found[1], len(found[0].steps)) if found else None


def _stories_of_actors(catalog: Catalog) -> dict[str, tuple]:
    """actor entry slug -> (story slug, title, first, last) of the stories it is an actor of, newest first."""
    result: dict[str, list] = {}
    for story in catalog.stories:
        for actor in story.actors:
            result.setdefault(actor.slug, []).append((story.slug, story.title, story.first, story.last))
    return {slug: tuple(items) for slug, items in result.items()}


def render_site(
    catalog: Catalog,
    templates_dir: Path,
    home_intro: str = "",
    site_url: str = "",
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES,
    directory_urls: bool = True,
) -> tuple[Page, ...]:
    """Every generated page and export of the site, in a stable order."""
    env = make_environment(templates_dir)
    pages = tuple(Page(job.path, job.render()) for job in plan_pages(catalog, env, home_intro, site_url, timeline_page_entries, directory_urls))
    return pages + exports(catalog, site_url, tuple(export_pieces(b, corpus_actors(catalog, b), story_place(catalog, b)) for b in catalog.briefings))


def briefing_tags(briefing: Briefing) -> tuple[str, ...]:
    """Tags of a briefing page: the seed's own, then its key actors."""
    return tuple(dict.fromkeys(briefing.article.tags + tuple(a.name for a in briefing.actors[:TAGGED_ACTORS])))


def briefing_tag_links(briefing: Briefing, tag_slug: dict[str, str], actor_slugs: dict[str, str], directory_urls: bool | None = True) -> tuple[str, ...]:
    """The page each of ``briefing_tags`` opens, as a URL from the site root: a seed tag's
    page, else the key actor's page (the plugin makes the theme's tag chips of them)."""
    return tuple(
        page_url(f"tags/{tag_slug[tag]}.md" if tag in tag_slug else f"actors/{actor_slugs[tag]}.md", directory_urls is not False)
        for tag in briefing_tags(briefing)
    )


def ref(pid: str | None, page: str = "") -> str:
    """A Markdown link to a paragraph of a briefing page: [¶4](page#p4), [heading 1], [caption]."""
    if pid is None:
        return f"[source]({page}#source)"
    label = {"p": "¶", "h": "heading ", "c": "caption "}[pid[0]] + pid[1:]
    return f"[{label}]({page}#{pid})"


@dataclass(frozen=True, slots=True)
class MoveGroup:
    """Moves shown together under a heading of the strategy sections."""

    heading: str | None
    """The article's heading, or the actor's name (``actor``), or None (moves before the first heading)."""
    anchor: str
    moves: tuple
    actor: bool = False
    headed: bool = False


def strategy(briefing: Briefing) -> tuple[MoveGroup, ...]:
    """The strategy sections: the key actors' moves under the article's own headings when it
    has them (moves before the first heading first), else under each actor."""
    said = [p.text for p in briefing.summary]
    moves = tuple(  # relations are under "Who does what"; a summary point is not said again
        m for m in briefing.moves if m.relation is None and not any(m.text.removesuffix(" …") in point for point in said)
    )
    if not moves:
        return ()
    headed = [s for s in briefing.sections if not s.grouped]
    if headed:
        section_of = {pid: i for i, s in enumerate(headed) for pid in s.paragraphs}
        groups: dict[int, list] = {}
        for move in moves:
            groups.setdefault(section_of.get(move.paragraph, -1), []).append(move)
        order = {p.id: i for i, p in enumerate(briefing.article.paragraphs)}
        return tuple(
            MoveGroup(headed[i].heading if i >= 0 else None, f"section-{i + 1}", tuple(sorted(items, key=lambda m: order.get(m.paragraph, 0))), headed=True)
            for i, items in sorted(groups.items())
        )
    by_actor: dict[str, list] = {}
    for move in moves:
        by_actor.setdefault(move.actor, []).append(move)
    return tuple(MoveGroup(actor, f"moves-{n}", tuple(items), actor=True) for n, (actor, items) in enumerate(by_actor.items(), 1))


def table_actors(briefing: Briefing, count: int) -> tuple[tuple, tuple]:
    """(the actors of the key-actor table, the others): first those that act in the story
    (a relation or a move), then the most salient, ``count`` in all, in salience order."""
    acting = {r.subject for r in briefing.relations} | {r.object for r in briefing.relations} | {m.actor for m in briefing.moves}
    ranked = sorted(range(len(briefing.actors)), key=lambda i: (briefing.actors[i].name not in acting, i))
    chosen = set(ranked[:count])
    return (
        tuple(a for i, a in enumerate(briefing.actors) if i in chosen),
        tuple(a for i, a in enumerate(briefing.actors) if i not in chosen),
    )


def key_actors_shown(briefing: Briefing) -> int:
    """How many actors the key-actor table shows: one per WORDS_PER_KEY_ACTOR words of the
    article, 5 to KEY_ACTORS_SHOWN (the others are named below it): a briefing stays shorter
    than its article."""
    words = sum(len(p.text.split()) for p in briefing.article.body)
    return max(5, min(KEY_ACTORS_SHOWN, words // WORDS_PER_KEY_ACTOR))


def briefing_graph(briefing: Briefing, types: dict) -> str:
    """The relation graph of a briefing (inline SVG, "" without relations)."""
    names = {a.name: (a.name, types.get(a.name, a.type)) for a in briefing.actors}
    edges = [Edge(r.subject, r.object, RELATION_VERBS.get(r.type, r.type), r.type not in SYMMETRIC_RELATIONS) for r in briefing.relations if r.subject in names and r.object in names]
    return relation_graph(names, edges, f"Who does what in {briefing.article.title}")


def actor_graph(entry) -> str:
    """The relation graph around an actor across its briefings (inline SVG, "" without relations)."""
    names = {entry.slug: (entry.name, entry.type)}
    edges = []
    for item in entry.relations:
        names.setdefault(item.other_slug, (item.other, "other"))
        subject, obj = (entry.slug, item.other_slug) if item.subject else (item.other_slug, entry.slug)
        edges.append(Edge(subject, obj, RELATION_VERBS.get(item.relation.type, item.relation.type), item.relation.type not in SYMMETRIC_RELATIONS))
    return relation_graph(names, edges, f"Who {entry.name} deals with", center=entry.slug)


STORY_FIRST_STEPS, STORY_LAST_STEPS, STORY_STEP_FACTS, STORY_TIMELINE_ROWS = 5, 15, 10, 100
"""A story page shows its first and latest briefings (the rest by count), at most
``STORY_STEP_FACTS`` new statements of each (the rest by count, on the briefing), and the
latest dated statements: its size stays bounded however long the story runs and however
much each briefing adds."""


class StorySteps(frozenset):
    """Indices of the steps a story page shows; ``skipped_at`` and ``skipped`` name the gap."""

    skipped_at: int = -1
    skipped: int = 0


def story_steps_shown(count: int) -> StorySteps:
    if count <= STORY_FIRST_STEPS + STORY_LAST_STEPS:
        return StorySteps(range(count))
    shown = StorySteps([*range(STORY_FIRST_STEPS), *range(count - STORY_LAST_STEPS, count)])
    shown.skipped_at, shown.skipped = STORY_FIRST_STEPS, count - STORY_FIRST_STEPS - STORY_LAST_STEPS
    return shown


ACTORS_TOP, INDEX_ROWS = 100, 1000
"""The actors index lists the ``ACTORS_TOP`` of each type in most briefings; a longer type
has all its actors from A to Z on pages of ``INDEX_ROWS`` (``actors/by-type/<type>.md``, ...)."""


@dataclass(frozen=True, slots=True)
class ActorGroup:
    type: str
    count: int
    shown: tuple
    """The actors the index lists: all, or the ``ACTORS_TOP`` in most briefings."""
    pages: tuple[tuple[str, tuple], ...] = ()
    """(path, actors) of each A-to-Z page; () when the index lists them all."""

    @property
    def parts(self) -> tuple[tuple[str, str, str], ...]:
        """(path, first name, last name) of each A-to-Z page."""
        return tuple((path, chunk[0].name, chunk[-1].name) for path, chunk in self.pages)


def pages_of(rows: tuple, size: int, first: str, numbered: Callable[[int], str]) -> list[tuple[str, tuple]]:
    """(path, rows) of each page of ``rows`` cut into pages of ``size``: ``first``, then
    ``numbered(2)``, ``numbered(3)``, ...; one page, maybe empty, when they fit."""
    pieces = [rows[i : i + size] for i in range(0, len(rows), size)] or [rows]
    return [(first if n == 0 else numbered(n + 1), piece) for n, piece in enumerate(pieces)]


DIGEST_ROWS = 100
"""A week's digest lists at most this many of its briefings and of its new relations."""

INDEX_LATEST = 200
"""The stories and digest indexes list the newest ``INDEX_LATEST`` rows, the rest on numbered pages beside them."""


def paged_index(first: str, stem: str, rows: tuple) -> list[tuple[str, int, tuple[str, ...], tuple]]:
    """(path, part number, file names of all parts, rows) of an index cut into pages of
    ``INDEX_LATEST`` rows: ``first``, then ``<stem>-2.md``, ... (names no story or week takes)."""
    pages = pages_of(rows, INDEX_LATEST, first, lambda n: f"{stem}-{n}.md")
    names = tuple(path.rsplit("/", 1)[1] for path, _ in pages)
    return [(path, n + 1, names if len(names) > 1 else (), piece) for n, (path, piece) in enumerate(pages)]


def actor_groups(actors) -> tuple[ActorGroup, ...]:
    """The actors index by type (types in name order, as the index always listed them)."""
    by_type: dict[str, list] = {}
    for entry in actors:  # A to Z
        by_type.setdefault(entry.type, []).append(entry)
    groups = []
    for kind in sorted(by_type):
        entries = tuple(by_type[kind])
        if len(entries) <= ACTORS_TOP:
            groups.append(ActorGroup(kind, len(entries), entries))
            continue
        top = tuple(sorted(entries, key=lambda e: (-len(e.appearances), e.name.casefold(), e.slug))[:ACTORS_TOP])
        pages = pages_of(entries, INDEX_ROWS, f"actors/by-type/{kind}.md", lambda n, k=kind: f"actors/by-type/{k}-{n}.md")
        groups.append(ActorGroup(kind, len(entries), top, tuple(pages)))
    return tuple(groups)


LIST_LATEST = 200
"""The briefings index lists this many, then a page per month; the sources page this many."""
SOURCES_SHOWN = 100


def briefing_months(briefings: tuple[Briefing, ...]) -> tuple[tuple[str, str, tuple[Briefing, ...]], ...]:
    """(key "2024-03", label "March 2024", briefings newest first) of each month, newest first."""
    months: dict[str, list[Briefing]] = {}
    for briefing in briefings:  # newest first
        months.setdefault(f"{briefing.article.date.year:04d}-{briefing.article.date.month:02d}", []).append(briefing)
    return tuple((key, f"{MONTHS[int(key[5:]) - 1]} {key[:4]}", tuple(items)) for key, items in months.items())


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def lead_sentence(article, pid: str) -> str:
    """The first sentence of a paragraph, as written."""
    text = article.paragraph(pid).text
    spans = sentence_spans(text)
    return text[spans[0].start : spans[0].end] if spans else text
