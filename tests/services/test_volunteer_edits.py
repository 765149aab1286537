"""Organisations, assignments and aid actions corrected and deleted: the checks, who may
delete, the refusals while other records name a row, the audit entries and the outbox
rows that carry each change (a deletion is a tombstone sent like any change)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from civicdesk.db.models import AuditEntry
from civicdesk.domain.enums import Sex
from civicdesk.domain.errors import UserError, ValidationErrors
from civicdesk.services.base import Context, ListQuery
from civicdesk.services.campaign_demo import DEMO_QUESTIONS
from civicdesk.services.campaigns import CampaignInput, create_campaign
from civicdesk.services.seminars import SeminarInput, create_seminar
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    OrgInput,
    add_assignment,
    delete_aid,
    delete_assignment,
    delete_org,
    link_choices,
    list_aid,
    list_assignments,
    list_orgs,
    save_aid,
    save_org,
    update_assignment,
)
from civicdesk.services.volunteers import (
    VolunteerInput,
    create_volunteer,
    get_volunteer,
    withdraw_consent,
)


def _codes(info: pytest.ExceptionInfo[ValidationErrors]) -> set[str]:
    for e in info.value.errors:
        assert e.message.kk.strip() and e.message.ru.strip()
    return {e.code for e in info.value.errors}


def _log(ctx: Context, entity: str, entity_id: str) -> list[AuditEntry]:
    with ctx.db.session() as s:
        rows = s.scalars(select(AuditEntry).where(
            AuditEntry.entity == entity, AuditEntry.entity_id == entity_id
        ).order_by(AuditEntry.at, AuditEntry.id)).all()
        s.expunge_all()
        return list(rows)


def _pushed(ctx: Context) -> None:
    """As after a push: nothing waits in the outbox."""
    with ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM sync_outbox"))


def _queued(ctx: Context, table: str, row_id: str) -> set[str]:
    """The columns the outbox will send of a row (a tombstone sends ``deleted``)."""
    with ctx.db.engine.connect() as conn:
        found = conn.execute(text(
            "SELECT op, changed FROM sync_outbox WHERE table_name = :t AND row_id = :r"),
            {"t": table, "r": row_id}).all()
    assert [op for op, _ in found] == ["upsert"]
    return {c for c in str(found[0][1]).split(",") if c}


def _volunteer(ctx: Context, name: str = "Айгүл Серікқызы", days: int = 30) -> str:
    return create_volunteer(ctx, VolunteerInput(
        full_name=name, sex=Sex.FEMALE, consent_date=ctx.today() - timedelta(days=days),
        consent_purposes=["register"])).id


def _work(vid: str, day: date, hours: str = "3", **kw: object) -> AssignmentInput:
    return AssignmentInput(volunteer_id=vid, kind=str(kw.pop("kind", "booklets")),
                           done_on=day, hours=Decimal(hours), **kw)  # type: ignore[arg-type]


# ----------------------------------------------------------------------- organisations


def test_org_is_checked_corrected_and_listed_in_sql(ctx: Context) -> None:
    with pytest.raises(ValidationErrors) as info:
        save_org(ctx, OrgInput("  ", "bank", contact_phone="123"))
    assert _codes(info) == {"org.name", "org.kind", "phone.invalid"}
    with pytest.raises(ValidationErrors) as info:
        save_org(ctx, OrgInput("М" * 301, "school"))
    assert _codes(info) == {"org.name_length"}
    school = save_org(ctx, OrgInput("Мектеп №3", "school", needs="кітапхана"))
    clinic = save_org(ctx, OrgInput("Ауылдық емхана", "clinic"))
    akimat = save_org(ctx, OrgInput("Әкімдік", "akimat"))
    fixed = save_org(ctx, OrgInput("Ауылдық емхана №1", "clinic", contact_name="Дана",
                                   contact_phone="8 701 111 22 33"), clinic.id)
    assert (fixed.id, fixed.name, fixed.contact_phone) == (clinic.id, "Ауылдық емхана №1",
                                                           "+77011112233")
    [update] = [e for e in _log(ctx, "volunteer_org", clinic.id) if e.action == "update"]
    assert update.before == {"name": "Ауылдық емхана", "contact_name": "",
                             "contact_phone": ""}
    assert update.after is not None and update.after["name"] == "Ауылдық емхана №1"
    names = [o.name for o in list_orgs(ctx, ListQuery()).rows]
    assert names == ["Ауылдық емхана №1", "Әкімдік", "Мектеп №3"]  # А Ә … in Kazakh order
    assert [o.id for o in list_orgs(ctx, ListQuery(filters={"kind": "akimat"})).rows] == [
        akimat.id]
    assert [o.id for o in list_orgs(ctx, ListQuery(search="ӘКІМ")).rows] == [akimat.id]
    assert [o.id for o in list_orgs(ctx, ListQuery(search="кітап")).rows] == [school.id]
    page = list_orgs(ctx, ListQuery(limit=2, sort="name", descending=True))
    assert page.total == 3 and [o.id for o in page.rows] == [school.id, akimat.id]


def test_org_delete_is_refused_while_named_and_for_consultants(
        ctx: Context, consultant_ctx: Context) -> None:
    org = save_org(consultant_ctx, OrgInput("№3 мектеп", "school"))
    vid = _volunteer(ctx)
    work = add_assignment(ctx, _work(vid, ctx.today(), org_id=org.id))
    aid = save_aid(ctx, AidInput("Ақша", ctx.today(), "money", amount=Decimal(1000),
                                 org_id=org.id))
    with pytest.raises(UserError) as denied:
        delete_org(consultant_ctx, org.id)
    assert denied.value.code == "access.denied"
    with pytest.raises(ValidationErrors) as info:
        delete_org(ctx, org.id)
    assert _codes(info) == {"volunteer_org.in_use"}
    assert "1" in info.value.text("kk") and "нельзя удалить" in info.value.text("ru")
    assert list_orgs(ctx, ListQuery()).rows[0].assignments == 1
    delete_assignment(ctx, work.id)
    with pytest.raises(ValidationErrors):
        delete_org(ctx, org.id)  # the aid action still names it
    delete_aid(ctx, aid.id)
    _pushed(ctx)
    delete_org(ctx, org.id)
    assert list_orgs(ctx, ListQuery()).total == 0
    assert [e.action for e in _log(ctx, "volunteer_org", org.id)] == ["create", "delete"]
    assert "deleted" in _queued(ctx, "volunteer_orgs", org.id)


# ------------------------------------------------------------------------- assignments


def test_assignment_is_corrected_with_the_same_checks_and_audited(ctx: Context) -> None:
    vid = _volunteer(ctx, days=30)
    other = _volunteer(ctx, "Бақыт Ержанова", days=5)
    campaign = create_campaign(ctx, CampaignInput("Науқан", "Кампания", ctx.today(),
                                                  DEMO_QUESTIONS))
    seminar = create_seminar(ctx, SeminarInput("Заң сауаттылығы", ctx.today()))
    work = add_assignment(ctx, _work(vid, ctx.today() - timedelta(days=10), note="ескі"))
    _pushed(ctx)
    fixed = update_assignment(ctx, work.id, _work(
        vid, ctx.today() - timedelta(days=2), "4,5".replace(",", "."), kind="survey",
        campaign_id=campaign.id, seminar_id=seminar.id, note="жаңа"))
    assert (fixed.id, fixed.kind, fixed.hours, fixed.note) == (
        work.id, "survey", Decimal("4.500"), "жаңа")
    assert (fixed.campaign_id, fixed.seminar_id) == (campaign.id, seminar.id)
    assert (fixed.linked, fixed.linked_ru) == ("Науқан", "Кампания")
    assert get_volunteer(ctx, vid).hours == Decimal("4.50")
    [update] = [e for e in _log(ctx, "volunteer_assignment", work.id) if e.action == "update"]
    assert update.before is not None and update.after is not None
    assert update.before["kind"] == "booklets" and update.after["kind"] == "survey"
    assert update.after["campaign_id"] == campaign.id
    assert {"kind", "done_on", "hours", "campaign_id", "seminar_id", "note"} <= _queued(
        ctx, "volunteer_assignments", work.id)
    # moved to a day before the other volunteer's consent: refused, nothing changes
    with pytest.raises(ValidationErrors) as info:
        update_assignment(ctx, work.id, _work(other, ctx.today() - timedelta(days=10)))
    assert _codes(info) == {"volunteer.no_consent"}
    with pytest.raises(ValidationErrors) as info:
        update_assignment(ctx, work.id, _work(vid, ctx.today(), "25"))
    assert _codes(info) == {"assignment.hours"}
    withdraw_consent(ctx, vid, ctx.today() - timedelta(days=1))
    with pytest.raises(ValidationErrors) as info:
        update_assignment(ctx, work.id, _work(vid, ctx.today()))
    assert _codes(info) == {"volunteer.no_consent"}
    assert list_assignments(ctx, ListQuery()).rows[0].hours == Decimal("4.500")
    # work done before the withdrawal may still be corrected
    update_assignment(ctx, work.id, _work(vid, ctx.today() - timedelta(days=3), "2"))
    assert get_volunteer(ctx, vid).hours == Decimal("2.00")


def test_assignment_delete_is_for_managers_audited_and_queued(
        ctx: Context, consultant_ctx: Context) -> None:
    vid = _volunteer(ctx)
    work = add_assignment(consultant_ctx, _work(vid, ctx.today(), "5"))
    with pytest.raises(UserError) as denied:
        delete_assignment(consultant_ctx, work.id)
    assert denied.value.code == "access.denied"
    _pushed(ctx)
    delete_assignment(ctx, work.id)
    assert list_assignments(ctx, ListQuery()).total == 0
    assert get_volunteer(ctx, vid).hours == Decimal("0.00")
    log = _log(ctx, "volunteer_assignment", work.id)
    assert [e.action for e in log] == ["create", "delete"]
    assert log[1].before is not None and log[1].before["hours"] == "5.000"
    assert "deleted" in _queued(ctx, "volunteer_assignments", work.id)
    with pytest.raises(UserError) as gone:
        update_assignment(ctx, work.id, _work(vid, ctx.today()))
    assert gone.value.code == "not_found"


# ------------------------------------------------------------------------- aid actions


def test_aid_is_corrected_and_delete_refused_while_named(
        ctx: Context, consultant_ctx: Context) -> None:
    aid = save_aid(consultant_ctx, AidInput("Көмір", ctx.today(), "kind",
                                            quantity=Decimal(3), unit="тонна", households=4))
    with pytest.raises(ValidationErrors) as info:
        save_aid(ctx, AidInput("Көмір", ctx.today(), "kind", households=4), aid.id)
    assert _codes(info) == {"aid.quantity"}
    fixed = save_aid(consultant_ctx, AidInput("Көмір мен отын", ctx.today(), "kind",
                                              quantity=Decimal(5), unit="тонна",
                                              households=6, note="түзетілді"), aid.id)
    assert (fixed.id, fixed.title, fixed.households, fixed.note) == (
        aid.id, "Көмір мен отын", 6, "түзетілді")
    [update] = [e for e in _log(ctx, "aid_action", aid.id) if e.action == "update"]
    assert update.before is not None and update.before["households"] == 4
    vid = _volunteer(ctx)
    work = add_assignment(ctx, _work(vid, ctx.today(), kind="aid", aid_action_id=aid.id))
    with pytest.raises(UserError) as denied:
        delete_aid(consultant_ctx, aid.id)
    assert denied.value.code == "access.denied"
    with pytest.raises(ValidationErrors) as info:
        delete_aid(ctx, aid.id)
    assert _codes(info) == {"aid.in_use"}
    assert list_aid(ctx, ListQuery()).total == 1
    delete_assignment(ctx, work.id)
    _pushed(ctx)
    delete_aid(ctx, aid.id)
    assert list_aid(ctx, ListQuery()).total == 0
    assert [e.action for e in _log(ctx, "aid_action", aid.id)] == [
        "create", "update", "delete"]
    assert "deleted" in _queued(ctx, "aid_actions", aid.id)


def test_link_choices_are_the_centers_in_kazakh_order(
        ctx: Context, other_center_ctx: Context) -> None:
    for kk, ru in (("Ұлттық науқан", "Национальная кампания"), ("Әйелдер құқығы", "Права"),
                   ("Бала құқығы", "Права ребёнка")):
        create_campaign(ctx, CampaignInput(kk, ru, ctx.today(), DEMO_QUESTIONS))
    for title in ("Қазақ тілі", "Жер заңы", "Ауыл шаруашылығы"):
        create_seminar(ctx, SeminarInput(title, ctx.today()))
    create_seminar(other_center_ctx, SeminarInput("Басқа орталық", ctx.today()))
    campaigns, seminars = link_choices(ctx)
    assert [c.title_kk for c in campaigns] == ["Әйелдер құқығы", "Бала құқығы",
                                               "Ұлттық науқан"]
    assert campaigns[0].title("ru") == "Права"
    assert [s.title("kk") for s in seminars] == ["Ауыл шаруашылығы", "Жер заңы", "Қазақ тілі"]
