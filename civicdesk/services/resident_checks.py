"""Before a resident is created or erased: the likely same person, and who exactly it is.

A likely duplicate is a live resident of the same center with the same IIN, or with
the same name (case, ё/е and spaces aside) and birth year in the same settlement.
A resident registered from a consultation form that was then cancelled is discarded
if nothing refers to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from civicdesk.db.models import (
    Consultation,
    MeetingAttendee,
    Resident,
    SeminarParticipant,
    Settlement,
)
from civicdesk.domain.errors import Lang, Message, ValidationError
from civicdesk.domain.iin import validate_iin
from civicdesk.domain.text import fold_for_search
from civicdesk.services.base import Context, get_live, scoped, soft_delete

IIN_TAKEN = Message(
    kk="Бұл ЖСН-мен тұрғын тіркелген: {name}. Соны таңдаңыз.",
    ru="Житель с этим ИИН уже записан: {name}. Выберите его.",
)
LIKELY_SAME = Message(
    kk="Осындай тұрғын бар: {name}. Бұл сол адам ба?",
    ru="Такой житель уже есть: {name}. Это тот же человек?",
)


@dataclass(frozen=True)
class ResidentMatch:
    """Enough to tell two people apart, without opening the card."""

    id: str
    full_name: str
    iin_tail: str | None
    birth_year: int | None
    settlement_kk: str | None
    settlement_ru: str | None
    consultations: int
    same_iin: bool

    def settlement(self, lang: Lang) -> str:
        return (self.settlement_kk if lang == "kk" else self.settlement_ru) or ""


def iin_tail(iin: str | None) -> str | None:
    return f"…{iin[-4:]}" if iin else None


def _same_name(a: str, b: str) -> bool:
    return " ".join(fold_for_search(a).split()) == " ".join(fold_for_search(b).split())


def _clean_iin(iin: str | None) -> str | None:
    if not iin or not iin.strip():
        return None
    try:
        return validate_iin(iin).iin
    except ValidationError:
        return None


def _consultations(s: Session, resident_id: str) -> int:
    return int(s.scalar(select(func.count()).select_from(Consultation).where(
        Consultation.resident_id == resident_id, Consultation.deleted.is_(False))) or 0)


def _match(s: Session, r: Resident, same_iin: bool) -> ResidentMatch:
    place = s.get(Settlement, r.settlement_id) if r.settlement_id else None
    return ResidentMatch(
        r.id, r.full_name, iin_tail(r.iin), r.birth_year,
        place.name_kk if place else None, place.name_ru if place else None,
        _consultations(s, r.id), same_iin,
    )


def likely_duplicates(
    ctx: Context,
    full_name: str,
    iin: str | None = None,
    birth_year: int | None = None,
    settlement_id: str | None = None,
    *,
    exclude_id: str | None = None,
) -> list[ResidentMatch]:
    """Live residents who are probably this person; same IIN first."""
    with ctx.db.session() as s:
        return find_in(s, ctx, full_name, iin, birth_year, settlement_id, exclude_id=exclude_id)


def find_in(
    s: Session,
    ctx: Context,
    full_name: str,
    iin: str | None,
    birth_year: int | None,
    settlement_id: str | None,
    *,
    exclude_id: str | None = None,
) -> list[ResidentMatch]:
    clean = _clean_iin(iin)
    if clean is None and birth_year is None:
        return []
    conditions = []
    if clean is not None:
        conditions.append(Resident.iin == clean)
    if birth_year is not None:
        conditions.append(
            (Resident.birth_year == birth_year) & (Resident.settlement_id.is_(settlement_id)
                                                   if settlement_id is None
                                                   else Resident.settlement_id == settlement_id)
        )
    stmt = scoped(ctx, select(Resident), Resident).where(
        Resident.erased_at.is_(None), or_(*conditions))
    if exclude_id:
        stmt = stmt.where(Resident.id != exclude_id)
    out: list[ResidentMatch] = []
    for r in s.scalars(stmt.limit(200)):
        same_iin = clean is not None and r.iin == clean
        if same_iin or _same_name(r.full_name, full_name):
            out.append(_match(s, r, same_iin))
    return sorted(out, key=lambda m: not m.same_iin)


def describe(ctx: Context, resident_id: str) -> ResidentMatch:
    """Who exactly a resident is (for the erase question)."""
    with ctx.db.session() as s:
        return _match(s, get_live(s, Resident, resident_id, ctx), False)


def discard_unused(ctx: Context, resident_id: str) -> bool:
    """Remove a resident registered for a consultation that was then not saved.

    Only if nothing refers to them: no consultation, meeting or seminar. Returns
    whether the resident was removed.
    """
    with ctx.db.session() as s:
        row = s.get(Resident, resident_id)
        if row is None or row.deleted:
            return False
        get_live(s, Resident, resident_id, ctx)
        used = s.scalar(select(func.count()).select_from(Consultation).where(
            Consultation.resident_id == resident_id))
        used = (used or 0) + (s.scalar(select(func.count()).select_from(MeetingAttendee).where(
            MeetingAttendee.resident_id == resident_id)) or 0)
        used += s.scalar(select(func.count()).select_from(SeminarParticipant).where(
            SeminarParticipant.resident_id == resident_id)) or 0
        if used:
            return False
        soft_delete(ctx, s, row, "resident")
        return True
