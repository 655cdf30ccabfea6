"""Golden files: the rendered Markdown of the fixture seeds. Regenerate: `make golden`."""

from pathlib import Path

import pytest

from generator.settings import Settings
from generator.site import generate
from conftest import FIXTURES, ROOT

GOLDEN = Path(__file__).parent / "golden"
CASES = {"seed": ROOT / "seeds", "fixtures": FIXTURES / "good"}


@pytest.mark.parametrize("case", sorted(CASES))
def test_rendered_pages_match_golden(case, update_goldens):
    generated = generate(Settings(seeds_dir=CASES[case], templates_dir=ROOT / "templates", home_intro="# Home\n"))
    folder = GOLDEN / case
    expected = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()
    if update_goldens:
        for page in generated.pages:
            target = folder / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        for stale in expected - {p.path for p in generated.pages}:
            (folder / stale).unlink()
        return
    assert {p.path for p in generated.pages} == expected, "pages differ: run `make golden` and review the diff"
    for page in generated.pages:
        assert page.markdown == (folder / page.path).read_text(encoding="utf-8"), f"{case}/{page.path} differs: run `make golden` and review"


def test_output_is_deterministic():
    settings = Settings(seeds_dir=FIXTURES / "good", templates_dir=ROOT / "templates")
    assert generate(settings) == generate(settings)


def test_output_does_not_depend_on_where_the_seeds_are(tmp_path):
    import shutil

    outputs = []
    for place in ("one", "two/deeper"):
        seeds = tmp_path / place / "seeds"
        shutil.copytree(FIXTURES / "hostile", seeds)  # holds two articles with one title
        outputs.append(generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates")).pages)
    assert outputs[0] == outputs[1]
