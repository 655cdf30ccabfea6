"""Citations of a source article: BibTeX and CSL-JSON, built from what the seed says."""

from __future__ import annotations

import re

from ..model import Briefing

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def citation_key(briefing: Briefing) -> str:
    article = briefing.article
    word = re.sub(r"[^a-z0-9]", "", (article.source.publisher or article.title.split()[0]).lower()) or "article"
    return f"{word[:20]}{article.date.year}{briefing.slug.rsplit('-', 1)[-1][:12]}"


def csl_json(briefing: Briefing) -> dict:
    """A CSL-JSON item (``article-newspaper``)."""
    article = briefing.article
    item: dict = {
        "id": citation_key(briefing),
        "type": "article-newspaper",
        "title": article.title,
        "issued": {"date-parts": [[article.date.year, article.date.month, article.date.day]]},
    }
    if article.source.publisher:
        item["container-title"] = article.source.publisher
        item["publisher"] = article.source.publisher
    if article.source.author:
        item["author"] = [{"literal": article.source.author}]
    if article.source.url:
        item["URL"] = article.source.url
    if article.source.fetched:
        year, month, day = (int(part) for part in article.source.fetched[:10].split("-"))
        item["accessed"] = {"date-parts": [[year, month, day]]}
    return item


def bibtex(briefing: Briefing) -> str:
    """A BibTeX ``@article`` entry; values are escaped for LaTeX."""
    article = briefing.article
    fields = [("title", article.title)]
    if article.source.author:
        fields.append(("author", article.source.author))
    if article.source.publisher:
        fields.append(("journal", article.source.publisher))
    fields += [("date", article.date.isoformat()), ("year", str(article.date.year))]
    if article.source.url:
        fields.append(("url", article.source.url))
    if article.source.fetched:
        fields.append(("urldate", article.source.fetched[:10]))  # biblatex: the day the URL was read
    body = ",\n".join(f"  {name} = {{{_bibtex_value(value, name)}}}" for name, value in fields)
    return f"@article{{{citation_key(briefing)},\n{body}\n}}"


def _bibtex_value(value: str, name: str) -> str:
    if name == "url":
        return value.replace("{", "%7B").replace("}", "%7D").replace("\\", "%5C")
    return "".join(_BIBTEX_SPECIAL.get(c, c) for c in value)
