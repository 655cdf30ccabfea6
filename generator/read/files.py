"""Finding and opening the files of a seeds folder, as untrusted data.

Only regular files inside the folder are read. A symbolic link is never followed (it
could point at ``/etc/shadow`` or at a seed elsewhere), and a FIFO, socket, device or
folder where a seed or sidecar is expected is never opened in a way that could block:
each is reported by name and skipped. Files are opened with ``O_NOFOLLOW | O_NONBLOCK``
and checked with ``fstat`` before a byte is read, so a file swapped for a link or a pipe
between the scan and the read is refused too.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISLNK, "a symbolic link"),
)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class UnsafeFile(Exception):
    """A file that is not read: its message says what it is, never what it points to."""


class SeedsFolderMissing(Exception):
    """The seeds folder does not exist or is not a folder."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry of the seeds folder that looks like a seed but is not read."""

    path: Path
    reason: str


def kind_of(mode: int) -> str | None:
    """What a file of this mode is, when it is not a regular file."""
    return next((name for test, name in _KINDS if test(mode)), None if stat.S_ISREG(mode) else "not a regular file")


def not_read_reason(kind: str) -> str:
    if kind == "a symbolic link":
        return "is a symbolic link; not followed (seeds are read only from regular files inside the seeds folder)"
    return f"is {kind}, not a regular file; skipped"


def scan_folder(
    root: Path, suffixes: tuple[str, ...], stats: dict | None = None, known: dict[str, Path] | None = None
) -> tuple[tuple[Path, ...], tuple[Skipped, ...]]:
    """Regular files under ``root`` whose suffix is one of ``suffixes``, sorted by path, and
    the entries that look like seeds but are not read (links, pipes, devices, folders named
    like a seed). Hidden files and folders are skipped silently; linked folders are not
    entered. ``stats``, when given, gets the ``lstat`` of each entry listed, by its path as a
    string (the listing made them: a caller need not ask the system again). ``known``: the
    files an earlier scan found, by their path as a string; a file found again is given as
    the very same ``Path`` (its string and hash are made already: a scan under ``mkdocs
    serve`` made a thousand anew). Left holding the files this scan found."""
    if not root.is_dir():
        raise SeedsFolderMissing(f"seeds folder {root} {'is not a folder' if root.exists() else 'does not exist'}")
    found: list[Path] = []
    skipped: list[Skipped] = []
    earlier, kept = known or {}, {}
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as err:
            skipped.append(Skipped(folder, f"cannot be listed ({err.strerror})"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = earlier.get(entry.path) or Path(entry.path)
            looks_like_seed = path.suffix.lower() in suffixes
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            mode = st.st_mode
            if stats is not None:
                stats[entry.path] = st
            if stat.S_ISDIR(mode) and not looks_like_seed:
                pending.append(path)
            elif stat.S_ISREG(mode):
                if looks_like_seed:
                    found.append(path)
                    kept[entry.path] = path
            elif looks_like_seed or stat.S_ISLNK(mode) and _is_linked_folder(path):
                skipped.append(Skipped(path, not_read_reason(kind_of(mode) or "not a regular file")))
    if known is not None:
        known.clear()
        known.update(kept)
    key = lambda p: p.as_posix()  # noqa: E731
    return tuple(sorted(found, key=key)), tuple(sorted(skipped, key=lambda s: key(s.path)))


def _is_linked_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` of them; ``UnsafeFile`` for a link,
    a pipe, a device or a folder, ``ValueError`` for a file over the limit, ``OSError`` as
    the system says."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as err:
        if err.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise UnsafeFile(not_read_reason("a symbolic link")) from None
        raise
    try:
        info = os.fstat(fd)
        kind = kind_of(info.st_mode)
        if kind is not None:
            raise UnsafeFile(not_read_reason(kind))
        if info.st_size > max_bytes:
            raise ValueError(f"file is {info.st_size:,} bytes; the limit is {max_bytes:,} bytes")
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # grew while being read
                raise ValueError(f"file is over {max_bytes:,} bytes; the limit is {max_bytes:,} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def lstat_kind(path: Path) -> str | None:
    """None for a regular file; what it is otherwise ("a symbolic link", "a FIFO"...);
    raises FileNotFoundError when there is nothing at ``path``."""
    return kind_of(os.lstat(path).st_mode)
