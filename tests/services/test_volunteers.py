"""Volunteers: consent rules (nothing without it, withdrawal stops new work, erasure
keeps anonymous hours), access, audit, the register's order and filters in SQL."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from civicdesk.db.models import AuditEntry, Volunteer
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.reference import add_settlement
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    OrgInput,
    add_assignment,
    list_aid,
    list_assignments,
    list_orgs,
    save_aid,
    save_org,
)
from civicdesk.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    erase_volunteer,
    export_volunteer,
    get_volunteer,
    list_volunteers,
    update_volunteer,
    withdraw_consent,
)


def _vol(ctx: Context, **kw: object) -> VolunteerInput:
    base: dict[str, object] = {
        "full_name": "Айгүл Серікқызы", "sex": Sex.FEMALE, "birth_year": 2001,
        "phone": "8 701 123 45 67", "consent_date": ctx.today() - timedelta(days=30),
        "consent_purposes": ["register", "statistics"], "skills": "жүргізуші, компьютер",
        "availability": "сенбі",
    }
    base.update(kw)
    return VolunteerInput(**base)  # type: ignore[arg-type]


def _work(ctx: Context, vid: str, days_ago: int = 1, hours: str = "3", **kw: object
          ) -> AssignmentInput:
    return AssignmentInput(volunteer_id=vid, kind=str(kw.pop("kind", "booklets")),
                           done_on=ctx.today() - timedelta(days=days_ago),
                           hours=Decimal(hours), **kw)  # type: ignore[arg-type]


def _codes(info: pytest.ExceptionInfo[ValidationErrors]) -> set[str]:
    return {e.code for e in info.value.errors}


def test_no_consent_no_volunteer_and_iin_optional(ctx: Context) -> None:
    with pytest.raises(ValidationErrors) as info:
        create_volunteer(ctx, _vol(ctx, consent_date=None, consent_purposes=[]))
    assert {"volunteer.consent_required", "volunteer.consent_purposes"} <= _codes(info)
    assert "келісім" in info.value.text("kk") and "согласи" in info.value.text("ru")
    # purposes without the register itself are not enough
    with pytest.raises(ValidationErrors) as info:
        create_volunteer(ctx, _vol(ctx, consent_purposes=["network"]))
    assert _codes(info) == {"volunteer.consent_purposes"}
    view = create_volunteer(ctx, _vol(ctx))
    assert view.iin is None and view.phone == "+77011234567" and view.consent_form_version
    with ctx.db.session() as s:
        assert s.scalar(select(Volunteer.sort_name).where(Volunteer.id == view.id))


def test_assignment_needs_valid_consent_on_its_day(ctx: Context) -> None:
    v = create_volunteer(ctx, _vol(ctx, consent_date=ctx.today() - timedelta(days=5)))
    with pytest.raises(ValidationErrors) as info:  # before consent was given
        add_assignment(ctx, _work(ctx, v.id, days_ago=10))
    assert _codes(info) == {"volunteer.no_consent"}
    assert "келісім" in info.value.text("kk")
    row = add_assignment(ctx, _work(ctx, v.id, days_ago=2, hours="2,5".replace(",", ".")))
    assert row.hours == Decimal("2.50") and row.volunteer_name == v.full_name


def test_withdrawal_stops_new_assignments_and_keeps_old(ctx: Context) -> None:
    v = create_volunteer(ctx, _vol(ctx))
    add_assignment(ctx, _work(ctx, v.id, days_ago=3))
    w = withdraw_consent(ctx, v.id, ctx.today() - timedelta(days=1))
    assert not w.may_work(ctx.today())
    with pytest.raises(ValidationErrors) as info:
        add_assignment(ctx, _work(ctx, v.id, days_ago=0))
    assert _codes(info) == {"volunteer.no_consent"}
    # work done before the withdrawal may still be recorded, and the hours stay
    add_assignment(ctx, _work(ctx, v.id, days_ago=2, hours="1"))
    assert get_volunteer(ctx, v.id).hours == Decimal("4.00")
    assert list_volunteers(ctx, ListQuery(filters={"active": True})).total == 0
    # a new consent after the withdrawal starts again
    again = update_volunteer(ctx, v.id, _vol(ctx, consent_date=ctx.today()))
    assert again.consent_withdrawn_on is None and again.may_work(ctx.today())


def test_erase_keeps_anonymous_hours_and_blanks_the_log(ctx: Context) -> None:
    v = create_volunteer(ctx, _vol(ctx, iin="850515400002", sex=None, birth_year=None))
    add_assignment(ctx, _work(ctx, v.id, hours="5"))
    get_volunteer(ctx, v.id)
    erased = erase_volunteer(ctx, v.id)
    assert erased.erased and erased.full_name == "—" and erased.iin is None
    assert erased.phone is None and erased.skills == "" and erased.hours == Decimal("5.00")
    assert erased.sex is Sex.FEMALE and erased.age_group is not None
    with pytest.raises(ValidationErrors) as info:
        add_assignment(ctx, _work(ctx, v.id))
    assert _codes(info) == {"volunteer.no_consent"}
    with ctx.db.session() as s:
        log = s.scalars(select(AuditEntry).where(AuditEntry.entity == "volunteer")).all()
        text = json.dumps([[e.before, e.after] for e in log], ensure_ascii=False)
    assert "Айгүл" not in text and "850515400002" not in text and "7011234567" not in text
    assert {e.action for e in log} >= {"create", "view", "erase"}
    assert list_volunteers(ctx, ListQuery()).total == 0
    rows = list_assignments(ctx, ListQuery()).rows
    assert [(r.volunteer_name, r.hours) for r in rows] == [("—", Decimal("5.000"))]


def test_export_erase_and_delete_are_for_managers(ctx: Context,
                                                  consultant_ctx: Context) -> None:
    v = create_volunteer(consultant_ctx, _vol(consultant_ctx))
    for call in (export_volunteer, erase_volunteer):
        with pytest.raises(UserError) as info:
            call(consultant_ctx, v.id)
        assert info.value.code == "access.denied"
    data = export_volunteer(ctx, v.id)
    assert data["volunteer"]["full_name"] == "Айгүл Серікқызы"
    assert [e["action"] for e in data["access_log"]] == ["create"]


def test_other_center_sees_nothing(ctx: Context, other_center_ctx: Context) -> None:
    v = create_volunteer(ctx, _vol(ctx))
    with pytest.raises(UserError):
        get_volunteer(other_center_ctx, v.id)
    assert list_volunteers(other_center_ctx, ListQuery()).total == 0
    with pytest.raises(UserError):
        add_assignment(other_center_ctx, _work(other_center_ctx, v.id))


def test_list_in_kazakh_order_with_case_blind_search(ctx: Context) -> None:
    village = add_settlement(ctx, "Ақтоғай", "Актогай")
    for name in ("Ұлан Жандосов", "Әсел Нұрова", "Бақыт Ержанов", "Арман Қасымов"):
        create_volunteer(ctx, _vol(ctx, full_name=name, settlement_id=village.id))
    names = [r.full_name for r in list_volunteers(ctx, ListQuery()).rows]
    assert names == ["Арман Қасымов", "Әсел Нұрова", "Бақыт Ержанов", "Ұлан Жандосов"]
    desc = list_volunteers(ctx, ListQuery(descending=True)).rows
    assert desc[0].full_name == "Ұлан Жандосов"
    assert [r.full_name for r in list_volunteers(ctx, ListQuery(search="әСЕЛ")).rows] == [
        "Әсел Нұрова"]
    page = list_volunteers(ctx, ListQuery(offset=1, limit=2))
    assert page.total == 4 and [r.full_name for r in page.rows] == [
        "Әсел Нұрова", "Бақыт Ержанов"]
    assert list_volunteers(ctx, ListQuery(filters={"settlement_id": village.id})).total == 4


def test_orgs_and_aid_action_count_volunteers_and_hours(ctx: Context) -> None:
    org = save_org(ctx, OrgInput("Ақтоғай ауылдық округі әкімдігі", "akimat",
                                 contact_phone="87011112233"))
    assert org.contact_phone == "+77011112233"
    assert [o.name for o in list_orgs(ctx, ListQuery(search="әкім")).rows] == [org.name]
    with pytest.raises(ValidationErrors) as info:
        save_aid(ctx, AidInput("Көмір", ctx.today(), "kind", households=12))
    assert _codes(info) == {"aid.quantity"}
    with pytest.raises(ValidationErrors) as info:
        save_aid(ctx, AidInput("Ақша", ctx.today(), "money"))
    assert _codes(info) == {"aid.money_amount"}
    aid = save_aid(ctx, AidInput("Көмір мен отын", ctx.today() - timedelta(days=1), "kind",
                                 amount=Decimal("600000"), quantity=Decimal("12"),
                                 unit="тонна", households=12,
                                 services="коммуналдық қызмет", org_id=org.id))
    a = create_volunteer(ctx, _vol(ctx))
    b = create_volunteer(ctx, _vol(ctx, full_name="Бақыт Ержанов", sex=Sex.MALE))
    for v, h in ((a, "4"), (b, "3.5")):
        add_assignment(ctx, _work(ctx, v.id, kind="aid", hours=h, aid_action_id=aid.id))
    row = list_aid(ctx, ListQuery()).rows[0]
    assert (row.volunteers, row.hours, row.households) == (2, Decimal("7.50"), 12)
    assert row.amount == Decimal("600000.00") and row.unit == "тонна"
    only_aid = list_assignments(ctx, ListQuery(filters={"aid_action_id": aid.id}))
    assert only_aid.total == 2 and {r.linked for r in only_aid.rows} == {"Көмір мен отын"}


@pytest.mark.parametrize("hours", ["0", "25", "-1"])
def test_hours_out_of_range_are_refused(ctx: Context, hours: str) -> None:
    v = create_volunteer(ctx, _vol(ctx))
    with pytest.raises(ValidationErrors) as info:
        add_assignment(ctx, _work(ctx, v.id, hours=hours))
    assert _codes(info) == {"assignment.hours"}


def test_demo_volunteers_follow_the_rules(ctx: Context) -> None:
    from civicdesk.services.volunteer_demo import add_demo_volunteers

    made = add_demo_volunteers(ctx, 7)
    assert made >= 12
    assert list_volunteers(ctx, ListQuery()).total == 8
    assert list_volunteers(ctx, ListQuery(filters={"active": True})).total == 7
    aid = list_aid(ctx, ListQuery()).rows
    assert [(a.households, a.volunteers) for a in aid] == [(12, 4)]
