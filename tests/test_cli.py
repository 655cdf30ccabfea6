"""The command line: check, analyze --json (with its schema), render --out."""

import json

import jsonschema

from generator.read.seeds import find_seed_files
from conftest import FIXTURES, ROOT, SEED, run_briefing

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
