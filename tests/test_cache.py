"""The analysis cache cannot run code, cannot break the build and never serves a stale
analysis: JSON entries checked on load, a key that covers everything the analysis reads,
a bounded folder."""

import json
import logging
import os
import pickle
from importlib import metadata

import pytest

from generator import cache as cache_module
from generator.analyze.briefing import analyze
from generator.cache import AnalysisCache, cache_key
from generator.read.seeds import read_seeds
from generator.settings import Settings
from generator.site import Generator
from conftest import FIXTURES

CORPUS = read_seeds(FIXTURES / "corpus").articles


@pytest.fixture
def cache(tmp_path):
    return AnalysisCache(tmp_path / "cache")


def entry_path(cache, article):
    key = cache_key(article)
    return cache.folder / key[:2] / f"{key}.json"


def test_an_entry_is_json_and_gives_back_the_same_briefing(cache):
    article = CORPUS[0]
    briefing = analyze(article, "")
    cache.put(article, briefing)
    entry = json.loads(entry_path(cache, article).read_text(encoding="utf-8"))
    assert entry["format"] == cache_module.FORMAT and entry["key"] == cache_key(article)
    assert cache.get(article) == briefing


def test_a_pickle_in_the_cache_is_never_loaded(cache, tmp_path):
    """A pickle that would create a file when loaded: it is a miss, and nothing runs."""

    class Exploit:
        def __reduce__(self):
            return (open, (str(tmp_path / "pwned"), "w"))

    article = CORPUS[0]
    path = entry_path(cache, article)
    path.parent.mkdir(parents=True)
    path.write_bytes(pickle.dumps(Exploit()))
    (cache.folder / "ab").mkdir(exist_ok=True)  # the entry may be under "ab" already: the key hashes the code
    (cache.folder / "ab" / (cache_key(article) + ".pickle")).write_bytes(pickle.dumps(Exploit()))
    assert cache.get(article) is None
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: "",  # empty
        lambda text: "\x00\xff garbage",  # not JSON
        lambda text: text.replace(f'"format":{cache_module.FORMAT}', '"format":2'),  # another format
        lambda text: text.replace('"salience":', '"salience":"high","x":'),  # a field of the wrong type
        lambda text: text.replace('"summary":', '"summery":'),  # a foreign field
        lambda text: text.replace(f'"key":"{json.loads(text)["key"]}"', '"key":"' + "0" * 64 + '"'),  # another key's entry
        lambda text: "[" * 100_000 + "]" * 100_000,  # deep enough to exhaust the parser's recursion
    ],
    ids=["truncated", "empty", "garbage", "format", "type", "field", "key", "deep"],
)
def test_a_damaged_entry_is_a_miss_rebuilt_and_logged_once(cache, caplog, damage):
    articles = CORPUS[:3]
    settings = Settings(cache_dir=cache.folder, workers=1)
    Generator().analyze(articles, settings)
    for article in articles:
        path = entry_path(cache, article)
        path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="briefings"):
        briefings, problems = Generator().analyze(articles, settings)
    assert problems == () and len(briefings) == 3
    logged = [r.message for r in caplog.records if "Analysis cache" in r.message]
    assert len(logged) == 1 and "unusable entry" in logged[0]
    assert all(AnalysisCache(cache.folder).get(a) is not None for a in articles)  # rewritten


def test_the_key_changes_with_the_data_packages_and_python(monkeypatch):
    article = CORPUS[0]
    before = cache_key(article)
    real = metadata.version
    monkeypatch.setattr(cache_module.metadata, "version", lambda name: "99.0" if name == "wordfreq" else real(name))
    cache_module.generator_version.cache_clear()
    assert cache_key(article) != before
    monkeypatch.setattr(cache_module.metadata, "version", real)
    monkeypatch.setattr(cache_module.sys, "version_info", (3, 99, 0))
    cache_module.generator_version.cache_clear()
    assert cache_key(article) != before
    monkeypatch.undo()
    cache_module.generator_version.cache_clear()
    assert cache_key(article) == before


def test_the_folder_is_bounded_least_recently_used_first(tmp_path):
    cache = AnalysisCache(tmp_path / "cache", max_entries=4)
    articles = CORPUS[:6]
    for i, article in enumerate(articles):
        cache.put(article, analyze(article, ""))
        os.utime(entry_path(cache, article), ns=(i * 10**9, i * 10**9))
    assert cache.get(articles[0]) is not None  # used now: the newest
    assert cache.prune() == 2
    kept = [a for a in articles if entry_path(cache, a).exists()]
    assert kept == [articles[0], *articles[3:]]


def test_a_generator_prunes_the_cache_when_it_first_adds_then_after_each_hundred(tmp_path, monkeypatch):
    """Under `mkdocs serve` each edit adds one analysis: the cache is listed again only after
    ``PRUNE_AFTER`` of them, so it holds at most that many entries above its bound."""
    from generator import site

    pruned = []
    monkeypatch.setattr(AnalysisCache, "prune", lambda self: pruned.append(self.folder) or 0)
    def analyze_many(articles, workers, report, store):
        briefings = [analyze(a, "") for a in articles]
        for article, briefing in zip(articles, briefings):
            store.put(article, briefing)
        return briefings

    monkeypatch.setattr(site, "analyze_many", analyze_many)
    monkeypatch.setattr(site, "PRUNE_AFTER", 3)
    generator = Generator()
    settings = Settings(cache_dir=tmp_path / "cache", workers=1)
    generator.analyze(CORPUS[:2], settings)
    assert len(pruned) == 1  # the first run that adds
    generator.analyze(CORPUS[:2], settings)
    assert len(pruned) == 1  # nothing added
    for count in (3, 4):
        generator.analyze(CORPUS[:count], settings)
    assert len(pruned) == 1  # two added
    generator.analyze(CORPUS[:5], settings)
    assert len(pruned) == 2  # three added
    generator.analyze(CORPUS[:6], Settings(cache_dir=tmp_path / "other", workers=1))
    assert len(pruned) == 3 and pruned[-1] == tmp_path / "other"  # one added to another cache folder: pruned at once


def test_workers_store_their_analyses_and_hand_back_the_entries(cache, monkeypatch):
    """With the cache, a worker writes each entry and sends its bytes back (not a pickled
    briefing): the briefings are the same as without it, and every entry is on disk."""
    from generator.analyze import briefing as analysis

    monkeypatch.setattr(analysis, "PARALLEL_MIN", 2)
    handed = []
    read = AnalysisCache.read
    monkeypatch.setattr(AnalysisCache, "read", lambda self, article, data: handed.append(data) or read(self, article, data))
    articles = list(CORPUS[:6])
    stored = analysis.analyze_many(articles, workers=2, store=cache)
    assert stored == analysis.analyze_many(articles, workers=1)
    assert len(handed) == len(articles) and all(isinstance(data, bytes) for data in handed)
    assert all(entry_path(cache, article).is_file() for article in articles)
    assert all(cache.get(article) == briefing for article, briefing in zip(articles, stored))


def test_an_entry_for_another_article_is_not_read(cache):
    one, other = CORPUS[0], CORPUS[1]
    data = cache.put(one, analyze(one, ""))
    assert cache.read(one, data) is not None
    assert cache.read(other, data) is None and cache.read(one, b"{not json") is None
