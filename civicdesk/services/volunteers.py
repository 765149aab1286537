"""Volunteers: register with consent, find, withdraw consent, export and erase on request.

The same rules as residents: consent date and purposes are given by the person (the
form ticks nothing), the IIN is optional, opening a card is written to the audit log as
a view of personal data, a manager exports everything held on a person or erases it
(hours stay, anonymous). Assignments, organisations and aid actions are in
``volunteer_work``; statistics in ``volunteer_stats``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, Select, func, select, type_coerce

from civicdesk.db.models import AuditEntry, Settlement, Volunteer, VolunteerAssignment
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import AgeGroup, Role, Sex
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.volunteers import VOLUNTEER_FORM_VERSION, consent_valid, validate_volunteer
from civicdesk.services.audit_chain import mark_erased
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    audit,
    check_signed_in,
    get_live,
    jsonable,
    paged,
    record_change,
    require_role,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)

#: hours as stored (thousandths), so SQL sums add integers
_RAW_HOURS = type_coerce(VolunteerAssignment.hours, Integer)

__all__ = [
    "ERASED_NAME",
    "VolunteerInput",
    "VolunteerRow",
    "VolunteerView",
    "create_volunteer",
    "delete_volunteer",
    "erase_volunteer",
    "export_volunteer",
    "export_volunteer_json",
    "get_volunteer",
    "list_volunteers",
    "update_volunteer",
    "withdraw_consent",
]

ERASED_NAME = "—"
ERASED = "[erased]"
PERSONAL_FIELDS = ("full_name", "iin", "phone", "notes", "birth_year", "skills",
                   "availability")

ERASED_MSG = Message(
    kk="Бұл еріктінің деректері өтініші бойынша жойылған.",
    ru="Данные этого волонтёра удалены по его заявлению.",
)
IIN_TAKEN = Message(
    kk="Бұл ЖСН-мен ерікті бұрыннан тіркелген: {name}.",
    ru="Волонтёр с этим ИИН уже записан: {name}.",
)
WITHDRAW_DATE = Message(
    kk="Келісімді кері қайтару күні келісім күнінен ерте немесе болашақта болмауы керек.",
    ru="Дата отзыва согласия не может быть раньше даты согласия или в будущем.",
)


@dataclass(frozen=True)
class VolunteerInput:
    full_name: str
    iin: str | None = None
    sex: Sex | None = None
    birth_year: int | None = None
    phone: str | None = None
    settlement_id: str | None = None
    skills: str = ""
    availability: str = ""
    consent_date: date | None = None
    consent_purposes: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class VolunteerView:
    id: str
    full_name: str
    iin: str | None
    sex: Sex | None
    birth_year: int | None
    age_group: AgeGroup | None
    phone: str | None
    settlement_id: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    skills: str
    availability: str
    consent_date: date | None
    consent_form_version: str | None
    consent_purposes: list[str]
    consent_withdrawn_on: date | None
    notes: str
    erased: bool
    hours: Decimal
    rev: int

    def may_work(self, on: date) -> bool:
        return not self.erased and consent_valid(
            self.consent_date, self.consent_purposes, self.consent_withdrawn_on, on)


@dataclass(frozen=True)
class VolunteerRow:
    id: str
    full_name: str
    phone: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    skills: str
    availability: str
    consent_date: date | None
    withdrawn_on: date | None
    hours: Decimal


def _hours_of(s: Any, volunteer_id: str) -> Decimal:
    total = s.scalar(select(func.coalesce(func.sum(_RAW_HOURS), 0)).where(
        VolunteerAssignment.volunteer_id == volunteer_id,
        VolunteerAssignment.deleted.is_(False)))
    return (Decimal(int(total or 0)) / 1000).quantize(Decimal("0.01"))


def _view(s: Any, v: Volunteer) -> VolunteerView:
    st = s.get(Settlement, v.settlement_id) if v.settlement_id else None
    return VolunteerView(
        id=v.id, full_name=v.full_name, iin=v.iin, sex=Sex(v.sex) if v.sex else None,
        birth_year=v.birth_year, age_group=AgeGroup(v.age_group) if v.age_group else None,
        phone=v.phone, settlement_id=v.settlement_id,
        settlement_kk=st.name_kk if st else None, settlement_ru=st.name_ru if st else None,
        skills=v.skills, availability=v.availability, consent_date=v.consent_date,
        consent_form_version=v.consent_form_version,
        consent_purposes=list(v.consent_purposes or []),
        consent_withdrawn_on=v.consent_withdrawn_on, notes=v.notes,
        erased=v.erased_at is not None, hours=_hours_of(s, v.id), rev=v.rev,
    )


def _apply(ctx: Context, row: Volunteer, data: VolunteerInput) -> None:
    clean = validate_volunteer(data.full_name, data.iin, data.sex, data.birth_year, data.phone,
                               data.consent_date, data.consent_purposes, today=ctx.today())
    row.full_name = clean.full_name
    row.iin = clean.iin
    row.sex = clean.sex.value if clean.sex else None
    row.birth_year = clean.birth_year
    row.age_group = clean.age_group.value if clean.age_group else None
    row.phone = clean.phone
    row.settlement_id = data.settlement_id or None
    row.skills = (data.skills or "").strip()
    row.availability = (data.availability or "").strip()[:200]
    if row.consent_date != clean.consent_date or not row.consent_form_version:
        row.consent_form_version = VOLUNTEER_FORM_VERSION
        # a new consent given after a withdrawal starts again
        if row.consent_withdrawn_on is not None and clean.consent_date >= row.consent_withdrawn_on:
            row.consent_withdrawn_on = None
    row.consent_date = clean.consent_date
    row.consent_purposes = list(clean.consent_purposes)
    row.notes = (data.notes or "").strip()


def _refuse_same_iin(ctx: Context, s: Any, row: Volunteer) -> None:
    if not row.iin:
        return
    check_signed_in(ctx, s)
    stmt = scoped(ctx, select(Volunteer.full_name).where(
        Volunteer.iin == row.iin, Volunteer.id != (row.id or "")), Volunteer)
    other = s.scalar(stmt.limit(1))
    if other is not None:
        raise ValidationErrors([ValidationError("volunteer.iin_taken", IIN_TAKEN, field="iin",
                                                name=other)])


def create_volunteer(ctx: Context, data: VolunteerInput) -> VolunteerView:
    with ctx.db.session() as s:
        if data.settlement_id:
            get_live(s, Settlement, data.settlement_id)
        row = Volunteer()
        _apply(ctx, row, data)
        _refuse_same_iin(ctx, s, row)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "volunteer", row, None)
        return _view(s, row)


def update_volunteer(ctx: Context, volunteer_id: str, data: VolunteerInput) -> VolunteerView:
    with ctx.db.session() as s:
        row = get_live(s, Volunteer, volunteer_id, ctx)
        if row.erased_at is not None:
            raise ValidationErrors([ValidationError("volunteer.erased", ERASED_MSG)])
        if data.settlement_id:
            get_live(s, Settlement, data.settlement_id)
        before = snapshot(row)
        _apply(ctx, row, data)
        _refuse_same_iin(ctx, s, row)
        stamp_update(ctx, row)
        record_change(ctx, s, "volunteer", row, before)
        return _view(s, row)


def withdraw_consent(ctx: Context, volunteer_id: str, on: date) -> VolunteerView:
    """The person withdrew consent on ``on``: no new assignments from that day; the
    record stays (hours already given) until the person asks for erasure."""
    with ctx.db.session() as s:
        row = get_live(s, Volunteer, volunteer_id, ctx)
        if row.erased_at is not None:
            raise ValidationErrors([ValidationError("volunteer.erased", ERASED_MSG)])
        if on > ctx.today() or (row.consent_date is not None and on < row.consent_date):
            raise ValidationErrors([ValidationError(
                "volunteer.withdraw_date", WITHDRAW_DATE, field="consent_withdrawn_on")])
        before = snapshot(row)
        row.consent_withdrawn_on = on
        stamp_update(ctx, row)
        record_change(ctx, s, "volunteer", row, before)
        return _view(s, row)


def get_volunteer(ctx: Context, volunteer_id: str) -> VolunteerView:
    """Open a volunteer's card: written to the audit log as a view of personal data."""
    with ctx.db.session() as s:
        row = get_live(s, Volunteer, volunteer_id, ctx)
        audit(ctx, s, "view", "volunteer", row.id)
        return _view(s, row)


def delete_volunteer(ctx: Context, volunteer_id: str) -> None:
    """Soft delete (a tombstone for sync); a manager's decision."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        soft_delete(ctx, s, get_live(s, Volunteer, volunteer_id, ctx), "volunteer")


_HOURS = (
    select(func.coalesce(func.sum(_RAW_HOURS), 0))
    .where(VolunteerAssignment.volunteer_id == Volunteer.id,
           VolunteerAssignment.deleted.is_(False))
    .correlate(Volunteer)
    .scalar_subquery()
)

SORTS: dict[str, Any] = {
    "full_name": Volunteer.sort_name,  # Kazakh alphabetical order, indexed
    "settlement": Settlement.sort_name,
    "consent_date": Volunteer.consent_date,
    "hours": _HOURS,
    "created_at": Volunteer.created_at,
}


def list_volunteers(ctx: Context, query: ListQuery) -> Page[VolunteerRow]:
    """Paged, sorted and filtered in SQL. ``search`` finds a part of the name in any
    case (through the Kazakh sort key) or of the phone or skills; filters:
    ``settlement_id``, ``active`` (consent valid today), ``skill`` (a word)."""
    stmt: Select[Any] = (
        select(Volunteer.id, Volunteer.full_name, Volunteer.phone, Settlement.name_kk,
               Settlement.name_ru, Volunteer.skills, Volunteer.availability,
               Volunteer.consent_date, Volunteer.consent_withdrawn_on, _HOURS)
        .outerjoin(Settlement, Settlement.id == Volunteer.settlement_id)
        .where(Volunteer.erased_at.is_(None))
    )
    stmt = scoped(ctx, stmt, Volunteer)
    text = query.search.strip()
    if text:
        key = collation_key(text)
        stmt = stmt.where(
            Volunteer.sort_name.contains(key, autoescape=True)
            | Volunteer.phone.contains(text, autoescape=True)
            | Volunteer.skills.contains(text, autoescape=True))
    f = query.filters
    if f.get("settlement_id"):
        stmt = stmt.where(Volunteer.settlement_id == f["settlement_id"])
    if f.get("active"):
        today = ctx.today()
        stmt = stmt.where(Volunteer.consent_date <= today,
                          Volunteer.consent_withdrawn_on.is_(None)
                          | (Volunteer.consent_withdrawn_on > today))
    if f.get("skill"):
        stmt = stmt.where(Volunteer.skills.contains(str(f["skill"]), autoescape=True))
    stmt = apply_sort(stmt, query, SORTS, "full_name", Volunteer.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [VolunteerRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8],
                            (Decimal(int(r[9] or 0)) / 1000).quantize(Decimal("0.01")))
               for r in rows]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


def export_volunteer(ctx: Context, volunteer_id: str) -> dict[str, Any]:
    """Everything CivicDesk holds on a volunteer (a data subject's request)."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, Volunteer, volunteer_id, ctx)
        work = s.scalars(select(VolunteerAssignment).where(
            VolunteerAssignment.volunteer_id == volunteer_id).order_by(
            VolunteerAssignment.done_on)).all()
        log = s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "volunteer", AuditEntry.entity_id == volunteer_id
        ).order_by(AuditEntry.at)).all()
        data = {
            "exported_at": jsonable(ctx.now()),
            "exported_by": ctx.actor.user_name,
            "volunteer": snapshot(row),
            "assignments": [snapshot(a) for a in work],
            "access_log": [{"at": jsonable(e.at), "who": e.user_name, "action": e.action}
                           for e in log],
        }
        audit(ctx, s, "export", "volunteer", row.id)
        return data


def export_volunteer_json(ctx: Context, volunteer_id: str) -> str:
    return json.dumps(export_volunteer(ctx, volunteer_id), ensure_ascii=False, indent=2)


def erase_volunteer(ctx: Context, volunteer_id: str) -> VolunteerView:
    """Erase a volunteer's data on request: name, IIN, phone, notes, exact birth year,
    skills and availability go, and so do their values in earlier audit entries; sex,
    age group, settlement and the assignments' hours stay (anonymous counts)."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, Volunteer, volunteer_id, ctx)
        row.full_name = ERASED_NAME
        row.iin = None
        row.phone = None
        row.notes = ""
        row.birth_year = None
        row.skills = ""
        row.availability = ""
        row.consent_purposes = []
        row.consent_withdrawn_on = row.consent_withdrawn_on or ctx.today()
        row.erased_at = ctx.now()
        stamp_update(ctx, row)
        for entry in s.scalars(select(AuditEntry).where(
                AuditEntry.entity == "volunteer", AuditEntry.entity_id == volunteer_id)):
            entry.before = mark_erased(_scrub(entry.before))
            entry.after = mark_erased(_scrub(entry.after))
        audit(ctx, s, "erase", "volunteer", row.id)
        return _view(s, row)


def _scrub(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values:
        return values
    return {k: (ERASED if k in PERSONAL_FIELDS and v not in (None, "") else v)
            for k, v in values.items()}
