import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
EVAL = Path(os.environ.get("BRIEFINGS_EVAL", ROOT.parent / "shared" / "eval"))
SEED = ROOT / "seeds" / "000_a9c78bbd88a0efaa.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
NO_EVAL = os.environ.get("BRIEFINGS_NO_EVAL", "") == "1"
"""Set where ../shared/eval cannot be (the Pages workflow): its tests skip even in CI."""


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_goldens(request):
    return request.config.getoption("--update-goldens")


def require(condition: bool, reason: str, eval_data: bool = False):
    """Skip on a developer machine without the resource; in CI a missing resource fails."""
    if not condition:
        if IN_CI and not (eval_data and NO_EVAL):
            pytest.fail(f"required in CI: {reason}")
        pytest.skip(reason)


HANG = 600
"""Seconds after which a command counts as hung (a guard against a blocking read, not a
measure of speed: a healthy run takes a few seconds)."""


def run_briefing(*args, cwd=ROOT, check=False):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], cwd=cwd, env=env, capture_output=True, text=True, timeout=HANG)
    if check and result.returncode != 0:
        raise AssertionError(result.stderr)
    return result


def build_site(tmp: Path, seeds: Path, strict: bool = True, **plugin_options) -> tuple[subprocess.CompletedProcess, Path]:
    """A real MkDocs build of the project's mkdocs.yml with the given seeds (and options of
    the briefings plugin), into tmp."""
    project = make_project(tmp, **plugin_options)
    return build_project(project, seeds, tmp / "site", strict)


def build_project(project: Path, seeds: Path, site: Path, strict: bool = True) -> tuple[subprocess.CompletedProcess, Path]:
    args = ["build", "--seeds", seeds, "--site-dir", site, "-f", project / "mkdocs.yml"]
    result = run_briefing(*args, *(["--strict"] if strict else []), cwd=project)
    return result, site


def make_project(tmp: Path, **plugin_options) -> Path:
    """A copy of the project's docs, templates, overrides and mkdocs.yml (with the given
    options of the briefings plugin) in ``tmp/project``."""
    project = tmp / "project"
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    anchor = "      templates_dir: templates\n"
    assert anchor in config
    for key, value in plugin_options.items():
        line = f"      {key}: {value}\n"
        config, found = re.subn(rf"^      {key}: .*\n", line, config, flags=re.MULTILINE)
        if not found:
            config = config.replace(anchor, anchor + line)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The site built from the project's own seeds/ (one build for the session)."""
    tmp = tmp_path_factory.mktemp("seed-site")
    result, site = build_site(tmp, ROOT / "seeds")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture
def own_build_date(monkeypatch):
    """For a build run in this process: the plugin sets SOURCE_DATE_EPOCH from its corpus
    (as in a real build), and it is removed afterwards, so that it does not leak into the
    builds of later tests."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # records the variable's state, to restore
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
