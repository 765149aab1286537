"""Awareness survey sheets: one page a respondent, Kazakh first, with a QR code.

The QR code holds ``CIVICDESK-SURVEY|campaign id|wave id|sheet number``; scanning it
into the entry grid opens the wave and fills the sheet number. The sheet asks for no
name: sex, age band and village are ticked, each option carries the digit that is
typed into the grid.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from civicdesk.printing.common import (
    GREY,
    PRODUCER,
    RULE,
    Output,
    check_texts,
    esc,
    make_styles,
    write_output,
)

__all__ = ["QR_PREFIX", "QuestionnaireData", "SheetQuestion", "qr_payload",
           "render_questionnaires"]

QR_PREFIX = "CIVICDESK-SURVEY"
AGE_BANDS = ("14–17", "18–29", "30–35", "36–44", "45–59", "60+")
MAX_SHEETS = 1000


def qr_payload(campaign_id: str, wave_id: str, number: int) -> str:
    return f"{QR_PREFIX}|{campaign_id}|{wave_id}|{number}"


@dataclass(frozen=True)
class SheetQuestion:
    text_kk: str
    text_ru: str
    multiple: bool
    options: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class QuestionnaireData:
    campaign_id: str
    wave_id: str
    title_kk: str
    title_ru: str
    wave_kk: str  # e.g. "1-кезең (бастапқы)"
    wave_ru: str
    center_name: str
    questions: tuple[SheetQuestion, ...]
    villages: tuple[tuple[str, str], ...] = ()  # (kk, ru), numbered 1..
    first_number: int = 1
    count: int = 1
    a5: bool = False
    note: list[str] = field(default_factory=list)


class _Box(Flowable):  # type: ignore[misc]
    """An empty square to tick, with the digit to type beside it."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.7)
        self.canv.rect(0, 0, self.size, self.size)


def _qr(payload: str, size: float) -> Drawing:
    widget = QrCodeWidget(payload, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def render_questionnaires(data: QuestionnaireData, out: Output) -> int:
    """``data.count`` numbered sheets from ``data.first_number``; returns the pages."""
    check_texts(data.title_kk, data.title_ru, data.center_name,
                *[q.text_kk for q in data.questions], *[q.text_ru for q in data.questions],
                *[o for q in data.questions for pair in q.options for o in pair],
                *[v for pair in data.villages for v in pair])
    count = max(1, min(data.count, MAX_SHEETS))
    size = 8.0 if data.a5 else 9.5
    st = make_styles(size)
    page = A5 if data.a5 else A4
    margin = (10 if data.a5 else 14) * mm
    width = float(page[0]) - 2 * margin
    box = size * 0.95

    def option_table(options: list[tuple[str, str]], columns: int) -> Table:
        cells = [[_Box(box), Paragraph(f"<b>{i}</b> {esc(kk)} / {esc(ru)}", st.cell)]
                 for i, (kk, ru) in enumerate(options, start=1)]
        rows = []
        for start in range(0, len(cells), columns):
            row: list[object] = []
            for pair in cells[start:start + columns]:
                row += pair
            row += ["", ""] * (columns - len(cells[start:start + columns]))
            rows.append(row)
        col = width / columns
        table = Table(rows, colWidths=[box + 2 * mm, col - box - 2 * mm] * columns)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return table

    story: list[Flowable] = []
    for n in range(data.first_number, data.first_number + count):
        qr_size = (22 if data.a5 else 26) * mm
        head = Table([[
            [Paragraph(f"<b>{esc(data.title_kk)}</b>", st.h2),
             Paragraph(esc(data.title_ru), st.body),
             Paragraph(f"{esc(data.wave_kk)} / {esc(data.wave_ru)}", st.small),
             Paragraph(esc(data.center_name), st.small)],
            [_qr(qr_payload(data.campaign_id, data.wave_id, n), qr_size),
             Paragraph(f"<b>№ {n}</b>", st.cell_center)],
        ]], colWidths=[width - qr_size - 4 * mm, qr_size + 4 * mm])
        head.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [head, Paragraph(
            esc("Сауалнама жасырын: атыңызды жазбаңыз. Бір немесе бірнеше жауапты белгілеңіз.")
            + "<br/>" + esc("Анкета анонимная: имя не пишите. Отметьте один или несколько "
                            "ответов."), st.small), Spacer(1, 2 * mm)]
        story.append(Paragraph("<b>Жынысы / Пол</b>", st.cell_bold))
        story.append(option_table([("Ер", "Мужской"), ("Әйел", "Женский")], 2))
        story.append(Paragraph("<b>Жасы / Возраст</b>", st.cell_bold))
        story.append(option_table([(f"{a} жас", f"{a} лет") for a in AGE_BANDS], 3))
        if data.villages:
            story.append(Paragraph("<b>Елді мекен / Населённый пункт</b>", st.cell_bold))
            story.append(option_table(list(data.villages), 3))
        story.append(Spacer(1, 2 * mm))
        for i, q in enumerate(data.questions, start=1):
            hint = (" <i>(бірнеше жауап / несколько ответов)</i>" if q.multiple else "")
            story.append(KeepTogether([
                Paragraph(f"<b>{i}. {esc(q.text_kk)}</b>", st.cell_bold),
                Paragraph(esc(q.text_ru) + hint, st.cell),
                option_table(list(q.options), 2),
                Spacer(1, 1.5 * mm),
            ]))
        story.append(PageBreak())
    if story and isinstance(story[-1], PageBreak):
        story.pop()

    buf = io.BytesIO()
    pages: list[int] = []
    doc = BaseDocTemplate(buf, pagesize=page, title=f"{data.title_kk} / {data.title_ru}",
                          author=data.center_name, creator=PRODUCER, producer=PRODUCER,
                          pageCompression=1, invariant=1)
    frame = Frame(margin, margin, width, float(page[1]) - 2 * margin, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, _doc: object) -> None:
        pages.append(1)
        canvas.saveState()
        canvas.setFont(st.fonts.regular, size * 0.7)
        canvas.setFillColor(GREY)
        canvas.drawRightString(margin + width, margin * 0.5, "CivicDesk")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate("sheet", [frame], onPage=on_page)])
    doc.build(story)
    write_output(buf.getvalue(), out)
    return len(pages)
