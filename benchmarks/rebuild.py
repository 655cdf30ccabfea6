"""Incremental rebuild: generator work after editing one seed of N, as under `mkdocs serve`.

Usage: python -m benchmarks.rebuild [--articles 1000]

One Generator (the plugin keeps one between serve reloads) builds the corpus once, then
one seed is edited and the site generated again; the Generator's own stage timings are
printed in milliseconds (median of 15 edits), with how many pages had to be rendered again.
The output of the last incremental run is checked against a fresh full run.

The edit is what a writer does under serve: one sentence of one article changed (its first
percentage becomes another number), so the article is analyzed again and its figure,
summary and story may change. An edit that changes an article's actors, date or title
builds the catalog afresh, which this does not measure.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from generator.settings import Settings
from generator.site import Generator, generate

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
EDITS = 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json", help="results file to add rebuild_ms to")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        seeds = write_corpus(Path(work) / "seeds", args.articles)
        settings = Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", cache_dir=Path(work) / "cache", workers=1)
        gen = Generator()
        t0 = time.perf_counter()
        gen.generate(settings)
        first = time.perf_counter() - t0
        stages: dict[str, list[float]] = defaultdict(list)
        rendered = []
        for edit in range(EDITS):
            seed = seeds / f"{edit * 7:05d}.txt"
            seed.write_text(changed_sentence(seed.read_text(encoding="utf-8"), edit), encoding="utf-8")
            result = gen.generate(settings)
            for stage, ms in result.timings:
                stages[stage].append(ms)
            rendered.append(result.rendered)
        fresh = generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", workers=1))
        assert result.pages == fresh.pages, "an incremental build differs from a full build"
    total = 0.0
    print(f"rebuild after editing one seed of {args.articles:,} (one core; first build {first:.1f} s):")
    for name, values in stages.items():
        total += statistics.median(values)
        print(f"  {name:<22} {statistics.median(values):8.0f} ms")
    print(f"  {'generator total':<22} {total:8.0f} ms   (target: 100 ms)")
    results = json.loads(args.out.read_text()) if args.out.is_file() else []
    by_size = {r["articles"]: r for r in results}
    by_size[args.articles] = by_size.get(args.articles, {"articles": args.articles}) | {"rebuild_ms": round(total)}
    args.out.write_text(json.dumps(sorted(by_size.values(), key=lambda r: r["articles"]), indent=1) + "\n")
    print(f"  pages rendered again: {statistics.median(rendered):.0f} of {len(result.pages):,}; output identical to a full build")


def changed_sentence(text: str, edit: int) -> str:
    """The text with its first percentage another number ("rose 24%" -> "rose 25%")."""
    changed = re.sub(r"\b(\d+)%", lambda m: f"{int(m.group(1)) + 1 + edit}%", text, count=1)
    assert changed != text, "the seed has a percentage to change"
    return changed


if __name__ == "__main__":
    main()
