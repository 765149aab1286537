"""The store, part 2: applying a pushed batch in one transaction (docs/sync.md §3)."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Integer,
    Text,
    bindparam,
    insert,
    select,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from civicdesk.sync.protocol import (
    PushBatch,
    PushResult,
    RowChange,
    RowResult,
    Scalar,
)
from civicdesk.sync.server.merge import META_FIELDS, merge_row
from civicdesk.sync.server.merge import same as _same
from civicdesk.sync.server.row_rules import is_erasure_scrub, row_problem
from civicdesk.sync.server.store_base import StoreBase
from civicdesk.sync.server.store_schema import (
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
            row = conn.execute(
                select(batches.c.body_sha256, batches.c.response).where(
                    batches.c.center_id == who.center_id, batches.c.batch_id == batch.batch_id
                )
            ).first()
            if row is not None:
                if row.body_sha256 != digest:
                    raise StoreError("push.batch_reused", 409)
                return bytes(row.response)
            xid: int | None = None
            if self.is_pg:
                xid = int(
                    conn.exec_driver_sql("SELECT pg_current_xact_id()::text::bigint").scalar_one()
                )
            known = self._load_existing(conn, batch.rows)
            floor = int(self._meta_get(REV_FLOOR_KEY, conn) or 0)
            writes: dict[tuple[str, str], dict[str, Any]] = {}
            new_keys: set[tuple[str, str]] = set()
            new_conflicts: list[dict[str, Any]] = []
            results = []
            for r in batch.rows:
                key = (r.table, r.id)
                res, values, clash = self._apply_row(who, r, known.get(key), floor)
                results.append(res)
                if values is not None:
                    if key not in known:
                        new_keys.add(key)
                    known[key] = values
                    writes[key] = values
                if clash is not None:
                    new_conflicts.append(clash)
            self._write(conn, writes, new_keys, now, xid, round_id)
            self._close_settled_conflicts(conn, who, batch.rows, results, now)
            if new_conflicts:
                for c in new_conflicts:
                    c.update(device_id=who.device_id, created_at=now)
                conn.execute(insert(conflicts), new_conflicts)
            answer = PushResult(
                batch_id=batch.batch_id,
                results=results,
                server_time=self.clock.now(),
                epoch=self.epoch(conn),
                highest_seq=self.highest_seq(conn),
            )
            body: bytes = encode(answer)
            conn.execute(
                insert(batches).values(
                    center_id=who.center_id,
                    batch_id=batch.batch_id,
                    device_id=who.device_id,
                    body_sha256=digest,
                    response=body,
                    created_at=now,
                )
            )
            conn.execute(
                update(devices).where(devices.c.id == who.device_id).values(last_seen_at=now)
            )
            return body

    @staticmethod
    def _close_settled_conflicts(
        conn: Connection,
        who: TokenInfo,
        rows: Sequence[RowChange],
        results: Sequence[RowResult],
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
            if (r.table, r.id) in open_rows and res.status in ("applied", "merged"):
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
        """The current records of a batch, locked for the transaction (one query a table)."""
        by_table: dict[str, set[str]] = {}
        for r in rows:
            by_table.setdefault(r.table, set()).add(r.id)
        out: dict[tuple[str, str], dict[str, Any]] = {}
        cols = [
            records.c.table_name,
            records.c.id,
            records.c.center_id,
            records.c.data,
            records.c.field_revs,
            records.c.rev,
            records.c.deleted,
            records.c.hlc,
        ]
        for table, ids in by_table.items():
            stmt = (
                select(*cols)
                .where(records.c.table_name == table, records.c.id.in_(sorted(ids)))
                .order_by(records.c.id)
                .with_for_update()
            )
            for row in conn.execute(stmt):
                out[(row.table_name, row.id)] = {
                    "center_id": row.center_id,
                    "data": dict(row.data),
                    "field_revs": {k: int(v) for k, v in dict(row.field_revs).items()},
                    "rev": int(row.rev),
                    "deleted": bool(row.deleted),
                    "hlc": row.hlc,
                }
        return out

    def _write(
        self,
        conn: Connection,
        writes: dict[tuple[str, str], dict[str, Any]],
        new_keys: set[tuple[str, str]],
        now: datetime,
        xid: int | None,
        round_id: str | None = None,
    ) -> None:
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
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for (key, v), seq in zip(writes.items(), seqs, strict=True):
            values = {
                "table_name": key[0],
                "id": key[1],
                "center_id": v["center_id"],
                "data": v["data"],
                "field_revs": v["field_revs"],
                "rev": v["rev"],
                "hlc": v["hlc"],
                "deleted": v["deleted"],
                "server_seq": seq,
                "updated_at": now,
                "xid": xid,
                "writer_round": round_id,
            }
            (inserts if key in new_keys else updates).append(values)
        if inserts:
            conn.execute(insert(records), inserts)
        if updates:
            stmt = (
                update(records)
                .where(
                    records.c.table_name == bindparam("k_table"), records.c.id == bindparam("k_id")
                )
                .values(
                    data=bindparam("data"),
                    field_revs=bindparam("field_revs"),
                    rev=bindparam("rev"),
                    hlc=bindparam("hlc"),
                    deleted=bindparam("deleted"),
                    server_seq=bindparam("server_seq"),
                    updated_at=bindparam("updated_at"),
                    xid=bindparam("xid"),
                    writer_round=bindparam("writer_round"),
                )
            )
            params = [
                {
                    **{k: v for k, v in u.items() if k not in ("table_name", "id", "center_id")},
                    "k_table": u["table_name"],
                    "k_id": u["id"],
                }
                for u in updates
            ]
            conn.execute(stmt, params)

    def _row_hlc(self, hlc: str) -> str | None:
        """The timestamp a pushed row keeps; None when it is refused (see values.py).

        A row without a timestamp gets the server's; a malformed one, or one more
        than the margin ahead of the server's wall clock, is refused."""
        if not hlc:
            return self.clock.now()
        ts = parse_hlc(hlc)
        if ts is None:
            return None
        if ts.wall_ms > int(self._wall()) + self.clock_margin_ms:
            return None
        self.clock.observe(hlc)
        return hlc

    def _apply_row(
        self, who: TokenInfo, r: RowChange, existing: dict[str, Any] | None, floor: int = 0
    ) -> tuple[RowResult, dict[str, Any] | None, dict[str, Any] | None]:
        """One row against the current record: (result, record to write, conflict)."""

        def rejected(reason: str) -> tuple[RowResult, None, None]:
            return RowResult(table=r.table, id=r.id, status="rejected", reason=reason), None, None

        if r.table not in KNOWN_TABLES:
            return rejected("unknown_table")
        if r.table in REFERENCE_TABLES and not who.head_office:
            return rejected("reference_data")
        excluded = EXCLUDED_COLUMNS.get(r.table, frozenset())
        data: dict[str, Scalar] = {
            k: v for k, v in r.data.items() if k not in ROW_FIELDS_NOT_DATA and k not in excluded
        }
        if existing is None and r.op == "delete":
            # Made and deleted before it ever reached us: nothing to keep.
            return RowResult(table=r.table, id=r.id, status="applied", deleted=True), None, None
        owner = existing["center_id"] if existing is not None else data.get("center_id")
        if not isinstance(owner, str) or not owner or "\x00" in owner or len(owner) > 64:
            return rejected("no_center")
        head_office_edit = who.head_office and r.table in SHARED_EDIT_TABLES
        # Ownership first, so that a record of another center and an id nobody has
        # get the same answer: a center cannot learn which ids exist elsewhere.
        if r.table not in REFERENCE_TABLES and owner != who.center_id and not head_office_edit:
            return rejected("not_owner")
        if r.op == "upsert" and data.get("center_id", owner) != owner:
            return rejected("center_changed")
        if r.op == "upsert" and bad_column(r.table, data) is not None:
            return rejected("bad_value")
        if (
            r.table == "audit_log"
            and existing is not None
            and not _resent_unchanged(r, data, existing)
            and not (r.op == "upsert" and is_erasure_scrub(data, existing["data"], META_FIELDS))
        ):
            # append-only: an audit entry once stored is never rewritten or removed,
            # except for a person's values blanked by an erasure on request
            return rejected("append_only")
        refused = row_problem(who.head_office, r.table, data)
        if refused:
            return rejected(refused)
        if r.hlc and parse_hlc(r.hlc) is None:
            return rejected("bad_clock")
        stamped = self._row_hlc(r.hlc)
        if stamped is None:
            return rejected("clock_ahead")
        hlc = stamped

        return merge_row(r, data, existing, owner=owner, hlc=hlc, floor=floor)


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
