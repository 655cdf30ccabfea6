"""Strategy sections: the article's own headings; for an article without headings, its
body grouped where the subject changes, each group headed by words of the article."""

from generator.read.seeds import read_seed
from generator.analyze.document import Document
from generator.analyze.sections import build_sections

BATTERY = [
    "Contemporary Amperex Technology said its sodium-ion battery cells entered mass production at the Ningde plant.",
    "The sodium-ion cells cost less than lithium cells because sodium is abundant, the battery maker said.",
    "Battery engineers at the plant said the cells keep most of their charge in cold weather.",
    "Carmakers testing the sodium battery packs include two Chinese brands, according to the battery maker.",
    "Analysts said sodium battery cells could take a tenth of the battery market for small cars.",
    "The battery maker did not give the production capacity of the Ningde sodium cell line.",
]
FOOTBALL = [
    "Separately, the city football club appointed a new coach after a run of defeats in the league.",
    "The coach, who previously managed a second-division club, signed a two-year contract with the football club.",
    "Football supporters had protested outside the stadium after the club lost five league matches in a row.",
    "The club's next league match is against the leaders at home on Saturday, the football club said.",
    "Club officials said the coach would be given money to sign players when the transfer window opens.",
    "Season tickets for the football club's stadium have sold out, the club said.",
]


def seed(tmp_path, paragraphs):
    path = tmp_path / "story.txt"
    path.write_text("date 2025-03-18 A Story\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return read_seed(path)


def test_body_without_headings_is_grouped_where_the_subject_changes(tmp_path):
    article = seed(tmp_path, BATTERY + FOOTBALL)
    sections = build_sections(Document.of(article))
    assert len(sections) == 3  # 12 paragraphs, about 4 a section
    assert all(s.grouped for s in sections)
    ids = [pid for s in sections for pid in s.paragraphs]
    assert ids == [p.id for p in article.body]  # every paragraph once, in order
    starts = {s.paragraphs[0] for s in sections}
    assert "p7" in starts  # the cut falls where the football story begins
    for section in sections:
        source = article.paragraph(section.heading_paragraph).text
        assert section.heading_paragraph in section.paragraphs
        assert source.startswith(section.heading.rstrip("…"))  # the article's own words
        assert len(section.heading.split()) <= 8


def test_headings_of_the_article_come_first(tmp_path):
    article = seed(tmp_path, [BATTERY[0], "Football news", *FOOTBALL[:3]])
    sections = build_sections(Document.of(article))
    assert [(s.heading, s.grouped) for s in sections] == [("Football news", False)]
    assert sections[0].heading_paragraph == "h1"


def test_a_short_article_without_headings_is_not_divided(tmp_path):
    assert build_sections(Document.of(seed(tmp_path, BATTERY[:5]))) == ()


def test_a_quotation_does_not_become_a_heading(tmp_path):
    quoted = ['"We are very pleased with the new cells," the chief executive said.'] + BATTERY[1:] + FOOTBALL
    sections = build_sections(Document.of(seed(tmp_path, quoted)))
    assert not sections[0].heading.startswith('"') and sections[0].heading_paragraph == "p2"


def test_an_article_without_headings_shows_its_actors_moves_under_each_actor(tmp_path):
    from conftest import ROOT
    from generator.analyze.briefing import analyze
    from generator.corpus.catalog import build_catalog
    from generator.publish.pages import render_site

    bid = [
        "Acme Industries Inc said it offered 40 dlrs a share in cash for Beta Air Corp, valuing the airline at 1.2 billion dlrs.",
        "Beta Air Corp rejected the offer and adopted a shareholder rights plan to make a hostile bid more expensive.",
        "Acme Industries said it would start a tender offer for all Beta Air shares on Monday.",
    ]
    briefing = analyze(seed(tmp_path, bid + FOOTBALL), "story")
    page = next(p for p in render_site(build_catalog((briefing,)), ROOT / "templates") if p.path == "briefings/story.md")
    strategy = page.markdown.split("## Strategy sections")[1].split("## Timeline")[0]
    assert {m.actor for m in briefing.moves} >= {"Acme Industries Inc", "Beta Air Corp"}
    for move in briefing.moves:
        assert f"{move.text}" in strategy.replace("\\", "")
    headings = [line for line in strategy.splitlines() if line.startswith("### ")]
    assert [h.split("](")[0].removeprefix("### [") for h in headings] == list(dict.fromkeys(m.actor for m in briefing.moves))
    assert all(section.heading not in strategy for section in briefing.sections)  # no chunk of paragraphs
