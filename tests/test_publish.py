"""Publishing: the Pages workflow lints clean, builds are reproducible, every link resolves,
and `mkdocs serve` shows an edited seed."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from conftest import FIXTURES, ROOT, build_site
from htmlscan import scan_html

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_workflow_lints_clean():
    result = subprocess.run(
        [shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or "check-jsonschema",
         "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_uses_the_pages_artifact_flow():
    flow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert flow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert flow["concurrency"]["group"] == "pages"
    steps = [s.get("uses", "") for job in flow["jobs"].values() for s in job["steps"]]
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"):
        assert any(s.startswith(action) for s in steps), action
    deploy = flow["jobs"]["deploy"]
    assert deploy["environment"]["name"] == "github-pages" and deploy["needs"] == "build"
    runs = " ".join(s.get("run", "") for s in flow["jobs"]["build"]["steps"])
    assert "make test" in runs and "make site" in runs
    assert "SITE_URL" in str(flow["jobs"]["build"]["steps"])


def test_two_builds_are_byte_identical(tmp_path):
    env_url = {"SITE_URL": "https://example.org/briefings/"}
    os.environ.update(env_url)
    try:
        first, site_a = build_site(tmp_path / "a", FIXTURES / "good")
        time.sleep(1.1)  # a build that used the clock would now differ
        second, site_b = build_site(tmp_path / "b", FIXTURES / "good")
    finally:
        os.environ.pop("SITE_URL")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    files_a = sorted(p.relative_to(site_a) for p in site_a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(site_b) for p in site_b.rglob("*") if p.is_file())
    assert files_a == files_b
    different = [str(p) for p in files_a if (site_a / p).read_bytes() != (site_b / p).read_bytes()]
    assert different == []
    assert "<lastmod>2024-06-12</lastmod>" in (site_a / "sitemap.xml").read_text(encoding="utf-8")


def test_every_internal_link_and_anchor_resolves(seed_site):
    ids: dict[Path, set[str]] = {}
    pages = sorted(seed_site.rglob("*.html"))

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {a["id"] for _, a in scan_html(path.read_text(encoding="utf-8")).tags if a.get("id")}
        return ids[path]

    broken, checked = [], 0
    for page in pages:
        for tag, attrs in scan_html(page.read_text(encoding="utf-8")).tags:
            href = attrs.get("href") if tag in ("a", "link") else attrs.get("src") if tag in ("script", "img") else None
            if not href or re.match(r"[a-z]+:|//", href):
                continue
            parts = urlsplit(href)
            base = seed_site if parts.path.startswith("/") else page.parent  # 404.html links from the root
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(seed_site)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in ids_of(target):
                broken.append(f"{page.relative_to(seed_site)} -> {href} (no anchor)")
    assert checked > 200
    assert broken == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_live_preview_shows_an_edited_seed(tmp_path):
    project = tmp_path / "project"
    for folder in ("docs", "templates", "overrides"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    seeds = project / "seeds"
    seeds.mkdir()
    seed = seeds / "story.txt"
    seed.write_text("date 2025-05-01 Live Preview Story\n\nInitrode announced a first version.\n", encoding="utf-8")
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    url = f"http://127.0.0.1:{port}/briefings/2025-05-01-live-preview-story/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert "first version" in _fetch(url)
                break
            except (OSError, AssertionError):
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("mkdocs serve did not serve the briefing")
                time.sleep(0.5)
        seed.write_text("date 2025-05-01 Live Preview Story\n\nInitrode announced a second version.\n", encoding="utf-8")
        deadline = time.monotonic() + 60
        while "second version" not in _fetch(url):
            if time.monotonic() > deadline:
                pytest.fail("the edited seed was not served")
            time.sleep(0.5)
        assert not list((project / "docs").rglob("briefings"))  # nothing written into docs/
    finally:
        server.terminate()
        server.wait(timeout=10)


def _visible_words(markdown: str) -> list[str]:
    import re

    text = re.sub(r"^---.*?---", "", markdown, flags=re.S)
    text = re.sub(r"<svg.*?</svg>", " ", text, flags=re.S)  # the graph's text repeats the list beside it
    text = re.sub(r"\[(?:¶|heading |caption )\d+\]\([^)]*\)|\[source\]\([^)]*\)", " ", text)  # citations
    text = re.sub(r"<a [^>]*>(?:¶|heading |caption )\d+</a>|<a [^>]*>source</a>", " ", text)  # citations written as HTML
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>|&#\d+;", " ", text)
    return re.findall(r"\w+(?:['’-]\w+)*", text)


def test_the_seed_briefing_is_shorter_than_its_article_and_says_nothing_twice():
    import re
    from collections import Counter

    from conftest import ROOT
    from generator.settings import Settings
    from generator.site import generate

    generated = generate(Settings(seeds_dir=ROOT / "seeds", templates_dir=ROOT / "templates", workers=1))
    page = next(p.markdown for p in generated.pages if p.path.startswith("briefings/2") and p.path.endswith(".md"))
    briefing = page.split("## Source {#source}")[0]  # without the source, its citation and the source text
    article = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8").split("\n", 1)[1]
    title = page.split("\n# ", 1)[1].split("\n", 1)[0]
    assert len(_visible_words(briefing)) < len(_visible_words(title + " " + article))
    sentences = [s.strip(" -*|") for s in re.split(r"(?<=[.!?])\s+|\n", " ".join(_visible_words_keep(briefing)))]
    repeated = [s for s, n in Counter(s for s in sentences if len(s.split()) >= 8).items() if n > 1]
    assert repeated == []


def _visible_words_keep(markdown: str) -> list[str]:
    """The page's lines with citations and markup removed (sentences kept whole)."""
    import re

    text = re.sub(r"<svg.*?</svg>", " ", markdown, flags=re.S)
    text = re.sub(r"\[(?:¶|heading |caption )\d+\]\([^)]*\)", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return [re.sub(r"<[^>]+>|[\[\]*|]", " ", line) for line in text.splitlines()]
