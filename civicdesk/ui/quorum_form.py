"""The center's quorum and decision thresholds (managers).  Opened from the accounts
page.  No act fixes the figures: the district maslikhat's regulations do, so the
manager enters them with the date they take effect; each kind's rule in force today
is shown with its note.  Loaded and saved on the database thread, errors inline."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from civicdesk.domain.enums import MeetingKind
from civicdesk.domain.labels import MEETING_KIND_NAMES
from civicdesk.domain.meetings import QuorumRule
from civicdesk.domain.quorum_settings import CENTER_PREFIX, CenterRule, describe
from civicdesk.services.quorum_settings import current_rules, save_center_rule
from civicdesk.ui.common import ErrorLabel, FormDialog
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import from_qdate, to_qdate

Rules = dict[MeetingKind, QuorumRule]


class _Share(QWidget):
    """«more than / at least» numerator / denominator."""

    def __init__(self) -> None:
        super().__init__()
        self.strict = QComboBox()
        self.numerator = QSpinBox()
        self.denominator = QSpinBox()
        for spin in (self.numerator, self.denominator):
            spin.setRange(0, 999)  # the service names what is allowed
        self.slash = QLabel("/")
        self.whom = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for w in (self.strict, self.numerator, self.slash, self.denominator, self.whom):
            row.addWidget(w)
        row.addStretch(1)

    def show_rule(self, num: int, den: int, strict: bool) -> None:
        self.numerator.setValue(num)
        self.denominator.setValue(den)
        self.strict.setCurrentIndex(0 if strict else 1)

    def set_texts(self, more_than: str, at_least: str, whom: str) -> None:
        index = max(self.strict.currentIndex(), 0)
        self.strict.blockSignals(True)  # a new language is no edit
        self.strict.clear()
        self.strict.addItems([more_than, at_least])
        self.strict.setCurrentIndex(index)
        self.strict.blockSignals(False)
        self.whom.setText(whom)


class QuorumDialog(FormDialog[Rules]):
    """Kind, date it takes effect, quorum share of members, decision share of those
    present; above them each kind's rule in force today."""

    changed_entity = "quorum_rules"

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.view = None
        self.rules: Rules | None = None
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.kind = QComboBox()
        for kind in MeetingKind:
            self.kind.addItem("", kind.value)
        self.valid_from = QDateEdit()
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("dd.MM.yyyy")
        self.valid_from.setDate(to_qdate(date.today()))
        self.quorum = _Share()
        self.decision = _Share()
        self.labels = {k: QLabel() for k in ("kind", "valid_from", "quorum", "decision")}
        form = QFormLayout()
        e = self.errors
        form.addRow(self.note)
        form.addRow(self.current)
        form.addRow(self.labels["kind"], self.kind)
        form.addRow(self.labels["valid_from"], self.valid_from)
        form.addRow("", e.add(ErrorLabel(), "valid_from"))
        form.addRow(self.labels["quorum"], self.quorum)
        form.addRow("", e.add(ErrorLabel(), "quorum_numerator", "quorum_denominator"))
        form.addRow(self.labels["decision"], self.decision)
        form.addRow("", e.add(ErrorLabel(), "decision_numerator", "decision_denominator"))
        self.finish_layout(form)
        self.setMinimumWidth(640)
        self.retranslate()
        self.buttons.setEnabled(False)  # until the rules in force are shown
        env.runner.db(current_rules, env.ctx(), on_done=self._loaded)

    def _loaded(self, rules: Rules) -> None:
        self.rules = rules
        self._show_kind()
        self.retranslate()
        self.kind.currentIndexChanged.connect(self._show_kind)
        for w in (self.quorum.numerator, self.quorum.denominator, self.decision.numerator,
                  self.decision.denominator):
            w.valueChanged.connect(self._mark_dirty)
        for c in (self.quorum.strict, self.decision.strict):
            c.currentIndexChanged.connect(self._mark_dirty)
        self.valid_from.dateChanged.connect(self._mark_dirty)
        self._dirty = False
        self.buttons.setEnabled(True)

    def selected_kind(self) -> MeetingKind:
        return MeetingKind(self.kind.currentData() or MeetingKind.MEETING.value)

    def _show_kind(self, *_: object) -> None:
        """The figures of the chosen kind's rule in force today, to start from."""
        if self.rules is None:
            return
        r = self.rules[self.selected_kind()]
        self.quorum.show_rule(r.quorum_numerator, r.quorum_denominator, r.strict)
        self.decision.show_rule(r.decision_numerator, r.decision_denominator,
                                r.decision_strict)

    def save(self) -> None:
        if self._busy or self.rules is None:
            return
        self.errors.clear()
        q, d = self.quorum, self.decision
        data = CenterRule(
            kind=self.selected_kind(),
            valid_from=from_qdate(self.valid_from.date()) or date.today(),
            quorum_numerator=q.numerator.value(), quorum_denominator=q.denominator.value(),
            strict=q.strict.currentIndex() == 0,
            decision_numerator=d.numerator.value(),
            decision_denominator=d.denominator.value(),
            decision_strict=d.strict.currentIndex() == 0,
        )
        self.submit(save_center_rule, self.env.ctx(), data)

    def current_text(self) -> str:
        """Each kind's rule in force today: figures, whose setting, the note."""
        if self.rules is None:
            return ""
        lines = []
        for kind, rule in self.rules.items():
            figures = self.env.tr_label(describe(rule))
            if rule.version.startswith(CENTER_PREFIX):
                whose = self.tr("the center's setting since %1").replace(
                    "%1", rule.valid_from.strftime("%d.%m.%Y"))
            else:
                whose = self.tr("default, not set by the center")
            line = f"• {self.env.tr_label(MEETING_KIND_NAMES[kind])}: {figures} ({whose})"
            if rule.note is not None:
                line += "\n   " + self.env.tr_label(rule.note)
            lines.append(line)
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Quorum and decision thresholds"))
        self.note.setText(self.tr(
            "No law fixes these figures for the whole country: Article 39-3 of Law "
            "No. 148-II leaves them to the regulations your district maslikhat adopted. "
            "Enter them as those regulations say, with the date they take effect: "
            "meetings held before that date keep the rule they were judged by."))
        self.current.setText(self.tr("In force today:") + "\n" + self.current_text())
        for i, kind in enumerate(MeetingKind):
            self.kind.setItemText(i, self.env.tr_label(MEETING_KIND_NAMES[kind]))
        self.labels["kind"].setText(self.tr("Kind of meeting:"))
        self.labels["valid_from"].setText(self.tr("Takes effect on:"))
        self.labels["quorum"].setText(self.tr("Quorum:"))
        self.labels["decision"].setText(self.tr("Decision adopted by:"))
        more, least = self.tr("more than"), self.tr("at least")
        self.quorum.set_texts(more, least, self.tr("of the members"))
        self.decision.set_texts(more, least, self.tr("of those present"))
        self.set_button_texts(self.tr("Save"), self.tr("Cancel"))
        self.errors.relocalize(self.env.lang)

    def unsaved_question(self) -> tuple[str, str]:
        return (self.tr("Unsaved changes"),
                self.tr("The changes are not saved. Close the form anyway?"))


__all__ = ["QuorumDialog"]
