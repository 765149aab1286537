"""What the status bar shows about synchronisation (read on the database thread)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text

from civicdesk.services.app import CivicApp
from civicdesk.services.base import get_setting

LAST_SYNC_KEY = "sync_last_at"
SERVER_KEY = "sync_server_url"


@dataclass(frozen=True)
class SyncStatus:
    pending: int
    last_sync: datetime | None
    configured: bool


def sync_status(app: CivicApp) -> SyncStatus:
    with app.db.session() as s:
        pending = int(s.execute(text("SELECT count(*) FROM sync_outbox")).scalar() or 0)
        last = get_setting(s, LAST_SYNC_KEY)
        server = get_setting(s, SERVER_KEY)
    when: datetime | None = None
    if isinstance(last, str):
        try:
            when = datetime.fromisoformat(last)
        except ValueError:
            when = None
    return SyncStatus(pending, when, bool(server))
