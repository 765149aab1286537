"""Finding 2: roles enforced in the services, sign-in throttling and lockout, failed
sign-ins audited, a deactivated user signed out at the next action.

Each test is an attack that worked before: a consultant deleted a resident and set the
backup policy to keep one copy; 30 wrong passwords and then the right one signed in;
a deactivated consultant's open window kept writing.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from civicdesk.db.models import AuditEntry
from civicdesk.domain.enums import Role, Sex
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services import throttle
from civicdesk.services.app import CivicApp
from civicdesk.services.backups import BackupPolicy, load_policy, save_policy
from civicdesk.services.base import Context
from civicdesk.services.residents import (
    ResidentInput,
    create_resident,
    delete_resident,
    get_resident,
)
from civicdesk.services.users import authenticate, list_users, update_user

PASSWORD = "secret-pass-1"
T0 = datetime(2025, 3, 1, 9, 0)


def _resident(ctx: Context) -> str:
    data = ResidentInput(
        full_name="Айгүл Серікқызы", sex=Sex.FEMALE, birth_year=1985,
        consent_date=date(2025, 1, 10), consent_purposes=["consultation"],
    )
    return create_resident(ctx, data).id


def test_consultant_cannot_delete_a_resident(ctx: Context, consultant_ctx: Context) -> None:
    rid = _resident(consultant_ctx)
    with pytest.raises(UserError) as err:
        delete_resident(consultant_ctx, rid)
    assert err.value.code == "access.denied"
    assert "нет прав" in err.value.text("ru")
    assert get_resident(ctx, rid).full_name == "Айгүл Серікқызы"
    delete_resident(ctx, rid)  # a manager may


def test_consultant_cannot_change_the_backup_policy(
    app: CivicApp, ctx: Context, consultant_ctx: Context
) -> None:
    with pytest.raises(UserError) as err:
        save_policy(app, BackupPolicy(keep=1), consultant_ctx.actor)
    assert err.value.code == "access.denied"
    assert load_policy(app).keep != 1
    save_policy(app, BackupPolicy(keep=5), ctx.actor)
    assert load_policy(app).keep == 5
    with ctx.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "backup_policy")).one()
        assert entry.user_id == ctx.actor.user_id and entry.after and entry.after["keep"] == 5


def test_thirty_wrong_passwords_then_the_right_one_is_refused(app: CivicApp, ctx: Context) -> None:
    at = T0
    for _ in range(30):
        at += timedelta(minutes=10)  # never in a hurry: the waits are not what stops it
        with pytest.raises(UserError):
            authenticate(app, "manager", "wrong-password", now=at)
    at += timedelta(minutes=10)
    with pytest.raises(UserError) as err:
        authenticate(app, "manager", PASSWORD, now=at)
    assert err.value.code == "auth.locked"
    assert "менеджер" in err.value.text("kk") and "заблокирован" in err.value.text("ru")
    # another manager (here: the same one, signed in before) lifts the lock
    assert [x.login for x in throttle.locked_logins(ctx)] == ["manager"]
    assert throttle.unlock(ctx, "manager")
    assert authenticate(app, "manager", PASSWORD, now=at).user_id == ctx.actor.user_id


def test_growing_wait_after_wrong_passwords(app: CivicApp) -> None:
    at = T0
    for _ in range(throttle.FREE_TRIES):
        with pytest.raises(ValidationErrors):
            authenticate(app, "manager", "wrong-password", now=at)
    # now the right password right away is refused: it must wait
    with pytest.raises(UserError) as err:
        authenticate(app, "manager", PASSWORD, now=at + timedelta(seconds=1))
    assert err.value.code == "auth.wait"
    assert "с." in err.value.text("ru")
    at += timedelta(seconds=throttle.delay_after(throttle.FREE_TRIES) + 1)
    with pytest.raises(ValidationErrors):
        authenticate(app, "manager", "wrong-again", now=at)
    assert throttle.delay_after(throttle.FREE_TRIES + 1) == 2 * throttle.delay_after(
        throttle.FREE_TRIES
    )
    at += timedelta(seconds=throttle.delay_after(throttle.FREE_TRIES + 1) + 1)
    assert authenticate(app, "manager", PASSWORD, now=at).role is Role.MANAGER
    # a success clears the count
    with pytest.raises(ValidationErrors):
        authenticate(app, "manager", "wrong-password", now=at)
    assert authenticate(app, "manager", PASSWORD, now=at).role is Role.MANAGER


def test_failed_sign_ins_are_audited(app: CivicApp, ctx: Context) -> None:
    with pytest.raises(ValidationErrors):
        authenticate(app, "manager", "wrong-password", now=T0)
    with pytest.raises(ValidationErrors):
        authenticate(app, "nobody", "wrong-password", now=T0)
    with ctx.db.session() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(AuditEntry.at)
        ).all()
        typed = sorted(r.after["login"] for r in rows if r.after)
        assert typed == ["manager", "nobody"]
        manager_row = next(r for r in rows if r.after and r.after["login"] == "manager")
        assert manager_row.entity_id == ctx.actor.user_id


def test_deactivated_user_is_signed_out_at_next_action(
    ctx: Context, consultant_ctx: Context
) -> None:
    _resident(consultant_ctx)  # works while active
    user = next(u for u in list_users(ctx) if u.login == "consultant")
    update_user(ctx, user.id, active=False)
    with pytest.raises(UserError) as err:
        _resident(consultant_ctx)
    assert err.value.code == "auth.signed_out"
    assert "войдите снова" in err.value.text("ru")
    with ctx.db.session() as s:
        mine = s.scalars(
            select(AuditEntry).where(
                AuditEntry.user_id == user.id, AuditEntry.entity == "resident"
            )
        ).all()
    assert len(mine) == 1  # the second write was not saved


def test_demoted_manager_loses_manager_rights_at_once(
    app: CivicApp, ctx: Context, consultant_ctx: Context
) -> None:
    other = next(u for u in list_users(ctx) if u.login == "consultant")
    update_user(ctx, other.id, role=Role.MANAGER)
    promoted = app.context(authenticate(app, "consultant", PASSWORD))
    rid = _resident(ctx)
    update_user(ctx, other.id, role=Role.CONSULTANT)
    with pytest.raises(UserError) as err:
        delete_resident(promoted, rid)
    assert err.value.code == "auth.signed_out"
