"""Page weight: the bytes a reader downloads for the seed briefing page.

Usage: python -m benchmarks.page_weight [--site site] [--page briefings/<slug>/] [--save]

Serves the built site on a loopback port, opens the page in headless chromium, lets the
search index load (it is fetched on page load), and sums the bytes the server sent, by
kind: HTML, CSS, JS, fonts, images, search index. Compares with
benchmarks/page_weight_baseline.json (written with --save).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import threading
from collections import Counter
from pathlib import Path

BASELINE = Path(__file__).with_name("page_weight_baseline.json")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def kind_of(path: str) -> str:
    if path.endswith("search_index.json"):
        return "search index"
    suffix = Path(path.split("?")[0]).suffix
    return {".html": "html", "": "html", ".css": "css", ".js": "js", ".woff": "fonts", ".woff2": "fonts", ".ttf": "fonts",
            ".png": "images", ".svg": "images", ".ico": "images"}.get(suffix, "other")


def measure(site: Path, page: str) -> Counter:
    sent: Counter = Counter()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def copyfile(self, source, outputfile):
            data = source.read()
            sent[kind_of(self.path)] += len(data)
            outputfile.write(data)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
            tab = browser.new_page()
            tab.goto(f"http://127.0.0.1:{server.server_address[1]}/{page}", wait_until="networkidle")
            tab.wait_for_timeout(1000)
            browser.close()
    finally:
        server.shutdown()
    return sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--page", default=None)
    parser.add_argument("--save", action="store_true", help="store these numbers as the baseline")
    args = parser.parse_args()
    page = args.page or next(p.parent.relative_to(args.site).as_posix() + "/" for p in sorted((args.site / "briefings").glob("2*/index.html")))
    sent = measure(args.site, page)
    baseline = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
    print(f"page: /{page}")
    for kind in sorted(set(sent) | set(baseline)):
        before = baseline.get(kind)
        change = f"   baseline {before:>9,}" if before is not None else ""
        print(f"  {kind:<13} {sent.get(kind, 0):>9,} bytes{change}")
    total = sum(sent.values())
    print(f"  {'total':<13} {total:>9,} bytes" + (f"   baseline {sum(baseline.values()):>9,}" if baseline else ""))
    if args.save:
        BASELINE.write_text(json.dumps(dict(sorted(sent.items())), indent=1) + "\n")


if __name__ == "__main__":
    main()
