"""Printing as a use case: gather the data of a record and render it to a PDF file.

Each ``prepare_*`` call reads the database (run it where SQL may run: the app's
database thread, the command line) and returns a :class:`PrintJob` that holds only
plain values; ``job.render(out)`` then draws the PDF without touching the database
(the app runs it on its rendering pool). The ``print_*`` functions do both, for
the command line and tests.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from pypdf import PdfWriter
from sqlalchemy import select

from civicdesk.db.models import Center, GrantApplication
from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.enums import BilingualArrangement, BookletLayout, MeetingStatus
from civicdesk.domain.errors import Lang, Message, UserError
from civicdesk.domain.quorum_settings import meeting_rule
from civicdesk.domain.residents import CONSENT_FORM_VERSION, CONSENT_PURPOSES
from civicdesk.printing import data as pd
from civicdesk.printing.booklet import EditionInfo, RenderResult, render_booklet
from civicdesk.printing.common import write_output
from civicdesk.printing.font_tags import unique_font_tags
from civicdesk.printing.forms import (
    render_attendance_sheet,
    render_certificate,
    render_consent,
    render_grant_application,
    render_minutes,
    render_review_sheet,
)
from civicdesk.printing.templates import (
    BookletContent,
    booklet_from_dict,
    edition_for,
    list_templates,
    load_template,
    templates_dir,
)
from civicdesk.services import booklets as booklets_svc
from civicdesk.services import grants as grants_svc
from civicdesk.services import meetings as meetings_svc
from civicdesk.services import operator as operator_svc
from civicdesk.services import reference
from civicdesk.services import residents as residents_svc
from civicdesk.services import seminars as seminars_svc
from civicdesk.services.base import Context
from civicdesk.services.quorum_settings import load_rules

__all__ = [
    "BLANK_FORMS",
    "PrintJob",
    "prepare_application",
    "prepare_attendance",
    "prepare_blank_form",
    "prepare_booklet",
    "prepare_certificates",
    "prepare_consent",
    "prepare_minutes",
    "prepare_review_sheet",
    "print_application",
    "print_attendance",
    "print_blank_form",
    "print_booklet",
    "print_certificates",
    "print_consent",
    "print_minutes",
    "print_review_sheet",
]

Output = Path | BinaryIO

NO_ATTENDEES = Message(
    kk="Семинарға қатысқан деп белгіленген ешкім жоқ: сертификат басатын адам жоқ.",
    ru="Никто не отмечен как присутствовавший на семинаре: печатать сертификаты некому.",
)
UNKNOWN_FORM = Message(
    kk="Мұндай бланк жоқ: {kind}.",
    ru="Такого бланка нет: {kind}.",
)


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
    # the rule the meeting was judged by: a center setting names itself and its date
    rule = meeting_rule(v.kind, v.held_on, v.quorum_rule_version, load_rules(ctx))
    quorum = m.quorum
    attendance = [
        pd.MinutesAttendee(name=a.full_name, note=_ROLE_NOTES.get(a.role, a.role))
        for group in (m.present, m.guests)  # members first, each in alphabetical order
        for a in sorted_by_name(group, lambda a: a.full_name)
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
        quorum_required=None if rule.quorum_numerator == 0 else (
            quorum.needed if quorum else rule.needed(v.members_eligible)
        ),
        quorum_source=rule.legal_source,
        starts_at=v.starts_at,
        ends_at=v.ends_at,
        center_name=_both(m.center_name_kk, m.center_name_ru),
        attendance=attendance,
        agenda=agenda,
        elected_representatives=[
            pd.MinutesAttendee(name=a.full_name)
            for a in sorted_by_name(m.elected_representatives, lambda a: a.full_name)
        ],
        draft=v.status is MeetingStatus.DRAFT,
        competent=not v.not_competent,
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
    rows = [pd.AttendanceRow(name=a.full_name, settlement=settlement)
            for a in sorted_by_name(v.attendees, lambda a: a.full_name)]
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
    v = seminars_svc.get_seminar(ctx, seminar_id)
    kk, ru = _center_names(ctx)
    settlement = _both(v.settlement_kk, v.settlement_ru)
    rows = [pd.AttendanceRow(name=p.full_name, settlement=settlement)
            for p in sorted_by_name(v.participants, lambda p: p.full_name)]
    title = " — ".join(x for x in (v.title, v.topic) if x)
    return pd.AttendanceSheetData(
        title=title,
        held_on=v.held_on,
        place=", ".join(x for x in (settlement, v.place) if x),
        center_name=_both(kk, ru),
        rows=rows,
        blank_rows=max(5, 25 - len(rows)) if rows else 0,
    )


# ----------------------------------------------------------------------- seminars


def certificates_input(ctx: Context, seminar_id: str) -> list[pd.CertificateData]:
    """One certificate for each participant marked as attended."""
    v = seminars_svc.get_seminar(ctx, seminar_id)
    kk, ru = _center_names(ctx)
    settlement = _both(v.settlement_kk, v.settlement_ru)
    attended = sorted_by_name((p for p in v.participants if p.attended), lambda p: p.full_name)
    return [
        pd.CertificateData(
            participant=p.full_name,
            topic=v.title if not v.topic else f"{v.title} ({v.topic})",
            held_on=v.held_on,
            hours=v.hours,
            trainer=v.trainer,
            center_name=_both(kk, ru),
            number=f"{v.held_on:%Y%m%d}-{n:03d}",
            place=", ".join(x for x in (settlement, v.place) if x),
        )
        for n, p in enumerate(attended, start=1)
    ]


def render_certificates(data: list[pd.CertificateData], out: Output) -> int:
    """Every certificate in one PDF, one page each; refuses an empty list."""
    if not data:
        raise UserError("print.no_attendees", NO_ATTENDEES)
    writer = PdfWriter()
    for item in data:
        buf = io.BytesIO()
        render_certificate(item, buf)
        writer.append(io.BytesIO(buf.getvalue()))
    # each certificate is its own document: its subsets all start as AAAAAA+...
    unique_font_tags(writer)
    result = io.BytesIO()
    writer.write(result)
    write_output(result.getvalue(), out)
    return len(writer.pages)


def prepare_certificates(ctx: Context, seminar_id: str) -> PrintJob:
    return PrintJob(render_certificates, {"data": certificates_input(ctx, seminar_id)})


def print_certificates(ctx: Context, seminar_id: str, out: Output) -> int:
    pages: int = prepare_certificates(ctx, seminar_id).render(out)
    return pages


# ----------------------------------------------------------------------- grants


def application_input(ctx: Context, app_id: str) -> pd.GrantApplicationData:
    a = grants_svc.get_application(ctx, app_id)
    call = grants_svc.get_call(ctx, a.call_id)
    region = next((r for r in reference.regions(ctx) if r.code == call.region_kato), None)
    settlement = ""
    if a.settlement_id:
        found = next((x for x in reference.settlements(ctx) if x.id == a.settlement_id), None)
        settlement = _both(found.name_kk, found.name_ru) if found else ""
    with ctx.db.session() as s:
        extra = s.get(GrantApplication, app_id)
        number = extra.id[-6:].upper() if extra else ""
    activities = [line.strip() for line in a.activities.splitlines() if line.strip()]
    return pd.GrantApplicationData(
        call_title=_both(a.call_title_kk, a.call_title_ru),
        organisation=a.applicant_name,
        applicant_kind=a.applicant_kind,
        bin=a.bin or "",
        leader=a.leader_name,
        phone=a.contact_phone,
        email=a.contact_email,
        address=settlement,
        title=a.title,
        region=_both(region.name_kk, region.name_ru) if region else call.region_kato,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        problem=a.problem,
        goal=a.goal,
        activities=activities,
        target_group=a.target_group,
        beneficiaries=a.beneficiaries or None,
        indicators=[
            pd.IndicatorData(
                name=i.name + (f", {i.unit}" if i.unit else ""),
                baseline="" if i.baseline is None else f"{i.baseline.normalize():f}",
                target="" if i.target is None else f"{i.target.normalize():f}",
            )
            for i in a.indicators
        ],
        budget=[
            pd.BudgetLineData(
                category=b.category, item=b.item, unit=b.unit, quantity=b.qty,
                unit_cost=b.unit_cost, co_financing=b.cofinancing,
            )
            for b in a.budget
        ],
        number=number,
    )


def review_sheet_input(
    ctx: Context, app_id: str, review_id: str | None = None
) -> pd.ReviewSheetData:
    """The scoring sheet of an application by the call's criteria: a recorded review
    filled in, or (``review_id`` None) empty boxes for a reviewer to fill by hand."""
    a = grants_svc.get_application(ctx, app_id)
    call = grants_svc.get_call(ctx, a.call_id)
    review = next((r for r in a.reviews if r.id == review_id), None) if review_id else None
    criteria = [
        pd.CriterionData(
            name=c.name, weight=c.weight, max_score=c.max_score,
            score=None if review is None or review.conflict_declared else review.scores.get(c.code),
        )
        for c in call.criteria
    ]
    return pd.ReviewSheetData(
        call_title=_both(a.call_title_kk, a.call_title_ru),
        application_number=app_id[-6:].upper(),
        application_title=a.title,
        applicant=a.applicant_name,
        reviewer=review.reviewer_name if review else "",
        criteria=criteria,
        no_conflict_declared=bool(review and not review.conflict_declared),
        signed_on=review.submitted_on if review else None,
        remarks=review.comment if review else "",
    )


def prepare_review_sheet(ctx: Context, app_id: str, review_id: str | None = None) -> PrintJob:
    return PrintJob(render_review_sheet, {"data": review_sheet_input(ctx, app_id, review_id)})


def print_review_sheet(
    ctx: Context, app_id: str, out: Output, review_id: str | None = None
) -> int:
    """The reviewer's scoring sheet (filled from a recorded review, or blank)."""
    pages: int = prepare_review_sheet(ctx, app_id, review_id).render(out)
    return pages


def prepare_application(ctx: Context, app_id: str) -> PrintJob:
    return PrintJob(render_grant_application, {"data": application_input(ctx, app_id)})


def print_application(ctx: Context, app_id: str, out: Output) -> int:
    """The filled application form with its budget table."""
    pages: int = prepare_application(ctx, app_id).render(out)
    return pages


# ----------------------------------------------------------------------- consent


def _consent_data(ctx: Context | None) -> pd.ConsentFormData:
    """The consent form of the center (blank lines where a detail is not set)."""
    purposes = list(CONSENT_PURPOSES.values())
    if ctx is None:
        return pd.ConsentFormData(
            center_name="", purposes=purposes, form_version=CONSENT_FORM_VERSION
        )
    o = operator_svc.operator_details(ctx)
    return pd.ConsentFormData(
        center_name=_both(o.name_kk, o.name_ru), purposes=purposes,
        form_version=CONSENT_FORM_VERSION, center_address=o.address,
        operator_bin=o.bin, operator_ru_dative=o.name_ru_dative,
        operator_kk_genitive=o.name_kk_genitive, head_office_kk=o.head_office_kk,
        head_office_ru=o.head_office_ru, term_years=o.consent_term_years,
    )


def consent_input(ctx: Context, resident_id: str | None) -> pd.ConsentFormData:
    data = _consent_data(ctx)
    if not resident_id:
        return data
    r = residents_svc.get_resident(ctx, resident_id)
    purposes = data.purposes
    if r.consent_purposes:
        purposes = [CONSENT_PURPOSES[p] for p in r.consent_purposes if p in CONSENT_PURPOSES]
    return replace(
        data, resident_name=r.full_name, signed_on=r.consent_date, purposes=purposes,
        form_version=r.consent_form_version or CONSENT_FORM_VERSION,
    )


def prepare_consent(ctx: Context, resident_id: str | None) -> PrintJob:
    return PrintJob(render_consent, {"data": consent_input(ctx, resident_id)})


def print_consent(ctx: Context, resident_id: str | None, out: Output) -> int:
    """The consent form, filled for a resident or blank (``None``)."""
    pages: int = prepare_consent(ctx, resident_id).render(out)
    return pages


# ----------------------------------------------------------------------- blank forms

BLANK_FORMS = ("consent", "attendance", "grant_application")


def prepare_blank_form(
    kind: str, lang: Lang = "kk", *, title: str = "", ctx: Context | None = None
) -> PrintJob:
    """A form to fill in by hand: ``consent``, ``attendance`` or ``grant_application``.

    Forms are bilingual, so ``lang`` only picks the default title of a sheet. With
    ``ctx`` the consent form names the center as the operator (with its BIN).
    """
    if kind == "consent":
        return PrintJob(render_consent, {"data": _consent_data(ctx)})
    if kind == "attendance":
        default = "Қатысу парағы / Лист регистрации"
        return PrintJob(render_attendance_sheet, {"data": pd.AttendanceSheetData(
            title=title or default, blank_rows=25)})
    if kind == "grant_application":
        return PrintJob(render_grant_application, {"data": None})
    raise UserError("print.unknown_form", UNKNOWN_FORM, kind=kind)


def print_blank_form(
    kind: str, out: Output, lang: Lang = "kk", *, title: str = "", ctx: Context | None = None
) -> int:
    pages: int = prepare_blank_form(kind, lang, title=title, ctx=ctx).render(out)
    return pages


# ----------------------------------------------------------------------- booklets


def _booklet_content(
    ctx: Context, booklet: str | BookletContent | dict[str, Any], layout: BookletLayout
) -> BookletContent:
    """The content to print. A template name prints the template's edition for the
    layout; a booklet id prints the booklet's own content, or, when the row has no
    sections of its own (made from a template and never edited), its template."""
    if isinstance(booklet, dict):
        return booklet_from_dict(booklet, base_dir=templates_dir(), name=str(booklet.get("name") or "booklet"))
    if not isinstance(booklet, str):
        return booklet
    edition = edition_for(layout)
    if booklet in {t.name for t in list_templates()}:
        return load_template(booklet, edition=edition)
    view = booklets_svc.get_booklet(ctx, booklet)
    if not view.content.get("sections") and view.template_name:
        content = load_template(view.template_name, edition=edition)
        return replace(content, title=Message(kk=view.title_kk, ru=view.title_ru))
    return booklet_from_dict(view.content, base_dir=templates_dir(), name=view.title_kk)


def prepare_booklet(
    ctx: Context,
    booklet: str | BookletContent | dict[str, Any],
    layout: BookletLayout,
    arrangement: BilingualArrangement,
    *,
    bleed: bool = False,
    crop_marks: bool = False,
    copies: int | None = None,
    edition_date: date | None = None,
    lang: Lang = "kk",
    order_number: str = "",
    pages_out: Output | None = None,
) -> PrintJob:
    """A booklet by its id, by a template name, or from content being edited in the app
    (the template format as a dict, or parsed content). With ``copies`` the back page
    carries the imprint (print run, date, publisher, order number)."""
    content = _booklet_content(ctx, booklet, BookletLayout(layout))
    edition = None
    if copies:
        kk, ru = _center_names(ctx)
        edition = EditionInfo(
            center_name=kk if lang == "kk" else ru,
            edition_date=edition_date or ctx.today(),
            print_run=copies,
            order_number=order_number.strip(),
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
            "pages_out": pages_out,
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
    order_number: str = "",
    pages_out: Output | None = None,
    record_run: bool = False,
) -> RenderResult:
    """Render a booklet; with ``record_run`` and ``copies`` a booklet printed by its id
    gets the print run recorded (for the distribution records and reports)."""
    if copies is not None and (isinstance(copies, bool) or not 1 <= copies <= booklets_svc.MAX_COPIES):
        raise UserError("booklet.copies", booklets_svc.COPIES, max=booklets_svc.MAX_COPIES)
    job = prepare_booklet(
        ctx, booklet, layout, arrangement, bleed=bleed,
        crop_marks=bleed if crop_marks is None else crop_marks, copies=copies,
        order_number=order_number, pages_out=pages_out,
    )
    result: RenderResult = job.render(out)
    is_template = isinstance(booklet, str) and booklet in {t.name for t in list_templates()}
    if record_run and copies and isinstance(booklet, str) and not is_template:
        note = f"№ {order_number.strip()}" if order_number.strip() else ""
        booklets_svc.record_print_run(ctx, booklet, copies, ctx.today(), layout, note=note)
    return result
