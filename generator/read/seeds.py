"""Read seed files into validated :class:`Article` values.

Accepted forms:

* plain text (``.txt``): a header line ``date YYYY-MM-DD Title``, then paragraphs
  separated by blank lines; an optional sidecar ``<seed>.yml`` beside it with metadata;
* Markdown (``.md``) with YAML front matter (``title``, ``date``, ``source``, ``tags``).

Every problem is reported as a :class:`SeedProblem` naming the file, the line and what
would be accepted. Text is data: nothing here interprets it as markup.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .metadata import KEYS as METADATA_KEYS
from .metadata import Metadata, normalize, parse_date, parse_metadata, quote
from .files import UnsafeFile, lstat_kind, not_read_reason, read_regular, scan_folder
from ..model import Article, Paragraph, SeedError, SeedProblem, Seeds, Source, failure_problem
from ..settings import Limits

SEED_SUFFIXES = (".txt", ".md", ".html", ".htm")
SIDECAR_SUFFIX = ".yml"
HEADER_FORM = "`date YYYY-MM-DD Title`"

_HEADER_RE = re.compile(r"date[ \t]+(\S+)(?:[ \t]+(.*))?")
_MD_HEADING_RE = re.compile(r"#{1,6}[ \t]+(.*?)[ \t#]*")
_CREDIT_RE = re.compile(
    r"(?:©|(?:\(c\)|copyright\b)(?=\s*(?:(?:19|20)\d\d\b|[^\w\s]|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4}\s*[)\]]?\s*$)))\s*(?P<credit>[^©]+?)\s*[)\]]?\s*$"
    r"|^\W*(?:photo(?:graph)?|image|picture|illustration)s?(?:\s+credit)?\s*(?:by)?\s*[:：]\s*(?P<credit2>.+?)\s*$",
    re.IGNORECASE,
)
_CLOSERS = "\"'”’»)]*_ "
_TERMINAL = ".!?;:,…"
_DATA_END_RE = re.compile(r"(?<![\w.,:])(?!(?:1[89]|20)\d\d$)\d[\d.,:]*$")
"""A line ending in a number (a score, a time, an amount), other than a year: data, not a heading."""
_HEADING_MAX_WORDS = 14
_HEADING_MAX_CHARS = 120


@dataclass(frozen=True, slots=True)
class _Block:
    line: int
    lines: tuple[str, ...]


def read_seeds(seeds_dir: Path, limits: Limits = Limits()) -> Seeds:
    """Read every seed under ``seeds_dir`` (sorted by path); bad files become problems."""
    paths, problems = seed_paths(seeds_dir)
    return collect(problems, [read_one(path, seeds_dir, limits) for path in paths])


def collect(problems: tuple[SeedProblem, ...], results: list[Article | SeedProblem]) -> Seeds:
    """The articles and the problems (sorted by path) of a run of ``read_one``."""
    articles = tuple(r for r in results if isinstance(r, Article))
    found = problems + tuple(r for r in results if isinstance(r, SeedProblem))
    return Seeds(articles, tuple(sorted(found, key=lambda p: p.path.as_posix())))


def seed_paths(seeds_dir: Path, stats: dict | None = None, known: dict | None = None) -> tuple[tuple[Path, ...], tuple[SeedProblem, ...]]:
    """The seed files to read (a file given alone, or the regular seed files of a folder),
    and a problem for each entry that looks like a seed but is not read (a link, a pipe, a
    folder named like a seed). Raises ``SeedsFolderMissing`` when there is no such folder.
    ``stats``: filled as ``scan_folder`` fills it, for ``seed_stamp``; ``known``: see ``scan_folder``."""
    if seeds_dir.is_file():
        return (seeds_dir,), ()
    paths, skipped = scan_folder(seeds_dir, SEED_SUFFIXES, stats, known)
    return paths, tuple(SeedProblem(s.path, None, s.reason) for s in skipped)


def read_one(path: Path, seeds_dir: Path, limits: Limits) -> Article | SeedProblem:
    """One seed (with its sidecar): the article, or the problem that names the file."""
    try:
        article = read_seed(path, limits)
    except SeedError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001 - a bug not found yet stays this seed's problem
        return failure_problem(path, "reading", err)
    name = path.relative_to(seeds_dir).as_posix() if seeds_dir.is_dir() else path.name
    return dataclasses.replace(article, name=name)


def seed_stamp(path: Path, stats: dict | None = None) -> tuple:
    """What changes when a seed or its sidecar is edited, replaced or removed: a caller that
    keeps results between builds reads again only the seeds whose stamp changed. ``stats``:
    what ``seed_paths`` listed, when it listed the seed's folder (no system call then)."""
    listed = stats.get(str(path)) if stats else None
    if listed is not None:
        name = str(path)
        sidecars = (stats.get(name + SIDECAR_SUFFIX), stats.get(os.path.splitext(name)[0] + SIDECAR_SUFFIX))  # _sidecar_candidates
        return tuple(None if st is None else (st.st_mtime_ns, st.st_size, st.st_ino, st.st_mode) for st in (listed, *sidecars))
    stamps = []
    for candidate in (path, *_sidecar_candidates(path)):
        try:
            st = candidate.lstat()
            stamps.append((st.st_mtime_ns, st.st_size, st.st_ino, st.st_mode))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def find_seed_files(seeds_dir: Path) -> tuple[Path, ...]:
    """Seed files under ``seeds_dir``, recursively, in a stable order (see ``seed_paths``)."""
    return seed_paths(seeds_dir)[0]


def read_seed(path: Path, limits: Limits = Limits()) -> Article:
    """Read one seed file (and its sidecar, for a ``.txt`` seed)."""
    if path.suffix.lower() in (".html", ".htm"):
        return _read_html(path, limits)
    text = _decode(path, limits)
    if path.suffix.lower() == ".md":
        meta, body_start, lines = _split_front_matter(path, text)
        blocks = _blocks(lines, body_start)
        paragraphs = _paragraphs_from_markdown(blocks)
    else:
        meta, body_start, lines = _split_header(path, text)
        sidecar = _sidecar_of(path)
        if sidecar is not None:
            meta = meta.merged(_read_metadata_file(sidecar, limits))
        paragraphs = _paragraphs_from_text(_blocks(lines, body_start))
    return _article(path, meta, paragraphs, limits)


# -- decoding and limits ---------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int, setting: str = "max_bytes") -> bytes:
    try:
        return read_regular(path, max_bytes)
    except UnsafeFile as err:
        raise SeedError(SeedProblem(path, None, str(err))) from None
    except ValueError as err:
        raise SeedError(SeedProblem(path, None, f"{err} (setting {setting})")) from None
    except OSError as err:
        raise SeedError(SeedProblem(path, None, f"cannot read file: {err.strerror}")) from None


def _decode(path: Path, limits: Limits) -> str:
    data = _read_bytes(path, limits.max_bytes)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SeedError(SeedProblem(path, line, "binary data (NUL byte); accepted: UTF-8 text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SeedError(
            SeedProblem(
                path,
                line,
                f"not UTF-8 (byte 0x{data[err.start]:02x}); accepted: UTF-8 text, with or without BOM "
                "(convert with e.g. `iconv -f latin1 -t utf-8`)",
            )
        ) from err
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > limits.max_line_length:
            raise SeedError(
                SeedProblem(path, number, f"line is {len(line):,} characters; the limit is {limits.max_line_length:,} (setting max_line_length)")
            )
    if not text.strip():
        raise SeedError(SeedProblem(path, 1, f"empty file; a seed starts with a header line {HEADER_FORM}"))
    return text


# -- plain text seeds -------------------------------------------------------------------


def _split_header(path: Path, text: str) -> tuple[Metadata, int, list[str]]:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip())
    header = lines[index].strip()
    match = _HEADER_RE.fullmatch(header)
    if not match:
        raise SeedError(
            SeedProblem(path, index + 1, f"expected a header line {HEADER_FORM}, found {quote(header)}")
        )
    date = parse_date(path, index + 1, match.group(1))
    title = normalize(match.group(2) or "")
    if not title:
        raise SeedError(SeedProblem(path, index + 1, f"the header has no title; expected {HEADER_FORM}"))
    return Metadata(title=title, date=date), index + 1, lines


def _paragraphs_from_text(blocks: list[_Block]) -> list[tuple[str, str, int]]:
    """Split blocks into (kind, text, line): captions, headings and body paragraphs."""
    pieces: list[tuple[str, str, int, bool]] = []  # kind, text, line, single-line
    for block in blocks:
        run: list[str] = []
        run_line = block.line
        for offset, line in enumerate(block.lines):
            if is_caption(line):
                if run:
                    pieces.append(("body", " ".join(run), run_line, len(run) == 1))
                    run = []
                pieces.append(("caption", line, block.line + offset, True))
                run_line = block.line + offset + 1
            else:
                if not run:
                    run_line = block.line + offset
                run.append(line)
        if run:
            pieces.append(("body", " ".join(run), run_line, len(run) == 1))
    result = []
    for i, (kind, text, line, single) in enumerate(pieces):
        following = [p for p in pieces[i + 1 :] if p[0] != "caption"]
        if kind == "body" and single and following and is_heading(text):
            kind = "heading"
        result.append((kind, normalize(text), line))
    return result


def is_heading(line: str) -> bool:
    """A short line without closing punctuation: introduces the paragraphs after it."""
    text = normalize(line)
    words = text.split()
    if not words or len(words) > _HEADING_MAX_WORDS or len(text) > _HEADING_MAX_CHARS:
        return False
    stripped = text.rstrip(_CLOSERS)
    if not stripped or stripped[-1] in _TERMINAL:
        return False
    if _DATA_END_RE.search(stripped):
        return False  # "6. Steve Brown (U.S.) 13.53", "Salim Malik c Stewart b Hollioake 23": a line of results
    first = text.lstrip("\"'“‘«(")[:1]
    return first.isupper() or first.isdigit()


def is_caption(line: str) -> bool:
    """An image caption or credit line, such as ``Title - © Shutterstock``."""
    return len(line) <= 400 and _CREDIT_RE.search(line.strip()) is not None


def caption_credit(line: str) -> str | None:
    match = _CREDIT_RE.search(line.strip())
    if not match:
        return None
    credit = (match.group("credit") or match.group("credit2") or "").strip(" .-–—")
    return normalize(credit) or None


# -- HTML pages -----------------------------------------------------------------------------


def _read_html(path: Path, limits: Limits) -> Article:
    from .html import HtmlSeedError, extract_html, html_date, html_source

    data = _read_bytes(path, limits.max_bytes)
    try:
        found, blocks = extract_html(data)
    except HtmlSeedError as err:
        raise SeedError(SeedProblem(path, None, f"{err}; accepted: a saved news article page")) from err
    meta = Metadata(title=normalize(found["title"] or "") or None, date=html_date(found["date"]), source=html_source(found))
    sidecar = _sidecar_of(path)
    if sidecar is not None:
        meta = meta.merged(_read_metadata_file(sidecar, limits))
    if meta.title is None or meta.date is None:
        missing = "title" if meta.title is None else "publication date"
        raise SeedError(SeedProblem(path, None, f"the page has no {missing}; add it in a sidecar {path.name}.yml ({'title: ...' if meta.title is None else 'date: YYYY-MM-DD'})"))
    return _article(path, meta, [(kind, normalize(text), None) for kind, text in blocks], limits)


def _sidecar_candidates(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + SIDECAR_SUFFIX), path.with_suffix(SIDECAR_SUFFIX)


def _sidecar_of(path: Path) -> Path | None:
    """The seed's sidecar, if it has one; a sidecar that is a link, a pipe or a folder is
    the seed's problem (never opened)."""
    for candidate in _sidecar_candidates(path):
        try:
            kind = lstat_kind(candidate)
        except OSError:
            continue
        if kind is not None:
            raise SeedError(SeedProblem(candidate, None, f"sidecar {not_read_reason(kind)}"))
        return candidate
    return None


# -- Markdown seeds ----------------------------------------------------------------------


def _split_front_matter(path: Path, text: str) -> tuple[Metadata, int, list[str]]:
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise SeedError(
            SeedProblem(path, 1, "a Markdown seed starts with YAML front matter between `---` lines (title, date, source, tags)")
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise SeedError(SeedProblem(path, 1, "front matter is not closed by a `---` line")) from None
    meta = parse_metadata(path, "\n".join(lines[1:end]), first_line=2)
    for key in ("title", "date"):
        if getattr(meta, key) is None:
            raise SeedError(SeedProblem(path, 1, f"front matter has no '{key}'; accepted keys: {', '.join(METADATA_KEYS)}"))
    return meta, end + 1, lines


def _paragraphs_from_markdown(blocks: list[_Block]) -> list[tuple[str, str, int]]:
    result = []
    for block in blocks:
        first = block.lines[0].strip()
        heading = _MD_HEADING_RE.fullmatch(first)
        if heading and len(block.lines) == 1:
            result.append(("heading", normalize(heading.group(1)), block.line))
        elif len(block.lines) == 1 and is_caption(first):
            result.append(("caption", normalize(first), block.line))
        else:
            result.append(("body", normalize(" ".join(block.lines)), block.line))
    return result


# -- metadata (front matter and sidecars) ------------------------------------------------


def _read_metadata_file(path: Path, limits: Limits) -> Metadata:
    data = _read_bytes(path, limits.max_metadata_bytes, "max_metadata_bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SeedError(SeedProblem(path, line, f"sidecar is not UTF-8 (byte 0x{data[err.start]:02x}); accepted: UTF-8 YAML")) from None
    return parse_metadata(path, text, first_line=1)


# -- shared ------------------------------------------------------------------------------


def _blocks(lines: list[str], start: int) -> list[_Block]:
    """Runs of non-blank lines from index ``start``; ``line`` is 1-based."""
    blocks, current, first = [], [], 0
    for index in range(start, len(lines)):
        line = lines[index]
        if line.strip():
            if not current:
                first = index + 1
            current.append(line.strip())
        elif current:
            blocks.append(_Block(first, tuple(current)))
            current = []
    if current:
        blocks.append(_Block(first, tuple(current)))
    return blocks


def _article(path: Path, meta: Metadata, pieces: list[tuple[str, str, int]], limits: Limits) -> Article:
    if len(pieces) > limits.max_paragraphs:
        raise SeedError(
            SeedProblem(path, pieces[limits.max_paragraphs][2], f"more than {limits.max_paragraphs:,} paragraphs (setting max_paragraphs)")
        )
    counters = {"body": 0, "heading": 0, "caption": 0}
    prefixes = {"body": "p", "heading": "h", "caption": "c"}
    paragraphs = []
    credit = meta.source.image_credit
    for kind, text, line in pieces:
        counters[kind] += 1
        paragraphs.append(Paragraph(f"{prefixes[kind]}{counters[kind]}", kind, text, line))
        if kind == "caption" and credit is None:
            credit = caption_credit(text)
    if not counters["body"]:
        raise SeedError(SeedProblem(path, None, "no body paragraphs; after the header, write paragraphs separated by blank lines"))
    source = meta.source if credit == meta.source.image_credit else _replace_credit(meta.source, credit)
    assert meta.title is not None and meta.date is not None
    return Article(path=path, title=meta.title, date=meta.date, paragraphs=tuple(paragraphs), source=source, tags=meta.tags, overrides=meta.overrides)


def _replace_credit(source: Source, credit: str | None) -> Source:
    return dataclasses.replace(source, image_credit=credit)

