"""ObjectMemo: values computed from an object, kept between runs while the caller passes
the same object again (``mkdocs serve``: an unchanged seed gives the very same Article, so
the same Briefing). Keyed by identity, which costs nothing for the large frozen model
objects; each entry holds its object, so an id is never reused while it is remembered."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from typing import Any


class ObjectMemo:
    def __init__(self) -> None:
        self._items: dict[int, tuple[object, Any]] = {}

    def get(self, obj: object) -> Any | None:
        hit = self._items.get(id(obj))
        return hit[1] if hit is not None and hit[0] is obj else None

    def put(self, obj: object, value: Any) -> None:
        self._items[id(obj)] = (obj, value)

    def value(self, obj: object, make: Callable[[Any], Any]) -> Any:
        """``make(obj)``, made once while ``obj`` is remembered."""
        hit = self._items.get(id(obj))
        if hit is None or hit[0] is not obj:
            hit = self._items[id(obj)] = (obj, make(obj))
        return hit[1]

    def keep_only(self, objects: Iterable[object]) -> None:
        """Forget the objects not in ``objects`` (a removed or edited seed's)."""
        alive = {id(o) for o in objects}
        for key in [k for k in self._items if k not in alive]:
            del self._items[key]

    def clear(self) -> None:
        self._items.clear()


class Same:
    """An object compared by identity inside a compared tuple (a memo's inputs): a large
    dict of the catalog that stays the very same object while it is unchanged, which a
    comparison by value would walk whole."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.obj is self.obj

    @classmethod
    def kept(cls, reuse: Callable[[str, tuple, Callable[[], object]], object], name: str, obj: object) -> "Same":
        """A ``Same`` of ``obj`` that is the very one given in the previous run while ``obj``
        is the very same (``reuse``: a memo's, as ``generator.site.PageMemo.reuse``): the
        thousands of keys holding it then compare it by identity, with no call of ``__eq__``."""
        return reuse(f"same:{name}", (cls(obj),), lambda: cls(obj))

    __hash__ = None


class SameItems:
    """A tuple compared item by item by identity inside a compared tuple: a block of the
    catalog's objects (briefings, actor entries, their related lists) that a patch keeps as
    the very same objects, which a comparison by value would walk whole where one differs
    (a replaced briefing's equal-looking neighbours compare by their fields)."""

    __slots__ = ("items",)

    def __init__(self, items: tuple) -> None:
        self.items = items

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SameItems) and len(other.items) == len(self.items) and all(map(operator.is_, other.items, self.items))

    __hash__ = None
