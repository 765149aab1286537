"""The periodic report PDF: numbers and Kazakh letters survive into the text layer,
every page is numbered, charts are drawn, a missing glyph is refused."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.periods import parse_period, quarter_of
from civicdesk.printing.report import (
    BarChartData,
    Figure,
    PieChartData,
    ReportColumn,
    ReportData,
    ReportRow,
    ReportSection,
    ReportTable,
    format_cell,
    render_report,
)
from civicdesk.services.base import Actor, Context
from civicdesk.services.demo import generate_demo
from civicdesk.services.report_export import report_document, write_pdf, write_report
from civicdesk.services.reports import build_report


def _text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    return " ".join(text.replace("\u00a0", " ").split()), len(reader.pages)


def _num(n: int) -> str:
    return format_cell(n, "int").replace("\u00a0", " ")


@pytest.fixture()
def demo(ctx: Context) -> Context:
    generate_demo(ctx, consultations=2000, seed=11)
    return ctx


def test_quarter_report_holds_the_numbers(demo: Context) -> None:
    period = quarter_of(demo.today() - timedelta(days=120))
    report = build_report(demo, period)
    buf = io.BytesIO()
    pages = write_pdf(report, buf)
    text, n = _text(buf.getvalue())
    assert pages == n >= 3
    c = report.consultations
    assert c.total > 100
    for phrase in [
        "ТОҚСАНДЫҚ ЕСЕП", "КВАРТАЛЬНЫЙ ОТЧЁТ",
        "Ақсу ауылының ЖӨБ дамыту орталығы", "Центр развития МСУ села Аксу",
        period.label.kk, period.label.ru,
        "Кеңес беру / Консультации", "Жиындар мен жиналыстар / Сходы и собрания",
        "Шағын гранттар / Малые гранты", "Семинарлар / Семинары", "Кітапшалар / Буклеты",
        "Тұрғындардың жынысы мен жасы бойынша кеңестер",
        f"{n} / {n}",
    ]:
        assert phrase in text, phrase
    # the total and every breakdown's numbers with their names
    assert f"Барлығы Итого {_num(c.total)}" in text
    for x in c.by_topic:
        assert x.kk[:20] in text and x.ru[:20] in text
    for x in [*c.by_channel, *c.by_settlement, *c.by_consultant]:
        assert f"{x.ru} {_num(x.count)}" in text or f"{x.kk} {_num(x.count)}" in text, x
    assert _num(c.overdue) in text
    assert _num(report.meetings.held) in text
    # Kazakh letters are text, not boxes or look-alikes
    for letter in "әғқңөұүіҚӨ":
        assert letter in text, letter


def test_money_and_head_office_tables(demo: Context, tmp_path: Path) -> None:
    head = demo.with_actor(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE, demo.actor.center_id))
    out = tmp_path / "year.pdf"
    pages = write_report(head, parse_period("2025"), "pdf", out)
    text, n = _text(out.read_bytes())
    assert pages == n
    assert "ЖЫЛДЫҚ ЕСЕП" in text and "ГОДОВОЙ ОТЧЁТ" in text
    assert "1 000 000 ₸" in text and "500 000 ₸" in text
    assert "Орталықтар мен өңірлер бойынша / По центрам и регионам" in text
    assert "Алматы облысы" in text and "Алматинская область" in text


def test_charts_are_drawn_for_every_row() -> None:
    labels = tuple(Message(f"Тақырып {i} — ұзын атау", f"Тема {i}") for i in range(12))
    data = ReportData(
        title=Message("ЕСЕП", "ОТЧЁТ"), center=Message("Орталық", "Центр"),
        period=Message("2025 ж. I тоқсан", "I квартал 2025 г."),
        period_start=date(2025, 1, 1), period_end=date(2025, 3, 31),
        generated_on=date(2025, 4, 2),
        sections=(ReportSection(
            Message("Бөлім", "Раздел"),
            figures=(Figure(Message("Қор", "Фонд"), Decimal("1000000"), "money"),
                     Figure(Message("Үлесі", "Доля"), Decimal("45.5"), "percent")),
            charts=(BarChartData(Message("Бағандар", "Столбцы"), labels,
                                 tuple(range(100, 112))),
                    PieChartData(Message("Шеңбер", "Круг"), labels[:4], (1, 2, 3, 0))),
            tables=(ReportTable("t", Message("Кесте", "Таблица"), Message("Атауы", "Название"),
                                (ReportColumn(Message("Саны", "Кол-во")),),
                                tuple(ReportRow(lab, (i,)) for i, lab in enumerate(labels)),
                                ReportRow(Message("Барлығы", "Итого"), (66,))),),
        ),),
    )
    buf = io.BytesIO()
    assert render_report(data, buf) >= 1
    text, _n = _text(buf.getvalue())
    for i in range(12):
        assert f"Тақырып {i} — ұзын атау" in text and str(100 + i) in text
    assert "1 000 000 ₸" in text and "45,5 %" in text
    assert "Шеңбер" in text and "Круг" in text


def test_missing_glyph_is_refused(demo: Context) -> None:
    report = build_report(demo, parse_period("2025Q1"))
    doc = report_document(report)
    bad = ReportData(doc.title, Message("Орталық ☐", "Центр ☐"), doc.period, doc.period_start,
                     doc.period_end, doc.generated_on, doc.sections)
    with pytest.raises(UserError) as exc:
        render_report(bad, io.BytesIO())
    assert "☐" in exc.value.text("kk") or "2610" in exc.value.text("kk").upper()


def test_unknown_format_is_refused(demo: Context, tmp_path: Path) -> None:
    with pytest.raises(UserError) as exc:
        write_report(demo, parse_period("2025Q1"), "docx", tmp_path / "x.docx")
    assert exc.value.code == "report.format"
    assert "пішімі" in exc.value.text("kk") and "формат" in exc.value.text("ru")
    assert not (tmp_path / "x.docx").exists()
