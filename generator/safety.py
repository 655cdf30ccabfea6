"""Nothing lost: output folders are only cleaned or overwritten when this tool made them."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .model import Page

SITE_MARKER = ".briefings-site"
"""Written into every site folder this tool builds; MkDocs empties the folder before a build."""
MANIFEST = ".briefings-rendered.json"
"""Lists the files ``briefing render --out`` wrote; only those may be overwritten."""
_MKDOCS_OUTPUT = ("sitemap.xml", "search/search_index.json", "404.html")


class UnsafeOutput(Exception):
    """Writing there could destroy files this tool did not create."""


def check_site_dir(site_dir: Path) -> None:
    """A site folder may be emptied only if it is missing, empty, or a site built before."""
    if not site_dir.exists():
        return
    if not site_dir.is_dir():
        raise UnsafeOutput(f"site_dir {site_dir} exists and is not a folder")
    if not any(site_dir.iterdir()):
        return
    if (site_dir / SITE_MARKER).is_file() or all((site_dir / p).exists() for p in _MKDOCS_OUTPUT[:2]):
        return
    raise UnsafeOutput(
        f"site_dir {site_dir} holds files that were not built by briefings; MkDocs would delete them. "
        "Choose an empty or new folder"
    )


def write_marker(site_dir: Path) -> None:
    (site_dir / SITE_MARKER).write_text("Built by briefings: this folder is emptied on every build.\n", encoding="utf-8")


def write_pages(pages: tuple[Page, ...], out: Path) -> int:
    """Write pages under ``out`` atomically, never outside it, never over a file it did not write."""
    root = out.resolve()
    root.mkdir(parents=True, exist_ok=True)
    manifest_path = root / MANIFEST
    ours = set(json.loads(manifest_path.read_text(encoding="utf-8"))) if manifest_path.is_file() else set()
    targets = []
    for page in pages:
        target = (root / page.path).resolve()
        if root not in target.parents:
            raise UnsafeOutput(f"page path {page.path!r} escapes {out}")
        if target.exists() and page.path not in ours:
            raise UnsafeOutput(f"{target} exists and was not written by briefing render; not overwriting it")
        targets.append((page, target))
    for page, target in targets:
        atomic_write(target, page.data)
    atomic_write(manifest_path, json.dumps(sorted(ours | {p.path for p in pages}), indent=1))
    return len(pages)


def atomic_write(target: Path, data: str | bytes) -> None:
    """Write to a temporary file beside the target, then rename: readers never see half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with tempfile.NamedTemporaryFile("wb", dir=target.parent, delete=False, suffix=".tmp") as handle:
        handle.write(payload)
    os.replace(handle.name, target)
