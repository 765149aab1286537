"""The desktop side of sync: enrolment, push of the outbox, pull of server changes.

Works on the desktop's ``Database`` with raw SQL, so values travel exactly as SQLite
stores them and every table (present or added later) is handled the same way.

Guarantees (docs/sync.md):
- a batch is stored in ``sync_state`` *before* it is sent; after a dropped connection
  the very same bytes are sent again, and the server answers a repeat with its stored
  answer, so nothing is applied twice;
- an outbox row is cleared only if its ``local_version`` did not change meanwhile;
- each pulled page is applied together with its cursor in one SQLite transaction with
  ``sync_control.applying = 1``: a cut connection never leaves half a page;
- every failure becomes a ``SyncError`` (a ``UserError`` with kk/ru text).
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import httpx
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from civicdesk.db.changes import parse_changed
from civicdesk.db.collation import sort_keys_for
from civicdesk.db.engine import Database
from civicdesk.db.models import REFERENCE_TABLES
from civicdesk.db.search import SEARCH_TABLES, drop_fts_triggers, install_fts, rebuild_fts
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.hlc import HybridClock, Timestamp
from civicdesk.domain.ids import new_id
from civicdesk.sync import messages as m
from civicdesk.sync.attachments import download_missing, upload_missing
from civicdesk.sync.protocol import (
    API,
    DEFAULT_PULL_LIMIT,
    H_DEVICE,
    H_INSTANCE,
    H_PROTOCOL,
    H_SCHEMA,
    MAX_BATCH_ROWS,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    EnrollRequest,
    EnrollResponse,
    PullPage,
    PushBatch,
    PushResult,
    RowChange,
    RowResult,
    Scalar,
    dumps,
    gzip_bytes,
)
from civicdesk.sync.tables import EXCLUDED_COLUMNS, NOT_DATA, SHARED_EDIT_TABLES, SYNCED_TABLES
from civicdesk.sync.waiting import (
    WaitingRow,
    forget,
    forget_older,
    park,
    parked_rows,
    reason_of,
    still_waiting,
    waiting_count,
    waiting_rows,
)

EXCLUDED = EXCLUDED_COLUMNS

ErrorKind = Literal["network", "auth", "update", "server", "protocol", "state"]


class SyncError(UserError):
    """A sync that could not finish; ``kind`` tells the command line its exit code."""

    def __init__(self, kind: ErrorKind, code: str, message: Message, **params: Any) -> None:
        super().__init__(code, message, **params)
        self.kind = kind


@dataclass(frozen=True)
class SyncSummary:
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    errors: int = 0
    #: rows received but not applied yet (``sync_waiting``), after this round's retry
    waiting: int = 0


@dataclass(frozen=True)
class EnrollInfo:
    server_url: str
    center_id: str
    center_name: str
    head_office: bool
    device_id: str


@dataclass(frozen=True)
class ConflictView:
    id: int
    table: str
    row_id: str
    reason: str
    fields: dict[str, dict[str, Scalar]]
    server_rev: int
    created_at: str
    resolved_at: str | None
    resolution: str | None


def _now() -> str:
    return datetime.now().isoformat(timespec="milliseconds")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


#: pages at least this big are indexed for search once, after the pull
BULK_INDEX_ROWS = 500
FTS_STALE_KEY = "search_index_stale"


@functools.lru_cache(maxsize=512)
def _upsert_statement(table: str, insert_cols: tuple[str, ...], update_cols: tuple[str, ...]) -> str:
    """The upsert of one table and column set (built once: a page repeats it 1000 times)."""
    names = ["id", *insert_cols]
    marks = ", ".join("?" * len(names))
    updates = ", ".join(f"{_q(k)} = excluded.{_q(k)}" for k in update_cols) or "id = id"
    return (
        f"INSERT INTO {_q(table)} ({', '.join(_q(n) for n in names)}) VALUES ({marks}) "
        f"ON CONFLICT (id) DO UPDATE SET {updates}"
    )


class SyncClient:
    """Sync of one desktop database with the head-office server."""

    def __init__(
        self,
        db: Database,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        clock: HybridClock | None = None,
        batch_size: int = MAX_BATCH_ROWS,
        page_size: int = DEFAULT_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.transport = transport
        self.timeout = timeout
        self.clock = clock
        self.batch_size = min(batch_size, MAX_BATCH_ROWS)
        self.page_size = page_size
        self._columns: dict[str, list[str]] = {}
        self._restamped: set[tuple[str, str]] = set()

    # ------------------------------------------------------------------ local state

    @contextmanager
    def _conn(self) -> Iterator[Connection]:
        with self.db.engine.connect() as conn:
            try:
                yield conn
                conn.commit()
            except BaseException:
                conn.rollback()
                raise

    @staticmethod
    def _get(conn: Connection, key: str, default: Any = None) -> Any:
        raw = conn.exec_driver_sql("SELECT value FROM sync_state WHERE key = ?", (key,)).scalar()
        return default if raw is None else json.loads(raw)

    @staticmethod
    def _put(conn: Connection, key: str, value: Any) -> None:
        conn.exec_driver_sql(
            "INSERT INTO sync_state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    @staticmethod
    def _drop(conn: Connection, key: str) -> None:
        conn.exec_driver_sql("DELETE FROM sync_state WHERE key = ?", (key,))

    def state(self, key: str, default: Any = None) -> Any:
        with self._conn() as conn:
            return self._get(conn, key, default)

    def set_state(self, key: str, value: Any) -> None:
        with self._conn() as conn:
            self._put(conn, key, value)

    def device_id(self, conn: Connection) -> str:
        raw = conn.exec_driver_sql(
            "SELECT value FROM app_settings WHERE key = 'device_id'"
        ).scalar()
        if raw is None:
            device = new_id()
            conn.exec_driver_sql(
                "INSERT INTO app_settings (key, value) VALUES ('device_id', ?)",
                (json.dumps(device),),
            )
            return device
        value = json.loads(raw)
        assert isinstance(value, str)
        return value

    def columns(self, conn: Connection, table: str) -> list[str]:
        cols = self._columns.get(table)
        if cols is None:
            cols = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({_q(table)})")]
            self._columns[table] = cols
        return cols

    @property
    def enrolled(self) -> bool:
        return bool(self.state("token"))

    def pending_count(self) -> int:
        with self._conn() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() or 0)

    # ------------------------------------------------------------------ http

    def _http(self, server_url: str | None = None) -> httpx.Client:
        url = server_url or self.state("server_url")
        if not url:
            raise SyncError("state", "sync.not_enrolled", m.NOT_ENROLLED)
        return httpx.Client(
            base_url=str(url).rstrip("/"),
            transport=self.transport,
            timeout=self.timeout,
            headers={
                H_PROTOCOL: str(PROTOCOL_VERSION),
                H_SCHEMA: str(SCHEMA_VERSION),
                "Accept-Encoding": "gzip",
                "User-Agent": f"CivicDesk/{PROTOCOL_VERSION}",
            },
        )

    def _auth_headers(self) -> dict[str, str]:
        with self._conn() as conn:
            token = self._get(conn, "token")
            if not token:
                raise SyncError("state", "sync.not_enrolled", m.NOT_ENROLLED)
            return {
                "Authorization": f"Bearer {token}",
                H_DEVICE: self.device_id(conn),
                H_INSTANCE: str(self._get(conn, "instance_id", "")),
            }

    def _request(
        self,
        client: httpx.Client,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        all_headers = dict(headers or {})
        content = None
        if body is not None:
            content = gzip_bytes(body)
            all_headers["Content-Encoding"] = "gzip"
            all_headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            resp = client.request(method, path, content=content, params=params, headers=all_headers)
        except httpx.TransportError as exc:
            raise SyncError("network", "sync.offline", m.NO_CONNECTION) from exc
        except httpx.HTTPError as exc:
            raise SyncError("network", "sync.offline", m.NO_CONNECTION) from exc
        if resp.status_code >= 400:
            raise self._error_from(resp)
        return resp

    @staticmethod
    def _error_from(resp: httpx.Response) -> SyncError:
        status = resp.status_code
        code = f"http.{status}"
        message = m.SERVER_ERROR
        try:
            body = resp.json()
            if isinstance(body, dict) and "message_kk" in body and "message_ru" in body:
                code = str(body.get("code", code))
                message = Message(kk=str(body["message_kk"]), ru=str(body["message_ru"]))
        except ValueError:
            pass
        if status == 426:
            return SyncError("update", code, m.UPDATE_REQUIRED)
        if status in (401, 403):
            return SyncError("auth", code, message)
        if status >= 500 or status == 429:
            return SyncError("server", code, m.SERVER_ERROR if status >= 500 else message)
        return SyncError("protocol", code, message)

    # ------------------------------------------------------------------ enrolment

    def enroll(self, server_url: str, code: str) -> EnrollInfo:
        server_url = server_url.rstrip("/")
        instance = new_id()
        with self._conn() as conn:
            device = self.device_id(conn)
            local_center = conn.exec_driver_sql(
                "SELECT value FROM app_settings WHERE key = 'center_id'"
            ).scalar()
        local_center_id = json.loads(local_center) if local_center else None
        req = EnrollRequest(
            code=code.strip(),
            device_id=device,
            instance_id=instance,
            center_id=local_center_id,
        )
        with self._http(server_url) as client:
            resp = self._request(client, "POST", f"{API}/enroll", body=dumps(req))
        try:
            info = EnrollResponse.model_validate_json(resp.content)
        except ValueError as exc:
            raise SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail="enroll") from exc
        with self._conn() as conn:
            if local_center_id and local_center_id != info.center_id:
                self._rekey_center(conn, local_center_id, info.center_id)
            conn.exec_driver_sql(
                "INSERT INTO app_settings (key, value) VALUES ('center_id', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (json.dumps(info.center_id),),
            )
            for key, value in (
                ("server_url", server_url),
                ("token", info.token),
                ("instance_id", instance),
                ("center_id", info.center_id),
                ("center_name", info.center_name),
                ("head_office", info.head_office),
                ("server_id", info.server_id),
                ("server_epoch", info.epoch),
                ("cursor", 0),
            ):
                self._put(conn, key, value)
            self._drop(conn, "pending_batch")
        return EnrollInfo(server_url, info.center_id, info.center_name, info.head_office, device)

    def _rekey_center(self, conn: Connection, old: str, new: str) -> None:
        """The server knows this center under another id: take it over locally."""
        for table in SYNCED_TABLES:
            conn.exec_driver_sql(
                f"UPDATE {_q(table)} SET center_id = ? WHERE center_id = ?", (new, old)
            )
        conn.exec_driver_sql("UPDATE centers SET id = ? WHERE id = ?", (new, old))

    # ------------------------------------------------------------------ sync

    def sync_once(self) -> SyncSummary:
        """Push everything pending, then pull everything new. Raises ``SyncError``."""
        started = _now()
        self._restamped = set()
        with self._conn() as conn:
            hid = conn.exec_driver_sql(
                "INSERT INTO sync_history (started_at) VALUES (?) RETURNING id", (started,)
            ).scalar_one()
        pushed = pulled = conflicts = errors = waiting = 0
        try:
            with self._http() as client:
                for attempt in range(2):
                    p, c, e = self._push_all(client)
                    pushed, conflicts, errors = pushed + p, conflicts + c, errors + e
                    upload_missing(self, client)
                    try:
                        pulled, _parked = self._pull_all(client)
                    except _RewoundError:
                        if attempt:
                            raise SyncError(
                                "server", "sync.rewound", m.SERVER_ERROR
                            ) from None
                        continue  # everything is queued again: push it, then pull from 0
                    break
                waiting = self.retry_waiting()
                download_missing(self, client)
        except UserError as exc:
            both = json.dumps({"kk": exc.text("kk"), "ru": exc.text("ru")}, ensure_ascii=False)
            self._finish_history(hid, pushed, pulled, conflicts, errors, "failed", both)
            raise
        except Exception as exc:
            self._finish_history(hid, pushed, pulled, conflicts, errors, "failed", repr(exc))
            raise
        self._finish_history(hid, pushed, pulled, conflicts, errors, "ok", "")
        with self._conn() as conn:
            self._put(conn, "last_sync", _now())
        return SyncSummary(pushed, pulled, conflicts, errors, waiting)

    def _finish_history(
        self,
        hid: int,
        pushed: int,
        pulled: int,
        conflicts: int,
        errors: int,
        outcome: str,
        message: str,
    ) -> None:
        with self._conn() as conn:
            conn.exec_driver_sql(
                "UPDATE sync_history SET finished_at = ?, pushed = ?, pulled = ?, "
                "conflicts = ?, errors = ?, outcome = ?, message = ? WHERE id = ?",
                (_now(), pushed, pulled, conflicts, errors, outcome, message[:2000], hid),
            )
            self._put(conn, "last_attempt", {"at": _now(), "outcome": outcome})

    # ------------------------------------------------------------------ push

    def _push_all(self, client: httpx.Client) -> tuple[int, int, int]:
        pushed = conflicts = errors = 0
        auth = self._auth_headers()
        while True:
            pending = self.state("pending_batch") or self._prepare_batch()
            if pending is None:
                return pushed, conflicts, errors
            body = str(pending["body"]).encode("utf-8")
            resp = self._request(client, "POST", f"{API}/push", body=body, headers=auth)
            try:
                result = PushResult.model_validate_json(resp.content)
            except ValueError as exc:
                raise SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail="push") from exc
            p, c, e = self._apply_push_result(pending, result)
            self._check_rewind(result.epoch, result.highest_seq)
            pushed += p
            conflicts += c
            errors += e

    def _prepare_batch(self) -> dict[str, Any] | None:
        with self._conn() as conn:
            head_office = bool(self._get(conn, "head_office", False))
            if not head_office:
                # Reference data belongs to head office: a center's own copies are never sent.
                marks = ",".join("?" * len(REFERENCE_TABLES))
                conn.exec_driver_sql(
                    f"DELETE FROM sync_outbox WHERE table_name IN ({marks})",
                    tuple(sorted(REFERENCE_TABLES)),
                )
            outbox = conn.exec_driver_sql(
                "SELECT table_name, row_id, op, changed, local_version FROM sync_outbox "
                "ORDER BY queued_at, rowid LIMIT ?",
                (self.batch_size,),
            ).all()
            if not outbox:
                return None
            device = self.device_id(conn)
            rows: list[RowChange] = []
            versions: list[list[Any]] = []
            for table, row_id, op, changed, version in outbox:
                row = self._row_change(conn, table, row_id, op, changed)
                if int(version) == 0 and row.op == "upsert":
                    row = row.model_copy(update={"restore": True})  # see _requeue_everything
                rows.append(row)
                versions.append([table, row_id, version, changed])
            batch = PushBatch(
                batch_id=new_id(), device_id=device, schema_version=SCHEMA_VERSION, rows=rows
            )
            pending = {"body": dumps(batch).decode("utf-8"), "versions": versions}
            self._put(conn, "pending_batch", pending)
            return pending

    def _row_change(
        self, conn: Connection, table: str, row_id: str, op: str, changed: str
    ) -> RowChange:
        base = conn.exec_driver_sql(
            "SELECT rev FROM sync_shadow WHERE table_name = ? AND row_id = ?", (table, row_id)
        ).scalar()
        row = None
        if op == "upsert":
            row = (
                conn.exec_driver_sql(f"SELECT * FROM {_q(table)} WHERE id = ?", (row_id,))
                .mappings()
                .first()
            )
        if row is None:
            return RowChange(table=table, id=row_id, op="delete", rev=0, base_rev=base or 0)
        skip = NOT_DATA | EXCLUDED.get(table, frozenset())
        data = {k: v for k, v in row.items() if k not in skip}
        fields = None
        if changed != "*":
            fields = sorted({c for c in changed.split(",") if c} - skip)
        return RowChange(
            table=table,
            id=row_id,
            op="upsert",
            rev=int(row.get("rev") or 0),
            base_rev=int(base or 0),
            hlc=str(row.get("hlc") or ""),
            changed=fields,
            data=data,
        )

    def _apply_push_result(
        self, pending: dict[str, Any], result: PushResult
    ) -> tuple[int, int, int]:
        """Apply the server's answer together with local edits made while it was in
        flight: such an edit wins over the answer (it is still queued and goes with
        the next push), a row the local schema refuses waits (``sync_waiting``).
        Foreign keys are not enforced here, as in a pull: a parent named by a merged
        record comes with the pull of the same round."""
        pushed = conflicts = errors = 0
        sent = {(t, i): (v, ch) for t, i, v, ch in pending["versions"]}
        sent_data = _sent_data(str(pending["body"]))
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
                for res in result.results:
                    key = (res.table, res.id)
                    version, sent_changed = sent.get(key, (None, "*"))
                    cur = conn.exec_driver_sql(
                        "SELECT local_version, changed, op FROM sync_outbox "
                        "WHERE table_name = ? AND row_id = ?",
                        key,
                    ).first()
                    unchanged = cur is not None and cur[0] == version
                    if unchanged:
                        conn.exec_driver_sql(
                            "DELETE FROM sync_outbox WHERE table_name = ? AND row_id = ?", key
                        )
                    if (
                        res.status == "rejected"
                        and res.reason == "clock_ahead"
                        and self._restamp(conn, res.table, res.id, result.server_time, cur)
                    ):
                        continue  # sent again with the server's time in this round
                    if res.status == "rejected":
                        errors += 1
                        self._queue_conflict(
                            conn, res.table, res.id, {}, f"rejected:{res.reason}", res.rev
                        )
                        continue
                    pushed += 1
                    if res.rev > 0:
                        self._set_shadow(conn, res.table, res.id, res.rev)
                    if res.data is not None:
                        in_flight = None if unchanged or cur is None else cur
                        keep = self._kept_in_flight(
                            conn, res.table, res.id, in_flight, sent_changed, sent_data.get(key)
                        )
                        if keep is not None:
                            self._apply_answer(conn, res, keep)
                    elif unchanged and res.rev > 0:
                        conn.exec_driver_sql(
                            f"UPDATE {_q(res.table)} SET rev = ? WHERE id = ?", (res.rev, res.id)
                        )
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

    def _note_server_time(self, server_time: str) -> None:
        """Remember how far this PC's wall clock is from the server's (for the warning)."""
        try:
            server_ms = Timestamp.decode(server_time).wall_ms
        except ValueError:
            return
        local_ms = self.clock.wall_ms() if self.clock is not None else time.time_ns() // 10**6
        self.set_state("clock_offset_ms", server_ms - local_ms)
        if self.clock is not None:
            self.clock.observe(server_time)

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

    def _write_server_row(
        self,
        conn: Connection,
        table: str,
        row_id: str,
        data: dict[str, Scalar],
        *,
        rev: int,
        deleted: bool,
        hlc: str | None = None,
        server_seq: int | None = None,
        keep: set[str] | None = None,
    ) -> bool:
        """Write a server version of a record; ``keep``: columns whose local value stays.

        An existing record is updated (only the columns given), so a kept column never
        leaves a NOT NULL column out of an insert."""
        cols = self.columns(conn, table)
        if not cols or "id" not in cols:
            return False
        colset = set(cols)
        values: dict[str, Any] = {
            k: v for k, v in data.items() if k in colset and k not in NOT_DATA
        }
        extra: dict[str, Any] = {"deleted": 1 if deleted else 0, "rev": rev}
        if hlc:
            extra["hlc"] = hlc
        if server_seq is not None:
            extra["server_seq"] = server_seq
        values.update({k: v for k, v in extra.items() if k in colset})
        if keep:
            values = {k: v for k, v in values.items() if k not in keep}
        exists = conn.exec_driver_sql(
            f"SELECT 1 FROM {_q(table)} WHERE id = ?", (row_id,)
        ).first()
        if exists is not None:
            if values:
                sets = ", ".join(f"{_q(k)} = ?" for k in values)
                conn.exec_driver_sql(
                    f"UPDATE {_q(table)} SET {sets} WHERE id = ?", (*values.values(), row_id)
                )
            return True
        sql, params = self._upsert_sql(table, row_id, values, colset)
        conn.exec_driver_sql(sql, params)
        return True

    def retry_waiting(self) -> int:
        """Try every waiting row again; returns how many still wait."""
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
                for row in parked_rows(conn):
                    key = (row.table, row.row_id)
                    have = conn.exec_driver_sql(
                        "SELECT rev FROM sync_shadow WHERE table_name = ? AND row_id = ?", key
                    ).scalar()
                    if have is not None and int(have) > row.rev:
                        forget(conn, *key)  # a newer version was applied meanwhile
                        continue
                    pending = conn.exec_driver_sql(
                        "SELECT changed, op FROM sync_outbox WHERE table_name = ? AND row_id = ?",
                        key,
                    ).first()
                    keep: set[str] = set()
                    if pending is not None:
                        cols = parse_changed(str(pending[0]))
                        if cols is None or str(pending[1]) == "delete":
                            continue  # changed here as a whole: the next push settles it
                        keep = cols
                    try:
                        with conn.begin_nested():
                            self._write_server_row(
                                conn,
                                row.table,
                                row.row_id,
                                row.data,
                                rev=row.rev,
                                deleted=row.deleted,
                                hlc=row.hlc,
                                server_seq=row.server_seq,
                                keep=keep,
                            )
                    except IntegrityError as exc:
                        still_waiting(conn, row.table, row.row_id, reason_of(exc))
                        continue
                    self._set_shadow(conn, row.table, row.row_id, row.rev)
                    forget(conn, *key)
                left = waiting_count(conn)
                conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
                conn.commit()
                return left
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")

    def waiting(self) -> list[WaitingRow]:
        with self._conn() as conn:
            return waiting_rows(conn)

    def waiting_count(self) -> int:
        with self._conn() as conn:
            return waiting_count(conn)

    @staticmethod
    def _set_shadow(conn: Connection, table: str, row_id: str, rev: int) -> None:
        conn.exec_driver_sql(
            "INSERT INTO sync_shadow (table_name, row_id, rev) VALUES (?, ?, ?) "
            "ON CONFLICT (table_name, row_id) DO UPDATE SET rev = excluded.rev",
            (table, row_id, rev),
        )

    @staticmethod
    def _queue_conflict(
        conn: Connection,
        table: str,
        row_id: str,
        fields: dict[str, Any],
        reason: str,
        server_rev: int,
    ) -> None:
        conn.exec_driver_sql(
            "INSERT INTO sync_conflicts (table_name, row_id, fields, reason, server_rev, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (table, row_id, json.dumps(fields, ensure_ascii=False), reason, server_rev, _now()),
        )

    @staticmethod
    def _upsert_sql(
        table: str, row_id: str, values: dict[str, Any], colset: set[str]
    ) -> tuple[str, tuple[Any, ...]]:
        insert_values = dict(values)
        for col in EXCLUDED.get(table, frozenset()):
            if col in colset:
                insert_values.setdefault(col, "")
        sql = _upsert_statement(table, tuple(insert_values), tuple(values))
        return sql, (row_id, *insert_values.values())

    def _row_values(
        self,
        conn: Connection,
        table: str,
        data: dict[str, Scalar],
        *,
        rev: int,
        deleted: bool,
        hlc: str,
        server_seq: int,
    ) -> tuple[dict[str, Any], set[str]] | None:
        cols = self.columns(conn, table)
        if not cols or "id" not in cols:
            return None
        colset = set(cols)
        values: dict[str, Any] = {
            k: v for k, v in data.items() if k in colset and k not in NOT_DATA
        }
        extra = {"deleted": 1 if deleted else 0, "rev": rev, "hlc": hlc, "server_seq": server_seq}
        values.update({k: v for k, v in extra.items() if k in colset})
        # derived, never synced: Kazakh sort keys of names
        values.update({k: v for k, v in sort_keys_for(table, values).items() if k in colset})
        return values, colset

    # ------------------------------------------------------------------ pull

    def _fetch_page(self, client: httpx.Client, cursor: int) -> PullPage:
        resp = self._request(
            client,
            "GET",
            f"{API}/pull",
            params={"cursor": cursor, "limit": self.page_size},
            headers=self._auth_headers(),
        )
        try:
            return PullPage.model_validate_json(resp.content)
        except ValueError as exc:
            raise SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail="pull") from exc

    def _pull_all(self, client: httpx.Client) -> tuple[int, int]:
        """Pull page after page; each page is applied with its cursor in one transaction.

        The next page is fetched while the current one is applied (its cursor is known
        as soon as the page arrives), so the server's work and ours overlap. A page that
        was fetched but not applied is simply asked for again next time.
        """
        pulled = errors = 0
        self._refill_arrived_columns()
        full = bool(self.state("full_resync", False))
        rewound = bool(self.state("rewound", False))
        seen: set[tuple[str, str]] = set()
        cursor = 0 if full else int(self.state("cursor", 0))
        ahead: Future[PullPage] | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as pool:
            try:
                while True:
                    try:
                        page = ahead.result() if ahead else self._fetch_page(client, cursor)
                    except SyncError as exc:
                        if exc.code != "pull.cursor_expired" or full:
                            raise
                        # Behind the tombstone horizon: start again from zero and reconcile.
                        self.set_state("full_resync", True)
                        full, cursor, seen, ahead = True, 0, set(), None
                        continue
                    if self._check_rewind(page.epoch, page.highest_seq):
                        raise _RewoundError
                    ahead = (
                        pool.submit(self._fetch_page, client, page.next_cursor)
                        if page.has_more
                        else None
                    )
                    # After a rewind the server's revisions may be below the ones this
                    # PC remembers: take what it has now, whatever the revision.
                    n, e = self._apply_page(page, full=full or rewound, seen=seen)
                    self._note_unknown_columns(page)
                    pulled += n
                    errors += e
                    cursor = page.next_cursor
                    self._note_server_time(page.server_time)
                    if not page.has_more:
                        break
            finally:
                if ahead is not None:
                    ahead.cancel()
        if full:
            self._reconcile_deletions(seen)
        if rewound:
            self.set_state("rewound", False)
        self.rebuild_search_if_stale()
        return pulled, errors

    # ------------------------------------------------------------------ newer columns

    def _note_unknown_columns(self, page: PullPage) -> None:
        """Remember where values of a table or column this PC lacks first arrived (they
        are applied without them), so an upgrade that adds them can pull them again."""
        found: dict[str, dict[str, int]] = {}
        with self._conn() as conn:
            for ch in page.changes:
                cols = self.columns(conn, ch.table)
                extra = {"*"} if not cols else set(ch.data) - set(cols) - NOT_DATA
                for col in extra:
                    seen = found.setdefault(ch.table, {})
                    seen[col] = min(seen.get(col, ch.server_seq), ch.server_seq)
            if not found:
                return
            known: dict[str, dict[str, int]] = self._get(conn, "unknown_columns", {}) or {}
            for table, cols_seen in found.items():
                mine = known.setdefault(table, {})
                for col, seq in cols_seen.items():
                    mine[col] = min(mine.get(col, seq), seq)
            self._put(conn, "unknown_columns", known)

    def _refill_arrived_columns(self) -> None:
        """After an upgrade added a table or column whose values were skipped: pull
        again from where the first of them arrived, taking the server's versions."""
        with self._conn() as conn:
            known: dict[str, dict[str, int]] = self._get(conn, "unknown_columns", {}) or {}
            if not known:
                return
            since: int | None = None
            left: dict[str, dict[str, int]] = {}
            for table, cols in known.items():
                have = set(self.columns(conn, table))
                for col, seq in cols.items():
                    if (col == "*" and have) or col in have:
                        since = seq if since is None else min(since, seq)
                    else:
                        left.setdefault(table, {})[col] = seq
            if since is None:
                return
            self._put(conn, "unknown_columns", left)
            cursor = int(self._get(conn, "cursor", 0) or 0)
            self._put(conn, "cursor", min(cursor, since - 1))
            self._put(conn, "rewound", True)  # take the server's versions (see _pull_all)

    # ------------------------------------------------------------------ server rewound

    def _check_rewind(self, epoch: str, highest: int) -> bool:
        """Notice a server put back from an earlier snapshot (docs/sync.md §4).

        Another epoch than the one this PC knows (``civicdesk-server restored``), or a
        cursor above the server's highest sequence number, means the server lost what
        came after its snapshot: every record this PC may send is queued again (the
        server merges what it already has), and the next pull starts from 0 taking the
        server's versions whatever their revision. Returns True when that happened."""
        if not epoch:
            return False  # a server without epochs
        with self._conn() as conn:
            known = self._get(conn, "server_epoch")
            cursor = int(self._get(conn, "cursor", 0) or 0)
            if (known is None or known == epoch) and cursor <= highest:
                if known is None:
                    self._put(conn, "server_epoch", epoch)
                return False
            queued = self._requeue_everything(conn)
            self._put(conn, "server_epoch", epoch)
            self._put(conn, "cursor", 0)
            self._put(conn, "rewound", True)
            self._put(conn, "rewound_at", {"at": _now(), "queued": queued})
        return True

    def _requeue_everything(self, conn: Connection) -> int:
        """Queue every record this PC may send (its center's; head office also the
        reference data and every center's grant applications and budget lines), as a
        *restore* (``local_version`` 0):
        the server takes it only where it lacks the record or holds an older version,
        so a PC that had not pulled the latest edit of a record cannot undo it. Records
        with a real local change keep their outbox row as it is (a later edit of a
        restore row makes it an ordinary change)."""
        center = self._get(conn, "center_id")
        head_office = bool(self._get(conn, "head_office", False))
        total = 0
        for table in SYNCED_TABLES:
            if not self.columns(conn, table):
                continue
            reference = table in REFERENCE_TABLES
            if reference and not head_office:
                continue
            # Head office also writes the reference data and every center's grant
            # applications and budget lines: those may have been lost too.
            every_row = head_office and (reference or table in SHARED_EDIT_TABLES)
            where, params = ("1 = 1", ()) if every_row else ("center_id = ?", (center,))
            res = conn.exec_driver_sql(
                "INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, "
                f"queued_at) SELECT ?, id, 'upsert', '*', 0, ? FROM {_q(table)} WHERE {where} "
                "ON CONFLICT (table_name, row_id) DO NOTHING",
                (table, _now(), *params),
            )
            total += int(res.rowcount or 0)
        return total

    def rebuild_search_if_stale(self) -> bool:
        """Refill the search index after pages applied without it (see _apply_changes)."""
        if not self.state(FTS_STALE_KEY, False):
            return False
        with self._conn() as conn:
            for table in SEARCH_TABLES:
                rebuild_fts(conn, table)
            self._put(conn, FTS_STALE_KEY, False)
        return True

    def _apply_page(
        self, page: PullPage, *, full: bool, seen: set[tuple[str, str]]
    ) -> tuple[int, int]:
        with self.db.engine.connect() as conn:
            # Rows arrive in server order, not parent-first: enforce foreign keys locally
            # only outside the apply (set outside a transaction, hence before it starts).
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                try:
                    applied = self._apply_changes(conn, page, full, seen, careful=False)
                    conn.commit()
                    return applied, 0
                except IntegrityError:
                    conn.rollback()
                    applied, errors = self._apply_changes_careful(conn, page, full, seen)
                    conn.commit()
                    return applied, errors
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")

    def _apply_changes(
        self,
        conn: Connection,
        page: PullPage,
        full: bool,
        seen: set[tuple[str, str]],
        *,
        careful: bool,
    ) -> int:
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
        pending = (
            {
                (t, i)
                for t, i in conn.exec_driver_sql("SELECT table_name, row_id FROM sync_outbox").all()
            }
            if page.changes
            else set()
        )
        applied = 0
        if not careful:
            bulk_index = len(page.changes) >= BULK_INDEX_ROWS
            if bulk_index:
                # A big page (a first pull): index searchable text once at the end of the
                # pull instead of row by row, which is several times faster. The triggers
                # come back before this transaction commits; the flag, committed with the
                # rows, makes sure the index is rebuilt even if the pull stops here.
                for table in SEARCH_TABLES:
                    drop_fts_triggers(conn, table)
                self._put(conn, FTS_STALE_KEY, True)
            applied = self._apply_bulk(conn, page, full, seen, pending)
            if bulk_index:
                for table in SEARCH_TABLES:
                    install_fts(conn, table)
        for ch in page.changes if careful else ():
            seen.add((ch.table, ch.id))
            if (ch.table, ch.id) in pending:
                continue  # changed here meanwhile: the next push merges it at the server
            if not full:
                have = conn.exec_driver_sql(
                    "SELECT rev FROM sync_shadow WHERE table_name = ? AND row_id = ?",
                    (ch.table, ch.id),
                ).scalar()
                if have is not None and int(have) >= ch.rev:
                    continue
            try:
                with conn.begin_nested():
                    wrote = self._write_server_row(
                        conn,
                        ch.table,
                        ch.id,
                        ch.data,
                        rev=ch.rev,
                        deleted=ch.deleted,
                        hlc=ch.hlc,
                        server_seq=ch.server_seq,
                    )
            except IntegrityError as exc:
                park(
                    conn,
                    table=ch.table,
                    row_id=ch.id,
                    origin="pull",
                    rev=ch.rev,
                    hlc=ch.hlc,
                    deleted=ch.deleted,
                    server_seq=ch.server_seq,
                    data=dict(ch.data),
                    reason=reason_of(exc),
                )
                raise _CountedError from None
            if wrote:
                self._set_shadow(conn, ch.table, ch.id, ch.rev)
                forget_older(conn, ch.table, ch.id, ch.rev)
                applied += 1
        self._put(conn, "cursor", page.next_cursor)
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return applied

    def _apply_bulk(
        self,
        conn: Connection,
        page: PullPage,
        full: bool,
        seen: set[tuple[str, str]],
        pending: set[tuple[str, str]],
    ) -> int:
        """A page in a few executemany calls: rows grouped by table and column set."""
        shadow: dict[tuple[str, str], int] = {}
        if not full:
            ids = [ch.id for ch in page.changes]
            for i in range(0, len(ids), 500):
                part = ids[i : i + 500]
                rows = conn.exec_driver_sql(
                    "SELECT table_name, row_id, rev FROM sync_shadow WHERE row_id IN "
                    f"({','.join('?' * len(part))})",
                    tuple(part),
                ).all()
                shadow.update({(t, r): int(v) for t, r, v in rows})
        groups: dict[str, list[tuple[Any, ...]]] = {}
        marks: list[tuple[str, str, int]] = []
        for ch in page.changes:
            key = (ch.table, ch.id)
            seen.add(key)
            if key in pending:
                continue  # changed here meanwhile: the next push merges it at the server
            if not full and shadow.get(key, -1) >= ch.rev:
                continue
            found = self._row_values(
                conn,
                ch.table,
                ch.data,
                rev=ch.rev,
                deleted=ch.deleted,
                hlc=ch.hlc,
                server_seq=ch.server_seq,
            )
            if found is None:
                continue  # a table this version does not have
            values, colset = found
            sql, params = self._upsert_sql(ch.table, ch.id, values, colset)
            groups.setdefault(sql, []).append(params)
            marks.append((ch.table, ch.id, ch.rev))
        for sql, params_list in groups.items():
            conn.exec_driver_sql(sql, params_list)
        if marks:
            conn.exec_driver_sql(
                "INSERT INTO sync_shadow (table_name, row_id, rev) VALUES (?, ?, ?) "
                "ON CONFLICT (table_name, row_id) DO UPDATE SET rev = excluded.rev",
                marks,
            )
        return len(marks)

    def _apply_changes_careful(
        self, conn: Connection, page: PullPage, full: bool, seen: set[tuple[str, str]]
    ) -> tuple[int, int]:
        """Row by row with savepoints: a row the local schema refuses is queued."""
        applied = errors = 0
        for ch in page.changes:
            one = PullPage(
                changes=[ch],
                next_cursor=page.next_cursor,
                has_more=page.has_more,
                server_time=page.server_time,
            )
            try:
                applied += self._apply_changes(conn, one, full, seen, careful=True)
            except _CountedError:
                errors += 1
        self._put(conn, "cursor", page.next_cursor)
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return applied, errors

    def _reconcile_deletions(self, seen: set[tuple[str, str]]) -> None:
        """After a full resync: records the server once had and no longer has were
        deleted and forgotten there (tombstones past the horizon): delete them here."""
        with self._conn() as conn:
            conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
            pending = {
                (t, i)
                for t, i in conn.exec_driver_sql("SELECT table_name, row_id FROM sync_outbox").all()
            }
            shadow = conn.exec_driver_sql("SELECT table_name, row_id FROM sync_shadow").all()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table, row_id in shadow:
                key = (table, row_id)
                if key in seen or key in pending:
                    continue
                if self.columns(conn, table):
                    conn.exec_driver_sql(f"DELETE FROM {_q(table)} WHERE id = ?", (row_id,))
                conn.exec_driver_sql(
                    "DELETE FROM sync_shadow WHERE table_name = ? AND row_id = ?", key
                )
            self._drop(conn, "full_resync")
            conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")

    # ------------------------------------------------------------------ conflicts

    def conflicts(self, *, include_resolved: bool = False) -> list[ConflictView]:
        sql = (
            "SELECT id, table_name, row_id, reason, fields, server_rev, created_at, "
            "resolved_at, resolution FROM sync_conflicts"
        )
        if not include_resolved:
            sql += " WHERE resolved_at IS NULL"
        with self._conn() as conn:
            return [
                ConflictView(
                    id=r[0],
                    table=r[1],
                    row_id=r[2],
                    reason=r[3],
                    fields=json.loads(r[4]),
                    server_rev=r[5],
                    created_at=r[6],
                    resolved_at=r[7],
                    resolution=r[8],
                )
                for r in conn.exec_driver_sql(sql + " ORDER BY id").all()
            ]

    def open_conflicts(self) -> int:
        with self._conn() as conn:
            return int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL"
                ).scalar()
                or 0
            )

    def resolve_conflict(
        self,
        conflict_id: int,
        choice: Literal["mine", "theirs"] | dict[str, Scalar],
        *,
        hlc: str | None = None,
        user_id: str | None = None,
    ) -> None:
        """Settle a conflict: keep this replica's values, the server's, or given values.

        'mine' and explicit values are written as a normal local edit (so they are
        pushed on the next sync against the server's current revision); 'theirs' keeps
        what the server decided, which is already in the local record.
        """
        with self._conn() as conn:
            row = conn.exec_driver_sql(
                "SELECT table_name, row_id, fields FROM sync_conflicts "
                "WHERE id = ? AND resolved_at IS NULL",
                (conflict_id,),
            ).first()
            if row is None:
                raise UserError("sync.conflict_unknown", m.CONFLICT_UNKNOWN)
            table, row_id, fields_json = row
            fields: dict[str, dict[str, Scalar]] = json.loads(fields_json)
            values: dict[str, Scalar]
            if choice == "theirs":
                values = {}
            elif choice == "mine":
                values = {k: v.get("mine") for k, v in fields.items()}
            else:
                values = dict(choice)
            cols = set(self.columns(conn, table))
            values = {k: v for k, v in values.items() if k in cols and k not in NOT_DATA}
            if values:
                extra: dict[str, Any] = {"updated_at": datetime.now().isoformat(sep=" ")}
                if hlc is not None:
                    extra["hlc"] = hlc
                if user_id is not None:
                    extra["updated_by"] = user_id
                extra = {k: v for k, v in extra.items() if k in cols}
                allv = {**values, **extra}
                sets = ", ".join(f"{_q(k)} = ?" for k in allv)
                conn.exec_driver_sql(
                    f"UPDATE {_q(table)} SET {sets} WHERE id = ?", (*allv.values(), row_id)
                )
            label = choice if isinstance(choice, str) else json.dumps(choice, ensure_ascii=False)
            conn.exec_driver_sql(
                "UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
                (_now(), label, conflict_id),
            )

    def history(self, limit: int = 50) -> list[dict[str, Any]]:
        with self._conn() as conn:
            rows = (
                conn.exec_driver_sql(
                    "SELECT id, started_at, finished_at, pushed, pulled, conflicts, errors, "
                    "outcome, message FROM sync_history ORDER BY id DESC LIMIT ?",
                    (limit,),
                )
                .mappings()
                .all()
            )
            return [dict(r) for r in rows]


class _RewoundError(Exception):
    """The server was put back from a snapshot: push everything again, then pull."""


class _CountedError(Exception):
    """A pulled row the local schema refused (already parked in ``sync_waiting``)."""


def _sent_data(body: str) -> dict[tuple[str, str], dict[str, Scalar]]:
    """The values a stored batch sent, per record."""
    try:
        batch = PushBatch.model_validate_json(body)
    except ValueError:
        return {}
    return {(r.table, r.id): r.data for r in batch.rows if r.op == "upsert"}


def _same_value(local: Any, sent: Scalar) -> bool:
    if isinstance(local, bool) or isinstance(sent, bool):
        return bool(local) == bool(sent)
    return bool(local == sent)


def iter_results(result: PushResult) -> Iterable[RowResult]:
    return iter(result.results)
