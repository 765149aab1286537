"""A token for scheduled backups, kept where only this Windows (or Linux) account reads it.

A manager signed in at the command line runs ``civicdesk backup-token``: a random
token goes to the OS credential store (Windows Credential Manager: protected by the
account's login), and only its hash and the manager's id to the database. A scheduled
``civicdesk backup`` under the same account then finds the token and acts as that
manager for one thing only: making a backup (``backup.make``). Another account on a
shared PC, or anyone with a copy of the database, has no token; a deactivated manager's
token stops working at once (``check_signed_in``); running ``backup-token --revoke``
removes it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from civicdesk.db.models import User
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, audit, get_setting, put_setting
from civicdesk.services.permissions import authorize, authorize_in
from civicdesk.sync import credentials

SETTING = "backup_token"

NO_TOKEN = Message(
    kk="Бұл әрекет үшін кіру керек: --user ЛОГИН беріңіз (құпиясөз сұралады).",
    ru="Для этого действия нужно войти: укажите --user ЛОГИН (пароль будет запрошен).",
)


def _key(app: CivicApp) -> str:
    return "backup-" + credentials.key_for(app.db.path)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def create(app: CivicApp, actor: Actor) -> None:
    """A new token for ``actor`` (a manager); any earlier one stops working."""
    authorize(actor, "backup.make")
    authorize(actor, "backup.policy")
    token = secrets.token_urlsafe(32)
    credentials.default_store().set(_key(app), token)
    ctx = app.context(actor)
    with app.db.session() as s:
        authorize_in(ctx, s, "backup.make")
        put_setting(
            s, SETTING,
            {"hash": _digest(token), "user_id": actor.user_id,
             "created_at": datetime.now().isoformat(timespec="seconds")},
        )
        audit(ctx, s, "create", "backup_token", None, None, {"user_id": actor.user_id})


def revoke(app: CivicApp, actor: Actor) -> None:
    authorize(actor, "backup.policy")
    credentials.default_store().delete(_key(app))
    ctx = app.context(actor)
    with app.db.session() as s:
        put_setting(s, SETTING, None)
        audit(ctx, s, "delete", "backup_token", None, None, None)


def actor_from_token(app: CivicApp) -> Actor:
    """The manager a scheduled backup acts for, or a kk/ru refusal to sign in first."""
    token = credentials.default_store().get(_key(app))
    with app.db.session() as s:
        saved = get_setting(s, SETTING)
        if not token or not isinstance(saved, dict):
            raise UserError("cli.sign_in", NO_TOKEN)
        if not secrets.compare_digest(str(saved.get("hash", "")), _digest(token)):
            raise UserError("cli.sign_in", NO_TOKEN)
        user = s.get(User, str(saved.get("user_id")))
        if user is None or user.deleted or not user.active:
            raise UserError("cli.sign_in", NO_TOKEN)
        return Actor(
            user.id, f"{user.full_name} (scheduled backup)", Role(user.role), user.center_id,
            "ru" if user.language == "ru" else "kk",
        )

