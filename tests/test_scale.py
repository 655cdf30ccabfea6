"""Caching and parallel analysis give exactly the output of a plain serial run."""

import dataclasses
import shutil

from generator import analysis
from generator.cache import AnalysisCache, cache_key
from generator.reader import read_seed
from generator.settings import Settings
from generator.site import generate
from conftest import FIXTURES, ROOT

CORPUS = FIXTURES / "corpus"


def settings(seeds, **overrides):
    return dataclasses.replace(Settings(seeds_dir=seeds, templates_dir=ROOT / "templates", workers=1), **overrides)


def test_parallel_analysis_equals_serial(monkeypatch):
    serial = generate(settings(CORPUS))
    monkeypatch.setattr(analysis, "PARALLEL_MIN", 2)
    parallel = generate(settings(CORPUS, workers=2))
    assert parallel == serial


def test_cache_hit_equals_fresh_analysis_and_edits_miss(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(CORPUS, seeds)
    cache = tmp_path / "cache"
    fresh = generate(settings(seeds))
    cold = generate(settings(seeds, cache_dir=cache))
    stored = list(cache.rglob("*.pickle"))
    assert len(stored) == 15
    warm = generate(settings(seeds, cache_dir=cache))
    assert fresh == cold == warm
    seed = seeds / "05_gac_ev.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("99,800 yuan", "88,800 yuan"), encoding="utf-8")
    edited = generate(settings(seeds, cache_dir=cache))
    page = next(p for p in edited.pages if p.path.startswith("briefings/2025-09-15"))
    assert "88,800 yuan" in page.markdown and "99,800" not in page.markdown
    assert len(list(cache.rglob("*.pickle"))) == 16


def test_cache_key_follows_content_not_location(tmp_path):
    copy = tmp_path / "elsewhere.txt"
    shutil.copy(CORPUS / "03_huawei_sales.txt", copy)
    assert cache_key(read_seed(copy)) == cache_key(read_seed(CORPUS / "03_huawei_sales.txt"))


def test_a_corrupt_cache_entry_is_a_miss(tmp_path):
    article = read_seed(CORPUS / "03_huawei_sales.txt")
    cache = AnalysisCache(tmp_path)
    key = cache_key(article)
    (tmp_path / key[:2]).mkdir()
    (tmp_path / key[:2] / f"{key}.pickle").write_bytes(b"not a pickle")
    assert cache.get(article) is None
