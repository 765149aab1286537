"""Recording a hand-out of the campaign's booklet: which print run, which village, how
many copies, by whom (staff or volunteers) and to how many people it was explained."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from civicdesk.services import booklets, reference
from civicdesk.services import campaigns as svc
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import Retranslating, from_qdate, show_error_text, to_qdate

__all__ = ["HandOutPanel"]


class HandOutPanel(QGroupBox, Retranslating):
    # a hand-out was saved
    recorded = Signal()

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.campaign: svc.CampaignView | None = None
        self.run = QComboBox()
        self.village = QComboBox()
        self.copies = QSpinBox()
        self.copies.setRange(1, booklets.MAX_COPIES)
        self.copies.setValue(50)
        self.on = QDateEdit()
        self.on.setCalendarPopup(True)
        self.on.setDisplayFormat("dd.MM.yyyy")
        self.on.setDate(to_qdate(date.today()))
        self.by = QComboBox()
        self.by.addItem("", "staff")
        self.by.addItem("", "volunteer")
        self.briefed = QSpinBox()
        self.briefed.setRange(0, svc.MAX_BRIEFED)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.labels = [QLabel() for _ in range(6)]
        grid = QGridLayout(self)
        for i, (label, widget) in enumerate(zip(self.labels, (
                self.run, self.village, self.copies, self.on, self.by, self.briefed),
                strict=True)):
            grid.addWidget(label, i // 3 * 2, i % 3)
            grid.addWidget(widget, i // 3 * 2 + 1, i % 3)
        grid.addWidget(self.save_button, 4, 2)
        grid.addWidget(self.error, 4, 0, 1, 2)
        b = self.bind_text
        b(self.setTitle, lambda: self.tr("Hand out the booklet"))
        b(self.labels[0].setText, lambda: self.tr("Print run"))
        b(self.labels[1].setText, lambda: self.tr("Village"))
        b(self.labels[2].setText, lambda: self.tr("Copies"))
        b(self.labels[3].setText, lambda: self.tr("Date"))
        b(self.labels[4].setText, lambda: self.tr("Handed out by"))
        b(self.labels[5].setText, lambda: self.tr("People briefed in person"))
        b(self.save_button.setText, lambda: self.tr("Record hand-out"))
        self.retranslate()
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_villages)

    def retranslate(self) -> None:
        super().retranslate()
        self.by.setItemText(0, self.tr("Staff"))
        self.by.setItemText(1, self.tr("Volunteers"))

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    def _got_villages(self, items: list[Named]) -> None:
        self.village.clear()
        self.village.addItem("—", None)
        for s in items:
            self.village.addItem(s.name(self.env.lang), s.id)

    def show_campaign(self, view: svc.CampaignView | None) -> None:
        self.campaign = view
        self.run.clear()
        self.error.clear()
        self.setEnabled(view is not None and view.booklet_id is not None)
        if view is None or view.booklet_id is None:
            return
        self.env.runner.db(booklets.get_booklet, self.env.ctx(), view.booklet_id,
                           on_done=self._got_booklet,
                           on_error=lambda e: show_error_text(self.error, self.env, e))

    def _got_booklet(self, booklet: booklets.BookletView) -> None:
        self.run.clear()
        for r in booklet.print_runs:
            self.run.addItem(
                self.tr("%1: %2 copies, %3 left").replace("%1", r.printed_on.strftime("%d.%m.%Y"))
                .replace("%2", str(r.copies)).replace("%3", str(r.left)), r.id)

    @Slot()
    def save(self) -> None:
        if self.campaign is None or self.run.currentData() is None:
            return
        ctx, cid = self.env.ctx(), self.campaign.id
        args = (str(self.run.currentData()), self.village.currentData(), self.copies.value(),
                from_qdate(self.on.date()) or date.today(), str(self.by.currentData()),
                self.briefed.value())
        self.error.clear()

        def done(_: object) -> None:
            self.env.notify_changed("booklet")
            self.recorded.emit()
            if self.campaign is not None:
                self.show_campaign(self.campaign)

        self.env.runner.db(svc.hand_out, ctx, cid, *args, on_done=done,
                           on_error=lambda e: show_error_text(self.error, self.env, e))
