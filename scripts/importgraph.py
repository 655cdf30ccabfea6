"""The import graph of the generator: its depth, and that no stage imports a later one.

usage: python scripts/importgraph.py [--max 6]

Levels are the longest chain of imports counted in modules (``cli -> site -> ... -> model``
is 6). The stages, in data-flow order, are read, analyze, corpus, publish: a module of one
may import its own stage and earlier ones and the shared modules (model, settings, ...),
never a later stage or an adapter (site, plugin, cli). ``ingest`` writes the seeds that
read reads: it may import read and the shared modules, and nothing imports it but the
CLI. Exit 1 when either rule breaks.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "generator"
STAGES = ("read", "analyze", "corpus", "publish")
ADAPTERS = ("site", "plugin", "cli", "search")
INGEST = "ingest"
INGEST_MAY_IMPORT = (INGEST, "read")
"""Besides the shared modules: ingest stages a seed and reads it back with the reader."""


def modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name or "__init__"] = path
    return found


def imports(name: str, path: Path, known: dict) -> set[str]:
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
            candidates = [f"{target}.{a.name}".strip(".") for a in node.names] + [target]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("generator"):
            target = node.module.removeprefix("generator").strip(".")
            candidates = [f"{target}.{a.name}".strip(".") for a in node.names] + [target]
        else:
            continue
        found.update(next(([c] for c in candidates if c in known and c != name), []))
    return found


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def longest_chain(edges: dict[str, set[str]]) -> tuple[str, ...]:
    @cache
    def chain(name: str) -> tuple[str, ...]:
        return (name, *max((chain(t) for t in edges[name]), key=len, default=()))

    return max((chain(m) for m in edges), key=len)


def rank(name: str) -> int:
    """Where a module sits in the data flow: -1 shared, 0..3 the stages, 4 the adapters."""
    head = name.split(".")[0]
    if head in STAGES:
        return STAGES.index(head)
    return len(STAGES) if head in ADAPTERS else -1


def backward_imports(edges: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted((m, t) for m, targets in edges.items() for t in targets if _is_against_flow(m, t))


def _is_against_flow(source: str, target: str) -> bool:
    head, target_head = source.split(".")[0], target.split(".")[0]
    if head == INGEST:
        return rank(target) != -1 and target_head not in INGEST_MAY_IMPORT
    if target_head == INGEST:
        return head != INGEST and head != "cli"
    return rank(target) > max(rank(source), -1) and not (rank(source) == -1 and rank(target) == -1)


def main(argv: list[str]) -> int:
    limit = int(argv[argv.index("--max") + 1]) if "--max" in argv else 6
    edges = graph()
    chain = longest_chain(edges)
    backward = backward_imports(edges)
    print("longest chain:", " -> ".join(chain))
    print(f"import levels {len(chain)} (at most {limit}) over {len(edges)} modules; imports against the data flow: {len(backward)}")
    for source, target in backward:
        print(f"  {source} imports {target}")
    return 1 if len(chain) > limit or backward else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
