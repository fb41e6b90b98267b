"""Frozen dataclasses to and from plain JSON values, guided by their type hints.

Evidence rows (a classification's findings, a decision's risk results, a status report as
sent) keep structured content as canonical JSON. Converting by the dataclass's own type
hints keeps what is stored and what is read back the same shape without a hand-written
converter per record, and refuses content that does not fit instead of guessing.
"""

from __future__ import annotations

import dataclasses
import types
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints


def to_plain(value: Any) -> Any:
    """*value* as JSON-ready data: dataclasses as objects, tuples as lists, enums as values,
    datetimes as ISO 8601 text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type *kind* (a dataclass, enum, tuple, ...) from :func:`to_plain`."""
    origin = get_origin(kind)
    if origin in (Union, types.UnionType):
        options = get_args(kind)
        if data is None and type(None) in options:
            return None
        (inner,) = [option for option in options if option is not type(None)]
        return from_plain(inner, data)
    if origin is tuple:
        args = get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(from_plain(args[0], item) for item in data)
        return tuple(from_plain(arg, item) for arg, item in zip(args, data, strict=True))
    if origin is dict:
        key_kind, value_kind = get_args(kind)
        return {from_plain(key_kind, k): from_plain(value_kind, v) for k, v in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(
            **{
                f.name: from_plain(hints[f.name], data[f.name])
                for f in dataclasses.fields(kind)
                if f.init
            }
        )
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is datetime:
        return datetime.fromisoformat(data)
    if kind is float and isinstance(data, int):
        return float(data)
    if kind in (int, str, bool, float) and not isinstance(data, kind):
        raise ValueError(f"expected {kind.__name__}, found {data!r}")
    return data
