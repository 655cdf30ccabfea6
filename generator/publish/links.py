"""Links written as HTML: the URL of a generated page as MkDocs (and Zensical) give it.

The heavy parts of the generated pages (tables, citation links, lists of links) are HTML
made here once, not Markdown for Python-Markdown to walk: an HTML block is copied through
as it is, so its links are not rewritten from ``page.md`` to the page's URL by MkDocs.
They are written as the URL itself, relative to the page that holds them, with MkDocs'
rule for ``use_directory_urls`` (``briefings/x.md`` is ``briefings/x/``, or
``briefings/x.html`` without it). Every part of such a URL is a slug (``a-z 0-9 -``) or an
id made by the generator; no article text goes into one.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL of the page of the Markdown file ``path``, relative to the site root."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


@dataclass(frozen=True, slots=True)
class Links:
    """``link(target_path, anchor)`` of one page: the URL of another generated page from this one."""

    here: str
    """The path of the page being rendered (``briefings/x.md``)."""
    directory_urls: bool | None = True
    """MkDocs' ``use_directory_urls``; None: name the Markdown file itself, relative to this
    one (``../actors/y.md``), for an engine that resolves such links in HTML as in Markdown
    (Zensical builds ``briefing render``'s output so; MkDocs leaves HTML links as written)."""

    root: str = field(init=False, repr=False, compare=False)
    """From this page to the site root: "", "../", "../../" (made once: a page has hundreds
    of links)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", "../" * page_url(self.here, bool(self.directory_urls)).count("/"))

    def __call__(self, target: str, anchor: str | None = "") -> str:
        fragment = f"#{anchor}" if anchor else ""
        if target == self.here:
            return fragment or "./"
        if self.directory_urls is None:
            return posixpath.relpath(target, posixpath.dirname(self.here) or ".") + fragment
        return self.root + page_url(target, self.directory_urls) + fragment

    def ref(self, pid: str | None, target: str = "") -> str:
        """An HTML link to a paragraph of a briefing page (``target``, or this page): ¶4,
        heading 1, caption 2, or the source section when the paragraph is unknown."""
        href = self(target or self.here, pid or "source")
        if pid is None:
            return f'<a href="{href}">source</a>'
        label = {"p": "¶", "h": "heading ", "c": "caption "}[pid[0]] + pid[1:]
        return f'<a href="{href}">{label}</a>'
