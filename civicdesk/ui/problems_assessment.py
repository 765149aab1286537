"""The joint needs assessment: assessments per district and period; a focus group's
counts and the votes for each problem; survey responses typed in a grid or imported
from an ODK/KoboToolbox CSV (the survey tab, ``problems_survey``); the ranking of
problems with how many raised each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.awareness import AgeBand
from civicdesk.services import assessments as svc
from civicdesk.services import problems as problems_svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.problems_survey import SurveyTab
from civicdesk.ui.screens_common import (
    Column,
    Retranslating,
    RowsModel,
    confirm_discard,
    from_qdate,
    rows_table,
    show_error_text,
    side_by_side,
    to_qdate,
)

__all__ = ["AssessmentsPage"]

BANDS = [b.value for b in AgeBand]
BAND_TEXT = {"14_17": "14–17", "18_29": "18–29", "30_35": "30–35", "36_44": "36–44",
             "45_59": "45–59", "60_plus": "60+"}


def _spin(top: int = svc.MAX_COUNT) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, top)
    return spin


def _date() -> QDateEdit:
    d = QDateEdit()
    d.setCalendarPopup(True)
    d.setDisplayFormat("dd.MM.yyyy")
    d.setDate(to_qdate(date.today()))
    return d


class AssessmentsPage(QWidget, Retranslating):
    """Needs assessments and what they found."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.current: svc.AssessmentRow | None = None
        self.problems: list[problems_svc.ProblemRow] = []
        self.settlements: list[Named] = []

        # ----------------------------------------------------------- the list
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._chosen)
        self.district = QComboBox()
        self.district.setMinimumContentsLength(18)
        self.starts_on, self.ends_on = _date(), _date()
        self.title = QLineEdit()
        self.methods = {m: QCheckBox() for m in svc.METHODS}
        self.create_button = QPushButton()
        self.create_button.clicked.connect(self.create_assessment)
        self.create_error = self._error_label()
        new_form = QFormLayout()
        self.l_district, self.l_period, self.l_title = QLabel(), QLabel(), QLabel()
        period = QHBoxLayout()
        period.addWidget(self.starts_on)
        period.addWidget(self.ends_on)
        new_form.addRow(self.l_title, self.title)
        new_form.addRow(self.l_district, self.district)
        new_form.addRow(self.l_period, period)
        for box in self.methods.values():
            new_form.addRow(box)
        new_form.addRow(self.create_button)
        new_form.addRow(self.create_error)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        lv.addLayout(new_form)

        # ------------------------------------------------------------- the tabs
        self.tabs = QTabWidget()
        self.tabs.addTab(self._focus_tab(), "")
        self.survey = SurveyTab(env)
        self.survey.saved.connect(lambda _n: self.env.notify_changed("assessment"))
        self.tabs.addTab(self.survey, "")
        self.tabs.addTab(self._ranking_tab(), "")
        self.tabs.setEnabled(False)
        lay = QVBoxLayout(self)
        lay.addWidget(side_by_side(left, self.tabs, (1, 3), [340, 1000]))
        self._bind_texts()
        env.signals.data_changed.connect(self._data_changed)
        env.runner.db(reference.districts, env.ctx(), on_done=self._got_districts)
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.reload()

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        return label

    def _focus_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        g = QGridLayout()
        self.fg_date, self.fg_place, self.fg_moderator = _date(), QComboBox(), QLineEdit()
        self.fg_total, self.fg_men, self.fg_women = _spin(), _spin(), _spin()
        self.l_fg = [QLabel() for _ in range(6)]
        for i, wid in enumerate((self.fg_date, self.fg_place, self.fg_moderator,
                                 self.fg_total, self.fg_men, self.fg_women)):
            g.addWidget(self.l_fg[i], i // 3 * 2, i % 3)
            g.addWidget(wid, i // 3 * 2 + 1, i % 3)
        v.addLayout(g)
        ages = QGridLayout()
        self.l_ages = QLabel()
        ages.addWidget(self.l_ages, 0, 0, 1, len(BANDS))
        self.fg_ages = {b: _spin() for b in BANDS}
        for i, b in enumerate(BANDS):
            ages.addWidget(QLabel(BAND_TEXT[b]), 1, i)
            ages.addWidget(self.fg_ages[b], 2, i)
        v.addLayout(ages)
        cats = QGridLayout()
        self.l_cats = QLabel()
        cats.addWidget(self.l_cats, 0, 0, 1, 4)
        self.fg_cats = {c: _spin() for c in svc.CATEGORIES}
        self.l_cat = {c: QLabel() for c in svc.CATEGORIES}
        for i, c in enumerate(svc.CATEGORIES):
            cats.addWidget(self.l_cat[c], 1 + i // 4 * 2, i % 4)
            cats.addWidget(self.fg_cats[c], 2 + i // 4 * 2, i % 4)
        v.addLayout(cats)
        self.votes = QTableWidget(0, 2)
        self.votes.verticalHeader().hide()
        self.votes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        v.addWidget(self.votes, 1)
        row = QHBoxLayout()
        self.fg_error = self._error_label()
        self.fg_save = QPushButton()
        self.fg_save.clicked.connect(self.save_focus_group)
        row.addWidget(self.fg_error, 1)
        row.addWidget(self.fg_save)
        v.addLayout(row)
        return w

    def _ranking_tab(self) -> QWidget:
        self.ranking: RowsModel[svc.RankedRow] = RowsModel([
            Column(lambda: self.tr("Rank"), lambda r: r.rank, align_right=True),
            Column(lambda: self.tr("Problem"),
                   lambda r: r.title_kk if self.env.lang == "kk" else r.title_ru),
            Column(lambda: self.tr("Raised by"), lambda r: r.total, align_right=True),
            Column(lambda: self.tr("Women"), lambda r: r.women, align_right=True),
            Column(lambda: self.tr("Men"), lambda r: r.men, align_right=True),
            Column(lambda: self.tr("Youth 14–35"), lambda r: r.youth, align_right=True),
        ], self)
        return rows_table(self.ranking, 1)

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.l_title.setText, lambda: self.tr("Title"))
        b(self.l_district.setText, lambda: self.tr("District"))
        b(self.l_period.setText, lambda: self.tr("Period"))
        names = {"focus_group": lambda: self.tr("Focus groups"),
                 "online_survey": lambda: self.tr("Online survey"),
                 "paper_survey": lambda: self.tr("Paper survey")}
        for m, box in self.methods.items():
            b(box.setText, names[m])
        b(self.create_button.setText, lambda: self.tr("New assessment"))
        for label, make in zip(self.l_fg, (
                lambda: self.tr("Date"), lambda: self.tr("Settlement"),
                lambda: self.tr("Moderator"), lambda: self.tr("Participants"),
                lambda: self.tr("Men"), lambda: self.tr("Women")), strict=True):
            b(label.setText, make)
        b(self.l_ages.setText, lambda: self.tr("Participants by age (youth: 14–35)"))
        b(self.l_cats.setText, lambda: self.tr("Participants by category (no names)"))
        cat_names = {
            "youth": lambda: self.tr("Youth"), "women": lambda: self.tr("Women"),
            "pensioners": lambda: self.tr("Pensioners"),
            "disabled": lambda: self.tr("People with disabilities"),
            "farmers": lambda: self.tr("Farmers"),
            "entrepreneurs": lambda: self.tr("Entrepreneurs"),
            "parents": lambda: self.tr("Parents"), "other": lambda: self.tr("Other")}
        for c, label in self.l_cat.items():
            b(label.setText, cat_names[c])
        b(self.fg_save.setText, lambda: self.tr("Save focus group"))
        for i, make in enumerate((lambda: self.tr("Focus group"), lambda: self.tr("Survey"),
                                  lambda: self.tr("Ranking"))):
            b(lambda t, i=i: self.tabs.setTabText(i, t), make)  # type: ignore[misc]
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.ranking.retranslate()
        self.votes.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Votes")])

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ================================================================ loading
    def reload(self) -> None:
        self.env.runner.db(svc.list_assessments, self.env.ctx(), on_done=self._fill)
        self.env.runner.db(problems_svc.list_problems, self.env.ctx(),
                           ListQuery(limit=200, sort="raised_count", descending=True),
                           on_done=self._got_problems)

    def _data_changed(self, entity: str) -> None:
        if entity in ("problem", "assessment", "settlement"):
            self.reload()
        if entity in ("problem", "settlement"):
            self.survey.reload()

    def _fill(self, rows: list[svc.AssessmentRow]) -> None:
        keep = self.current.id if self.current else None
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for r in rows:
            district = r.district_kk if self.env.lang == "kk" else r.district_ru
            counts = (self.tr("focus groups: %1, respondents: %2")
                      .replace("%1", str(r.focus_groups)).replace("%2", str(r.responses)))
            item = QListWidgetItem(f"{r.starts_on:%d.%m.%Y} {r.title or district}\n"
                                   f"{district}\n{counts}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [r.id for r in rows]
        self.list.setCurrentRow(ids.index(keep) if keep in ids else (0 if ids else -1))

    def _got_problems(self, page: Page[problems_svc.ProblemRow]) -> None:
        self.problems = page.rows
        kk = self.env.lang == "kk"
        self.votes.setRowCount(0)
        for p in self.problems:
            title = p.title_kk if kk else p.title_ru
            r = self.votes.rowCount()
            self.votes.insertRow(r)
            cell = QTableWidgetItem(title)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.votes.setItem(r, 0, cell)
            self.votes.setCellWidget(r, 1, _spin())

    def _got_districts(self, items: list[Named]) -> None:
        self.district.clear()
        self.district.addItem("—", None)
        for d in items:
            self.district.addItem(d.name(self.env.lang), d.id)

    def _got_settlements(self, items: list[Named]) -> None:
        self.settlements = items
        self.fg_place.clear()
        for s in items:
            self.fg_place.addItem(s.name(self.env.lang), s.id)

    def _chosen(self, row: int) -> None:
        chosen = self.rows[row] if 0 <= row < len(getattr(self, "rows", [])) else None
        shown = self.survey.assessment_id
        if (chosen is None or chosen.id != shown) and shown is not None \
                and self.survey.has_unsaved_changes() and not confirm_discard(self):
            self._keep_shown(shown)  # the typed rows stay, with their assessment
            return
        self.current = chosen
        self.survey.show_assessment(chosen.id if chosen else None)
        self.tabs.setEnabled(self.current is not None)
        if self.current is not None:
            self.env.runner.db(svc.ranking, self.env.ctx(), assessment_id=self.current.id,
                               on_done=self.ranking.set_rows)

    def _keep_shown(self, assessment_id: str) -> None:
        rows = getattr(self, "rows", [])
        self.current = next((r for r in rows if r.id == assessment_id), self.current)
        ids = [r.id for r in rows]
        self.list.blockSignals(True)
        self.list.setCurrentRow(ids.index(assessment_id) if assessment_id in ids else -1)
        self.list.blockSignals(False)

    def has_unsaved_changes(self) -> bool:
        """Asked by the main window before it closes: questionnaires typed, not saved."""
        return self.survey.has_unsaved_changes()

    def save_current(self) -> None:
        """Ctrl+S: save what the open tab holds."""
        if self.tabs.currentWidget() is self.survey:
            self.survey.save()
        elif self.tabs.currentIndex() == 0:
            self.save_focus_group()

    # ================================================================ actions
    @Slot()
    def create_assessment(self) -> None:
        data = svc.AssessmentInput(
            self.district.currentData(), from_qdate(self.starts_on.date()) or date.today(),
            [m for m, box in self.methods.items() if box.isChecked()],
            from_qdate(self.ends_on.date()), self.title.text())
        self.create_error.clear()
        self.env.runner.db(svc.create_assessment, self.env.ctx(), data, on_done=self._created,
                           on_error=lambda e: show_error_text(self.create_error, self.env, e))

    def _created(self, row: svc.AssessmentRow) -> None:
        self.current = row
        self.env.notify_changed("assessment")

    @Slot()
    def save_focus_group(self) -> None:
        if self.current is None:
            return
        votes = []
        for r, p in enumerate(self.problems):
            spin = self.votes.cellWidget(r, 1)
            if isinstance(spin, QSpinBox) and spin.value():
                votes.append((p.id, spin.value()))
        data = svc.FocusGroupInput(
            from_qdate(self.fg_date.date()) or date.today(), str(self.fg_place.currentData()),
            self.fg_total.value(), self.fg_moderator.text(),
            {"m": self.fg_men.value(), "f": self.fg_women.value()},
            {b: s.value() for b, s in self.fg_ages.items()},
            {c: s.value() for c, s in self.fg_cats.items()}, votes)
        self.fg_error.clear()
        self.env.runner.db(svc.add_focus_group, self.env.ctx(), self.current.id, data,
                           on_done=lambda _id: self._saved(self.fg_error),
                           on_error=lambda e: show_error_text(self.fg_error, self.env, e))

    def _saved(self, label: QLabel) -> None:
        label.setStyleSheet("color: #1b5e20;")
        label.setText(self.tr("Saved."))
        self.env.notify_changed("assessment")
