"""Sync use cases for the app and the command line (a thin facade over the client).

enroll(app, server_url, code) -> EnrollInfo
sync_now(app) -> SyncSummary                 raises SyncError (a UserError)
status(app) -> SyncStatus
history(app, limit) -> list[HistoryEntry]
conflicts(app) -> list[ConflictView]
resolve(app, conflict_id, 'mine' | 'theirs' | {field: value})
exit_code_for(error) -> EXIT_NETWORK | EXIT_AUTH | ...
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal

import httpx

from civicdesk.domain.errors import Lang
from civicdesk.services.app import CENTER_KEY, CivicApp
from civicdesk.services.base import put_setting
from civicdesk.sync.client import ConflictView, EnrollInfo, SyncClient, SyncError, SyncSummary
from civicdesk.sync.protocol import API, H_PROTOCOL, PROTOCOL_VERSION, Scalar

EXIT_OK = 0
EXIT_NETWORK = 3
EXIT_AUTH = 4
EXIT_CONFLICTS = 5
EXIT_OTHER = 1

__all__ = [
    "EXIT_AUTH",
    "EXIT_CONFLICTS",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_OTHER",
    "ConflictView",
    "EnrollInfo",
    "HistoryEntry",
    "SyncError",
    "SyncStatus",
    "SyncSummary",
    "conflicts",
    "enroll",
    "exit_code_for",
    "history",
    "resolve",
    "status",
    "summary_text",
    "sync_now",
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


def summary_text(summary: SyncSummary) -> str:
    return f"pushed {summary.pushed}, pulled {summary.pulled}, conflicts {summary.conflicts}"


def exit_code_for(error: BaseException | None, *, open_conflicts: int = 0) -> int:
    """Exit codes of ``civicdesk sync``: 0 ok, 3 network, 4 auth, 5 conflicts pending."""
    if error is None:
        return EXIT_CONFLICTS if open_conflicts else EXIT_OK
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
            with httpx.Client(base_url=url, transport=transport, timeout=5.0) as http:
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
    )


def history(app: CivicApp, limit: int = 50) -> list[HistoryEntry]:
    return [HistoryEntry(**row) for row in _client(app).history(limit)]


def conflicts(app: CivicApp, *, include_resolved: bool = False) -> list[ConflictView]:
    return _client(app).conflicts(include_resolved=include_resolved)


def resolve(
    app: CivicApp,
    conflict_id: int,
    choice: Literal["mine", "theirs"] | dict[str, Scalar],
    *,
    user_id: str | None = None,
) -> None:
    """Settle a queued conflict; 'mine' or values are sent on the next sync."""
    _client(app).resolve_conflict(conflict_id, choice, hlc=app.clock.now(), user_id=user_id)
