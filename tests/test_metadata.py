"""Seed metadata against its declared schema: every rule gives a message with the file, the
line of the key or value at fault, the key's dotted name and what is accepted."""

import json
import re

import hypothesis
import jsonschema
import pytest

from generator.model import SeedError
from generator.read.metadata import SCHEMA, normalize, parse_metadata
from conftest import ROOT

CASES = [
    ("[1, 2]", 1, "metadata must be a mapping of keys: title, date, source, tags, overrides"),
    ("title: ok\ntitel: typo", 2, "unknown key 'titel'; accepted: title, date, source, tags, overrides"),
    ("title: ''", 1, "'title' must be a non-empty string, found ''"),
    ("title: 2024", 1, "'title' must be a non-empty string"),
    ("date: March 3", 1, "'date' must be a calendar date YYYY-MM-DD, found 'March 3'"),
    ("date: 2023-02-29", 1, "invalid date '2023-02-29' (day is out of range for month); accepted: a calendar date YYYY-MM-DD"),
    ("source: [a]", 1, "'source' must be a mapping with keys publisher, url, author, image_credit, fetched, fetched_from"),
    ("source:\n  publisher: X\n  site: Y", 3, "unknown key 'source.site'; accepted: publisher, url, author, image_credit, fetched, fetched_from"),
    ("source:\n  url: javascript:alert(1)", 2, "'source.url' must be an http:// or https:// URL, found 'javascript:alert(1)'"),
    ("source:\n  author: '  '", 2, "'source.author' must be a non-empty string, found '  '"),
    ("source:\n  fetched: 2025-03-04 08:30", 2, "'source.fetched' must be the time the page was fetched, in UTC: YYYY-MM-DDTHH:MM:SSZ, found '2025-03-04 08:30'"),
    ("source:\n  publisher: X\n  fetched: 2025-02-30T08:30:00Z", 3, "'source.fetched' is not a real time '2025-02-30T08:30:00Z' (day is out of range for month); accepted: YYYY-MM-DDTHH:MM:SSZ"),
    ("tags: {a: 1}", 1, "'tags' must be a list of strings"),
    ("tags: [ok, [nested]]", 1, "'tags[2]' must be a tag: a string"),
    ("overrides: yes", 1, "'overrides' must be a mapping with keys summary, actors, notes"),
    ("overrides:\n  sumary: []", 2, "unknown key 'overrides.sumary'; accepted: summary, actors, notes"),
    ("overrides:\n  summary: []", 2, "'overrides.summary' must be a list of {text: ..., paragraph: p<n>}"),
    ("overrides:\n  summary:\n    - {text: A., paragraph: 3}", 3, "'overrides.summary[1].paragraph' must be a body paragraph id p<n>"),
    ("overrides:\n  summary:\n    - {text: A.}", 3, "'overrides.summary[1]' must be a point {text: ..., paragraph: p<n>} citing a body paragraph"),
    ("overrides:\n  actors: [Acme]", 2, "'overrides.actors' must map actor names to {rename, type, role, drop, merge_into}"),
    ("overrides:\n  actors:\n    Acme: drop", 3, "'overrides.actors.'Acme'' must be a mapping with keys rename, type, role, drop, merge_into, found 'drop'"),
    ("overrides:\n  actors:\n    Acme:\n      typ: brand", 4, "unknown key 'overrides.actors.'Acme'.typ'; accepted: rename, type, role, drop, merge_into"),
    ("overrides:\n  actors:\n    Acme:\n      type: company", 4, "'overrides.actors.'Acme'.type' must be one of person, organization, place, brand, event, other, found 'company'"),
    ("overrides:\n  actors:\n    Acme:\n      drop: maybe", 4, "'overrides.actors.'Acme'.drop' must be true or false, found 'maybe'"),
    ("overrides:\n  notes: ''", 2, "'overrides.notes' must be a non-empty string, found ''"),
]


@pytest.mark.parametrize("text, line, message", CASES, ids=[c[2][:40] for c in CASES])
def test_each_rule_of_the_schema_is_a_clear_message(tmp_path, text, line, message):
    path = tmp_path / "seed.txt.yml"
    with pytest.raises(SeedError) as caught:
        parse_metadata(path, text, first_line=1)
    assert (caught.value.problem.line, caught.value.problem.message) == (line, message)


def test_valid_metadata_becomes_model_values(tmp_path):
    meta = parse_metadata(tmp_path / "s.yml", "title: '  A  title '\ndate: 2024-02-29\nsource: Wire\ntags: [autos, 7, autos]\noverrides:\n  actors:\n    Acme: {type: brand, drop: false}\n  notes: Unconfirmed.\n", 1)
    assert meta.title == "A title" and meta.date.isoformat() == "2024-02-29" and meta.source.publisher == "Wire"
    assert meta.tags == ("autos", "7")
    assert [(a.name, a.line, a.type) for a in meta.overrides.actors] == [("Acme", 7, "brand")]
    assert meta.overrides.notes == "Unconfirmed."


def test_the_schema_is_valid_and_published_with_the_site(seed_site):
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    published = json.loads((seed_site / "seed-metadata.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads((ROOT / "generator" / "schema" / "seed-metadata.schema.json").read_text(encoding="utf-8"))


@hypothesis.given(hypothesis.strategies.text())
def test_normalize_folds_every_run_of_white_space_as_the_regex_does(text):
    assert normalize(text) == re.sub(r"\s+", " ", text).strip()
