"""The desktop side of sync, part 3: push of the outbox and applying the answer.

A batch is stored before it is sent; the answer is applied together with local edits
made while it was in flight (docs/sync.md §3).
"""

from __future__ import annotations

import base64
import functools
import gzip
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import orjson
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from civicdesk.db.changes import parse_changed
from civicdesk.db.models import REFERENCE_TABLES
from civicdesk.domain.hlc import Timestamp
from civicdesk.domain.ids import new_id
from civicdesk.sync import messages as m
from civicdesk.sync.client_state import (
    BATCH_LIMITS_KEY,
    SERVER_TAKES_KEY,
    SyncError,
    _now,
    _q,
    local_copies,
    shadow_revs,
)
from civicdesk.sync.deltas import doubt
from civicdesk.sync.protocol import (
    API,
    H_ROUND,
    MAX_BATCH_ROWS,
    MAX_BODY_BYTES,
    PUSH_GZIP_LEVEL,
    SCHEMA_VERSION,
    PushResult,
    RowResult,
    Scalar,
    dump_json,
    gzip_bytes,
    load_model,
    takes_zstd,
    unzstd_limited,
    zstd_bytes,
)
from civicdesk.sync.pull import Puller
from civicdesk.sync.tables import EXCLUDED_COLUMNS, NOT_DATA
from civicdesk.sync.waiting import (
    forget_older,
    park,
    reason_of,
    roll_forward,
    server_versions_waiting,
)


class Pusher(Puller):
    """Push of the outbox in stored batches."""

    def _push_all(self, client: httpx.Client) -> tuple[int, int, int]:
        """Send the outbox batch after batch. While a batch is in flight the next one is
        built (read, encoded, compressed) but not stored: it is stored, and only then
        sent, once the answer to the current one is applied, so at most one batch is
        ever sent and unanswered, as before (docs/sync.md §3). The PC's work on the next
        batch and the server's on the current one overlap."""
        pushed = conflicts = errors = 0
        auth = {**self._auth_headers(), H_ROUND: self._round}
        ahead: dict[str, Any] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="push") as pool:
            while True:
                pending = self.state("pending_batch")
                if pending is None:
                    pending = self._store_batch(ahead) if ahead else self._prepare_batch()
                ahead = None
                if pending is None:
                    return pushed, conflicts, errors
                sending = pool.submit(
                    self._request, client, "POST", f"{API}/push",
                    encoded=_stored_sent(pending), headers=auth,
                )
                try:
                    ahead = self._build_batch(
                        exclude={(t, i) for t, i, _v, _c in pending["versions"]}
                    )
                except Exception:
                    ahead = None  # built again after the answer, meeting any error there
                try:
                    resp = sending.result()
                except SyncError as exc:
                    if not (self._refused_for_size(exc) or self._refused_coding(exc, pending)):
                        raise
                    ahead = None
                    continue  # built again within what every server takes
                if self._note_server_takes(resp.headers.get("accept-encoding", "")):
                    ahead = None  # built again in a coding the server now says it takes
                try:
                    result = load_model(resp.content, PushResult)
                except ValueError as exc:
                    raise SyncError(
                        "protocol", "sync.bad_answer", m.BAD_ANSWER, detail="push"
                    ) from exc
                if self._note_batch_limits(result.max_batch_rows, result.max_batch_bytes):
                    ahead = None  # the server now says another size: built again
                p, c, e = self._apply_push_result(pending, result)
                if self._check_rewind(result.epoch, result.highest_seq):
                    ahead = None  # everything was queued again: built from the outbox
                pushed += p
                conflicts += c
                errors += e

    def _store_batch(self, pending: dict[str, Any]) -> dict[str, Any]:
        """A batch built (``_build_batch``), stored as the one to send."""
        with self._conn() as conn:
            self._put(conn, "pending_batch", pending)
        return pending

    def _prepare_batch(self) -> dict[str, Any] | None:
        """The next batch, built and stored (sent only once stored)."""
        built = self._build_batch()
        return None if built is None else self._store_batch(built)

    def _build_batch(
        self, exclude: AbstractSet[tuple[str, str]] = frozenset()
    ) -> dict[str, Any] | None:
        """The next batch, built from plain values (no model object a row) and cut at the
        server's limits: as many rows as it takes, at most its bytes of JSON. Rows of
        ``exclude`` (the batch in flight) are left for later."""
        with self._conn() as conn:
            head_office = bool(self._get(conn, "head_office", False))
            if not head_office:
                # Reference data belongs to head office: a center's own copies are never sent.
                marks = ",".join("?" * len(REFERENCE_TABLES))
                conn.exec_driver_sql(
                    f"DELETE FROM sync_outbox WHERE table_name IN ({marks})",
                    tuple(sorted(REFERENCE_TABLES)),
                )
            max_rows, max_bytes = self._batch_limits(conn)
            outbox = [
                r
                for r in conn.exec_driver_sql(
                    "SELECT table_name, row_id, op, changed, local_version FROM sync_outbox "
                    "ORDER BY queued_at, rowid LIMIT ?",
                    (max_rows + len(exclude),),
                ).all()
                if (r[0], r[1]) not in exclude
            ][:max_rows]
            if not outbox:
                return None
            device = self.device_id(conn)
            head = dump_json({
                "batch_id": new_id(), "device_id": device, "schema_version": SCHEMA_VERSION,
            })
            parts: list[bytes] = []
            size = len(head) + 10
            versions: list[list[Any]] = []
            full = False
            # records read 500 outbox rows at a time, until the batch's bytes are full
            for at in range(0, len(outbox), 500):
                chunk = outbox[at : at + 500]
                records, bases = self._batch_records(conn, chunk)
                for table, row_id, op, changed, version in chunk:
                    row = self._row_change(
                        table, row_id, op, changed, records.get((table, row_id)),
                        bases.get((table, row_id)),
                    )
                    if int(version) == 0 and row["op"] == "upsert":
                        row["restore"] = True  # see _requeue_everything
                    part = dump_json(row)
                    if parts and size + len(part) + 1 > max_bytes:
                        full = True
                        break
                    parts.append(part)
                    size += len(part) + 1
                    versions.append([table, row_id, version, changed])
                if full:
                    break
            body = head[:-1] + b',"rows":[' + b",".join(parts) + b"]}"
            # stored as the compressed bytes that are sent (base64), not as JSON text
            # inside JSON: Zstandard where the server says it takes it (a quarter of
            # the CPU of gzip and a quarter fewer bytes), else gzip
            if takes_zstd(str(self._get(conn, SERVER_TAKES_KEY) or "")):
                coding, packed = "zstd", zstd_bytes(body)
            else:
                coding, packed = "gzip", gzip_bytes(body, PUSH_GZIP_LEVEL)
            return {coding: base64.b64encode(packed).decode("ascii"), "versions": versions}

    def _note_server_takes(self, accept_encoding: str) -> bool:
        """Remember what the server's answer says it accepts; True when that decides
        another coding for the next batch than before."""
        with self._conn() as conn:
            known = str(self._get(conn, SERVER_TAKES_KEY) or "")
            if accept_encoding == known:
                return False
            self._put(conn, SERVER_TAKES_KEY, accept_encoding)
        return takes_zstd(accept_encoding) != takes_zstd(known)

    def _refused_coding(self, exc: SyncError, pending: dict[str, Any]) -> bool:
        """A batch in Zstandard refused for its coding (a server put back to an older
        version, a proxy): nothing was applied, so it is dropped and built again in
        gzip, and the server is taken to accept gzip only until an answer says more."""
        if exc.code not in ("body.encoding", "http.415") or "zstd" not in pending:
            return False
        with self._conn() as conn:
            self._put(conn, SERVER_TAKES_KEY, "gzip")
            self._drop(conn, "pending_batch")
        return True

    def _refused_for_size(self, exc: SyncError) -> bool:
        """A batch built to the size a server once said it takes, refused as malformed
        or too large (a server put back to an older version, a smaller body limit, a
        proxy's): the server applied nothing, so the batch is dropped and built again
        from the outbox (still queued) within 500 rows and 8 MB; once, as the size the
        server said is forgotten with it."""
        if exc.code not in _SIZE_REFUSALS:
            return False
        with self._conn() as conn:
            if self._get(conn, BATCH_LIMITS_KEY) is None:
                return False
            self._drop(conn, BATCH_LIMITS_KEY)
            self._drop(conn, "pending_batch")
        return True

    def _batch_limits(self, conn: Connection) -> tuple[int, int]:
        """Rows and bytes of one batch: what the server said it takes (a server that
        has not said: 500 rows, as every server of this protocol), within this PC's
        own ``batch_size``."""
        said = self._get(conn, BATCH_LIMITS_KEY) or {}
        rows = int(said.get("rows") or 0) or MAX_BATCH_ROWS
        size = int(said.get("bytes") or 0) or MAX_BODY_BYTES
        return max(1, min(rows, self.batch_size)), max(1, min(size, MAX_BODY_BYTES))

    def _note_batch_limits(self, rows: int, size: int) -> bool:
        """Remember the batch size the server takes (enrolment and push answers);
        True if it is another size than the one remembered."""
        if rows <= 0:
            return False
        with self._conn() as conn:
            value = {"rows": rows, "bytes": size}
            if self._get(conn, BATCH_LIMITS_KEY) == value:
                return False
            self._put(conn, BATCH_LIMITS_KEY, value)
            return True

    @staticmethod
    def _batch_records(
        conn: Connection, outbox: Sequence[Any]
    ) -> tuple[dict[tuple[str, str], Any], dict[tuple[str, str], int]]:
        """The records of a batch and their last seen server revisions: one query per
        table for each (not two a row), as plain tuples with their column names."""
        keys = [(table, row_id) for table, row_id, _op, _changed, _version in outbox]
        records, _lacking = local_copies(conn, keys)
        return records, shadow_revs(conn, keys)

    @staticmethod
    def _row_change(
        table: str, row_id: str, op: str, changed: str, row: Any, base: int | None
    ) -> dict[str, Any]:
        """A row of a batch (the fields of ``RowChange``) from a record's column names
        and values."""
        if op != "upsert":
            row = None
        if row is None:
            return {
                "table": table, "id": row_id, "op": "delete", "rev": 0, "base_rev": base or 0,
                "hlc": "", "changed": None, "data": {}, "restore": False,
            }
        names, values = row
        skip = _skipped(table)
        data = {k: v for k, v in zip(names, values, strict=True) if k not in skip}
        own = dict(zip(names, values, strict=True))
        fields = None
        if changed != "*":
            fields = sorted({c for c in changed.split(",") if c} - skip)
        return {
            "table": table, "id": row_id, "op": "upsert", "rev": int(own.get("rev") or 0),
            "base_rev": int(base or 0), "hlc": str(own.get("hlc") or ""), "changed": fields,
            "data": data, "restore": False,
        }

    def _apply_push_result(
        self, pending: dict[str, Any], result: PushResult
    ) -> tuple[int, int, int]:
        """Apply the server's answer together with local edits made while it was in
        flight: such an edit wins over the answer (it is still queued and goes with
        the next push), a row the local schema refuses waits (``sync_waiting``).
        Foreign keys are not enforced here, as in a pull: a parent named by a merged
        record comes with the pull of the same round.

        An answer from a server rewound since this PC last heard from it (another
        epoch: docs/sync.md §4) is not applied: it was worked out against revisions
        the server lost, and its merged values would overwrite edits of this PC that
        the lost server had taken. Only the batch is dropped; its rows stay queued and
        go again, with every record, once the rewind is noticed (``_check_rewind``)."""
        with self._conn() as conn:
            if self._is_rewind(conn, result.epoch, result.highest_seq):
                self._drop(conn, "pending_batch")
                return 0, 0, 0
        pushed = conflicts = errors = 0
        sent = {(t, i): (v, ch) for t, i, v, ch in pending["versions"]}
        # the values sent, decoded only if a merged answer needs them
        sent_data: dict[tuple[str, str], dict[str, Scalar]] | None = None
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
                # Per batch, not per row: the outbox rows of the answer are read with one
                # query per table, and the plain outcomes (outbox row done, revision
                # seen, revision written) are written together at the end; each record
                # is in a batch once, so the order of those writes does not matter.
                queued = _outbox_rows(conn, result.results)
                parked = server_versions_waiting(conn)
                done: list[tuple[str, str]] = []
                shadows: list[tuple[str, str, int]] = []
                revs: dict[str, list[tuple[int, str]]] = {}
                seen_keys: set[tuple[str, str]] = set()
                for res in result.results:
                    key = (res.table, res.id)
                    version, sent_changed = sent.get(key, (None, "*"))
                    if key in seen_keys:  # not from a well-behaved server: as it is now
                        _flush(conn, done, shadows, revs)
                        queued[key] = conn.exec_driver_sql(
                            "SELECT local_version, changed, op FROM sync_outbox "
                            "WHERE table_name = ? AND row_id = ?",
                            key,
                        ).first()
                    seen_keys.add(key)
                    cur = queued.get(key)
                    unchanged = cur is not None and cur[0] == version
                    restamp = res.status == "rejected" and res.reason == "clock_ahead"
                    if unchanged and restamp:
                        conn.exec_driver_sql(
                            "DELETE FROM sync_outbox WHERE table_name = ? AND row_id = ?", key
                        )
                    elif unchanged:
                        done.append(key)
                    if restamp and self._restamp(
                        conn, res.table, res.id, result.server_time, cur
                    ):
                        continue  # sent again with the server's time in this round
                    if res.status == "rejected":
                        errors += 1
                        # the refused value stays here: this copy is not the server's
                        doubt(conn, [key])
                        self._queue_conflict(
                            conn, res.table, res.id, {}, f"rejected:{res.reason}", res.rev
                        )
                        continue
                    pushed += 1
                    if res.rev > 0:
                        shadows.append((res.table, res.id, res.rev))
                    if res.data is not None:
                        in_flight = None if unchanged or cur is None else cur
                        if in_flight is not None and sent_data is None:
                            sent_data = _sent_data(_stored_body(pending))
                        keep = self._kept_in_flight(
                            conn, res.table, res.id, in_flight, sent_changed,
                            None if sent_data is None else sent_data.get(key),
                        )
                        if keep is not None:
                            self._apply_answer(conn, res, keep)
                            self._touched.add((res.table, res.id))
                        self._note_unknown_in_answer(conn, res.table, res.data)
                    elif unchanged and res.rev > 0:
                        revs.setdefault(res.table, []).append((res.rev, res.id))
                    if res.data is None and key in parked and res.rev > 0:
                        if sent_data is None:
                            sent_data = _sent_data(_stored_body(pending))
                        roll_forward(conn, res.table, res.id, res.rev, res.deleted,
                                     _written(sent_data.get(key, {}), sent_changed))
                    if res.status == "conflict" and res.conflicts:
                        conflicts += 1
                        self._queue_conflict(
                            conn,
                            res.table,
                            res.id,
                            {k: v.model_dump(mode="json") for k, v in res.conflicts.items()},
                            "both_changed",
                            res.rev,
                        )
                _flush(conn, done, shadows, revs)
                self._drop(conn, "pending_batch")
                conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
                conn.commit()
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
        self._note_server_time(result.server_time)
        return pushed, conflicts, errors

    def _restamp(
        self, conn: Connection, table: str, row_id: str, server_time: str, cur: Any
    ) -> bool:
        """A row refused because its timestamp is ahead of the server's clock (this
        PC's clock is off): stamp it with the server's time and queue it again, once
        per round. The PC is told about its clock (``clock_offset_ms``)."""
        key = (table, row_id)
        if key in self._restamped or cur is None:
            return False
        self._restamped.add(key)
        node = self.clock.node if self.clock is not None else "pc"
        try:
            ts = Timestamp.decode(server_time)
        except ValueError:
            return False
        stamp = Timestamp(ts.wall_ms, ts.counter, node).encode()
        if "hlc" in self.columns(conn, table):
            conn.exec_driver_sql(f"UPDATE {_q(table)} SET hlc = ? WHERE id = ?", (stamp, row_id))
        conn.exec_driver_sql(
            "INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, queued_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (table_name, row_id) DO NOTHING",
            (table, row_id, str(cur[2]), str(cur[1]), int(cur[0]), _now()),
        )
        return True

    def _kept_in_flight(
        self,
        conn: Connection,
        table: str,
        row_id: str,
        in_flight: Any,
        sent_changed: str,
        sent: dict[str, Scalar] | None,
    ) -> set[str] | None:
        """Columns whose local value stays: those edited after the batch was built.

        None: leave the record alone (deleted here in flight; the delete goes next)."""
        if in_flight is None:
            return set()
        if str(in_flight[2]) == "delete":
            return None
        local = (
            conn.exec_driver_sql(f"SELECT * FROM {_q(table)} WHERE id = ?", (row_id,))
            .mappings()
            .first()
        )
        if local is None:
            return None
        keep: set[str] = set()
        if sent is not None:
            keep = {
                c
                for c, v in local.items()
                if c not in NOT_DATA and c in sent and not _same_value(v, sent[c])
            }
        now_cols = parse_changed(str(in_flight[1]))
        sent_cols = parse_changed(sent_changed)
        if now_cols is not None and sent_cols is not None:
            keep |= now_cols - sent_cols
        return keep - NOT_DATA

    def _apply_answer(self, conn: Connection, res: RowResult, keep: set[str]) -> None:
        data = res.data or {}
        try:
            with conn.begin_nested():
                self._write_server_row(
                    conn, res.table, res.id, data, rev=res.rev, deleted=res.deleted, keep=keep
                )
            forget_older(conn, res.table, res.id, res.rev)
        except IntegrityError as exc:
            doubt(conn, [(res.table, res.id)])  # its shadow is set, its values wait
            park(
                conn,
                table=res.table,
                row_id=res.id,
                origin="push",
                rev=res.rev,
                hlc="",
                deleted=res.deleted,
                server_seq=None,
                data=data,
                reason=reason_of(exc),
            )


def _written(sent: dict[str, Scalar], changed: str) -> dict[str, Scalar]:
    """Of the values a push sent for a record, those an "applied" answer wrote."""
    cols = parse_changed(changed)
    if cols is None:
        return dict(sent)
    return {c: v for c, v in sent.items() if c in cols or c in ("updated_at", "updated_by")}


def _outbox_rows(conn: Connection, results: Sequence[RowResult]) -> dict[tuple[str, str], Any]:
    """The outbox rows (local_version, changed, op) of an answer's records."""
    by_table: dict[str, list[str]] = {}
    for res in results:
        by_table.setdefault(res.table, []).append(res.id)
    out: dict[tuple[str, str], Any] = {}
    for table, ids in by_table.items():
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            for row in conn.exec_driver_sql(
                "SELECT row_id, local_version, changed, op FROM sync_outbox "
                f"WHERE table_name = ? AND row_id IN ({','.join('?' * len(part))})",
                (table, *part),
            ):
                out[(table, str(row[0]))] = (row[1], row[2], row[3])
    return out


def _flush(
    conn: Connection,
    done: list[tuple[str, str]],
    shadows: list[tuple[str, str, int]],
    revs: dict[str, list[tuple[int, str]]],
) -> None:
    """Write the plain outcomes of an answer collected so far (and forget them)."""
    if done:
        conn.exec_driver_sql(
            "DELETE FROM sync_outbox WHERE table_name = ? AND row_id = ?", done
        )
    if shadows:
        conn.exec_driver_sql(
            "INSERT INTO sync_shadow (table_name, row_id, rev) VALUES (?, ?, ?) "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET rev = excluded.rev",
            shadows,
        )
    for table, pairs in revs.items():
        conn.exec_driver_sql(f"UPDATE {_q(table)} SET rev = ? WHERE id = ?", pairs)
    done.clear()
    shadows.clear()
    revs.clear()


def _stored_sent(pending: dict[str, Any]) -> tuple[bytes, str]:
    """The bytes of a stored batch as sent, and their coding (a batch stored by an older
    version kept its JSON text: compressed the same way, it is the same body for the
    server, which hashes a body decompressed)."""
    for coding in ("zstd", "gzip"):
        if coding in pending:
            return base64.b64decode(str(pending[coding])), coding
    return gzip_bytes(str(pending["body"]).encode("utf-8")), "gzip"


def _stored_body(pending: dict[str, Any]) -> bytes:
    if "zstd" in pending:
        return unzstd_limited(base64.b64decode(str(pending["zstd"])))
    if "gzip" in pending:
        return gzip.decompress(base64.b64decode(str(pending["gzip"])))
    return str(pending["body"]).encode("utf-8")


def _sent_data(body: bytes) -> dict[tuple[str, str], dict[str, Scalar]]:
    """The values a stored batch sent, per record (this PC's own body: decoded, not
    validated again)."""
    try:
        rows = orjson.loads(body)["rows"]
        return {(r["table"], r["id"]): r["data"] for r in rows if r["op"] == "upsert"}
    except (ValueError, TypeError, KeyError):
        return {}


#: answers that refuse a batch for its rows or its bytes (our server's and a proxy's)
_SIZE_REFUSALS = frozenset({"body.invalid", "body.too_large", "http.400", "http.413"})


@functools.cache
def _skipped(table: str) -> frozenset[str]:
    """Columns of a table that never travel in a row's data."""
    return NOT_DATA | EXCLUDED_COLUMNS.get(table, frozenset())


def _same_value(local: Any, sent: Scalar) -> bool:
    if isinstance(local, bool) or isinstance(sent, bool):
        return bool(local) == bool(sent)
    return bool(local == sent)
