"""The ``analyze --json`` form of a briefing (schema: generator/schema/briefing.schema.json)."""

from __future__ import annotations

from dataclasses import asdict

from .citation import bibtex, csl_json
from .model import Briefing


def briefing_to_dict(briefing: Briefing) -> dict:
    article = briefing.article
    return {
        "title": article.title,
        "date": article.date.isoformat(),
        "slug": briefing.slug,
        "path": article.seed_name,
        "source": {k: v for k, v in asdict(article.source).items() if v is not None},
        "tags": list(article.tags),
        "paragraphs": [{"id": p.id, "kind": p.kind, "text": p.text} for p in article.paragraphs],
        "summary": [{"text": s.text, "paragraph": s.paragraph} for s in briefing.summary],
        "actors": [
            {
                "name": a.name,
                "type": a.type,
                "aliases": list(a.aliases),
                "role": a.role,
                "role_paragraph": a.role_paragraph,
                "salience": a.salience,
                "mentions": [{"paragraph": m.paragraph, "start": m.start, "end": m.end} for m in a.mentions],
            }
            for a in briefing.actors
        ],
        "timeline": [asdict(e) for e in briefing.timeline],
        "sections": [
            {"heading": s.heading, "heading_paragraph": s.heading_paragraph, "paragraphs": list(s.paragraphs)}
            for s in briefing.sections
        ],
        "figures": [asdict(f) for f in briefing.figures],
        "secondary_sources": [asdict(s) for s in briefing.secondary_sources],
        "citation": {"bibtex": bibtex(briefing), "csl": csl_json(briefing)},
        "edited": sorted(briefing.edited),
        "notes": briefing.notes,
    }
