"""Bilingual forms: consent, consultation slip, attendance sheet, minutes, grant
application (filled or blank), review sheet and seminar certificate.

Kazakh comes first (the left column or the top line), Russian second, in the same
letter size (Law on languages, art. 21).  Every text is checked against the print font
before anything is drawn.  Dates in fields are dd.MM.yyyy, in headings long dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.formatting import format_money

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    BLACK,
    MM,
    KkRu,
    Output,
    RuledLines,
    TickBox,
    check_texts,
    dmy,
    esc,
)
from .data import (
    AttendanceSheetData,
    CertificateData,
    ConsentFormData,
    ConsultationSlipData,
    GrantApplicationData,
    ReviewSheetData,
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
    APPLICANT_KIND,
    CATEGORY,
    CONSENT_DATA,
    L,
    _bilingual_date_line,
    _build,
    _Ctx,
    _ctx,
    _money,
    _num,
    _ru_hours,
)
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


# --------------------------------------------------------------------------- grants


def render_grant_application(data: GrantApplicationData | None, out: Output) -> int:
    """A filled application, or with ``None`` the blank form to fill in by hand."""
    check_texts(data)
    c = _ctx(9.5, hyphenate=True)  # narrow budget cells: break words at syllables
    st = c.st
    d = data
    blank = d is None
    story: list[Flowable] = [*c.title("grant_title")]
    if d is not None and d.call_title:
        story.append(Paragraph(esc(d.call_title), st.center))
    story.append(Spacer(1, 2 * MM))
    if d is not None:
        kind = APPLICANT_KIND[d.applicant_kind]
        kind_cell: Flowable | str | None = f"{kind.kk} / {kind.ru}"
    else:
        kind_cell = _kind_boxes(c)
    dates = None
    if d is not None and (d.starts_on or d.ends_on):
        dates = f"{dmy(d.starts_on)} – {dmy(d.ends_on)}"

    def g(attr: str) -> str | None:
        return None if d is None else (str(getattr(d, attr)) or None)

    story += [
        c.fields([("app_no", g("number")), ("call", None if d is None else d.call_title or None)]),
        Spacer(1, 3 * MM),
        c.section("s_org"),
        c.fields(
            [
                ("organisation", g("organisation")),
                ("kind", kind_cell),
                ("bin", g("bin")),
                ("leader", g("leader")),
                ("phone", g("phone")),
                ("email", g("email")),
                ("address", g("address")),
            ]
        ),
        Spacer(1, 3 * MM),
        c.section("s_project"),
        c.fields(
            [
                ("project_title", c.value(g("title"), lines=2)),
                ("region", g("region")),
                ("dates", dates),
                ("problem", c.value(g("problem"), lines=5)),
                ("goal", c.value(g("goal"), lines=3)),
                ("activities", _activities(c, None if d is None else d.activities)),
                ("target_group", c.value(g("target_group"), lines=2)),
                (
                    "beneficiaries",
                    None if d is None or d.beneficiaries is None else _num(d.beneficiaries),
                ),
            ]
        ),
        Spacer(1, 3 * MM),
        CondPageBreak(40 * MM),
        c.section("s_indicators"),
        Spacer(1, 1.5 * MM),
    ]
    w = c.width
    ind_rows: list[list[Any]] = [
        [c.head("no", True), c.head("indicator"), c.head("baseline"), c.head("target")]
    ]
    indicators = [] if d is None else list(d.indicators)
    for i, ind in enumerate(indicators, 1):
        ind_rows.append(
            [
                c.cell(str(i), center=True),
                c.cell(ind.name),
                c.cell(ind.baseline),
                c.cell(ind.target),
            ]
        )
    # a filled form without indicators gets lines to write them in, not a bare header
    empty_rows = 4 if blank or not indicators else 0
    for i in range(len(indicators), len(indicators) + empty_rows):
        ind_rows.append([c.cell(str(i + 1), center=True), "", "", ""])
    story.append(
        c.grid(
            ind_rows,
            [10 * MM, w * 0.5, (w * 0.5 - 10 * MM) / 2, (w * 0.5 - 10 * MM) / 2],
            row_height=None if not empty_rows else 9 * MM,
        )
    )
    story += [
        CondPageBreak(60 * MM),
        Spacer(1, 4 * MM),
        c.section("s_budget"),
        Spacer(1, 1.5 * MM),
        _budget_table(c, d),
    ]
    story += [Spacer(1, 4 * MM), c.signature("applicant_sign", "" if d is None else d.leader)]
    title = f"{L['grant_title'].kk} / {L['grant_title'].ru}"
    if d is not None:
        title += f": {d.title}"
    return _build(
        story,
        out,
        st,
        title=title,
        author="" if d is None else d.organisation,
        footer="" if d is None else d.title[:90],
    )


def _kind_boxes(c: _Ctx) -> Table:
    cells: list[Any] = []
    for msg in (L["initiative_group"], L["ngo"]):
        cells += [TickBox(False), Paragraph(f"{esc(msg.kk)} / {esc(msg.ru)}", c.st.cell)]
    t = Table([cells], colWidths=[6 * MM, 50 * MM, 6 * MM, None], hAlign="LEFT")
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return t


_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.)]\s*")


def _activities(c: _Ctx, items: Sequence[str] | None) -> Flowable:
    """One numbered line per activity; a number the applicant typed («1. …», «2) …») is
    not numbered again («1. 1. …»)."""
    if not items:
        return RuledLines(5, pitch=7 * MM)
    lines = [c.hy(_NUMBERED.sub("", a)) for a in items]
    return Paragraph("<br/>".join(f"{i}. {esc(a)}" for i, a in enumerate(lines, 1)), c.st.body)


def _budget_table(c: _Ctx, d: GrantApplicationData | None) -> Table:
    w = c.width
    fixed = [8 * MM, 30 * MM, 0.0, 15 * MM, 15 * MM, 21 * MM, 24 * MM, 22 * MM]
    fixed[2] = w - sum(fixed)
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("category"),
            c.head("item"),
            c.head("unit", True),
            c.head("qty", True),
            c.head("unit_cost", True),
            c.head("total", True),
            c.head("co_financing", True),
        ]
    ]
    lines = [] if d is None else list(d.budget)
    total = sum((ln.total for ln in lines), Decimal(0))
    co = sum((ln.co_financing for ln in lines), Decimal(0))
    for i, ln in enumerate(lines, 1):
        cat = CATEGORY[ln.category]
        rows.append(
            [
                c.cell(str(i), center=True),
                Paragraph(f"{esc(c.hy(cat.kk))}\u00a0/<br/>{esc(c.hy(cat.ru))}", c.st.cell),
                c.cell(ln.item),
                c.cell(ln.unit, center=True),
                c.cell(_num(ln.quantity), right=True),
                c.cell(_money(ln.unit_cost), right=True),
                c.cell(_money(ln.total), right=True),
                c.cell(_money(ln.co_financing), right=True),
            ]
        )
    blank_rows = 8 if d is None else 0
    for i in range(blank_rows):
        rows.append([c.cell(str(len(lines) + i + 1), center=True), "", "", "", "", "", "", ""])
    totals = L["totals"]
    n = len(rows)
    rows.append(
        [
            "",
            Paragraph(f"<b>{esc(totals.kk)} / {esc(totals.ru)}</b>", c.st.cell),
            "",
            "",
            "",
            "",
            c.cell(_money(total) if d else "", right=True, bold=True),
            c.cell(_money(co) if d else "", right=True, bold=True),
        ]
    )
    share = ""
    if d is not None and total > 0:
        share = (
            f"{(co * 100 / total).quantize(Decimal('0.1'), ROUND_HALF_UP)}".replace(".", ",")
            + "\u00a0%"
        )
    requested = format_money(total - co, "kk") if d else ""
    rows.append(
        ["", c.label("requested"), "", "", "", "", c.cell(requested, right=True, bold=True), ""]
    )
    rows.append(["", c.label("co_share"), "", "", "", "", c.cell(share, right=True, bold=True), ""])
    extra = [
        ("SPAN", (1, n), (5, n)),
        ("SPAN", (1, n + 1), (5, n + 1)),
        ("SPAN", (1, n + 2), (5, n + 2)),
        ("SPAN", (6, n + 1), (7, n + 1)),
        ("SPAN", (6, n + 2), (7, n + 2)),
        ("BACKGROUND", (0, n), (-1, -1), ACCENT_LIGHT),
    ]
    return c.grid(rows, fixed, extra=extra, row_height=None if d else 8 * MM)


def render_review_sheet(data: ReviewSheetData, out: Output) -> int:
    check_texts(data)
    c = _ctx(9.5)
    st = c.st
    story: list[Flowable] = [*c.title("review_title"), Spacer(1, 2 * MM)]
    story.append(
        c.fields(
            [
                ("call", data.call_title or None),
                ("app_no", data.application_number or None),
                ("project_title", data.application_title or None),
                ("applicant", data.applicant or None),
                ("reviewer", data.reviewer or None),
            ]
        )
    )
    story.append(Spacer(1, 4 * MM))
    w = c.width
    widths = [8 * MM, 0.0, 19 * MM, 20 * MM, 16 * MM, 40 * MM]
    widths[1] = w - sum(widths)
    rows: list[list[Any]] = [
        [
            c.head("no", True),
            c.head("criterion"),
            c.head("weight", True),
            c.head("max_score", True),
            c.head("score", True),
            c.head("comment"),
        ]
    ]
    complete = all(cr.score is not None for cr in data.criteria)
    weighted = Decimal(0)
    weighted_max = Decimal(0)
    for i, cr in enumerate(data.criteria, 1):
        rows.append(
            [
                c.cell(str(i), center=True),
                Paragraph(f"{esc(cr.name.kk)}<br/>{esc(cr.name.ru)}", st.cell),
                c.cell(_num(cr.weight), center=True),
                c.cell(str(cr.max_score), center=True),
                Paragraph(f"<b>{cr.score}</b>" if cr.score is not None else "", st.cell_center),
                c.cell(cr.comment),
            ]
        )
        weighted_max += cr.weight * cr.max_score
        if cr.score is not None:
            weighted += cr.weight * cr.score
    n = len(rows)
    total = (
        f"{_num(weighted)} / {_num(weighted_max)}"
        if complete and data.criteria
        else f"      / {_num(weighted_max)}"
    )
    rows.append(["", c.label("weighted_total"), "", "", c.cell(total, center=True, bold=True), ""])
    extra = [
        ("SPAN", (1, n), (3, n)),
        ("SPAN", (4, n), (5, n)),
        ("BOX", (4, 1), (4, n - 1), 1.5, BLACK),
        ("BACKGROUND", (0, n), (-1, n), ACCENT_LIGHT),
    ]
    story.append(c.grid(rows, widths, extra=extra, row_height=12 * MM if not complete else None))
    story.append(Spacer(1, 4 * MM))
    story.append(c.fields([("remarks", c.value(data.remarks, lines=4))], underline=False))
    story.append(Spacer(1, 4 * MM))
    conflict = L["conflict"]
    half = (w - 8 * MM) / 2
    decl = Table(
        [
            [
                TickBox(data.no_conflict_declared),
                Paragraph(esc(conflict.kk), st.body),
                Paragraph(esc(conflict.ru), st.body),
            ]
        ],
        colWidths=[8 * MM, half, half],
        hAlign="LEFT",
    )
    decl.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, 0), 2.5 * MM),
                ("LEFTPADDING", (2, 0), (2, 0), 2.5 * MM),
                ("TOPPADDING", (0, 0), (0, 0), 0.8 * MM),
            ]
        )
    )
    story.append(
        KeepTogether(
            [
                decl,
                c.fields([("date", dmy(data.signed_on) or None)]),
                c.signature("reviewer", data.reviewer),
            ]
        )
    )
    return _build(
        story,
        out,
        st,
        title=f"{L['review_title'].kk} / {L['review_title'].ru}",
        author=data.reviewer,
        footer=data.application_number,
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
