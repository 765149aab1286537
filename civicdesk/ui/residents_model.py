"""The residents' list model (paged, sorted and filtered in SQL) and the table set-up
the list page and the resident picker share."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
)

from civicdesk.domain.formatting import format_date
from civicdesk.services import residents as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.residents import ResidentRow
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.texts import sex_text

ID_ROLE = Qt.ItemDataRole.UserRole


class ResidentsModel(PagedTableModel[ResidentRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env

        def settlement(r: ResidentRow) -> str:
            return (r.settlement_kk if env.lang == "kk" else r.settlement_ru) or ""

        columns: list[Column[ResidentRow]] = [
            Column("full_name", lambda: QCoreApplication.translate("ResidentsModel", "Full name"), lambda r: r.full_name, "full_name"),
            Column("sex", lambda: QCoreApplication.translate("ResidentsModel", "Sex"), lambda r: sex_text(r.sex), "sex"),
            Column("birth_year", lambda: QCoreApplication.translate("ResidentsModel", "Year of birth"),
                   lambda r: str(r.birth_year or ""), "birth_year"),
            Column("phone", lambda: QCoreApplication.translate("ResidentsModel", "Phone"), lambda r: r.phone or "", "phone"),
            Column("settlement", lambda: QCoreApplication.translate("ResidentsModel", "Settlement"), settlement, "settlement"),
            Column("consent_date", lambda: QCoreApplication.translate("ResidentsModel", "Consent"),
                   lambda r: format_date(r.consent_date, env.lang, "short") if r.consent_date
                   else "", "consent_date"),
            Column("consultations", lambda: QCoreApplication.translate("ResidentsModel", "Consultations"),
                   lambda r: str(r.consultations), None),
        ]
        super().__init__(env.runner, columns, self._fetch_page, default_sort="full_name")

    def _fetch_page(self, query: ListQuery) -> Page[ResidentRow]:
        return svc.list_residents(self.env.ctx(), query)


def setup_table(table: QTableView, widths: tuple[int, ...]) -> None:
    # by name, А to Я (Qt's header would start descending: Я and Ө names on top)
    table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for col, width in enumerate(widths):
        table.setColumnWidth(col, width)
