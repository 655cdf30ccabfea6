"""Seed metadata (a sidecar ``<seed>.yml``, or a Markdown seed's front matter): YAML read
safely and validated by one declared schema, ``generator/schema/seed-metadata.schema.json``
(published with the site's exports' schema).

The YAML is read without timestamps (a date is text, checked against the calendar here),
anchors or aliases, and within bounds of depth and size. Each violation of the schema is a
``SeedError`` naming the file, the line of the offending key or value, the key's dotted
name and what is accepted: the schema's ``x-message`` for that rule.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import jsonschema
import yaml

from ..model import ActorOverride, Overrides, SeedError, SeedProblem, Source

SCHEMA = json.loads(resources.files("generator").joinpath("schema/seed-metadata.schema.json").read_text(encoding="utf-8"))
_VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
KEYS = tuple(SCHEMA["properties"])
SOURCE_KEYS = tuple(SCHEMA["properties"]["source"]["properties"])

METADATA_MAX_DEPTH = 8
"""Deepest nesting of metadata (overrides.actors.<name>.<key> is 4)."""
METADATA_MAX_EVENTS = 20_000
"""Most YAML events (scalars, mappings, sequences) in one file's metadata."""
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    date: dt.date | None = None
    source: Source = Source()
    tags: tuple[str, ...] = ()
    overrides: Overrides = Overrides()

    def merged(self, override: Metadata) -> Metadata:
        """This metadata with what ``override`` (a sidecar) sets."""
        return Metadata(
            title=override.title or self.title,
            date=override.date or self.date,
            source=Source(**{k: getattr(override.source, k) or getattr(self.source, k) for k in SOURCE_KEYS}),
            tags=tuple(dict.fromkeys(self.tags + override.tags)),
            overrides=override.overrides if override.overrides.path else self.overrides,
        )


def parse_metadata(path: Path, text: str, first_line: int) -> Metadata:
    """The metadata in ``text`` (whose first line is line ``first_line`` of ``path``)."""
    node, data = _load_yaml(path, text, first_line)
    if data is None:
        return Metadata()
    errors = list(_VALIDATOR.iter_errors(data))
    if errors:
        problems = [_problem(path, node, first_line, e) for e in errors]
        raise SeedError(min(problems, key=lambda p: (p.line or 0, p.message)))
    return _metadata(path, data, node, first_line)


def parse_date(path: Path, line: int | None, value: object) -> dt.date:
    """A calendar date written ``YYYY-MM-DD``; anything else a message with its line."""
    text = str(value)
    if _ISO_DATE_RE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as err:
            raise SeedError(SeedProblem(path, line, f"invalid date {quote(text)} ({err}); accepted: a calendar date YYYY-MM-DD")) from err
    raise SeedError(SeedProblem(path, line, f"invalid date {quote(text)}; accepted: a calendar date YYYY-MM-DD"))


def quote(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return repr(shown)


def normalize(text: str) -> str:
    """Runs of white space as one space, none at the ends (``str.split`` splits at the
    characters ``\\s`` matches, a quarter of the cost of a regex substitution)."""
    return " ".join(text.split())


# -- schema errors as messages -----------------------------------------------------------


def _problem(path: Path, node, first_line: int, error: jsonschema.ValidationError) -> SeedProblem:
    where = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        accepted = tuple(error.schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in accepted]
        key = min(unknown, key=lambda k: _line(node, [*where, k], first_line, key=True) or 0)
        line = _line(node, [*where, key], first_line, key=True)
        return SeedProblem(path, line, f"unknown key '{_dotted([*where, key])}'; accepted: {', '.join(accepted)}")
    message = error.schema.get("x-message") or error.message
    line = _line(node, where, first_line)
    if not where:
        return SeedProblem(path, line, message)
    found = f", found {quote(error.instance)}" if isinstance(error.instance, str) else ""
    return SeedProblem(path, line, f"'{_dotted(where)}' {message}{found}")


def _dotted(where: list) -> str:
    """``overrides.actors.'Acme Corp'.type``, ``overrides.summary[2].paragraph``."""
    text = ""
    for i, part in enumerate(where):
        if isinstance(part, int):
            text += f"[{part + 1}]"
        elif i > 0 and where[i - 1] == "actors":
            text += f".'{part}'"
        else:
            text += ("." if text else "") + str(part)
    return text


def _line(node, where: list, first_line: int, key: bool = False) -> int | None:
    """The line of the value (or, with ``key``, of the key) at ``where`` in the YAML tree."""
    found = node
    for depth, part in enumerate(where):
        if isinstance(found, yaml.MappingNode):
            pair = next(((k, v) for k, v in found.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
            if pair is None:
                break
            found = pair[0] if key and depth == len(where) - 1 else pair[1]
        elif isinstance(found, yaml.SequenceNode) and isinstance(part, int) and part < len(found.value):
            found = found.value[part]
        else:
            break
    return first_line + found.start_mark.line if found is not None else None


# -- validated data as model values ------------------------------------------------------


def _metadata(path: Path, data: dict, node, first_line: int) -> Metadata:
    date = data.get("date")
    fetched = data["source"].get("fetched") if isinstance(data.get("source"), dict) else None
    if fetched is not None:
        _check_fetched(path, _line(node, ["source", "fetched"], first_line), fetched)
    return Metadata(
        title=normalize(data["title"]) if data.get("title") else None,
        date=parse_date(path, _line(node, ["date"], first_line), date) if date is not None else None,
        source=_source(data.get("source")),
        tags=_tags(data.get("tags")),
        overrides=_overrides(path, data.get("overrides"), node, first_line),
    )


def _check_fetched(path: Path, line: int | None, text: str) -> None:
    """The schema checks the form; this checks the calendar and the clock (2025-02-30T25:00:00Z is refused)."""
    try:
        dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError as err:
        raise SeedError(SeedProblem(path, line, f"'source.fetched' is not a real time {quote(text)} ({err}); accepted: YYYY-MM-DDTHH:MM:SSZ")) from None


def _source(value) -> Source:
    if value is None:
        return Source()
    if isinstance(value, str):
        value = {"publisher": value}
    return Source(**{k: normalize(v) for k, v in value.items() if v is not None})


def _tags(value) -> tuple[str, ...]:
    if value is None:
        return ()
    tags = (normalize(str(t)) for t in ([value] if isinstance(value, str) else value))
    return tuple(dict.fromkeys(t for t in tags if t))


def _overrides(path: Path, value, node, first_line: int) -> Overrides:
    """The analyst's corrections; actor names are checked after analysis."""
    if value is None:
        return Overrides()
    summary_line = _line(node, ["overrides", "summary"], first_line, key=True)
    summary = value.get("summary")
    actors = value.get("actors") or {}
    return Overrides(
        path=path,
        summary=tuple((normalize(p["text"]), p["paragraph"], summary_line) for p in summary) if summary else None,
        actors=tuple(
            ActorOverride(
                str(name),
                _line(node, ["overrides", "actors", name], first_line, key=True),
                change.get("rename"),
                change.get("type"),
                change.get("role"),
                change.get("drop", False),
                change.get("merge_into"),
            )
            for name, change in actors.items()
        ),
        notes=normalize(value["notes"]) if value.get("notes") else None,
    )


# -- YAML, safely --------------------------------------------------------------------------


class _MetadataLoader(yaml.SafeLoader):
    """Safe YAML in which dates stay text (``2023-02-29`` gets a message with its line from
    ``parse_date``, not a crash in the YAML constructor)."""


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_MetadataLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _load_yaml(path: Path, text: str, first_line: int):
    """The YAML node and data of a metadata text, within bounds of depth and size; anchors
    and aliases are refused (an alias bomb is a few lines that expand without end)."""
    loader = _MetadataLoader(text)
    try:
        _check_events(path, loader, first_line)
    except yaml.YAMLError as err:
        raise SeedError(_yaml_problem(path, err, first_line)) from None
    finally:
        loader.dispose()
    loader = _MetadataLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        raise SeedError(_yaml_problem(path, err, first_line)) from None
    finally:
        loader.dispose()
    return node, data


def _check_events(path: Path, loader: _MetadataLoader, first_line: int) -> None:
    depth = events = 0
    while loader.check_event():
        event = loader.peek_event()
        where = first_line + event.start_mark.line
        events += 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SeedError(SeedProblem(path, where, "YAML anchors and aliases (&name, *name) are not accepted in metadata; write the value out"))
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > METADATA_MAX_DEPTH:
                raise SeedError(SeedProblem(path, where, f"metadata nested deeper than {METADATA_MAX_DEPTH} levels; accepted keys: {', '.join(KEYS)}"))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if events > METADATA_MAX_EVENTS:
            raise SeedError(SeedProblem(path, where, f"metadata has more than {METADATA_MAX_EVENTS:,} YAML values"))
        loader.get_event()


def _yaml_problem(path: Path, err: yaml.YAMLError, first_line: int) -> SeedProblem:
    mark = getattr(err, "problem_mark", None)
    line = first_line + mark.line if mark else None
    return SeedProblem(path, line, f"invalid YAML: {getattr(err, 'problem', None) or err}")
