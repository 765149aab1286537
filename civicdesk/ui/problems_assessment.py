"""The joint needs assessment: assessments per district and period; a focus group's
counts and the votes for each problem; survey responses typed in a grid or imported
from an ODK/KoboToolbox CSV; the ranking of problems with how many raised each."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
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
from civicdesk.domain.enums import Sex
from civicdesk.services import assessments as svc
from civicdesk.services import problems as problems_svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.services.survey_import import import_survey_csv, survey_code
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    Column,
    Retranslating,
    RowsModel,
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
        self.tabs.addTab(self._survey_tab(), "")
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

    def _survey_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        self.survey_hint = QLabel()
        self.survey_hint.setWordWrap(True)
        v.addWidget(self.survey_hint)
        top = QHBoxLayout()
        self.sv_sex, self.sv_age, self.sv_place = QComboBox(), QComboBox(), QComboBox()
        self.l_sv = [QLabel(), QLabel(), QLabel()]
        for label, box in zip(self.l_sv, (self.sv_sex, self.sv_age, self.sv_place),
                              strict=True):
            top.addWidget(label)
            top.addWidget(box, 1)
        for b in BANDS:
            self.sv_age.addItem(BAND_TEXT[b], b)
        v.addLayout(top)
        self.ticks = QListWidget()
        v.addWidget(self.ticks, 1)
        row = QHBoxLayout()
        self.sv_error = self._error_label()
        self.sv_save, self.sv_import = QPushButton(), QPushButton()
        self.sv_save.clicked.connect(self.save_response)
        self.sv_import.clicked.connect(self.import_csv)
        row.addWidget(self.sv_error, 1)
        row.addWidget(self.sv_import)
        row.addWidget(self.sv_save)
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
        b(self.survey_hint.setText, lambda: self.tr(
            "One respondent: sex, age, settlement and the problems ticked. The survey "
            "code beside each problem is the choice name in the ODK/Kobo form."))
        b(self.sv_save.setText, lambda: self.tr("Save respondent"))
        for label, make in zip(self.l_sv, (lambda: self.tr("Sex"), lambda: self.tr("Age"),
                                           lambda: self.tr("Settlement")), strict=True):
            b(label.setText, make)
        b(self.sv_import.setText, lambda: self.tr("Import survey CSV…"))
        for i, make in enumerate((lambda: self.tr("Focus group"), lambda: self.tr("Survey"),
                                  lambda: self.tr("Ranking"))):
            b(lambda t, i=i: self.tabs.setTabText(i, t), make)  # type: ignore[misc]
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.ranking.retranslate()
        self.votes.setHorizontalHeaderLabels([self.tr("Problem"), self.tr("Votes")])
        self.sv_sex.clear()
        self.sv_sex.addItem("—", None)
        self.sv_sex.addItem(self.tr("Male"), Sex.MALE.value)
        self.sv_sex.addItem(self.tr("Female"), Sex.FEMALE.value)

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
        self.ticks.clear()
        for p in self.problems:
            title = p.title_kk if kk else p.title_ru
            r = self.votes.rowCount()
            self.votes.insertRow(r)
            cell = QTableWidgetItem(title)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.votes.setItem(r, 0, cell)
            self.votes.setCellWidget(r, 1, _spin())
            tick = QListWidgetItem(f"{title}  [{survey_code(p.id)}]")
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked)
            tick.setData(Qt.ItemDataRole.UserRole, p.id)
            self.ticks.addItem(tick)

    def _got_districts(self, items: list[Named]) -> None:
        self.district.clear()
        self.district.addItem("—", None)
        for d in items:
            self.district.addItem(d.name(self.env.lang), d.id)

    def _got_settlements(self, items: list[Named]) -> None:
        self.settlements = items
        for box in (self.fg_place, self.sv_place):
            box.clear()
            if box is self.sv_place:
                box.addItem("—", None)
            for s in items:
                box.addItem(s.name(self.env.lang), s.id)

    def _chosen(self, row: int) -> None:
        self.current = self.rows[row] if 0 <= row < len(getattr(self, "rows", [])) else None
        self.tabs.setEnabled(self.current is not None)
        if self.current is not None:
            self.env.runner.db(svc.ranking, self.env.ctx(), assessment_id=self.current.id,
                               on_done=self.ranking.set_rows)

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

    @Slot()
    def save_response(self) -> None:
        if self.current is None:
            return
        ticked = [str(self.ticks.item(i).data(Qt.ItemDataRole.UserRole))
                  for i in range(self.ticks.count())
                  if self.ticks.item(i).checkState() == Qt.CheckState.Checked]
        sex = self.sv_sex.currentData()
        data = svc.ResponseInput(ticked, self.sv_place.currentData(),
                                 Sex(sex) if sex else None, AgeBand(self.sv_age.currentData()))
        self.sv_error.setStyleSheet("color: #b00020;")
        self.sv_error.clear()

        def done(_id: str) -> None:
            for i in range(self.ticks.count()):
                self.ticks.item(i).setCheckState(Qt.CheckState.Unchecked)
            self._saved(self.sv_error)

        self.env.runner.db(svc.add_response, self.env.ctx(), self.current.id, data,
                           on_done=done,
                           on_error=lambda e: show_error_text(self.sv_error, self.env, e))

    @Slot()
    def import_csv(self) -> None:
        if self.current is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import survey CSV…"), "",
                                              "CSV (*.csv)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        assert self.current is not None
        self.sv_error.setStyleSheet("color: #b00020;")
        self.sv_error.clear()

        def done(result: object) -> None:
            self._saved(self.sv_error)
            n, skipped = getattr(result, "imported", 0), getattr(result, "skipped", 0)
            self.sv_error.setText(self.tr("Imported: %1, already there: %2")
                                  .replace("%1", str(n)).replace("%2", str(skipped)))

        self.env.runner.db(import_survey_csv, self.env.ctx(), self.current.id, path,
                           on_done=done,
                           on_error=lambda e: show_error_text(self.sv_error, self.env, e))
