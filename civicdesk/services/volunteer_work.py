"""Volunteers' work: organisations that ask for volunteers, assignments with hours,
aid actions (what, how much, for how many households, with whom).

An assignment is refused for a volunteer without valid consent on its day (none given,
given later, withdrawn, or erased): ``volunteer.no_consent``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, Select, func, select, type_coerce

from civicdesk.db.models import (
    AidAction,
    Campaign,
    Seminar,
    Settlement,
    Volunteer,
    VolunteerAssignment,
    VolunteerOrg,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.phone import normalize_phone
from civicdesk.domain.validation import Collector
from civicdesk.domain.volunteers import consent_valid, validate_aid, validate_assignment
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    get_live,
    paged,
    record_change,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)

#: hours as stored (thousandths), so SQL sums add integers
_RAW_HOURS = type_coerce(VolunteerAssignment.hours, Integer)

__all__ = [
    "AidInput",
    "AidRow",
    "AssignmentInput",
    "AssignmentRow",
    "OrgInput",
    "OrgRow",
    "add_assignment",
    "delete_assignment",
    "list_aid",
    "list_assignments",
    "list_orgs",
    "save_aid",
    "save_org",
]

NO_CONSENT = Message(
    kk="Бұл еріктінің {day} күнге жарамды келісімі жоқ (берілмеген, кері қайтарылған "
    "немесе деректері жойылған): тапсырма беруге болмайды.",
    ru="У этого волонтёра нет действующего на {day} согласия (не дано, отозвано или "
    "данные удалены): поручение записать нельзя.",
)
ORG_NAME = Message(kk="Ұйымның атауын жазыңыз", ru="Укажите название организации")
ORG_KINDS = ("school", "akimat", "clinic", "ngo", "other")
THOU = Decimal(1000)


def _fmt_day(d: date) -> str:
    return d.strftime("%d.%m.%Y")


# =========================================================================== organisations


@dataclass(frozen=True)
class OrgInput:
    name: str
    kind: str = "other"
    settlement_id: str | None = None
    contact_name: str = ""
    contact_phone: str = ""
    needs: str = ""


@dataclass(frozen=True)
class OrgRow:
    id: str
    name: str
    kind: str
    settlement_kk: str | None
    settlement_ru: str | None
    contact_name: str
    contact_phone: str
    needs: str


def save_org(ctx: Context, data: OrgInput, org_id: str | None = None) -> OrgRow:
    c = Collector()
    name = " ".join((data.name or "").split())
    if not name:
        c.add("org.name", ORG_NAME, field="name")
    phone = ""
    if data.contact_phone.strip():
        phone = c.attempt(lambda: normalize_phone(data.contact_phone, field="contact_phone")) or ""
    c.raise_if_any()
    with ctx.db.session() as s:
        row = get_live(s, VolunteerOrg, org_id, ctx) if org_id else VolunteerOrg()
        before = snapshot(row) if org_id else None
        if data.settlement_id:
            get_live(s, Settlement, data.settlement_id)
        row.name, row.kind = name, data.kind if data.kind in ORG_KINDS else "other"
        row.settlement_id = data.settlement_id or None
        row.contact_name = " ".join(data.contact_name.split())
        row.contact_phone = phone
        row.needs = data.needs.strip()
        if org_id:
            stamp_update(ctx, row)
        else:
            stamp_new(ctx, row)
            s.add(row)
            s.flush()
        record_change(ctx, s, "volunteer_org", row, before)
        st = s.get(Settlement, row.settlement_id) if row.settlement_id else None
        return OrgRow(row.id, row.name, row.kind, st.name_kk if st else None,
                      st.name_ru if st else None, row.contact_name, row.contact_phone,
                      row.needs)


def list_orgs(ctx: Context, query: ListQuery) -> Page[OrgRow]:
    cols: list[Any] = [VolunteerOrg.id, VolunteerOrg.name, VolunteerOrg.kind, Settlement.name_kk,
                       Settlement.name_ru, VolunteerOrg.contact_name, VolunteerOrg.contact_phone,
                       VolunteerOrg.needs]
    stmt: Select[Any] = (select(*cols)
            .outerjoin(Settlement, Settlement.id == VolunteerOrg.settlement_id))
    stmt = scoped(ctx, stmt, VolunteerOrg)
    if query.search.strip():
        stmt = stmt.where(VolunteerOrg.sort_name.contains(
            collation_key(query.search.strip()), autoescape=True))
    stmt = apply_sort(stmt, query, {"name": VolunteerOrg.sort_name}, "name", VolunteerOrg.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [OrgRow(*r) for r in rows]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


# =========================================================================== assignments


@dataclass(frozen=True)
class AssignmentInput:
    volunteer_id: str
    kind: str
    done_on: date
    hours: Decimal | None
    settlement_id: str | None = None
    org_id: str | None = None
    campaign_id: str | None = None
    seminar_id: str | None = None
    aid_action_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class AssignmentRow:
    id: str
    done_on: date
    kind: str
    volunteer_id: str
    volunteer_name: str
    hours: Decimal
    settlement_kk: str | None
    settlement_ru: str | None
    linked: str  # the organisation, campaign, seminar or aid action served, if any
    note: str


def add_assignment(ctx: Context, data: AssignmentInput) -> AssignmentRow:
    """Record work done; refused when the volunteer's consent is not valid that day."""
    hours = validate_assignment(data.kind, data.done_on, data.hours, today=ctx.today())
    with ctx.db.session() as s:
        vol = get_live(s, Volunteer, data.volunteer_id, ctx)
        if vol.erased_at is not None or not consent_valid(
                vol.consent_date, vol.consent_purposes or [], vol.consent_withdrawn_on,
                data.done_on):
            raise ValidationErrors([ValidationError(
                "volunteer.no_consent", NO_CONSENT, field="volunteer",
                day=_fmt_day(data.done_on))])
        for model, ref in ((Settlement, data.settlement_id), (VolunteerOrg, data.org_id),
                           (Campaign, data.campaign_id), (Seminar, data.seminar_id),
                           (AidAction, data.aid_action_id)):
            if ref:
                get_live(s, model, ref, None if model is Settlement else ctx)
        row = VolunteerAssignment(
            volunteer_id=vol.id, kind=data.kind, done_on=data.done_on, hours=hours,
            settlement_id=data.settlement_id or vol.settlement_id,
            org_id=data.org_id or None, campaign_id=data.campaign_id or None,
            seminar_id=data.seminar_id or None, aid_action_id=data.aid_action_id or None,
            note=data.note.strip())
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "volunteer_assignment", row, None)
        return _assignment_rows(s, ctx, ListQuery(limit=1), {"id": row.id})[0][0]


def delete_assignment(ctx: Context, assignment_id: str) -> None:
    with ctx.db.session() as s:
        soft_delete(ctx, s, get_live(s, VolunteerAssignment, assignment_id, ctx),
                    "volunteer_assignment")


_LINKED = func.coalesce(VolunteerOrg.name, Campaign.title_kk, Seminar.title, AidAction.title, "")
ASSIGNMENT_SORTS: dict[str, Any] = {
    "done_on": VolunteerAssignment.done_on,
    "volunteer": Volunteer.sort_name,
    "kind": VolunteerAssignment.kind,
    "hours": VolunteerAssignment.hours,
}


def _assignment_rows(s: Any, ctx: Context, query: ListQuery, f: dict[str, Any]
                     ) -> tuple[list[AssignmentRow], int]:
    cols: list[Any] = [
        VolunteerAssignment.id, VolunteerAssignment.done_on, VolunteerAssignment.kind,
        Volunteer.id, Volunteer.full_name, VolunteerAssignment.hours, Settlement.name_kk,
        Settlement.name_ru, _LINKED, VolunteerAssignment.note]
    stmt: Select[Any] = (
        select(*cols)
        .join(Volunteer, Volunteer.id == VolunteerAssignment.volunteer_id)
        .outerjoin(Settlement, Settlement.id == VolunteerAssignment.settlement_id)
        .outerjoin(VolunteerOrg, VolunteerOrg.id == VolunteerAssignment.org_id)
        .outerjoin(Campaign, Campaign.id == VolunteerAssignment.campaign_id)
        .outerjoin(Seminar, Seminar.id == VolunteerAssignment.seminar_id)
        .outerjoin(AidAction, AidAction.id == VolunteerAssignment.aid_action_id)
    )
    stmt = scoped(ctx, stmt, VolunteerAssignment)
    for key, col in (("id", VolunteerAssignment.id), ("volunteer_id", Volunteer.id),
                     ("kind", VolunteerAssignment.kind),
                     ("aid_action_id", VolunteerAssignment.aid_action_id)):
        if f.get(key):
            stmt = stmt.where(col == f[key])
    if f.get("from"):
        stmt = stmt.where(VolunteerAssignment.done_on >= f["from"])
    if f.get("to"):
        stmt = stmt.where(VolunteerAssignment.done_on <= f["to"])
    if query.search.strip():
        stmt = stmt.where(Volunteer.sort_name.contains(collation_key(query.search.strip()),
                                                       autoescape=True))
    stmt = apply_sort(stmt, query, ASSIGNMENT_SORTS, "done_on", VolunteerAssignment.id)
    rows, total = paged(s, stmt, query)
    return [AssignmentRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9])
            for r in rows], total


def list_assignments(ctx: Context, query: ListQuery) -> Page[AssignmentRow]:
    """Filters: ``volunteer_id``, ``kind``, ``aid_action_id``, ``from``, ``to``;
    ``search``: a part of the volunteer's name in any case."""
    with ctx.db.session() as s:
        rows, total = _assignment_rows(s, ctx, query, query.filters)
    q = query.clamp()
    return Page(rows, total, q.offset, q.limit)


# =========================================================================== aid actions


@dataclass(frozen=True)
class AidInput:
    title: str
    done_on: date
    form: str
    amount: Decimal | None = None
    quantity: Decimal | None = None
    unit: str = ""
    households: int = 0
    services: str = ""
    settlement_id: str | None = None
    org_id: str | None = None
    note: str = ""


@dataclass(frozen=True)
class AidRow:
    id: str
    done_on: date
    title: str
    form: str
    amount: Decimal | None
    quantity: Decimal | None
    unit: str
    households: int
    services: str
    settlement_kk: str | None
    settlement_ru: str | None
    volunteers: int
    hours: Decimal


def save_aid(ctx: Context, data: AidInput, aid_id: str | None = None) -> AidRow:
    clean = validate_aid(data.title, data.form, data.amount, data.quantity, data.unit,
                         data.households, data.done_on, today=ctx.today())
    with ctx.db.session() as s:
        row = get_live(s, AidAction, aid_id, ctx) if aid_id else AidAction()
        before = snapshot(row) if aid_id else None
        if data.settlement_id:
            get_live(s, Settlement, data.settlement_id)
        if data.org_id:
            get_live(s, VolunteerOrg, data.org_id, ctx)
        row.title, row.form, row.done_on = clean.title, clean.form, data.done_on
        row.amount, row.quantity, row.unit = clean.amount, clean.quantity, clean.unit
        row.households, row.services = clean.households, data.services.strip()
        row.settlement_id, row.org_id = data.settlement_id or None, data.org_id or None
        row.note = data.note.strip()
        if aid_id:
            stamp_update(ctx, row)
        else:
            stamp_new(ctx, row)
            s.add(row)
            s.flush()
        record_change(ctx, s, "aid_action", row, before)
        rows, _ = _aid_rows(s, ctx, ListQuery(limit=1), {"id": row.id})
        return rows[0]


_AID_VOLS = (select(func.count(func.distinct(VolunteerAssignment.volunteer_id)))
             .where(VolunteerAssignment.aid_action_id == AidAction.id,
                    VolunteerAssignment.deleted.is_(False))
             .correlate(AidAction).scalar_subquery())
_AID_HOURS = (select(func.coalesce(func.sum(_RAW_HOURS), 0))
              .where(VolunteerAssignment.aid_action_id == AidAction.id,
                     VolunteerAssignment.deleted.is_(False))
              .correlate(AidAction).scalar_subquery())
AID_SORTS: dict[str, Any] = {
    "done_on": AidAction.done_on,
    "title": AidAction.title,
    "households": AidAction.households,
    "amount": AidAction.amount,
}


def _aid_rows(s: Any, ctx: Context, query: ListQuery, f: dict[str, Any]
              ) -> tuple[list[AidRow], int]:
    cols: list[Any] = [
        AidAction.id, AidAction.done_on, AidAction.title, AidAction.form, AidAction.amount,
        AidAction.quantity, AidAction.unit, AidAction.households, AidAction.services,
        Settlement.name_kk, Settlement.name_ru, _AID_VOLS, _AID_HOURS]
    stmt: Select[Any] = (select(*cols)
            .outerjoin(Settlement, Settlement.id == AidAction.settlement_id))
    stmt = scoped(ctx, stmt, AidAction)
    if f.get("id"):
        stmt = stmt.where(AidAction.id == f["id"])
    if query.search.strip():
        stmt = stmt.where(AidAction.title.contains(query.search.strip(), autoescape=True))
    stmt = apply_sort(stmt, query, AID_SORTS, "done_on", AidAction.id)
    rows, total = paged(s, stmt, query)
    return [AidRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                   (Decimal(int(r[12] or 0)) / THOU).quantize(Decimal("0.01")))
            for r in rows], total


def list_aid(ctx: Context, query: ListQuery) -> Page[AidRow]:
    with ctx.db.session() as s:
        rows, total = _aid_rows(s, ctx, query, query.filters)
    q = query.clamp()
    return Page(rows, total, q.offset, q.limit)
