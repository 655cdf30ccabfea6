"""Incremental rebuild: generator work after editing one seed of N, with a warm cache.

Usage: python -m benchmarks.rebuild [--articles 1000]

This is the work the plugin does on each `mkdocs serve` reload: read every seed, take
unchanged analyses from the cache, analyze the edited one, render every page. Prints the
stages in milliseconds (median of 3 edits).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generator.analysis import analyze_all
from generator.cache import AnalysisCache
from generator.reader import read_seeds
from generator.render import render_site

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        seeds = write_corpus(Path(work) / "seeds", args.articles)
        cache = AnalysisCache(Path(work) / "cache")
        analyze_all(read_seeds(seeds).articles, cache)  # the first build fills the cache
        stages: dict[str, list[float]] = {"read": [], "analyze (1 changed)": [], "render": []}
        for edit in range(3):
            seed = seeds / f"{edit * 7:05d}.txt"
            seed.write_text(seed.read_text(encoding="utf-8") + f"\nAn added paragraph, edit {edit}.\n", encoding="utf-8")
            t0 = time.perf_counter()
            corpus = read_seeds(seeds)
            t1 = time.perf_counter()
            briefings, _ = analyze_all(corpus.articles, cache, workers=1)
            t2 = time.perf_counter()
            render_site(briefings, ROOT / "templates")
            t3 = time.perf_counter()
            for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2)):
                stages[name].append(seconds * 1000)
    total = 0.0
    print(f"rebuild after editing one seed of {args.articles:,} (warm cache, one core):")
    for name, values in stages.items():
        total += statistics.median(values)
        print(f"  {name:<22} {statistics.median(values):8.0f} ms")
    print(f"  {'generator total':<22} {total:8.0f} ms   (target: 100 ms)")


if __name__ == "__main__":
    main()
