"""A volunteer's thank-you letter and certificate of hours, from the assignments of a
period; printing one is written to the audit log (it names a person)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import IO, BinaryIO, cast

from sqlalchemy import select

from civicdesk.db.models import Volunteer, VolunteerAssignment
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.volunteers import ASSIGNMENT_KINDS
from civicdesk.printing.volunteer_letters import (
    VolunteerLetterData,
    render_hours_certificate,
    render_thank_you_letter,
)
from civicdesk.services.base import Context, audit, get_live
from civicdesk.services.printing import PrintJob, _center_names

__all__ = ["letter_data", "letter_job", "write_volunteer_letter"]

NO_HOURS = Message(
    kk="Бұл кезеңде еріктінің жазылған жұмысы жоқ: хат пен сертификат жұмыс сағатынан "
    "жасалады.",
    ru="У волонтёра нет записанной работы за этот период: письмо и сертификат "
    "составляются по часам работы.",
)
ERASED = Message(kk="Бұл еріктінің деректері жойылған.", ru="Данные этого волонтёра удалены.")
KINDS = ("letter", "certificate")


def letter_data(ctx: Context, volunteer_id: str, start: date, end: date, *,
                signed_by: str = "") -> VolunteerLetterData:
    kk, ru = _center_names(ctx)
    with ctx.db.session() as s:
        vol = get_live(s, Volunteer, volunteer_id, ctx)
        if vol.erased_at is not None:
            raise UserError("volunteer.erased", ERASED)
        rows = s.execute(select(VolunteerAssignment.kind, VolunteerAssignment.hours).where(
            VolunteerAssignment.volunteer_id == volunteer_id,
            VolunteerAssignment.deleted.is_(False), VolunteerAssignment.done_on >= start,
            VolunteerAssignment.done_on <= end)).all()
        name = vol.full_name
    if not rows:
        raise UserError("volunteer.no_hours", NO_HOURS)
    kinds = [k for k in ASSIGNMENT_KINDS if k in {r[0] for r in rows}]
    hours = sum((Decimal(r[1]) for r in rows), Decimal(0)).quantize(Decimal("0.1"))
    work = [(ASSIGNMENT_KINDS[k].kk.lower(), ASSIGNMENT_KINDS[k].ru.lower()) for k in kinds]
    return VolunteerLetterData(volunteer=name, center_name_kk=kk, center_name_ru=ru,
                               start=start, end=end, hours=hours, work=work,
                               signed_by=signed_by, issued_on=ctx.today())


def letter_job(ctx: Context, volunteer_id: str, kind: str, start: date, end: date, *,
               signed_by: str = "") -> PrintJob:
    """The letter's data gathered (and the printing audited), ready to render off the
    database thread. ``kind``: "letter" (thank-you letter) or "certificate" (of hours)."""
    if kind not in KINDS:
        raise ValueError(kind)
    data = letter_data(ctx, volunteer_id, start, end, signed_by=signed_by)
    with ctx.db.session() as s:
        audit(ctx, s, "print", "volunteer", volunteer_id,
              after={"document": kind, "from": start.isoformat(), "to": end.isoformat()})
    render = render_thank_you_letter if kind == "letter" else render_hours_certificate
    return PrintJob(render, {"data": data})


def write_volunteer_letter(ctx: Context, volunteer_id: str, kind: str, out: Path | IO[bytes],
                           start: date, end: date, *, signed_by: str = "") -> int:
    """Render the letter or certificate to ``out``; returns its pages."""
    job = letter_job(ctx, volunteer_id, kind, start, end, signed_by=signed_by)
    return int(job.render(cast(Path | BinaryIO, out)))
