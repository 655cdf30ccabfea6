"""Scale benchmark: build times, memory and sizes for synthetic corpora of N articles.

Usage: python -m benchmarks.scale [--sizes 100 1000 10000] [--runs 3] [--out benchmarks/results.json]

For each N it writes a deterministic corpus (benchmarks/corpus.py) and measures, each in
a fresh process, the median over --runs of:
  generator  read + analyze + render of every page (`briefing render`), no MkDocs;
  build      the whole `briefing build` (MkDocs with the plugin);
  floor      `mkdocs build` of the same rendered pages as plain Markdown, without the plugin;
and reports peak memory of the build, site size, search index size and the bytes of one
briefing page. Results go to a JSON file and to docs/benchmarks.md (a page of the site,
written only if it is missing or was written by this command).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
PAGE_MARK = "<!-- written by benchmarks/scale.py -->"


_STAGES = re.compile(r"Briefings: .*? (\d+) ms \((.*?)\)")


def stage_ms(log: str) -> dict[str, float]:
    """The generator's milliseconds per stage from a build's log line
    ("... 1430 ms (read 26, analyze 1264, corpus 18, stories 3, publish 121)")."""
    match = _STAGES.search(log)
    if not match:
        return {}
    stages = {name: float(ms) for name, ms in (part.rsplit(" ", 1) for part in match.group(2).split(", "))}
    return stages | {"total": float(match.group(1))}


def _run(args: list[str], cwd: Path, log: list | None = None, **env_vars: str) -> tuple[float, int]:
    """Wall seconds and peak resident memory (bytes) of one child process (its stderr
    appended to ``log`` when given)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_vars)
    start = time.perf_counter()
    process = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    errors = process.stderr.read().decode()
    if status != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {errors[-2000:]}")
    if log is not None:
        log.append(errors)
    return elapsed, usage.ru_maxrss * 1024


def _project(folder: Path, with_plugin: bool) -> Path:
    for name in ("docs", "templates", "overrides"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if not with_plugin:
        config = re.sub(r"  - briefings:\n(?:      .*\n)+", "", config)
        assert "briefings:" not in config.split("plugins:")[1].split("nav:")[0], "could not remove the plugin"
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(count: int, runs: int, work: Path) -> dict:
    seeds = write_corpus(work / "seeds", count)
    briefing = [sys.executable, "-m", "generator.cli"]
    generator, build, floor, memory, floor_memory, generator_memory, logs = [], [], [], [], [], [], []
    site = work / "site"
    for run in range(runs):
        project = _project(work / f"project-{run}", with_plugin=True)
        out = work / f"rendered-{run}"
        seconds, peak = _run(briefing + ["render", "--out", str(out), "--seeds", str(seeds), "--templates", str(project / "templates"), "--home", str(project / "docs" / "index.md")], project)
        generator.append(seconds)
        generator_memory.append(peak)
        shutil.rmtree(site, ignore_errors=True)
        seconds, peak = _run(briefing + ["build", "--seeds", str(seeds), "--site-dir", str(site), "-f", str(project / "mkdocs.yml")], project, logs)
        build.append(seconds)
        memory.append(peak)
        plain = _project(work / f"plain-{run}", with_plugin=False)
        (plain / "docs" / "index.md").unlink()
        shutil.copytree(out, plain / "docs", dirs_exist_ok=True, ignore=shutil.ignore_patterns(".briefings-*"))
        plain_site = work / f"plain-site-{run}"
        seconds, peak = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain / "mkdocs.yml"), "-d", str(plain_site)], plain)
        floor.append(seconds)
        floor_memory.append(peak)
    # The same build again in the same project: the analysis cache is warm (a second build,
    # or CI restoring .cache/briefings), one run
    shutil.rmtree(site)
    warm, _ = _run(briefing + ["build", "--seeds", str(seeds), "--site-dir", str(site), "-f", str(project / "mkdocs.yml")], project)
    # Pagefind instead of Material's search (plugin option search: pagefind), one run
    pagefind_site = work / "pagefind-site"
    seconds, peak = _run(
        briefing + ["build", "--seeds", str(seeds), "--site-dir", str(pagefind_site), "-f", str(project / "mkdocs.yml")],
        project,
        BRIEFINGS_SEARCH="pagefind",
    )
    bundle = pagefind_site / "pagefind"
    chunks = [p.stat().st_size for p in (bundle / "index").glob("*.pf_index")]
    fragments = sorted(p.stat().st_size for p in (bundle / "fragment").glob("*.pf_fragment"))
    first_query = (
        sum(p.stat().st_size for p in bundle.glob("*.pf_meta"))
        + sum(p.stat().st_size for p in bundle.glob("wasm.*.pagefind"))
        + sum((bundle / n).stat().st_size for n in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json"))
        + max(chunks, default=0)
        + 5 * (fragments[len(fragments) // 2] if fragments else 0)
    )
    # The same article at every N (article 0; its title ends in " 0"), so sizes compare.
    page = next(p for p in sorted((site / "briefings").glob("2*/index.html")) if p.parent.name.endswith("-0"))
    result = {
        "articles": count,
        "runs": runs,
        "generator_s": round(statistics.median(generator), 2),
        "build_s": round(statistics.median(build), 2),
        "floor_s": round(statistics.median(floor), 2),
        "peak_memory_mb": round(max(memory) / 2**20),
        "generator_peak_memory_mb": round(max(generator_memory) / 2**20),
        "floor_peak_memory_mb": round(max(floor_memory) / 2**20),
        "site_mb": round(_size(site) / 2**20, 1),
        "search_index_mb": round((site / "search" / "search_index.json").stat().st_size / 2**20, 2),
        "briefing_page_bytes": page.stat().st_size,
        "briefing_page": page.parent.name,
        "build_warm_s": round(warm, 2),
        "pagefind_build_s": round(seconds, 2),
        "pagefind_peak_memory_mb": round(peak / 2**20),
        "pagefind_bundle_mb": round(_size(bundle) / 2**20, 1),
        "pagefind_first_query_kb": round(first_query / 1024),
    }
    stages = [stage_ms(log) for log in logs]
    stages = [s for s in stages if s.get("total")]
    if stages:
        result["stories_ms"] = round(statistics.median(s.get("stories", 0.0) for s in stages))
        result["stories_share"] = round(statistics.median(s.get("stories", 0.0) / s["total"] for s in stages), 4)
    result["generator_share"] = round(result["generator_s"] / result["build_s"], 3)
    result["build_over_floor"] = round(result["build_s"] / result["floor_s"], 2)
    result["warm_over_floor"] = round(result["build_warm_s"] / result["floor_s"], 2)
    return result


def write_page(results: list[dict], path: Path) -> None:
    if path.exists() and PAGE_MARK not in path.read_text(encoding="utf-8"):
        print(f"{path} exists and was not written by this command: not overwritten", file=sys.stderr)
        return
    rows = "\n".join(
        f"| {r['articles']:,} | {r['generator_s']} | {r['build_s']} | {r['floor_s']} | {r['generator_share']:.1%} | {r['build_over_floor']} | {r.get('build_warm_s', '–')} | {r.get('warm_over_floor', '–')} | {r['peak_memory_mb']} | {r['site_mb']} | {r['search_index_mb']} | {r['briefing_page_bytes']:,} |"
        for r in results
    )
    pagefind_rows = "\n".join(
        f"| {r['articles']:,} | {r['pagefind_build_s']} | {r['pagefind_peak_memory_mb']} | {r['pagefind_bundle_mb']} | {r['pagefind_first_query_kb']:,} | {r['search_index_mb']} |"
        for r in results
        if "pagefind_build_s" in r
    )
    path.write_text(
        f"""{PAGE_MARK}
# Benchmarks

Synthetic corpora (benchmarks/corpus.py), medians of the runs, on the project's 2-core machine.
Regenerate with `make bench`.

| articles | generator s | build s | floor s | generator share | build / floor | warm build s | warm / floor | peak MB | site MB | search index MB | briefing page bytes |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

With Pagefind (plugin option `search: pagefind`) instead of Material's search, whose index a
browser loads whole before the first result:

| articles | build s (analysis cache warm) | peak MB | Pagefind bundle MB | loaded for a first query, kB (estimate) | Material's index MB |
| --- | --- | --- | --- | --- | --- |
{pagefind_rows}

*generator*: reading, analysis and rendering of every page without MkDocs; *build*: the
whole `briefing build` from a cold analysis cache; *warm build*: the same build again, with
the analysis cache filled (a second build, or CI restoring `.cache/briefings`); *floor*:
MkDocs building the same pages as plain Markdown.
*Loaded for a first query*: Pagefind's scripts, WebAssembly and metadata, the largest index
chunk and five result fragments.
""",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results.json")
    parser.add_argument("--page", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--report", action="store_true", help="only print the targets and rewrite the page from --out")
    args = parser.parse_args()
    results = []
    for count in [] if args.report else args.sizes:
        with tempfile.TemporaryDirectory() as work:
            result = measure(count, args.runs if count <= 1000 else 1, Path(work))
        results.append(result)
        print(json.dumps(result), flush=True)
    previous = json.loads(args.out.read_text()) if args.out.is_file() else []
    merged = {r["articles"]: r for r in previous} | {r["articles"]: r for r in results}
    args.out.write_text(json.dumps(sorted(merged.values(), key=lambda r: r["articles"]), indent=1) + "\n")
    write_page(sorted(merged.values(), key=lambda r: r["articles"]), args.page)
    print(targets(merged))


def targets(results: dict[int, dict]) -> str:
    """The issue's targets beside the measured values ("n/a" where a size was not run)."""
    small, mid, large = results.get(100), results.get(1000), results.get(10000)
    rows = []

    def row(name: str, value, target: str, ok) -> None:
        verdict = "" if target == "(context)" else "n/a" if value is None else ("ok" if ok else "NOT MET")
        rows.append(f"  {name:<48} {'n/a' if value is None else value:>12}  target {target:<12} {verdict}")

    row("generator share of the build, N=1,000", f"{mid['generator_share']:.1%}" if mid else None, "<= 10%", mid and mid["generator_share"] <= 0.10)
    row("build / floor, N=1,000", mid and mid["build_over_floor"], "<= 1.3", mid and mid["build_over_floor"] <= 1.3)
    row("build / floor, analysis cache warm, N=1,000", mid and mid.get("warm_over_floor"), "<= 1.3", mid and mid.get("warm_over_floor", 9) <= 1.3)
    growth = small and large and large["briefing_page_bytes"] / small["briefing_page_bytes"] - 1
    row("briefing page bytes, N=10,000 vs N=100", None if growth is None else f"{growth:+.1%}", "within 5%", growth is not None and abs(growth) <= 0.05)
    row("peak memory of the build, N=10,000 (MB)", large and large["peak_memory_mb"], "< 2048", large and large["peak_memory_mb"] < 2048)
    row("  of which the floor (MkDocs alone), N=10,000 (MB)", large and large.get("floor_peak_memory_mb"), "(context)", True)
    row("  and the generator alone, N=10,000 (MB)", large and large.get("generator_peak_memory_mb"), "(context)", True)
    row("Material search index, N=10,000 (MB)", large and large["search_index_mb"], "< 5 (phone)", large and large["search_index_mb"] < 5)
    row("Pagefind, bytes for a first query, N=10,000 (kB)", large and large.get("pagefind_first_query_kb"), "< 2048", large and large.get("pagefind_first_query_kb", 1e9) < 2048)
    for size, label in ((mid, "1,000"), (large, "10,000")):
        share = size and size.get("stories_share")
        row(f"story step share of the generator, N={label}", None if share is None else f"{share:.1%}", "< 10%", share is not None and share < 0.10)
    rows.append("  (the rebuild target, <= 100 ms of generator work after one edit, is printed by benchmarks.rebuild)")
    return "targets:\n" + "\n".join(rows)


if __name__ == "__main__":
    main()
