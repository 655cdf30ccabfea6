"""Work done by forked worker processes (generator/workers.py) is the work done here:
pages rendered and articles analyzed by workers are those of a serial run."""

import os

import pytest

from generator import site, workers
from generator.settings import Settings
from generator.site import Generator
from conftest import FIXTURES, ROOT


def test_workers_give_the_same_results_in_the_same_order():
    items = list(range(50))
    done = []
    assert workers.forked_map(lambda n: f"page {n} " + "x" * (n % 7), items, 2, progress=done.append) == [f"page {n} " + "x" * (n % 7) for n in items]
    assert done[-1] == 50 and done == sorted(done)
    pids = workers.forked_map(lambda _: os.getpid(), items, 2)
    assert os.getpid() not in pids  # done by the workers, not here


def test_an_error_in_a_worker_is_raised_as_it_is_here():
    def broken(n):
        if n == 3:
            raise KeyError("no such template")
        return n

    with pytest.raises(KeyError, match="no such template"):
        workers.forked_map(broken, list(range(10)), 2)


def test_a_short_run_stays_here():
    assert workers.forked_map(lambda _: os.getpid(), [1, 2, 3], 2, minimum=4) == [os.getpid()] * 3


def test_a_site_rendered_by_workers_is_the_site_rendered_here(monkeypatch):
    settings = Settings(seeds_dir=FIXTURES / "corpus", templates_dir=ROOT / "templates", workers=1)
    serial = Generator().generate(settings).pages
    monkeypatch.setattr(site, "PARALLEL_PAGES", 1)
    serial_run = workers._serial

    def pages_not_here(function, *args):
        if function is site._render:  # the analysis of a few articles does stay here
            pytest.fail("pages rendered here, not by the workers")
        return serial_run(function, *args)

    monkeypatch.setattr(workers, "_serial", pages_not_here)
    parallel = Generator().generate(Settings(seeds_dir=FIXTURES / "corpus", templates_dir=ROOT / "templates", workers=2, cache_dir=None)).pages
    assert parallel == serial
