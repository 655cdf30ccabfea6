"""Pages rendered in worker processes are the pages rendered one after the other."""

import os

import pytest

from generator.publish import parallel
from generator.settings import Settings
from generator.site import Generator
from conftest import FIXTURES, ROOT


def test_workers_render_the_same_texts_in_the_same_order(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_PAGES", 1)
    renderers = [lambda n=n: f"page {n} " + "x" * (n % 7) for n in range(50)]
    done = []
    assert parallel.render_pages(renderers, 2, done.append) == [r() for r in renderers]
    assert done[-1] == 50 and done == sorted(done)
    pids = parallel.render_pages([lambda: str(os.getpid())] * 50, 2)
    assert str(os.getpid()) not in pids  # rendered by the workers, not here


def test_an_error_in_a_worker_is_raised_as_it_is_here(monkeypatch):
    monkeypatch.setattr(parallel, "PARALLEL_PAGES", 1)

    def broken():
        raise KeyError("no such template")

    with pytest.raises(KeyError, match="no such template"):
        parallel.render_pages([lambda: "fine", broken] * 5, 2)


def test_a_site_rendered_by_workers_is_the_site_rendered_here(monkeypatch):
    settings = Settings(seeds_dir=FIXTURES / "corpus", templates_dir=ROOT / "templates", workers=1)
    serial = Generator().generate(settings).pages
    monkeypatch.setattr(parallel, "PARALLEL_PAGES", 1)
    monkeypatch.setattr(parallel, "_serial", lambda *args: pytest.fail("rendered here, not by the workers"))
    assert Generator().generate(Settings(seeds_dir=FIXTURES / "corpus", templates_dir=ROOT / "templates", workers=2)).pages == serial
