"""The store, part 2: applying a pushed batch in one transaction (docs/sync.md §3)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    Connection,
    Integer,
    Text,
    insert,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from civicdesk.sync.protocol import (
    PushBatch,
    RowChange,
    Scalar,
    dump_json,
)
from civicdesk.sync.server.copy_records import copy_records
from civicdesk.sync.server.merge import META_FIELDS, Result, merge_row, result
from civicdesk.sync.server.merge import same as _same
from civicdesk.sync.server.minimise import WITHHELD, head_office_view
from civicdesk.sync.server.row_rules import is_erasure_scrub, row_problem
from civicdesk.sync.server.store_base import StoreBase
from civicdesk.sync.server.store_schema import (
    EPOCH_KEY,
    REV_FLOOR_KEY,
    ROW_FIELDS_NOT_DATA,
    SEQ_KEY,
    StoreError,
    TokenInfo,
    batches,
    conflicts,
    devices,
    records,
    retryable,
    server_meta,
    utcnow,
)
from civicdesk.sync.server.values import bad_column, parse_hlc
from civicdesk.sync.tables import (
    EXCLUDED_COLUMNS,
    KNOWN_TABLES,
    SHARED_EDIT_TABLES,
)
from civicdesk.sync.tables import REFERENCE as REFERENCE_TABLES

_NONE: frozenset[str] = frozenset()


class PushingStore(StoreBase):
    """Push: batches, merging, writing records."""

    # ------------------------------------------------------------------ push

    def stored_answer(self, center_id: str, batch_id: str, digest: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(batches.c.body_sha256, batches.c.response).where(
                    batches.c.center_id == center_id, batches.c.batch_id == batch_id
                )
            ).first()
        if row is None:
            return None
        if row.body_sha256 != digest:
            raise StoreError("push.batch_reused", 409)
        return bytes(row.response)

    def push(
        self,
        who: TokenInfo,
        batch: PushBatch,
        digest: str,
        encode: Any,
        *,
        round_id: str | None = None,
    ) -> bytes:
        """Apply a batch in one transaction; returns the (stored) encoded answer."""
        for attempt in range(5):
            try:
                return self._push_once(who, batch, digest, encode, round_id)
            except (IntegrityError, OperationalError, DBAPIError) as exc:
                stored = None
                with contextlib.suppress(StoreError):
                    stored = self.stored_answer(who.center_id, batch.batch_id, digest)
                if stored is not None:
                    return stored
                if attempt == 4 or not retryable(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _push_once(
        self, who: TokenInfo, batch: PushBatch, digest: str, encode: Any, round_id: str | None
    ) -> bytes:
        now = utcnow()
        with self._tx() as conn:
            head = self._push_head(conn, who, batch.batch_id)
            if head.body_sha256 is not None:  # this batch was applied before
                if head.body_sha256 != digest:
                    raise StoreError("push.batch_reused", 409)
                return bytes(head.response)
            xid: int | None = None if head.xid is None else int(head.xid)
            floor = int(head.floor or 0)
            known = self._load_existing(conn, batch.rows)
            writes: dict[tuple[str, str], dict[str, Any]] = {}
            new_keys: set[tuple[str, str]] = set()
            new_conflicts: list[dict[str, Any]] = []
            results: list[Result] = []
            # PostgreSQL: new records go into a COPY as they are merged, so PostgreSQL
            # stores them meanwhile (not where a batch names a record twice: its last
            # version is the one written)
            stream = self.is_pg and len({(r.table, r.id) for r in batch.rows}) == len(
                batch.rows
            )
            stamp = _stamp(now)
            with copy_records(conn) if stream else contextlib.nullcontext() as add:
                for r in batch.rows:
                    key = (r.table, r.id)
                    res, values, clash = self._apply_row(who, r, known.get(key), floor)
                    results.append(res)
                    if values is not None and add is not None and key not in known:
                        add(_record_row(key, values, None, stamp, xid, round_id))  # new
                    elif values is not None:
                        if key not in known:
                            new_keys.add(key)
                        known[key] = values
                        writes[key] = values
                    if clash is not None:
                        new_conflicts.append(clash)
            self._write(conn, writes, new_keys, now, xid, round_id)
            if head.open_conflicts:
                self._close_settled_conflicts(conn, who, batch.rows, results, now)
            if new_conflicts:
                for c in new_conflicts:
                    c.update(device_id=who.device_id, created_at=now)
                conn.execute(insert(conflicts), new_conflicts)
            # a ``PushResult``, built from plain values (``encode`` takes either)
            epoch, highest = self._push_tail(conn)
            answer = {
                "batch_id": batch.batch_id,
                "results": results,
                "server_time": self.clock.now(),
                "epoch": epoch,
                "highest_seq": highest,
                "max_batch_rows": self.max_batch_rows,
                "max_batch_bytes": self.max_batch_bytes,
            }
            body: bytes = encode(answer)
            stored = {
                "center_id": who.center_id,
                "batch_id": batch.batch_id,
                "device_id": who.device_id,
                "body_sha256": digest,
                "response": body,
                "created_at": now,
            }
            if self.is_pg:  # both in one statement
                conn.execute(_PG_PUSH_DONE, stored)
            else:
                conn.execute(insert(batches).values(**stored))
                conn.execute(
                    update(devices).where(devices.c.id == who.device_id).values(last_seen_at=now)
                )
            return body

    def _push_head(self, conn: Connection, who: TokenInfo, batch_id: str) -> Any:
        """What a push reads before its rows: the batch's stored answer if it was
        applied before (``body_sha256``, ``response``), the transaction's id (``xid``,
        PostgreSQL), the revision floor (``floor``) and whether the device has open
        conflicts (``open_conflicts``); on PostgreSQL in one statement."""
        params = {
            "center": who.center_id,
            "batch": batch_id,
            "floor": REV_FLOOR_KEY,
            "device": who.device_id,
        }
        if self.is_pg:
            return conn.execute(_PG_PUSH_HEAD, params).one()
        done = conn.execute(
            select(batches.c.body_sha256, batches.c.response).where(
                batches.c.center_id == who.center_id, batches.c.batch_id == batch_id
            )
        ).first()
        return _Head(
            body_sha256=None if done is None else done.body_sha256,
            response=None if done is None else done.response,
            xid=None,
            floor=self._meta_get(REV_FLOOR_KEY, conn),
            open_conflicts=True,
        )

    def _push_tail(self, conn: Connection) -> tuple[str, int]:
        """The epoch and the highest number handed out, for the push's answer."""
        if not self.is_pg:
            return self.epoch(conn), self.highest_seq(conn)
        row = conn.execute(_PG_PUSH_TAIL, {"epoch": EPOCH_KEY}).one()
        return row.epoch or "", int(row.highest or 0)

    @staticmethod
    def _close_settled_conflicts(
        conn: Connection,
        who: TokenInfo,
        rows: Sequence[RowChange],
        results: Sequence[Result],
        now: datetime,
    ) -> None:
        """A device that pushes a record again from a revision at or after a conflict it
        was told about has settled that conflict (its person chose, or it has since
        seen the server's values): the server's record of it is closed."""
        open_rows = {
            (t, i)
            for t, i in conn.execute(
                select(conflicts.c.table_name, conflicts.c.row_id).where(
                    conflicts.c.device_id == who.device_id, conflicts.c.resolved_at.is_(None)
                )
            )
        }
        if not open_rows:
            return
        for r, res in zip(rows, results, strict=True):
            if (r.table, r.id) in open_rows and res["status"] in ("applied", "merged"):
                conn.execute(
                    update(conflicts)
                    .where(
                        conflicts.c.table_name == r.table,
                        conflicts.c.row_id == r.id,
                        conflicts.c.device_id == who.device_id,
                        conflicts.c.server_rev <= r.base_rev,
                        conflicts.c.resolved_at.is_(None),
                    )
                    .values(resolved_at=now)
                )

    def _load_existing(
        self, conn: Connection, rows: Sequence[RowChange]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The current records of a batch, locked for the transaction (one query a table;
        the JSON text decoded once, by orjson). PostgreSQL: the ids go as one array
        parameter (``= ANY``), not as an ``IN`` list of one parameter each, which cost
        more to build, send and plan than the look-up itself."""
        by_table: dict[str, set[str]] = {}
        for r in rows:
            by_table.setdefault(r.table, set()).add(r.id)
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for table, ids in by_table.items():
            for row_id, center, data, revs, rev, deleted, hlc in self._locked_records(
                conn, table, sorted(ids)
            ):
                out[(table, row_id)] = {
                    "center_id": center,
                    "data": orjson.loads(data),
                    "field_revs": {k: int(v) for k, v in orjson.loads(revs).items()},
                    "rev": int(rev),
                    "deleted": bool(deleted),
                    "hlc": hlc,
                }
        return out

    def _locked_records(
        self, conn: Connection, table: str, ids: list[str]
    ) -> Iterable[Any]:
        """``(id, center_id, data, field_revs, rev, deleted, hlc)`` of the records of
        ``table`` among ``ids`` (the JSON as text), locked, in id order."""
        if self.is_pg:
            return conn.exec_driver_sql(
                "SELECT id, center_id, data::text, field_revs::text, rev, deleted, hlc "
                "FROM records WHERE table_name = %s AND id = ANY(%s) "
                "ORDER BY id FOR UPDATE",
                (table, ids),
            )
        return conn.execute(
            select(
                records.c.id,
                records.c.center_id,
                sql_cast(records.c.data, Text),
                sql_cast(records.c.field_revs, Text),
                records.c.rev,
                records.c.deleted,
                records.c.hlc,
            )
            .where(records.c.table_name == table, records.c.id.in_(ids))
            .order_by(records.c.id)
            .with_for_update()
        )

    def _write(
        self,
        conn: Connection,
        writes: dict[tuple[str, str], dict[str, Any]],
        new_keys: set[tuple[str, str]],
        now: datetime,
        xid: int | None,
        round_id: str | None = None,
    ) -> None:
        """The batch's records in one statement for the new ones and one for the changed
        ones (PostgreSQL: COPY, and an UPDATE from the rows as one JSON parameter,
        ``json_to_recordset``; SQLite: ``executemany``); values stored as compact UTF-8
        JSON made by orjson."""
        if not writes:
            return
        seqs: list[int | None] = [None] * len(writes)
        if not self.is_pg:
            # SQLite: one block of numbers for the batch, taken under the write lock.
            top = conn.execute(
                update(server_meta)
                .where(server_meta.c.key == SEQ_KEY)
                .values(value=sql_cast(sql_cast(server_meta.c.value, Integer) + len(writes), Text))
                .returning(server_meta.c.value)
            ).scalar_one()
            first = int(top) - len(writes) + 1
            seqs = list(range(first, int(top) + 1))
        stamp = _stamp(now)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for (key, v), seq in zip(writes.items(), seqs, strict=True):
            row = _record_row(key, v, seq, stamp, xid, round_id)
            (inserts if key in new_keys else updates).append(row)
        if self.is_pg:
            self._write_pg(conn, inserts, updates)
        else:
            self._write_sqlite(conn, inserts, updates)

    @staticmethod
    def _write_pg(
        conn: Connection, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]
    ) -> None:
        """New records by COPY (about a third less of PostgreSQL's time than one
        INSERT of the rows as JSON), changed ones by one UPDATE from the rows as JSON."""
        if inserts:
            with copy_records(conn) as add:
                for row in inserts:
                    add(row)
        if updates:
            conn.exec_driver_sql(
                "UPDATE records SET data = x.d, field_revs = x.f, rev = x.r, hlc = x.h, "
                "deleted = x.x, server_seq = x.s, updated_at = x.u, xid = x.xid, "
                "writer_round = x.w, last_write = x.lw FROM json_to_recordset(%s::json) "
                "AS x(t text, i text, d json, f json, r integer, h text, x boolean, "
                "s bigint, u timestamp, xid bigint, w text, lw text) "
                "WHERE records.table_name = x.t AND records.id = x.i",
                (dump_json(updates).decode("utf-8"),),
            )

    @staticmethod
    def _write_sqlite(
        conn: Connection, inserts: list[dict[str, Any]], updates: list[dict[str, Any]]
    ) -> None:
        def params(row: dict[str, Any]) -> tuple[Any, ...]:
            return (
                dump_json(row["d"]).decode("utf-8"), dump_json(row["f"]).decode("utf-8"),
                row["r"], row["h"], row["x"], row["s"], row["u"], row["xid"], row["w"],
                row["lw"],
                row["t"], row["i"], row["c"],
            )

        if inserts:
            conn.exec_driver_sql(
                "INSERT INTO records (data, field_revs, rev, hlc, deleted, server_seq, "
                "updated_at, xid, writer_round, last_write, table_name, id, center_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [params(r) for r in inserts],
            )
        if updates:
            conn.exec_driver_sql(
                "UPDATE records SET data = ?, field_revs = ?, rev = ?, hlc = ?, deleted = ?, "
                "server_seq = ?, updated_at = ?, xid = ?, writer_round = ?, last_write = ? "
                "WHERE table_name = ? AND id = ?",
                [params(r)[:-1] for r in updates],
            )

    def _apply_row(
        self, who: TokenInfo, r: RowChange, existing: dict[str, Any] | None, floor: int = 0
    ) -> tuple[Result, dict[str, Any] | None, dict[str, Any] | None]:
        """One row against the current record: (result, record to write, conflict)."""

        def rejected(reason: str) -> tuple[Result, None, None]:
            return result(r.table, r.id, "rejected", reason=reason), None, None

        table = r.table
        if table not in KNOWN_TABLES:
            return rejected("unknown_table")
        if table in REFERENCE_TABLES and not who.head_office:
            return rejected("reference_data")
        excluded = EXCLUDED_COLUMNS.get(table, _NONE)
        data: dict[str, Scalar] = r.data
        if not (data.keys().isdisjoint(ROW_FIELDS_NOT_DATA) and data.keys().isdisjoint(excluded)):
            data = {
                k: v for k, v in data.items() if k not in ROW_FIELDS_NOT_DATA and k not in excluded
            }
        if existing is None and r.op == "delete":
            # Made and deleted before it ever reached us: nothing to keep.
            return result(table, r.id, "applied", deleted=True), None, None
        owner = existing["center_id"] if existing is not None else data.get("center_id")
        if not isinstance(owner, str) or not owner or "\x00" in owner or len(owner) > 64:
            return rejected("no_center")
        head_office_edit = who.head_office and table in SHARED_EDIT_TABLES
        # Ownership first, so that a record of another center and an id nobody has
        # get the same answer: a center cannot learn which ids exist elsewhere.
        if table not in REFERENCE_TABLES and owner != who.center_id and not head_office_edit:
            return rejected("not_owner")
        if r.op == "upsert" and data.get("center_id", owner) != owner:
            return rejected("center_changed")
        hidden = WITHHELD.get(table) if existing is not None and owner != who.center_id else None
        typed_over = False  # head office sent something else than its blanks there
        if hidden and not hidden.keys().isdisjoint(data):
            # Head office holds these of another center's record only blanked (pull's
            # minimised view): what it sends of them is its blanks, never an edit, and
            # a whole record it sends again (after a restore) must not wipe them.
            typed_over = any(k in data and data[k] != blank for k, blank in hidden.items())
            data = {k: v for k, v in data.items() if k not in hidden}
        if r.op == "upsert" and bad_column(table, data) is not None:
            return rejected("bad_value")
        if (
            table == "audit_log"
            and existing is not None
            and not _resent_unchanged(r, data, existing)
            and not (r.op == "upsert" and is_erasure_scrub(data, existing["data"], META_FIELDS))
        ):
            # append-only: an audit entry once stored is never rewritten or removed,
            # except for a person's values blanked by an erasure on request
            return rejected("append_only")
        refused = row_problem(who.head_office, table, data)
        if refused:
            return rejected(refused)
        if r.hlc:
            # parsed once: malformed, or more than the margin ahead of the wall clock
            ts = parse_hlc(r.hlc)
            if ts is None:
                return rejected("bad_clock")
            if ts.wall_ms > int(self._wall()) + self.clock_margin_ms:
                return rejected("clock_ahead")
            self.clock.observe(r.hlc)
            hlc = r.hlc
        else:
            hlc = self.clock.now()

        outcome = merge_row(r, data, existing, owner=owner, hlc=hlc, floor=floor)
        answer, made = outcome[0], outcome[1]
        if typed_over and answer["status"] == "applied" and existing is not None:
            # what head office typed there is not taken: it is answered with the record
            # as it pulls it, so its copy goes back to the blanks (and stays the
            # server's, which a later pull of changed columns relies on)
            current = made["data"] if made is not None else existing["data"]
            answer.update(status="merged", data=dict(current))
        if answer["data"] is not None and table in WITHHELD and owner != who.center_id:
            # a merged or conflict answer carries the record: head office gets it as it
            # pulls it, the withheld columns blanked
            answer["data"] = head_office_view(table, answer["data"])
        if existing is None and made is not None and r.restore and owner != who.center_id:
            # Head office sending again, after a restore, a center's record the dump
            # lacked: it holds the withheld columns blanked. They are stored as never
            # written (revision 0), so the center's own row, when it comes, puts them
            # back instead of being answered with the blanks.
            for k in WITHHELD.get(table, _NONE):
                if k in made["field_revs"]:
                    made["field_revs"][k] = 0
        return outcome


def _stamp(now: datetime) -> str:
    return now.isoformat(sep=" ", timespec="microseconds")


def _record_row(
    key: tuple[str, str],
    v: dict[str, Any],
    seq: int | None,
    stamp: str,
    xid: int | None,
    round_id: str | None,
) -> dict[str, Any]:
    """A record to write (``merge._record``) as the columns of ``records``, short keys."""
    lw = v.get("last_write")
    return {
        "t": key[0],
        "i": key[1],
        "c": v["center_id"],
        "d": v["data"],
        "f": v["field_revs"],
        "r": v["rev"],
        "h": v["hlc"],
        "x": bool(v["deleted"]),
        "s": seq,
        "u": stamp,
        "xid": xid,
        "w": round_id,
        # what the write changed, as JSON text (see the table)
        "lw": None if lw is None else dump_json(lw).decode("utf-8"),
    }


def _resent_unchanged(r: RowChange, data: dict[str, Scalar], existing: dict[str, Any]) -> bool:
    """An audit entry sent again exactly as stored (a repeated push), not a rewrite."""
    if r.op != "upsert":
        return False
    stored = existing["data"]
    return all(
        _same(v, stored.get(k)) or _same_json(v, stored.get(k))
        for k, v in data.items()
        if k not in META_FIELDS
    )


def _same_json(a: Scalar, b: Scalar) -> bool:
    """Equal JSON texts spelt differently: audit entries written before migration
    0013_sync kept letters as ``\\u`` escapes; the PC now stores them as UTF-8."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    try:
        return bool(json.loads(a) == json.loads(b))
    except ValueError:
        return False


class _Head(NamedTuple):
    body_sha256: str | None
    response: bytes | None
    xid: int | None
    floor: str | None
    open_conflicts: bool


# ``_push_head`` on PostgreSQL: the transaction's id is taken even for a batch sent
# again (it is only a number; nothing is written then).
_PG_PUSH_HEAD = text(
    "SELECT pg_current_xact_id()::text::bigint AS xid, "
    "(SELECT value FROM server_meta WHERE key = :floor) AS floor, "
    "EXISTS (SELECT 1 FROM conflicts WHERE device_id = :device AND resolved_at IS NULL) "
    "AS open_conflicts, b.body_sha256, b.response "
    "FROM (SELECT 1) AS one "
    "LEFT JOIN batches b ON b.center_id = :center AND b.batch_id = :batch"
)
_PG_PUSH_TAIL = text(
    "SELECT (SELECT value FROM server_meta WHERE key = :epoch) AS epoch, "
    "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM records_seq) AS highest"
)
# the batch's answer kept, and the device seen now
_PG_PUSH_DONE = text(
    "WITH seen AS (UPDATE devices SET last_seen_at = :created_at WHERE id = :device_id) "
    "INSERT INTO batches (center_id, batch_id, device_id, body_sha256, response, created_at) "
    "VALUES (:center_id, :batch_id, :device_id, :body_sha256, :response, :created_at)"
)
