"""Accounts, roles and sign-in."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Context
from civicdesk.services.users import (
    authenticate,
    create_user,
    list_users,
    needs_setup,
    setup_center,
    update_user,
)

PASSWORD = "secret-pass-1"  # the fixtures' password (see the password fixture)


def test_first_start_creates_center_manager_and_reference_data(tmp_path: Path) -> None:
    app = CivicApp(tmp_path)
    try:
        assert needs_setup(app)
        with pytest.raises(ValidationErrors) as info:
            setup_center(app, name_kk="", name_ru="", region_kato="00", district_id=None,
                         manager_login="Ә!", manager_name="", manager_password="123",
                         language="ru")
        assert {"center_name", "region", "login", "full_name", "password"} <= set(
            info.value.by_field()
        )
        assert needs_setup(app)
        center, user = setup_center(
            app, name_kk="Орталық", name_ru="Центр", region_kato="19", district_id=None,
            manager_login="Admin", manager_name="Әсел", manager_password=PASSWORD, language="ru",
        )
        assert not needs_setup(app) and user.role is Role.MANAGER and user.login == "admin"
        from civicdesk.services.reference import regions, topics

        ctx = app.admin_context()
        assert len(regions(ctx)) == 20 and len(topics(ctx)) >= 10
    finally:
        app.close()
    # the state survives a restart
    again = CivicApp(tmp_path)
    try:
        assert again.state.center_id == center.id and again.state.language == "ru"
    finally:
        again.close()


def test_wrong_password_and_unknown_login_get_the_same_message(app: CivicApp) -> None:
    with pytest.raises(ValidationErrors) as a:
        authenticate(app, "manager", "wrong-password")
    with pytest.raises(ValidationErrors) as b:
        authenticate(app, "nobody", "wrong-password")
    assert a.value.text("kk") == b.value.text("kk")
    assert a.value.text("ru") == b.value.text("ru")


def test_manager_manages_accounts_consultant_may_not(ctx: Context, consultant_ctx: Context) -> None:
    assert {u.login for u in list_users(ctx)} == {"manager", "consultant"}
    with pytest.raises(UserError) as info:
        create_user(consultant_ctx, login="x", full_name="X", role=Role.CONSULTANT,
                    password=PASSWORD)
    assert info.value.code == "access.denied"
    with pytest.raises(UserError):
        list_users(consultant_ctx)
    with pytest.raises(ValidationErrors):
        create_user(ctx, login="consultant", full_name="Y", role=Role.CONSULTANT,
                    password=PASSWORD)


def test_deactivated_user_cannot_sign_in_and_last_manager_stays(
    app: CivicApp, ctx: Context, consultant_ctx: Context
) -> None:
    user = next(u for u in list_users(ctx) if u.login == "consultant")
    update_user(ctx, user.id, active=False)
    with pytest.raises(ValidationErrors):
        authenticate(app, "consultant", PASSWORD)
    me = next(u for u in list_users(ctx) if u.login == "manager")
    with pytest.raises(ValidationErrors) as info:
        update_user(ctx, me.id, role=Role.CONSULTANT)
    assert info.value.errors[0].code == "user.last_manager"


def test_password_change(app: CivicApp, ctx: Context) -> None:
    me = next(u for u in list_users(ctx) if u.login == "manager")
    with pytest.raises(ValidationErrors):
        update_user(ctx, me.id, password="short")
    update_user(ctx, me.id, password="a-new-long-pass")
    authenticate(app, "manager", "a-new-long-pass")


def test_two_centers_may_both_have_a_manager_login(
    app: CivicApp, other_center_ctx: Context
) -> None:
    """Head office holds every center's accounts; logins are unique per center."""
    create_user(other_center_ctx, login="manager", full_name="Басқа менеджер",
                role=Role.MANAGER, password=PASSWORD)
    actor = authenticate(app, "manager", PASSWORD)
    assert actor.center_id == app.state.center_id and actor.user_name == "Әсел Нұрланқызы"
