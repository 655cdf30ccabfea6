"""The knowledge site over a corpus of 15 articles (one an HTML page): actor, timeline, source, tag pages,
related briefings, feed and exports, checked in the built HTML and with real parsers."""

import json
import re

import bibtexparser
import feedparser
import jsonschema
import pytest

from conftest import FIXTURES, build_site
from htmlscan import scan_html

CORPUS = FIXTURES / "corpus"
HUAWEI_SLUGS = ("2025-11-24-huawei-takes", "2025-12-03-huawei-car", "2025-10-30-seres-posts", "2025-06-26-xiaomi", "2025-11-28-huawei-adds")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result, site = build_site(tmp_path_factory.mktemp("corpus"), CORPUS, strict=True)
    assert result.returncode == 0, result.stderr
    return site


def text_of(path) -> str:
    return scan_html(path.read_text(encoding="utf-8")).all_text


def links_of(path) -> list[str]:
    return [a.get("href", "") for tag, a in scan_html(path.read_text(encoding="utf-8")).tags if tag == "a"]


def test_one_actor_page_for_one_actor_named_differently(site):
    page = site / "actors" / "huawei-technologies" / "index.html"
    text = text_of(page)
    for slug in HUAWEI_SLUGS:
        assert any(slug in link for link in links_of(page)), slug
    assert "Huawei Technologies Co." in text and "Also named" in text
    assert "First seen: 2025-06-26" in text and "last seen: 2025-12-03" in text
    assert "Often with" in text and "Harmony Intelligent Mobility" in text
    assert not (site / "actors" / "huawei").exists()
    assert (site / "actors" / "tesla-inc" / "index.html").is_file() and not (site / "actors" / "tesla").exists()


def test_different_actors_are_not_merged(site):
    # "GAC" (first article) and "GAC Group" share no name: kept apart rather than guessed
    assert (site / "actors" / "gac").is_dir() and (site / "actors" / "gac-group").is_dir()
    assert (site / "actors" / "china").is_dir() and (site / "actors" / "china-passenger-car-association").is_dir()


def test_actors_index_grouped_by_type(site):
    text = text_of(site / "actors" / "index.html")
    for heading in ("Organization", "Person", "Place", "Brand", "Event"):
        assert heading in text
    assert "Richard Yu" in text and "Lei Jun" in text


def test_timeline_page_by_year_linked_to_paragraphs(site):
    page = site / "timeline" / "index.html"
    ids = {a.get("id") for _, a in scan_html(page.read_text(encoding="utf-8")).tags}
    assert {"year-2019", "year-2024", "year-2025", "year-2026"} <= ids
    assert any(re.search(r"briefings/2025-10-30-seres[^#]*#p3", link) for link in links_of(page))


def test_long_timeline_split_into_year_and_month_pages(tmp_path):
    """With a page size of 6 entries the corpus timeline (2019-2026) gets year pages, and
    month pages for 2025; every entry is on exactly one page and links to its paragraph."""
    result, site = build_site(tmp_path, CORPUS, strict=True, timeline_page_entries=6)
    assert result.returncode == 0, result.stderr
    index = site / "timeline" / "index.html"
    links = links_of(index)
    assert "2019/" in links and "2025/" in links and "2025-11/" in links
    year = site / "timeline" / "2025" / "index.html"
    assert any(link.endswith("2025-11/") for link in links_of(year))
    month = site / "timeline" / "2025-11" / "index.html"
    rows = [link for link in links_of(month) if re.search(r"briefings/2025-[^#]+#p\d+$", link)]
    assert rows
    total = re.search(r"(\d+) dated statements", text_of(index))
    pages = [p for p in (site / "timeline").glob("*/index.html")]
    counted = sum(len([l for l in links_of(p) if re.search(r"#(?:p|h|c)\d+$", l)]) for p in pages)
    assert total and counted == int(total.group(1))


def test_sources_page_and_citation_downloads(site):
    text = text_of(site / "sources" / "index.html")
    assert "Example Auto News" in text and "Li Wei" in text
    library = bibtexparser.parse_string((site / "sources.bib").read_text(encoding="utf-8"))
    assert len(library.entries) == 15 and not library.failed_blocks
    titles = {e.fields_dict["title"].value for e in library.entries}
    assert "Xiaomi Raises Delivery Target for SU7 Sedan" in titles
    csl = json.loads((site / "sources.json").read_text(encoding="utf-8"))
    assert len(csl) == 15 and all(item["type"] == "article-newspaper" for item in csl)
    assert len({item["id"] for item in csl}) == 15


def test_feed_parses_newest_first_with_summaries(site):
    feed = feedparser.parse((site / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 15
    dates = [e.updated for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.entries[0].title == "Huawei Car Alliance Deliveries Climb in November"
    assert "81,000 deliveries" in feed.entries[0].summary


def test_briefings_json_validates_against_its_schema(site):
    data = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "briefings.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert len(data) == 15


def test_json_ld_in_each_briefing_head(site):
    pages = sorted((site / "briefings").glob("2*/index.html"))
    assert len(pages) == 15
    for page in pages:
        scan = scan_html(page.read_text(encoding="utf-8"))
        assert len(scan.json_ld) == 1
        data = json.loads(scan.json_ld[0])
        assert data["@type"] == "Report" and data["isBasedOn"]["@type"] == "NewsArticle"
        assert all(m["@type"] in ("Person", "Organization", "Place", "Brand", "Event", "Thing") for m in data["mentions"])


def test_tags_index_and_briefing_tags(site):
    text = text_of(site / "tags" / "index.html")
    assert "electric vehicles" in text
    assert "Xiaomi" in text_of(site / "tags" / "electric-vehicles" / "index.html")
    xiaomi = next((site / "briefings").glob("2025-06-26-*/index.html"))
    links = links_of(xiaomi)
    assert "../../tags/electric-vehicles/" in links  # the seed tag's chip
    assert any(link.startswith("../../actors/xiaomi") for link in links)


def test_related_briefings_share_key_actors(site):
    page = next((site / "briefings").glob("2025-12-03-*/index.html"))
    text = text_of(page)
    assert "Related briefings" in text
    assert any("2025-11-24-huawei-takes" in link for link in links_of(page))


def test_home_page_sections(site):
    text = text_of(site / "index.html")
    for section in ("Latest briefings", "Most covered actors", "Recent timeline entries"):
        assert section in text
    assert text.index("Huawei Car Alliance Deliveries") < text.index("Huawei Takes Major Leap")


def test_editorial_overrides_show_on_the_page(site):
    page = next((site / "briefings").glob("2025-11-28-*/index.html"))
    text = text_of(page)
    assert "These points were set by an analyst" in text
    assert "people familiar with the matter say." in text
    assert "(edited)" in text and "smart-car joint-venture brand led by Huawei" in text
    assert "Analyst notes" in text and "Unconfirmed report" in text
    actor = site / "actors" / "huawei-technologies" / "index.html"
    assert any("2025-11-28-huawei-adds" in link for link in links_of(actor))


def test_bad_overrides_are_clear_errors_and_other_seeds_still_build(tmp_path):
    from conftest import run_briefing

    result = run_briefing("check", "--seeds", FIXTURES / "bad_overrides")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any(l.endswith("unknown_actor.txt.yml:3: overrides.actors.'Acme Inc': no actor of that name in the analysis; actors found: Acme Corp") for l in lines)
    assert any("bad_type.txt.yml:4: 'overrides.actors.'Acme Corp'.type' must be one of person, organization, place, brand, event, other, found 'company'" in l for l in lines)
    assert any("bad_paragraph.txt.yml:2: overrides.summary cites p9" in l for l in lines)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for f in (FIXTURES / "bad_overrides").iterdir():
        (seeds / f.name).write_bytes(f.read_bytes())
    (seeds / "good.txt").write_text("date 2025-01-06 A Good One\n\nInitech said all is well.\n", encoding="utf-8")
    lenient, site = build_site(tmp_path / "a", seeds, strict=False)
    assert lenient.returncode == 0 and "unknown_actor.txt.yml:3" in lenient.stderr
    assert (site / "briefings" / "2025-01-06-a-good-one" / "index.html").is_file()
    strict, _ = build_site(tmp_path / "b", seeds, strict=True)
    assert strict.returncode == 1


def test_html_page_is_read_without_site_chrome(site):
    from generator.read.seeds import read_seed

    article = read_seed(CORPUS / "15_li_auto_page.html")
    assert article.title == "Li Auto Cuts Prices on L-Series SUVs"
    assert article.date.isoformat() == "2025-01-21"
    assert (article.source.publisher, article.source.author) == ("Example EV News", "Chen Mei")
    assert article.source.url == "https://example.com/li-auto-price-cut"
    body = " ".join(p.text for p in article.body)
    assert body.startswith("Li Auto Inc. cut prices")
    for chrome in ("Subscribe", "Advertisement", "Great article", "All rights reserved", "dataLayer"):
        assert chrome not in body
    assert [p.text for p in article.paragraphs if p.kind == "heading"] == ["Pressure from rivals"]
    page = next((site / "briefings").glob("2025-01-21-li-auto*/index.html"))
    assert "Li Auto Inc." in text_of(page)


def test_html_page_without_date_asks_for_a_sidecar():
    from generator.read.seeds import SeedError, read_seed

    with pytest.raises(SeedError) as caught:
        read_seed(FIXTURES / "bad" / "html_without_date.html")
    assert "no publication date; add it in a sidecar html_without_date.html.yml (date: YYYY-MM-DD)" in caught.value.problem.message
