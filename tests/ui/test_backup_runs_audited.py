"""Finding 3 in the window: a backup made with the button and a restore are written to
the audit log as the manager, and a consultant's are refused (finding 2)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.errors import UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Context
from civicdesk.ui.backups import back_up_now, restore_into


def _runs(app: CivicApp, action: str) -> list[str]:
    con = sqlite3.connect(app.data_dir / DB_FILE_NAME)
    try:
        return [n for (n,) in con.execute(
            "SELECT user_name FROM audit_log WHERE action = ?", (action,))]
    finally:
        con.close()


def test_button_backup_and_restore_are_audited_and_managers_only(
    app: CivicApp, ctx: Context, consultant_ctx: Context
) -> None:
    with pytest.raises(UserError):
        back_up_now(app, consultant_ctx.actor)
    path, _problem = back_up_now(app, ctx.actor)
    assert _runs(app, "backup") == [ctx.actor.user_name]
    with pytest.raises(UserError):
        restore_into(app, Path(path), consultant_ctx.actor)
    restore_into(app, Path(path), ctx.actor)
    assert _runs(app, "restore") == [ctx.actor.user_name]
