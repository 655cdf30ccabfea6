"""The way out of MkDocs and Material (README: "When Material reaches its end of life"):
a real `properdocs build` of the project with the plugin unchanged, and a real `zensical
build` of `briefing render`'s output, which needs no MkDocs plugin."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import HANG, ROOT, make_project, require, run_briefing

ZENSICAL_VENV = ROOT / ".venv-zensical"
THEME_STAND_IN = Path(__file__).parent / "fixtures" / "zensical-theme-stand-in"
GENERATOR_META = re.compile(r'<meta name="generator" content="[^"]*">')
"""The one line that legitimately differs between engines: it names the engine and version."""
ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.DOTALL)


# -- ProperDocs: the same site, built by the maintained fork of MkDocs -----------------


def test_properdocs_builds_the_same_site_as_mkdocs(seed_site, tmp_path):
    """ProperDocs loads the plugin through its `mkdocs.plugins` entry point and must give
    the same site: the same files, every non-HTML file (search index, sitemap, exports,
    assets) byte for byte, and every page identical but for its generator meta tag. A
    drop-in replacement should differ in nothing a reader sees; when a new version does,
    this test shows the first difference for a person to judge."""
    properdocs = Path(sys.executable).parent / "properdocs"
    require(properdocs.is_file(), "properdocs is not installed (make test installs it with the test extra)")
    site = tmp_path / "site"
    project = make_project(tmp_path)
    env = dict(os.environ, BRIEFINGS_SEEDS=str(ROOT / "seeds"))
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=HANG,
    )
    assert result.returncode == 0, result.stderr
    assert "Briefings: " in result.stderr  # the plugin ran
    assert "WARNING" not in result.stderr, result.stderr

    ours, theirs = _files(seed_site), _files(site)
    assert ours == theirs, f"only MkDocs: {sorted(ours - theirs)[:10]}; only ProperDocs: {sorted(theirs - ours)[:10]}"
    pages = sorted(p for p in ours if p.endswith(".html"))
    assert {"briefings/index.html", "timeline/index.html", "actors/index.html"} <= set(pages)
    assert sum(p.startswith("actors/") for p in pages) > 5 and sum(p.startswith("briefings/") for p in pages) > 1
    assert GENERATOR_META.search((site / "index.html").read_text(encoding="utf-8"))
    for path in ours:
        a, b = (seed_site / path).read_bytes(), (site / path).read_bytes()
        if path.endswith(".html"):
            a, b = (GENERATOR_META.sub("", x.decode("utf-8")) for x in (a, b))
            main_a, main_b = ARTICLE.search(a), ARTICLE.search(b)
            assert (main_a and main_a.group(1)) == (main_b and main_b.group(1)), f"{path}: main content differs\n{_diff(a, b)}"
        assert a == b, f"{path} differs between MkDocs and ProperDocs\n{_diff(a, b) if isinstance(a, str) else ''}"


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _diff(a: str, b: str, lines: int = 20) -> str:
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), "mkdocs", "properdocs", lineterm="", n=1)
    return "\n".join(list(diff)[:lines])


# -- Zensical: the rendered Markdown, built by an engine that runs no MkDocs plugin -----


@pytest.fixture(scope="module")
def zensical_build(tmp_path_factory):
    """`briefing render --out rendered` then `zensical build -f zensical.yml`, the README's
    commands, in a copy of the project. A short timeline page limit makes the timeline a
    page per year (and month), so that those pages are built too."""
    zensical = ZENSICAL_VENV / "bin" / "zensical"
    if sys.version_info < (3, 11):
        pytest.skip("Zensical needs Python 3.11 or later")
    require(zensical.is_file(), f"Zensical is not installed in {ZENSICAL_VENV} (make zensical; make test runs it)")
    project = make_project(tmp_path_factory.mktemp("zensical"), timeline_page_entries=2)
    shutil.copy(ROOT / "zensical.yml", project / "zensical.yml")
    render = run_briefing("render", "--out", project / "rendered", "--seeds", ROOT / "seeds", "-f", project / "mkdocs.yml", cwd=project)
    assert render.returncode == 0, render.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    python = str(ZENSICAL_VENV / "bin" / "python")
    no_mkdocs = "import importlib.util as u, sys; sys.exit(any(u.find_spec(m) for m in ('mkdocs', 'material', 'generator')))"
    assert subprocess.run([python, "-I", "-c", no_mkdocs]).returncode == 0, "the Zensical venv must hold no MkDocs, Material or briefings"
    probe = subprocess.run([python, "-c", "import zensical_ui"], capture_output=True)
    if probe.returncode != 0:
        warnings.warn(f"Zensical's theme (zensical-ui) is not installed; built with the stand-in theme of {THEME_STAND_IN.relative_to(ROOT)}, which prints the page content only")
        env["PYTHONPATH"] = str(THEME_STAND_IN)
    result = subprocess.run([str(zensical), "build", "--strict", "-f", "zensical.yml"], cwd=project, env=env, capture_output=True, text=True, timeout=HANG)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "rendered", project / "site"


def _generated_pages(rendered: Path) -> list[str]:
    """The briefing, actor and timeline pages `briefing render` wrote, by path."""
    pages = sorted(p.relative_to(rendered).as_posix() for p in rendered.rglob("*.md"))
    return [p for p in pages if p.startswith(("briefings/", "actors/", "timeline"))]


def _html_of(page: str) -> str:
    """Where an engine with MkDocs' directory URLs writes a Markdown page."""
    stem = page.removesuffix(".md")
    return "index.html" if stem == "index" else (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/index.html"


class _Page(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.ids, self.links = set(), []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_zensical_builds_every_briefing_actor_and_timeline_page(zensical_build):
    rendered, site = zensical_build
    pages = _generated_pages(rendered)
    assert sum(p.startswith("briefings/2") for p in pages) >= 1
    assert sum(p.startswith("actors/") for p in pages) > 5
    assert any(p.startswith("timeline/") for p in pages), "the short page limit should split the timeline"
    missing = [p for p in pages if not (site / _html_of(p)).is_file()]
    assert not missing, missing
    for hand_written in ("about/index.html", "benchmarks/index.html", "stylesheets/briefings.css"):
        assert (site / hand_written).is_file(), hand_written
    for export in ("briefings.json", "feed.xml", "sources.bib", "sources.json"):  # written by render, copied as is
        assert (site / export).read_bytes() == (rendered / export).read_bytes()


def test_zensical_paragraph_links_resolve_to_anchors(zensical_build):
    """Every link of the main content of every generated page opens a page that exists, at
    an anchor it has: the [¶n] links of a briefing to its source text (attr_list ids), and
    an actor's or the timeline's links into the briefings."""
    rendered, site = zensical_build
    checked = paragraph_links = 0
    for page in _generated_pages(rendered):
        html_path = site / _html_of(page)
        content = ARTICLE.search(html_path.read_text(encoding="utf-8"))
        assert content, f"{page}: no main content"
        for link in _Page(content.group(1)).links:
            url = urlsplit(link)
            if url.scheme or url.netloc or link.startswith("mailto:"):
                continue
            target = (html_path.parent / unquote(url.path)).resolve() if url.path else html_path
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page}: {link} opens nothing"
            if url.fragment:
                assert unquote(url.fragment) in _ids(target), f"{page}: {link} has no anchor #{url.fragment}"
            checked += 1
            paragraph_links += bool(re.fullmatch(r"p\d+", url.fragment))
    assert checked > 50 and paragraph_links > 20, (checked, paragraph_links)
    seed = next(p for p in _generated_pages(rendered) if p.startswith("briefings/2"))
    ids = _ids(site / _html_of(seed))
    assert {f"p{i}" for i in range(1, 9)} <= ids and "source-text" in ids


def test_zensical_keeps_the_source_text_out_of_its_search_index(zensical_build):
    """Zensical's own search (search.json) honours data-search-exclude, as Material's does."""
    _, site = zensical_build
    index = (site / "search.json").read_text(encoding="utf-8")
    assert "Dongfeng Motor Group" in index
    assert "Initially focused on providing smart components" not in index


_IDS: dict[Path, set[str]] = {}


def _ids(path: Path) -> set[str]:
    if path not in _IDS:
        _IDS[path] = _Page(path.read_text(encoding="utf-8")).ids
    return _IDS[path]
