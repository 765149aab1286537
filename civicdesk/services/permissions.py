"""Who may do what: the one table of operations and roles, and the checks using it.

docs/security.md shows the same table; tests/services/test_permissions.py reads it
there, compares it with ``PERMISSIONS`` and tries every operation as every role.

Each check also signs out an actor whose account was deactivated, deleted or given
another role since they signed in (``base.check_signed_in``, also run by every audited write): their next action is refused
and the window returns to the sign-in screen.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError
from civicdesk.services.base import ACCESS_DENIED, Actor, Context, check_signed_in

C, M, H = Role.CONSULTANT, Role.MANAGER, Role.HEAD_OFFICE
EVERYONE = frozenset({C, M, H})
MANAGERS = frozenset({M, H})

PERMISSIONS: dict[str, frozenset[Role]] = {
    "resident.delete": MANAGERS,
    "resident.erase": MANAGERS,
    "consultation.delete": MANAGERS,
    "meeting.delete": MANAGERS,
    "seminar.delete": MANAGERS,
    "booklet.delete": MANAGERS,
    "grant.delete": MANAGERS,
    "user.manage": MANAGERS,
    "user.unlock": MANAGERS,
    "backup.policy": MANAGERS,
    "backup.make": MANAGERS,
    "quorum.settings": frozenset({M}),
    "backup.restore": MANAGERS,
    "export": MANAGERS,
    "report": EVERYONE,
}
"""Operation -> the roles allowed to do it (a center's own data; head office: any)."""

def allowed(role: Role, operation: str) -> bool:
    return role in PERMISSIONS[operation]


def authorize(actor: Actor, operation: str) -> None:
    """Refuse ``operation`` unless the actor's role may do it (a kk/ru message)."""
    if operation not in PERMISSIONS:
        raise KeyError(operation)
    if not allowed(actor.role, operation):
        raise UserError("access.denied", ACCESS_DENIED, role=actor.role.value)


def authorize_in(ctx: Context, session: Session, operation: str) -> None:
    """``authorize`` plus ``check_signed_in``, inside the caller's transaction."""
    authorize(ctx.actor, operation)
    check_signed_in(ctx, session)
