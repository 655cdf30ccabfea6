"""The command line: check, analyze --json (with its schema), render --out."""

import json

import jsonschema

from generator.read.seeds import find_seed_files
from conftest import FIXTURES, ROOT, SEED, make_project, run_briefing

SCHEMA = json.loads((ROOT / "generator" / "schema" / "briefing.schema.json").read_text())


def test_check_lists_every_bad_seed_as_path_line_message():
    result = run_briefing("check", "--seeds", FIXTURES / "bad")
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == len(find_seed_files(FIXTURES / "bad"))
    assert any(line.endswith("invalid_date.txt:1: invalid date '2025-13-40' (month must be in 1..12); accepted: a calendar date YYYY-MM-DD") for line in lines)
    assert any("no_header.txt:1: expected a header line" in line for line in lines)


def test_check_passes_good_seeds():
    result = run_briefing("check", "--seeds", ROOT / "seeds")
    assert result.returncode == 0, result.stdout


def test_analyze_json_follows_the_schema():
    result = run_briefing("analyze", SEED, FIXTURES / "good", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [d["title"] for d in data][0].startswith("Huawei Takes Major Leap")
    assert len(data) == 5
    for item in data:
        jsonschema.validate(item, SCHEMA)
    seed = data[0]
    p2 = next(p for p in seed["paragraphs"] if p["id"] == "p2")
    nov = next(e for e in seed["timeline"] if e["date"] == "2025-11-20")
    assert p2["text"][nov["start"] : nov["end"]] == "November 20"
    assert {"id": "h1", "kind": "heading", "text": "Huawei’s Expanding Automotive Strategy"} in seed["paragraphs"]


def test_render_writes_pages_into_the_folder_only(tmp_path):
    out = tmp_path / "out"
    result = run_briefing("render", "--out", out, "--seeds", ROOT / "seeds")
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert "index.md" in written and "timeline.md" in written
    assert any(w.startswith("briefings/2025-11-24-") for w in written)
    assert not list(out.rglob("*.tmp"))


def test_render_writes_the_whole_docs_folder_for_an_engine_without_the_plugin(tmp_path):
    """Beside the generated pages, the docs folder's own files (all but index.md, the home
    intro; hidden ones skipped), byte for byte: what Zensical builds as it is."""
    project = make_project(tmp_path)
    (project / "docs" / "img").mkdir()
    (project / "docs" / "img" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    (project / "docs" / ".notes.md").write_text("private\n", encoding="utf-8")
    out = project / "rendered"
    result = run_briefing("render", "--out", out, "--seeds", ROOT / "seeds", "-f", project / "mkdocs.yml", cwd=project)
    assert result.returncode == 0, result.stderr
    for name in ("about.md", "benchmarks.md", "stylesheets/briefings.css", "img/logo.png"):
        assert (out / name).read_bytes() == (project / "docs" / name).read_bytes(), name
    assert not (out / ".notes.md").exists()
    home = (out / "index.md").read_text(encoding="utf-8")
    assert "Latest briefings" in home and home != (project / "docs" / "index.md").read_text(encoding="utf-8")
    again = run_briefing("render", "--out", out, "--seeds", ROOT / "seeds", "-f", project / "mkdocs.yml", cwd=project)
    assert again.returncode == 0, again.stderr  # its own copies are overwritten


def test_render_refuses_a_hand_written_page_at_a_generated_path(tmp_path):
    project = make_project(tmp_path)
    (project / "docs" / "timeline.md").write_text("# Mine\n", encoding="utf-8")
    result = run_briefing("render", "--out", project / "rendered", "--seeds", ROOT / "seeds", "-f", project / "mkdocs.yml", cwd=project)
    assert result.returncode == 1
    assert "timeline.md of the docs folder has the path of a generated page" in result.stderr
    assert not (project / "rendered").exists()
