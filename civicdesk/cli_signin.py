"""Sign-in for the ``civicdesk`` command line (kept apart from the command table).

Commands that read or change residents' data act as a person: ``--user LOGIN`` asks
for the password (never on the command line, where other users of the PC could see
it); a scheduled backup may instead use the token made by ``civicdesk backup-token``
(services/backup_token.py). Sign-in throttling and lockout apply as in the window, and
every run is written to the audit log as that person (services/admin_actions.py).
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path
from typing import Any

from civicdesk.domain.errors import Message, UserError

#: command -> the operation it needs (services/permissions.PERMISSIONS)
SIGNED_COMMANDS: dict[str, str] = {
    "backup": "backup.make",
    "restore": "backup.restore",
    "export": "export",
    "report": "report",
    "print": "report",
    "backup-token": "backup.policy",
}

M_PASSWORD = Message(kk="«{login}» құпиясөзі: ", ru="Пароль для «{login}»: ")
M_NEED_USER = Message(
    kk="Бұл әрекет үшін кіру керек: --user ЛОГИН беріңіз (құпиясөз сұралады).",
    ru="Для этого действия нужно войти: укажите --user ЛОГИН (пароль будет запрошен).",
)
M_TOKEN_MADE = Message(
    kk="Жоспарлы сақтық көшірме кілті осы Windows тіркелгісінің қоймасына сақталды.",
    ru="Ключ для резервного копирования по расписанию сохранён в хранилище этой учётной "
    "записи Windows.",
)
M_TOKEN_REVOKED = Message(
    kk="Жоспарлы сақтық көшірме кілті жойылды.", ru="Ключ резервного копирования удалён."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--user", default=None, help="sign in as this login; the password is asked"
    )


def add_commands(sub: Any) -> None:
    token = sub.add_parser("backup-token", help="token for scheduled backups (this account)")
    token.add_argument("--revoke", action="store_true")


def ask_password(login: str, lang: str) -> str:
    return getpass.getpass(M_PASSWORD.text("ru" if lang == "ru" else "kk", login=login))


def signed_actor(app: Any, args: argparse.Namespace, lang: str) -> Any:
    """The person the command acts for, or None for a PC with no center yet."""
    from civicdesk.services.backup_token import actor_from_token
    from civicdesk.services.permissions import authorize
    from civicdesk.services.users import authenticate

    operation = SIGNED_COMMANDS[args.command]
    if app.state.center_id is None:
        return None
    login = getattr(args, "user", None)
    if login:
        actor = authenticate(app, login, ask_password(login, lang))
    elif args.command == "backup":
        actor = actor_from_token(app)
    else:
        raise UserError("cli.sign_in", M_NEED_USER)
    authorize(actor, operation)
    return actor


def cmd_backup_token(args: argparse.Namespace, data_dir: Path, lang: str) -> int:
    from civicdesk.services import backup_token
    from civicdesk.services.app import CivicApp

    app = CivicApp(data_dir)
    try:
        actor = signed_actor(app, args, lang)
        if actor is None:
            raise UserError("cli.sign_in", M_NEED_USER)
        if args.revoke:
            backup_token.revoke(app, actor)
            print(M_TOKEN_REVOKED.text("ru" if lang == "ru" else "kk"))
        else:
            backup_token.create(app, actor)
            print(M_TOKEN_MADE.text("ru" if lang == "ru" else "kk"))
    finally:
        app.close()
    return 0
