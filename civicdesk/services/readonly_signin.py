"""Signing in without writing: for a command-line backup while CivicDesk is open.

The window holds the data folder (one writer), and a backup only reads, so a backup
must work then too (a scheduled one at night). The person is checked against the
database read-only: the password's hash (argon2) or the backup key's hash, the
account active, a lockout honoured. Nothing can be written meanwhile: a wrong password
is not counted and the backup is not in the audit log but in the program's log file
(docs/security.md says so).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from pathlib import Path

from argon2.exceptions import InvalidHashError, VerificationError

from civicdesk.db.engine import ro_uri
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError, ValidationError, ValidationErrors
from civicdesk.services.base import Actor
from civicdesk.services.throttle import LOCKED


def _setting(con: sqlite3.Connection, key: str) -> object:
    row = con.execute("SELECT value FROM app_settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def _actor(row: tuple[str, str, str, str, str]) -> Actor:
    uid, name, role, center, language = row
    return Actor(uid, name, Role(role), center, "ru" if language == "ru" else "kk")


def center_of(db_path: Path) -> str | None:
    con = sqlite3.connect(ro_uri(db_path), uri=True)
    try:
        value = _setting(con, "center_id")
        return value if isinstance(value, str) else None
    finally:
        con.close()


def sign_in(db_path: Path, login: str, password: str) -> Actor:
    from civicdesk.services.users import BAD_LOGIN, _dummy_hash, _hasher

    login = login.strip().lower()
    con = sqlite3.connect(ro_uri(db_path), uri=True)
    try:
        center = _setting(con, "center_id")
        locked = con.execute(
            "SELECT locked FROM sign_in_failures WHERE center_id = ? AND login = ?",
            (center, login),
        ).fetchone()
        if locked and locked[0]:
            raise UserError("auth.locked", LOCKED, login=login)
        row = con.execute(
            "SELECT id, full_name, role, center_id, language, password_hash FROM users"
            " WHERE lower(login) = ? AND center_id = ? AND deleted = 0 AND active = 1",
            (login, center),
        ).fetchone()
    finally:
        con.close()
    try:
        ok = row is not None and _hasher.verify(row[5], password)
        if row is None:
            _hasher.verify(_dummy_hash(), password)
    except (VerificationError, InvalidHashError):
        ok = False
    if not ok or row is None:
        raise ValidationErrors([ValidationError("auth.bad_login", BAD_LOGIN, field="login")])
    return _actor(row[:5])


def token_actor(db_path: Path, token: str | None) -> Actor:
    from civicdesk.services.backup_token import NO_TOKEN, _digest

    con = sqlite3.connect(ro_uri(db_path), uri=True)
    try:
        saved = _setting(con, "backup_token")
        if not token or not isinstance(saved, dict):
            raise UserError("cli.sign_in", NO_TOKEN)
        if not secrets.compare_digest(str(saved.get("hash", "")), _digest(token)):
            raise UserError("cli.sign_in", NO_TOKEN)
        row = con.execute(
            "SELECT id, full_name, role, center_id, language FROM users"
            " WHERE id = ? AND deleted = 0 AND active = 1",
            (str(saved.get("user_id")),),
        ).fetchone()
    finally:
        con.close()
    if row is None:
        raise UserError("cli.sign_in", NO_TOKEN)
    return _actor(row)
