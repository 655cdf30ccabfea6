"""Analysis speed: milliseconds to analyze one article of about 1,000 words, on one core.

Usage: python -m benchmarks.speed [--eval ../shared/eval] [--runs 50]

Takes the CNN/DailyMail dev articles of 800 to 1,200 words when the eval folder is
there (real news), else the seed article repeated to 1,000 words. Lexicons are loaded
once before timing (a build loads them once per process); nothing else is kept between
runs (each article is split into its Document afresh, as in a build). Prints the median and the
95th percentile per article and per 1,000 words.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from generator.analyze.briefing import analyze
from generator.read.seeds import read_seed


def _articles(eval_dir: Path):
    folder = eval_dir / "summaries" / "dev"
    found = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            if path.name.endswith(".highlights.txt"):
                continue
            article = read_seed(path)
            n = sum(len(p.text.split()) for p in article.body)
            if 800 <= n <= 1200:
                found.append((article, n))
    if not found:
        seed = read_seed(Path("seeds/000_a9c78bbd88a0efaa.txt"))
        found.append((seed, sum(len(p.text.split()) for p in seed.body)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    articles = _articles(args.eval)
    analyze(articles[0][0], "warm-up")
    per_article, per_kwords = [], []
    for _ in range(args.runs):
        for article, n in articles:
            start = time.perf_counter()
            analyze(article, "x")
            elapsed = (time.perf_counter() - start) * 1000
            per_article.append(elapsed)
            per_kwords.append(elapsed * 1000 / n)
    per_article.sort()
    per_kwords.sort()
    p95 = lambda xs: xs[int(0.95 * (len(xs) - 1))]
    print(f"articles: {len(articles)} of {min(n for _, n in articles)}-{max(n for _, n in articles)} words, {args.runs} runs each")
    print(f"analysis per article:     median {statistics.median(per_article):6.2f} ms   p95 {p95(per_article):6.2f} ms")
    print(f"analysis per 1,000 words: median {statistics.median(per_kwords):6.2f} ms   p95 {p95(per_kwords):6.2f} ms   (target < 20 ms)")


if __name__ == "__main__":
    main()
