"""Faults and hostile files in a seeds folder: each named, each asserting how the build
exits, that the good articles are all there, that the bad file is named with its reason,
that nothing outside the site folder was written and nothing outside the seeds folder read.

The static cases are files in ``fixtures/faults/``; links, pipes, sockets and folders
named like seeds cannot live in git, so ``fault_seeds`` makes them in a temporary folder.
"""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from generator.analyze import briefing as analysis
from generator.model import SeedProblem
from generator.read.seeds import read_seeds
from generator.settings import Settings
from generator.site import build_epoch, generate
from conftest import FIXTURES, ROOT, build_project, make_project

FAULTS = FIXTURES / "faults"
SECRET = "SECRETZQX"
GOOD = {  # seed file -> the slug of its briefing page
    "good_article.txt": "2025-03-09-a-good-article",
    "quarter_without_year.txt": "2025-03-04-acme-profits-rose-in-q3",
    "date_far_future.txt": "2205-01-01-a-date-far-in-the-future",
    "date_far_past.txt": "0001-01-01-a-date-far-in-the-past",
    "date_end_of_calendar.txt": "9999-12-31-the-last-day-of-the-calendar",
}
EVIL_NAME = "evil\n\x1b[31mname.txt"
BAD = {  # entry of the seeds folder -> what the message says of it
    "front_matter_impossible_date.md:3": "invalid date '2023-02-29' (day is out of range for month); accepted: a calendar date YYYY-MM-DD",
    "sidecar_impossible_date.txt.yml:2": "invalid date '2023-02-29' (day is out of range for month)",
    "sidecar_alias_bomb.txt.yml:1": "YAML anchors and aliases (&name, *name) are not accepted in metadata",
    "sidecar_deep_nesting.txt.yml:1": "metadata nested deeper than 8 levels",
    "sidecar_huge.txt.yml": "file is 200,0",
    "sidecar_many_values.txt.yml:1": "metadata has more than 20,000 YAML values",
    "pipe.txt": "is a FIFO (named pipe), not a regular file; skipped",
    "fifo_sidecar.txt.yml": "sidecar is a FIFO (named pipe), not a regular file; skipped",
    "socket.txt": "is a socket, not a regular file; skipped",
    "folder.txt": "is a folder, not a regular file; skipped",
    "link_to_secret.txt": "is a symbolic link; not followed",
    "shadow.txt": "is a symbolic link; not followed",
    "linked_sidecar.txt.yml": "sidecar is a symbolic link; not followed",
    "linked_folder": "is a symbolic link; not followed",
    "evil\\n\\x1b[31mname.txt:1": "expected a header line",
}


def fault_seeds(tmp: Path) -> Path:
    """The fault fixtures plus the entries git cannot hold, and a secret outside the folder."""
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"date 2025-01-01 {SECRET} title\n\n{SECRET} body said Acme Corp.\n", encoding="utf-8")
    (outside / "secret.yml").write_text(f"title: {SECRET} sidecar\n", encoding="utf-8")
    seeds = tmp / "seeds"
    shutil.copytree(FAULTS, seeds)
    os.mkfifo(seeds / "pipe.txt")
    (seeds / "fifo_sidecar.txt").write_text("date 2025-03-10 Fifo sidecar\n\nEta Corp said so.\n", encoding="utf-8")
    os.mkfifo(seeds / "fifo_sidecar.txt.yml")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(seeds / "socket.txt"))
    (seeds / "folder.txt").mkdir()
    (seeds / "link_to_secret.txt").symlink_to(outside / "secret.txt")
    (seeds / "shadow.txt").symlink_to("/etc/shadow")
    (seeds / "linked_sidecar.txt").write_text("date 2025-03-11 Linked sidecar\n\nTheta Corp said so.\n", encoding="utf-8")
    (seeds / "linked_sidecar.txt.yml").symlink_to(outside / "secret.yml")
    (seeds / "linked_folder").symlink_to(outside, target_is_directory=True)
    (seeds / EVIL_NAME).write_text("not a header\n\nbody\n", encoding="utf-8")
    (seeds / "sidecar_huge.txt").write_text("date 2025-03-12 Huge sidecar\n\nIota Corp said so.\n", encoding="utf-8")
    (seeds / "sidecar_huge.txt.yml").write_text("tags: [" + "x" * 200_000 + "]\n", encoding="utf-8")
    (seeds / "sidecar_many_values.txt").write_text("date 2025-03-13 Many values\n\nKappa Corp said so.\n", encoding="utf-8")
    (seeds / "sidecar_many_values.txt.yml").write_text("tags: [" + ",".join("x" * 25_000) + "]\n", encoding="utf-8")
    return seeds


def snapshot(root: Path, *excluded: Path) -> dict:
    """Every path under ``root`` but the excluded, with the time and size of each file
    (a folder's own time changes when a new entry, such as the cache, appears in it)."""
    return {
        p: None if p.is_dir() and not p.is_symlink() else (p.lstat().st_mtime_ns, p.lstat().st_size)
        for p in root.rglob("*")
        if not any(p == e or e in p.parents for e in excluded)
    }


@pytest.fixture(scope="module")
def faults(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("faults")
    seeds = fault_seeds(tmp)
    project = make_project(tmp)
    before = snapshot(tmp)
    result, site = build_project(project, seeds, tmp / "site", strict=False)
    strict, _ = build_project(project, seeds, tmp / "strict-site", strict=True)
    after = snapshot(tmp, site, tmp / "strict-site", project / ".cache")
    return tmp, seeds, (before, after), result, site, strict


def test_the_build_succeeds_with_every_good_article(faults):
    _, _, _, result, site, _ = faults
    assert result.returncode == 0, result.stderr
    built = sorted(p.parent.name for p in (site / "briefings").glob("*/index.html"))
    assert built == sorted(GOOD.values())


@pytest.mark.parametrize("entry", sorted(BAD))
def test_each_bad_file_is_named_with_its_reason(faults, entry):
    _, seeds, _, result, _, strict = faults
    for output in (result.stderr, strict.stderr):
        lines = [line for line in output.splitlines() if f"{seeds}/{entry}: " in line]
        assert lines, f"{entry} is not named in:\n{output[-3000:]}"
        assert BAD[entry] in lines[0]


def test_strict_fails_listing_every_bad_file(faults):
    _, _, _, _, _, strict = faults
    assert strict.returncode == 1
    assert sum("Skipped seed" in line for line in strict.stderr.splitlines()) == len(BAD)


def test_nothing_outside_the_seeds_folder_is_read_or_printed(faults):
    tmp, _, _, result, site, strict = faults
    for output in (result.stderr, result.stdout, strict.stderr):
        assert SECRET not in output and str(tmp / "outside") not in output and "/etc/shadow" not in output
    for page in site.rglob("*"):
        if page.is_file():
            assert SECRET.encode() not in page.read_bytes(), page


def test_nothing_outside_the_site_folder_is_written(faults):
    """Seeds, the secret, docs/, templates/, mkdocs.yml: as they were (the analysis cache
    beside mkdocs.yml is the only other folder a build writes)."""
    _, _, (before, after), _, _, _ = faults
    assert len(before) > 30 and after == before


def test_a_control_character_in_a_file_name_is_printed_escaped(faults):
    _, _, _, result, _, _ = faults
    assert "evil\\n\\x1b[31mname.txt" in result.stderr
    assert "\x1b" not in result.stderr


def test_far_dates_are_accepted_and_the_build_date_is_clamped():
    assert build_epoch(None) == 0
    import datetime as dt

    assert build_epoch(dt.date(1, 1, 1)) == 0
    assert build_epoch(dt.date(9999, 12, 31)) == 2**32 - 1
    assert build_epoch(dt.date(2025, 1, 2)) == 1735776000


# -- a bug not found yet stays one article's ---------------------------------------------


def _failing_analyze(original):
    def analyze(article, slug=""):
        if "good article" in article.title:
            raise RuntimeError("simulated analyzer bug")
        return original(article, slug)

    return analyze


def test_an_unexpected_analysis_failure_is_that_articles_problem(monkeypatch, tmp_path):
    monkeypatch.setattr(analysis, "analyze", _failing_analyze(analysis.analyze))
    generated = generate(Settings(seeds_dir=FAULTS, templates_dir=ROOT / "templates"))
    failed = [p for p in generated.problems if p.path.name == "good_article.txt"]
    assert len(failed) == 1
    assert failed[0].message.startswith("analysis failed (RuntimeError: simulated analyzer bug); the article is skipped")
    assert "Traceback" in failed[0].detail and "Traceback" not in str(failed[0])
    pages = {p.path for p in generated.pages}
    assert f"briefings/{GOOD['quarter_without_year.txt']}.md" in pages
    assert f"briefings/{GOOD['good_article.txt']}.md" not in pages


def test_an_unexpected_failure_in_a_worker_process_is_that_articles_problem(monkeypatch, tmp_path):
    monkeypatch.setattr(analysis, "analyze", _failing_analyze(analysis.analyze))
    for i in range(analysis.PARALLEL_MIN):
        name = "good_article" if i == 0 else f"other_{i}"
        title = "A good article" if i == 0 else f"Other article {i}"
        (tmp_path / f"{name}.txt").write_text(f"date 2025-03-09 {title}\n\nAcme Corp said on Tuesday it sold {i} cars.\n", encoding="utf-8")
    corpus = read_seeds(tmp_path)
    briefings, problems = analysis.analyze_all(corpus.articles, workers=2)
    assert len(briefings) == analysis.PARALLEL_MIN - 1
    assert [p.path.name for p in problems] == ["good_article.txt"]


def test_an_unexpected_reading_failure_is_that_seeds_problem(monkeypatch):
    from generator.read import seeds as reader

    original = reader.read_seed
    monkeypatch.setattr(reader, "read_seed", lambda path, limits: (_ for _ in ()).throw(MemoryError()) if path.name == "good_article.txt" else original(path, limits))
    corpus = read_seeds(FAULTS)
    assert any(p.path.name == "good_article.txt" and p.message.startswith("reading failed (MemoryError)") for p in corpus.problems)
    assert any(a.path.name == "quarter_without_year.txt" for a in corpus.articles)


BUGGY_CHECK = """
import sys
from generator.analyze import briefing as analysis
original = analysis.analyze
def analyze(article, slug=""):
    if "good article" in article.title:
        raise RuntimeError("simulated analyzer bug")
    return original(article, slug)
analysis.analyze = analyze
from generator.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("flags", [(), ("--debug",)])
def test_no_traceback_reaches_the_user_unless_asked(flags):
    result = subprocess.run(
        [sys.executable, "-c", BUGGY_CHECK, "check", "--seeds", str(FAULTS), *flags], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "good_article.txt: analysis failed (RuntimeError: simulated analyzer bug)" in result.stdout
    assert ("Traceback" in result.stderr) == bool(flags)


def test_check_on_a_missing_folder_fails_with_a_message():
    result = subprocess.run([sys.executable, "-m", "generator.cli", "check", "--seeds", "/does/not/exist"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == "briefing check: seeds folder /does/not/exist does not exist"


def test_evaluate_exits_non_zero_below_a_target(monkeypatch, tmp_path, capsys):
    from evaluation import tasks as evaluate
    from generator import cli

    monkeypatch.setattr(evaluate, "evaluate_timex", lambda folder, limit: (evaluate.Score("timex F1", 0.5, target=0.8),))
    assert cli.main(["evaluate", "timex", str(tmp_path)]) == 1
    assert "1 score(s) below target" in capsys.readouterr().err
    monkeypatch.setattr(evaluate, "evaluate_timex", lambda folder, limit: (evaluate.Score("timex F1", 0.9, target=0.8),))
    assert cli.main(["evaluate", "timex", str(tmp_path)]) == 0


def test_problem_names_escape_control_characters():
    problem = SeedProblem(Path("seeds") / "a\nINFO - forged\u202e.txt", 3, "bad \x1b[2J")
    assert str(problem) == "seeds/a\\nINFO - forged\\u202e.txt:3: bad \\x1b[2J"


def test_a_long_build_reports_its_progress():
    from generator.plugin import ProgressLog

    lines, now = [], [0.0]

    class Logger:
        def info(self, message, *args):
            lines.append(message % args)

    progress = ProgressLog(minimum=100, clock=lambda: now[0], logger=Logger())
    for done in range(1, 1001):
        now[0] = done * 0.001 if done < 500 else 100 + done * 1.0  # a second an article after half way
        progress("analyze", done, 1000)
    progress("read", 5, 10)  # a small stage: silent
    assert lines[0] == "Briefings: analyze 100/1,000 (10%)" and lines[-1] == "Briefings: analyze 1,000/1,000 (100%)"
    assert len(lines) > 10  # every 10%, and every 10 s once it slows down
    assert not any("read" in line for line in lines)
