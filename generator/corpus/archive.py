"""Archives: a long list of dated rows split into pages of bounded size.

An actor page shows its latest briefings and timeline entries; the rest are on archive
pages, one per year, and in a busy year one per run of months of at most ``PAGE_ROWS``
rows ("March–May 2024"; the year page then keeps what is dated only to the year, a
quarter or a season). Any page past ``PAGE_ROWS`` rows is cut
into numbered parts. So no page grows with the corpus: the size of a page is bounded by
construction, whatever N (``tests/test_scale.py`` checks it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .catalog import MONTH_DATE, MONTHS, PAGE_ROWS, ActorEntry, Appearance, DatedEntry, actor_years

LATEST = 20
"""Briefings, and timeline entries, an actor page shows itself (the newest)."""


ALL = "all"
"""The key of the one archive page of an actor whose rows fit on a page (``actors/<slug>/all.md``)."""


@dataclass(frozen=True, slots=True)
class ArchivePage:
    """One archive page: a year, a month of a busy year, or a numbered part of either."""

    key: str
    """"2024", "2024-03", "2024-p2", "2024-03-p2": the page's file name."""
    label: str
    """"2024", "March 2024", "2024, part 2"."""
    year: str
    briefings: tuple[Appearance, ...] = ()
    """Newest first."""
    entries: tuple[DatedEntry, ...] = ()
    """Oldest first."""
    parts: tuple[str, ...] = ()
    """Keys of every part of this page (itself included) when it is cut; else ()."""


@dataclass(frozen=True, slots=True)
class ArchiveYear:
    key: str
    briefings: int
    entries: int
    pages: tuple[ArchivePage, ...]
    """The year's page first, then its months (each with its parts)."""

    @property
    def months(self) -> tuple[ArchivePage, ...]:
        """The first page of each month (a month's further parts are linked from it)."""
        return tuple(p for p in self.pages if p.key != self.key and "-p" not in p.key)


def actor_archive(entry: ActorEntry, limit: int = PAGE_ROWS, latest: int = LATEST, *, reuse: Callable[[str, tuple, Callable], ArchiveYear] | None = None) -> tuple[ArchiveYear, ...]:
    """The archive of an actor, newest year first; () when its page shows everything.
    ``reuse(name, inputs, make)``: ``make()``, or what it gave for equal inputs before (the
    Generator's: a year whose rows are unchanged is not cut into pages again)."""
    if len(entry.appearances) <= latest and len(entry.timeline) <= latest:
        return ()
    if len(entry.appearances) + len(entry.timeline) <= limit:  # one page holds it all
        return (ArchiveYear(ALL, len(entry.appearances), len(entry.timeline), _parts(ALL, "all years", ALL, list(entry.appearances), list(entry.timeline), limit)),)
    years = actor_years(entry.appearances, entry.timeline) if entry.years is None else entry.years
    if reuse is None:
        return tuple(_year(year, *years[year], limit) for year in sorted(years, reverse=True))
    return tuple(reuse(f"archive:{entry.slug}:{year}", (years[year], limit), lambda y=year: _year(y, *years[y], limit)) for year in sorted(years, reverse=True))


def _year(year: str, briefings: list, entries: list, limit: int) -> ArchiveYear:
    if len(briefings) + len(entries) <= limit:
        return ArchiveYear(year, len(briefings), len(entries), _parts(year, year, year, briefings, entries, limit))
    months: dict[str, list] = defaultdict(lambda: [[], []])
    coarse = []
    for appearance in briefings:
        months[f"{appearance.briefing.article.date.month:02d}"][0].append(appearance)
    last, into = None, coarse
    for dated in entries:
        if dated.event.date != last:  # entries of one date come together: matched once
            last = dated.event.date
            month = _month(last)
            into = months[month][1] if month else coarse
        into.append(dated)
    pages = list(_parts(year, year, year, [], coarse, limit))
    for group in _pack(sorted(months, reverse=True), months, limit):
        first, last = group[-1], group[0]  # oldest, newest
        label = MONTHS[int(first) - 1] + ("" if first == last else "–" + MONTHS[int(last) - 1]) + f" {year}"
        picked = [b for month in group for b in months[month][0]], [e for month in reversed(group) for e in months[month][1]]
        pages += _parts(f"{year}-{first}", label, year, *picked, limit)
    return ArchiveYear(year, len(briefings), len(entries), tuple(pages))


def _parts(key: str, label: str, year: str, briefings: list, entries: list, limit: int) -> tuple[ArchivePage, ...]:
    """The page ``key``, cut into parts of at most ``limit`` rows (briefings first)."""
    briefings, entries = tuple(briefings), tuple(entries)
    starts = range(0, len(briefings) + len(entries), limit) or range(1)  # one page, maybe empty
    keys = tuple(key if n == 0 else f"{key}-p{n + 1}" for n in range(len(starts)))
    return tuple(
        ArchivePage(
            keys[n], label if n == 0 else f"{label}, part {n + 1}", year,
            briefings[start : start + limit], entries[max(0, start - len(briefings)) : max(0, start + limit - len(briefings))],
            keys if len(keys) > 1 else (),
        )
        for n, start in enumerate(starts)
    )


def _pack(order: list[str], months: dict[str, list], limit: int) -> list[list[str]]:
    """Consecutive months (``order``, newest first) gathered into pages of at most
    ``limit`` rows; a month longer than that is a page of its own (cut into parts)."""
    groups: list[list[str]] = []
    rows = limit
    for month in order:
        size = len(months[month][0]) + len(months[month][1])
        if rows + size > limit:
            groups.append([])
            rows = 0
        groups[-1].append(month)
        rows += size
    return groups


def _month(value: str) -> str | None:
    match = MONTH_DATE.match(value)
    return match.group(1) if match else None


def latest_entries(entry: ActorEntry, latest: int = LATEST) -> tuple[DatedEntry, ...]:
    """The newest ``latest`` timeline entries of an actor, oldest first (as its page lists them)."""
    return entry.timeline[-latest:] if latest else ()
