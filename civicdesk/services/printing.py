"""Printing as a use case: gather the data of a record and render it to a PDF file.

Each ``prepare_*`` call reads the database (run it where SQL may run: the app's
database thread, the command line) and returns a :class:`PrintJob` that holds only
plain values; ``job.render(out)`` then draws the PDF without touching the database
(the app runs it on its rendering pool). The ``print_*`` functions do both, for
the command line and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import select

from civicdesk.db.models import Center
from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.errors import Lang, UserError
from civicdesk.domain.meetings import rule_for
from civicdesk.printing import data as pd
from civicdesk.printing.booklet import EditionInfo, RenderResult, render_booklet
from civicdesk.printing.forms import render_attendance_sheet, render_minutes
from civicdesk.printing.templates import BookletContent, load_template
from civicdesk.services import meetings as meetings_svc
from civicdesk.services.base import Context, not_found

__all__ = [
    "PrintJob",
    "prepare_attendance",
    "prepare_booklet",
    "prepare_minutes",
    "print_attendance",
    "print_booklet",
    "print_minutes",
]

Output = Path | BinaryIO


@dataclass(frozen=True)
class PrintJob:
    """A renderer with its input already gathered; ``render`` touches no database."""

    fn: Callable[..., Any]
    kwargs: dict[str, Any] = field(default_factory=dict)

    def render(self, out: Output) -> Any:
        return self.fn(**self.kwargs, out=out)


def _center_names(ctx: Context) -> tuple[str, str]:
    with ctx.db.session() as s:
        center = s.get(Center, ctx.actor.center_id) if ctx.actor.center_id else None
        if center is None:
            center = s.scalars(select(Center).limit(1)).first()
        return (center.name_kk, center.name_ru) if center else ("", "")


def _both(kk: str | None, ru: str | None) -> str:
    """A name printed on a bilingual form: Kazakh, then Russian if it differs."""
    kk, ru = (kk or "").strip(), (ru or "").strip()
    if kk and ru and kk != ru:
        return f"{kk} / {ru}"
    return kk or ru


_ROLE_NOTES = {
    "member": "мүше / член",
    "chair": "төраға / председатель",
    "secretary": "хатшы / секретарь",
    "guest": "шақырылған / приглашённый",
}


# ----------------------------------------------------------------------- meetings


def minutes_input(ctx: Context, meeting_id: str) -> pd.MinutesData:
    """The printing module's input for the minutes of one meeting."""
    m = meetings_svc.minutes_data(ctx, meeting_id)
    v = m.meeting
    settlement = _both(v.settlement_kk, v.settlement_ru)
    rule = rule_for(v.kind, v.held_on)
    quorum = m.quorum
    attendance = [
        pd.MinutesAttendee(name=a.full_name, note=_ROLE_NOTES.get(a.role, a.role))
        for a in [*m.present, *m.guests]
    ]
    agenda = []
    for item in m.agenda:
        voted = item.outcome is not None and item.outcome.value != "not_voted"
        agenda.append(
            pd.AgendaItemData(
                title=item.title,
                speakers=item.speakers,
                proposal=item.proposal,
                votes_for=item.votes_for if voted else None,
                votes_against=item.votes_against if voted else None,
                votes_abstain=item.votes_abstain if voted else None,
                outcome=item.outcome,
                decision=item.decision,
            )
        )
    return pd.MinutesData(
        kind=v.kind,
        number=v.number,
        held_on=v.held_on,
        place=v.place,
        settlement=settlement,
        convened_by=v.convened_by,
        chair=m.chair_name,
        secretary=m.secretary_name,
        members_eligible=v.members_eligible,
        present=v.members_present,
        quorum_reached=bool(quorum and quorum.reached),
        quorum_required=quorum.needed if quorum else rule.needed(v.members_eligible),
        quorum_source=rule.legal_source,
        starts_at=v.starts_at,
        ends_at=v.ends_at,
        center_name=_both(m.center_name_kk, m.center_name_ru),
        attendance=attendance,
        agenda=agenda,
        elected_representatives=[
            pd.MinutesAttendee(name=a.full_name) for a in m.elected_representatives
        ],
    )


def prepare_minutes(ctx: Context, meeting_id: str) -> PrintJob:
    return PrintJob(render_minutes, {"data": minutes_input(ctx, meeting_id)})


def print_minutes(ctx: Context, meeting_id: str, out: Output) -> int:
    """The bilingual minutes (хаттама / протокол) of a meeting; returns the page count."""
    pages: int = prepare_minutes(ctx, meeting_id).render(out)
    return pages


def _meeting_attendance(ctx: Context, meeting_id: str) -> pd.AttendanceSheetData:
    m = meetings_svc.minutes_data(ctx, meeting_id)
    v = m.meeting
    settlement = _both(v.settlement_kk, v.settlement_ru)
    title = _both(m.kind_kk, m.kind_ru)
    if v.number:
        title = f"{title} № {v.number}"
    rows = [pd.AttendanceRow(name=a.full_name, settlement=settlement) for a in v.attendees]
    return pd.AttendanceSheetData(
        title=title,
        held_on=v.held_on,
        place=", ".join(x for x in (settlement, v.place) if x),
        center_name=_both(m.center_name_kk, m.center_name_ru),
        rows=rows,
        blank_rows=max(5, 25 - len(rows)) if rows else 0,
    )


def attendance_input(ctx: Context, meeting_or_seminar_id: str) -> pd.AttendanceSheetData:
    """A sign-in sheet for a meeting, or for a seminar when no meeting has that id."""
    try:
        return _meeting_attendance(ctx, meeting_or_seminar_id)
    except UserError as e:
        if e.code != "not_found":
            raise
    return _seminar_attendance(ctx, meeting_or_seminar_id)


def prepare_attendance(ctx: Context, meeting_or_seminar_id: str) -> PrintJob:
    return PrintJob(render_attendance_sheet, {"data": attendance_input(ctx, meeting_or_seminar_id)})


def print_attendance(ctx: Context, meeting_or_seminar_id: str, out: Output) -> int:
    """The attendance sheet of a meeting or a seminar, names pre-filled."""
    pages: int = prepare_attendance(ctx, meeting_or_seminar_id).render(out)
    return pages


def _seminar_attendance(ctx: Context, seminar_id: str) -> pd.AttendanceSheetData:
    raise not_found("Seminar")


# ----------------------------------------------------------------------- booklets


def prepare_booklet(
    ctx: Context,
    booklet: str | BookletContent,
    layout: BookletLayout,
    arrangement: BilingualArrangement,
    *,
    bleed: bool = False,
    crop_marks: bool = False,
    copies: int | None = None,
    edition_date: date | None = None,
    lang: Lang = "kk",
) -> PrintJob:
    """A booklet from a template name or from content built in the app."""
    content = load_template(booklet) if isinstance(booklet, str) else booklet
    edition = None
    if copies:
        kk, ru = _center_names(ctx)
        edition = EditionInfo(
            center_name=kk if lang == "kk" else ru,
            edition_date=edition_date or ctx.today(),
            print_run=copies,
        )
    return PrintJob(
        render_booklet,
        {
            "content": content,
            "layout": BookletLayout(layout),
            "arrangement": BilingualArrangement(arrangement),
            "edition": edition,
            "bleed": bleed,
            "crop_marks": crop_marks,
        },
    )


def print_booklet(
    ctx: Context,
    booklet: str | BookletContent,
    layout: BookletLayout,
    arrangement: BilingualArrangement,
    bleed: bool,
    out: Output,
    *,
    crop_marks: bool | None = None,
    copies: int | None = None,
) -> RenderResult:
    job = prepare_booklet(
        ctx, booklet, layout, arrangement, bleed=bleed,
        crop_marks=bleed if crop_marks is None else crop_marks, copies=copies,
    )
    result: RenderResult = job.render(out)
    return result
