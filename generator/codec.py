"""Frozen model values to JSON data and back, checked against their declared types.

Decoding builds only the dataclasses of :mod:`generator.model` from plain JSON (no code
runs, unlike pickle) and checks every field against its type annotation: anything that
does not fit raises :class:`CodecError`, so a corrupt, truncated or foreign cache entry
is a miss, never a wrong briefing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import types
import typing
from pathlib import Path

from . import model


class CodecError(ValueError):
    """Data that is not a value of the expected type."""


def encode(value: object) -> object:
    """A frozen model value as JSON data (dicts, lists, strings, numbers, None)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, frozenset):
        return sorted(encode(item) for item in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise CodecError(f"cannot encode {type(value).__name__}")


def decode(kind: object, data: object) -> typing.Any:
    """The value of type ``kind`` (a model dataclass or a type annotation) that ``data`` encodes."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return _decode_union(typing.get_args(kind), data)
    if origin is tuple:
        return _decode_tuple(typing.get_args(kind), data)
    if origin is frozenset:
        (item,) = typing.get_args(kind)
        return frozenset(decode(item, x) for x in _expect(data, list))
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, data)
    return _decode_scalar(kind, data)


def _decode_union(options: tuple, data: object):
    if data is None and type(None) in options:
        return None
    for option in (o for o in options if o is not type(None)):
        try:
            return decode(option, data)
        except CodecError:
            continue
    raise CodecError(f"{data!r:.40} fits none of {options}")


def _decode_tuple(args: tuple, data: object) -> tuple:
    items = _expect(data, list)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(decode(args[0], x) for x in items)
    if len(items) != len(args):
        raise CodecError(f"expected {len(args)} items, found {len(items)}")
    return tuple(decode(a, x) for a, x in zip(args, items))


def _decode_dataclass(kind: type, data: object):
    fields = _expect(data, dict)
    hints = _hints(kind)
    names = {f.name for f in dataclasses.fields(kind)}
    if set(fields) != names:
        raise CodecError(f"{kind.__name__}: fields {sorted(set(fields) ^ names)} differ")
    return kind(**{name: decode(hints[name], fields[name]) for name in names})


def _decode_scalar(kind: object, data: object):
    if kind is dt.date:
        try:
            return dt.date.fromisoformat(_expect(data, str))
        except ValueError as err:
            raise CodecError(str(err)) from None
    if kind is Path:
        return Path(_expect(data, str))
    if kind is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if kind in (str, int, float, bool) and type(data) is kind:
        return data
    if kind is type(None) and data is None:
        return None
    raise CodecError(f"expected {kind}, found {type(data).__name__}")


def _expect(data: object, kind: type):
    if type(data) is not kind:
        raise CodecError(f"expected {kind.__name__}, found {type(data).__name__}")
    return data


@functools.cache
def _hints(kind: type) -> dict:
    return typing.get_type_hints(kind, vars(model))
