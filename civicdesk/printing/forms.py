"""Bilingual forms: consent, consultation slip, attendance sheet, minutes, grant
application (filled or blank), review sheet and seminar certificate.

Kazakh comes first (the left column or the top line), Russian second, in the same
letter size (Law on languages, art. 21).  Every text is checked against the print font
before anything is drawn.  Dates in fields are dd.MM.yyyy, in headings long dates.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .common import (
    ACCENT,
    BLACK,
    MM,
    KkRu,
    Output,
    check_texts,
    dmy,
    esc,
)
from .data import (
    AttendanceSheetData,
    CertificateData,
    ConsentFormData,
    ConsultationSlipData,
)

__all__ = [
    "L",
    "render_attendance_sheet",
    "render_certificate",
    "render_consent",
    "render_consultation_slip",
    "render_grant_application",
    "render_minutes",
    "render_review_sheet",
]

from .form_kit import (
    A4_W,
    CONSENT_DATA,
    L,
    _bilingual_date_line,
    _build,
    _Ctx,
    _ctx,
    _num,
    _ru_hours,
)
from .grant_forms import render_grant_application, render_review_sheet
from .minutes import render_minutes

# -------------------------------------------------------------------- attendance


def render_attendance_sheet(data: AttendanceSheetData, out: Output) -> int:
    """Sign-in sheet with the header row repeated on every page."""
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("attendance_title")]
    story.append(Paragraph(f"<b>{esc(data.title)}</b>", st.center) if data.title else Spacer(1, 1))
    if data.held_on is not None:
        story.append(Paragraph(esc(_bilingual_date_line(data.held_on)), st.center))
    story.append(Spacer(1, 3 * MM))
    story.append(
        c.fields(
            [
                ("date", dmy(data.held_on) or None),
                ("place", data.place or None),
                ("center", data.center_name or None),
            ]
        )
    )
    story.append(Spacer(1, 4 * MM))
    w = c.width
    widths = [10 * MM, w * 0.36, w * 0.22, w * 0.18, w - 10 * MM - w * 0.76]
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("full_name"),
            c.head("settlement"),
            c.head("phone"),
            c.head("signature", True),
        ]
    ]
    for i, r in enumerate(data.rows, 1):
        rows.append(
            [c.cell(str(i), center=True), c.cell(r.name), c.cell(r.settlement), c.cell(r.phone), ""]
        )
    blanks = data.blank_rows or (0 if data.rows else 25)
    start = len(data.rows)
    for i in range(blanks):
        rows.append([c.cell(str(start + i + 1), center=True), "", "", "", ""])
    story.append(c.grid(rows, widths, row_height=9 * MM))
    return _build(
        story,
        out,
        st,
        title=f"{L['attendance_title'].kk} / {L['attendance_title'].ru}",
        author=data.center_name,
        footer=data.title[:90],
    )


# ------------------------------------------------------------------------- consent


def _ru_years(n: int) -> str:
    return f"в течение {n} {'года' if n % 10 == 1 and n % 100 != 11 else 'лет'}"


def _date_and_signature(c: _Ctx, on: str, name: str) -> Table:
    """Date | ________ | Signature | ____________ (signature) | name, on one row."""
    w = c.width
    t = Table(
        [
            [c.label("date"), Paragraph(esc(on), c.st.body), c.label("signature"), "",
             Paragraph(esc(name), c.st.body)],
            ["", "", "", c.cell_small("signature"), ""],
        ],
        colWidths=[14 * MM, 28 * MM, 16 * MM, 55 * MM, w - 113 * MM],
        hAlign="LEFT",
    )
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, 0), 0.5, BLACK),
                ("LINEBELOW", (3, 0), (3, 0), 0.5, BLACK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * MM),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return t


def render_consent(data: ConsentFormData, out: Output) -> int:
    """Written consent meeting Law No. 94-V, art. 8: the operator with its BIN, the
    subject, the data, the purposes, the third party (head office), the term and how to
    withdraw. Blank parts get lines to fill in by hand."""
    check_texts(data)
    margin = 14 * MM  # narrower margins than other forms: one page with the signature
    c = _ctx(8.5, A4_W - 2 * margin)
    st = c.st

    def listed(items: Sequence[KkRu]) -> Flowable:
        # one paragraph per language, items separated by semicolons: the whole form,
        # signature included, fits one A4 page in both languages
        return c.parallel("; ".join(p.kk for p in items) + ".",
                          "; ".join(p.ru for p in items) + ".")

    operator = data.center_name + (f", {data.center_address}" if data.center_address else "")
    story: list[Flowable] = [
        *c.title("consent_title"),
        Spacer(1, 2 * MM),
        c.fields([
            ("operator", operator or None),
            ("operator_bin", data.operator_bin or None),
            ("full_name", data.resident_name or None),
        ]),
        Spacer(1, 4 * MM),
    ]
    body = L["consent_body"]
    above = L["operator_named_above"]
    story.append(c.parallel(
        body.text("kk", operator=data.operator_kk_genitive or above.kk),
        body.text("ru", operator=data.operator_ru_dative or above.ru),
    ))
    story += [c.section("consent_data"), listed(CONSENT_DATA)]
    story += [c.section("consent_purposes"), listed(data.purposes)]
    third = L["consent_third_text"]
    blank = L["head_office_blank"]
    story += [
        c.section("consent_third"),
        c.parallel(third.text("kk", head=data.head_office_kk or blank.kk),
                   third.text("ru", head=data.head_office_ru or blank.ru)),
        Spacer(1, 2 * MM),
        c.parallel(L["consent_transfer"].kk, L["consent_transfer"].ru),
    ]
    term = L["consent_term_text"]
    story += [
        c.section("consent_term"),
        c.parallel(term.text("kk", years=data.term_years),
                   term.text("ru", years_ru=_ru_years(data.term_years))),
    ]
    withdraw = L["consent_withdraw_text"]
    signature = [
        c.section("consent_withdraw"),
        c.parallel(withdraw.kk, withdraw.ru),
        Spacer(1, 6 * MM),
        _date_and_signature(c, dmy(data.signed_on), data.resident_name or ""),
    ]
    story.append(KeepTogether(signature))
    footer = f"{L['form_version'].kk} / {L['form_version'].ru}: {data.form_version}"
    return _build(
        story,
        out,
        st,
        title=f"{L['consent_title'].kk} / {L['consent_title'].ru}",
        author=data.center_name,
        footer=footer,
        margin=margin,
    )


# -------------------------------------------------------------------- consultation


def _pairs(c: _Ctx, items: Sequence[KkRu]) -> Flowable | None:
    if not items:
        return None
    lines = "<br/>".join(f"{esc(x.kk)} / {esc(x.ru)}" for x in items)
    return Paragraph(lines, c.st.body)


def render_consultation_slip(data: ConsultationSlipData, out: Output) -> int:
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("slip_title")]
    story.append(Paragraph(esc(_bilingual_date_line(data.held_on)), st.center))
    story.append(Spacer(1, 3 * MM))
    center = data.center_name + (f", {data.center_phone}" if data.center_phone else "")
    story.append(
        c.fields(
            [
                ("center", center),
                ("date", dmy(data.held_on)),
                ("consultant", data.consultant),
                ("resident", data.resident_name),
                ("topics", _pairs(c, data.topics)),
                ("question", c.value(data.question, lines=3)),
                ("advice", c.value(data.advice, lines=5)),
                ("legal_refs", _pairs(c, data.legal_references)),
                ("referral", data.referral),
                ("follow_up", dmy(data.follow_up_on) or None),
            ],
            underline=True,
        )
    )
    story.append(c.signature("consultant", data.consultant))
    return _build(
        story,
        out,
        st,
        title=f"{L['slip_title'].kk} / {L['slip_title'].ru}",
        author=data.center_name,
        footer=data.center_name,
    )


# ---------------------------------------------------------------------- certificate


def render_certificate(data: CertificateData, out: Output) -> int:
    """A4 landscape certificate of attendance."""
    check_texts(data)
    page = landscape(A4)
    pw, ph = float(page[0]), float(page[1])
    margin = 22 * MM
    c = _ctx(12, pw - 2 * margin)
    st = c.st
    center = ParagraphStyle("c", parent=st.center, fontSize=13, leading=17)
    big = ParagraphStyle("big", parent=st.title_center, fontSize=26, leading=32, textColor=ACCENT)
    name = ParagraphStyle("name", parent=st.title_center, fontSize=22, leading=28)
    cert_for = L["cert_for"]
    hours = L["hours"]
    story: list[Flowable] = [
        Spacer(1, 14 * MM),
        Paragraph(esc(data.center_name), center),
        Spacer(1, 10 * MM),
        Paragraph(
            esc(L["certificate"].kk) + (f" № {esc(data.number)}" if data.number else ""), big
        ),
        Spacer(1, 6 * MM),
        Paragraph(f"{esc(L['cert_given'].kk)} / {esc(L['cert_given'].ru)}", center),
        Spacer(1, 4 * MM),
        Paragraph(esc(data.participant), name),
        Spacer(1, 5 * MM),
        Paragraph(esc(cert_for.text("kk", topic=data.topic)), center),
        Paragraph(esc(cert_for.text("ru", topic=data.topic)), center),
        Spacer(1, 4 * MM),
        Paragraph(esc(_bilingual_date_line(data.held_on, data.place)), center),
        Paragraph(
            esc(hours.text("kk", hours=_num(data.hours)))
            + " / "
            + esc(hours.text("ru", hours=_num(data.hours), word=_ru_hours(data.hours))),
            center,
        ),
    ]
    for line in data.extra:
        story.append(Paragraph(esc(line), center))
    story += [Spacer(1, 22 * MM), c.signature("trainer", data.trainer)]

    def frame_border(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(3)
        canvas.rect(10 * MM, 10 * MM, pw - 20 * MM, ph - 20 * MM)
        canvas.setLineWidth(0.8)
        canvas.rect(13 * MM, 13 * MM, pw - 26 * MM, ph - 26 * MM)
        canvas.restoreState()

    return _build(
        story,
        out,
        st,
        title=f"{L['certificate'].kk}: {data.participant}",
        author=data.center_name,
        pagesize=(pw, ph),
        numbered=False,
        on_page=frame_border,
        margin=margin,
    )
