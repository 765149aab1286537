"""Any list of the app as a spreadsheet (XLSX) or a printable PDF: exactly the columns
and rows the user sees on the screen, with the same search, filters and order.

The screen gives the texts it shows (headers and cell values are already in the
user's language); this module only pages through the rows, writes the file and
records the export in the audit log. Nothing that is not on the screen goes out:
no IIN, phone or note the list does not show.

    export_rows(ctx, table, [["01.12.2026", "Әсем Қ."]], Path("list.xlsx"))
    export_paged(ctx, table, fetch, query, values, Path("journal.xlsx"))
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from civicdesk.domain.errors import Message, UserError
from civicdesk.services.base import MAX_PAGE, Context, ListQuery, Page, audit

R = TypeVar("R")
Format = Literal["xlsx", "pdf"]

#: a printed list stops here (a longer one is a job for the spreadsheet)
PDF_MAX_ROWS = 3000
#: the widest a spreadsheet column is made, in characters
MAX_WIDTH = 60

FILE_BUSY = Message(
    kk="Файлды жазу мүмкін болмады: ол басқа бағдарламада (мысалы, Excel-де) ашық немесе "
       "бұл қалтаға жазуға рұқсат жоқ. Файлды жауып, қайталап көріңіз немесе басқа "
       "қалтаны таңдаңыз.",
    ru="Не удалось записать файл: он открыт в другой программе (например, в Excel) или "
       "в эту папку нельзя писать. Закройте файл и повторите или выберите другую папку.",
)
PDF_TRUNCATED = Message(
    kk="Тізімнің алғашқы {shown} жолы басылды (барлығы {total}). Толық тізім үшін "
       "Excel-ге экспорттаңыз немесе сүзгіні тарылтыңыз.",
    ru="Напечатаны первые {shown} строк списка (всего {total}). Для полного списка "
       "экспортируйте его в Excel или сузьте отбор.",
)


@dataclass(frozen=True)
class ListTable:
    """What the screen shows of a list, in the user's language."""

    #: which list it is, for the audit log ("consultations", "residents", ...)
    key: str
    title: str
    headers: Sequence[str]
    #: the search and filters in words ("Search: әсем · Period: this month"); may be empty
    note: str = ""
    #: a line under the rows of a shortened printout (set by :func:`export_paged`)
    footer: str = ""


def _pages(
    fetch: Callable[[ListQuery], Page[R]],
    query: ListQuery,
    cancelled: Callable[[], bool] | None,
    progress: Callable[[int, int], None] | None,
    limit: int | None,
) -> Iterator[R]:
    """Every row of the query, a page at a time (the same search, filters and order)."""
    offset, done = 0, 0
    while True:
        if cancelled is not None and cancelled():
            return
        page = fetch(replace(query, offset=offset, limit=MAX_PAGE))
        for row in page.rows:
            if limit is not None and done >= limit:
                return
            yield row
            done += 1
        if progress is not None:
            progress(min(done, page.total), page.total)
        offset += MAX_PAGE
        if not page.rows or offset >= page.total:
            return


def _text_cell(ws: Any, value: str, font: Font | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    # a text that starts with "=" stays a text, never a formula
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def write_xlsx(table: ListTable, rows: Iterable[Sequence[str]], out: Path) -> int:
    """Write the workbook (streamed, so a 100 000-row journal fits in little memory);
    returns the number of rows written."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(table.title))
    widths = [min(max(len(h), 8) + 2, MAX_WIDTH) for h in table.headers]
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A4" if table.note else "A3"
    ws.append([_text_cell(ws, table.title, Font(bold=True, size=13))])
    if table.note:
        ws.append([_text_cell(ws, table.note, Font(italic=True))])
    ws.append([])
    head_fill = PatternFill("solid", fgColor="DCE9F5")
    head = []
    for h in table.headers:
        cell = _text_cell(ws, h, Font(bold=True))
        cell.fill = head_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        head.append(cell)
    ws.append(head)
    count = 0
    for row in rows:
        ws.append([_text_cell(ws, str(v)) for v in row])
        count += 1
    _save(out, wb.save)
    return count


def _sheet_title(title: str) -> str:
    clean = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (clean or "List")[:31]


def write_pdf(table: ListTable, rows: Iterable[Sequence[str]], out: Path) -> int:
    """A landscape A4 printout of the list; returns the number of rows printed."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, SimpleDocTemplate, Spacer, TableStyle

    from civicdesk.printing.common import make_styles, para

    st = make_styles(8.5)
    data = [[para(h, st.cell_bold) for h in table.headers]]
    data += [[para(str(v), st.cell) for v in row] for row in rows]
    width = landscape(A4)[0] - 24 * mm
    weights = [max(len(h), 6) for h in table.headers]
    for row in data[1:50]:
        for i, p in enumerate(row):
            weights[i] = max(weights[i], min(len(p.text), 40))
    total = sum(weights) or 1
    grid = LongTable(data, colWidths=[width * w / total for w in weights], repeatRows=1)
    grid.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE9F5")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story = [para(table.title, st.h1)]
    if table.note:
        story.append(para(table.note, st.small))
    story += [Spacer(1, 3 * mm), grid]
    if table.footer:
        story += [Spacer(1, 3 * mm), para(table.footer, st.small)]

    def build(target: Any) -> None:
        doc = SimpleDocTemplate(
            target, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
            topMargin=12 * mm, bottomMargin=12 * mm, title=table.title, author="CivicDesk",
        )
        doc.build(story)

    _save(out, build)
    return len(data) - 1


def _save(out: Path, write: Callable[[Any], None]) -> None:
    """Write next to ``out`` and then replace it, so a failed export leaves nothing
    half-written and an open file is reported plainly."""
    out = Path(out)
    tmp = out.with_name(f".{out.name}.part")
    try:
        write(str(tmp))
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError("export.file_busy", FILE_BUSY, path=str(out)) from exc


def _write(fmt: Format, table: ListTable, rows: Iterable[Sequence[str]], out: Path) -> int:
    if fmt == "pdf":
        return write_pdf(table, rows, out)
    return write_xlsx(table, rows, out)


def _audit(ctx: Context, table: ListTable, fmt: Format, count: int, out: Path,
           query: ListQuery | None) -> None:
    after: dict[str, Any] = {
        "format": fmt, "rows": count, "columns": list(table.headers), "file": Path(out).name,
    }
    if query is not None:
        after["sort"] = query.sort
        after["searched"] = bool(query.search)
    with ctx.db.session() as s:
        audit(ctx, s, "export", f"list:{table.key}"[:40], None, None, after)


def export_rows(
    ctx: Context, table: ListTable, rows: Sequence[Sequence[str]], out: Path,
    fmt: Format = "xlsx",
) -> int:
    """Rows the screen holds already (a short list): write them and audit the export."""
    if fmt == "pdf" and len(rows) > PDF_MAX_ROWS:
        footer = PDF_TRUNCATED.text(ctx.actor.lang, shown=PDF_MAX_ROWS, total=len(rows))
        table = replace(table, footer=footer)
        rows = rows[:PDF_MAX_ROWS]
    count = _write(fmt, table, rows, out)
    _audit(ctx, table, fmt, count, out, None)
    return count


def export_paged(
    ctx: Context,
    table: ListTable,
    fetch: Callable[[ListQuery], Page[R]],
    query: ListQuery,
    values: Callable[[R], Sequence[str]],
    out: Path,
    fmt: Format = "xlsx",
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """A list paged in SQL: every row of ``query`` (the screen's search, filters and
    order), each turned into the screen's texts by ``values``."""
    limit = PDF_MAX_ROWS if fmt == "pdf" else None
    if fmt == "pdf":
        total = fetch(replace(query, offset=0, limit=1)).total
        if total > PDF_MAX_ROWS:
            footer = PDF_TRUNCATED.text(ctx.actor.lang, shown=PDF_MAX_ROWS, total=total)
            table = replace(table, footer=footer)
    rows = (values(r) for r in _pages(fetch, query, cancelled, progress, limit))
    count = _write(fmt, table, rows, out)
    _audit(ctx, table, fmt, count, out, query)
    return count
