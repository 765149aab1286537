"""What every service shares: who is acting, stamping rows, audit, paging, access.

Services take plain values and return plain dataclasses (never live ORM objects);
each public call runs in its own transaction (``ctx.db.session()``).
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, func, inspect, select
from sqlalchemy.orm import Session

from civicdesk.db.engine import Database
from civicdesk.db.models import AuditEntry, Base, Setting, SyncMixin, User
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.hlc import HybridClock
from civicdesk.services import audit_chain

T = TypeVar("T")
M = TypeVar("M", bound=SyncMixin)

DEFAULT_PAGE = 200
MAX_PAGE = 1000

ACCESS_DENIED = Message(
    kk="Бұл әрекетке құқығыңыз жоқ ({role}).",
    ru="У вас нет прав на это действие ({role}).",
)
NOT_FOUND = Message(
    kk="Жазба табылмады (ол жойылған болуы мүмкін).",
    ru="Запись не найдена (возможно, она удалена).",
)
BAD_SORT = Message(
    kk="Бұл баған бойынша сұрыптау мүмкін емес: {column}.",
    ru="Сортировка по этому столбцу невозможна: {column}.",
)


SIGNED_OUT = Message(
    kk="Тіркелгіңіз өзгертілді немесе өшірілді — қайта кіріңіз. Соңғы әрекет сақталған жоқ.",
    ru="Ваша учётная запись изменена или отключена — войдите снова. Последнее действие "
    "не сохранено.",
)


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: str | None
    user_name: str
    role: Role
    center_id: str
    lang: Lang = "kk"

    @property
    def is_head_office(self) -> bool:
        return self.role is Role.HEAD_OFFICE

    @property
    def is_manager(self) -> bool:
        return self.role in (Role.MANAGER, Role.HEAD_OFFICE)


SYSTEM_ROLE = Role.HEAD_OFFICE


@dataclass
class Context:
    """Everything a service needs: the database, the actor, a clock."""

    db: Database
    actor: Actor
    clock: HybridClock
    now: Callable[[], datetime] = field(default=datetime.now)

    def today(self) -> date:
        return self.now().date()

    def with_actor(self, actor: Actor) -> Context:
        return dataclasses.replace(self, actor=actor)


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class ListQuery:
    """Paging, sorting and filtering that run in SQL."""

    offset: int = 0
    limit: int = DEFAULT_PAGE
    sort: str | None = None
    descending: bool = False
    search: str = ""
    filters: dict[str, Any] = field(default_factory=dict)

    def clamp(self) -> ListQuery:
        return dataclasses.replace(
            self, offset=max(0, self.offset), limit=max(1, min(self.limit, MAX_PAGE))
        )


def require_role(actor: Actor, *roles: Role) -> None:
    if actor.role not in roles:
        raise UserError("access.denied", ACCESS_DENIED, role=actor.role.value)


def not_found(entity: str) -> UserError:
    return UserError("not_found", NOT_FOUND, entity=entity)


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def snapshot(row: Base, *, exclude: Iterable[str] = ()) -> dict[str, Any]:
    """Column values of a row as JSON-able data (for the audit log)."""
    # sort keys are derived from names (and would keep an erased name readable)
    skip = {"password_hash", "sort_name", *exclude}
    mapper = inspect(row).mapper
    return {
        col.key: jsonable(getattr(row, col.key))
        for col in mapper.column_attrs
        if col.key not in skip
    }


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, before and after."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    skip = {"updated_at", "rev", "hlc", "updated_by"}
    keys = [k for k in keys if k not in skip]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def stamp_new(ctx: Context, row: M, *, center_id: str | None = None) -> M:
    now = ctx.now()
    row.center_id = center_id or ctx.actor.center_id
    row.created_at = now
    row.updated_at = now
    row.updated_by = ctx.actor.user_id
    row.rev = 1
    row.deleted = False
    row.hlc = ctx.clock.now()
    return row


def stamp_update(ctx: Context, row: SyncMixin) -> None:
    row.updated_at = ctx.now()
    row.updated_by = ctx.actor.user_id
    row.rev = (row.rev or 0) + 1
    row.hlc = ctx.clock.now()


def check_signed_in(ctx: Context, session: Session) -> None:
    """Refuse an actor whose account was deactivated, deleted or given another role
    since they signed in: their next action signs them out (accounts are never removed,
    only marked deleted, so a user id not found here is not a local account)."""
    uid = ctx.actor.user_id
    if uid is None:
        return  # the installation itself: first start, demo data
    user = session.get(User, uid)
    if user is None:
        return
    if user.deleted or not user.active or user.role != ctx.actor.role.value:
        raise UserError("auth.signed_out", SIGNED_OUT)


def audit(
    ctx: Context,
    session: Session,
    action: str,
    entity: str,
    entity_id: str | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    check_signed_in(ctx, session)
    entry = AuditEntry(
        at=ctx.now(),
        user_id=ctx.actor.user_id,
        user_name=ctx.actor.user_name,
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    stamp_new(ctx, entry)
    audit_chain.link(session, entry)
    session.add(entry)


def record_change(
    ctx: Context, session: Session, entity: str, row: Base, before: dict[str, Any] | None
) -> None:
    """Audit a create (before is None) or an update (only changed fields)."""
    after = snapshot(row)
    if before is None:
        audit(ctx, session, "create", entity, getattr(row, "id", None), None, after)
        return
    b, a = diff(before, after)
    if a:
        audit(ctx, session, "update", entity, getattr(row, "id", None), b, a)


def soft_delete(
    ctx: Context,
    session: Session,
    row: SyncMixin,
    entity: str,
    *,
    children: Iterable[SyncMixin] = (),
    exclude: Iterable[str] = (),
) -> None:
    """Mark a row and its children deleted (kept as tombstones for sync) and audit it."""
    assert isinstance(row, Base)
    before = snapshot(row, exclude=exclude)
    for r in (row, *children):
        r.deleted = True
        stamp_update(ctx, r)
    audit(ctx, session, "delete", entity, row.id, before, None)


def get_live(session: Session, model: type[M], row_id: str, ctx: Context | None = None) -> M:
    """A row that exists, is not soft-deleted and is visible to the actor's center."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise not_found(model.__name__)
    foreign = ctx is not None and not ctx.actor.is_head_office and (
        row.center_id != ctx.actor.center_id
    )
    if foreign and model.__tablename__ not in _SHARED_TABLES:
        raise not_found(model.__name__)
    return row


_SHARED_TABLES = frozenset(
    {"regions", "districts", "rural_districts", "settlements", "topics", "legal_acts",
     "grant_calls"}
)


def scoped(ctx: Context, stmt: Select[Any], model: type[SyncMixin]) -> Select[Any]:
    """Limit a query to live rows of the actor's center (head office sees all)."""
    stmt = stmt.where(model.deleted.is_(False))
    if not ctx.actor.is_head_office:
        stmt = stmt.where(model.center_id == ctx.actor.center_id)
    return stmt


def apply_sort(
    stmt: Select[Any],
    query: ListQuery,
    columns: dict[str, Any],
    default: str,
    *tie_breakers: Any,
) -> Select[Any]:
    """Order by the chosen column, then the tie-breakers, all in the same direction.

    Tie-breakers should follow the column's index (e.g. ``(status, occurred_at)``) so
    SQLite reads the first page from the index instead of sorting every row.
    """
    key = query.sort or default
    if key not in columns:
        raise UserError("list.bad_sort", BAD_SORT, column=key)
    cols = [columns[key], *tie_breakers]
    return stmt.order_by(*[c.desc() if query.descending else c.asc() for c in cols])


def count_of(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0)


def paged(session: Session, stmt: Select[Any], query: ListQuery) -> tuple[Sequence[Any], int]:
    q = query.clamp()
    total = count_of(session, stmt)
    rows = session.execute(stmt.offset(q.offset).limit(q.limit)).all()
    return rows, total


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None else row.value


def put_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
