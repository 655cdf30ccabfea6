"""A real HTML parser over built pages: what is element, attribute or link, and what is text."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Scan:
    tags: list[tuple[str, dict]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    script_text: list[str] = field(default_factory=list)
    json_ld: list[str] = field(default_factory=list)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


class _Scanner(HTMLParser):
    def __init__(self, scan: Scan):
        super().__init__(convert_charrefs=True)
        self.scan = scan
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.scan.tags.append((tag, dict(attrs)))
        self._in_script = "ld+json" if dict(attrs).get("type") == "application/ld+json" else tag in ("script", "style")

    def handle_startendtag(self, tag, attrs):
        self.scan.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script == "ld+json":
            self.scan.json_ld.append(data)  # data, checked by parsing it as JSON
        else:
            (self.scan.script_text if self._in_script else self.scan.text).append(data)

    def handle_comment(self, data):
        self.scan.tags.append(("!--", {"comment": data}))


def scan_html(html: str) -> Scan:
    scan = Scan()
    parser = _Scanner(scan)
    parser.feed(html)
    parser.close()
    return scan


TEXT_ATTRIBUTES = ("content", "title", "aria-label", "alt")
"""Attributes whose value is text shown to people: article text may land there, escaped."""


def injected(scan: Scan, marker: str) -> list[str]:
    """Every place where article text became markup: an element, attribute, handler or link.

    The theme itself uses no inline event handler and no javascript:/data: URL, so any
    of those is an injection; ``marker`` (a token in every hostile string) must appear
    only in text, in text attributes, or in the href of the source link (a checked http URL).
    """
    found = []
    for tag, attrs in scan.tags:
        if marker.lower() in tag.lower():
            found.append(f"element <{tag}>")
        source_link = tag == "a" and "nofollow" in (attrs.get("rel") or "")
        for name, value in attrs.items():
            value = value or ""
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>: event handler")
            if name in ("href", "src", "action", "formaction", "srcdoc") and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{tag} {name}={value[:40]!r}>")
            if marker.lower() in name.lower():
                found.append(f"<{tag} {name}>: attribute")
            elif marker in value and name not in TEXT_ATTRIBUTES and not (source_link and name == "href"):
                found.append(f"<{tag} {name}={value[:60]!r}>: attribute value")
    found += [f"script text {t[:40]!r}" for t in scan.script_text if marker in t]
    for data in scan.json_ld:
        try:
            json.loads(data)
        except ValueError:
            found.append(f"JSON-LD that is not JSON: {data[:60]!r}")
    return found
