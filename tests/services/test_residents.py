"""Residents: consent, validation of a half-filled form, export, erasure, access."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from civicdesk.db.models import AuditEntry, Resident
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.residents import (
    ResidentInput,
    create_resident,
    delete_resident,
    erase_resident,
    export_resident,
    get_resident,
    list_residents,
    update_resident,
)

CONSENT = date(2025, 2, 1)


def _count(ctx: Context) -> int:
    with ctx.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Resident)) or 0)


def _resident(**kw: object) -> ResidentInput:
    base: dict[str, object] = {
        "full_name": "Айгүл Серікқызы",
        "sex": Sex.FEMALE,
        "birth_year": 1985,
        "iin": "850515400002",
        "phone": "8 701 123 45 67",
        "consent_date": CONSENT,
        "consent_purposes": ["consultation"],
    }
    base.update(kw)
    return ResidentInput(**base)  # type: ignore[arg-type]


def test_create_normalises_and_audits(ctx: Context) -> None:
    view = create_resident(ctx, _resident(full_name="  Айгүл   Серікқызы "))
    assert view.full_name == "Айгүл Серікқызы"
    assert view.phone == "+77011234567"
    assert view.age_group is not None
    assert view.consent_form_version
    with ctx.db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "resident", AuditEntry.action == "create")
        ).one()
        assert entry.user_name == ctx.actor.user_name
        assert entry.after is not None and entry.after["full_name"] == "Айгүл Серікқызы"


def test_iin_is_optional(ctx: Context) -> None:
    view = create_resident(ctx, _resident(iin=None))
    assert view.iin is None


@pytest.mark.parametrize(
    ("iin", "code"),
    [
        ("850515400003", "iin.checksum"),
        ("85051540000", "iin.length"),
        ("85O515400002", "iin.digits"),
    ],
)
def test_wrong_iin_is_refused_and_nothing_saved(ctx: Context, iin: str, code: str) -> None:
    before = _count(ctx)
    with pytest.raises(ValidationErrors) as info:
        create_resident(ctx, _resident(iin=iin))
    codes = {e.code for e in info.value.errors}
    assert code in codes
    assert info.value.text("kk") and info.value.text("ru")
    assert _count(ctx) == before


def test_half_filled_form_reports_every_field(ctx: Context) -> None:
    before = _count(ctx)
    with pytest.raises(ValidationErrors) as info:
        create_resident(
            ctx,
            ResidentInput(full_name="", birth_year=2090, consent_date=None, phone="123"),
        )
    fields = set(info.value.by_field())
    assert {"full_name", "birth_year", "phone", "consent_date"} <= fields
    assert _count(ctx) == before


def test_birth_date_in_the_future_is_refused(ctx: Context) -> None:
    # an IIN whose birth date lies ahead of today
    from civicdesk.domain.iin import make_iin

    future = make_iin(date(2090, 1, 1), Sex.MALE, 1) or make_iin(date(2090, 1, 1), Sex.MALE, 2)
    assert future is not None
    with pytest.raises(ValidationErrors) as info:
        create_resident(ctx, _resident(iin=future, sex=Sex.MALE, birth_year=2090))
    assert "iin.future" in {e.code for e in info.value.errors} or "resident.birth_year" in {
        e.code for e in info.value.errors
    }


def test_update_records_before_and_after(ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    update_resident(ctx, view.id, _resident(phone="+7 (777) 000-11-22"))
    with ctx.db.session() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "update", AuditEntry.entity_id == view.id)
        ).one()
        assert entry.before == {"phone": "+77011234567"}
        assert entry.after == {"phone": "+77770001122"}


def test_viewing_a_card_is_audited(ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    get_resident(ctx, view.id)
    with ctx.db.session() as s:
        assert s.scalar(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.action == "view", AuditEntry.entity_id == view.id
            )
        ) == 1


def test_list_search_sort_and_scope(ctx: Context, other_center_ctx: Context) -> None:
    for name in ("Бекзат Ерланұлы", "Әсем Жанқызы", "Пётр Иванов", "Алия Омарова"):
        create_resident(ctx, _resident(full_name=name, iin=None))
    page = list_residents(ctx, ListQuery(sort="full_name"))
    names = [r.full_name for r in page.rows]
    # Kazakh alphabetical order: Ә right after А, not after Я
    assert page.total == 4 and names == ["Алия Омарова", "Әсем Жанқызы", "Бекзат Ерланұлы",
                                         "Пётр Иванов"]
    assert [r.full_name for r in list_residents(ctx, ListQuery(search="петр")).rows] == [
        "Пётр Иванов"
    ]
    assert [r.full_name for r in list_residents(ctx, ListQuery(search="ӘСЕМ")).rows] == [
        "Әсем Жанқызы"
    ]
    assert list_residents(other_center_ctx, ListQuery()).total == 0
    with pytest.raises(UserError):
        get_resident(other_center_ctx, page.rows[0].id)


def test_bad_sort_column_is_a_user_error(ctx: Context) -> None:
    with pytest.raises(UserError) as info:
        list_residents(ctx, ListQuery(sort="password"))
    assert info.value.code == "list.bad_sort"


def test_export_holds_everything_and_is_audited(ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    data = export_resident(ctx, view.id)
    assert data["resident"]["full_name"] == "Айгүл Серікқызы"
    assert data["resident"]["iin"] == "850515400002"
    assert any(e["action"] == "create" for e in data["access_log"])


def test_erase_keeps_anonymous_statistics(ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    erased = erase_resident(ctx, view.id)
    assert erased.erased and erased.full_name == "—"
    assert erased.iin is None and erased.phone is None
    assert erased.sex is Sex.FEMALE and erased.age_group is not None
    with ctx.db.session() as s:
        for entry in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == view.id)):
            text = str(entry.before) + str(entry.after)
            assert "Айгүл" not in text and "850515400002" not in text
    # an erased person no longer shows in lists or search
    assert list_residents(ctx, ListQuery(search="Айгүл")).total == 0


def test_consultant_may_not_export_or_erase(ctx: Context, consultant_ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    with pytest.raises(UserError) as info:
        erase_resident(consultant_ctx, view.id)
    assert info.value.code == "access.denied"
    with pytest.raises(UserError):
        export_resident(consultant_ctx, view.id)


def test_delete_is_soft(ctx: Context) -> None:
    view = create_resident(ctx, _resident())
    delete_resident(ctx, view.id)
    with ctx.db.session() as s:
        row = s.get(Resident, view.id)
        assert row is not None and row.deleted
    with pytest.raises(UserError):
        get_resident(ctx, view.id)
