"""The periodic report as a document: PDF (reportlab) and XLSX (openpyxl).

``report_document`` turns the statistics of ``services.reports`` into the printing
module's plain document (figures, charts, tables, every label in kk and ru); the PDF
and the workbook are both made from it, so they always hold the same numbers.

    write_report(ctx, parse_period("2025Q1"), "pdf", Path("report.pdf"))  # -> pages
    write_report(ctx, parse_period("2025"), "xlsx", Path("report.xlsx"))  # -> sheets
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from civicdesk.domain.errors import Message, UserError
from civicdesk.domain.formatting import format_date
from civicdesk.domain.periods import Period
from civicdesk.printing.common import write_output
from civicdesk.printing.report import (
    BarChartData,
    CellKind,
    Figure,
    PieChartData,
    ReportColumn,
    ReportData,
    ReportRow,
    ReportSection,
    ReportTable,
    render_report,
)
from civicdesk.services.base import Context
from civicdesk.services.reports import (
    NOT_STATED,
    Count,
    Report,
    UnitRow,
    build_report,
    percent,
)

__all__ = [
    "FORMATS",
    "L",
    "report_document",
    "report_tables",
    "write_pdf",
    "write_report",
    "write_xlsx",
]

M = Message
FORMATS = ("pdf", "xlsx")

BAD_FORMAT = Message(
    kk="Есептің пішімі белгісіз: «{fmt}». Болатыны: pdf, xlsx.",
    ru="Неизвестный формат отчёта: «{fmt}». Допустимо: pdf, xlsx.",
)

#: Fixed labels of the report.
L: dict[str, Message] = {
    "title_quarter": M("ТОҚСАНДЫҚ ЕСЕП", "КВАРТАЛЬНЫЙ ОТЧЁТ"),
    "title_year": M("ЖЫЛДЫҚ ЕСЕП", "ГОДОВОЙ ОТЧЁТ"),
    "title": M("КЕЗЕҢДІК ЕСЕП", "ОТЧЁТ ЗА ПЕРИОД"),
    "summary": M("Негізгі көрсеткіштер", "Основные показатели"),
    "indicator": M("Көрсеткіш", "Показатель"),
    "value": M("Мәні", "Значение"),
    "center": M("Орталық", "Центр"),
    "period": M("Кезең", "Период"),
    "generated": M("Жасалған күні", "Дата формирования"),
    "s_consultations": M("Кеңес беру", "Консультации"),
    "s_meetings": M("Жиындар мен жиналыстар", "Сходы и собрания"),
    "s_grants": M("Шағын гранттар", "Малые гранты"),
    "s_seminars": M("Семинарлар", "Семинары"),
    "s_booklets": M("Кітапшалар", "Буклеты"),
    "s_centers": M("Орталықтар мен өңірлер бойынша", "По центрам и регионам"),
    "consultations": M("Кеңестер саны", "Консультаций"),
    "residents": M("Кеңес алған тұрғындар", "Жителей получили консультацию"),
    "overdue": M("Мерзімі өткен қайта байланыстар", "Просроченные повторные контакты"),
    "closed": M("Жабық кеңестер", "Закрытые консультации"),
    "count": M("Саны", "Количество"),
    "share": M("Үлесі", "Доля"),
    "total": M("Барлығы", "Итого"),
    "topic": M("Тақырып", "Тема"),
    "by_topic": M("Тақырыптар бойынша кеңестер", "Консультации по темам"),
    "channel": M("Арна", "Канал"),
    "by_channel": M("Байланыс арналары бойынша кеңестер", "Консультации по каналам обращения"),
    "settlement": M("Елді мекен", "Населённый пункт"),
    "by_settlement": M("Елді мекендер бойынша кеңестер", "Консультации по населённым пунктам"),
    "consultant": M("Кеңесші", "Консультант"),
    "by_consultant": M("Кеңесшілер бойынша кеңестер", "Консультации по консультантам"),
    "status": M("Мәртебесі", "Статус"),
    "by_status": M("Кеңестердің мәртебесі", "Статус консультаций"),
    "age_group": M("Жас тобы", "Возрастная группа"),
    "sex_age": M("Тұрғындардың жынысы мен жасы бойынша кеңестер",
                 "Консультации по полу и возрасту жителей"),
    "not_stated": M("Көрсетілмеген", "Не указано"),
    "held": M("Өткізілген жиындар", "Проведено сходов и собраний"),
    "with_quorum": M("Кворуммен өткені", "С кворумом"),
    "quorum_share": M("Кворуммен өткендердің үлесі", "Доля с кворумом"),
    "decisions": M("Қабылданған шешімдер", "Принятые решения"),
    "kind": M("Түрі", "Вид"),
    "by_kind": M("Түрлері бойынша жиындар", "Сходы и собрания по видам"),
    "agenda": M("Күн тәртібінің мәселелері", "Вопросы повестки дня"),
    "adopted": M("Қабылданды", "Принято"),
    "rejected": M("Қабылданбады", "Не принято"),
    "votes": M("Күн тәртібі және шешімдер", "Повестка дня и решения"),
    "pool": M("Гранттық қор", "Грантовый фонд"),
    "awarded": M("Бөлінгені", "Выделено"),
    "left": M("Қалдығы", "Остаток"),
    "beneficiaries": M("Пайда алушылар", "Благополучатели"),
    "applications": M("Өтінімдер", "Заявки"),
    "funded": M("Грант алды", "Получили грант"),
    "call": M("Конкурс", "Конкурс"),
    "calls_money": M("Конкурстар: қор, бөлінгені, қалдығы",
                     "Конкурсы: фонд, выделено, остаток"),
    "calls_apps": M("Конкурстар: өтінімдер мен пайда алушылар",
                    "Конкурсы: заявки и благополучатели"),
    "app_status": M("Мәртебелері бойынша өтінімдер", "Заявки по статусам"),
    "grants_note": M(
        "Қор, бөлінгені мен қалдығы — есеп жасалған күнгі конкурстың жалпы жағдайы.",
        "Фонд, выделенная сумма и остаток — состояние конкурса в целом на дату отчёта.",
    ),
    "seminars": M("Семинарлар", "Семинары"),
    "participants": M("Қатысушылар", "Участники"),
    "attended": M("Келгендер", "Присутствовали"),
    "avg_pre": M("Алдын ала тест, орташа балл", "Входной тест, средний балл"),
    "avg_post": M("Қорытынды тест, орташа балл", "Итоговый тест, средний балл"),
    "seminar": M("Семинар", "Семинар"),
    "date": M("Күні", "Дата"),
    "seminar_list": M("Өткізілген семинарлар", "Проведённые семинары"),
    "print_runs": M("Басылымдар", "Тиражи"),
    "printed": M("Басылған дана", "Напечатано экземпляров"),
    "distributed": M("Таратылған дана", "Распространено экземпляров"),
    "copies": M("Дана", "Экземпляров"),
    "by_settlement_booklets": M("Елді мекендер бойынша таратылған кітапшалар",
                                "Распространение буклетов по населённым пунктам"),
    "unit_center": M("Орталық", "Центр"),
    "unit_region": M("Өңір", "Регион"),
    "centers_a": M("Орталықтар бойынша: кеңестер мен жиындар",
                   "По центрам: консультации и сходы"),
    "centers_b": M("Орталықтар бойынша: гранттар, семинарлар, кітапшалар",
                   "По центрам: гранты, семинары, буклеты"),
    "regions_a": M("Өңірлер бойынша: кеңестер мен жиындар",
                   "По регионам: консультации и сходы"),
    "regions_b": M("Өңірлер бойынша: гранттар, семинарлар, кітапшалар",
                   "По регионам: гранты, семинары, буклеты"),
    "meetings_short": M("Жиындар", "Сходы"),
    "col_consultations": M("Кеңестер", "Консультации"),
    "col_residents": M("Тұрғындар", "Жители"),
    "col_overdue": M("Мерзімі өткен", "Просрочено"),
    "col_quorum": M("Кворуммен", "С кворумом"),
    "col_decisions": M("Шешімдер", "Решения"),
    "col_distributed": M("Кітапшалар", "Буклеты"),
    "label_kk": M("Атауы (қазақша)", "Атауы (қазақша)"),
    "label_ru": M("Наименование (на русском)", "Наименование (на русском)"),
}


def _count_rows(counts: Sequence[Count], total: int) -> tuple[ReportRow, ...]:
    return tuple(
        ReportRow(M(c.kk, c.ru), (c.count, percent(c.count, total)), c.key) for c in counts
    )


def _count_table(
    key: str, title: str, label: str, counts: Sequence[Count], total: int, sheet: str,
    *, count_header: str = "count",
) -> ReportTable:
    return ReportTable(
        key=key,
        title=L[title],
        label_header=L[label],
        columns=(ReportColumn(L[count_header]), ReportColumn(L["share"], "percent")),
        rows=_count_rows(counts, total),
        total=ReportRow(L["total"], (sum(c.count for c in counts), percent(total, total)
                                     if total else None)),
        sheet=sheet,
    )


def _sex_age_table(r: Report) -> ReportTable:
    c = r.consultations
    sexes = [s for s in c.by_sex if s.count or s.key != NOT_STATED]
    cols = (*(ReportColumn(M(s.kk, s.ru)) for s in sexes), ReportColumn(L["total"]))
    rows = []
    for age in c.by_age_group:
        values = [c.sex_age.get(s.key, {}).get(age.key, 0) for s in sexes]
        rows.append(ReportRow(M(age.kk, age.ru), (*values, sum(values)), age.key))
    total = ReportRow(L["total"], (*[s.count for s in sexes], c.total))
    return ReportTable("sex_age", L["sex_age"], L["age_group"], cols, tuple(rows), total,
                       "Жынысы мен жасы")


def _unit_tables(units: Sequence[UnitRow], kind: str) -> tuple[ReportTable, ReportTable]:
    label = L["unit_center"] if kind == "center" else L["unit_region"]
    a_cols = (
        ReportColumn(L["col_consultations"]), ReportColumn(L["col_residents"]),
        ReportColumn(L["col_overdue"]), ReportColumn(L["meetings_short"]),
        ReportColumn(L["col_quorum"]), ReportColumn(L["col_decisions"]),
    )
    b_cols = (
        ReportColumn(L["applications"]), ReportColumn(L["seminars"]),
        ReportColumn(L["participants"]), ReportColumn(L["col_distributed"]),
    )
    a_rows = tuple(
        ReportRow(M(u.kk, u.ru), (u.consultations, u.residents, u.overdue, u.meetings,
                                  u.with_quorum, u.decisions), u.key)
        for u in units
    )
    b_rows = tuple(
        ReportRow(M(u.kk, u.ru), (u.applications, u.seminars, u.participants, u.distributed),
                  u.key)
        for u in units
    )

    def total(rows: Sequence[ReportRow], n: int) -> ReportRow:
        return ReportRow(L["total"], tuple(sum(int(r.values[i] or 0) for r in rows)
                                           for i in range(n)))

    plural = "centers" if kind == "center" else "regions"
    sheet = "Орталықтар" if kind == "center" else "Өңірлер"
    return (
        ReportTable(f"{plural}_a", L[f"{plural}_a"], label, a_cols, a_rows,
                    total(a_rows, len(a_cols)), f"{sheet} 1"),
        ReportTable(f"{plural}_b", L[f"{plural}_b"], label, b_cols, b_rows,
                    total(b_rows, len(b_cols)), f"{sheet} 2"),
    )


def _title(period: Period) -> Message:
    if period.kind == "quarter":
        return L["title_quarter"]
    if period.kind == "year":
        return L["title_year"]
    return L["title"]


def report_document(r: Report) -> ReportData:
    """The report as the printing module's document (also the workbook's source)."""
    c, m, g, se, b = r.consultations, r.meetings, r.grants, r.seminars, r.booklets
    closed = next((x.count for x in c.by_status if x.key == "closed"), 0)
    s_consult = ReportSection(
        L["s_consultations"],
        figures=(
            Figure(L["consultations"], c.total), Figure(L["residents"], c.residents),
            Figure(L["closed"], closed), Figure(L["overdue"], c.overdue),
        ),
        charts=(
            BarChartData(L["by_topic"], tuple(M(x.kk, x.ru) for x in c.by_topic),
                         tuple(x.count for x in c.by_topic)),
            PieChartData(L["by_channel"], tuple(M(x.kk, x.ru) for x in c.by_channel),
                         tuple(x.count for x in c.by_channel)),
        ),
        tables=(
            _count_table("topic", "by_topic", "topic", c.by_topic, c.total, "Тақырыптар"),
            _count_table("channel", "by_channel", "channel", c.by_channel, c.total, "Арналар"),
            _sex_age_table(r),
            _count_table("settlement", "by_settlement", "settlement", c.by_settlement, c.total,
                         "Елді мекендер"),
            _count_table("consultant", "by_consultant", "consultant", c.by_consultant, c.total,
                         "Кеңесшілер"),
            _count_table("status", "by_status", "status", c.by_status, c.total, "Мәртебелер"),
        ),
    )
    s_meet = ReportSection(
        L["s_meetings"],
        figures=(
            Figure(L["held"], m.held), Figure(L["with_quorum"], m.with_quorum),
            Figure(L["quorum_share"], m.quorum_share, "percent"),
            Figure(L["decisions"], m.decisions),
        ),
        tables=(
            _count_table("meeting_kind", "by_kind", "kind", m.by_kind, m.held, "Жиындар"),
            ReportTable(
                "agenda", L["votes"], L["indicator"], (ReportColumn(L["count"]),),
                (
                    ReportRow(L["agenda"], (m.agenda_items,), "agenda"),
                    ReportRow(L["adopted"], (m.decisions,), "adopted"),
                    ReportRow(L["rejected"], (m.rejected,), "rejected"),
                ),
                None, "Шешімдер",
            ),
        ),
    )
    status_totals: dict[str, list[Any]] = {}
    for call in g.calls:
        for x in call.by_status:
            entry = status_totals.setdefault(x.key, [x.kk, x.ru, 0])
            entry[2] += x.count
    status_counts = [Count(k, v[0], v[1], v[2]) for k, v in status_totals.items()]
    s_grants = ReportSection(
        L["s_grants"],
        figures=(
            Figure(L["pool"], g.pool, "money"), Figure(L["awarded"], g.awarded, "money"),
            Figure(L["left"], g.left, "money"), Figure(L["beneficiaries"], g.beneficiaries),
        ),
        note=L["grants_note"],
        tables=(
            ReportTable(
                "calls", L["calls_money"], L["call"],
                (ReportColumn(L["pool"], "money"), ReportColumn(L["awarded"], "money"),
                 ReportColumn(L["left"], "money")),
                tuple(
                    ReportRow(M(x.title_kk, x.title_ru), (x.pool, x.awarded, x.left), x.call_id)
                    for x in g.calls
                ),
                ReportRow(L["total"], (g.pool, g.awarded, g.left)),
                "Конкурстар",
            ),
            ReportTable(
                "call_applications", L["calls_apps"], L["call"],
                (ReportColumn(L["applications"]), ReportColumn(L["funded"]),
                 ReportColumn(L["beneficiaries"])),
                tuple(
                    ReportRow(M(x.title_kk, x.title_ru),
                              (x.applications, x.funded, x.beneficiaries), x.call_id)
                    for x in g.calls
                ),
                ReportRow(L["total"], (g.applications, g.funded, g.beneficiaries)),
                "Өтінімдер мен пайда алушылар",
            ),
            _count_table("app_status", "app_status", "status", status_counts, g.applications,
                         "Өтінім мәртебелері"),
        ),
    )
    s_sem = ReportSection(
        L["s_seminars"],
        figures=(
            Figure(L["seminars"], se.seminars), Figure(L["participants"], se.participants),
            Figure(L["attended"], se.attended),
            Figure(L["avg_post"], se.avg_post, "decimal"),
        ),
        tables=(
            ReportTable(
                "seminars", L["seminar_list"], L["seminar"],
                (ReportColumn(L["date"], "text"), ReportColumn(L["participants"]),
                 ReportColumn(L["attended"])),
                tuple(
                    ReportRow(M(x.title, x.title),
                              (format_date(x.held_on, "kk", "short"), x.participants,
                               x.attended), x.seminar_id)
                    for x in se.rows
                ),
                ReportRow(L["total"], (None, se.participants, se.attended)),
                "Семинарлар",
            ),
        ),
    )
    s_book = ReportSection(
        L["s_booklets"],
        figures=(
            Figure(L["print_runs"], b.print_runs), Figure(L["printed"], b.printed),
            Figure(L["distributed"], b.distributed),
        ),
        tables=(
            _count_table("booklets", "by_settlement_booklets", "settlement", b.by_settlement,
                         b.distributed, "Кітапшалар", count_header="copies"),
        ),
    )
    sections = [s_consult, s_meet, s_grants, s_sem, s_book]
    if r.centers or r.regions:
        sections.append(ReportSection(
            L["s_centers"],
            tables=(*_unit_tables(r.centers, "center"), *_unit_tables(r.regions, "region")),
        ))
    return ReportData(
        title=_title(r.period),
        center=M(r.center_kk, r.center_ru),
        period=r.period.label,
        period_start=r.period.start,
        period_end=r.period.end,
        generated_on=r.generated_on,
        sections=tuple(sections),
    )


def report_tables(doc: ReportData) -> list[ReportTable]:
    return [t for sec in doc.sections for t in sec.tables]


# --------------------------------------------------------------------------- outputs

Out = Path | str | IO[bytes]


def _out(out: Out) -> Path | IO[bytes]:
    return Path(out) if isinstance(out, str) else out


def _with(doc: ReportData, extra: Sequence[ReportSection]) -> ReportData:
    return dataclasses.replace(doc, sections=(*doc.sections, *extra)) if extra else doc


def write_pdf(r: Report, out: Out, extra: Sequence[ReportSection] = ()) -> int:
    """The report as PDF (with ``extra`` sections at its end); returns the pages."""
    return render_report(_with(report_document(r), extra), _out(out))


_NUMBER_FORMATS: dict[CellKind, str] = {
    "int": "#,##0",
    "money": '#,##0.00 "₸"',
    "percent": "0.0%",
    "decimal": "0.0",
    "text": "@",
}
_BAD_SHEET = re.compile(r"[\[\]:*?/\\]")
_HEAD_FILL = PatternFill("solid", fgColor="DCE9F5")
_THIN = Side(style="thin", color="999999")


def _xl_value(value: Any, kind: CellKind) -> Any:
    if value is None:
        return None
    if kind == "percent":
        return float(Decimal(value) / 100)
    if kind in ("money", "decimal"):
        return float(value)
    return value


def _sheet_name(name: str, used: set[str]) -> str:
    base = _BAD_SHEET.sub(" ", name).strip()[:31] or "Sheet"
    out, n = base, 2
    while out.lower() in used:
        suffix = f" {n}"
        out, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(out.lower())
    return out


def _header_cells(ws: Any, headers: Sequence[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=text)
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(bottom=_THIN)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32


def _both(msg: Message) -> str:
    return msg.kk if msg.kk == msg.ru else f"{msg.kk} / {msg.ru}"


def _summary_sheet(wb: Workbook, doc: ReportData, used: set[str]) -> None:
    ws = wb.active
    ws.title = _sheet_name(L["summary"].kk, used)
    _header_cells(ws, [L["indicator"].kk, L["indicator"].ru, _both(L["value"])])
    rows: list[tuple[str, str, Any, CellKind]] = [
        (L["center"].kk, L["center"].ru, _both(doc.center), "text"),
        (L["period"].kk, L["period"].ru, _both(doc.period), "text"),
        (L["generated"].kk, L["generated"].ru, doc.generated_on, "text"),
    ]
    for sec in doc.sections:
        for f in sec.figures:
            rows.append((f"{sec.title.kk}: {f.label.kk}", f"{sec.title.ru}: {f.label.ru}",
                         f.value, f.kind))
    for i, (kk, ru, value, kind) in enumerate(rows, start=2):
        ws.cell(row=i, column=1, value=kk)
        ws.cell(row=i, column=2, value=ru)
        cell = ws.cell(row=i, column=3, value=_xl_value(value, kind))
        if kind != "text":
            cell.number_format = _NUMBER_FORMATS[kind]
        elif i == 4:
            cell.number_format = "DD.MM.YYYY"
            cell.alignment = Alignment(horizontal="left")
    ws.column_dimensions["A"].width = 58
    ws.column_dimensions["B"].width = 58
    ws.column_dimensions["C"].width = 60


def _table_sheet(wb: Workbook, t: ReportTable, used: set[str]) -> None:
    ws = wb.create_sheet(_sheet_name(t.sheet or t.title.kk, used))
    ws.sheet_properties.tabColor = "1F5F99"
    rows = [*t.rows, *([t.total] if t.total else [])]
    two = any(r.label.kk != r.label.ru for r in t.rows)
    labels = [t.label_header.kk, t.label_header.ru] if two else [_both(t.label_header)]
    _header_cells(ws, [*labels, *[_both(c.header) for c in t.columns]])
    first = len(labels) + 1
    for i, r in enumerate(rows, start=2):
        bold = t.total is not None and r is t.total
        cells = [ws.cell(row=i, column=1, value=r.label.kk)]
        if two:
            cells.append(ws.cell(row=i, column=2, value=r.label.ru))
        for j, (value, col) in enumerate(zip(r.values, t.columns, strict=True)):
            cell = ws.cell(row=i, column=first + j, value=_xl_value(value, col.kind))
            cell.number_format = _NUMBER_FORMATS[col.kind]
            cells.append(cell)
        if bold:
            for cell in cells:
                cell.font = Font(bold=True)
                cell.border = Border(top=_THIN)
    for j in range(len(labels)):
        longest = max([len(str(ws.cell(row=i, column=j + 1).value or ""))
                       for i in range(1, len(rows) + 2)], default=10)
        ws.column_dimensions[get_column_letter(j + 1)].width = min(70, max(14, longest + 2))
    for j, col in enumerate(t.columns):
        width = 20 if col.kind == "money" else 16
        ws.column_dimensions[get_column_letter(first + j)].width = width


def write_xlsx(r: Report, out: Out, extra: Sequence[ReportSection] = ()) -> int:
    """The report as a workbook: key figures, then one sheet per table. Returns the
    number of sheets."""
    doc = _with(report_document(r), extra)
    wb = Workbook()
    wb.properties.title = f"{doc.title.kk} / {doc.title.ru}"
    wb.properties.subject = _both(doc.period)
    wb.properties.creator = "CivicDesk"
    used: set[str] = set()
    _summary_sheet(wb, doc, used)
    for t in report_tables(doc):
        _table_sheet(wb, t, used)
    buf = io.BytesIO()
    wb.save(buf)
    write_output(buf.getvalue(), _out(out))
    return len(wb.sheetnames)


def write_report(ctx: Context, period: Period, fmt: str, out: Out) -> int:
    """Build the report of ``period`` for the actor and write it as ``fmt`` ("pdf" or
    "xlsx") to ``out``; returns the number of pages (PDF) or sheets (XLSX)."""
    kind = fmt.strip().lower().lstrip(".")
    if kind not in FORMATS:
        raise UserError("report.format", BAD_FORMAT, field="format", fmt=fmt)
    report = build_report(ctx, period)
    from civicdesk.services.problem_stats import problem_sections
    from civicdesk.services.report_results import results_sections
    from civicdesk.services.volunteer_stats import volunteer_sections

    extra = (*results_sections(ctx, period), *problem_sections(ctx, period),
             *volunteer_sections(ctx, period))
    return write_pdf(report, out, extra) if kind == "pdf" else write_xlsx(report, out, extra)
