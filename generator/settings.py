"""Typed settings of the core, checked once. The CLI and the MkDocs plugin fill them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TIMELINE_PAGE_ENTRIES = 500


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on one seed file; a file past them is an error, never a slow build."""

    max_bytes: int = 1_000_000
    """Largest seed file accepted, in bytes (a long news article is under 100 kB)."""
    max_paragraphs: int = 2_000
    """Most paragraphs (body, headings, captions) in one seed."""
    max_line_length: int = 50_000
    """Longest line accepted, in characters."""
    max_metadata_bytes: int = 100_000
    """Largest sidecar accepted, in bytes (metadata is a few lines)."""


@dataclass(frozen=True, slots=True)
class StorySettings:
    """How briefings are grouped into storylines (``generator.corpus.stories``)."""

    enabled: bool = True
    window_days: int = 150
    """A story stays open this many days after its newest briefing..."""
    max_span_days: int = 365
    """... and closes this many days after its first: a developing event, not a topic of years."""
    threshold: float = 0.3
    """Least similarity (0..1) for a briefing to join a story."""
    min_terms: float = 0.15
    """Least word similarity: shared actors alone do not make a story."""
    actor_weight: float = 0.6
    """Share of the similarity from shared key actors (the rest from shared words)."""
    term_weight: float = 0.4
    key_actors: int = 6
    """How many of a briefing's most salient actors (places left out) count."""
    terms: int = 30
    """How many of a briefing's weightiest words count."""

    def problems(self) -> list[str]:
        """What is out of range, as messages naming the option and what is accepted."""
        found = [f"stories.{n} must be between 0 and 1, not {getattr(self, n)}" for n in ("threshold", "min_terms", "actor_weight", "term_weight") if not 0 <= getattr(self, n) <= 1]
        found += [f"stories.{n} must be at least 1, not {getattr(self, n)}" for n in ("window_days", "max_span_days", "key_actors", "terms") if getattr(self, n) < 1]
        return found + [f"stories.{n} must be at most 100000 days, not {getattr(self, n)}" for n in ("window_days", "max_span_days") if getattr(self, n) > 100_000]


@dataclass(frozen=True, slots=True)
class Settings:
    seeds_dir: Path = Path("seeds")
    """Folder of source articles."""
    templates_dir: Path = Path("templates")
    """Folder of the Jinja2 templates of every generated page."""
    limits: Limits = Limits()
    home_intro: str = ""
    """Hand-written Markdown shown above the generated list on the home page."""
    cache_dir: Path | None = None
    """Folder of the analysis cache (None: no cache)."""
    workers: int | None = None
    """Processes for analysis of large corpora (None: one per core; 1: serial)."""
    timeline_page_entries: int = TIMELINE_PAGE_ENTRIES
    """A longer timeline is split into a page per year (per month in a year longer than this)."""
    site_url: str = ""
    """Where the site is published; absolute links in the feed and JSON-LD when set."""
    directory_urls: bool | None = True
    """MkDocs' ``use_directory_urls``: how the links the pages write as HTML name a page;
    None names the Markdown file (``briefing render``, for engines that resolve it)."""
    stories: StorySettings = StorySettings()
    """How briefings are grouped into storylines."""
    feeds: tuple[str, ...] = ()
    """Feed URLs and OPML lists that ``briefing fetch`` reads when given none (plugin option ``feeds``)."""
