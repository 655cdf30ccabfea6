"""briefing add and briefing fetch against a real HTTP server on 127.0.0.1 (a thread of this
test process): good RSS and Atom feeds, an OPML list, a feed with broken entries, and pages
that fail each way a page can (no article, no date, 404, not HTML, slow, too large, a
redirect loop), plus duplicates. No test reaches beyond the loopback address.

The fixture articles (tests/fixtures/ingest/pages/) were written for these tests."""

from __future__ import annotations

import datetime as dt
import http.server
import io
import json
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings as hsettings, strategies as st

from conftest import FIXTURES, build_project, make_project, run_briefing
from generator.ingest.feeds import FeedError, configured_feeds, is_opml, parse_feed, parse_opml
from generator.ingest.fetch import FetchError, FetchOptions, Fetcher
from generator.ingest.intake import Intake
from generator.ingest.seedwriter import StagedSeed, seed_stem
from generator.model import Article, Paragraph
from generator.read.seeds import read_seed, read_seeds
from generator.settings import Limits

INGEST = FIXTURES / "ingest"
PAGES = INGEST / "pages"
SLOW_SECONDS = 3.0
TIMEOUT = 0.5
LIMIT = 60_000
"""The page size limit of these tests; /large is over it."""
FETCHED = "2025-03-09T08:00:00Z"


# -- the server -------------------------------------------------------------------------------


class Handler(http.server.BaseHTTPRequestHandler):
    """Serves the fixtures, with ``{{BASE}}`` in feeds replaced by the server's address, and
    the special routes of the failure cases."""

    routes: dict = {}

    def do_GET(self):  # noqa: N802 - http.server's name
        self.server.seen.append((self.path, self.headers.get("User-Agent", "")))
        path = urllib.parse.urlsplit(self.path).path
        route = self.routes.get(path)
        if route is not None:
            return route(self)
        file = INGEST / path.lstrip("/")
        if ".." in path or not file.is_file():
            return self._send(404, "text/html", b"<html><body>Not found</body></html>")
        types = {".html": "text/html; charset=utf-8", ".xml": "application/rss+xml", ".opml": "text/x-opml", ".txt": "text/plain"}
        body = file.read_bytes().replace(b"{{BASE}}", self.server.base.encode())
        return self._send(200, types.get(file.suffix, "application/octet-stream"), body)

    def _send(self, status: int, content_type: str, body: bytes, headers: dict | None = None, length: bool = True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302):
        self._send(status, "text/html", b"", {"Location": location})

    def log_message(self, *args):  # quiet
        pass


def _slow(handler):
    handler.server.stop.wait(SLOW_SECONDS)
    handler._send(200, "text/html", (PAGES / "bank-profit.html").read_bytes())


def _trickle(handler):
    """A page that starts at once and then sends a line every 0.2 s, for longer than the timeout."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(int(SLOW_SECONDS / 0.2)):
        if handler.server.stop.wait(0.2):
            return
        handler.wfile.write(b"<p>still coming</p>\n")
        handler.wfile.flush()


def _large(handler, length=True):
    page = (PAGES / "bank-profit.html").read_bytes()
    handler._send(200, "text/html", page.replace(b"</body>", b"<p>" + b"filler text " * (LIMIT // 10) + b"</p></body>"), length=length)


Handler.routes = {
    "/slow": _slow,
    "/large": _large,
    "/trickle": _trickle,
    "/large-unannounced": lambda h: _large(h, length=False),
    "/loop/a": lambda h: h._redirect("/loop/b"),
    "/loop/b": lambda h: h._redirect("/loop/a"),
    "/moved/chip-plant": lambda h: h._redirect("/pages/chip-plant.html", 301),
    "/to-file": lambda h: h._redirect("file:///etc/passwd"),
    "/report.pdf": lambda h: h._send(200, "application/pdf", b"%PDF-1.7 not a page"),
    "/private/wind.html": lambda h: h._send(200, "text/html", (PAGES / "offshore-wind.html").read_bytes()),
    **{f"/hop/{n}": (lambda n: lambda h: h._redirect(f"/hop/{n + 1}"))(n) for n in range(20)},
}


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout test) is no error of the server


@pytest.fixture
def server(monkeypatch):
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)  # loopback only, never through a proxy
    httpd = Server(("127.0.0.1", 0), Handler)
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.seen, httpd.stop = [], threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()


def make_intake(seeds: Path, **options) -> tuple[Intake, io.StringIO, io.StringIO]:
    settings = {"timeout": TIMEOUT, "max_bytes": LIMIT, "delay": 0.0, **options}
    out, err = io.StringIO(), io.StringIO()
    return Intake(seeds, Limits(), Fetcher(FetchOptions(**settings)), out, err, now=lambda: FETCHED), out, err


def sidecars(seeds: Path) -> dict:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.html.yml"))}


def pages_fetched(httpd) -> list[str]:
    return [path for path, _ in httpd.seen if path.startswith("/pages/")]


# -- add ------------------------------------------------------------------------------------------


def test_add_writes_the_page_and_a_sidecar_with_what_a_citation_needs(tmp_path, server):
    intake, out, err = make_intake(tmp_path)
    intake.add(server.base + "/pages/offshore-wind.html")
    name = "2025-03-04-nordvik-energy-to-build-1-2-gigawatt-wind-farm-off-aberdeen.html"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name, name + ".yml"]
    assert (tmp_path / name).read_bytes() == (PAGES / "offshore-wind.html").read_bytes()
    assert sidecars(tmp_path)[name + ".yml"] == {
        "title": "Nordvik Energy to Build 1.2-Gigawatt Wind Farm Off Aberdeen",
        "date": "2025-03-04",
        "source": {
            "publisher": "The Harbour Times",
            "url": "https://www.harbourtimes.example/business/2025/03/04/nordvik-wind-farm-aberdeen",
            "author": "Fiona MacLeod",
            "fetched": FETCHED,
            "fetched_from": server.base + "/pages/offshore-wind.html",
        },
    }
    article = read_seed(tmp_path / name)  # the seed reads as a build reads it
    assert article.source.fetched == FETCHED and len(article.body) == 7
    assert out.getvalue() == f"added {name} from {server.base}/pages/offshore-wind.html\n" and err.getvalue() == ""
    assert intake.tally.added == 1 and not intake.tally.failed
    assert server.seen[0][0] == "/robots.txt" and all(ua.startswith("Briefings/") for _, ua in server.seen)


def test_add_reads_a_saved_page_and_a_page_already_present_is_skipped(tmp_path, server):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    intake, out, _ = make_intake(seeds)
    intake.add(str(PAGES / "electric-trains.html"))
    (sidecar,) = sidecars(seeds).values()
    assert "fetched" not in sidecar["source"] and sidecar["source"]["url"].startswith("https://news.midlandledger.example/")
    intake.add(server.base + "/pages/electric-trains.html")  # fetched: same canonical URL
    intake.add(str(PAGES / "electric-trains.html"))  # read again: same canonical URL
    again, out2, _ = make_intake(seeds)  # a new run knows the folder's seeds
    again.add(server.base + "/pages/electric-trains.html")
    lines = out.getvalue().splitlines()
    assert lines[1] == f"skipped {server.base}/pages/electric-trains.html: already in the seeds as 2025-03-05-calder-rail-wins-order-for-40-battery-trains.html (same canonical URL)"
    assert lines[2].endswith("(same canonical URL)") and out2.getvalue().startswith("skipped ")
    assert len(list(seeds.glob("*.html"))) == 1 and intake.tally.skipped == 2 and again.tally.skipped == 1


def test_the_same_text_under_another_canonical_url_is_skipped(tmp_path, server):
    intake, out, _ = make_intake(tmp_path)
    intake.add(server.base + "/pages/offshore-wind.html")
    intake.add(server.base + "/pages/syndicated-wind.html")
    assert out.getvalue().splitlines()[1].endswith("(same text)")
    assert len(list(tmp_path.glob("*.html"))) == 1


def test_a_seed_is_never_written_over_an_existing_file(tmp_path, server):
    name = "2025-03-05-calder-rail-wins-order-for-40-battery-trains"
    (tmp_path / f"{name}.html").write_text("somebody else's page", encoding="utf-8")
    (tmp_path / f"{name}-2.html.yml").write_text("# an orphan sidecar, kept\n", encoding="utf-8")
    (tmp_path / f"{name}-3.yml").write_text("# the sidecar of another seed's short name\n", encoding="utf-8")
    intake, out, _ = make_intake(tmp_path)
    intake.add(server.base + "/pages/electric-trains.html")
    assert (tmp_path / f"{name}.html").read_text(encoding="utf-8") == "somebody else's page"
    assert (tmp_path / f"{name}-2.html.yml").read_text(encoding="utf-8") == "# an orphan sidecar, kept\n"
    assert not (tmp_path / f"{name}-2.html").exists() and not (tmp_path / f"{name}-3.html").exists()
    assert (tmp_path / f"{name}-4.html").is_file() and (tmp_path / f"{name}-4.html.yml").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no staging folder left
    assert out.getvalue().startswith(f"added {name}-4.html ")


def test_each_failing_page_is_one_line_naming_the_url_and_the_reason(tmp_path, server):
    intake, out, err = make_intake(tmp_path)
    cases = {
        "/pages/removed.html": "HTTP 404 Not Found",
        "/pages/no-article.html": "no article text found (only 22 characters of text outside the page's navigation)",
        "/pages/no-date.html": "no date (neither the page nor its feed entry gives a publication date)",
        "/report.pdf": "not HTML (Content-Type application/pdf)",
        "/slow": f"timeout (no answer within {TIMEOUT:g} s)",
        "/trickle": f"timeout (the page took over {TIMEOUT:g} s to arrive)",
        "/large": f"too large ({(PAGES / 'bank-profit.html').stat().st_size + LIMIT // 10 * 12 + 7:,} bytes; the limit is {LIMIT:,} bytes, --max-bytes)",
        "/large-unannounced": f"too large (over {LIMIT:,} bytes, the limit; --max-bytes)",
        "/loop/a": f"redirect loop (back to {server.base}/loop/a after 2 hop(s))",
        "/hop/0": "too many redirects (more than 5)",
        "/to-file": "not an http(s) URL (scheme 'file')",
    }
    started = time.monotonic()
    for path in cases:
        intake.add(server.base + path)
    intake.add("ftp://127.0.0.1/story.html")
    intake.add(str(tmp_path / "missing.html"))
    assert time.monotonic() - started < SLOW_SECONDS  # the slow page did not hold the run
    expected = [f"failed {server.base}{path}: {reason}" for path, reason in cases.items()]
    expected += ["failed ftp://127.0.0.1/story.html: not an http(s) URL (scheme 'ftp')", f"failed {tmp_path / 'missing.html'}: no such file, and not an http(s) URL"]
    assert err.getvalue().splitlines() == expected
    assert out.getvalue() == "" and intake.tally.failed == len(expected) and list(tmp_path.iterdir()) == []


def test_a_page_the_reader_would_refuse_is_not_written(tmp_path, server):
    out, err = io.StringIO(), io.StringIO()
    intake = Intake(tmp_path, Limits(max_bytes=1_000), Fetcher(FetchOptions(timeout=TIMEOUT, delay=0.0)), out, err)
    intake.add(server.base + "/pages/bank-profit.html")
    size = (PAGES / "bank-profit.html").stat().st_size
    assert err.getvalue() == f"failed {server.base}/pages/bank-profit.html: file is {size:,} bytes; the limit is 1,000 bytes (setting max_bytes)\n"
    assert list(tmp_path.iterdir()) == []  # the staging folder is gone too


def test_robots_txt_is_honoured_unless_the_user_says_otherwise(tmp_path, server):
    polite, _, err = make_intake(tmp_path)
    polite.add(server.base + "/private/wind.html")
    assert err.getvalue() == f"failed {server.base}/private/wind.html: disallowed by robots.txt (--no-respect-robots fetches it anyway)\n"
    assert [p for p, _ in server.seen] == ["/robots.txt"]
    rude, out, _ = make_intake(tmp_path, respect_robots=False)
    rude.add(server.base + "/private/wind.html")
    assert out.getvalue().startswith("added 2025-03-04-nordvik")


def test_requests_to_one_host_wait_for_its_delay(server):
    now = [100.0]
    waits = []

    def sleep(seconds):
        waits.append(round(seconds, 3))
        now[0] += seconds

    fetcher = Fetcher(FetchOptions(delay=5.0, timeout=TIMEOUT), clock=lambda: now[0], sleep=sleep)
    fetcher.get(server.base + "/pages/chip-plant.html")  # robots.txt, then the page: one wait
    now[0] += 1.5
    fetcher.get(server.base + "/pages/bank-profit.html")
    assert waits == [5.0, 3.5]


# -- feeds ------------------------------------------------------------------------------------------


def test_an_rss_feed_adds_each_entry_and_a_second_fetch_adds_nothing_without_fetching_pages(tmp_path, server):
    intake, out, err = make_intake(tmp_path)
    intake.fetch(server.base + "/rss.xml")
    lines = out.getvalue().splitlines()
    assert lines[0] == f"feed {server.base}/rss.xml: 2 entries, 0 already in the seeds; fetching 2"
    assert [line.split()[1] for line in lines[1:]] == ["2025-03-05-calder-rail-wins-order-for-40-battery-trains.html", "2025-03-04-nordvik-energy-to-build-1-2-gigawatt-wind-farm-off-aberdeen.html"]
    assert err.getvalue() == "" and intake.tally.added == 2
    before = len(pages_fetched(server))
    again, out2, _ = make_intake(tmp_path)
    again.fetch(server.base + "/rss.xml")
    assert out2.getvalue() == f"feed {server.base}/rss.xml: 2 entries, 2 already in the seeds; fetching 0\n"
    assert len(pages_fetched(server)) == before and again.tally.added == 0


def test_an_atom_feed_follows_redirects_and_skips_a_syndicated_copy(tmp_path, server):
    intake, out, err = make_intake(tmp_path)
    intake.add(server.base + "/pages/offshore-wind.html")
    intake.fetch(server.base + "/atom.xml")
    lines = out.getvalue().splitlines()
    assert lines[1] == f"feed {server.base}/atom.xml: 3 entries, 0 already in the seeds; fetching 3"
    assert lines[2].startswith("added 2025-03-07-westbrook-council-approves-budget-with-4-9-tax-rise.html")
    assert lines[3] == f"added 2025-03-06-orbis-semiconductor-opens-10-billion-euro-chip-plant-in.html from {server.base}/moved/chip-plant"
    assert lines[4].startswith(f"skipped {server.base}/pages/syndicated-wind.html: already in the seeds as 2025-03-04-nordvik") and lines[4].endswith("(same text)")
    chip = sidecars(tmp_path)["2025-03-06-orbis-semiconductor-opens-10-billion-euro-chip-plant-in.html.yml"]
    assert chip["source"]["url"] == "https://techwire.example/2025/03/06/orbis-dresden-plant" and err.getvalue() == ""


def test_an_opml_list_fetches_each_feed_once(tmp_path, server):
    intake, out, _ = make_intake(tmp_path)
    intake.fetch(server.base + "/feeds.opml")
    lines = out.getvalue().splitlines()
    assert lines[0] == f"opml {server.base}/feeds.opml: 2 feed(s)"
    assert [line.split()[1] for line in lines if line.startswith("feed ")] == [f"{server.base}/rss.xml:", f"{server.base}/atom.xml:"]
    assert intake.tally.added == 4 and intake.tally.skipped == 1 and not intake.tally.failed


def test_a_feed_with_broken_entries_reports_each_and_brings_in_the_good_one(tmp_path, server):
    intake, out, err = make_intake(tmp_path)
    intake.fetch(server.base + "/broken.xml")
    base = server.base
    assert err.getvalue().splitlines() == [
        f"failed {base}/broken.xml: entry 1 ('An entry that lost its link'): no link",
        f"failed {base}/broken.xml: entry 2 ('A link that is not a web page'): link 'javascript:alert(document.cookie)' is not an http(s) URL",
        f"failed {base}/pages/removed.html: HTTP 404 Not Found",
        f"failed {base}/pages/no-article.html: no article text found (only 22 characters of text outside the page's navigation)",
        f"failed {base}/pages/no-date.html: no date (neither the page nor its feed entry gives a publication date)",
        f"failed {base}/report.pdf: not HTML (Content-Type application/pdf)",
        f"failed {base}/slow: timeout (no answer within {TIMEOUT:g} s)",
        f"failed {base}/large: too large ({(PAGES / 'bank-profit.html').stat().st_size + LIMIT // 10 * 12 + 7:,} bytes; the limit is {LIMIT:,} bytes, --max-bytes)",
        f"failed {base}/loop/a: redirect loop (back to {base}/loop/a after 2 hop(s))",
    ]
    assert out.getvalue().splitlines()[1] == f"added 2025-03-08-lumen-bank-posts-record-quarterly-profit-on-higher-lending.html from {base}/pages/bank-profit.html"
    assert intake.tally.added == 1 and intake.tally.failed == 9


def test_since_and_limit_choose_the_entries_fetched(tmp_path, server):
    intake, out, _ = make_intake(tmp_path)
    intake.fetch(server.base + "/rss.xml", since=dt.date(2025, 3, 5))
    assert out.getvalue().splitlines()[0] == f"feed {server.base}/rss.xml: 2 entries, 0 already in the seeds, 1 before --since; fetching 1"
    limited, out2, _ = make_intake(tmp_path)
    limited.fetch(server.base + "/atom.xml", limit=1)
    assert out2.getvalue().splitlines()[0] == f"feed {server.base}/atom.xml: 3 entries, 0 already in the seeds, 2 past --limit; fetching 1"
    assert intake.tally.added == 1 and limited.tally.added == 1


def test_a_feed_entry_supplies_the_date_a_page_lacks(tmp_path, server):
    rss = (INGEST / "broken.xml").read_text(encoding="utf-8").replace("{{BASE}}", server.base)
    item = rss[rss.index("<item>", rss.index("Harbour ferry") - 120) :]
    feed = parse_feed(f"<rss version='2.0'><channel><title>Harbour Times</title>{item}".replace("</link>", "</link><pubDate>Sun, 09 Mar 2025 09:00:00 GMT</pubDate>", 1).encode(), server.base)
    intake, out, err = make_intake(tmp_path)
    intake.add(feed.entries[0].link, feed.entries[0])
    (sidecar,) = sidecars(tmp_path).values()
    assert sidecar["date"] == "2025-03-09" and sidecar["source"]["author"] == "Callum Reid" and err.getvalue() == ""


def test_feeds_and_opml_are_parsed_without_fetching_or_expanding_anything():
    assert is_opml(b"<?xml version='1.0'?>\n<!-- list -->\n<opml version='2.0'><body/></opml>")
    assert parse_opml(b"<opml><body><outline xmlUrl='rss.xml'/><outline xmlUrl=' https://a.example/f '/></body></opml>", "https://b.example/list.opml") == ("https://b.example/rss.xml", "https://a.example/f")
    with pytest.raises(FeedError, match="document type declaration"):
        parse_opml(b'<!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body><outline xmlUrl="&a;"/></body></opml>', "https://b.example/")
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed(b"/etc/passwd", "https://b.example/feed")  # bytes are data, never a path to open
    with pytest.raises(FeedError, match="not an RSS or Atom feed"):
        parse_feed((PAGES / "bank-profit.html").read_bytes(), "https://b.example/feed")
    assert parse_feed(b"<rss version='2.0'><channel><title>Quiet wire</title></channel></rss>", "https://b.example/").entries == ()


def test_configured_feeds_come_from_the_plugin_and_feeds_yml(tmp_path):
    (tmp_path / "feeds.yml").write_text("feeds:\n  - https://a.example/rss\n  - lists/news.opml\n  - https://b.example/atom\n", encoding="utf-8")
    assert configured_feeds(("https://b.example/atom",), tmp_path) == ("https://b.example/atom", "https://a.example/rss", str(tmp_path / "lists/news.opml"))
    (tmp_path / "feeds.yml").write_text("feeds: https://a.example/rss\n", encoding="utf-8")
    with pytest.raises(FeedError, match="expected `feeds:` with a list"):
        configured_feeds((), tmp_path)


def test_fetch_errors_name_the_reason():
    fetcher = Fetcher(FetchOptions(timeout=TIMEOUT, delay=0))
    with pytest.raises(FetchError, match=r"not an http\(s\) URL \(scheme 'javascript'\)"):
        fetcher.get("javascript:alert(1)")
    with pytest.raises(FetchError, match="no host"):
        fetcher.get("http:///path")


# -- the command line, end to end ---------------------------------------------------------------------


def test_fetch_then_build_gives_briefings_with_full_citations_and_a_second_fetch_adds_nothing(tmp_path, server):
    project = make_project(tmp_path, feeds=f"['{server.base}/feeds.opml']")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    fetch = ["fetch", "--seeds", seeds, "-f", project / "mkdocs.yml", "--delay", "0", "--timeout", "5"]
    first = run_briefing(*fetch, cwd=project)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count("\nadded ") == 4 and first.stderr.strip() == "4 added, 1 skipped (already in the seeds), 0 failed"
    result, site = build_project(project, seeds, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    briefings = {b["title"]: b for b in json.loads((site / "briefings.json").read_text(encoding="utf-8"))}
    assert len(briefings) == 4
    wind = briefings["Nordvik Energy to Build 1.2-Gigawatt Wind Farm Off Aberdeen"]
    assert wind["date"] == "2025-03-04"
    assert wind["source"]["publisher"] == "The Harbour Times" and wind["source"]["author"] == "Fiona MacLeod"
    assert wind["source"]["url"] == "https://www.harbourtimes.example/business/2025/03/04/nordvik-wind-farm-aberdeen"
    assert all(b["source"].keys() >= {"publisher", "url", "author", "fetched"} for b in briefings.values())
    page = (site / "briefings" / wind["slug"] / "index.html").read_text(encoding="utf-8")
    assert "Fiona MacLeod" in page and "The Harbour Times" in page and "harbourtimes.example/business/2025/03/04/nordvik-wind-farm-aberdeen" in page
    assert "<strong>Fetched:</strong>" in page
    bib = (site / "sources.bib").read_text(encoding="utf-8")
    csl = json.loads((site / "sources.json").read_text(encoding="utf-8"))
    today = dt.datetime.now(dt.timezone.utc).date()
    assert bib.count("urldate = {") == 4 and all(abs((dt.date(*c["accessed"]["date-parts"][0]) - today).days) <= 1 for c in csl)
    assert {c["URL"] for c in csl} == {b["source"]["url"] for b in briefings.values()}
    second = run_briefing(*fetch, cwd=project)
    assert second.returncode == 0 and "added" not in second.stdout and second.stderr.strip().startswith("0 added, 5 skipped")
    assert len(read_seeds(seeds).articles) == 4


def test_the_command_exits_1_when_any_page_failed_and_2_without_feeds(tmp_path, server):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    common = ["--seeds", seeds, "-f", tmp_path / "none.yml", "--delay", "0", "--timeout", str(TIMEOUT), "--max-bytes", str(LIMIT)]
    result = run_briefing("fetch", *common, server.base + "/broken.xml", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"failed {server.base}/pages/removed.html: HTTP 404 Not Found\n" in result.stderr and result.stderr.endswith("1 added, 0 skipped (already in the seeds), 9 failed\n")
    add = run_briefing("add", *common, server.base + "/pages/council-budget.html", cwd=tmp_path)
    assert add.returncode == 0 and add.stdout.startswith("added 2025-03-07-westbrook")
    none = run_briefing("fetch", *common, cwd=tmp_path)
    assert none.returncode == 2 and "no feeds given" in none.stderr


# -- "never" claims, as properties -------------------------------------------------------------------

@hsettings(max_examples=300, deadline=None)
@given(title=st.text(min_size=1, max_size=200), url=st.text(max_size=50))
def test_a_seed_name_is_always_safe(title, url):
    article = Article(Path("x.html"), title, dt.date(2025, 3, 4), (Paragraph("p1", "body", "Text.", None),))
    stem = seed_stem(article, url)
    assert stem.startswith("2025-03-04-") and len(stem) <= 11 + 60
    assert set(stem) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") and not stem.endswith("-")


@hsettings(max_examples=40, deadline=None)
@given(taken=st.sets(st.sampled_from(["a.html", "a.html.yml", "a.yml", "a-2.html", "a-2.html.yml", "a-3.yml", "a-3.html", "a-4.html.yml"]), max_size=8))
def test_publishing_never_replaces_a_file_and_always_writes_a_pair(tmp_path_factory, taken):
    seeds = tmp_path_factory.mktemp("seeds")
    for name in taken:
        (seeds / name).write_text(f"kept {name}", encoding="utf-8")
    sidecar = "title: Story\ndate: '2025-03-04'\n"
    with StagedSeed(seeds, (PAGES / "bank-profit.html").read_bytes(), sidecar, Limits()) as staged:
        page = staged.publish("a")
    assert all((seeds / name).read_text(encoding="utf-8") == f"kept {name}" for name in taken)
    assert page.parent == seeds and page.name not in taken and page.name + ".yml" not in taken
    assert page.read_bytes() == (PAGES / "bank-profit.html").read_bytes() and (seeds / (page.name + ".yml")).read_text(encoding="utf-8") == sidecar
    assert sorted(p.name for p in seeds.iterdir()) == sorted({*taken, page.name, page.name + ".yml"})  # nothing else, no staging folder
