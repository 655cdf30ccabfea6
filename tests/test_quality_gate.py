"""Quality gate: pinned floors for the analysis on ../shared/eval (dev splits).

Raising a floor after an improvement is an ordinary edit. Lowering one is a deliberate,
visible decision: say why in the commit. The whole dev data runs (about 6 s), so there
is no sampling. Beside the floors, each target of issue 3 is asserted on its own.
"""

import pytest

from evaluation import tasks as evaluate
from conftest import EVAL, require

FLOORS = {
    "entities typed F1": 0.725,
    # Once lowered from 0.830 on purpose: keeping a sentence-initial brand ("Huawei said ...",
    # "Tesla Inc. exported ...", zipf < 3.8) costs 0.003 here but is right on real news.
    # Raised to 0.875 when lines of results stopped being read as headings.
    "entities untyped F1": 0.875,
    # Raised from 0.925 / 0.91 when dates learned spoken years, business periods ("for the
    # full year", "by year-end"), decades in words and the tense of a month's clause
    # (issue 16): the dev split then scored 0.948 / 0.925. Raised again from 0.945 / 0.92
    # when they learned anaphoric dates, fiscal quarters, the quarter last reported on, a
    # plan in the present tense and times of day (TIME, not DATE): 0.961 / 0.936. Value
    # raised from 0.934 when a day right after a past verb ("ended Oct. 31") became the one
    # past, "through January" the nearer one and "last year" beside a year-long period the
    # year: 0.961 / 0.942. Value raised from 0.939 when the last dev misses were read one by one
    # and nine classes of them fixed (the tense of a clause, a quarterly report's comparisons,
    # a quarter in apposition): 0.961 / 0.953; the 40 left are annotation errors or values the
    # gold gives both ways, counted by class in the message of the commit that raised it
    "timex detection F1": 0.958,
    "timex value accuracy": 0.950,
    # Raised from 42.1 / 19.7 / 38.2 when sentences were scored by centrality times position
    # (issue 16): the dev split then scored 42.92 / 20.69 / 39.18
    "summary rouge1 F1 (x100)": 42.9,
    "summary rouge2 F1 (x100)": 20.6,
    "summary rougeLsum F1 (x100)": 39.1,
    # Reuters wire stories (issue 14): pinned where the actors analysis reached them
    "actors precision": 0.93,
    "actors recall": 0.96,
    "actors type accuracy": 0.93,
    "actors cluster f1": 0.97,
    # Reuters key figures (issue 16)
    "figures precision": 0.98,
    "figures recall": 0.98,
    "figures value acc": 0.98,
    "figures measures acc": 0.98,
    # Reuters storylines (issue 17): 23 of 24 in their story; the one left out is three lines
    "stories pair f1": 0.95,
    "stories pair precision": 1.0,
    # BBC business roles and relations (issue 15): pinned just below the dev split's
    # 1.000 / 0.685 and 0.891 / 0.605 / 0.721
    "roles short": 0.99,
    "roles accuracy": 0.70,
    "relations precision": 0.88,
    "relations recall": 0.60,
    "relations F1": 0.71,
}
CEILINGS = {  # rates of errors: may not rise above
    "actors junk rate": 0.07,
    "actors split rate": 0.05,
    "actors wrong merges": 0,
    "figures range error rate": 0.0,
}


@pytest.fixture(scope="module")
def eval_dir():
    require((EVAL / "entities" / "dev" / "gold.jsonl").is_file(), f"{EVAL} is missing", eval_data=True)
    return EVAL


def scores_of(results):
    return {s.name: s for s in results}


def check_floors(scores):
    for name, floor in FLOORS.items():
        if name in scores:
            assert scores[name].value >= floor, f"{name} fell to {scores[name].value:.3f} (floor {floor})"
    for name, ceiling in CEILINGS.items():
        if name in scores:
            assert scores[name].value <= ceiling, f"{name} rose to {scores[name].value:.3f} (ceiling {ceiling})"


def test_entities(eval_dir):
    scores = scores_of(evaluate.evaluate_entities(eval_dir / "entities" / "dev"))
    check_floors(scores)
    assert scores["entities untyped F1"].value >= 0.82  # the target


def test_entities_typed_target(eval_dir):
    scores = scores_of(evaluate.evaluate_entities(eval_dir / "entities" / "dev"))
    assert scores["entities typed F1"].value >= 0.70


def test_timex(eval_dir):
    scores = scores_of(evaluate.evaluate_timex(eval_dir / "timex" / "dev"))
    check_floors(scores)
    assert scores["timex detection F1"].value >= 0.80
    assert scores["timex value accuracy"].value >= 0.85


def test_summaries_beat_lead3(eval_dir):
    scores = scores_of(evaluate.evaluate_summaries(eval_dir / "summaries" / "dev"))
    check_floors(scores)
    for score in scores.values():
        # issue 16: 0.5 above Lead-3 on held-out, so a margin of 0.8 here
        assert score.value >= score.baseline + 0.8, f"{score.name} {score.value:.2f} is not 0.8 above Lead-3 {score.baseline:.2f}"


def test_actors_on_reuters_stories(eval_dir):
    from conftest import ROOT

    require((eval_dir / "reuters" / "score_actors.py").is_file(), "reuters dev set missing", eval_data=True)
    scores = scores_of(evaluate.evaluate_actors(eval_dir / "reuters" / "dev", ROOT / "templates"))
    check_floors(scores)
    assert all(scores[name].met for name in scores if name.split(" (")[0] in FLOORS or name in CEILINGS)


def test_figures_on_reuters_stories(eval_dir):
    require((eval_dir / "reuters" / "score_figures.py").is_file(), "reuters dev set missing", eval_data=True)
    check_floors(scores_of(evaluate.evaluate_figures(eval_dir / "reuters" / "dev")))


def test_seed(eval_dir):
    from conftest import ROOT

    for score in evaluate.evaluate_seed(eval_dir / "seed", ROOT / "seeds"):
        assert score.value == 1.0, score.name


def test_the_gate_can_fail():
    """A floor above the achievable fails: the gate is not vacuous."""
    fake = {"entities typed F1": evaluate.Score("entities typed F1", 0.5)}
    with pytest.raises(AssertionError):
        check_floors(fake)
    with pytest.raises(AssertionError):
        check_floors({"actors junk rate": evaluate.Score("actors junk rate", 0.2)})


def test_stories_on_reuters_stories(eval_dir):
    from conftest import ROOT

    require((eval_dir / "reuters" / "score_stories.py").is_file(), "reuters dev set missing", eval_data=True)
    check_floors(scores_of(evaluate.evaluate_stories(eval_dir / "reuters" / "dev", ROOT / "templates")))


def test_roles_and_relations_on_bbc_business(eval_dir):
    require((eval_dir / "roles" / "score.py").is_file(), "roles dev set missing", eval_data=True)
    scores = scores_of(evaluate.evaluate_roles(eval_dir / "roles" / "dev"))
    check_floors(scores)
    assert scores["relations precision"].value >= 0.75  # precision first (issue 15)
