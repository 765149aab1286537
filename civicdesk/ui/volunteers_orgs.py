"""Organisations that ask for volunteers: the list (paged, sorted and filtered in SQL,
names in Kazakh order) beside the card. Anyone records and corrects an organisation; a
manager deletes one, after a question, and the service refuses while assignments or aid
actions still name it (its message is shown whole)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.volunteers import ORG_KINDS
from civicdesk.services import reference
from civicdesk.services import volunteer_orgs as orgs
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.ui.common import fill_combo, search_timer, select_data
from civicdesk.ui.env import UiEnv
from civicdesk.ui.paged import Column, PagedTableModel
from civicdesk.ui.screens_common import Retranslating, end_form, side_by_side
from civicdesk.ui.volunteers_part import RowAction, ask_delete, error_label, list_view, run_shown

__all__ = ["OrgsModel", "OrgsTab"]


class OrgsModel(PagedTableModel[orgs.OrgRow]):
    def __init__(self, env: UiEnv) -> None:
        self.env = env
        self.kind: str | None = None

        def place(r: orgs.OrgRow) -> str:
            return (r.settlement_kk if env.lang == "kk" else r.settlement_ru) or ""

        def contact(r: orgs.OrgRow) -> str:
            return ", ".join(p for p in (r.contact_name, r.contact_phone) if p)

        def t(text: str) -> str:
            return QCoreApplication.translate("OrgsModel", text)

        columns: list[Column[orgs.OrgRow]] = [
            Column("name", lambda: t("Organisation"), lambda r: r.name, "name"),
            Column("kind", lambda: t("Kind"),
                   lambda r: env.tr_label(ORG_KINDS.get(r.kind, r.kind)), "kind"),
            Column("settlement", lambda: t("Settlement"), place, "settlement"),
            Column("contact", lambda: t("Contact"), contact, "contact_name"),
            Column("assignments", lambda: t("Assignments"), lambda r: str(r.assignments),
                   "assignments"),
            Column("needs", lambda: t("Needs"), lambda r: r.needs, None),
        ]
        super().__init__(env.runner, columns, self._fetch, default_sort="name")

    def query(self, page: int) -> ListQuery:
        q = super().query(page)
        return ListQuery(q.offset, q.limit, q.sort, q.descending, q.search,
                         {"kind": self.kind} if self.kind else {})

    def _fetch(self, query: ListQuery) -> Page[orgs.OrgRow]:
        return orgs.list_orgs(self.env.ctx(), query)


class OrgsTab(QWidget, Retranslating):
    """List on the left, the organisation's card on the right."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.row: orgs.OrgRow | None = None
        self.settlements: list[Named] = []
        self.model = OrgsModel(env)
        self.model.setParent(self)
        self.table = list_view(self.model, (170, 80, 130, 110, 100, 60), descending=False)
        self.table.clicked.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.kind_filter = QComboBox()
        self.kind_filter.currentIndexChanged.connect(self._filter_kind)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_item)
        self.count = QLabel()
        self.model.loaded.connect(self._loaded)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind_filter)
        top.addWidget(self.new_button)
        lv.addLayout(top)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.count)
        QVBoxLayout(self).addWidget(side_by_side(left, self._card(), (3, 2), [800, 520]))
        self.timer = search_timer(self, self.search, self.apply_search)
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search by name or need…"))
        b(self.new_button.setText, lambda: self.tr("New organisation"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.delete_button.setText, lambda: self.tr("Delete…"))
        b(self.contact_phone.setPlaceholderText, lambda: self.tr("e.g. +7 701 123 45 67"))
        b(self.needs.setPlaceholderText, lambda: self.tr("what help they ask for"))
        self.retranslate()
        self.new_item()
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.model.reload()

    def _card(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name, self.contact_name, self.contact_phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.needs = QLineEdit()
        self.kind, self.settlement = QComboBox(), QComboBox()
        self.labels = {k: QLabel() for k in ("name", "kind", "settlement", "contact_name",
                                             "contact_phone", "needs")}
        for key, widget in (("name", self.name), ("kind", self.kind),
                            ("settlement", self.settlement),
                            ("contact_name", self.contact_name),
                            ("contact_phone", self.contact_phone), ("needs", self.needs)):
            form.addRow(self.labels[key], widget)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form.addRow(self.status)
        self.error = error_label()
        form.addRow(self.error)
        self.save_button, self.delete_button = QPushButton(), QPushButton()
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(self.env.is_manager)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        form.addRow(row)
        end_form(form)
        return w

    def retranslate(self) -> None:
        super().retranslate()
        for key, text in (("name", self.tr("Name:")), ("kind", self.tr("Kind:")),
                          ("settlement", self.tr("Settlement:")),
                          ("contact_name", self.tr("Contact person:")),
                          ("contact_phone", self.tr("Contact phone:")),
                          ("needs", self.tr("Needs:"))):
            self.labels[key].setText(text)
        kinds = [(self.env.tr_label(m), k) for k, m in ORG_KINDS.items()]
        fill_combo(self.kind, kinds)
        fill_combo(self.kind_filter, kinds, blank=self.tr("all kinds"))
        self._fill_settlements()
        self._show_status()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ---------------------------------------------------------------------- list
    def refresh(self) -> None:
        self.model.reload()

    def apply_search(self) -> None:
        self.timer.stop()
        self.model.search = self.search.text().strip()
        self.model.reload()

    def _filter_kind(self) -> None:
        self.model.kind = self.kind_filter.currentData()
        self.model.reload()

    def _loaded(self, total: int) -> None:
        self.count.setText(self.tr("Organisations: {n}").format(n=total))

    def _open_row(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is not None:
            self.show_row(row)

    def row_actions(self) -> list[RowAction]:
        """The right-click menu's entries for the selected organisation."""
        return [(self.tr("Edit"), self._open_row, True),
                (self.tr("Delete…"), self._delete_selected, self.env.is_manager)]

    def _delete_selected(self) -> None:
        self._open_row()
        self.delete()

    def _got_settlements(self, rows: list[Named]) -> None:
        self.settlements = rows
        self._fill_settlements()
        if self.row is not None:
            select_data(self.settlement, self.row.settlement_id)

    def _fill_settlements(self) -> None:
        lang = self.env.lang
        places = sorted_by_name(self.settlements, lambda s: s.name(lang))
        fill_combo(self.settlement, ((s.name(lang), s.id) for s in places),
                   blank=self.tr("— not set —"))

    # ---------------------------------------------------------------------- card
    def new_item(self) -> None:
        self.show_row(None)
        self.table.clearSelection()
        self.name.setFocus()

    def show_row(self, row: orgs.OrgRow | None) -> None:
        self.row = row
        self.error.clear()
        self.name.setText(row.name if row else "")
        select_data(self.kind, row.kind if row else "other")
        select_data(self.settlement, row.settlement_id if row else None)
        self.contact_name.setText(row.contact_name if row else "")
        self.contact_phone.setText(row.contact_phone if row else "")
        self.needs.setText(row.needs if row else "")
        for box in (self.name, self.contact_name, self.needs):
            box.setCursorPosition(0)  # a long text shows its beginning
        self.delete_button.setEnabled(row is not None)
        self._show_status()

    def _show_status(self) -> None:
        if self.row is None:
            self.status.setText(self.tr("A new organisation that asks for volunteers."))
        else:
            self.status.setText(self.tr("Assignments that name it: {n}").format(
                n=self.row.assignments))

    def collect(self) -> orgs.OrgInput:
        return orgs.OrgInput(
            name=self.name.text(), kind=self.kind.currentData() or "other",
            settlement_id=self.settlement.currentData(), contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(), needs=self.needs.text())

    def save(self) -> None:
        run_shown(self.env, self.error, orgs.save_org, self.collect(),
                  self.row.id if self.row else None, on_done=self._saved)

    def _saved(self, row: orgs.OrgRow) -> None:
        self.show_row(row)
        self.model.reload()
        self.env.notify_changed("volunteer_org")  # the assignment form offers them

    def delete(self) -> None:
        if self.row is None or not self.env.is_manager:
            return
        if ask_delete(self, self.tr("Delete the organisation"), self.tr(
                "Delete «%1» from the list of organisations?").replace("%1", self.row.name)):
            self.delete_now()

    def delete_now(self) -> None:
        assert self.row is not None
        run_shown(self.env, self.error, orgs.delete_org, self.row.id,
                  on_done=lambda _none: self._deleted())

    def _deleted(self) -> None:
        self.show_row(None)
        self.model.reload()
        self.env.notify_changed("volunteer_org")
