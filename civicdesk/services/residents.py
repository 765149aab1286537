"""Residents: register with consent, find, see history, export and erase on request."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select, text

from civicdesk.db.models import (
    AuditEntry,
    Consultation,
    MeetingAttendee,
    Resident,
    SeminarParticipant,
    Settlement,
)
from civicdesk.domain.enums import AgeGroup, Role, Sex
from civicdesk.domain.errors import Message, ValidationError, ValidationErrors
from civicdesk.domain.residents import CONSENT_FORM_VERSION, age_group, validate_resident
from civicdesk.domain.text import fts_query
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
from civicdesk.services.permissions import authorize

ERASED_NAME = "—"
ERASED = "[erased]"
PERSONAL_FIELDS = ("full_name", "iin", "phone", "notes", "birth_year")


@dataclass(frozen=True)
class ResidentInput:
    full_name: str
    iin: str | None = None
    sex: Sex | None = None
    birth_year: int | None = None
    phone: str | None = None
    settlement_id: str | None = None
    disability: bool = False
    consent_date: date | None = None
    consent_purposes: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass(frozen=True)
class ResidentView:
    id: str
    full_name: str
    iin: str | None
    sex: Sex | None
    birth_year: int | None
    age_group: AgeGroup | None
    phone: str | None
    settlement_id: str | None
    settlement_name_kk: str | None
    settlement_name_ru: str | None
    disability: bool
    consent_date: date | None
    consent_form_version: str | None
    consent_purposes: list[str]
    notes: str
    erased: bool
    rev: int


@dataclass(frozen=True)
class ResidentRow:
    """One line of the residents list."""

    id: str
    full_name: str
    sex: Sex | None
    birth_year: int | None
    phone: str | None
    settlement_kk: str | None
    settlement_ru: str | None
    consent_date: date | None
    consultations: int


def _view(r: Resident, settlement: Settlement | None) -> ResidentView:
    return ResidentView(
        id=r.id,
        full_name=r.full_name,
        iin=r.iin,
        sex=Sex(r.sex) if r.sex else None,
        birth_year=r.birth_year,
        age_group=AgeGroup(r.age_group) if r.age_group else None,
        phone=r.phone,
        settlement_id=r.settlement_id,
        settlement_name_kk=settlement.name_kk if settlement else None,
        settlement_name_ru=settlement.name_ru if settlement else None,
        disability=r.disability,
        consent_date=r.consent_date,
        consent_form_version=r.consent_form_version,
        consent_purposes=list(r.consent_purposes or []),
        notes=r.notes,
        erased=r.erased_at is not None,
        rev=r.rev,
    )


def _apply(ctx: Context, row: Resident, data: ResidentInput) -> None:
    clean = validate_resident(
        data.full_name,
        data.iin,
        data.sex,
        data.birth_year,
        data.phone,
        data.consent_date,
        data.consent_purposes,
        today=ctx.today(),
    )
    row.full_name = clean.full_name
    row.iin = clean.iin
    row.sex = clean.sex.value if clean.sex else None
    row.birth_year = clean.birth_year
    row.age_group = age_group(clean.birth_year, ctx.today()).value if clean.birth_year else None
    row.phone = clean.phone
    row.settlement_id = data.settlement_id or None
    row.disability = data.disability
    if row.consent_date != clean.consent_date or not row.consent_form_version:
        row.consent_form_version = CONSENT_FORM_VERSION
    row.consent_date = clean.consent_date
    row.consent_purposes = list(clean.consent_purposes)
    row.notes = (data.notes or "").strip()


def _check_settlement(session: Any, settlement_id: str | None) -> Settlement | None:
    if not settlement_id:
        return None
    return get_live(session, Settlement, settlement_id)


def _refuse_duplicates(
    ctx: Context, s: Any, row: Resident, *, allow_similar: bool, exclude_id: str | None = None
) -> None:
    """The same IIN is never a second person; the same name and birth year in the same
    settlement is, only when the user said so (``allow_similar``)."""
    from civicdesk.services.resident_checks import IIN_TAKEN, LIKELY_SAME, find_in

    check_signed_in(ctx, s)  # a signed-out user learns nothing of who is registered
    matches = find_in(s, ctx, row.full_name, row.iin, row.birth_year, row.settlement_id,
                      exclude_id=exclude_id)
    same_iin = [m for m in matches if m.same_iin]
    if same_iin:
        raise ValidationErrors([ValidationError(
            "resident.iin_taken", IIN_TAKEN, field="iin", name=same_iin[0].full_name)])
    if matches and not allow_similar:
        raise ValidationErrors([ValidationError(
            "resident.likely_duplicate", LIKELY_SAME, field="full_name",
            name=matches[0].full_name)])


def create_resident(
    ctx: Context, data: ResidentInput, *, allow_similar: bool = False
) -> ResidentView:
    """Register a resident; refused if it is likely someone already registered
    (see civicdesk.services.resident_checks) unless ``allow_similar``."""
    with ctx.db.session() as s:
        settlement = _check_settlement(s, data.settlement_id)
        row = Resident()
        _apply(ctx, row, data)
        _refuse_duplicates(ctx, s, row, allow_similar=allow_similar)
        stamp_new(ctx, row)
        s.add(row)
        s.flush()
        record_change(ctx, s, "resident", row, None)
        return _view(row, settlement)


def update_resident(ctx: Context, resident_id: str, data: ResidentInput) -> ResidentView:
    with ctx.db.session() as s:
        row = get_live(s, Resident, resident_id, ctx)
        if row.erased_at is not None:
            raise ValidationErrors([ValidationError("resident.erased", ERASED_MSG)])
        settlement = _check_settlement(s, data.settlement_id)
        before = snapshot(row)
        _apply(ctx, row, data)
        if row.iin and row.iin != before.get("iin"):
            _refuse_duplicates(ctx, s, row, allow_similar=True, exclude_id=row.id)
        stamp_update(ctx, row)
        record_change(ctx, s, "resident", row, before)
        return _view(row, settlement)


ERASED_MSG = Message(
    kk="Бұл тұрғынның деректері өтініші бойынша жойылған.",
    ru="Данные этого жителя удалены по его заявлению.",
)


def get_resident(ctx: Context, resident_id: str) -> ResidentView:
    """Open a resident's card: recorded in the audit log as a view of personal data."""
    with ctx.db.session() as s:
        row = get_live(s, Resident, resident_id, ctx)
        settlement = s.get(Settlement, row.settlement_id) if row.settlement_id else None
        audit(ctx, s, "view", "resident", row.id)
        return _view(row, settlement)


def delete_resident(ctx: Context, resident_id: str) -> None:
    """Soft delete (kept for sync as a tombstone)."""
    authorize(ctx.actor, "resident.delete")
    with ctx.db.session() as s:
        row = get_live(s, Resident, resident_id, ctx)
        soft_delete(ctx, s, row, "resident")


SORTS = {
    # Kazakh alphabetical order, through the indexed sort key
    "full_name": Resident.sort_name,
    "birth_year": Resident.birth_year,
    "sex": Resident.sex,
    "phone": Resident.phone,
    "settlement": Settlement.sort_name,
    "consent_date": Resident.consent_date,
    "created_at": Resident.created_at,
}


def list_residents(ctx: Context, query: ListQuery) -> Page[ResidentRow]:
    """Paged, sorted, filtered in SQL; ``query.search`` is full-text (kk/ru, prefix)."""
    consults = (
        select(func.count())
        .where(Consultation.resident_id == Resident.id, Consultation.deleted.is_(False))
        .correlate(Resident)
        .scalar_subquery()
    )
    stmt = (
        select(
            Resident.id, Resident.full_name, Resident.sex, Resident.birth_year, Resident.phone,
            Settlement.name_kk, Settlement.name_ru, Resident.consent_date, consults,
        )
        .outerjoin(Settlement, Settlement.id == Resident.settlement_id)
        .where(Resident.erased_at.is_(None))
    )
    stmt = scoped(ctx, stmt, Resident)
    match = fts_query(query.search) if query.search else None
    if query.search and match is None:
        return Page([], 0, query.offset, query.limit)
    if match:
        stmt = stmt.where(
            text("residents.rowid IN (SELECT rowid FROM residents_fts WHERE residents_fts MATCH :m)")
        ).params(m=match)
    f = query.filters
    if f.get("settlement_id"):
        stmt = stmt.where(Resident.settlement_id == f["settlement_id"])
    if f.get("sex"):
        stmt = stmt.where(Resident.sex == f["sex"])
    stmt = apply_sort(stmt, query, SORTS, "full_name", Resident.id)
    with ctx.db.session() as s:
        rows, total = paged(s, stmt, query)
        out = [
            ResidentRow(r[0], r[1], Sex(r[2]) if r[2] else None, r[3], r[4], r[5], r[6], r[7], r[8])
            for r in rows
        ]
    q = query.clamp()
    return Page(out, total, q.offset, q.limit)


def resident_history(ctx: Context, resident_id: str) -> list[dict[str, Any]]:
    """Consultations of a resident, newest first."""
    with ctx.db.session() as s:
        get_live(s, Resident, resident_id, ctx)
        rows = s.scalars(
            select(Consultation)
            .where(Consultation.resident_id == resident_id, Consultation.deleted.is_(False))
            .order_by(Consultation.occurred_at.desc())
        )
        return [
            {
                "id": c.id,
                "occurred_at": c.occurred_at,
                "topic_code": c.topic_code,
                "channel": c.channel,
                "question": c.question,
                "status": c.status,
            }
            for c in rows
        ]


def export_resident(ctx: Context, resident_id: str) -> dict[str, Any]:
    """Everything CivicDesk holds on a person (a data subject's request), as JSON data."""
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, Resident, resident_id, ctx)
        consultations = s.scalars(
            select(Consultation).where(Consultation.resident_id == resident_id)
        ).all()
        meetings = s.scalars(
            select(MeetingAttendee).where(MeetingAttendee.resident_id == resident_id)
        ).all()
        seminars = s.scalars(
            select(SeminarParticipant).where(SeminarParticipant.resident_id == resident_id)
        ).all()
        log = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "resident", AuditEntry.entity_id == resident_id)
            .order_by(AuditEntry.at)
        ).all()
        data = {
            "exported_at": jsonable(ctx.now()),
            "exported_by": ctx.actor.user_name,
            "resident": snapshot(row),
            "consultations": [snapshot(c) for c in consultations],
            "meetings": [snapshot(m) for m in meetings],
            "seminars": [snapshot(p) for p in seminars],
            "access_log": [
                {"at": jsonable(e.at), "who": e.user_name, "action": e.action} for e in log
            ],
        }
        audit(ctx, s, "export", "resident", row.id)
        return data


def export_resident_json(ctx: Context, resident_id: str) -> str:
    return json.dumps(export_resident(ctx, resident_id), ensure_ascii=False, indent=2)


def erase_resident(ctx: Context, resident_id: str) -> ResidentView:
    """Erase a person's data on request, keeping anonymous statistics.

    Name, IIN, phone, notes and exact birth year go; sex, age group and settlement stay
    so that counts by sex, age and village do not change. Names in meeting and seminar
    lists and personal fields in earlier audit entries are blanked too.
    """
    require_role(ctx.actor, Role.MANAGER, Role.HEAD_OFFICE)
    with ctx.db.session() as s:
        row = get_live(s, Resident, resident_id, ctx)
        row.full_name = ERASED_NAME
        row.iin = None
        row.phone = None
        row.notes = ""
        row.birth_year = None
        row.consent_purposes = []
        row.erased_at = ctx.now()
        stamp_update(ctx, row)
        for attendee in s.scalars(
            select(MeetingAttendee).where(MeetingAttendee.resident_id == resident_id)
        ):
            attendee.full_name = ERASED_NAME
            stamp_update(ctx, attendee)
        for participant in s.scalars(
            select(SeminarParticipant).where(SeminarParticipant.resident_id == resident_id)
        ):
            participant.full_name = ERASED_NAME
            stamp_update(ctx, participant)
        for entry in s.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "resident", AuditEntry.entity_id == resident_id
            )
        ):
            entry.before = mark_erased(_scrub(entry.before))
            entry.after = mark_erased(_scrub(entry.after))
        audit(ctx, s, "erase", "resident", row.id)
        settlement = s.get(Settlement, row.settlement_id) if row.settlement_id else None
        return _view(row, settlement)


def _scrub(values: dict[str, Any] | None) -> dict[str, Any] | None:
    if not values:
        return values
    return {k: (ERASED if k in PERSONAL_FIELDS and v not in (None, "") else v) for k, v in values.items()}


def as_dict(view: ResidentView) -> dict[str, Any]:
    return {k: jsonable(v) for k, v in asdict(view).items()}
