"""Sync use cases for the app and the command line (a thin facade over the client).

enroll(app, server_url, code) -> EnrollInfo
sync_now(app) -> SyncSummary                 raises SyncError (a UserError)
status(app) -> SyncStatus
history(app, limit) -> list[HistoryEntry]
conflicts(app) -> list[ConflictView]
waiting(app) -> list[WaitingRow]            rows received but not applied yet, with why
resolve(app, conflict_id, 'mine' | 'theirs' | {field: value})
exit_code_for(error) -> EXIT_NETWORK | EXIT_AUTH | ...
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

import httpx

from civicdesk.domain.errors import Lang, Message
from civicdesk.services.app import CENTER_KEY, CivicApp
from civicdesk.services.base import put_setting
from civicdesk.sync import messages as m
from civicdesk.sync import tls
from civicdesk.sync.client import ConflictView, EnrollInfo, SyncClient, SyncError, SyncSummary
from civicdesk.sync.protocol import API, CLOCK_MARGIN_MS, H_PROTOCOL, PROTOCOL_VERSION, Scalar
from civicdesk.sync.waiting import WaitingRow

EXIT_OK = 0
EXIT_NETWORK = 3
EXIT_AUTH = 4
EXIT_CONFLICTS = 5
EXIT_WAITING = 6
EXIT_OTHER = 1

__all__ = [
    "EXIT_AUTH",
    "EXIT_CONFLICTS",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_OTHER",
    "EXIT_WAITING",
    "ConflictView",
    "EnrollInfo",
    "HistoryEntry",
    "SyncError",
    "SyncStatus",
    "SyncSummary",
    "WaitingRow",
    "clock_warning",
    "conflicts",
    "enroll",
    "exit_code_for",
    "history",
    "resolve",
    "status",
    "sync_now",
    "waiting",
    "waiting_reason",
]


@dataclass(frozen=True)
class SyncStatus:
    server_url: str | None
    enrolled: bool
    center_id: str | None
    head_office: bool
    last_sync: str | None
    pending: int
    open_conflicts: int
    online: bool | None  # None when not checked or not enrolled
    #: rows received from the server that could not be applied yet (see ``waiting``)
    waiting: int = 0
    #: server's wall clock minus this PC's, at the last answer (None: never synced)
    clock_offset_ms: int | None = None
    #: the first few waiting rows: (table, id, why)
    waiting_reasons: tuple[tuple[str, str, Message], ...] = ()

    @property
    def clock_off(self) -> bool:
        """This PC's clock differs from the server's by more than the margin."""
        return self.clock_offset_ms is not None and abs(self.clock_offset_ms) > CLOCK_MARGIN_MS


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    started_at: str
    finished_at: str | None
    pushed: int
    pulled: int
    conflicts: int
    errors: int
    outcome: str
    message: str

    def message_in(self, lang: Lang) -> str:
        """The failure message in ``lang`` (stored in both languages)."""
        if self.message.startswith("{"):
            try:
                both = json.loads(self.message)
                return str(both.get(lang) or both.get("ru") or "")
            except ValueError:
                pass
        return self.message


def _client(app: CivicApp, transport: httpx.BaseTransport | None = None) -> SyncClient:
    return SyncClient(app.db, transport=transport, clock=app.clock)


def enroll(
    app: CivicApp, server_url: str, code: str, *, transport: httpx.BaseTransport | None = None
) -> EnrollInfo:
    """Exchange the one-time code from head office for this PC's token."""
    info = _client(app, transport).enroll(server_url, code)
    with app.db.session() as s:
        put_setting(s, CENTER_KEY, info.center_id)
    app.state.center_id = info.center_id
    return info


def sync_now(app: CivicApp, *, transport: httpx.BaseTransport | None = None) -> SyncSummary:
    """Push what is pending, pull what is new. Raises ``SyncError`` (kk/ru message)."""
    summary = _client(app, transport).sync_once()
    app.save_clock()
    if app.state.center_id:
        # settlements head office merged into official ones: move this center's records
        from civicdesk.services.settlements import follow_merges

        follow_merges(app.admin_context())
    return summary


def exit_code_for(
    error: BaseException | None, *, open_conflicts: int = 0, waiting: int = 0
) -> int:
    """Exit codes of ``civicdesk sync``: 0 ok, 3 network, 4 auth, 5 conflicts pending,
    6 rows received but waiting to be applied (``waiting``)."""
    if error is None:
        if open_conflicts:
            return EXIT_CONFLICTS
        return EXIT_WAITING if waiting else EXIT_OK
    if isinstance(error, SyncError):
        if error.kind in ("network", "server"):
            return EXIT_NETWORK
        if error.kind in ("auth", "state"):
            return EXIT_AUTH
    return EXIT_OTHER


def status(
    app: CivicApp, *, check_online: bool = False, transport: httpx.BaseTransport | None = None
) -> SyncStatus:
    client = _client(app, transport)
    url = client.state("server_url")
    online: bool | None = None
    if check_online and url:
        try:
            with httpx.Client(
                base_url=url, transport=transport, timeout=5.0, verify=tls.ssl_context()
            ) as http:
                resp = http.get(f"{API}/status", headers={H_PROTOCOL: str(PROTOCOL_VERSION)})
                online = resp.status_code == 200
        except httpx.HTTPError:
            online = False
    return SyncStatus(
        server_url=url,
        enrolled=client.enrolled,
        center_id=client.state("center_id"),
        head_office=bool(client.state("head_office", False)),
        last_sync=client.state("last_sync"),
        pending=client.pending_count(),
        open_conflicts=client.open_conflicts(),
        online=online,
        waiting=client.waiting_count(),
        waiting_reasons=tuple(
            (w.table, w.row_id, waiting_reason(w.reason)) for w in client.waiting()[:5]
        ),
        clock_offset_ms=client.state("clock_offset_ms"),
    )


def clock_warning(st: SyncStatus) -> Message | None:
    """The kk/ru warning for the Sync page and the status bar when the PC's clock is
    off by more than the margin (docs/sync.md, clocks); None when it is right."""
    if not st.clock_off or st.clock_offset_ms is None:
        return None
    minutes = max(1, round(abs(st.clock_offset_ms) / 60_000))
    ahead = st.clock_offset_ms < 0
    return Message(
        kk=m.CLOCK_OFF.text(
            "kk", minutes=minutes, direction_kk="алда" if ahead else "артта", direction_ru=""
        ),
        ru=m.CLOCK_OFF.text(
            "ru", minutes=minutes, direction_ru="спешат относительно" if ahead
            else "отстают от", direction_kk="",
        ),
    )


def history(app: CivicApp, limit: int = 50) -> list[HistoryEntry]:
    return [HistoryEntry(**row) for row in _client(app).history(limit)]


def waiting_reason(reason: str) -> Message:
    """Why a row waits, in words (the stored reason is SQLite's own text)."""
    text = reason.upper()
    if "UNIQUE" in text:
        return m.WAITING_UNIQUE
    if "NOT NULL" in text:
        return m.WAITING_REQUIRED
    if "FOREIGN KEY" in text:
        return m.WAITING_PARENT
    return m.WAITING_OTHER


def waiting(app: CivicApp) -> list[WaitingRow]:
    """Rows received from the server that wait to be applied, with the reason."""
    return _client(app).waiting()


def conflicts(app: CivicApp, *, include_resolved: bool = False) -> list[ConflictView]:
    return _client(app).conflicts(include_resolved=include_resolved)


#: the reason of a queued row the server refused (``sync_conflicts.reason``)
REFUSED_PREFIX = "rejected:"


def is_refused(conflict: ConflictView) -> bool:
    """A row the server refused (kept with its reason), not a field-by-field conflict."""
    return conflict.reason.startswith(REFUSED_PREFIX)


def refusal_reason(conflict: ConflictView, lang: Lang) -> str:
    """Why the server refused the row, in ``lang``."""
    code = conflict.reason.removeprefix(REFUSED_PREFIX)
    known = m.REFUSED.get(code)
    return known.text(lang) if known is not None else m.REFUSED_OTHER.text(lang, code=code)


def resolve(
    app: CivicApp,
    conflict_id: int,
    choice: Literal["mine", "theirs"] | dict[str, Scalar],
    *,
    user_id: str | None = None,
) -> None:
    """Settle a queued conflict; 'mine' or values are sent on the next sync."""
    _client(app).resolve_conflict(conflict_id, choice, hlc=app.clock.now(), user_id=user_id)
