"""Render many pages in worker processes.

Rendering the templates is most of the publish stage of a full build (about 2 ms a
briefing page). The jobs close over the catalog and the Jinja environment, which a
worker cannot be sent; so the workers are forked once the jobs exist, and each renders
the jobs it is given by their number from its own copy. Only the page texts travel back.
Where fork is not available, or for a few pages (an edit under ``mkdocs serve``), the
pages are rendered here, one after the other: the texts are the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from typing import Callable, Sequence

PARALLEL_PAGES = 400
"""Pages to render below which forking costs more than it saves."""

_JOBS: Sequence[Callable[[], str]] = ()
"""In a worker only: the renderers it was forked with (``_start``)."""


def render_pages(renderers: Sequence[Callable[[], str]], workers: int | None = None, progress: Callable[[int], None] | None = None) -> list[str]:
    """``[render() for render in renderers]``, in worker processes when there are many.
    ``progress`` is told how many are done as they come in."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers < 2 or len(renderers) < PARALLEL_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return _serial(renderers, progress)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Chunks of consecutive jobs: neighbours share templates and catalog objects.
    step = max(1, len(renderers) // (workers * 8))
    chunks = [range(start, min(start + step, len(renderers))) for start in range(0, len(renderers), step)]
    context = multiprocessing.get_context("fork")
    try:
        # forked, the workers get the renderers as they are (nothing is pickled)
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(renderers,)) as pool:
            texts: list[str] = []
            for part in pool.map(_render_chunk, chunks):
                texts.extend(part)
                if progress is not None:
                    progress(len(texts))
            return texts
    except (BrokenProcessPool, Exception):  # noqa: BLE001 - a worker killed, or a template
        # error: render here, which raises that error with its whole context
        return _serial(renderers, progress)


def _start(renderers: Sequence[Callable[[], str]]) -> None:
    global _JOBS
    _JOBS = renderers
    gc.freeze()  # the inherited heap is never garbage: its collection would only copy it


def _render_chunk(numbers: range) -> list[str]:
    return [_JOBS[n]() for n in numbers]


def _serial(renderers: Sequence[Callable[[], str]], progress) -> list[str]:
    texts = []
    for render in renderers:
        texts.append(render())
        if progress is not None:
            progress(len(texts))
    return texts
