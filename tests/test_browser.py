"""What a reader sees, in Debian's headless chromium driven by Playwright."""

import functools
import http.server
import shutil
import threading
from urllib.parse import urlsplit

import pytest

from conftest import require
from test_site import SEED_SLUG

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(seed_site):
    handler = functools.partial(_QuietHandler, directory=str(seed_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


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
