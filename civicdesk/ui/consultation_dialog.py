"""The consultation form: resident (picked, or registered on the spot), topic,
question and advice, referral, follow-up."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    Qt,
    QTime,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.services import consultations as svc
from civicdesk.services.consultations import (
    ConsultationInput,
    ConsultationView,
)
from civicdesk.services.resident_checks import discard_unused
from civicdesk.ui.common import (
    ErrorLabel,
    FormDialog,
    fill_combo,
    pydate,
    qdate,
    select_data,
)
from civicdesk.ui.env import UiEnv
from civicdesk.ui.refs import Refs
from civicdesk.ui.texts import channel_text, status_text


class ConsultationDialog(FormDialog[ConsultationView]):
    """New or existing consultation; errors appear next to their fields."""

    changed_entity = "consultation"
    #: residents registered from this form (through the picker)
    new_residents: list[str]

    def __init__(
        self, env: UiEnv, refs: Refs, view: ConsultationView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(env, parent)
        self.new_residents = []
        self.refs = refs
        self.view = view
        self.resident_id: str | None = view.resident_id if view else None

        self.occurred = QDateTimeEdit()
        self.occurred.setCalendarPopup(True)
        self.occurred.setDisplayFormat("dd.MM.yyyy HH:mm")
        self.channel = QComboBox()
        self.topic = QComboBox()
        self.more_topics = QListWidget()
        self.more_topics.setFixedHeight(112)
        self.more_topics.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.more_topics.setWordWrap(True)
        self.question = QPlainTextEdit()
        self.question.setMinimumHeight(70)
        self.advice = QPlainTextEdit()
        self.advice.setMinimumHeight(70)
        self.resident_name = QLineEdit()
        self.resident_name.setReadOnly(True)
        self.pick_resident = QPushButton()
        self.clear_resident = QPushButton()
        resident_row = QHBoxLayout()
        resident_row.addWidget(self.resident_name, 1)
        resident_row.addWidget(self.pick_resident)
        resident_row.addWidget(self.clear_resident)
        self.settlement = QComboBox()
        self.legal_refs = QLineEdit()
        self.referral = QLineEdit()
        self.has_follow_up = QCheckBox()
        self.follow_up = QDateEdit()
        self.follow_up.setCalendarPopup(True)
        self.follow_up.setDisplayFormat("dd.MM.yyyy")
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.has_follow_up)
        follow_row.addWidget(self.follow_up)
        follow_row.addStretch(1)
        self.status = QComboBox()
        self.language = QComboBox()
        self.language.addItem("Қазақша", "kk")
        self.language.addItem("Русский", "ru")

        self.labels: dict[str, QLabel] = {
            k: QLabel() for k in ("occurred", "channel", "topic", "more_topics", "question",
                                  "advice", "resident", "settlement", "legal_refs", "referral",
                                  "follow_up", "status", "language")
        }
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        e = self.errors

        def row(key: str, widget: Any, *fields: str) -> None:
            if isinstance(widget, QHBoxLayout):
                form.addRow(self.labels[key], widget)
            else:
                form.addRow(self.labels[key], widget)
            if fields:
                form.addRow("", e.add(ErrorLabel(), *fields))

        row("occurred", self.occurred, "occurred_at")
        row("channel", self.channel, "channel")
        row("topic", self.topic, "topic_codes", "topics")
        row("more_topics", self.more_topics)
        row("question", self.question, "question")
        row("advice", self.advice, "advice")
        row("resident", resident_row, "resident_id")
        row("settlement", self.settlement, "settlement_id")
        row("legal_refs", self.legal_refs, "legal_refs")
        row("referral", self.referral, "referral_to")
        row("follow_up", follow_row, "follow_up_date", "follow_up_on")
        row("status", self.status, "status")
        row("language", self.language, "language")

        self.finish_layout(form)
        self.resize(720, 700)
        # the other topics come after the texts: Tab goes from the main topic to the
        # question, not through every topic first
        order = (self.occurred, self.channel, self.topic, self.question, self.advice,
                 self.more_topics, self.resident_name, self.pick_resident,
                 self.clear_resident, self.settlement, self.legal_refs, self.referral,
                 self.has_follow_up, self.follow_up, self.status, self.language)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        self.pick_resident.clicked.connect(self._pick_resident)
        self.clear_resident.clicked.connect(lambda: self._set_resident(None, ""))
        self.has_follow_up.toggled.connect(self.follow_up.setEnabled)
        self.retranslate()
        self._load(view)
        for w in (self.occurred,):
            w.dateTimeChanged.connect(self._mark_dirty)
        for c in (self.channel, self.topic, self.settlement, self.status, self.language):
            c.currentIndexChanged.connect(self._mark_dirty)
        for t in (self.question, self.advice):
            t.textChanged.connect(self._mark_dirty)
        for line in (self.legal_refs, self.referral):
            line.textChanged.connect(self._mark_dirty)
        self.has_follow_up.toggled.connect(self._mark_dirty)
        self.follow_up.dateChanged.connect(self._mark_dirty)
        self.more_topics.itemChanged.connect(self._mark_dirty)
        self._dirty = False

    def _load(self, view: ConsultationView | None) -> None:
        now = datetime.now().replace(second=0, microsecond=0)
        when = view.occurred_at if view else now
        self.occurred.setDateTime(QDateTime(qdate(when.date()), QTime(when.hour, when.minute)))
        if view is None:
            select_data(self.language, self.env.lang)
            self.has_follow_up.setChecked(False)
            self.follow_up.setDate(qdate(date.today() + timedelta(days=7)))
            self.follow_up.setEnabled(False)
            return
        select_data(self.channel, view.channel.value)
        if view.topic_codes:
            select_data(self.topic, view.topic_codes[0])
        for i in range(self.more_topics.count()):
            item = self.more_topics.item(i)
            code = item.data(256)
            item.setCheckState(
                item.checkState().Checked if code in view.topic_codes[1:]
                else item.checkState().Unchecked
            )
        self.question.setPlainText(view.question)
        self.advice.setPlainText(view.advice)
        self._set_resident(view.resident_id, view.resident_name or "")
        select_data(self.settlement, view.settlement_id)
        self.legal_refs.setText(view.legal_refs)
        self.referral.setText(view.referral_to)
        self.has_follow_up.setChecked(view.follow_up_on is not None)
        self.follow_up.setEnabled(view.follow_up_on is not None)
        self.follow_up.setDate(qdate(view.follow_up_on or date.today() + timedelta(days=7)))
        select_data(self.status, view.status.value)
        select_data(self.language, view.language)

    def _set_resident(self, resident_id: str | None, name: str) -> None:
        if resident_id != self.resident_id:
            self._dirty = True
        self.resident_id = resident_id
        self.resident_name.setText(name)
        self.clear_resident.setEnabled(resident_id is not None)

    def _pick_resident(self) -> None:
        from civicdesk.ui.resident_dialog import ResidentPicker

        picker = ResidentPicker(self.env, parent=self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen is not None:
            rid, name, settlement_id = picker.chosen
            if picker.created_new:
                self.new_residents.append(rid)
            self._set_resident(rid, name)
            if settlement_id and not self.settlement.currentData():
                select_data(self.settlement, settlement_id)

    def done(self, result: int) -> None:
        """Residents registered from this form and not kept in the end go again."""
        super().done(result)
        kept = self.saved.resident_id if self.saved is not None else None
        for rid in self.new_residents:
            if rid != kept:
                self.env.runner.db(
                    discard_unused, self.env.ctx(), rid,
                    on_done=lambda _removed: self.env.notify_changed("resident"))
        self.new_residents = []

    def collect(self) -> ConsultationInput:
        qdt = self.occurred.dateTime()
        d, t = qdt.date(), qdt.time()
        occurred = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())
        codes: list[str] = []
        if self.topic.currentData():
            codes.append(str(self.topic.currentData()))
        for i in range(self.more_topics.count()):
            item = self.more_topics.item(i)
            code = str(item.data(256))
            if item.checkState() == item.checkState().Checked and code not in codes:
                codes.append(code)
        return ConsultationInput(
            occurred_at=occurred,
            channel=ConsultationChannel(self.channel.currentData()),
            topic_codes=codes,
            question=self.question.toPlainText(),
            advice=self.advice.toPlainText(),
            resident_id=self.resident_id,
            settlement_id=self.settlement.currentData(),
            consultant_id=self.view.consultant_id if self.view else None,
            legal_refs=self.legal_refs.text(),
            referral_to=self.referral.text(),
            follow_up_on=pydate(self.follow_up.date()) if self.has_follow_up.isChecked() else None,
            status=ConsultationStatus(self.status.currentData()),
            language=str(self.language.currentData()),
        )

    def save(self) -> None:
        self.save_record(svc.create_consultation, svc.update_consultation, self.collect)

    def unsaved_question(self) -> tuple[str, str]:
        return (self.tr("Unsaved changes"),
                self.tr("Close the form without saving the changes?"))

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("New consultation") if self.view is None else self.tr("Consultation"))
        texts = {
            "occurred": self.tr("Date and time:"), "channel": self.tr("Channel:"),
            "topic": self.tr("Main topic:"), "more_topics": self.tr("Other topics:"),
            "question": self.tr("Question:"), "advice": self.tr("Advice given:"),
            "resident": self.tr("Resident:"), "settlement": self.tr("Settlement:"),
            "legal_refs": self.tr("Legal acts:"), "referral": self.tr("Referred to:"),
            "follow_up": self.tr("Follow-up:"), "status": self.tr("Status:"),
            "language": self.tr("Language of the consultation:"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.pick_resident.setText(self.tr("Choose…"))
        self.clear_resident.setText(self.tr("Clear"))
        self.resident_name.setPlaceholderText(self.tr("anonymous"))
        self.has_follow_up.setText(self.tr("needed by"))
        self.legal_refs.setPlaceholderText(self.tr("e.g. Law on local government, art. 39-3"))
        self.referral.setPlaceholderText(self.tr("e.g. rural district akim's office"))
        self.set_button_texts(self.tr("Save"), self.tr("Cancel"))
        lang = self.env.lang
        fill_combo(self.channel, ((channel_text(c), c.value) for c in ConsultationChannel))
        fill_combo(self.status, ((status_text(s), s.value) for s in ConsultationStatus))
        fill_combo(self.topic, ((t.name(lang), t.code) for t in self.refs.topics),
                   blank=self.tr("— choose —"))
        fill_combo(self.settlement, ((s.name(lang), s.id) for s in self.refs.settlements),
                   blank=self.tr("— not set —"))
        checked = {
            self.more_topics.item(i).data(256)
            for i in range(self.more_topics.count())
            if self.more_topics.item(i).checkState() == self.more_topics.item(i).checkState().Checked
        }
        self.more_topics.blockSignals(True)
        self.more_topics.clear()
        for t in self.refs.topics:
            item = QListWidgetItem(t.name(lang))
            item.setData(256, t.code)
            item.setFlags(item.flags() | item.flags().ItemIsUserCheckable)
            item.setCheckState(
                item.checkState().Checked if t.code in checked else item.checkState().Unchecked
            )
            self.more_topics.addItem(item)
        self.more_topics.blockSignals(False)
        self.errors.relocalize(lang)
