"""A real `mkdocs build --strict`: the seed briefing as a reader gets it, in HTML."""

import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import FIXTURES, build_site

SEED_SLUG = "2025-11-24-huawei-takes-major-leap-into-the-auto-industry-with-two-new"


class Elements(HTMLParser):
    """Collects ids, links and the text of the page."""

    def __init__(self):
        super().__init__()
        self.ids, self.links, self.text, self.headings = set(), [], [], []
        self._heading = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        if tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append("".join(self._heading).strip().rstrip("¶").strip())
            self._heading = None

    def handle_data(self, data):
        self.text.append(data)
        if self._heading is not None:
            self._heading.append(data)


def parse(path: Path) -> Elements:
    parser = Elements()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def briefing_page(site: Path) -> Path:
    return site / "briefings" / SEED_SLUG / "index.html"


def test_briefing_sections(seed_site):
    page = parse(briefing_page(seed_site))
    for section in ("Summary", "Key actors", "Strategy sections", "Timeline", "Key figures", "Source", "Source text"):
        assert section in page.headings
    assert "Huawei’s Expanding Automotive Strategy" in page.headings
    assert "Huawei’s Role in the Qijing and Yijing Brands" in page.headings
    text = " ".join(page.text)
    assert "Image credit:" in text and "Shutterstock" in text
    assert "Caixin" in text and "2025-11-24" in text


def test_paragraph_links_resolve_to_anchors(seed_site):
    page = parse(briefing_page(seed_site))
    refs = [link for link in page.links if re.fullmatch(r"#p\d+", link)]
    assert len(refs) >= 10
    assert all(link[1:] in page.ids for link in refs)
    assert {f"p{i}" for i in range(1, 9)} <= page.ids


def test_actor_links_open_actor_pages(seed_site):
    page = parse(briefing_page(seed_site))
    actor_links = {l for l in page.links if l.startswith("../../actors/")}
    names = {"huawei-technologies", "qijing", "yijing", "gac", "dongfeng-motor-group", "seres-group-inc", "aito", "harmony-intelligent-mobility", "huawei-qiankun"}
    assert {f"../../actors/{n}/" for n in names} <= actor_links
    for link in actor_links:
        target = (briefing_page(seed_site).parent / link / "index.html").resolve()
        assert target.is_file(), link


def test_timeline_entries_link_to_paragraphs(seed_site):
    page = parse(seed_site / "timeline" / "index.html")
    text = " ".join(page.text)
    for value in ("2019", "2021", "late 2023", "20 Nov 2025"):  # dates as a reader writes them
        assert value in text
    assert f"../briefings/{SEED_SLUG}/#p4" in page.links


def test_home_lists_briefings_and_nav_has_no_briefing_pages(seed_site):
    home = parse(seed_site / "index.html")
    assert f"briefings/{SEED_SLUG}/" in home.links
    nav = (seed_site / "index.html").read_text(encoding="utf-8")
    nav = nav[nav.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert SEED_SLUG not in nav


def test_search_index_has_the_briefing(seed_site):
    index = (seed_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Qijing" in index and SEED_SLUG in index


def test_no_external_resources_in_pages(seed_site):
    """Scripts, styles, images and fonts all come from the site itself (links may leave)."""
    html = briefing_page(seed_site).read_text(encoding="utf-8")
    resources = re.findall(r'<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"', html)
    assert resources
    assert not [r for r in resources if re.match(r"(?:https?:)?//", r)], resources
    assert "fonts.googleapis" not in html


def test_bad_seed_is_reported_good_ones_build_and_strict_fails(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_bytes((FIXTURES / "good" / "caption_followed_by_paragraph.txt").read_bytes())
    (seeds / "bad.txt").write_text("no header here\n\ntext\n", encoding="utf-8")
    (seeds / "worse.txt").write_text("date 2025-02-30 Feb\n\ntext\n", encoding="utf-8")
    lenient, site = build_site(tmp_path / "a", seeds, strict=False)
    assert lenient.returncode == 0, lenient.stderr
    assert "bad.txt:1: expected a header line" in lenient.stderr
    assert (site / "briefings" / "2024-03-05-caption-then-paragraph" / "index.html").is_file()
    strict, _ = build_site(tmp_path / "b", seeds, strict=True)
    assert strict.returncode == 1
    assert "bad.txt:1" in strict.stderr and "worse.txt:1" in strict.stderr


def test_search_index_holds_the_analysis_not_the_full_text(seed_site):
    index = (seed_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Dongfeng Motor Group" in index  # the summary and actors are searchable
    assert "Initially focused on providing smart components" not in index  # the source text is not


def test_tag_chips_open_the_key_actors_pages(seed_site):
    """The theme's tag chips are made by the plugin: each opens a page that exists (a seed
    tag's page or the key actor's), not an index of every tagged page."""
    html = briefing_page(seed_site).read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-tags"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no tag chips on the briefing page"
    chips = re.findall(r'<a href="([^"]+)" class="md-tag">\s*([^<]+?)\s*</a>', nav.group(1))
    assert ("../../actors/huawei-technologies/", "Huawei Technologies") in chips
    for href, _ in chips:
        assert (briefing_page(seed_site).parent / href / "index.html").resolve().is_file(), href
