"""The results sections in the periodic report (PDF and XLSX, as `civicdesk report`)."""

from __future__ import annotations

import io
import random
from datetime import date, timedelta

from openpyxl import load_workbook
from pypdf import PdfReader

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.periods import year_period
from civicdesk.services import campaigns as svc
from civicdesk.services import seminars as sem
from civicdesk.services.base import Context
from civicdesk.services.campaign_demo import DEMO_QUESTIONS, fill_wave
from civicdesk.services.report_export import write_report
from civicdesk.services.report_results import results_sections

START = date(2025, 3, 1)


def _campaign(ctx: Context, sheets: int = 60) -> svc.CampaignView:
    c = svc.create_campaign(ctx, svc.CampaignInput(
        "Өтініш беру науқаны", "Кампания об обращениях", START, DEMO_QUESTIONS,
        ends_on=START + timedelta(days=60)))
    rnd = random.Random(5)
    fill_wave(ctx, c.waves[0].id, sheets, 0.35, rnd, [])
    end = svc.add_wave(ctx, c.id, WaveKind.ENDLINE, START + timedelta(days=50))
    fill_wave(ctx, end.id, sheets, 0.75, rnd, [])
    return c


def test_sections_for_the_period(ctx: Context) -> None:
    _campaign(ctx)
    s = sem.create_seminar(ctx, sem.SeminarInput("Семинар", START))
    sem.add_participant(ctx, s.id, sem.ParticipantInput("Қатысушы", pre_score=40,
                                                        post_score=70))
    sections = results_sections(ctx, year_period(2025))
    assert [x.title.ru for x in sections] == [
        "Результаты информационных кампаний: осведомлённость", "Семинары: прирост знаний"]
    table = sections[0].tables[0]
    assert table.title.ru == "Кампания об обращениях" and len(table.rows) == 4
    assert table.total is not None and table.total.label.ru.startswith("Знают")
    base, _end, points, relative = table.total.values
    assert isinstance(base, str) and base.endswith("; 60") and "[" in base
    assert isinstance(points, str) and points.startswith("+")
    assert isinstance(relative, str) and relative.startswith("+")
    assert results_sections(ctx, year_period(2023)) == ()


def test_pdf_and_xlsx_report_carry_the_awareness_change(ctx: Context) -> None:
    _campaign(ctx, sheets=20)
    buf = io.BytesIO()
    write_report(ctx, year_period(2025), "pdf", buf)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert "Кампания об обращениях" in text and "Өтініш беру науқаны" in text
    assert "процентные пункты" in text and "Относительный" in text and "тармақ" in text
    assert "+125,0" in text  # relative growth beside the +50,0 percentage points
    assert "меньше 30 ответов" in text  # 20 sheets a wave: the small-sample rule
    xbuf = io.BytesIO()
    write_report(ctx, year_period(2025), "xlsx", xbuf)
    wb = load_workbook(io.BytesIO(xbuf.getvalue()))
    assert "Науқан 1" in wb.sheetnames
