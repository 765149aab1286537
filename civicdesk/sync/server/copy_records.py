"""New records into PostgreSQL by ``COPY records … FROM STDIN``, sent while the batch is
still being merged (civicdesk/sync/server/store_push.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from civicdesk.sync.protocol import dump_json

_COPY_SQL = (
    "COPY records (table_name, id, center_id, data, field_revs, rev, hlc, "
    "deleted, server_seq, updated_at, xid, writer_round, last_write) FROM STDIN"
)
#: lines handed to the driver at a time
_CHUNK_ROWS = 256


@contextlib.contextmanager
def copy_records(conn: Connection) -> Iterator[Callable[[dict[str, Any]], None]]:
    """A function that adds a new record (``store_push._record_row``) to a COPY open on
    ``conn``'s transaction. Lines go to PostgreSQL a few hundred at a time, by a thread
    of the driver, so PostgreSQL stores them while the rest of the batch is merged: the
    two took their time one after the other before. A failure (a record written
    meanwhile by another push is an IntegrityError: the batch is tried again) is raised
    as SQLAlchemy's own statements raise it."""
    import psycopg
    from psycopg.copy import QueuedLibpqWriter

    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        with cur.copy(_COPY_SQL, writer=QueuedLibpqWriter(cur)) as copy:
            lines: list[bytes] = []

            def add(row: dict[str, Any]) -> None:
                lines.append(_copy_line(row))
                if len(lines) >= _CHUNK_ROWS:
                    copy.write(b"".join(lines))
                    lines.clear()

            yield add
            if lines:
                copy.write(b"".join(lines))
    except psycopg.Error as exc:
        raise DBAPIError.instance(
            "COPY records", None, exc, psycopg.Error, dialect=conn.dialect
        ) from exc
    finally:
        cur.close()


_COPY_NULL = b"\\N"


def _copy_value(value: str | int | None) -> bytes:
    """One value in COPY's text format: ``\\N`` for NULL, the backslash and the
    characters that end a value or a row escaped."""
    if value is None:
        return _COPY_NULL
    if type(value) is int:
        return str(value).encode()
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r")
        )
    return text.encode("utf-8")


def _copy_line(r: dict[str, Any]) -> bytes:
    """A new record as a line of ``COPY records … FROM STDIN`` (text format), built
    here rather than by the driver a value at a time: on a push of 40 000 rows that
    took more of the server's CPU than any check. The JSON made by orjson holds no
    tab, newline or carriage return (they are escaped in JSON strings), so only its
    backslashes are doubled."""
    return b"\t".join((
        _copy_value(r["t"]), _copy_value(r["i"]), _copy_value(r["c"]),
        dump_json(r["d"]).replace(b"\\", b"\\\\"),
        dump_json(r["f"]).replace(b"\\", b"\\\\"),
        _copy_value(r["r"]), _copy_value(r["h"]), b"t" if r["x"] else b"f",
        _copy_value(r["s"]), _copy_value(r["u"]), _copy_value(r["xid"]), _copy_value(r["w"]),
        _copy_value(r["lw"]),
    )) + b"\n"
