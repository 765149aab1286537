"""The periodic (quarterly) report: bilingual A4 pages with charts and tables.

The input is a plain document (:class:`ReportData`): key figures, tables and charts,
every label in Kazakh and Russian. ``services.report_export`` builds it from the
statistics, so the PDF, the XLSX export and the app show the same numbers.
Kazakh comes first (top line or left), Russian second, same letter size. Every text is
checked against the print font before anything is drawn.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import CMYKColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.domain.errors import Message
from civicdesk.domain.formatting import format_money

from .common import (
    ACCENT,
    ACCENT_LIGHT,
    BLACK,
    GREY,
    MM,
    PRODUCER,
    RULE,
    Output,
    Styles,
    check_texts,
    esc,
    long_date,
    make_styles,
    numbered_canvas,
    write_output,
)

__all__ = [
    "BarChartData",
    "CellKind",
    "Figure",
    "PieChartData",
    "ReportColumn",
    "ReportData",
    "ReportRow",
    "ReportSection",
    "ReportTable",
    "format_cell",
    "render_report",
]

CellKind = Literal["int", "money", "percent", "decimal", "text"]
Cell = int | Decimal | str | None


@dataclass(frozen=True)
class Figure:
    """A key figure: a label and a value (``kind`` says how to print it)."""

    label: Message
    value: Cell
    kind: CellKind = "int"


@dataclass(frozen=True)
class ReportColumn:
    header: Message
    kind: CellKind = "int"


@dataclass(frozen=True)
class ReportRow:
    """A row: its name in both languages (the same text twice for a person's name)
    and one value per column; ``key`` identifies it for drill-down."""

    label: Message
    values: tuple[Cell, ...]
    key: str = ""


@dataclass(frozen=True)
class ReportTable:
    key: str
    title: Message
    label_header: Message
    columns: tuple[ReportColumn, ...]
    rows: tuple[ReportRow, ...]
    total: ReportRow | None = None
    #: a short name for a spreadsheet tab (at most 31 characters)
    sheet: str = ""


@dataclass(frozen=True)
class BarChartData:
    title: Message
    labels: tuple[Message, ...]
    values: tuple[int, ...]


@dataclass(frozen=True)
class PieChartData:
    title: Message
    labels: tuple[Message, ...]
    values: tuple[int, ...]


Chart = BarChartData | PieChartData


@dataclass(frozen=True)
class ReportSection:
    title: Message
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    note: Message | None = None


@dataclass(frozen=True)
class ReportData:
    title: Message
    center: Message
    period: Message
    period_start: date
    period_end: date
    generated_on: date
    sections: tuple[ReportSection, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- values


def format_cell(value: Cell, kind: CellKind) -> str:
    """How a value is printed: ``1 234``, ``1 000 000 ₸``, ``45,5 %``; empty is ``—``."""
    if value is None:
        return "—"
    if kind == "text" or isinstance(value, str):
        return str(value)
    if kind == "money":
        return format_money(Decimal(value), "kk")
    if kind == "percent":
        return f"{Decimal(value):.1f}".replace(".", ",") + "\u00a0%"
    if kind == "decimal":
        return f"{Decimal(value):.1f}".replace(".", ",")
    return f"{int(value):,}".replace(",", "\u00a0")


# --------------------------------------------------------------------------- drawing

A4_W, A4_H = (float(v) for v in A4)
MARGIN = 16 * MM
WIDTH = A4_W - 2 * MARGIN

PALETTE = (
    CMYKColor(0.85, 0.35, 0, 0.2),
    CMYKColor(0, 0.55, 0.9, 0),
    CMYKColor(0.55, 0, 0.8, 0.1),
    CMYKColor(0, 0.85, 0.5, 0.1),
    CMYKColor(0.5, 0.5, 0, 0.1),
    CMYKColor(0, 0.25, 0.9, 0.05),
    CMYKColor(0.3, 0, 0.1, 0.35),
    CMYKColor(0, 0, 0, 0.45),
)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _bar_chart(chart: BarChartData, st: Styles, width: float) -> Drawing:
    """Horizontal bars, each labelled in Kazakh (top) and Russian (below, grey)."""
    regular, size = st.fonts.regular, 7.2
    row_h = 8.4 * MM
    label_w = width * 0.47
    bar_x = label_w + 2 * MM
    bar_w = width - bar_x - 14 * MM
    n = len(chart.values)
    height = max(1, n) * row_h + 2 * MM
    d = Drawing(width, height)
    top = max(chart.values) if chart.values else 0
    for i, (lab, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = height - (i + 1) * row_h
        d.add(String(0, y + row_h * 0.52, _fit(lab.kk, regular, size, label_w),
                     fontName=regular, fontSize=size, fillColor=BLACK))
        if lab.ru != lab.kk:
            d.add(String(0, y + row_h * 0.52 - size * 1.18, _fit(lab.ru, regular, size, label_w),
                         fontName=regular, fontSize=size, fillColor=GREY))
        w = 0.0 if top == 0 else bar_w * value / top
        d.add(Rect(bar_x, y + row_h * 0.2, max(w, 0.6), row_h * 0.6,
                   fillColor=PALETTE[0], strokeColor=None))
        d.add(String(bar_x + w + 1.5 * MM, y + row_h * 0.38, format_cell(value, "int"),
                     fontName=st.fonts.bold, fontSize=size, fillColor=BLACK))
    d.add(Line(bar_x, 0, bar_x, height, strokeColor=RULE, strokeWidth=0.5))
    return d


def _pie_chart(chart: PieChartData, st: Styles, width: float) -> Drawing:
    """A pie with a bilingual legend: colour, kk / ru, count and share."""
    regular, size = st.fonts.regular, 7.6
    diameter = 34 * MM
    n = len(chart.values)
    line_h = 9 * MM
    height = max(diameter + 4 * MM, n * line_h + 2 * MM)
    d = Drawing(width, height)
    total = sum(chart.values)
    if total > 0:
        pie = Pie()
        pie.x, pie.y = 2 * MM, (height - diameter) / 2
        pie.width = pie.height = diameter
        pie.data = [max(v, 0) for v in chart.values]
        pie.labels = None
        pie.simpleLabels = 1
        pie.slices.strokeColor = CMYKColor(0, 0, 0, 0)
        pie.slices.strokeWidth = 0.8
        pie.startAngle = 90
        pie.direction = "clockwise"
        for i in range(n):
            pie.slices[i].fillColor = PALETTE[i % len(PALETTE)]
        d.add(pie)
    else:
        d.add(Rect(2 * MM, (height - diameter) / 2, diameter, diameter,
                   fillColor=None, strokeColor=RULE, strokeWidth=0.5))
    x = diameter + 10 * MM
    for i, (lab, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = height - (i + 1) * line_h + 2 * MM
        d.add(Rect(x, y + 1.2 * MM, 3.2 * MM, 3.2 * MM, fillColor=PALETTE[i % len(PALETTE)],
                   strokeColor=None))
        share = "" if total == 0 else "  " + format_cell(
            (Decimal(value) * 100 / total).quantize(Decimal("0.1")), "percent")
        d.add(String(x + 5 * MM, y + 2.4 * MM, f"{lab.kk}: {format_cell(value, 'int')}{share}",
                     fontName=regular, fontSize=size, fillColor=BLACK))
        if lab.ru != lab.kk:
            d.add(String(x + 5 * MM, y + 2.4 * MM - size * 1.2, lab.ru,
                         fontName=regular, fontSize=size, fillColor=GREY))
    return d


class _Chart(Flowable):  # type: ignore[misc]
    """A titled chart that stays on one page."""

    def __init__(self, title: Message, drawing: Drawing, st: Styles) -> None:
        super().__init__()
        self.title = Paragraph(
            f"<b>{esc(title.kk)}</b><br/><b>{esc(title.ru)}</b>", st.label
        )
        self.drawing = drawing
        self._th = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _w, self._th = self.title.wrap(avail_width, avail_height)
        return avail_width, self._th + 1.5 * MM + float(self.drawing.height)

    def draw(self) -> None:
        h = float(self.drawing.height)
        self.title.drawOn(self.canv, 0, h + 1.5 * MM)
        self.drawing.drawOn(self.canv, 0, 0)


# --------------------------------------------------------------------------- tables


def _two_lines(msg: Message, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    kk, ru = esc(msg.kk), esc(msg.ru)
    if bold:
        kk, ru = f"<b>{kk}</b>", f"<b>{ru}</b>"
    if msg.kk == msg.ru:
        return Paragraph(kk, style)
    return Paragraph(f"{kk}<br/><font color='#6f6f6f'>{ru}</font>", style)


def _table(t: ReportTable, st: Styles, width: float) -> list[Flowable]:
    right = ParagraphStyle("cell_right", parent=st.cell, alignment=TA_RIGHT)
    right_bold = ParagraphStyle("cell_right_bold", parent=st.cell_bold, alignment=TA_RIGHT)
    n = len(t.columns)
    # many columns: smaller headers so that long words are never broken
    head_size = st.cell.fontSize if n <= 4 else st.cell.fontSize * 0.88
    head_right = ParagraphStyle("head_right", parent=st.cell, alignment=TA_RIGHT,
                                fontSize=head_size, leading=head_size * 1.22,
                                splitLongWords=0)
    value_w = 28 * MM if n <= 3 else (width * 0.72) / n
    label_w = width - value_w * n
    rows: list[list[Any]] = [[
        _two_lines(t.label_header, st.cell, bold=True),
        *[_two_lines(c.header, head_right, bold=True) for c in t.columns],
    ]]
    for r in t.rows:
        rows.append([
            _two_lines(r.label, st.cell),
            *[Paragraph(esc(format_cell(v, c.kind)), right)
              for v, c in zip(r.values, t.columns, strict=True)],
        ])
    extra: list[tuple[Any, ...]] = []
    if t.total is not None and t.rows:
        rows.append([
            _two_lines(t.total.label, st.cell, bold=True),
            *[Paragraph(esc(format_cell(v, c.kind)), right_bold)
              for v, c in zip(t.total.values, t.columns, strict=True)],
        ])
        extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, BLACK))
    if not t.rows:
        rows.append([Paragraph(esc("Деректер жоқ / Нет данных"), st.cell), *[""] * n])
        extra.append(("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)))
    table = Table(rows, colWidths=[label_w, *[value_w] * n], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLACK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.4 * MM),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.4 * MM),
        ("TOPPADDING", (0, 0), (-1, -1), 0.9 * MM),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.1 * MM),
        *extra,
    ]))
    title = _two_lines(t.title, st.h2, bold=False)
    title.keepWithNext = True
    parts: list[Flowable] = [title, Spacer(1, 1.2 * MM), table]
    # a short table stays on one page; a long one breaks, its header repeated
    return [KeepTogether(parts)] if len(rows) <= 14 else parts


def _figures(figs: Sequence[Figure], st: Styles, width: float) -> Table:
    """Key figures as tiles: the value big, the label kk above ru below it."""
    per_row = 4
    tile_w = width / per_row
    value_style = ParagraphStyle("fig", parent=st.title, fontSize=st.size * 1.45,
                                 leading=st.size * 1.75, textColor=ACCENT)
    cells: list[list[Any]] = []
    row: list[Any] = []
    for f in figs:
        row.append([Paragraph(esc(format_cell(f.value, f.kind)), value_style),
                    _two_lines(f.label, st.label)])
        if len(row) == per_row:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (per_row - len(row)))
    t = Table(cells, colWidths=[tile_w] * per_row, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * MM),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * MM),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5 * MM),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * MM),
        ("LINEBEFORE", (0, 0), (0, -1), 1.6, ACCENT),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
    ]))
    return t


# --------------------------------------------------------------------------- document


def _header(data: ReportData, st: Styles) -> list[Flowable]:
    title = ParagraphStyle("rtitle", parent=st.title, fontSize=st.size * 1.75,
                           leading=st.size * 2.1)
    sub = ParagraphStyle("rsub", parent=st.body, fontSize=st.size * 1.1, leading=st.size * 1.45)
    out: list[Flowable] = [
        Paragraph(esc(data.title.kk), title),
        Paragraph(esc(data.title.ru), title),
        Spacer(1, 2 * MM),
        Paragraph(f"<b>{esc(data.center.kk)}</b>", sub),
    ]
    if data.center.ru != data.center.kk:
        out.append(Paragraph(f"<b>{esc(data.center.ru)}</b>", sub))
    period_kk = f"Есепті кезең: {data.period.kk} ({long_date(data.period_start, 'kk')} – " \
        f"{long_date(data.period_end, 'kk')})"
    period_ru = f"Отчётный период: {data.period.ru} ({long_date(data.period_start, 'ru')} – " \
        f"{long_date(data.period_end, 'ru')})"
    made = f"Жасалған күні: {long_date(data.generated_on, 'kk')} / " \
        f"Дата формирования: {long_date(data.generated_on, 'ru')}"
    out += [
        Spacer(1, 1.5 * MM),
        Paragraph(esc(period_kk), st.body),
        Paragraph(esc(period_ru), st.body),
        Paragraph(esc(made), st.small),
        Spacer(1, 3 * MM),
    ]
    return out


def _texts(data: ReportData) -> list[object]:
    """Everything printed, for the glyph check (fixed labels included)."""
    fixed = [
        "Есепті кезең", "Отчётный период", "Жасалған күні", "Дата формирования",
        "Деректер жоқ / Нет данных", "—", "…", "\u00a0%", "₸",
        long_date(data.period_start, "kk"), long_date(data.period_start, "ru"),
        long_date(data.period_end, "kk"), long_date(data.period_end, "ru"),
        long_date(data.generated_on, "kk"), long_date(data.generated_on, "ru"),
    ]
    cells = [
        format_cell(v, c.kind)
        for sec in data.sections for t in sec.tables
        for r in (*t.rows, *([t.total] if t.total else []))
        for v, c in zip(r.values, t.columns, strict=True)
    ]
    cells += [format_cell(f.value, f.kind) for sec in data.sections for f in sec.figures]
    return [data, fixed, cells]


def render_report(data: ReportData, out: Output) -> int:
    """Render the report; returns the number of pages."""
    check_texts(*_texts(data))
    st = make_styles(9.0)
    story: list[Flowable] = _header(data, st)
    for number, sec in enumerate(data.sections, start=1):
        story.append(CondPageBreak(60 * MM))
        head = Paragraph(f"{number}. {esc(sec.title.kk)} / {esc(sec.title.ru)}", st.h1)
        head.keepWithNext = True
        story.append(head)
        if sec.figures:
            story += [_figures(sec.figures, st, WIDTH), Spacer(1, 2 * MM)]
        if sec.note is not None:
            story += [Paragraph(f"{esc(sec.note.kk)}<br/>{esc(sec.note.ru)}", st.small),
                      Spacer(1, 2 * MM)]
        for chart in sec.charts:
            drawing = (_bar_chart(chart, st, WIDTH) if isinstance(chart, BarChartData)
                       else _pie_chart(chart, st, WIDTH))
            story += [_Chart(chart.title, drawing, st), Spacer(1, 3 * MM)]
        for table in sec.tables:
            story += _table(table, st, WIDTH)
            story.append(Spacer(1, 3.5 * MM))

    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=(A4_W, A4_H), title=f"{data.title.kk} / {data.title.ru}",
        author=data.center.kk, subject=f"{data.period.kk} / {data.period.ru}",
        creator=PRODUCER, producer=PRODUCER, pageCompression=1, invariant=1,
    )
    frame = Frame(MARGIN, 16 * MM, WIDTH, A4_H - 16 * MM - MARGIN,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    pages: list[int] = []
    footer = f"{data.center.kk} · {data.period.kk} / {data.period.ru}"

    def hook(canvas: Canvas, page: int, total: int) -> None:
        pages.append(total)
        canvas.saveState()
        canvas.setFont(st.fonts.regular, 7.5)
        canvas.setFillColor(GREY)
        canvas.drawString(MARGIN, 9 * MM, _fit(footer, st.fonts.regular, 7.5, WIDTH - 25 * MM))
        canvas.drawRightString(A4_W - MARGIN, 9 * MM, f"{page} / {total}")
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, A4_H - MARGIN + 4 * MM, A4_W - MARGIN, A4_H - MARGIN + 4 * MM)
        canvas.restoreState()

    doc.build(story, canvasmaker=numbered_canvas(hook))
    write_output(buf.getvalue(), out)
    return pages[0] if pages else 0
