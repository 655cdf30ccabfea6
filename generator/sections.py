"""Strategy sections: the article's own headings, each with the paragraphs it introduces."""

from __future__ import annotations

from .model import Article, Section


def build_sections(article: Article) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading, heading_id, body = None, None, []
    for paragraph in article.paragraphs:
        if paragraph.kind == "heading":
            if heading is not None and body:
                sections.append(Section(heading, heading_id, tuple(body)))
            heading, heading_id, body = paragraph.text, paragraph.id, []
        elif paragraph.kind == "body" and heading is not None:
            body.append(paragraph.id)
    if heading is not None and body:
        sections.append(Section(heading, heading_id, tuple(body)))
    return tuple(sections)
