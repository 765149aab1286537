"""Organisations that ask for volunteers (a school, akimat, clinic, NGO): the list,
sorted and filtered in SQL, and the card; and the campaigns and seminars an assignment
may name.

Anyone of the center records and corrects an organisation; deleting one is a
manager's decision (as for volunteers) and is refused while an assignment or an aid
action still names it (``volunteer_org.in_use``): the hours would lose what they
served. A deletion is a tombstone (``deleted``) that the outbox triggers send like any
other change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, func, select

from civicdesk.db.collation import kk_order
from civicdesk.db.models import (
    AidAction,
    Campaign,
    Seminar,
    Settlement,
    VolunteerAssignment,
    VolunteerOrg,
)
from civicdesk.domain.collation import collation_key
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.phone import normalize_phone
from civicdesk.domain.validation import Collector
from civicdesk.domain.volunteers import ORG_KINDS
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

__all__ = [
    "LinkChoice",
    "OrgInput",
    "OrgRow",
    "delete_org",
    "link_choices",
    "list_orgs",
    "save_org",
]

MAX_ORG_NAME = 300
MAX_CONTACT = 200
#: campaigns and seminars an assignment form offers: the latest of each by date
CHOICE_LIMIT = 500

ORG_NAME = Message(kk="Ұйымның атауын жазыңыз", ru="Укажите название организации")
ORG_NAME_LONG = Message(kk="Ұйымның атауы тым ұзын ({max} таңбадан аспауы керек)",
                        ru="Название организации слишком длинное (не более {max} символов)")
ORG_KIND = Message(kk="Ұйым түрін тізімнен таңдаңыз", ru="Выберите вид организации из списка")
ORG_CONTACT_LONG = Message(kk="Байланыс адамының аты тым ұзын ({max} таңбадан аспауы керек)",
                           ru="Имя контактного лица слишком длинное (не более {max} символов)")
ORG_IN_USE = Message(
    kk="Бұл ұйымды жоюға болмайды: оған {assignments} тапсырма және {aid} көмек шарасы "
    "сілтеме жасайды. Алдымен оларда басқа ұйымды таңдаңыз немесе оларды жойыңыз.",
    ru="Эту организацию нельзя удалить: на неё ссылаются поручений — {assignments}, "
    "акций помощи — {aid}. Сначала выберите в них другую организацию или удалите их.",
)


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
    settlement_id: str | None = None
    #: live assignments that name the organisation
    assignments: int = 0


def _clean(data: OrgInput) -> tuple[str, str, str]:
    """The name, contact name and phone as stored; every wrong field at once."""
    c = Collector()
    name = " ".join((data.name or "").split())
    if not name:
        c.add("org.name", ORG_NAME, field="name")
    elif len(name) > MAX_ORG_NAME:
        c.add("org.name_length", ORG_NAME_LONG, field="name", max=MAX_ORG_NAME)
    if data.kind not in ORG_KINDS:
        c.add("org.kind", ORG_KIND, field="kind")
    contact = " ".join((data.contact_name or "").split())
    if len(contact) > MAX_CONTACT:
        c.add("org.contact_length", ORG_CONTACT_LONG, field="contact_name", max=MAX_CONTACT)
    phone = ""
    if (data.contact_phone or "").strip():
        phone = c.attempt(lambda: normalize_phone(data.contact_phone, field="contact_phone")) or ""
    c.raise_if_any()
    return name, contact, phone


def save_org(ctx: Context, data: OrgInput, org_id: str | None = None) -> OrgRow:
    """Record a new organisation (``org_id`` None) or correct one; audited."""
    name, contact, phone = _clean(data)
    with ctx.db.session() as s:
        row = get_live(s, VolunteerOrg, org_id, ctx) if org_id else VolunteerOrg()
        before = snapshot(row) if org_id else None
        if data.settlement_id:
            get_live(s, Settlement, data.settlement_id)
        row.name, row.kind = name, data.kind
        row.settlement_id = data.settlement_id or None
        row.contact_name, row.contact_phone = contact, phone
        row.needs = (data.needs or "").strip()
        if org_id:
            stamp_update(ctx, row)
        else:
            stamp_new(ctx, row)
            s.add(row)
            s.flush()
        record_change(ctx, s, "volunteer_org", row, before)
        rows, _ = _org_rows(s, ctx, ListQuery(limit=1), {"id": row.id})
        return rows[0]


def delete_org(ctx: Context, org_id: str) -> None:
    """A manager's decision; refused while assignments or aid actions name it."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, VolunteerOrg, org_id, ctx)
        used = int(s.scalar(select(func.count()).where(
            VolunteerAssignment.org_id == org_id,
            VolunteerAssignment.deleted.is_(False))) or 0)
        aid = int(s.scalar(select(func.count()).where(
            AidAction.org_id == org_id, AidAction.deleted.is_(False))) or 0)
        if used or aid:
            raise ValidationErrors([ValidationError(
                "volunteer_org.in_use", ORG_IN_USE, assignments=used, aid=aid)])
        soft_delete(ctx, s, row, "volunteer_org")


_ORG_WORK = (select(func.count())
             .where(VolunteerAssignment.org_id == VolunteerOrg.id,
                    VolunteerAssignment.deleted.is_(False))
             .correlate(VolunteerOrg).scalar_subquery())
ORG_SORTS: dict[str, Any] = {
    "name": VolunteerOrg.sort_name,  # Kazakh alphabetical order, indexed
    "kind": VolunteerOrg.kind,
    "settlement": Settlement.sort_name,
    "contact_name": kk_order(VolunteerOrg.contact_name),
    "assignments": _ORG_WORK,
}


def _org_rows(s: Any, ctx: Context, query: ListQuery, f: dict[str, Any]
              ) -> tuple[list[OrgRow], int]:
    cols: list[Any] = [VolunteerOrg.id, VolunteerOrg.name, VolunteerOrg.kind, Settlement.name_kk,
                       Settlement.name_ru, VolunteerOrg.contact_name, VolunteerOrg.contact_phone,
                       VolunteerOrg.needs, VolunteerOrg.settlement_id, _ORG_WORK]
    stmt: Select[Any] = (select(*cols)
                         .outerjoin(Settlement, Settlement.id == VolunteerOrg.settlement_id))
    stmt = scoped(ctx, stmt, VolunteerOrg)
    if f.get("id"):
        stmt = stmt.where(VolunteerOrg.id == f["id"])
    if f.get("kind"):
        stmt = stmt.where(VolunteerOrg.kind == f["kind"])
    if f.get("settlement_id"):
        stmt = stmt.where(VolunteerOrg.settlement_id == f["settlement_id"])
    text = query.search.strip()
    if text:
        stmt = stmt.where(VolunteerOrg.sort_name.contains(collation_key(text), autoescape=True)
                          | VolunteerOrg.needs.contains(text, autoescape=True))
    stmt = apply_sort(stmt, query, ORG_SORTS, "name", VolunteerOrg.id)
    rows, total = paged(s, stmt, query)
    return [OrgRow(*r) for r in rows], total


def list_orgs(ctx: Context, query: ListQuery) -> Page[OrgRow]:
    """Paged, sorted and filtered in SQL. ``search``: a part of the name in any case
    (through the Kazakh sort key) or of the needs as written; filters ``kind``, ``settlement_id``."""
    with ctx.db.session() as s:
        rows, total = _org_rows(s, ctx, query, query.filters)
    q = query.clamp()
    return Page(rows, total, q.offset, q.limit)


# ======================================================================= link choices


@dataclass(frozen=True)
class LinkChoice:
    """A campaign or seminar an assignment may name."""

    id: str
    title_kk: str
    title_ru: str
    day: date

    def title(self, lang: str) -> str:
        return self.title_ru if lang == "ru" else self.title_kk


def link_choices(ctx: Context) -> tuple[list[LinkChoice], list[LinkChoice]]:
    """The center's campaigns and seminars (the latest ``CHOICE_LIMIT`` of each), in
    Kazakh alphabetical order of their titles."""
    with ctx.db.session() as s:
        recent_c = scoped(ctx, select(Campaign.id), Campaign).order_by(
            Campaign.starts_on.desc()).limit(CHOICE_LIMIT).subquery()
        campaigns = s.execute(
            select(Campaign.id, Campaign.title_kk, Campaign.title_ru, Campaign.starts_on)
            .where(Campaign.id.in_(select(recent_c.c.id)))
            .order_by(kk_order(Campaign.title_kk), Campaign.id)).all()
        recent_s = scoped(ctx, select(Seminar.id), Seminar).order_by(
            Seminar.held_on.desc()).limit(CHOICE_LIMIT).subquery()
        seminars = s.execute(
            select(Seminar.id, Seminar.title, Seminar.title, Seminar.held_on)
            .where(Seminar.id.in_(select(recent_s.c.id)))
            .order_by(kk_order(Seminar.title), Seminar.id)).all()
    return ([LinkChoice(*r) for r in campaigns], [LinkChoice(*r) for r in seminars])
