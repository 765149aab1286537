"""Volunteers' work: assignments with hours, aid actions (what, how much, for how many
households, with whom); organisations are in ``volunteer_orgs`` (re-exported here).

An assignment is recorded or corrected only for a volunteer with valid consent on its
day (none given, given later, withdrawn, or erased: ``volunteer.no_consent``). Anyone
of the center records and corrects work and aid; deleting either is a manager's
decision, as for volunteers, and an aid action is not deleted while assignments name it
(``aid.in_use``). Every change is audited; a deletion is a tombstone (``deleted``) that
the outbox triggers send like any other change.
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
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.volunteers import consent_valid, validate_aid, validate_assignment
from civicdesk.services.base import (
    Context,
    ListQuery,
    Page,
    apply_sort,
    get_live,
    paged,
    record_change,
    require_role,
    scoped,
    snapshot,
    soft_delete,
    stamp_new,
    stamp_update,
)
from civicdesk.services.volunteer_orgs import (
    LinkChoice,
    OrgInput,
    OrgRow,
    delete_org,
    link_choices,
    list_orgs,
    save_org,
)

#: hours as stored (thousandths), so SQL sums add integers
_RAW_HOURS = type_coerce(VolunteerAssignment.hours, Integer)

__all__ = [
    "AidInput",
    "AidRow",
    "AssignmentInput",
    "AssignmentRow",
    "LinkChoice",
    "OrgInput",
    "OrgRow",
    "add_assignment",
    "delete_aid",
    "delete_assignment",
    "delete_org",
    "link_choices",
    "list_aid",
    "list_assignments",
    "list_orgs",
    "save_aid",
    "save_org",
    "update_assignment",
]

NO_CONSENT = Message(
    kk="Бұл еріктінің {day} күнге жарамды келісімі жоқ (берілмеген, кері қайтарылған "
    "немесе деректері жойылған): тапсырма беруге болмайды.",
    ru="У этого волонтёра нет действующего на {day} согласия (не дано, отозвано или "
    "данные удалены): поручение записать нельзя.",
)
AID_IN_USE = Message(
    kk="Бұл көмек шарасын жоюға болмайды: оған {n} тапсырма сілтеме жасайды. Алдымен "
    "тапсырмаларда басқа шараны таңдаңыз немесе оларды жойыңыз.",
    ru="Эту акцию помощи нельзя удалить: на неё ссылаются поручений — {n}. Сначала "
    "выберите в поручениях другую акцию или удалите их.",
)
THOU = Decimal(1000)


def _fmt_day(d: date) -> str:
    return d.strftime("%d.%m.%Y")


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
    settlement_id: str | None = None
    org_id: str | None = None
    campaign_id: str | None = None
    seminar_id: str | None = None
    aid_action_id: str | None = None
    #: ``linked`` as a Russian screen shows it (a campaign has a title in each language)
    linked_ru: str = ""


def _checked_work(ctx: Context, s: Any, data: AssignmentInput) -> tuple[Volunteer, Decimal]:
    """The volunteer and the hours, once the consent on the day and every linked record
    are checked."""
    hours = validate_assignment(data.kind, data.done_on, data.hours, today=ctx.today())
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
    return vol, hours


def _put_work(row: VolunteerAssignment, vol: Volunteer, hours: Decimal,
              data: AssignmentInput) -> None:
    row.volunteer_id, row.kind, row.done_on, row.hours = vol.id, data.kind, data.done_on, hours
    row.settlement_id = data.settlement_id or vol.settlement_id
    row.org_id, row.campaign_id = data.org_id or None, data.campaign_id or None
    row.seminar_id, row.aid_action_id = data.seminar_id or None, data.aid_action_id or None
    row.note = data.note.strip()


def add_assignment(ctx: Context, data: AssignmentInput) -> AssignmentRow:
    """Record work done; refused when the volunteer's consent is not valid that day."""
    with ctx.db.session() as s:
        vol, hours = _checked_work(ctx, s, data)
        row = VolunteerAssignment()
        _put_work(row, vol, hours, data)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "volunteer_assignment", row, None)
        return _assignment_rows(s, ctx, ListQuery(limit=1), {"id": row.id})[0][0]


def update_assignment(ctx: Context, assignment_id: str, data: AssignmentInput
                      ) -> AssignmentRow:
    """Correct recorded work (the same checks as a new one, on the day it now names);
    the changed fields are audited."""
    with ctx.db.session() as s:
        row = get_live(s, VolunteerAssignment, assignment_id, ctx)
        before = snapshot(row)
        vol, hours = _checked_work(ctx, s, data)
        _put_work(row, vol, hours, data)
        stamp_update(ctx, row)
        record_change(ctx, s, "volunteer_assignment", row, before)
        return _assignment_rows(s, ctx, ListQuery(limit=1), {"id": row.id})[0][0]


def delete_assignment(ctx: Context, assignment_id: str) -> None:
    """A manager's decision: the hours leave the volunteer's total and the statistics."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        soft_delete(ctx, s, get_live(s, VolunteerAssignment, assignment_id, ctx),
                    "volunteer_assignment")


_LINKED = func.coalesce(VolunteerOrg.name, Campaign.title_kk, Seminar.title, AidAction.title, "")
_LINKED_RU = func.coalesce(VolunteerOrg.name, Campaign.title_ru, Seminar.title, AidAction.title,
                           "")
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
        Settlement.name_ru, _LINKED, VolunteerAssignment.note,
        VolunteerAssignment.settlement_id, VolunteerAssignment.org_id,
        VolunteerAssignment.campaign_id, VolunteerAssignment.seminar_id,
        VolunteerAssignment.aid_action_id, _LINKED_RU]
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
    return [AssignmentRow(*r) for r in rows], total


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
    settlement_id: str | None = None
    org_id: str | None = None
    note: str = ""


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


def delete_aid(ctx: Context, aid_id: str) -> None:
    """A manager's decision; refused while assignments name the aid action."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, AidAction, aid_id, ctx)
        used = int(s.scalar(select(func.count()).where(
            VolunteerAssignment.aid_action_id == aid_id,
            VolunteerAssignment.deleted.is_(False))) or 0)
        if used:
            raise ValidationErrors([ValidationError("aid.in_use", AID_IN_USE, n=used)])
        soft_delete(ctx, s, row, "aid_action")


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
        Settlement.name_kk, Settlement.name_ru, _AID_VOLS, _AID_HOURS, AidAction.settlement_id,
        AidAction.org_id, AidAction.note]
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
                   (Decimal(int(r[12] or 0)) / THOU).quantize(Decimal("0.01")),
                   r[13], r[14], r[15])
            for r in rows], total


def list_aid(ctx: Context, query: ListQuery) -> Page[AidRow]:
    with ctx.db.session() as s:
        rows, total = _aid_rows(s, ctx, query, query.filters)
    q = query.clamp()
    return Page(rows, total, q.offset, q.limit)
