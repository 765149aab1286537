"""The journal's table: its columns (paged and sorted in SQL), their widths at the
screen's size, and the ready-made periods of its filter."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.errors import Lang
from civicdesk.domain.formatting import format_date, format_datetime
from civicdesk.domain.residents import short_name, surname
from civicdesk.services import consultations as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.consultations import ConsultationFilters, ConsultationRow
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.texts import channel_text, status_text


class ConsultationsModel(PagedTableModel[ConsultationRow]):
    """Journal rows; filters and search are applied in SQL by ``list_consultations``."""

    def __init__(self, env: UiEnv) -> None:
        self.env = env
        self.filters = ConsultationFilters()

        def lang() -> Lang:
            return env.lang

        columns: list[Column[ConsultationRow]] = [
            Column("occurred_at", lambda: QCoreApplication.translate("ConsultationsModel", "Date"),
                   lambda r: format_datetime(r.occurred_at, lang(), "short"), "occurred_at"),
            Column("resident", lambda: QCoreApplication.translate("ConsultationsModel", "Resident"), lambda r: r.resident_name or "",
                   "resident"),
            Column("topic", lambda: QCoreApplication.translate("ConsultationsModel", "Topic"),
                   lambda r: (r.topic_kk if lang() == "kk" else r.topic_ru) or r.topic_code,
                   "topic"),
            Column("question", lambda: QCoreApplication.translate("ConsultationsModel", "Question"),
                   lambda r: " ".join(r.question.split())[:160], "question"),
            Column("channel", lambda: QCoreApplication.translate("ConsultationsModel", "Channel"), lambda r: channel_text(r.channel),
                   "channel"),
            Column("status", lambda: QCoreApplication.translate("ConsultationsModel", "Status"), lambda r: status_text(r.status), "status"),
            Column("settlement", lambda: QCoreApplication.translate("ConsultationsModel", "Settlement"),
                   lambda r: (r.settlement_kk if lang() == "kk" else r.settlement_ru) or "",
                   "settlement"),
            Column("consultant", lambda: QCoreApplication.translate("ConsultationsModel", "Consultant"), lambda r: r.consultant_name or "",
                   "consultant"),
            Column("follow_up_on", lambda: QCoreApplication.translate("ConsultationsModel", "Follow-up"),
                   lambda r: format_date(r.follow_up_on, lang(), "short") if r.follow_up_on
                   else "", "follow_up_on"),
        ]
        super().__init__(env.runner, columns, self._fetch_page, default_sort="occurred_at",
                         default_descending=True)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Two-word titles on two lines («Населённый / пункт»), so the columns stay
        narrow enough for the journal to fit a 1366-pixel screen."""
        value = super().headerData(section, orientation, role)
        if (orientation == Qt.Orientation.Horizontal and isinstance(value, str)
                and len(value) > WRAP_HEADER_AT and " " in value):
            middle = len(value) // 2
            spaces = [i for i, ch in enumerate(value) if ch == " "]
            cut = min(spaces, key=lambda i: abs(i - middle))
            value = value[:cut] + "\n" + value[cut + 1:]
        return value

    def _fetch_page(self, query: ListQuery) -> Page[ConsultationRow]:
        return svc.list_consultations(self.env.ctx(), query, self.filters)

    def query(self, page: int) -> ListQuery:
        # the filters object is captured now, so a page fetched later matches its query
        q = super().query(page)
        return q

    def reload(self) -> None:
        filters = self.filters
        env = self.env
        self.set_fetch(lambda q: svc.list_consultations(env.ctx(), q, filters))
        super().reload()


QUESTION_COLUMN = 3
RESIDENT_COLUMN = 1
CONSULTANT_COLUMN = 7
#: what the cell's margins take from a column's width
CELL_PADDING = 10
#: a long resident's name, for the width the column asks for
NAME_SAMPLE = "Жандос Құдайбергенов"
CONSULTANT_SAMPLE = "Әсел Нұрланқызы"
#: a column title longer than this goes on two lines
WRAP_HEADER_AT = 9
#: the narrowest the question column is squeezed to before the others give way
MIN_QUESTION_WIDTH = 160
#: room beside a header's text: the margins and the sort arrow
HEADER_PADDING = 26

PERIODS = ("all", "today", "week", "month", "quarter", "year", "custom")


def period_range(key: str, today: date) -> tuple[date | None, date | None]:
    if key == "today":
        return today, today
    if key == "week":
        return today - timedelta(days=6), today
    if key == "month":
        return today.replace(day=1), today
    if key == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        return today.replace(month=first_month, day=1), today
    if key == "year":
        return today.replace(month=1, day=1), today
    return None, None


def column_widths(table: QTableView, model: QAbstractItemModel) -> list[int]:
    """What each column needs for its header and typical cells, in this language."""
    cells = table.fontMetrics()
    heads = table.horizontalHeader().fontMetrics()
    samples = [
        ["00.00.0000 00:00"], [NAME_SAMPLE], ["Жергілікті қоғамдастық"], [],
        [channel_text(c) for c in ConsultationChannel],
        [status_text(st) for st in ConsultationStatus],
        ["Ақбастау ауылы"], [CONSULTANT_SAMPLE], ["00.00.0000"],
    ]
    widths = []
    for col, texts in enumerate(samples):
        need = header_width(model, col, heads)
        for text in texts:
            need = max(need, cells.horizontalAdvance(text) + 12)
        widths.append(need)
    return widths

def header_width(model: QAbstractItemModel, col: int, metrics: QFontMetrics) -> int:
    title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
    return max(metrics.horizontalAdvance(line) for line in title.split("\n")) + HEADER_PADDING

def fit_columns(table: QTableView, model: QAbstractItemModel) -> None:
    """Each column as wide as it needs; when the list is too narrow for all of
    them, the columns of longer texts give way together, down to their header's
    width at most, so nothing scrolls sideways (a cut text shows in full as a tip)."""
    header = table.horizontalHeader()
    heads = header.fontMetrics()
    widths = column_widths(table, model)
    room = table.viewport().width() - MIN_QUESTION_WIDTH
    others = [c for c in range(len(widths)) if c != QUESTION_COLUMN]
    excess = sum(widths[c] for c in others) - room
    if excess > 0:
        # each long-text column gives way in proportion to what it has to spare
        least = {c: header_width(model, c, heads) for c in (1, 2, 4, 5, 6, 7)}
        # a resident's name keeps room for its surname with initials («Ж. Құдайбергенов»)
        # and a consultant's, for a surname («Нұрланқызы»)
        cells = table.fontMetrics()
        for col, sample in ((RESIDENT_COLUMN, short_name(NAME_SAMPLE)),
                            (CONSULTANT_COLUMN, surname(CONSULTANT_SAMPLE))):
            least[col] = min(widths[col], max(
                least[col], cells.horizontalAdvance(sample) + CELL_PADDING + 2))
        spare = {c: max(0, widths[c] - least[c]) for c in least}
        total = sum(spare.values())
        if total:
            share = min(1.0, excess / total)
            for c, extra in spare.items():
                widths[c] -= int(extra * share + 0.999)
    header.blockSignals(True)
    for col in others:
        table.setColumnWidth(col, widths[col])
    header.blockSignals(False)


def fitted_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """The name in full when it fits ``width``, else the surname with initials, else
    the surname alone (shortened in its middle by the view if even that is too long)."""
    if width <= 0 or metrics.horizontalAdvance(name) <= width:
        return name
    short = short_name(name)
    if metrics.horizontalAdvance(short) <= width:
        return short
    return surname(name)


class NameDelegate(QStyledItemDelegate):
    """A person's name in a narrow column: «Ж. Құдайбергенов» rather than a cut surname;
    if even that is too long it is shortened in the middle. The tip shows it in full."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = fitted_name(option.text, option.fontMetrics,  # type: ignore[attr-defined]
                                  option.rect.width() - CELL_PADDING)  # type: ignore[attr-defined]
        option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]
