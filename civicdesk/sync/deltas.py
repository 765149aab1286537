"""Pulled records that come as their changed columns only (docs/sync.md §4, deltas).

A pull that asks for deltas gets an edited record as the columns its last write
changed, with the revision that write was made from (``Change.base_rev``). This PC
holds that revision exactly when its shadow says so and the record has no local change
waiting (a local change is merged at the server by the next push, and the pulled
version is skipped meanwhile). Such a record is completed here from the local copy,
inside the page's transaction, so everything after (the apply, the rows that wait, the
search index) sees whole records as before. A long text changed in one place comes as
that place (``Change.text``, civicdesk/sync/textedit.py) and is completed the same way.
A record this PC holds at another revision (or a text of another length than the one
the edit was made from) cannot be completed: the page is then asked for again whole.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from civicdesk.sync import textedit
from civicdesk.sync.protocol import Change, PullPage, Scalar


class WholeNeededError(Exception):
    """A page carries a record's changed columns for a revision this PC does not hold:
    the page is asked for again with whole records."""


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def whole_records(conn: Connection, page: PullPage) -> PullPage:
    """``page`` with every record that came as changed columns completed from this PC's
    copy; raises ``WholeNeededError`` when a copy is not at the record's base revision."""
    partial = [ch for ch in page.changes if ch.base_rev is not None or ch.text]
    if not partial:
        return page
    pending = {
        (str(t), str(i))
        for t, i in conn.exec_driver_sql("SELECT table_name, row_id FROM sync_outbox").all()
    }
    by_table: dict[str, list[str]] = {}
    for ch in partial:
        if (ch.table, ch.id) not in pending:
            by_table.setdefault(ch.table, []).append(ch.id)
    shadow: dict[tuple[str, str], int] = {}
    copies: dict[tuple[str, str], dict[str, Any]] = {}
    lacking: set[str] = set()
    for table, ids in by_table.items():
        if not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).first():
            lacking.add(table)  # a table this version lacks: the apply skips its rows
            continue
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            marks = ",".join("?" * len(part))
            shadow.update(
                ((table, str(r)), int(v))
                for r, v in conn.exec_driver_sql(
                    "SELECT row_id, rev FROM sync_shadow WHERE table_name = ? AND row_id IN "
                    f"({marks})",
                    (table, *part),
                ).all()
            )
            result = conn.exec_driver_sql(
                f"SELECT * FROM {_q(table)} WHERE id IN ({marks})", tuple(part)
            )
            names = list(result.keys())
            for row in result.all():
                values = dict(zip(names, row, strict=True))
                copies[(table, str(values["id"]))] = values
    changes: list[Change] = []
    for ch in page.changes:
        key = (ch.table, ch.id)
        if (ch.base_rev is None and not ch.text) or key in pending or ch.table in lacking:
            changes.append(ch)
            continue
        have = shadow.get(key)
        if have is not None and have >= ch.rev:
            changes.append(ch)  # already here (the apply skips it)
            continue
        copy = copies.get(key)
        if have != ch.base_rev or copy is None:
            raise WholeNeededError(key)
        data: dict[str, Scalar] = {k: v for k, v in copy.items() if k != "id"}
        data.update(ch.data)
        for col, (head, tail, length, mid) in (ch.text or {}).items():
            new = textedit.apply(copy.get(col), head, tail, length, mid)
            if new is None:
                raise WholeNeededError(key)
            data[col] = new
        changes.append(ch.model_copy(update={"data": data, "base_rev": None, "text": None}))
    return page.model_copy(update={"changes": changes})
