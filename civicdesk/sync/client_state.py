"""The desktop side of sync, part 1: local bookkeeping, HTTP, writing server rows.

``ClientState`` holds what every step of a round uses: ``sync_state`` values, the
columns of local tables, the HTTP client and its errors, and how a server version of
a record is written (``_write_server_row``). See ``civicdesk/sync/client.py``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Literal

import httpx
from sqlalchemy import Connection

from civicdesk.db.collation import sort_keys_for
from civicdesk.db.engine import Database
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.hlc import HybridClock
from civicdesk.domain.ids import new_id
from civicdesk.sync import credentials, tls
from civicdesk.sync import messages as m
from civicdesk.sync.protocol import (
    ACCEPT_ENCODING,
    H_DEVICE,
    H_INSTANCE,
    H_PROTOCOL,
    H_SCHEMA,
    MAX_PULL_LIMIT,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    SERVER_BATCH_ROWS,
    Scalar,
    gzip_bytes,
)
from civicdesk.sync.tables import EXCLUDED_COLUMNS, NOT_DATA

EXCLUDED = EXCLUDED_COLUMNS


ErrorKind = Literal["network", "auth", "update", "server", "protocol", "state"]


class SyncError(UserError):
    """A sync that could not finish; ``kind`` tells the command line its exit code."""

    def __init__(self, kind: ErrorKind, code: str, message: Message, **params: Any) -> None:
        super().__init__(code, message, **params)
        self.kind = kind


def _now() -> str:
    return datetime.now().isoformat(timespec="milliseconds")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


#: ids asked for in one ``IN (…)`` list
IDS_AT_ONCE = 500


def _by_table(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    by_table: dict[str, list[str]] = {}
    for table, row_id in keys:
        by_table.setdefault(table, []).append(row_id)
    return by_table


def shadow_revs(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The server revision this PC last saw of each record among ``keys``
    (``sync_shadow``): one query a table, ``IDS_AT_ONCE`` ids at a time, each walking
    the primary key's index."""
    out: dict[tuple[str, str], int] = {}
    for table, ids in _by_table(keys).items():
        for i in range(0, len(ids), IDS_AT_ONCE):
            part = ids[i : i + IDS_AT_ONCE]
            for row_id, rev in conn.exec_driver_sql(
                "SELECT row_id, rev FROM sync_shadow WHERE table_name = ? AND row_id IN "
                f"({','.join('?' * len(part))})",
                (table, *part),
            ).all():
                out[(table, str(row_id))] = int(rev or 0)
    return out


def local_copies(
    conn: Connection, keys: Iterable[tuple[str, str]]
) -> tuple[dict[tuple[str, str], tuple[tuple[str, ...], tuple[Any, ...]]], set[str]]:
    """This PC's records among ``keys``, as (column names, values) tuples, read one
    query a table, ``IDS_AT_ONCE`` ids at a time; and the tables this version lacks."""
    records: dict[tuple[str, str], tuple[tuple[str, ...], tuple[Any, ...]]] = {}
    lacking: set[str] = set()
    for table, ids in _by_table(keys).items():
        if not conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).first():
            lacking.add(table)
            continue
        for i in range(0, len(ids), IDS_AT_ONCE):
            part = ids[i : i + IDS_AT_ONCE]
            cur = conn.exec_driver_sql(
                f"SELECT * FROM {_q(table)} WHERE id IN ({','.join('?' * len(part))})",
                tuple(part),
            )
            names = tuple(cur.keys())
            at = names.index("id")
            for row in cur.all():
                records[(table, str(row[at]))] = (names, tuple(row))
    return records, lacking


#: pages at least this big are indexed for search once, after the pull
BULK_INDEX_ROWS = 500
FTS_STALE_KEY = "search_index_stale"
#: the batch size the server said it takes: {"rows": N, "bytes": B}
BATCH_LIMITS_KEY = "server_batch_limits"
#: the codings the server's answers say it accepts for bodies (``Accept-Encoding``)
SERVER_TAKES_KEY = "server_takes"


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


class ClientState:
    """Local bookkeeping and HTTP shared by the push and pull steps."""

    def __init__(
        self,
        db: Database,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        clock: HybridClock | None = None,
        batch_size: int = SERVER_BATCH_ROWS,
        page_size: int = MAX_PULL_LIMIT,
    ) -> None:
        self.db = db
        self.transport = transport
        self.timeout = timeout
        self.clock = clock
        # this PC's own cap on a batch's rows; the server's limits apply too (push.py)
        self.batch_size = min(batch_size, SERVER_BATCH_ROWS)
        self.page_size = page_size
        self._columns: dict[str, list[str]] = {}
        self._plans: dict[str, tuple[set[str], frozenset[str], tuple[str, ...], bool]] = {}
        self._restamped: set[tuple[str, str]] = set()
        # records written from the server in this round (their parents are checked)
        self._touched: set[tuple[str, str]] = set()
        # this round's id (``H_ROUND``): the server skips what this round pushed
        self._round = new_id()

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

    def credential(self) -> credentials.SyncCredential | None:
        """The token of this database file, from the OS credential store (never the file)."""
        return credentials.load(self.db.path, self.state(credentials.REF_KEY))

    @property
    def enrolled(self) -> bool:
        return self.credential() is not None

    def pending_count(self) -> int:
        with self._conn() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM sync_outbox").scalar() or 0)

    def _http(self, server_url: str | None = None) -> httpx.Client:
        url = server_url or self.state("server_url")
        if not url:
            raise SyncError("state", "sync.not_enrolled", m.NOT_ENROLLED)
        tls.check_server_url(str(url))
        return httpx.Client(
            base_url=str(url).rstrip("/"),
            transport=self.transport,
            verify=tls.ssl_context(),
            timeout=self.timeout,
            headers={
                H_PROTOCOL: str(PROTOCOL_VERSION),
                H_SCHEMA: str(SCHEMA_VERSION),
                "Accept-Encoding": ACCEPT_ENCODING,
                "User-Agent": f"CivicDesk/{PROTOCOL_VERSION}",
            },
        )

    def _auth_headers(self) -> dict[str, str]:
        cred = self.credential()
        if cred is None:
            raise SyncError("state", "sync.not_enrolled", m.NOT_ENROLLED)
        with self._conn() as conn:
            return {
                "Authorization": f"Bearer {cred.token}",
                H_DEVICE: self.device_id(conn),
                H_INSTANCE: cred.instance_id,
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
        encoded: tuple[bytes, str] | None = None,
    ) -> httpx.Response:
        """``body``: sent in gzip; ``encoded``: a body already compressed, and its
        coding (``gzip`` or ``zstd``)."""
        all_headers = dict(headers or {})
        if body is not None:
            encoded = (gzip_bytes(body), "gzip")
        content = None
        if encoded is not None:
            content, all_headers["Content-Encoding"] = encoded
            all_headers["Content-Type"] = "application/json; charset=utf-8"
        try:
            resp = client.request(method, path, content=content, params=params, headers=all_headers)
        except httpx.TransportError as exc:
            reason = tls.certificate_error(exc)
            if reason is not None:
                raise SyncError(
                    "network", "sync.certificate", tls.BAD_CERTIFICATE,
                    host=client.base_url.host, detail=reason,
                ) from exc
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
        # derived, never synced: Kazakh sort keys of names
        values.update({k: v for k, v in sort_keys_for(table, values).items() if k in colset})
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

    @staticmethod
    def _upsert_sql(
        table: str, row_id: str, values: dict[str, Any], colset: set[str]
    ) -> tuple[str, tuple[Any, ...]]:
        excluded = EXCLUDED.get(table)
        if not excluded:
            names = tuple(values)
            return _upsert_statement(table, names, names), (row_id, *values.values())
        insert_values = dict(values)
        for col in excluded:
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
        plan = self._plan(conn, table)
        if plan is None:
            return None
        colset, data_cols, extras, sorted_names = plan
        values: dict[str, Any] = {k: v for k, v in data.items() if k in data_cols}
        for name in extras:
            if name == "deleted":
                values[name] = 1 if deleted else 0
            elif name == "rev":
                values[name] = rev
            elif name == "hlc":
                values[name] = hlc
            else:
                values[name] = server_seq
        if sorted_names:
            # derived, never synced: Kazakh sort keys of names
            values.update({k: v for k, v in sort_keys_for(table, values).items() if k in colset})
        return values, colset

    def _plan(
        self, conn: Connection, table: str
    ) -> tuple[set[str], frozenset[str], tuple[str, ...], bool] | None:
        """What writing a pulled row of ``table`` needs, worked out once a table: its
        columns, those a row's data may fill, the bookkeeping columns it has, and
        whether it has sort keys."""
        plan = self._plans.get(table)
        if plan is None:
            cols = self.columns(conn, table)
            if not cols or "id" not in cols:
                return None
            colset = set(cols)
            extras = tuple(c for c in ("deleted", "rev", "hlc", "server_seq") if c in colset)
            plan = (colset, frozenset(colset - NOT_DATA), extras, bool(sort_keys_for(
                table, dict.fromkeys(cols, "")
            )))
            self._plans[table] = plan
        return plan
