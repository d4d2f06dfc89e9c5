"""Frozen dataclasses to compact JSON-able lists and back, for the analysis cache.

Driven by the dataclasses' own type hints, so a field added to a model (which also
changes the code version and so empties the cache) needs no change here. Values are
positional lists, not dicts: the cache of thousands of analyses stays small and fast.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")
Decoder = Callable[[Any], Any]


def encode(value: Any) -> Any:
    """A dataclass as a list of its fields (recursively); tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def _identity(value: Any) -> Any:
    return value


def _decoder_for(kind: Any) -> Decoder:
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return decoder(kind)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder_for(args[0])
            if item is _identity:
                return tuple
            return lambda v: tuple(item(x) for x in v)
        parts = [_decoder_for(a) for a in args]
        return lambda v: tuple(d(x) for d, x in zip(parts, v, strict=True))
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1:
            item = _decoder_for(inner[0])
            if item is _identity:
                return _identity
            return lambda v: None if v is None else item(v)
        return _identity
    if origin is dict and len(args) == 2:
        value_decoder = _decoder_for(args[1])
        return lambda v: {k: value_decoder(x) for k, x in v.items()}
    return _identity


@cache
def decoder(cls: type[T]) -> Callable[[Any], T]:
    """A function that rebuilds ``cls`` from what :func:`encode` made of one."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    parts = [_decoder_for(hints[n]) for n in names]
    if all(p is _identity for p in parts):
        return lambda v: cls(*v)
    return lambda v: cls(*(p(x) for p, x in zip(parts, v, strict=True)))
