"""Centers, accounts, roles and sign-in (argon2 password hashes)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from civicdesk.db.models import Center, District, User
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Lang, Message, ValidationError, ValidationErrors
from civicdesk.domain.ids import new_id
from civicdesk.domain.kato import REGIONS
from civicdesk.domain.text import normalize_kk
from civicdesk.services import throttle
from civicdesk.services.app import CENTER_KEY, LANG_KEY, CivicApp
from civicdesk.services.base import (
    Actor,
    Context,
    audit,
    get_live,
    put_setting,
    record_change,
    require_role,
    snapshot,
    stamp_new,
    stamp_update,
)
from civicdesk.services.permissions import authorize

# Tuned for old office PCs: ~50 ms per check, 32 MiB.
_hasher = PasswordHasher(time_cost=2, memory_cost=32 * 1024, parallelism=1)
MIN_PASSWORD = 8

BAD_LOGIN = Message(
    kk="Логин немесе құпиясөз қате.",
    ru="Неверный логин или пароль.",
)
WEAK_PASSWORD = Message(
    kk="Құпиясөз кемінде {n} таңбадан тұруы керек.",
    ru="Пароль должен содержать не менее {n} символов.",
)
LOGIN_TAKEN = Message(kk="«{login}» логині бос емес.", ru="Логин «{login}» уже занят.")
LOGIN_REQUIRED = Message(
    kk="Логинді жазыңыз (латын әріптері, сандар, нүкте).",
    ru="Укажите логин (латинские буквы, цифры, точка).",
)
NAME_REQUIRED = Message(kk="Аты-жөнін жазыңыз.", ru="Укажите ФИО.")
CENTER_NAME_REQUIRED = Message(
    kk="Орталықтың атауын қазақша және орысша жазыңыз.",
    ru="Укажите название центра на казахском и русском языках.",
)
REGION_UNKNOWN = Message(
    kk="Облысты тізімнен таңдаңыз.",
    ru="Выберите область из списка.",
)
LAST_MANAGER = Message(
    kk="Орталықта кемінде бір белсенді менеджер қалуы керек.",
    ru="В центре должен остаться хотя бы один активный менеджер.",
)


@dataclass(frozen=True)
class UserView:
    id: str
    login: str
    full_name: str
    role: Role
    active: bool
    language: Lang
    last_login_at: datetime | None


@dataclass(frozen=True)
class CenterView:
    id: str
    name_kk: str
    name_ru: str
    region_kato: str
    district_id: str | None
    is_head_office: bool

    def name(self, lang: Lang) -> str:
        return self.name_kk if lang == "kk" else self.name_ru


def _user_view(u: User) -> UserView:
    return UserView(
        u.id, u.login, u.full_name, Role(u.role), u.active,
        "ru" if u.language == "ru" else "kk", u.last_login_at,
    )


def _center_view(c: Center) -> CenterView:
    return CenterView(c.id, c.name_kk, c.name_ru, c.region_kato, c.district_id, c.is_head_office)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _validate_account(login: str, full_name: str, password: str | None) -> list[ValidationError]:
    errors: list[ValidationError] = []
    if not login or not all(ch.isascii() and (ch.isalnum() or ch in "._-") for ch in login):
        errors.append(ValidationError("user.login", LOGIN_REQUIRED, field="login"))
    if not full_name:
        errors.append(ValidationError("user.name", NAME_REQUIRED, field="full_name"))
    if password is not None and len(password) < MIN_PASSWORD:
        errors.append(
            ValidationError("user.password_weak", WEAK_PASSWORD, field="password", n=MIN_PASSWORD)
        )
    return errors


def needs_setup(app: CivicApp) -> bool:
    return app.state.center_id is None


def setup_center(
    app: CivicApp,
    *,
    name_kk: str,
    name_ru: str,
    region_kato: str,
    district_id: str | None,
    manager_login: str,
    manager_name: str,
    manager_password: str,
    language: Lang,
    head_office: bool = False,
    center_id: str | None = None,
) -> tuple[CenterView, UserView]:
    """First start: the center profile and its first manager, in one transaction."""
    from civicdesk.services.reference import load_reference_data

    name_kk, name_ru = normalize_kk(name_kk), normalize_kk(name_ru)
    manager_login = manager_login.strip().lower()
    manager_name = normalize_kk(manager_name)
    errors = _validate_account(manager_login, manager_name, manager_password)
    if not name_kk or not name_ru:
        errors.append(ValidationError("center.name", CENTER_NAME_REQUIRED, field="center_name"))
    if region_kato not in REGIONS:
        errors.append(ValidationError("center.region", REGION_UNKNOWN, field="region"))
    if errors:
        raise ValidationErrors(list(errors))
    cid = center_id or new_id()
    role = Role.HEAD_OFFICE if head_office else Role.MANAGER
    actor = Actor(None, manager_name, role, cid, language)
    ctx = app.context(actor)
    load_reference_data(ctx)
    with app.db.session() as s:
        if district_id:
            get_live(s, District, district_id)
        center = Center(
            id=cid, name_kk=name_kk, name_ru=name_ru, region_kato=region_kato,
            district_id=district_id, is_head_office=head_office,
        )
        stamp_new(ctx, center, center_id=cid)
        s.add(center)
        user = User(
            login=manager_login, full_name=manager_name, role=role.value,
            password_hash=hash_password(manager_password), language=language,
        )
        stamp_new(ctx, user, center_id=cid)
        s.add(user)
        s.flush()
        audit(ctx, s, "create", "center", center.id, None, snapshot(center))
        audit(ctx, s, "create", "user", user.id, None, snapshot(user))
        put_setting(s, CENTER_KEY, cid)
        put_setting(s, LANG_KEY, language)
        result = (_center_view(center), _user_view(user))
    app.state.center_id = cid
    app.state.language = language
    return result


def current_center(app: CivicApp) -> CenterView | None:
    if app.state.center_id is None:
        return None
    with app.db.session() as s:
        c = s.get(Center, app.state.center_id)
        return _center_view(c) if c else None


def authenticate(
    app: CivicApp, login: str, password: str, *, now: datetime | None = None
) -> Actor:
    """Sign in; a wrong login and a wrong password get the same message.

    Wrong passwords are counted per login on this PC (``throttle``): after a few, each
    further try must wait longer, and after ``LOCK_AFTER`` the login is locked until a
    manager lifts it. Every refusal is written to the audit log.
    """
    login = login.strip().lower()
    at = now or datetime.now()
    center = app.state.center_id or ""
    throttle.check(app, center, login, at)
    with app.db.session() as s:
        stmt = select(User).where(
            func.lower(User.login) == login, User.deleted.is_(False), User.active.is_(True)
        )
        if app.state.center_id:
            # at head office every center's accounts are here: sign in to this node's own
            stmt = stmt.where(User.center_id == app.state.center_id)
        user = s.scalar(stmt)
        ok = False
        if user is not None:
            try:
                ok = _hasher.verify(user.password_hash, password)
            except (VerificationError, InvalidHashError):
                ok = False
        if user is None or not ok:
            # same work either way, so the answer time does not reveal a login
            if user is None:
                try:
                    _hasher.verify(_dummy_hash(), password)
                except VerificationError:
                    pass
            failed_user = user.id if user is not None else None
        else:
            failed_user = None
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
            user.last_login_at = at
            actor = Actor(
                user.id, user.full_name, Role(user.role), user.center_id,
                "ru" if user.language == "ru" else "kk",
            )
            ctx = app.context(actor)
            audit(ctx, s, "login", "user", user.id)
    if user is None or not ok:
        throttle.failed(app, center, login, failed_user, at)
        raise ValidationErrors([ValidationError("auth.bad_login", BAD_LOGIN, field="login")])
    throttle.succeeded(app, center, login)
    return actor


@functools.cache
def _dummy_hash() -> str:
    """Made on first need (not at import: it costs a hash on the start-up path)."""
    return _hasher.hash("not a real password")


def list_users(ctx: Context) -> list[UserView]:
    authorize(ctx.actor, "user.manage")
    with ctx.db.session() as s:
        stmt = select(User).where(User.deleted.is_(False))
        if not ctx.actor.is_head_office:
            stmt = stmt.where(User.center_id == ctx.actor.center_id)
        return [_user_view(u) for u in s.scalars(stmt.order_by(User.sort_name, User.full_name))]


def create_user(
    ctx: Context, *, login: str, full_name: str, role: Role, password: str, language: Lang = "kk"
) -> UserView:
    authorize(ctx.actor, "user.manage")
    if role is Role.HEAD_OFFICE and not ctx.actor.is_head_office:
        require_role(ctx.actor, Role.HEAD_OFFICE)
    login = login.strip().lower()
    full_name = normalize_kk(full_name)
    errors = _validate_account(login, full_name, password)
    if errors:
        raise ValidationErrors(list(errors))
    with ctx.db.session() as s:
        taken = select(User.id).where(
            func.lower(User.login) == login, User.center_id == ctx.actor.center_id
        )
        if s.scalar(taken):
            raise ValidationErrors(
                [ValidationError("user.login_taken", LOGIN_TAKEN, field="login", login=login)]
            )
        user = User(
            login=login, full_name=full_name, role=role.value,
            password_hash=hash_password(password), language=language,
        )
        stamp_new(ctx, user)
        s.add(user)
        s.flush()
        record_change(ctx, s, "user", user, None)
        return _user_view(user)


def update_user(
    ctx: Context,
    user_id: str,
    *,
    full_name: str | None = None,
    role: Role | None = None,
    active: bool | None = None,
    password: str | None = None,
    language: Lang | None = None,
) -> UserView:
    """A manager edits accounts; anyone may change their own password and language."""
    own = user_id == ctx.actor.user_id
    if not own or role is not None or active is not None:
        authorize(ctx.actor, "user.manage")
    with ctx.db.session() as s:
        user = get_live(s, User, user_id, ctx)
        before = snapshot(user)
        errors = _validate_account(user.login, normalize_kk(full_name or user.full_name), password)
        if errors:
            raise ValidationErrors(list(errors))
        if full_name is not None:
            user.full_name = normalize_kk(full_name)
        demoting = (role is not None and role is not Role.MANAGER) or active is False
        if demoting and user.role == Role.MANAGER.value:
            others = s.scalar(
                select(func.count()).select_from(User).where(
                    User.center_id == user.center_id, User.role == Role.MANAGER.value,
                    User.active.is_(True), User.deleted.is_(False), User.id != user.id,
                )
            )
            if not others:
                raise ValidationErrors([ValidationError("user.last_manager", LAST_MANAGER)])
        if role is not None:
            user.role = role.value
        if active is not None:
            user.active = active
        if password is not None:
            user.password_hash = hash_password(password)
        if language is not None:
            user.language = language
        stamp_update(ctx, user)
        record_change(ctx, s, "user", user, before)
        if password is not None:
            audit(ctx, s, "password", "user", user.id)
        return _user_view(user)
