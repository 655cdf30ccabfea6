"""Who does what to whom as a picture: a small relation graph, inline SVG made at build time.

No script, no external request, the same bytes for the same relations. The picture has a
title and a description for screen readers, and the page lists the same relations as text
beside it (the graph is an aid to the eye, never the only place a relation is). Names and
verbs are escaped for XML; a long name is shortened on the picture only.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from ..analyze.text import short_hash

MAX_NODES = 10
WIDTH, HEIGHT = 640, 340
NAME_CHARS = 26
CHAR_WIDTH = 6.6
"""Average width of a character of the 12 px label font, for the box around a name."""


@dataclass(frozen=True, slots=True)
class Edge:
    subject: str
    """Node key of the subject."""
    object: str
    label: str
    directed: bool


def relation_graph(names: dict[str, tuple[str, str]], edges: list[Edge], title: str, center: str | None = None) -> str:
    """An inline SVG of the ``edges`` between nodes (key -> (name, type)); ``center`` (a
    key) is drawn in the middle, else the most connected node when it touches half the
    edges. "" when there is nothing to draw."""
    edges = _unique(edges)
    if not edges:
        return ""
    degree: dict[str, int] = {}
    for edge in edges:
        degree[edge.subject] = degree.get(edge.subject, 0) + 1
        degree[edge.object] = degree.get(edge.object, 0) + 1
    keys = sorted(degree, key=lambda k: (k != center, -degree[k], names[k][0].casefold(), k))[:MAX_NODES]
    edges = [e for e in edges if e.subject in keys and e.object in keys]
    hub = center if center in keys else (keys[0] if degree[keys[0]] * 2 >= len(edges) and len(keys) > 2 else None)
    places = _layout(keys, hub)
    x0 = min(x - _box(names[k][0])[0] / 2 for k, (x, y) in places.items()) - 8
    x1 = max(x + _box(names[k][0])[0] / 2 for k, (x, y) in places.items()) + 8
    y0 = min(y for x, y in places.values()) - 24
    y1 = max(y for x, y in places.values()) + 24
    parts = [
        f'<svg class="relation-graph" width="{x1 - x0:.0f}" height="{y1 - y0:.0f}" viewBox="{x0:.0f} {y0:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" role="img" aria-labelledby="{_id(title)}-t {_id(title)}-d" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{_id(title)}-t">{escape(title)}</title>',
        f'<desc id="{_id(title)}-d">{escape("; ".join(f"{names[e.subject][0]} {e.label} {names[e.object][0]}" for e in edges))}</desc>',
        f'<defs><marker id="{_id(title)}-a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" class="relation-graph__arrow"/></marker></defs>',
    ]
    for edge in edges:
        (x1, y1), (x2, y2) = places[edge.subject], places[edge.object]
        x1, y1, x2, y2 = _clip(x1, y1, x2, y2, _box(names[edge.subject][0]), _box(names[edge.object][0]))
        marker = f' marker-end="url(#{_id(title)}-a)"' if edge.directed else ""
        parts.append(f'<line class="relation-graph__edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"{marker}/>')
        parts.append(f'<text class="relation-graph__verb" x="{(x1 + x2) / 2:.1f}" y="{(y1 + y2) / 2 - 4:.1f}" text-anchor="middle">{escape(edge.label)}</text>')
    for key in keys:
        name, kind = names[key]
        x, y = places[key]
        width, height = _box(name)
        shown = name if len(name) <= NAME_CHARS else name[: NAME_CHARS - 1].rstrip() + "…"
        parts.append(
            f'<g class="relation-graph__node relation-graph__node--{escape(kind)}">'
            f'<rect x="{x - width / 2:.1f}" y="{y - height / 2:.1f}" width="{width:.1f}" height="{height:.1f}" rx="6"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(shown)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _unique(edges: list[Edge]) -> list[Edge]:
    seen, result = set(), []
    for edge in edges:
        key = (edge.label, *sorted((edge.subject, edge.object))) if not edge.directed else (edge.label, edge.subject, edge.object)
        if key not in seen and edge.subject != edge.object:
            seen.add(key)
            result.append(edge)
    return result


def _layout(keys: list[str], hub: str | None) -> dict[str, tuple[float, float]]:
    """The hub in the middle and the others on an ellipse around it, or all on the ellipse;
    the first node at the top, then clockwise."""
    ring = [k for k in keys if k != hub]
    places = {hub: (WIDTH / 2, HEIGHT / 2)} if hub is not None else {}
    rx, ry = WIDTH / 2 - 95, HEIGHT / 2 - 30
    for i, key in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(1, len(ring))
        if len(ring) <= 2:
            angle = math.pi * (1 - i)  # one or two around: side by side, left then right
        places[key] = (WIDTH / 2 + rx * math.cos(angle), HEIGHT / 2 + ry * math.sin(angle))
    return places


def _box(name: str) -> tuple[float, float]:
    return min(len(name), NAME_CHARS) * CHAR_WIDTH + 16, 24.0


def _clip(x1: float, y1: float, x2: float, y2: float, box1, box2) -> tuple[float, float, float, float]:
    """The line between two boxes' centres, from edge to edge, so the arrow head shows."""
    def inset(x, y, dx, dy, box):
        w, h = box[0] / 2 + 2, box[1] / 2 + 2
        scale = min(w / abs(dx) if dx else math.inf, h / abs(dy) if dy else math.inf)
        return x + dx * scale, y + dy * scale

    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return x1, y1, x2, y2
    sx, sy = inset(x1, y1, dx, dy, box1)
    ex, ey = inset(x2, y2, -dx, -dy, box2)
    return sx, sy, ex, ey


def _id(title: str) -> str:
    return "graph-" + short_hash(title)
