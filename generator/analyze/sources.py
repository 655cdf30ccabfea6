"""Secondary sources: the organizations an article cites ("reports Caixin", "according to
Reuters"), each with the paragraph that cites it."""

from __future__ import annotations

import re

from ..model import Actor, SecondarySource
from .document import Document
from .lexicon import MEDIA_VERBS

_CITED_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in MEDIA_VERBS) + r")\s+(?:the\s+)?$", re.IGNORECASE)
_CITED_AFTER = re.compile(r"\s+(?:reported|reports)\b")


def find_secondary_sources(document: Document, actors: tuple[Actor, ...]) -> tuple[SecondarySource, ...]:
    found: dict[str, SecondarySource] = {}
    for actor in actors:
        if actor.type != "organization":
            continue
        for mention in actor.mentions:
            text = document.passage(mention.paragraph).text
            before = text[max(0, mention.start - 30) : mention.start]
            after = text[mention.end : mention.end + 16]
            if _CITED_BEFORE.search(before) or _CITED_AFTER.match(after):
                found.setdefault(actor.name, SecondarySource(actor.name, mention.paragraph))
    return tuple(found.values())
