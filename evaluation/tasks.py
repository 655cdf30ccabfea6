"""Quality of the analysis on human-annotated data (formats: ../shared/eval/README.md).

Runs the same analyzers the site uses and scores them as the eval README defines:
summaries by ROUGE beside Lead-3, entities by exact-span micro F1, timex by overlap
detection F1 and value accuracy, and the seed against its expected file.
Documents are taken in sorted order; ``limit`` keeps the first N (a deterministic sample).
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from generator.analyze.actors import extract_actors, recognize
from generator.analyze.briefing import analyze
from generator.analyze.document import Document
from generator.analyze.summary import summarize
from generator.analyze.text import sentence_spans
from generator.analyze.timeline import find_document_dates
from generator.model import Article
from generator.read.seeds import read_seed

TYPE_TO_CONLL = {"person": "PER", "organization": "ORG", "place": "LOC"}
CALENDAR_VALUE = re.compile(r"\d{4}(-(\d{2}(-\d{2})?|Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI))?|\d{2,3}")


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    value: float
    baseline: float | None = None
    target: float | None = None
    lower_is_better: bool = False
    """For rates of errors (junk, splits, wrong merges): the target is a ceiling."""

    @property
    def met(self) -> bool:
        if self.target is None:
            return True
        return self.value <= self.target if self.lower_is_better else self.value >= self.target

    def line(self) -> str:
        parts = [f"{self.name:<28} {self.value:7.3f}"]
        if self.baseline is not None:
            parts.append(f"baseline {self.baseline:7.3f}")
        if self.target is not None:
            bound = "at most" if self.lower_is_better else "target"
            parts.append(f"{bound} {self.target:6.3f} {'ok' if self.met else 'BELOW' if not self.lower_is_better else 'ABOVE'}")
        return "  ".join(parts)


SUMMARY_MARGIN = 0.5
"""Issue 16: the summary beats Lead-3 by at least this many ROUGE points on each score."""


def _documents(folder: Path, limit: int | None) -> list[Path]:
    docs = sorted(p for p in folder.glob("*.txt") if not p.name.endswith(".highlights.txt"))
    return docs[:limit] if limit else docs


def _f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- summaries ------------------------------------------------------------------------------


def evaluate_summaries(folder: Path, limit: int | None = None) -> tuple[Score, ...]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    ours = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    lead = dict.fromkeys(ours, 0.0)
    docs = _documents(folder, limit)
    for path in docs:
        article = read_seed(path)
        gold = "\n".join(s.strip() for s in re.split(r"(?<= \.) ", path.with_name(path.stem + ".highlights.txt").read_text(encoding="utf-8")) if s.strip())
        document = Document.of(article)
        summary = "\n".join(p.text for p in summarize(document, extract_actors(document), count=3))
        lead3 = "\n".join(lead_sentences(article, 3))
        for key, value in scorer.score(gold, summary).items():
            ours[key] += value.fmeasure
        for key, value in scorer.score(gold, lead3).items():
            lead[key] += value.fmeasure
    n = len(docs) or 1
    return tuple(Score(f"summary {k} F1 (x100)", 100 * ours[k] / n, 100 * lead[k] / n, 100 * lead[k] / n + SUMMARY_MARGIN) for k in ours)


def lead_sentences(article: Article, count: int) -> list[str]:
    sentences = []
    for paragraph in article.body:
        sentences += [paragraph.text[s.start : s.end] for s in sentence_spans(paragraph.text)]
    return sentences[:count]


# -- entities -------------------------------------------------------------------------------


def predicted_entities(article: Article) -> set[tuple[int, int, int, str]]:
    """(paragraph index, start, end, CoNLL type) of every name the analysis recognizes
    (the actors' recognition layer: CoNLL counts datelines and nationalities too)."""
    index = {p.id: i for i, p in enumerate(article.paragraphs)}
    return {
        (index[m.paragraph], m.start, m.end, TYPE_TO_CONLL.get(actor.type, "MISC"))
        for actor in recognize(Document.of(article))
        for m in actor.mentions
    }


def evaluate_entities(folder: Path, limit: int | None = None) -> tuple[Score, ...]:
    gold_docs = {d["doc"]: d for d in map(json.loads, (folder / "gold.jsonl").read_text().splitlines())}
    typed = [0, 0, 0]  # tp, predicted, gold over PER/ORG/LOC
    untyped = [0, 0, 0]
    for path in _documents(folder, limit):
        gold = {(e["paragraph"], e["start"], e["end"], e["type"]) for e in gold_docs[path.stem]["entities"]}
        pred = predicted_entities(read_seed(path))
        g3 = {g for g in gold if g[3] != "MISC"}
        p3 = {p for p in pred if p[3] != "MISC"}
        typed[0] += len(g3 & p3)
        typed[1] += len(p3)
        typed[2] += len(g3)
        gu, pu = {g[:3] for g in gold}, {p[:3] for p in pred}
        untyped[0] += len(gu & pu)
        untyped[1] += len(pu)
        untyped[2] += len(gu)
    tp, tr, tf = _f1(*typed)
    up, ur, uf = _f1(*untyped)
    return (
        Score("entities typed precision", tp),
        Score("entities typed recall", tr),
        Score("entities typed F1", tf, 0.59, 0.70),
        Score("entities untyped precision", up),
        Score("entities untyped recall", ur),
        Score("entities untyped F1", uf, 0.65, 0.82),
    )


# -- timex ------------------------------------------------------------------------------------


def evaluate_timex(folder: Path, limit: int | None = None) -> tuple[Score, ...]:
    gold_docs = {d["doc"]: d for d in map(json.loads, (folder / "gold.jsonl").read_text().splitlines())}
    n_pred = n_gold = matched_pred = matched_gold = right = 0
    for path in _documents(folder, limit):
        article = read_seed(path)
        index = {p.id: i for i, p in enumerate(article.paragraphs)}
        gold = [t for t in gold_docs[path.stem]["timexes"] if t["type"] == "DATE" and CALENDAR_VALUE.fullmatch(t["value"])]
        # a day with its time of day ("10 p.m. Wednesday") is TimeML's TIME, left out like the gold's
        pred = [(index[pid], d.start, d.end, d.value) for pid, found in _dates(article).items() for d in found if not d.time]
        n_pred += len(pred)
        n_gold += len(gold)
        for p in pred:
            hit = next((g for g in gold if g["paragraph"] == p[0] and g["start"] < p[2] and p[1] < g["end"]), None)
            if hit:
                matched_pred += 1
                right += hit["value"] == p[3]
        matched_gold += sum(
            any(p[0] == g["paragraph"] and g["start"] < p[2] and p[1] < g["end"] for p in pred) for g in gold
        )
    precision = matched_pred / n_pred if n_pred else 0.0
    recall = matched_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        Score("timex precision", precision),
        Score("timex recall", recall),
        Score("timex detection F1", f1, None, 0.95),  # issue 16's held-out targets
        Score("timex value accuracy", right / matched_pred if matched_pred else 0.0, None, 0.95),
    )


# -- the seed -----------------------------------------------------------------------------------


def evaluate_seed(folder: Path, seeds_dir: Path) -> tuple[Score, ...]:
    """Share of the expected actors (with type), timeline entries and figures found; false actors."""
    import yaml

    scores = []
    for expected_file in sorted(folder.glob("*.expected.yml")):
        expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
        seed = seeds_dir / expected_file.name.replace(".expected.yml", ".txt")
        briefing = analyze(read_seed(seed), "seed")
        names = {a.name: a for a in briefing.actors} | {al: a for a in briefing.actors for al in a.aliases}
        found = [
            any(n in names and names[n].type == spec["type"] for n in [spec["name"], *spec.get("aliases", [])])
            for spec in expected["actors"]
        ]
        dates = {(e.date, e.paragraph) for e in briefing.timeline}
        timeline = [(str(t["date"]), f"p{t['paragraph']}" if t["paragraph"] else None) in dates for t in expected["timeline"]]
        figures = {(f.text.split()[0], f.paragraph) for f in briefing.figures}
        key_figures = [(f["value"], f"p{f['paragraph']}") in figures for f in expected["key_figures"]]
        false = [n for n in expected["not_actors"] if n in names]
        scores += [
            Score(f"seed actors found ({sum(found)}/{len(found)})", sum(found) / len(found), None, 1.0),
            Score(f"seed timeline found ({sum(timeline)}/{len(timeline)})", sum(timeline) / len(timeline), None, 1.0),
            Score(f"seed figures found ({sum(key_figures)}/{len(key_figures)})", sum(key_figures) / len(key_figures), None, 1.0),
            Score(f"seed not-actors avoided ({len(false)} found)", 1.0 - len(false) / len(expected["not_actors"]), None, 1.0),
        ]
    return tuple(scores)


def _dates(article: Article):
    """Every date expression the analysis detects (the timeline then leaves out those that
    restate the publication or sit in a quotation; TimeBank counts them all)."""
    return find_document_dates(Document.of(article))


# -- actors on Reuters wire stories ------------------------------------------------------------

ACTOR_TARGETS = {  # issue 14's targets, measured on held-out sets the same way
    "precision": (0.90, False),
    "recall": (0.90, False),
    "type_accuracy": (0.90, False),
    "junk_rate": (0.08, True),
    "split_rate": (0.05, True),
    "cluster_f1": (0.95, False),
    "wrong_merges": (0, True),
}


def evaluate_actors(folder: Path, templates_dir: Path = Path("templates")) -> tuple[Score, ...]:
    """Actors of the Reuters stories (``reuters/dev``) by the data's own scorer
    (``reuters/score_actors.py``), which reads the ``briefings.json`` of the seeds (its actors
    carry their corpus-wide ids)."""
    with _reuters_site(folder, templates_dir) as site:
        data = _run_scorer(folder.parent / "score_actors.py", folder / "gold", folder / "seeds", site)
    scores = _target_scores("actors", data, ACTOR_TARGETS)
    scores.append(Score(f"actors ids linked ({data['fully_linked']}/{data['multi_article_ids']})", data["fully_linked"] / max(1, data["multi_article_ids"])))
    return tuple(scores)


STORY_TARGETS = {"pair_f1": (0.90, False), "pair_precision": (0.95, False)}
"""Issue 17's target (pairwise F1 on held-out storylines) and precision first: two storylines joined is worse than one split."""


def evaluate_stories(folder: Path, templates_dir: Path = Path("templates")) -> tuple[Score, ...]:
    """Storylines of the Reuters stories (``reuters/dev``, known storylines in ``stories.yml``)
    by the data's own scorer (``reuters/score_stories.py``), which reads ``story`` of each
    briefing in ``briefings.json``."""
    with _reuters_site(folder, templates_dir) as site:
        data = _run_scorer(folder.parent / "score_stories.py", folder / "stories.yml", site)
    scores = _target_scores("stories", data, STORY_TARGETS)
    scores.append(Score(f"stories pair recall ({data['stories']} stories, {data['with_story']}/{data['briefings']} briefings in one)", float(data["pair_recall"])))
    return tuple(scores)


@contextlib.contextmanager
def _reuters_site(folder: Path, templates_dir: Path):
    """A folder holding the ``briefings.json`` of ``folder/seeds`` (no MkDocs needed)."""
    import tempfile

    from generator.settings import Settings
    from generator.site import generate

    generated = generate(Settings(seeds_dir=folder / "seeds", templates_dir=templates_dir, workers=1))
    export = next(p for p in generated.pages if p.path == "briefings.json")
    with tempfile.TemporaryDirectory() as site:
        (Path(site) / "briefings.json").write_text(export.markdown, encoding="utf-8")
        yield site


def _run_scorer(scorer: Path, *args) -> dict:
    """The last JSON line a scorer of ``../shared/eval`` prints."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(scorer), *map(str, args)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def _target_scores(prefix: str, data: dict, targets: dict) -> list[Score]:
    return [Score(f"{prefix} {name.replace('_', ' ')}", float(data[name]), None, target, lower) for name, (target, lower) in targets.items()]


FIGURE_TARGETS = {  # issue 16's targets, measured on held-out sets the same way
    "precision": (0.95, False),
    "recall": (0.95, False),
    "value_acc": (0.97, False),
    "measures_acc": (0.80, False),
    "range_error_rate": (0.0, True),
}


def evaluate_figures(folder: Path) -> tuple[Score, ...]:
    """Key figures of the Reuters stories (``reuters/dev/figures``) by the data's own scorer
    (``reuters/score_figures.py``), which runs ``briefing analyze --json`` on the seeds."""
    import sys

    command = f"{sys.executable} -m generator.cli analyze"
    data = _run_scorer(folder.parent / "score_figures.py", folder / "figures", folder / "seeds", "--cmd", command)
    return tuple(_target_scores("figures", data, FIGURE_TARGETS) + [Score("figures unit acc", float(data["unit_acc"]))])


ROLE_TARGETS = {  # issue 15's targets, measured on held-out sets the same way
    "role_short_not_copy": (0.90, False),
    "role_acc": (0.70, False),
    "rel_p": (0.70, False),
    "rel_f1": (0.50, False),
}


def evaluate_roles(folder: Path) -> tuple[Score, ...]:
    """Actors' roles and the relations between them on the BBC business articles
    (``roles/dev``) by the data's own scorer (``roles/score.py``), which runs ``briefing
    analyze --json`` on the seeds."""
    import sys

    command = f"{sys.executable} -m generator.cli"
    data = _run_scorer(folder.parent / "score.py", folder / "gold", folder / "seeds", "--briefing", command)
    names = {"role_short_not_copy": "roles short", "role_acc": "roles accuracy", "rel_p": "relations precision", "rel_f1": "relations F1"}
    scores = [Score(names[key], float(data[key]), None, target, lower) for key, (target, lower) in ROLE_TARGETS.items()]
    scores.insert(3, Score("relations recall", float(data["rel_r"])))
    scores.append(Score("relations paragraph acc", float(data["rel_para_acc"])))
    return tuple(scores)
