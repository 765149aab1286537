"""One-day seminars: list, editor, participants with attendance and test scores,
printing the attendance sheet and the certificates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_date
from civicdesk.services import printing as print_svc
from civicdesk.services import reference
from civicdesk.services import residents as residents_svc
from civicdesk.services import seminar_series as series_svc
from civicdesk.services import seminars as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    PAGE_SIZE,
    Column,
    FieldErrors,
    ListEditor,
    Pager,
    Retranslating,
    RowsModel,
    from_qdate,
    list_pane,
    render_and_preview,
    rows_table,
    show_user_error,
    side_by_side,
    to_qdate,
)
from civicdesk.ui.seminars_people import (
    SeriesDialog,
    age_combo,
    combo_value,
    sex_combo,
    yes_no_combo,
)

__all__ = ["SeminarsPage"]

_NO_SCORE = -1


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _bool(value: object) -> bool | None:
    return value if isinstance(value, bool) else None


class SeminarsPage(QWidget, Retranslating, ListEditor):
    """Seminars and their participants."""

    NAME, ATTENDED, PRE, POST, SEX, AGE, YOUTH, DISABILITY = range(8)

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.SeminarView | None = None
        self.dirty = False
        self._loading = False
        self.show_previews = True
        self.on_rendered: Callable[[object], None] | None = None

        # ----------------------------------------------------------------- list
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_seminar)
        self.model: RowsModel[svc.SeminarRow] = RowsModel([
            Column(lambda: self.tr("Date"), lambda r: r.held_on.strftime("%d.%m.%Y")),
            Column(lambda: self.tr("Seminar"), lambda r: r.title),
            Column(lambda: self.tr("Attended"), lambda r: f"{r.attended}/{r.participants}", align_right=True),
        ], self)
        self.table = rows_table(self.model, 1, fit=False)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        left = list_pane(self.search, self.new_button, self.table, self.pager)

        # --------------------------------------------------------------- editor
        self.details_box = QGroupBox()
        form = QFormLayout(self.details_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.title_edit = QLineEdit()
        self.topic = QLineEdit()
        self.held_on = QDateEdit()
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("dd.MM.yyyy")
        self.place = QLineEdit()
        self.settlement = QComboBox()
        self.trainer = QLineEdit()
        self.hours = QSpinBox()
        self.hours.setRange(0, svc.MAX_HOURS)
        self.series = QComboBox()
        self.series.addItem("—", None)
        self.new_series_button = QPushButton()
        self.new_series_button.clicked.connect(self.new_series)
        series_row = QWidget()
        sr = QHBoxLayout(series_row)
        sr.setContentsMargins(0, 0, 0, 0)
        sr.addWidget(self.series, 1)
        sr.addWidget(self.new_series_button)
        self.audience = QComboBox()
        for a in svc.AUDIENCES:
            self.audience.addItem("", a)
        self.l_series, self.l_audience = QLabel(), QLabel()
        self.l_title, self.l_topic, self.l_date, self.l_place = QLabel(), QLabel(), QLabel(), QLabel()
        self.l_settlement, self.l_trainer, self.l_hours = QLabel(), QLabel(), QLabel()
        for label, name, widget in ((self.l_title, "title", self.title_edit), (self.l_topic, "topic", self.topic),
                                    (self.l_date, "held_on", self.held_on), (self.l_place, "place", self.place),
                                    (self.l_settlement, "settlement_id", self.settlement),
                                    (self.l_trainer, "trainer", self.trainer), (self.l_hours, "hours", self.hours),
                                    (self.l_series, "series_id", series_row),
                                    (self.l_audience, "audience", self.audience)):
            self.errors.add_row(form, label, name, widget)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_details)
        sb = QHBoxLayout()
        sb.addStretch(1)
        sb.addWidget(self.save_button)
        form.addRow(sb)
        for e in (self.title_edit, self.topic, self.place, self.trainer):
            e.textEdited.connect(self._mark_dirty)
        self.held_on.dateChanged.connect(self._mark_dirty)
        self.hours.valueChanged.connect(self._mark_dirty)
        self.settlement.currentIndexChanged.connect(self._mark_dirty)
        self.series.currentIndexChanged.connect(self._mark_dirty)
        self.audience.currentIndexChanged.connect(self._mark_dirty)

        self.people_box = QGroupBox()
        pv = QVBoxLayout(self.people_box)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        pv.addWidget(self.summary_label)
        self.people = QTableWidget(0, 8)
        self.people.verticalHeader().hide()
        hh = self.people.horizontalHeader()
        hh.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(self.ATTENDED, QHeaderView.ResizeMode.ResizeToContents)
        # fixed widths for the small editors, so that the name keeps the spare width
        for c, width in ((self.PRE, 66), (self.POST, 66), (self.SEX, 76), (self.AGE, 100),
                         (self.YOUTH, 80), (self.DISABILITY, 100)):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.people.setColumnWidth(c, width)
        self.people.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.people.itemChanged.connect(self._people_changed)
        pv.addWidget(self.people, 1)
        pick = QHBoxLayout()
        self.resident_search = QLineEdit()
        self.resident_search.returnPressed.connect(self.find_residents)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.find_residents)
        self.resident_combo = QComboBox()
        self.resident_combo.setMinimumWidth(200)
        self.add_resident_button = QPushButton()
        self.add_resident_button.clicked.connect(self.add_resident)
        pick.addWidget(self.resident_search, 1)
        pick.addWidget(self.find_button)
        pick.addWidget(self.resident_combo, 1)
        pick.addWidget(self.add_resident_button)
        pv.addLayout(pick)
        by_name = QHBoxLayout()
        self.new_name = QLineEdit()
        self.new_name.returnPressed.connect(self.add_by_name)
        self.add_name_button = QPushButton()
        self.add_name_button.clicked.connect(self.add_by_name)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_participant)
        self.save_people_button = QPushButton()
        self.save_people_button.clicked.connect(self.save_participants)
        by_name.addWidget(self.new_name, 1)
        by_name.addWidget(self.add_name_button)
        by_name.addWidget(self.remove_button)
        by_name.addWidget(self.save_people_button)
        pv.addLayout(by_name)
        self.people_error = QLabel()
        self.people_error.setStyleSheet("color: #b00020;")
        self.people_error.setWordWrap(True)
        pv.addWidget(self.people_error)

        self.print_attendance_button = QPushButton()
        self.print_certificates_button = QPushButton()
        self.print_attendance_button.clicked.connect(self.print_attendance)
        self.print_certificates_button.clicked.connect(self.print_certificates)
        editor = QWidget()
        ev = QVBoxLayout(editor)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addWidget(self.details_box)
        ev.addWidget(self.people_box, 1)
        pb = QHBoxLayout()
        pb.addStretch(1)
        pb.addWidget(self.print_attendance_button)
        pb.addWidget(self.print_certificates_button)
        ev.addLayout(pb)

        split = side_by_side(left, editor, (2, 3), [430, 910])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self._bind_texts()
        self._show(None)
        env.signals.data_changed.connect(self._data_changed)
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.reload_series()
        self.reload(0)

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search by title, topic, trainer…"))
        b(self.new_button.setText, lambda: self.tr("New seminar"))
        b(self.details_box.setTitle, lambda: self.tr("Seminar"))
        b(self.l_title.setText, lambda: self.tr("Title"))
        b(self.l_topic.setText, lambda: self.tr("Topic"))
        b(self.l_date.setText, lambda: self.tr("Date"))
        b(self.l_place.setText, lambda: self.tr("Place"))
        b(self.l_settlement.setText, lambda: self.tr("Settlement"))
        b(self.l_trainer.setText, lambda: self.tr("Trainer"))
        b(self.l_hours.setText, lambda: self.tr("Hours"))
        b(self.l_series.setText, lambda: self.tr("Series"))
        b(self.new_series_button.setText, lambda: self.tr("New series…"))
        b(self.l_audience.setText, lambda: self.tr("Audience"))
        b(lambda t: self.audience.setItemText(0, t), lambda: self.tr("residents"))
        b(lambda t: self.audience.setItemText(1, t), lambda: self.tr("local officials"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.people_box.setTitle, lambda: self.tr("Participants"))
        b(self.resident_search.setPlaceholderText, lambda: self.tr("Find a resident by name…"))
        b(self.find_button.setText, lambda: self.tr("Find"))
        b(self.add_resident_button.setText, lambda: self.tr("Add resident"))
        b(self.new_name.setPlaceholderText, lambda: self.tr("Or type the full name of a participant"))
        b(self.add_name_button.setText, lambda: self.tr("Add by name"))
        b(self.remove_button.setText, lambda: self.tr("Remove"))
        b(self.save_people_button.setText, lambda: self.tr("Save attendance and scores"))
        b(self.print_attendance_button.setText, lambda: self.tr("Print attendance sheet"))
        b(self.print_certificates_button.setText, lambda: self.tr("Print certificates"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        # two-word titles on two lines: the small columns stay narrow in both languages
        self.people.setHorizontalHeaderLabels([self.tr("Full name")] + [t.replace(" ", "\n", 1) for t in (
            self.tr("Attended"), self.tr("Test before"), self.tr("Test after"), self.tr("Sex"),
            self.tr("Age group"), self.tr("Youth (14–35)"), self.tr("Disability"))])
        self.model.retranslate()
        if hasattr(self, "view"):
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ==================================================================== list
    def reload(self, offset: int = 0) -> None:
        query = ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text())
        self.env.runner.db(svc.list_seminars, self.env.ctx(), query, on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("seminar", "settlement"):
            self.reload(self.pager.offset)

    def _got_settlements(self, items: list[Named]) -> None:
        self._loading = True
        self.settlement.clear()
        self.settlement.addItem("—", None)
        for s in items:
            self.settlement.addItem(s.name(self.env.lang), s.id)
        if self.view is not None:
            self.settlement.setCurrentIndex(max(0, self.settlement.findData(self.view.settlement_id)))
        self._loading = False

    def reload_series(self, select: str | None = None) -> None:
        self.env.runner.db(series_svc.list_series, self.env.ctx(), self.env.lang,
                           on_done=lambda items: self._got_series(items, select))

    def _got_series(self, items: list[series_svc.SeriesView], select: str | None) -> None:
        loading, self._loading = self._loading, True
        keep = select or self.series.currentData()
        self.series.clear()
        self.series.addItem("—", None)
        for v in items:
            self.series.addItem(v.name(self.env.lang), v.id)
        want = keep if keep else (self.view.series_id if self.view else None)
        self.series.setCurrentIndex(max(0, self.series.findData(want)))
        self._loading = loading
        if select:
            self._mark_dirty()

    @Slot()
    def new_series(self) -> None:
        dialog = SeriesDialog(self.env, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.created.connect(lambda v: self.reload_series(v.id))
        self.series_dialog = dialog
        dialog.open()

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_seminar(row.id)

    def open_seminar(self, seminar_id: str) -> None:
        self.open_record(svc.get_seminar, seminar_id, self._show)

    @Slot()
    def new_seminar(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.title_edit.setFocus()

    # =================================================================== editor
    def _show(self, view: svc.SeminarView | None) -> None:
        self._loading = True
        self.view = view
        self.errors.clear()
        self.people_error.clear()
        self.title_edit.setText(view.title if view else "")
        self.topic.setText(view.topic if view else "")
        self.held_on.setDate(to_qdate(view.held_on if view else date.today()))
        self.place.setText(view.place if view else "")
        self.settlement.setCurrentIndex(max(0, self.settlement.findData(view.settlement_id if view else None)))
        self.trainer.setText(view.trainer if view else "")
        self.hours.setValue(view.hours if view else 0)
        self.series.setCurrentIndex(max(0, self.series.findData(view.series_id if view else None)))
        self.audience.setCurrentIndex(max(0, self.audience.findData(view.audience if view else "residents")))
        self.people.blockSignals(True)
        self.people.setRowCount(0)
        for p in view.participants if view else []:
            self._append(p)
        self.people.blockSignals(False)
        self._loading = False
        self.dirty = False
        self._refresh()

    def _score_spin(self, value: int | None) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(_NO_SCORE, svc.MAX_SCORE)
        spin.setSpecialValueText("—")
        spin.setValue(_NO_SCORE if value is None else value)
        spin.valueChanged.connect(self._people_changed)
        return spin

    def _append(self, p: svc.ParticipantView) -> None:
        r = self.people.rowCount()
        self.people.insertRow(r)
        name = QTableWidgetItem(p.full_name)
        name.setData(Qt.ItemDataRole.UserRole, p.id)
        name.setData(Qt.ItemDataRole.UserRole + 1, p.resident_id)
        self.people.setItem(r, self.NAME, name)
        box = QTableWidgetItem()
        box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        box.setCheckState(Qt.CheckState.Checked if p.attended else Qt.CheckState.Unchecked)
        self.people.setItem(r, self.ATTENDED, box)
        self.people.setCellWidget(r, self.PRE, self._score_spin(p.pre_score))
        self.people.setCellWidget(r, self.POST, self._score_spin(p.post_score))
        lang = self.env.lang
        for col, editor in ((self.SEX, sex_combo(lang, p.sex)), (self.AGE, age_combo(lang, p.age_group)),
                            (self.YOUTH, yes_no_combo(p.youth)), (self.DISABILITY, yes_no_combo(p.disability))):
            editor.currentIndexChanged.connect(self._people_changed)
            self.people.setCellWidget(r, col, editor)

    def _refresh(self) -> None:
        view = self.view
        saved = view is not None
        for w in (self.people_box, self.print_attendance_button, self.print_certificates_button):
            w.setEnabled(saved)
        if view is None:
            self.summary_label.setText(self.tr("Save the seminar first, then add participants."))
            return
        s = view.summary

        def num(d: object) -> str:
            return "—" if d is None else str(d).replace(".", ",")

        self.summary_label.setText(
            self.tr("%1, %2: registered %3, attended %4; average test score before %5, after %6, gain %7")
            .replace("%1", view.title).replace("%2", format_date(view.held_on, self.env.lang))
            .replace("%3", str(s.count)).replace("%4", str(s.attended)).replace("%5", num(s.mean_pre))
            .replace("%6", num(s.mean_post)).replace("%7", num(s.mean_gain)))

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    def _people_changed(self, *_: object) -> None:
        self._mark_dirty()

    def participant_inputs(self) -> list[tuple[str, svc.ParticipantInput]]:
        out: list[tuple[str, svc.ParticipantInput]] = []
        for r in range(self.people.rowCount()):
            name = self.people.item(r, self.NAME)
            box = self.people.item(r, self.ATTENDED)
            pre = self.people.cellWidget(r, self.PRE)
            post = self.people.cellWidget(r, self.POST)
            if name is None:
                continue

            def score(w: QWidget | None) -> int | None:
                if not isinstance(w, QSpinBox) or w.value() == _NO_SCORE:
                    return None
                return w.value()

            out.append((str(name.data(Qt.ItemDataRole.UserRole)), svc.ParticipantInput(
                full_name=name.text(), resident_id=name.data(Qt.ItemDataRole.UserRole + 1),
                attended=bool(box and box.checkState() == Qt.CheckState.Checked),
                pre_score=score(pre), post_score=score(post),
                sex=_str(combo_value(self.people.cellWidget(r, self.SEX))),
                age_group=_str(combo_value(self.people.cellWidget(r, self.AGE))),
                youth=_bool(combo_value(self.people.cellWidget(r, self.YOUTH))),
                disability=_bool(combo_value(self.people.cellWidget(r, self.DISABILITY))))))
        return out

    def _input(self) -> svc.SeminarInput:
        return svc.SeminarInput(
            title=self.title_edit.text(), held_on=from_qdate(self.held_on.date()) or date.today(),
            topic=self.topic.text(), place=self.place.text(), settlement_id=self.settlement.currentData(),
            trainer=self.trainer.text(), hours=self.hours.value(),
            series_id=self.series.currentData(), audience=str(self.audience.currentData()))

    def _saved(self, view: svc.SeminarView) -> None:
        self._show(view)
        self.env.notify_changed("seminar")

    @Slot()
    def save_details(self) -> None:
        ctx, data = self.env.ctx(), self._input()
        self.errors.clear()
        fail = lambda e: show_user_error(self, self.env, e, self.errors)  # noqa: E731
        if self.view is None:
            self.env.runner.db(svc.create_seminar, ctx, data, on_done=self._saved, on_error=fail)
        else:
            self.env.runner.db(svc.update_seminar, ctx, self.view.id, data, on_done=self._saved, on_error=fail)

    def _then_reload(self, work: Callable[[], object]) -> None:
        self.reload_after(work, svc.get_seminar, self._saved, self.people_error)

    @Slot()
    def save_participants(self) -> None:
        ctx = self.env.ctx()
        rows = self.participant_inputs()

        def work() -> None:
            for pid, data in rows:
                svc.update_participant(ctx, pid, data)

        self._then_reload(work)

    @Slot()
    def add_by_name(self) -> None:
        name = self.new_name.text().strip()
        if not name or self.view is None:
            return
        ctx, sid = self.env.ctx(), self.view.id
        self.new_name.clear()
        self._then_reload(lambda: svc.add_participant(ctx, sid, svc.ParticipantInput(full_name=name)))

    @Slot()
    def find_residents(self) -> None:
        query = ListQuery(limit=50, search=self.resident_search.text())
        self.env.runner.db(residents_svc.list_residents, self.env.ctx(), query, on_done=self._got_residents,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _got_residents(self, page: Page[residents_svc.ResidentRow]) -> None:
        self.resident_combo.clear()
        for r in page.rows:
            place = (r.settlement_kk if self.env.lang == "kk" else r.settlement_ru) or ""
            self.resident_combo.addItem(f"{r.full_name}" + (f" ({place})" if place else ""), r.id)

    @Slot()
    def add_resident(self) -> None:
        rid = self.resident_combo.currentData()
        if not rid or self.view is None:
            return
        ctx, sid = self.env.ctx(), self.view.id
        self._then_reload(lambda: svc.add_participant(ctx, sid, svc.ParticipantInput(resident_id=str(rid))))

    @Slot()
    def remove_participant(self) -> None:
        rows = sorted({i.row() for i in self.people.selectedIndexes()})
        items = [self.people.item(r, self.NAME) for r in rows]
        ids = [str(i.data(Qt.ItemDataRole.UserRole)) for i in items if i is not None]
        if not ids:
            return
        ctx = self.env.ctx()

        def work() -> None:
            for pid in ids:
                svc.remove_participant(ctx, pid)

        self._then_reload(work)

    # ================================================================= printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def print_attendance(self) -> None:
        if self.view is None:
            return
        ctx, sid = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_attendance(ctx, sid), "seminar-attendance-",
                           self.tr("Attendance sheet"), on_rendered=self._rendered, show=self.show_previews)

    @Slot()
    def print_certificates(self) -> None:
        if self.view is None:
            return
        ctx, sid = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_certificates(ctx, sid), "certificates-",
                           self.tr("Certificates"), on_rendered=self._rendered, show=self.show_previews)
