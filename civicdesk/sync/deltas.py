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
the edit was made from), or whose copy may differ from the server's version at that
revision (an edit the server refused stays here; a push answer that had to wait; see
``doubt``), cannot be completed: the page is then asked for again whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from civicdesk.sync import textedit
from civicdesk.sync.client_state import ClientState, local_copies, shadow_revs
from civicdesk.sync.protocol import Change, PullPage, Scalar

#: ``sync_state`` key: records whose copy here may not be the server's version at
#: their shadow revision (an edit the server refused stays here; an answer that waits
#: in ``sync_waiting``): they are completed only from a whole version
DOUBTED_KEY = "copies_not_as_server"


def doubt(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Note records whose local copy may differ from the server's version."""
    new = {(t, i) for t, i in keys}
    if not new:
        return
    have = doubted(conn)
    if new <= have:
        return
    _store(conn, have | new)


def settle(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Records written here from a whole server version: their copies are the server's."""
    have = doubted(conn)
    if not have:
        return
    left = have - {(t, i) for t, i in keys}
    if left != have:
        _store(conn, left)


def doubted(conn: Connection) -> set[tuple[str, str]]:
    return {(str(t), str(i)) for t, i in ClientState._get(conn, DOUBTED_KEY, [])}


def _store(conn: Connection, keys: set[tuple[str, str]]) -> None:
    if keys:
        ClientState._put(conn, DOUBTED_KEY, sorted(keys))
    else:
        ClientState._drop(conn, DOUBTED_KEY)


class WholeNeededError(Exception):
    """A page carries a record's changed columns for a revision this PC does not hold:
    the page is asked for again with whole records."""


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
    unsure = doubted(conn)
    mine = [(ch.table, ch.id) for ch in partial if (ch.table, ch.id) not in pending]
    copies, lacking = local_copies(conn, mine)
    shadow = shadow_revs(conn, mine)
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
        found = copies.get(key)
        if have != ch.base_rev or found is None or key in unsure:
            raise WholeNeededError(key)
        copy = dict(zip(*found, strict=True))
        data: dict[str, Scalar] = {k: v for k, v in copy.items() if k != "id"}
        data.update(ch.data)
        for col, (head, tail, length, mid) in (ch.text or {}).items():
            new = textedit.apply(copy.get(col), head, tail, length, mid)
            if new is None:
                raise WholeNeededError(key)
            data[col] = new
        changes.append(ch.model_copy(update={"data": data, "base_rev": None, "text": None}))
    return page.model_copy(update={"changes": changes})
