"""Sign-in throttling: growing waits after wrong passwords, then a lockout a manager lifts.

Counted per (center, login) on this PC in ``sign_in_failures`` (not synced). The first
``FREE_TRIES`` wrong passwords cost nothing; each further one doubles the wait before
the next try (from ``BASE_DELAY`` up to ``MAX_DELAY`` seconds); after ``LOCK_AFTER``
the login is locked: even the right password is refused until a manager unlocks it
(``unlock``). Every wrong password is written to the audit log (action
``login_failed``, with the login typed and the count); a try refused because of a wait
or a lockout is not checked against the password at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from civicdesk.db.models import SignInFailure
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context, audit
from civicdesk.services.permissions import authorize

FREE_TRIES = 3
LOCK_AFTER = 10
BASE_DELAY = 2.0
MAX_DELAY = 300.0

WAIT = Message(
    kk="Құпиясөз бірнеше рет қате терілді. {seconds} секундтан кейін қайталаңыз.",
    ru="Пароль несколько раз введён неверно. Повторите через {seconds} с.",
)
LOCKED = Message(
    kk="«{login}» логині құпиясөз тым көп рет қате терілгендіктен бұғатталды. "
    "Орталық менеджерінен бұғатты алуды сұраңыз.",
    ru="Логин «{login}» заблокирован: пароль слишком много раз введён неверно. "
    "Попросите менеджера центра снять блокировку.",
)


@dataclass(frozen=True)
class LockedLogin:
    login: str
    failures: int
    last_at: datetime | None


def delay_after(failures: int) -> float:
    """Seconds to wait before the next try after ``failures`` wrong passwords."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(BASE_DELAY * 2 ** (failures - FREE_TRIES), MAX_DELAY))


def check(app: CivicApp, center: str, login: str, at: datetime) -> None:
    """Refuse a try while the login is locked or must still wait."""
    with app.db.session() as s:
        row = s.get(SignInFailure, (center, login))
        if row is None:
            return
        if row.locked:
            raise UserError("auth.locked", LOCKED, login=login)
        if row.last_at is not None:
            wait = delay_after(row.failures) - (at - row.last_at).total_seconds()
            if wait > 0:
                raise UserError("auth.wait", WAIT, seconds=math.ceil(wait))


def failed(app: CivicApp, center: str, login: str, user_id: str | None, at: datetime) -> None:
    """Count a wrong password, lock after ``LOCK_AFTER``, and audit it."""
    with app.db.session() as s:
        row = s.get(SignInFailure, (center, login))
        if row is None:
            row = SignInFailure(center_id=center, login=login, failures=0, locked=False)
            s.add(row)
        row.failures = (row.failures or 0) + 1
        row.last_at = at
        row.locked = row.failures >= LOCK_AFTER
        who = Actor(None, f"{login} (sign-in)", Role.CONSULTANT, center)
        ctx = app.context(who)
        audit(
            ctx, s, "login_failed", "user", user_id, None,
            {"login": login[:80], "failures": row.failures, "locked": row.locked},
        )


def succeeded(app: CivicApp, center: str, login: str) -> None:
    with app.db.session() as s:
        row = s.get(SignInFailure, (center, login))
        if row is not None:
            s.delete(row)


def locked_logins(ctx: Context) -> list[LockedLogin]:
    authorize(ctx.actor, "user.unlock")
    with ctx.db.session() as s:
        rows = s.scalars(
            select(SignInFailure)
            .where(SignInFailure.center_id == ctx.actor.center_id, SignInFailure.locked.is_(True))
            .order_by(SignInFailure.login)
        )
        return [LockedLogin(r.login, r.failures, r.last_at) for r in rows]


def unlock(ctx: Context, login: str) -> bool:
    """A manager lifts a lockout (and any wait); audited. False when nothing was locked."""
    authorize(ctx.actor, "user.unlock")
    login = login.strip().lower()
    with ctx.db.session() as s:
        row = s.get(SignInFailure, (ctx.actor.center_id, login))
        if row is None:
            return False
        s.delete(row)
        audit(ctx, s, "unlock", "user", None, {"login": login, "failures": row.failures}, None)
        return True
