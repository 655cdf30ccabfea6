"""What a reader sees, in Debian's headless chromium driven by Playwright."""

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES, build_site, require
from test_site import SEED_SLUG

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serving(directory: Path):
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="module")
def server(seed_site):
    with serving(seed_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    require(shutil.which("chromium") is not None, "Debian's chromium is not installed (make browser)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors, page.hosts = [], set()
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.hosts.add(urlsplit(r.url).netloc))
    yield page
    context.close()


def test_search_finds_the_briefing_and_opens_it(page, server):
    page.goto(server + "/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")  # Material's shortcut to the search box
    page.keyboard.type("Qijing")
    result = page.locator(f".md-search-result__link[href*='{SEED_SLUG}']").first
    result.wait_for(timeout=15000)
    result.click()
    page.wait_for_url(f"**/{SEED_SLUG}/**")
    assert "Huawei Takes Major Leap" in page.locator("h1").first.inner_text()
    assert page.errors == []
    assert page.hosts == {urlsplit(server).netloc}


def test_paragraph_citation_lands_on_highlighted_paragraph(page, server):
    page.goto(f"{server}/briefings/{SEED_SLUG}/")
    page.locator("#summary ~ ul a[href='#p2']").first.click()
    page.wait_for_function("location.hash === '#p2'")
    target = page.locator("#p2")
    assert target.is_visible()
    background = target.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.errors == []
    assert page.hosts == {urlsplit(server).netloc}


def test_home_lists_the_seed_briefing(page, server):
    page.goto(server + "/")
    link = page.locator(f"article a[href*='{SEED_SLUG}']").first
    assert "Huawei Takes Major Leap" in link.inner_text()
    assert page.errors == []


def test_actor_link_opens_the_actor_page(page, server):
    page.goto(f"{server}/briefings/{SEED_SLUG}/")
    page.locator(".md-typeset table").first.get_by_role("link", name="Qijing", exact=True).click()
    page.wait_for_url("**/actors/qijing/")
    assert page.locator("h1").first.inner_text().rstrip("¶").strip() == "Qijing"
    assert page.locator(f"a[href*='{SEED_SLUG}']").count() >= 1
    assert page.errors == []
    assert page.hosts == {urlsplit(server).netloc}


def test_light_dark_toggle(page, server):
    page.goto(server + "/")
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    before = scheme()
    page.locator("form[data-md-component='palette'] label[title^='Switch to']:visible").first.click()
    page.wait_for_function(f"document.body.getAttribute('data-md-color-scheme') !== {before!r}")
    after = scheme()
    assert {before, after} == {"default", "slate"}
    page.reload()
    assert scheme() == after  # the choice is remembered
    assert page.errors == []


AXE_CANDIDATES = [
    Path(__file__).resolve().parents[1] / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js",
]


def axe_source() -> str:
    """axe-core from npm (make axe); else the same Deque build bundled by axe-playwright-python."""
    for path in AXE_CANDIDATES:
        if path.is_file():
            return path.read_text(encoding="utf-8")
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["/", f"/briefings/{SEED_SLUG}/", "/actors/huawei-technologies/", "/timeline/"])
def test_no_serious_accessibility_violations(page, server, path):
    page.goto(server + path)
    page.add_script_tag(content=axe_source())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['target']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], serious


@pytest.fixture(scope="module")
def pagefind_server(tmp_path_factory):
    """The 15-article corpus built with the plugin option `search: pagefind`."""
    result, site = build_site(tmp_path_factory.mktemp("pagefind"), FIXTURES / "corpus", strict=True, search="pagefind")
    assert result.returncode == 0, result.stderr
    assert (site / "pagefind" / "pagefind-ui.js").is_file() and not (site / "search" / "search_index.json").exists()
    with serving(site) as url:
        yield url


def test_pagefind_search_finds_a_briefing_and_opens_it(page, pagefind_server):
    page.goto(pagefind_server + "/")
    box = page.get_by_role("search", name="Search briefings").locator("input")
    box.fill("sodium-ion")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=15000)
    assert "CATL" in result.inner_text() or "Sodium" in result.inner_text()
    result.click()
    page.wait_for_load_state()
    assert "sodium" in page.locator("h1").first.inner_text().lower()
    assert page.errors == []
    assert page.hosts == {urlsplit(pagefind_server).netloc}



@pytest.fixture(scope="module")
def stories_server(tmp_path_factory):
    result, site = build_site(tmp_path_factory.mktemp("stories-site"), FIXTURES / "stories")
    assert result.returncode == 0, result.stderr
    with serving(site) as url:
        yield url


def test_a_story_page_cites_what_each_briefing_adds_and_has_a_feed(page, stories_server):
    import feedparser

    missing = []
    page.on("response", lambda r: r.status >= 400 and missing.append((r.url, page.url)))
    page.goto(stories_server + "/stories/")
    page.locator("article a", has_text="bid for Beta Air").first.click()
    page.wait_for_load_state("load")
    assert "bid for Beta Air" in page.locator("h1").first.inner_text()
    raised = page.locator("#step-3 ~ ul").first
    assert "Changed:" in raised.inner_text()
    citation = page.locator("#step-3 ~ ul a[href*='#p']").first
    href = citation.get_attribute("href")
    citation.click()
    anchor = href.split("#")[1]
    page.wait_for_function(f"location.hash === '#{anchor}'")
    assert "/briefings/" in page.url and page.locator(f"#{anchor}").is_visible()
    page.go_back()
    feed_url = page.locator("link[rel~=alternate][href$='feed.xml']").last.evaluate("e => e.href")  # resolved
    assert "/stories/" in feed_url
    response = page.request.get(feed_url)
    feed = feedparser.parse(response.body())
    assert not feed.bozo and len(feed.entries) == 3
    assert missing == [], str(missing)
    assert page.errors == []
    assert page.hosts == {urlsplit(stories_server).netloc}


def test_an_actor_page_links_its_feed_and_the_digest_lists_the_weeks_briefings(page, server):
    import feedparser

    page.goto(server + "/actors/huawei-technologies/")
    feed_url = page.locator("link[rel~=alternate][href$='feed.xml']").last.evaluate("e => e.href")
    assert feed_url.endswith("/actors/huawei-technologies/feed.xml")
    feed = feedparser.parse(page.request.get(feed_url).body())
    assert not feed.bozo and SEED_SLUG in feed.entries[0].link
    page.goto(server + "/")
    page.locator("article a[href*='digest']").first.click()
    page.wait_for_load_state("load")
    page.locator("article table a").first.click()
    page.wait_for_load_state("load")
    assert "Week of" in page.locator("h1").first.inner_text()
    link = page.locator(f"#briefings ~ ul a[href*='{SEED_SLUG}']").first
    assert "Huawei Takes Major Leap" in link.inner_text()
    assert page.errors == []
    assert page.hosts == {urlsplit(server).netloc}


def test_on_a_phone_the_key_actor_table_fits_and_the_relation_graph_has_a_name(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server}/briefings/{SEED_SLUG}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    table = page.locator("#key-actors ~ .md-typeset__scrollwrap").first
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth"), "the key-actor table scrolls sideways"
    graph = page.locator("#who-does-what ~ figure svg[role=img]").first
    assert graph.is_visible()
    name = graph.evaluate("e => document.getElementById(e.getAttribute('aria-labelledby').split(' ')[0]).textContent")
    assert name.startswith("Who does what in")
    assert graph.evaluate("e => e.getBoundingClientRect().right") <= 390
    context.close()
