"""Volunteers: the register, their assignments, aid actions and the organisations that
ask for volunteers, as tabs of one page."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from civicdesk.ui.env import UiEnv
from civicdesk.ui.volunteers_orgs import OrgsTab
from civicdesk.ui.volunteers_part import RowAction
from civicdesk.ui.volunteers_register import RegisterTab
from civicdesk.ui.volunteers_work import AidTab, AssignmentsTab

__all__ = ["VolunteersPage"]


class VolunteersPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.register = RegisterTab(env)
        self.assignments = AssignmentsTab(env)
        self.aid = AidTab(env)
        self.orgs = OrgsTab(env)
        self.tabs = QTabWidget()
        for tab in self.tab_pages():
            self.tabs.addTab(tab, "")
        QVBoxLayout(self).addWidget(self.tabs)
        self.register.changed.connect(self.assignments.refresh)
        env.signals.data_changed.connect(self._data_changed)
        self.retranslate()

    def tab_pages(self) -> list[RegisterTab | AssignmentsTab | AidTab | OrgsTab]:
        return [self.register, self.assignments, self.aid, self.orgs]

    def row_actions(self) -> list[RowAction]:
        """The right-click menu's row entries of the list on the open tab."""
        tab = self.tabs.currentWidget()
        actions = getattr(tab, "row_actions", None)
        return list(actions()) if callable(actions) else []

    def new_item(self) -> None:
        """A blank form on the open tab (Ctrl+N, "New…" in the lists' menu)."""
        tab = self.tabs.currentWidget()
        if isinstance(tab, AssignmentsTab | AidTab | OrgsTab):
            tab.new_item()
        else:
            self.register.show_view(None)

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        if isinstance(tab, AssignmentsTab | AidTab | OrgsTab):
            tab.refresh()
        else:
            self.register.model.reload()

    def _data_changed(self, entity: str) -> None:
        if entity in ("aid_action", "volunteer_org"):
            self.assignments.refresh()
        elif entity == "volunteer_assignment":
            self.aid.model.reload()
            self.register.model.reload()
            self.orgs.model.reload()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Register"))
        self.tabs.setTabText(1, self.tr("Assignments"))
        self.tabs.setTabText(2, self.tr("Aid actions"))
        self.tabs.setTabText(3, self.tr("Organisations"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
