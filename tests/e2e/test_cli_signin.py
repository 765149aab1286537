"""Findings 2 and 3 at the command line: it signs in, checks the role, and writes
export, report, backup and restore to the audit log as that person.

Before, ``civicdesk export`` took every table from a shared PC with no password and
acted as a manager, and none of these commands left an audit entry.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from civicdesk import cli_signin
from civicdesk.cli import main
from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import Role
from civicdesk.services.app import CivicApp
from civicdesk.services.users import authenticate, create_user

PASSWORD = "secret-pass-1"


@pytest.fixture()
def center(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    app = CivicApp(data_dir)
    try:
        ctx = app.context(authenticate(app, "manager", PASSWORD))
        create_user(
            ctx, login="consultant", full_name="Қайрат Сейітов", role=Role.CONSULTANT,
            password=PASSWORD,
        )
    finally:
        app.close()
    monkeypatch.setattr(cli_signin, "ask_password", lambda login, lang: PASSWORD)
    return data_dir


def _audit(folder: Path, action: str) -> list[tuple[str, str | None]]:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    try:
        return con.execute(
            "SELECT user_name, user_id FROM audit_log WHERE action = ?", (action,)
        ).fetchall()
    finally:
        con.close()


def test_export_without_sign_in_is_refused(
    center: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.xlsx"
    code = main(["--data-dir", str(center), "--lang", "ru", "export", "--format", "xlsx",
                 "--out", str(out)])
    assert code == 2
    assert "--user" in capsys.readouterr().err
    assert not out.exists()


def test_consultant_cannot_export(
    center: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.xlsx"
    code = main(["--data-dir", str(center), "--lang", "kk", "--user", "consultant", "export",
                 "--format", "xlsx", "--out", str(out)])
    assert code == 2
    assert "құқығыңыз жоқ" in capsys.readouterr().err
    assert not out.exists()


def test_wrong_password_at_the_command_line_counts_and_is_audited(
    center: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_signin, "ask_password", lambda login, lang: "wrong-password")
    code = main(["--data-dir", str(center), "--user", "manager", "export", "--format", "csv",
                 "--out", str(tmp_path / "x")])
    assert code == 2
    assert len(_audit(center, "login_failed")) == 1


def test_manager_export_report_backup_restore_are_audited(center: Path, tmp_path: Path) -> None:
    base = ["--data-dir", str(center), "--lang", "kk", "--user", "manager"]
    assert main([*base, "export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    assert main([*base, "report", "--period", "2025", "--format", "xlsx",
                 "--out", str(tmp_path / "r.xlsx")]) == 0
    backup = tmp_path / "b.sqlite3"
    assert main([*base, "backup", "--out", str(backup)]) == 0
    for action in ("export", "report", "backup"):
        rows = _audit(center, action)
        assert len(rows) == 1, action
        assert rows[0][0] == "Әсел Нұрланқызы" and rows[0][1]
    assert main([*base, "restore", str(backup)]) == 0
    assert [r[0] for r in _audit(center, "restore")] == ["Әсел Нұрланқызы"]


def test_scheduled_backup_uses_the_accounts_token_only_for_backups(
    center: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = ["--data-dir", str(center), "--lang", "ru"]
    # without the token a backup needs a person
    assert main([*plain, "backup", "--out", str(tmp_path / "a.sqlite3")]) == 2
    assert main([*plain, "--user", "manager", "backup-token"]) == 0
    assert main([*plain, "backup", "--out", str(tmp_path / "b.sqlite3")]) == 0
    assert (tmp_path / "b.sqlite3").exists()
    assert any("scheduled backup" in name for name, _ in _audit(center, "backup"))
    # the token does not export
    assert main([*plain, "export", "--format", "csv", "--out", str(tmp_path / "e")]) == 2
    # the database holds only the token's hash: a copy of it is no key
    raw = (center / DB_FILE_NAME).read_bytes()
    from civicdesk.services.backup_token import _key
    from civicdesk.sync import credentials

    app = CivicApp(center)
    try:
        token = credentials.default_store().get(_key(app))
    finally:
        app.close()
    assert token and token.encode() not in raw
    assert main([*plain, "--user", "manager", "backup-token", "--revoke"]) == 0
    assert main([*plain, "backup", "--out", str(tmp_path / "c.sqlite3")]) == 2
