"""Volunteers: the register, their assignments and aid actions, as tabs of one page."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from civicdesk.ui.env import UiEnv
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
        self.tabs = QTabWidget()
        for tab in (self.register, self.assignments, self.aid):
            self.tabs.addTab(tab, "")
        QVBoxLayout(self).addWidget(self.tabs)
        self.register.changed.connect(self.assignments.refresh)
        env.signals.data_changed.connect(self._data_changed)
        self.retranslate()

    def _data_changed(self, entity: str) -> None:
        if entity == "aid_action":
            self.assignments.refresh()
        elif entity == "volunteer_assignment":
            self.aid.model.reload()
            self.register.model.reload()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Register"))
        self.tabs.setTabText(1, self.tr("Assignments"))
        self.tabs.setTabText(2, self.tr("Aid actions"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
