"""The seed's briefing agrees with what a careful analyst reads in it (shared/eval/seed)."""

import re

import pytest
import yaml

from generator.analyze.briefing import analyze
from generator.analyze.text import sentence_spans
from generator.read.seeds import read_seed
from conftest import EVAL, SEED, require

EXPECTED_FILE = EVAL / "seed" / "000_a9c78bbd88a0efaa.expected.yml"


@pytest.fixture(scope="module")
def expected():
    require(EXPECTED_FILE.is_file(), f"{EXPECTED_FILE} is missing", eval_data=True)
    return yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def briefing():
    return analyze(read_seed(SEED), "seed")


def names_of(actor):
    return {actor.name, *actor.aliases}


def find_actor(briefing, spec):
    wanted = {spec["name"], *spec.get("aliases", [])}
    return next((a for a in briefing.actors if names_of(a) & wanted), None)


def test_article_metadata(briefing, expected):
    article = briefing.article
    assert article.title == expected["article"]["title"]
    assert article.date.isoformat() == str(expected["article"]["published"])
    assert article.source.image_credit == expected["article"]["image_credit"]
    assert len(article.body) == expected["article"]["body_paragraphs"]
    headings = [s.heading.replace("’", "'") for s in briefing.sections]
    assert headings == expected["article"]["headings"]
    assert [s.name for s in briefing.secondary_sources] == expected["article"]["secondary_sources"]


def test_every_expected_actor_with_its_type(briefing, expected):
    for spec in expected["actors"]:
        actor = find_actor(briefing, spec)
        assert actor is not None, f"missing actor {spec['name']}"
        assert actor.type == spec["type"], f"{actor.name}: {actor.type} != {spec['type']}"


def test_no_false_actors(briefing, expected):
    found = {n for a in briefing.actors for n in names_of(a)}
    assert not found & set(expected["not_actors"])


def test_timeline_dates_precision_and_paragraphs(briefing, expected):
    got = {(e.date, e.paragraph) for e in briefing.timeline}
    for spec in expected["timeline"]:
        paragraph = f"p{spec['paragraph']}" if spec["paragraph"] else None
        assert (str(spec["date"]), paragraph) in got, spec
    late = next(e for e in briefing.timeline if e.date == "2023-H2")
    assert late.precision == "late-year" and late.text == "late 2023"


def test_key_figures(briefing, expected):
    got = {(f.text.split()[0], f.paragraph) for f in briefing.figures}
    for spec in expected["key_figures"]:
        assert (spec["value"], f"p{spec['paragraph']}") in got, spec


def test_every_item_points_at_words_of_its_paragraph(briefing):
    article = briefing.article
    for actor in briefing.actors:
        for m in actor.mentions:
            text = article.paragraph(m.paragraph).text[m.start : m.end]
            assert text in names_of(actor), (actor.name, text)
        # words of the paragraph, or (issue 15) built from a relation the same paragraph states
        from_relation = any(r.paragraph == actor.role_paragraph and actor.name in (r.subject, r.object) for r in briefing.relations)
        assert actor.role.strip("… ") in article.paragraph(actor.role_paragraph).text or actor.role.startswith("…") or from_relation
    for point in briefing.summary:
        assert point.text in article.paragraph(point.paragraph).text
    for event in briefing.timeline:
        if event.paragraph:
            assert article.paragraph(event.paragraph).text[event.start : event.end] == event.text
    for figure in briefing.figures:
        assert article.paragraph(figure.paragraph).text[figure.start : figure.end] == figure.text


def test_faithfulness_no_invented_claims(briefing):
    """Every summary point is a sentence of the article; no figure of sales or prices."""
    body = " ".join(p.text for p in briefing.article.body)
    assert all(point.text in body for point in briefing.summary)
    assert not any(re.search(r"[$€¥%]|yuan|price|sales", f.text) for f in briefing.figures)
    assert not any("manufactures vehicles" in point.text for point in briefing.summary)


def test_summary_is_three_to_five_cited_points_without_dangling_lead(briefing):
    assert 3 <= len(briefing.summary) <= 5
    assert briefing.summary[0].paragraph == "p1"
    # "This move ..." only right below the sentence it leans on (p2's announcement)
    sentences = [p.text[s.start : s.end] for p in briefing.article.body for s in sentence_spans(p.text)]
    for above, point in zip((None, *briefing.summary), briefing.summary):
        if point.text.startswith("This move"):
            assert above is not None and sentences[sentences.index(point.text) - 1] == above.text
