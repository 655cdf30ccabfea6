"""Pagefind, the search option for large sites: its index is split into fragments that a
browser loads as a query needs them, where Material's search loads one JSON file holding
every page (about 290 MB at 10,000 briefings, see docs/benchmarks.md).

The binary comes from PyPI (``pagefind[bin]``, published by the Pagefind authors); nothing
is downloaded at build time.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class PagefindError(Exception):
    """Pagefind is missing or failed; the message says what to do."""


ROOT_SELECTOR = "article.md-content__inner"
"""Only a page's content is indexed (not the navigation, header or footer)."""
EXCLUDE_SELECTORS = "[data-search-exclude], .headerlink"
"""What Material's search leaves out is left out here too (a briefing's full source text), and permalink signs."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError as err:
        raise PagefindError("search: pagefind needs the Pagefind binary: pip install 'briefings[pagefind]' (pagefind[bin])") from err
    return get_executable()


def run_pagefind(site_dir: Path) -> None:
    """Index the built site into ``site_dir/pagefind``."""
    command = [
        str(pagefind_executable()),
        "--site", str(site_dir),
        "--root-selector", ROOT_SELECTOR,
        "--exclude-selectors", EXCLUDE_SELECTORS,
        "--force-language", "en",
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise PagefindError(f"pagefind failed ({result.returncode}): {result.stderr.strip() or result.stdout.strip()}")
