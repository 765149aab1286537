"""What the server accepts as a column value and as a timestamp.

A value taken by the server is applied by every PC that pulls it, so a value one PC
could push but another cannot store would stop everybody (an integer beyond int64 is
an ``OverflowError`` in SQLite, ``NaN`` is refused by PostgreSQL's JSON, a date that is
not an ISO date breaks the app that reads it). Each pushed value is checked against
the column's type in the desktop models; a column the server does not know (a newer
desktop, additive migration) gets the checks every column gets: int64, finite, no NUL,
at most ``MAX_TEXT`` characters.
"""

from __future__ import annotations

import functools
import math
import re
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, Numeric, String

from civicdesk.db.models import SYNCED_MODELS
from civicdesk.db.types import ScaledDecimal
from civicdesk.domain.hlc import Timestamp

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_TEXT = 1_000_000  # characters of one value (the batch itself is at most 8 MB)
MAX_NAME = 64
# "<16-digit wall ms>-<counter>-<node>" as HybridClock writes it (docs/sync.md, clocks)
HLC_PATTERN = re.compile(r"^\d{16}-\d{4,6}-[\x21-\x7e]{1,40}$")

Kind = tuple[str, int | None]  # (kind, maximum length of text)


@functools.cache
def column_kinds() -> dict[str, dict[str, Kind]]:
    out: dict[str, dict[str, Kind]] = {}
    for model in SYNCED_MODELS:
        kinds: dict[str, Kind] = {}
        for col in model.__table__.columns:  # type: ignore[attr-defined]
            t = col.type
            if isinstance(t, Boolean):
                kinds[col.name] = ("bool", None)
            elif isinstance(t, Integer | ScaledDecimal):
                kinds[col.name] = ("int", None)
            elif isinstance(t, Float | Numeric):
                kinds[col.name] = ("float", None)
            elif isinstance(t, DateTime):
                kinds[col.name] = ("datetime", None)
            elif isinstance(t, Date):
                kinds[col.name] = ("date", None)
            elif isinstance(t, JSON):
                kinds[col.name] = ("json", None)
            elif isinstance(t, String):
                kinds[col.name] = ("text", t.length)
            else:
                kinds[col.name] = ("any", None)
        out[str(model.__tablename__)] = kinds
    return out


def _generic(value: Any) -> bool:
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, int):
        return INT64_MIN <= value <= INT64_MAX
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return "\x00" not in value and len(value) <= MAX_TEXT
    return False


def _iso_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def _iso_datetime(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def value_ok(kind: Kind, value: Any) -> bool:
    if not _generic(value):
        return False
    if value is None:
        return True
    name, _length = kind
    if name == "bool":
        return isinstance(value, bool) or value in (0, 1)
    if name == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if name == "float":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "date":
        return isinstance(value, str) and _iso_date(value)
    if name == "datetime":
        return isinstance(value, str) and _iso_datetime(value)
    if name == "json":
        return isinstance(value, str)
    if name == "text":
        # Declared lengths are not enforced: SQLite does not enforce them either, so a
        # desktop may hold a longer text, and every node can store it (MAX_TEXT holds).
        return isinstance(value, str)
    return True


_TEXT_KINDS = frozenset({"text", "json", "any"})


@functools.cache
def _plain_columns(
    table: str,
) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The table's known columns whose name needs no check (as the models spell
    them); those of them whose text values need only the generic text checks; those
    that take any integer within int64; and the date-time ones."""
    kinds = column_kinds().get(table, {})
    names = frozenset(c for c in kinds if c and len(c) <= MAX_NAME and "\x00" not in c)
    texts = frozenset(c for c in names if kinds[c][0] in _TEXT_KINDS)
    ints = frozenset(c for c in names if kinds[c][0] in ("int", "float", "any"))
    stamps = frozenset(c for c in names if kinds[c][0] == "datetime")
    return names, texts, ints, stamps


def bad_column(table: str, data: dict[str, Any]) -> str | None:
    """The first column whose value cannot be stored everywhere, or None.

    The common cases are checked here directly, with the same tests as ``value_ok``
    and without its calls: a text value of a known text column (most of a record), a
    NULL of a known column, an integer of a known numeric column, a date-time.
    Measured on a push of 40 000 rows, this check was the server's biggest cost per
    row."""
    known, texts, ints, stamps = _plain_columns(table)
    for column, value in data.items():
        if type(value) is str:
            if column in texts:
                if "\x00" in value or len(value) > MAX_TEXT:
                    return column
                continue
            if column in stamps:
                if "\x00" in value or len(value) > MAX_TEXT or not _iso_datetime(value):
                    return column
                continue
        elif value is None:
            if column in known:
                continue
        elif type(value) is int and column in ints:
            if not INT64_MIN <= value <= INT64_MAX:
                return column
            continue
        bad = _bad_value(table, column, value)
        if bad is not None:
            return bad
    return None


def _bad_value(table: str, column: str, value: Any) -> str | None:
    """One column as ``bad_column`` checks it, the long way: its name (then cut to
    ``MAX_NAME``) or the column if refused, else None."""
    if not column or len(column) > MAX_NAME or "\x00" in column:
        return column[:MAX_NAME]
    kind = column_kinds().get(table, {}).get(column, _ANY)
    if type(value) is str and kind[0] in _TEXT_KINDS:
        if "\x00" in value or len(value) > MAX_TEXT:
            return column
        return None
    if value is None:
        return None
    return None if value_ok(kind, value) else column


_ANY: Kind = ("any", None)


def parse_hlc(text: str) -> Timestamp | None:
    """A well-formed timestamp, or None."""
    if not HLC_PATTERN.match(text):
        return None
    try:
        return Timestamp.decode(text)
    except ValueError:
        return None
