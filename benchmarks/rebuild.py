"""Incremental rebuild: generator work after editing one seed of N, as under `mkdocs serve`.

Usage: python -m benchmarks.rebuild [--articles 1000]

One Generator (the plugin keeps one between serve reloads) builds the corpus once, then
one seed is edited and the site generated again; the stages are timed in milliseconds
(median of 5 edits), with how many pages had to be rendered again. The output of the
last incremental run is checked against a fresh full run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generator.analysis import analyze_all
from generator.cache import AnalysisCache
from generator.catalog import build_catalog
from generator.reader import read_seeds
from generator.render import render_site
from generator.settings import Settings
from generator.site import Generator, generate

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
EDITS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        seeds = write_corpus(Path(work) / "seeds", args.articles)
        settings = Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", cache_dir=Path(work) / "cache", workers=1)
        gen = Generator()
        t0 = time.perf_counter()
        gen.generate(settings)
        first = time.perf_counter() - t0
        stages: dict[str, list[float]] = {"read": [], "analyze": [], "catalog": [], "render + exports": []}
        rendered = []
        for edit in range(EDITS):
            seed = seeds / f"{edit * 7:05d}.txt"
            seed.write_text(seed.read_text(encoding="utf-8") + f"\nAn added paragraph, edit {edit}.\n", encoding="utf-8")
            t0 = time.perf_counter()
            corpus = read_seeds(settings.seeds_dir, settings.limits, gen.seeds)
            t1 = time.perf_counter()
            briefings, _ = analyze_all(corpus.articles, AnalysisCache(settings.cache_dir), 1, gen.analyses)
            t2 = time.perf_counter()
            build_catalog(briefings)  # timed alone here; render_site builds it again below
            t3 = time.perf_counter()
            pages = render_site(briefings, settings.templates_dir, memo=gen.pages)
            t4 = time.perf_counter()
            rendered.append(gen.pages.rendered)
            for name, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3 - (t3 - t2))):
                stages[name].append(seconds * 1000)
        fresh = generate(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", workers=1))
        assert pages == fresh.pages, "an incremental build differs from a full build"
    total = 0.0
    print(f"rebuild after editing one seed of {args.articles:,} (one core; first build {first:.1f} s):")
    for name, values in stages.items():
        total += statistics.median(values)
        print(f"  {name:<22} {statistics.median(values):8.0f} ms")
    print(f"  {'generator total':<22} {total:8.0f} ms   (target: 100 ms)")
    print(f"  pages rendered again: {statistics.median(rendered):.0f} of {len(pages):,}; output identical to a full build")


if __name__ == "__main__":
    main()
