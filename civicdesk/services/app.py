"""Opening a data folder: the database, this PC's device id and clock, the center."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path

from civicdesk.db.engine import DB_FILE_NAME, Database, open_database
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Lang
from civicdesk.domain.hlc import HybridClock
from civicdesk.domain.ids import new_id
from civicdesk.services.base import Actor, Context, get_setting, put_setting

DEVICE_KEY = "device_id"
CENTER_KEY = "center_id"
LANG_KEY = "language"
HLC_KEY = "hlc_last"


@dataclass
class AppState:
    device_id: str
    center_id: str | None
    language: Lang


class CivicApp:
    """One opened data folder. Not thread-bound: sessions are made per call."""

    def __init__(self, data_dir: Path | str, *, db: Database | None = None) -> None:
        self.data_dir = Path(data_dir)
        self.db = db or open_database(self.data_dir / DB_FILE_NAME)
        with self.db.session() as s:
            device = get_setting(s, DEVICE_KEY)
            if device is None:
                device = new_id()
                put_setting(s, DEVICE_KEY, device)
            self.state = AppState(
                device_id=device,
                center_id=get_setting(s, CENTER_KEY),
                language=get_setting(s, LANG_KEY, "kk"),
            )
            last = get_setting(s, HLC_KEY)
        self.clock = HybridClock(self.state.device_id[-12:], last=last)
        self._finish_search_index()

    def _finish_search_index(self) -> None:
        """A big pull that stopped half-way left rows out of the search index: refill it."""
        from sqlalchemy import text

        from civicdesk.db.search import SEARCH_TABLES, rebuild_fts

        with self.db.session() as s:
            stale = s.execute(
                text("SELECT value FROM sync_state WHERE key = 'search_index_stale'")
            ).scalar()
            if stale == "true":
                conn = s.connection()
                for table in SEARCH_TABLES:
                    rebuild_fts(conn, table)
                s.execute(
                    text("UPDATE sync_state SET value = 'false' WHERE key = 'search_index_stale'")
                )

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    def context(self, actor: Actor) -> Context:
        return Context(db=self.db, actor=actor, clock=self.clock)

    def admin_actor(self, lang: Lang | None = None) -> Actor:
        """The person at the command line, acting for this installation's center."""
        try:
            who = getpass.getuser()
        except (OSError, KeyError):
            who = "admin"
        return Actor(
            user_id=None,
            user_name=f"{who} (civicdesk CLI)",
            role=Role.MANAGER if self.state.center_id else Role.HEAD_OFFICE,
            center_id=self.state.center_id or "",
            lang=lang or self.state.language,
        )

    def admin_context(self, lang: Lang | None = None) -> Context:
        return self.context(self.admin_actor(lang))

    def set_language(self, lang: Lang) -> None:
        with self.db.session() as s:
            put_setting(s, LANG_KEY, lang)
        self.state.language = lang

    def save_clock(self) -> None:
        with self.db.session() as s:
            put_setting(s, HLC_KEY, self.clock.last)

    def close(self) -> None:
        self.save_clock()
        self.db.close()
