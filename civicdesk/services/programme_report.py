"""Target against actual as a bilingual PDF (the periodic report's layout) or XLSX,
for a whole programme or one region and/or quarter."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import IO

from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.programmes import INDICATOR_NAMES
from civicdesk.printing.common import write_output
from civicdesk.printing.report import (
    ReportColumn,
    ReportData,
    ReportRow,
    ReportSection,
    ReportTable,
    render_report,
)
from civicdesk.services.base import Context
from civicdesk.services.programmes import TargetRow, list_programmes, target_vs_actual

__all__ = ["programme_document", "write_programme_report"]

M = Message
ALL = M("барлығы", "все")
BAD_FORMAT = Message(kk="Пішім: pdf немесе xlsx.", ru="Формат: pdf или xlsx.")
COLUMNS = (
    ReportColumn(M("Облыс", "Область"), "text"),
    ReportColumn(M("Тоқсан", "Квартал"), "text"),
    ReportColumn(M("Мақсат", "Цель"), "decimal"),
    ReportColumn(M("Нақты", "Факт"), "decimal"),
    ReportColumn(M("Орындалуы, %", "Выполнение, %"), "percent"),
)


def _selected(rows: list[TargetRow], region: str | None, quarter: str | None
              ) -> list[TargetRow]:
    return [r for r in rows if (region is None or r.region_kato in (None, region))
            and (quarter is None or r.quarter in (None, quarter))]


def programme_document(ctx: Context, programme_id: str, *, region: str | None = None,
                       quarter: str | None = None) -> ReportData:
    programme = next((p for p in list_programmes(ctx) if p.id == programme_id), None)
    rows = _selected(target_vs_actual(ctx, programme_id), region, quarter)
    name = M(programme.name_kk, programme.name_ru) if programme else M("", "")
    table = ReportTable(
        "targets", M("Мақсат пен нақты", "Цель и факт"), M("Көрсеткіш", "Показатель"),
        COLUMNS,
        tuple(ReportRow(INDICATOR_NAMES[r.indicator],
                        (r.region_kato or ALL.kk + " / " + ALL.ru, r.quarter or "—",
                         r.target.quantize(Decimal("0.1")),
                         None if r.actual is None else r.actual.quantize(Decimal("0.1")),
                         r.percent), r.id) for r in rows),
        sheet="Мақсаттар")
    period = M(f"{programme.starts_on:%d.%m.%Y}–{programme.ends_on:%d.%m.%Y}",
               f"{programme.starts_on:%d.%m.%Y}–{programme.ends_on:%d.%m.%Y}") if programme \
        else M("", "")
    start = programme.starts_on if programme else ctx.today()
    end = programme.ends_on if programme else ctx.today()
    note = M("Нақты мән статистикадағы жазбалардан есептеледі; хабардарлық — пайыздық "
             "тармақпен.", "Факт считается по тем же записям, что и статистика; "
                           "осведомлённость — в процентных пунктах.")
    return ReportData(title=M("Бағдарлама: мақсат пен нақты", "Программа: цель и факт"),
                      center=name, period=period, period_start=start, period_end=end,
                      generated_on=ctx.today(),
                      sections=(ReportSection(name, tables=(table,), note=note),))


def write_programme_report(ctx: Context, programme_id: str, fmt: str,
                           out: Path | IO[bytes], *, region: str | None = None,
                           quarter: str | None = None) -> int:
    """PDF (returns pages) or XLSX (returns rows)."""
    doc = programme_document(ctx, programme_id, region=region, quarter=quarter)
    kind = fmt.strip().lower().lstrip(".")
    if kind == "pdf":
        return render_report(doc, out)
    if kind != "xlsx":
        raise UserError("report.format", BAD_FORMAT, field="format")
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Мақсаттар"
    table = doc.sections[0].tables[0]
    ws.append([f"{table.label_header.kk} / {table.label_header.ru}",
               *[f"{c.header.kk} / {c.header.ru}" for c in table.columns]])
    for r in table.rows:
        ws.append([f"{r.label.kk} / {r.label.ru}",
                   *[float(v) if isinstance(v, Decimal) else v for v in r.values]])
    buf = io.BytesIO()
    wb.save(buf)
    write_output(buf.getvalue(), out)
    return len(table.rows)
