"""Scale benchmark: build times, memory and sizes for synthetic corpora of N articles.

Usage: python -m benchmarks.scale [--sizes 100 1000 10000] [--runs 3] [--out benchmarks/results.json]

For each N it writes a deterministic corpus (benchmarks/corpus.py) and measures, each in
a fresh process, the median over --runs of:
  generator  read + analyze + render of every page (`briefing render`), no MkDocs;
  build      the whole `briefing build` (MkDocs with the plugin);
  floor      `mkdocs build` of the same rendered pages as plain Markdown, without the plugin;
  plain      `mkdocs build` of N plain pages of about 900 words (headings, a table, a few
             links; benchmarks/corpus.py), same theme, a pruned nav: what MkDocs + Material
             cost for a site of that many ordinary pages, the yardstick of the issue's ratio;
and reports peak memory of the build, site size, search index size, the bytes of one
briefing page and the largest generated page. Results go to a JSON file and to docs/benchmarks.md (a page of the site,
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

from .corpus import write_corpus, write_plain_pages

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


def _plain_project(folder: Path, count: int) -> Path:
    """The project without the plugin, its docs replaced by ``count`` plain pages and a home
    page, the nav pruned to the home page (as the briefings' nav lists index pages only)."""
    project = _project(folder, with_plugin=False)
    shutil.rmtree(project / "docs")
    write_plain_pages(project / "docs" / "plain", count)
    (project / "docs" / "index.md").write_text("# Plain pages\n\n[The first](plain/00000.md)\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nnav:\n(?:  .*\n)+", "\nnav:\n  - Home: index.md\n", config)
    (project / "mkdocs.yml").write_text(config.replace("extra_css:\n  - stylesheets/briefings.css\n", ""), encoding="utf-8")
    return project


def _largest_page(site: Path) -> tuple[int, str]:
    """Bytes and path of the largest HTML page of a built site."""
    pages = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")]
    return max(pages, default=(0, ""))


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(count: int, runs: int, work: Path) -> dict:
    seeds = write_corpus(work / "seeds", count)
    briefing = [sys.executable, "-m", "generator.cli"]
    generator, build, floor, memory, floor_memory, generator_memory, logs, plain_s = [], [], [], [], [], [], [], []
    site = work / "site"
    for run in range(runs):
        project = _project(work / f"project-{run}", with_plugin=True)
        out = work / f"rendered-{run}"
        seconds, peak = _run(briefing + ["render", "--out", str(out), "--seeds", str(seeds), "--templates", str(project / "templates"), "--home", str(project / "docs" / "index.md")], project)
        generator.append(seconds)
        generator_memory.append(peak)
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)  # cold: `render` above filled the analysis cache
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
        reference = _plain_project(work / f"reference-{run}", count)
        seconds, _ = _run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(reference / "mkdocs.yml"), "-d", str(work / f"reference-site-{run}")], reference)
        plain_s.append(seconds)
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
    largest = _largest_page(site)
    result = {
        "articles": count,
        "runs": runs,
        "generator_s": round(statistics.median(generator), 2),
        "build_s": round(statistics.median(build), 2),
        "floor_s": round(statistics.median(floor), 2),
        "plain_s": round(statistics.median(plain_s), 2),
        "largest_page_bytes": largest[0],
        "largest_page": largest[1],
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
    result["build_over_plain"] = round(result["build_s"] / result["plain_s"], 2)
    result["warm_over_floor"] = round(result["build_warm_s"] / result["floor_s"], 2)
    return result


def write_page(results: list[dict], path: Path) -> None:
    if path.exists() and PAGE_MARK not in path.read_text(encoding="utf-8"):
        print(f"{path} exists and was not written by this command: not overwritten", file=sys.stderr)
        return
    rows = "\n".join(
        f"| {r['articles']:,} | {r['generator_s']} | {r['build_s']} | {r['floor_s']} | {r['generator_share']:.1%} | {r['build_over_floor']} | {r.get('build_warm_s', '–')} | {r.get('warm_over_floor', '–')} | {r['peak_memory_mb']} | {r['site_mb']} | {r['search_index_mb']} | {r['briefing_page_bytes']:,} | {r.get('plain_s', '–')} | {r.get('build_over_plain', '–')} | {round(r['largest_page_bytes'] / 1024) if 'largest_page_bytes' in r else '–'} |"
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

| articles | generator s | build s | floor s | generator share | build / floor | warm build s | warm / floor | peak MB | site MB | search index MB | briefing page bytes | plain pages s | build / plain | largest page KB |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
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
    merged = {r["articles"]: r for r in previous}
    for r in results:  # a size measured again keeps what other benchmarks added to it (rebuild_ms)
        merged[r["articles"]] = {k: v for k, v in merged.get(r["articles"], {}).items() if k == "rebuild_ms"} | r
    args.out.write_text(json.dumps(sorted(merged.values(), key=lambda r: r["articles"]), indent=1) + "\n")
    write_page(sorted(merged.values(), key=lambda r: r["articles"]), args.page)
    print(targets(merged))


def targets(results: dict[int, dict]) -> str:
    """The targets of issue 19 (then the older ones) beside the measured values ("n/a"
    where a size was not run)."""
    small, mid, five, large = results.get(100), results.get(1000), results.get(5000), results.get(10000)
    rows = []

    def row(name: str, value, target: str, ok) -> None:
        verdict = "" if target == "(context)" else "n/a" if value is None else ("ok" if ok else "NOT MET")
        rows.append(f"  {name:<52} {'n/a' if value is None else value:>12}  target {target:<12} {verdict}")

    def get(size, key):
        return None if not size or key not in size else size[key]

    ratio = get(mid, "build_over_plain")
    row("cold build / 1,000 plain pages, N=1,000", ratio and f"{ratio}x", "<= 3x", ratio is not None and ratio <= 3)
    row("  cold build s, N=1,000", get(mid, "build_s"), "(context)", True)
    row("  plain pages build s (MkDocs + Material), N=1,000", get(mid, "plain_s"), "(context)", True)
    for size, label in ((mid, "1,000"), (five, "5,000"), (large, "10,000")):
        kb = get(size, "largest_page_bytes")
        row(f"largest generated page, N={label} (KB)", kb and round(kb / 1024), "<= 200", kb is not None and kb <= 200 * 1024)
    for size, label, limit in ((mid, "1,000", 6), (five, "5,000", 30)):
        mb = get(size, "search_index_mb")
        row(f"Material search index, N={label} (MB)", mb, f"<= {limit}", mb is not None and mb <= limit)
    ms = get(mid, "rebuild_ms")
    row("generator work after one edit, N=1,000 (ms)", ms, "<= 100", ms is not None and ms <= 100)
    for size, label, limit in ((five, "5,000", 1024), (large, "10,000", 2048)):
        mb = get(size, "peak_memory_mb")
        row(f"peak memory of the build, N={label} (MB)", mb, f"< {limit}", mb is not None and mb < limit)
    row("generator share of the build, N=1,000", get(mid, "generator_share") and f"{mid['generator_share']:.1%}", "(context)", True)
    row("build / floor (the same pages, no plugin), N=1,000", get(mid, "build_over_floor"), "(context)", True)
    growth = small and large and large["briefing_page_bytes"] / small["briefing_page_bytes"] - 1
    row("briefing page bytes, N=10,000 vs N=100", None if growth is None else f"{growth:+.1%}", "within 5%", growth is not None and abs(growth) <= 0.05)
    row("Pagefind, bytes for a first query, N=10,000 (kB)", get(large, "pagefind_first_query_kb"), "< 1024", large and large.get("pagefind_first_query_kb", 1e9) < 1024)
    for size, label in ((mid, "1,000"), (large, "10,000")):
        share = get(size, "stories_share")
        row(f"story step share of the generator, N={label}", None if share is None else f"{share:.1%}", "< 10%", share is not None and share < 0.10)
    return "targets:\n" + "\n".join(rows)


if __name__ == "__main__":
    main()
