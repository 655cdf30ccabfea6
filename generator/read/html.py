"""HTML pages saved from a news site, read with trafilatura.

Trafilatura (well kept, the standard for main-text extraction, with its own quality
benchmark) finds the article among navigation, ads and comments and reads the page's
metadata (title, date, author, site name, canonical URL). Its XML output gives the
paragraphs and headings; this module only maps them onto the seed model.
"""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree as ET

from ..model import Source


class HtmlSeedError(ValueError):
    """The page holds no article text, or no date and no sidecar to give one."""


def extract_html(data: bytes) -> tuple[dict, list[tuple[str, str]]]:
    """(metadata, [(kind, text)]) of an HTML page; kind is "heading" or "body"."""
    import trafilatura

    document = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_images=False)
    xml = trafilatura.extract(data, output_format="xml", include_comments=False, include_formatting=False, include_images=False)
    if document is None or xml is None:
        raise HtmlSeedError("no article text found in the page")
    meta = {
        "title": getattr(document, "title", None),
        "date": getattr(document, "date", None),
        "author": getattr(document, "author", None),
        "publisher": getattr(document, "sitename", None),
        "url": getattr(document, "url", None),
    }
    blocks = []
    for element in ET.fromstring(xml).iter():
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        if element.tag == "head":
            blocks.append(("heading", text))
        elif element.tag in ("p", "item", "quote"):
            blocks.append(("body", text))
    if blocks and blocks[0][0] == "heading" and blocks[0][1] == meta["title"]:
        blocks = blocks[1:]  # the page's own H1 repeats the title
    return meta, blocks


def html_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def html_source(meta: dict) -> Source:
    url = meta.get("url")
    return Source(
        publisher=meta.get("publisher") or None,
        url=url if url and url.lower().startswith(("http://", "https://")) else None,
        author=meta.get("author") or None,
    )
