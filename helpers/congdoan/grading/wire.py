"""Answer values as plain data: how a sandboxed notebook hands its answers to the grader.

When ``congdoan course autograde`` grades a class, a trainee's notebook runs in a
sandbox, and each grading cell is replaced there by one call to :func:`emit`: it writes
the variables the grading cell reads (``draft``, ``ke_hoach``, ...) into the cell's
output as JSON, under the MIME type :data:`ANSWERS_MIME`. The trusted grader, a process
the trainee's code never ran in, reads them back with :func:`decode` and runs the
grading cell there. So whatever the trainee's kernel did (monkeypatching ``congdoan``,
replacing builtins, rewriting cells), what leaves the sandbox is data: text, numbers,
dates, lists, dicts and tables, never an object with code. A value that is none of
these arrives as an empty stand-in that keeps only its type's name (for the message
"``draft`` is a ``Foo``, not text").

Everything here is written so :func:`decode` never runs code from the payload and
refuses a payload that is too big or too deep.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import math
from typing import Any

__all__ = ["ANSWERS_MIME", "MAX_BYTES", "WireError", "decode", "emit", "encode"]

ANSWERS_MIME = "application/vnd.congdoan.answers+json"
MAX_BYTES = 8_000_000  # a class's biggest honest answer (a06 tables) is ~50 kB
MAX_DEPTH = 12
MAX_ITEMS = 200_000


class WireError(ValueError):
    """The payload is not what :func:`encode` makes (too big, too deep, unknown tag)."""


# -- inside the trainee's kernel ---------------------------------------------------------


def emit(cell: str, names: list[str], namespace: dict) -> None:
    """Show the values of ``names`` (those defined in ``namespace``) as this cell's output."""
    from IPython.display import display

    values = {}
    for name in names:
        if name in namespace:
            values[name] = encode(namespace[name])
    payload = {"cell": cell, "values": values}
    display({ANSWERS_MIME: payload, "text/plain": ""}, raw=True)


def encode(value: Any, depth: int = 0) -> dict:
    """``value`` as tagged JSON-ready data (see the module docstring)."""
    if depth > MAX_DEPTH:
        return {"t": "opaque", "type": type(value).__name__}
    frame = _pandas_kind(value)
    if frame == "frame":
        return _encode_frame(value, depth)
    if frame == "series":
        return _encode_series(value, depth)
    scalar = _encode_scalar(value)
    if scalar is not None:
        return scalar
    for kind in (list, tuple, set, frozenset):
        if isinstance(value, kind):
            items = list(value)
            return {"t": kind.__name__, "v": [encode(item, depth + 1) for item in items]}
    if isinstance(value, dict):
        return {
            "t": "dict",
            "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in value.items()],
        }
    text = getattr(value, "text", None)
    if isinstance(text, str):  # a congdoan Reply, or anything with a .text
        return {"t": "texted", "type": type(value).__name__, "text": str(text)}
    return {"t": "opaque", "type": type(value).__name__}


def _pandas_kind(value: Any) -> str | None:
    module = type(value).__module__ or ""
    if not module.startswith("pandas"):
        return None
    import pandas

    if isinstance(value, pandas.DataFrame):
        return "frame"
    if isinstance(value, pandas.Series):
        return "series"
    return None


def _encode_scalar(value: Any) -> dict | None:
    if value is None:
        return {"t": "none"}
    if isinstance(value, str):
        return {"t": "str", "v": str(value)}
    type_name = type(value).__name__
    if isinstance(value, bool) or type_name == "bool_":
        return {"t": "bool", "v": bool(value)}
    if type_name in ("NAType",):
        return {"t": "na"}
    if type_name == "NaTType":
        return {"t": "nat"}
    if isinstance(value, int) or (type_name.startswith(("int", "uint")) and hasattr(value, "item")):
        return {"t": "int", "v": str(int(value))}
    if isinstance(value, float) or (type_name.startswith("float") and hasattr(value, "item")):
        return {"t": "float", "v": repr(float(value))}
    if isinstance(value, dt.datetime):  # pandas Timestamp included
        return {"t": "datetime", "v": value.isoformat(), "pd": type_name == "Timestamp"}
    if isinstance(value, dt.date):
        return {"t": "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {"t": "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"t": "timedelta", "v": value.total_seconds(), "pd": type_name == "Timedelta"}
    return None


def _encode_frame(frame, depth: int) -> dict:
    return {
        "t": "frame",
        "columns": [encode(c, depth + 1) for c in frame.columns],
        "index": [encode(i, depth + 1) for i in frame.index],
        "index_name": encode(frame.index.name, depth + 1),
        "dtypes": [str(d) for d in frame.dtypes],
        "rows": [[encode(v, depth + 1) for v in row] for row in frame.itertuples(index=False)],
    }


def _encode_series(series, depth: int) -> dict:
    return {
        "t": "series",
        "name": encode(series.name, depth + 1),
        "index": [encode(i, depth + 1) for i in series.index],
        "index_name": encode(series.index.name, depth + 1),
        "dtype": str(series.dtype),
        "values": [encode(v, depth + 1) for v in series.tolist()],
    }


# -- in the trusted grader ---------------------------------------------------------------


def decode_payload(text: str | dict) -> dict[str, Any]:
    """``{name: value}`` from an :func:`emit` payload (a dict or its JSON text)."""
    if isinstance(text, str):
        if len(text) > MAX_BYTES:
            raise WireError("payload too big")
        text = json.loads(text)
    if not isinstance(text, dict) or not isinstance(text.get("values"), dict):
        raise WireError("not an answers payload")
    if len(json.dumps(text)) > MAX_BYTES:
        raise WireError("payload too big")
    counter = [0]
    return {str(name): decode(value, 0, counter) for name, value in text["values"].items()}


def decode(data: Any, depth: int = 0, counter: list[int] | None = None) -> Any:
    """The value :func:`encode` described (plain Python and pandas objects only)."""
    counter = counter if counter is not None else [0]
    counter[0] += 1
    if depth > MAX_DEPTH + 2 or counter[0] > MAX_ITEMS:
        raise WireError("payload too deep or too long")
    if not isinstance(data, dict):
        raise WireError("not a tagged value")
    tag = data.get("t")
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise WireError(f"unknown tag {tag!r}")
    return decoder(data, depth, counter)


def _items(data: dict, depth: int, counter) -> list:
    values = data.get("v")
    if not isinstance(values, list):
        raise WireError("not a list")
    return [decode(item, depth + 1, counter) for item in values]


def _float(data, *_):
    text = str(data.get("v"))
    if text not in ("nan", "inf", "-inf"):
        float(text)  # raises ValueError on anything that is not a number
    return float(text)


def _dict(data, depth, counter):
    pairs = data.get("v")
    if not isinstance(pairs, list):
        raise WireError("not a dict")
    out = {}
    for pair in pairs:
        if not isinstance(pair, list) or len(pair) != 2:
            raise WireError("not a pair")
        key = decode(pair[0], depth + 1, counter)
        try:
            out[key] = decode(pair[1], depth + 1, counter)
        except TypeError as exc:  # an unhashable key cannot come from a real dict
            raise WireError("bad key") from exc
    return out


def _stand_in(type_name: object, text: str | None = None):
    """An empty object whose class has the trainee's type name (and ``.text`` if given)."""
    name = str(type_name)[:80] or "object"
    if not name.isidentifier():
        name = "object"
    attributes = {"__repr__": lambda self: f"<{name}>"}
    if text is not None:
        attributes["text"] = str(text)
    return type(name, (), attributes)()


def _datetime(data, *_):
    value = dt.datetime.fromisoformat(str(data.get("v")))
    if data.get("pd"):
        import pandas

        return pandas.Timestamp(value)
    return value


def _timedelta(data, *_):
    seconds = float(data.get("v"))
    if not math.isfinite(seconds):
        raise WireError("bad duration")
    value = dt.timedelta(seconds=seconds)
    if data.get("pd"):
        import pandas

        return pandas.Timedelta(value)
    return value


def _na(*_):
    import pandas

    return pandas.NA


def _nat(*_):
    import pandas

    return pandas.NaT


def _index(values: list, name, pandas):
    return pandas.Index(values, name=name, dtype=object if not values else None)


def _frame(data, depth, counter):
    import pandas

    columns = [decode(c, depth + 1, counter) for c in _list(data, "columns")]
    index = [decode(i, depth + 1, counter) for i in _list(data, "index")]
    rows = []
    for row in _list(data, "rows"):
        if not isinstance(row, list) or len(row) != len(columns):
            raise WireError("bad row")
        rows.append([decode(v, depth + 1, counter) for v in row])
    if len(rows) != len(index):
        raise WireError("rows and index differ")
    name = decode(data.get("index_name", {"t": "none"}), depth + 1, counter)
    frame = pandas.DataFrame(
        rows, columns=pandas.Index(columns, dtype=object) if columns else None,
        index=_index(index, name, pandas) if index else None,
    )  # fmt: skip
    if not columns:
        frame = pandas.DataFrame(index=frame.index)
    if index == list(range(len(index))):
        frame.index = pandas.RangeIndex(len(index), name=name)
    dtypes = _list(data, "dtypes")
    for position, dtype in enumerate(dtypes[: len(columns)]):
        _restore_dtype(frame, position, str(dtype))
    if all(isinstance(c, str) for c in columns) and columns:
        frame.columns = pandas.Index(columns)
    return frame


def _restore_dtype(frame, position: int, dtype: str) -> None:
    if dtype == str(frame.dtypes.iloc[position]):
        return
    with contextlib.suppress(TypeError, ValueError):  # else keep what pandas inferred
        frame.isetitem(position, frame.iloc[:, position].astype(dtype))


def _series(data, depth, counter):
    import pandas

    values = [decode(v, depth + 1, counter) for v in _list(data, "values")]
    index = [decode(i, depth + 1, counter) for i in _list(data, "index")]
    if len(values) != len(index):
        raise WireError("values and index differ")
    name = decode(data.get("name", {"t": "none"}), depth + 1, counter)
    index_name = decode(data.get("index_name", {"t": "none"}), depth + 1, counter)
    series = pandas.Series(values, index=_index(index, index_name, pandas), name=name)
    if index == list(range(len(index))):
        series.index = pandas.RangeIndex(len(index), name=index_name)
    with contextlib.suppress(TypeError, ValueError):
        series = series.astype(str(data.get("dtype")))
    return series


def _list(data: dict, key: str) -> list:
    value = data.get(key)
    if not isinstance(value, list):
        raise WireError(f"{key} is not a list")
    return value


_DECODERS = {
    "none": lambda *_: None,
    "str": lambda d, *_: str(d.get("v")),
    "bool": lambda d, *_: bool(d.get("v")),
    "int": lambda d, *_: int(str(d.get("v"))[:5000]),
    "float": _float,
    "na": _na,
    "nat": _nat,
    "datetime": _datetime,
    "date": lambda d, *_: dt.date.fromisoformat(str(d.get("v"))),
    "time": lambda d, *_: dt.time.fromisoformat(str(d.get("v"))),
    "timedelta": _timedelta,
    "list": _items,
    "tuple": lambda d, depth, c: tuple(_items(d, depth, c)),
    "set": lambda d, depth, c: set(_hashable(_items(d, depth, c))),
    "frozenset": lambda d, depth, c: frozenset(_hashable(_items(d, depth, c))),
    "dict": _dict,
    "texted": lambda d, *_: _stand_in(d.get("type"), str(d.get("text"))),
    "opaque": lambda d, *_: _stand_in(d.get("type")),
    "frame": _frame,
    "series": _series,
}


def _hashable(items: list) -> list:
    for item in items:
        try:
            hash(item)
        except TypeError as exc:
            raise WireError("unhashable item in a set") from exc
    return items
