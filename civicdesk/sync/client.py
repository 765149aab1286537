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

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection

from civicdesk.domain.errors import UserError
from civicdesk.domain.ids import new_id
from civicdesk.sync import credentials
from civicdesk.sync import messages as m
from civicdesk.sync.attachments import download_missing, upload_missing
from civicdesk.sync.client_state import (
    BATCH_LIMITS_KEY,
    BULK_INDEX_ROWS,
    FTS_STALE_KEY,
    SERVER_TAKES_KEY,
    SyncError,
    _now,
    _q,
)
from civicdesk.sync.protocol import (
    API,
    EnrollRequest,
    EnrollResponse,
    PushResult,
    RowResult,
    Scalar,
    dumps,
    load_model,
)
from civicdesk.sync.pull import _RewoundError
from civicdesk.sync.push import Pusher
from civicdesk.sync.tables import NOT_DATA, SYNCED_TABLES


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


class SyncClient(Pusher):
    """Sync of one desktop database with the head-office server."""

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
            info = load_model(resp.content, EnrollResponse)
        except ValueError as exc:
            raise SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail="enroll") from exc
        ref = credentials.new_ref()
        credentials.save(self.db.path, credentials.SyncCredential(info.token, instance, ref))
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
                (credentials.REF_KEY, ref),
                ("center_id", info.center_id),
                ("center_name", info.center_name),
                ("head_office", info.head_office),
                ("server_id", info.server_id),
                ("server_epoch", info.epoch),
                ("cursor", 0),
                (SERVER_TAKES_KEY, resp.headers.get("accept-encoding", "")),
            ):
                self._put(conn, key, value)
            if info.max_batch_rows > 0:
                limits = {"rows": info.max_batch_rows, "bytes": info.max_batch_bytes}
                self._put(conn, BATCH_LIMITS_KEY, limits)
            else:
                self._drop(conn, BATCH_LIMITS_KEY)
            self._drop(conn, "pending_batch")
        return EnrollInfo(server_url, info.center_id, info.center_name, info.head_office, device)

    def _rekey_center(self, conn: Connection, old: str, new: str) -> None:
        """The server knows this center under another id: take it over locally."""
        for table in SYNCED_TABLES:
            conn.exec_driver_sql(
                f"UPDATE {_q(table)} SET center_id = ? WHERE center_id = ?", (new, old)
            )
        conn.exec_driver_sql("UPDATE centers SET id = ? WHERE id = ?", (new, old))

    def sync_once(self) -> SyncSummary:
        """Push everything pending, then pull everything new. Raises ``SyncError``."""
        started = _now()
        self._restamped = set()
        self._touched = set()
        self._round = new_id()
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
                self.note_orphans(self._touched)
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


def iter_results(result: PushResult) -> Iterable[RowResult]:
    return iter(result.results)


__all__ = [
    "BULK_INDEX_ROWS",
    "FTS_STALE_KEY",
    "ConflictView",
    "EnrollInfo",
    "SyncClient",
    "SyncError",
    "SyncSummary",
    "iter_results",
]
