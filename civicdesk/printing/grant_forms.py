"""The small-grant forms: the application (filled or blank) and the review sheet.

Kazakh first, Russian second, as in every form (see ``forms``); re-exported there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.platypus import (
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
    ACCENT_LIGHT,
    BLACK,
    MM,
    Output,
    RuledLines,
    TickBox,
    check_texts,
    dmy,
    esc,
)
from .data import (
    GrantApplicationData,
    ReviewSheetData,
)
from .form_kit import (
    APPLICANT_KIND,
    CATEGORY,
    L,
    _build,
    _Ctx,
    _ctx,
    _money,
    _num,
)


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
