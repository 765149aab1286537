"""Drill-down on the Reports page: the dialog listing the consultations behind a number,
and the page's part that opens it from a table cell or a key figure.

:class:`DrillPart` is mixed into :class:`civicdesk.ui.reports.ReportsPage`; its texts are
translated in the page's context.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_datetime
from civicdesk.domain.periods import (
    Period,
)
from civicdesk.printing.report import ReportTable
from civicdesk.services import reports as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.consultations import ConsultationRow
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.reports_part import ClickableLabel, ReportsPagePart
from civicdesk.ui.texts import channel_text, status_text

__all__ = ["DRILL_TABLES", "ROLE_KEY", "ClickableLabel", "DrillDialog", "DrillPart"]

# Tables whose cells open the consultations behind them: table key -> dimension.
DRILL_TABLES: dict[str, str] = {
    "topic": "topic",
    "channel": "channel",
    "settlement": "settlement",
    "consultant": "consultant",
    "status": "status",
    "sex_age": "sex_age",
    "centers_a": "center",
    "regions_a": "region",
}

ROLE_KEY = int(Qt.ItemDataRole.UserRole)


class DrillDialog(QDialog):
    """The consultations behind one number, paged from SQL like the journal."""

    def __init__(
        self, env: UiEnv, period: Period, dimension: str, key: str, title: str,
        center_id: str | None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.dimension = dimension
        self.key = key
        lang = env.lang

        def fetch(query: ListQuery) -> Page[ConsultationRow]:
            return svc.drill(env.ctx(), period, dimension, key, query, center_id=center_id)

        columns: list[Column[ConsultationRow]] = [
            Column("occurred_at", lambda: self.tr("Date"),
                   lambda r: format_datetime(r.occurred_at, lang, "short")),
            Column("resident", lambda: self.tr("Resident"), lambda r: r.resident_name or ""),
            Column("topic", lambda: self.tr("Topic"),
                   lambda r: (r.topic_kk if lang == "kk" else r.topic_ru) or r.topic_code),
            Column("channel", lambda: self.tr("Channel"), lambda r: channel_text(r.channel)),
            Column("status", lambda: self.tr("Status"), lambda r: status_text(r.status)),
            Column("settlement", lambda: self.tr("Settlement"),
                   lambda r: (r.settlement_kk if lang == "kk" else r.settlement_ru) or ""),
            Column("consultant", lambda: self.tr("Consultant"),
                   lambda r: r.consultant_name or ""),
        ]
        self.model: PagedTableModel[ConsultationRow] = PagedTableModel(
            env.runner, columns, fetch, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        for col, width in enumerate((112, 170, 200, 110, 110, 130, 140)):
            self.table.setColumnWidth(col, width)
        self.count = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Consultations behind the number"))
        self.resize(1000, 560)
        self.model.loaded.connect(self._loaded)
        self.model.reload()

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("Consultations: %1").replace(
            "%1", f"{total:,}".replace(",", "\u00a0")))


class DrillPart(ReportsPagePart):
    """Opens the consultations behind a number."""

    last_drill: DrillDialog | None

    def _drill_target(
        self, t: ReportTable, dimension: str | None, key: str, column: int, is_total: bool
    ) -> tuple[str, str] | None:
        """(dimension, key) a cell opens, or None for a cell that is not a count of
        consultations."""
        if dimension is None:
            return None
        if dimension == "sex_age":
            sex_keys = self._sex_keys()
            last = len(t.columns)
            if is_total and column == last:
                return ("total", "")
            if is_total:
                return ("sex", sex_keys[column - 1])
            if column == last:
                return ("age_group", key)
            return ("sex_age", f"{sex_keys[column - 1]}|{key}")
        if dimension in ("center", "region"):
            if is_total and column == 1:
                return ("total", "")
            return (dimension, key) if column == 1 and not is_total else None
        if column != 1:
            return None
        return ("total", "") if is_total else (dimension, key)

    def _sex_keys(self) -> list[str]:
        if self.loaded is None:
            return []
        c = self.loaded.report.consultations
        return [s.key for s in c.by_sex if s.count or s.key != svc.NOT_STATED]

    def _cell_double_clicked(self, table: QTableWidget, row: int, col: int) -> None:
        item = table.item(row, col)
        target = item.data(ROLE_KEY) if item is not None else None
        if not target:
            return
        dimension, key = target
        name = table.item(row, 0)
        header = table.horizontalHeaderItem(col)
        title = " — ".join(x for x in (
            name.text() if name is not None else "",
            header.text() if header is not None and dimension == "sex_age" else "",
        ) if x)
        self.drill(str(dimension), str(key), title)

    def drill(self, dimension: str, key: str, title: str = "") -> DrillDialog | None:
        """Open the consultations behind one number."""
        if self.loaded is None:
            return None
        period = self.loaded.report.period
        heading = f"{title} ({period.text(self.env.lang)})" if title else \
            period.text(self.env.lang)
        dialog = DrillDialog(self.env, period, dimension, key, heading,
                             self.loaded.report.center_id if self._head_office() else None,
                             self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_drill = dialog
        dialog.destroyed.connect(lambda _o=None: self._forget_drill(dialog))
        dialog.open()
        return dialog

    def _forget_drill(self, dialog: DrillDialog) -> None:
        if self.last_drill is dialog:
            self.last_drill = None
