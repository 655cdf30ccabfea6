"""Storylines (issue 17): grouping, what each briefing adds, exports and feeds.

The fixture tests/fixtures/stories/ holds two developing stories of invented news (a
takeover bid: the bid, its rejection, the raised offer; a patent suit and its ruling) and
one briefing that shares only a city and a bank with the bid.
"""

import json
import math
import random
from pathlib import Path

import feedparser
import pytest
from hypothesis import given, settings as hsettings, strategies as st

from conftest import FIXTURES, ROOT, build_site
from generator.corpus.catalog import build_catalog
from generator.corpus.stories import MIN_WORDS, SAME_FACT, _Statements, group_stories, with_stories
from generator.settings import Settings, StorySettings
from generator.site import Generator, generate

STORIES = FIXTURES / "stories"


@pytest.fixture(scope="module")
def briefings():
    generator = Generator()
    settings = Settings(seeds_dir=STORIES, templates_dir=ROOT / "templates", workers=1)
    found, problems = generator.analyze(generator.read(settings).articles, settings)
    assert not problems
    return found


@pytest.fixture(scope="module")
def catalog(briefings):
    return with_stories(build_catalog(briefings))


def stems(story):
    return [Path(b.article.seed_name).stem for b in story.briefings]


def test_each_developing_story_is_one_story_and_a_shared_city_and_bank_join_nothing(catalog):
    assert sorted(stems(s) for s in catalog.stories) == [
        ["01_acme_bid", "02_beta_rejects", "03_acme_raises"],
        ["04_orion_sues", "05_orion_ruling"],
    ]
    gamma = next(b for b in catalog.briefings if "gamma" in b.slug)
    assert gamma.slug not in catalog.story_of  # Chicago and Goldman Sachs, like the bid: not the bid's story


def test_stories_are_newest_activity_first_and_places_are_counted_from_one(catalog):
    assert [s.last for s in catalog.stories] == sorted((s.last for s in catalog.stories), reverse=True)
    for story in catalog.stories:
        assert [catalog.story_of[b.slug][1] for b in story.briefings] == list(range(1, len(story.steps) + 1))
        assert [b.article.date for b in story.briefings] == sorted(b.article.date for b in story.briefings)


def test_the_title_names_the_main_relation(catalog):
    titles = {s.title for s in catalog.stories}
    assert "Acme Industries Inc's bid for Beta Air Corp" in titles


def _figure_key(figure):
    return figure.unit, figure.value * figure.scale, (figure.high or 0) * figure.scale


def test_a_fact_stated_by_an_earlier_briefing_of_the_story_is_never_shown_as_new(catalog):
    for story in catalog.stories:
        for step, current in enumerate(story.steps):
            earlier = story.steps[:step]
            points = {p.text for s in earlier for p in s.briefing.summary}
            figures = {_figure_key(f) for s in earlier for f in s.briefing.figures}
            relations = {(r.subject, r.type, r.object) for s in earlier for r in s.briefing.relations}
            for fact in current.facts:
                if fact.kind == "point":
                    assert fact.item.text not in points
                elif fact.kind == "figure":
                    assert _figure_key(fact.item) not in figures
                elif fact.kind == "relation":
                    item = fact.item
                    assert (item.subject, item.type, item.object) not in relations


def test_every_fact_shown_cites_a_paragraph_of_its_own_briefing(catalog):
    for story in catalog.stories:
        for step in story.steps:
            ids = {p.id for p in step.briefing.article.paragraphs}
            for fact in step.facts:
                assert fact.item.paragraph in ids
                assert all(other.article.date >= step.briefing.article.date for other in fact.also)


def test_the_rejection_is_news_though_it_names_the_same_offer(catalog):
    story = next(s for s in catalog.stories if "beta" in s.slug)
    rejection = story.steps[1]
    assert any("unanimously rejected" in f.item.text for f in rejection.facts if f.kind == "point")
    raised = story.steps[2]
    assert any("raised its offer" in f.item.text for f in raised.facts if f.kind == "point")


def test_a_raised_offer_is_a_change_with_both_citations(catalog):
    story = next(s for s in catalog.stories if "beta" in s.slug)
    changes = [c for step in story.steps for c in step.changes]
    offer = next(c for c in changes if c.before.value == 40)
    assert offer.after.value == 44 and offer.after.unit == offer.before.unit == "USD"
    assert "01_acme_bid" in offer.before_briefing.article.seed_name and offer.before.paragraph == "p1"
    assert offer.after in story.steps[2].briefing.figures


def test_a_stake_in_another_company_is_not_a_change():
    from generator.analyze.statements import measure as _measure
    from generator.corpus.stories import _changed
    from generator.model import Figure

    def figure(value, measures):
        return Figure(value, None, "percent", 1, None, measures, f"{value} pct", "p1", 0, 1)

    names = frozenset({"beta", "gamma", "corp"})
    a, b, c = figure(15, "stake in Beta Corp"), figure(19.9, "stake in Beta Corp"), figure(19.9, "stake in Gamma Corp")
    assert _changed(a, _measure(a.measures, names), b, _measure(b.measures, names))
    assert not _changed(a, _measure(a.measures, names), c, _measure(c.measures, names))
    total = Figure(900, None, "percent", 1, None, "stake in Beta Corp", "900 pct", "p1", 0, 1)
    assert not _changed(a, _measure(a.measures, names), total, _measure(total.measures, names))  # not of the same order


def test_the_analysis_makes_the_words_the_story_step_compares_and_an_override_makes_them_again(briefings):
    """``Briefing.words`` is ``story_words`` of the briefing as analyzed, and again after an
    analyst's override changes its summary or names; without them the story step makes them."""
    import dataclasses

    from generator.analyze.editorial import apply_overrides
    from generator.analyze.statements import story_words
    from generator.model import ActorOverride, Overrides

    assert all(b.words is not None and b.words == story_words(b) for b in briefings)
    bare = tuple(dataclasses.replace(b, words=None) for b in briefings)
    assert [stems(s) for s in with_stories(build_catalog(bare)).stories] == [stems(s) for s in with_stories(build_catalog(briefings)).stories]

    bid = next(b for b in briefings if "acme_bid" in b.article.seed_name)
    overrides = Overrides(path=Path("01_acme_bid.yml"), summary=(("Acme raised its offer to 48 dlrs a share.", "p1", None),), actors=(ActorOverride(bid.actors[0].name, None, rename="Acme Holdings Renamed"),))
    edited = apply_overrides(dataclasses.replace(bid, article=dataclasses.replace(bid.article, overrides=overrides)))
    assert edited.words == story_words(edited) != bid.words
    assert edited.words.points == ("#48 offer rais",)  # "Acme" is a name; "dlrs" and "share" words of figures


@hsettings(max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_grouping_does_not_depend_on_the_order_briefings_come_in(briefings, rnd):
    shuffled = list(briefings)
    rnd.shuffle(shuffled)
    catalog = build_catalog(tuple(shuffled))
    first = group_stories(catalog.briefings, catalog.actor_slug, catalog.actor_type, StorySettings())
    again = build_catalog(briefings)
    assert [[b.slug for b in g] for g in first] == [[b.slug for b in g] for g in group_stories(again.briefings, again.actor_slug, again.actor_type, StorySettings())]


def test_a_story_closes_after_its_window_and_can_be_turned_off(briefings):
    catalog = build_catalog(briefings)
    short = group_stories(catalog.briefings, catalog.actor_slug, catalog.actor_type, StorySettings(window_days=5))
    assert all(len(g) < 3 for g in short)  # the bid's briefings are 7 and 9 days apart
    assert group_stories(catalog.briefings, catalog.actor_slug, catalog.actor_type, StorySettings(enabled=False)) == []


def test_exports_give_each_briefing_its_story_and_list_the_stories():
    generated = generate(Settings(seeds_dir=STORIES, templates_dir=ROOT / "templates", workers=1))
    pages = {p.path: p.markdown for p in generated.pages}
    items = json.loads(pages["briefings.json"])
    by_stem = {Path(b["path"]).stem: b for b in items}
    assert by_stem["01_acme_bid"]["story"] == by_stem["03_acme_raises"]["story"] != by_stem["04_orion_sues"]["story"]
    assert by_stem["03_acme_raises"]["story_place"] == 3
    assert "story" not in by_stem["06_gamma_plant"]
    stories = json.loads(pages["stories.json"])
    assert {s["id"] for s in stories} == {b["story"] for b in items if "story" in b}
    bid = next(s for s in stories if s["id"] == by_stem["01_acme_bid"]["story"])
    assert bid["briefings"] == [by_stem[s]["slug"] for s in ("01_acme_bid", "02_beta_rejects", "03_acme_raises")]
    for story in stories:
        feed = feedparser.parse(pages[f"stories/{story['id']}/feed.xml"])
        assert not feed.bozo, feed.get("bozo_exception")
        assert [e.id for e in feed.entries] == [f"urn:briefings:{slug}" for slug in reversed(story["briefings"])]
        assert f"stories/{story['id']}.md" in pages


def test_a_story_joined_from_its_steps_is_its_dict_as_json(catalog):
    """stories.json is written from each story's head and the JSON of each step (the
    Generator keeps those of unchanged steps): the bytes json.dumps gives of the whole."""
    from generator.publish.exports import step_json, story_json, story_to_dict
    from generator.model import unpack

    assert catalog.stories
    for story in catalog.stories:
        whole = json.dumps(story_to_dict(story), ensure_ascii=False).encode("utf-8")
        assert unpack(story_json(story)) == whole == unpack(story_json(story, [step_json(step) for step in story.steps]))
        json.loads(whole)


def test_story_options_in_mkdocs_yml_are_checked(tmp_path):
    result, _ = build_site(tmp_path, STORIES, stories="{threshold: 1.5}")
    assert result.returncode != 0
    assert "stories.threshold must be between 0 and 1" in result.stderr


def test_a_story_page_stays_small_however_long_the_story_runs(catalog):
    import dataclasses

    from generator.publish.pages import STORY_FIRST_STEPS, STORY_LAST_STEPS, STORY_STEP_FACTS, make_environment, plan_pages

    story = next(s for s in catalog.stories if "beta" in s.slug)
    wordy = tuple(dataclasses.replace(step, facts=step.facts * 40) for step in story.steps)  # each adds dozens
    long = dataclasses.replace(story, steps=wordy * 200)  # 600 briefings
    longer = dataclasses.replace(catalog, stories=(long,), story_of={})
    env = make_environment(ROOT / "templates")
    job = next(j for j in plan_pages(longer, env) if j.path == f"stories/{story.slug}.md")
    page = job.render()
    assert len(page.encode("utf-8")) < 200_000
    assert page.count("\n### ") == STORY_FIRST_STEPS + STORY_LAST_STEPS
    assert f"{600 - STORY_FIRST_STEPS - STORY_LAST_STEPS} more briefings of the story" in page
    facts = len(wordy[0].facts)
    assert facts > STORY_STEP_FACTS and f"{facts - STORY_STEP_FACTS} more new statements are in" in page


_WORDS = ["bid", "offer", "raised", "board", "rejected", "#40", "#44", "shares", "court", "ruling"]


@hsettings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.frozensets(st.sampled_from(_WORDS), max_size=6)), max_size=40))
def test_a_repeated_statement_finds_the_oldest_statement_it_repeats(statements):
    """``_Statements.find`` (an index of words, and the answer kept for the very same words)
    gives what a walk over every earlier statement, oldest first, gives."""
    said, earlier = _Statements(), []
    for n, (kind, content) in enumerate(statements):
        numbers = frozenset(w for w in content if w.startswith("#"))
        need = math.ceil(SAME_FACT * len(content) - 1e-9)
        walked = next(
            (where for k, other, where in earlier if k == kind and len(content) >= MIN_WORDS and numbers <= other and len(content & other) >= need),
            None,
        )
        assert said.find(kind, content) == walked
        if walked is None:
            said.add(kind, content, (n, 0))
            earlier.append((kind, content, (n, 0)))


def test_a_story_made_again_from_its_edited_briefing_equals_one_made_afresh(tmp_path):
    """``patch_stories`` makes a story again from its first replaced briefing, undoing what
    the later ones had added to the state (``_Replay.rewind``): after any chain of edits, at
    the first, a middle and the last place, and back to the original, the steps equal those
    made from scratch. The corpus repeats facts across briefings, so the folded ``also`` and
    the statements found again are undone and made again too."""
    import dataclasses

    from benchmarks.corpus import write_corpus
    from generator.analyze import briefing as analysis
    from generator.corpus.stories import _replay, _Replay, _steps
    from generator.read.seeds import read_seeds

    seeds = write_corpus(tmp_path / "seeds", 60)
    made = with_stories(build_catalog(analysis.analyze_all(read_seeds(seeds).articles, workers=1)[0]), replays=(replays := {}))
    story = max(made.stories, key=lambda s: len(s.steps))
    assert len(story.steps) >= 4 and any(f.also for s in story.steps for f in s.facts), "a story with facts stated again"
    slugs, group = made.actor_slug, list(story.briefings)
    replay = replays[story.slug]
    assert _replay(replays, story.slug, slugs) is replay and replay.run(group) == story.steps

    def bare(b, **fields):
        return dataclasses.replace(b, **fields)

    last, middle = len(group) - 1, len(group) // 2
    edits = [
        (middle, bare(group[middle], summary=group[middle].summary[:1])),
        (0, bare(group[0], figures=())),
        (last, bare(group[last], relations=(), timeline=())),
        (1, bare(group[1], summary=(), figures=(), relations=(), timeline=())),
        (middle, group[middle]),
        (0, group[0]),
    ]
    current = list(group)
    for place, briefing in edits:
        current[place] = briefing
        assert replay.run(list(current)) == _steps(list(current), slugs), place
    current = list(group)
    assert replay.run(current) == story.steps  # every edit undone: the story as it was
    assert replay.run(current[:2]) == _steps(current[:2], slugs)  # a shorter story
    other = _replay(replays, story.slug, dict(slugs))  # other actor slugs: a replay made afresh, kept
    assert other is not replay and replays[story.slug] is other and not other.briefings
