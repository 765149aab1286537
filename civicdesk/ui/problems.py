"""The problems register: the list (filtered, sorted and paged in SQL) beside the open
problem, its life cycle and the step buttons (take up, extend, answer, close)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.formatting import format_date
from civicdesk.domain.problems import CHANNEL_NAMES, STATE_NAMES, Channel, ProblemState
from civicdesk.services import map_reference, problem_map, reference
from civicdesk.services import problem_cycle as cycle
from civicdesk.services import problems as svc
from civicdesk.services.base import ListQuery
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
    render_and_preview,
    rows_table,
    show_error_text,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["ProblemsPage"]

SORTS = ("first_raised", "raised_count", "due_on", "state")


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setDate(to_qdate(date.today()))
    return edit


class ProblemsPage(QWidget, Retranslating, ListEditor):
    """Problems raised in the center's settlements and what became of them."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.ProblemView | None = None
        self.dirty = False
        self.show_previews = True
        self.on_rendered: Callable[[Path], None] | None = None
        lang = env.lang

        # ----------------------------------------------------------------- list
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.state_filter = QComboBox()
        self.state_filter.addItem("", None)
        for st in ProblemState:
            self.state_filter.addItem(STATE_NAMES[st].text(lang), st.value)
        self.category_filter = QComboBox()
        self.category_filter.addItem("", None)
        for c in svc.categories():
            self.category_filter.addItem(c.name(lang), c.code)
        self.overdue_only = QCheckBox()
        self.sort = QComboBox()
        for key in SORTS:
            self.sort.addItem("", key)
        for w in (self.state_filter, self.category_filter, self.sort):
            w.currentIndexChanged.connect(lambda _i: self.reload(0))
        self.overdue_only.toggled.connect(lambda _b: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_problem)
        self.model: RowsModel[svc.ProblemRow] = RowsModel([
            Column(lambda: self.tr("Problem"), self._title),
            Column(lambda: self.tr("Settlement"),
                   lambda r: r.settlement_kk if self.env.lang == "kk" else r.settlement_ru),
            Column(lambda: self.tr("Raised by"), lambda r: r.raised_count, align_right=True),
            Column(lambda: self.tr("State"), self._state_text),
        ], self)
        self.table = rows_table(self.model, 0, fit=False)
        header = self.table.horizontalHeader()
        for col in (1, 2, 3):  # the village, how many raised it, the state: never cut
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        lv.addLayout(top)
        filters = QGridLayout()
        self.l_sort = QLabel()
        filters.addWidget(self.state_filter, 0, 0)
        filters.addWidget(self.category_filter, 0, 1)
        filters.addWidget(self.overdue_only, 1, 0)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.l_sort)
        sort_row.addWidget(self.sort, 1)
        filters.addLayout(sort_row, 1, 1)
        lv.addLayout(filters)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.pager)
        out_row = QHBoxLayout()
        self.geojson_button, self.print_button = QPushButton(), QPushButton()
        self.geojson_button.clicked.connect(self.export_geojson)
        self.print_button.clicked.connect(self.print_current)
        self.out_status = QLabel()
        self.out_status.setWordWrap(True)
        out_row.addWidget(self.out_status, 1)
        out_row.addWidget(self.geojson_button)
        out_row.addWidget(self.print_button)
        lv.addLayout(out_row)

        # --------------------------------------------------------------- editor
        self.details_box = QGroupBox()
        form = QFormLayout(self.details_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.title_kk, self.title_ru = QLineEdit(), QLineEdit()
        self.category = QComboBox()
        for c in svc.categories():
            self.category.addItem(c.name(lang), c.code)
        self.settlement = QComboBox()
        self.first_raised = _date_edit()
        self.notes = QLineEdit()
        self.l_kk, self.l_ru, self.l_cat, self.l_place = QLabel(), QLabel(), QLabel(), QLabel()
        self.l_first, self.l_notes = QLabel(), QLabel()
        for label, name, widget in ((self.l_kk, "title", self.title_kk),
                                    (self.l_ru, "title_ru", self.title_ru),
                                    (self.l_cat, "category", self.category),
                                    (self.l_place, "settlements", self.settlement),
                                    (self.l_first, "first_raised", self.first_raised),
                                    (self.l_notes, "notes", self.notes)):
            self.errors.add_row(form, label, name, widget)
        coords = QHBoxLayout()
        self.lat, self.lon = QDoubleSpinBox(), QDoubleSpinBox()
        for spin, limit in ((self.lat, 90.0), (self.lon, 180.0)):
            spin.setDecimals(5)
            spin.setRange(0.0, limit)
            spin.setSpecialValueText("—")
            coords.addWidget(spin)
        self.coords_button = QPushButton()
        self.coords_button.clicked.connect(self.save_coordinates)
        coords.addWidget(self.coords_button)
        self.fill_button = QPushButton()  # the shipped map reference, never over entered ones
        self.fill_button.clicked.connect(self.fill_coordinates)
        coords.addWidget(self.fill_button)
        self.l_coords = QLabel()
        self.errors.add_row(form, self.l_coords, "latitude", self._holder(coords))
        self.settlement.currentIndexChanged.connect(self._load_coordinates)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_current)
        sb = QHBoxLayout()
        sb.addStretch(1)
        sb.addWidget(self.save_button)
        form.addRow(sb)
        for e in (self.title_kk, self.title_ru, self.notes):
            e.textEdited.connect(self._mark_dirty)

        self.cycle_box = QGroupBox()
        cv = QVBoxLayout(self.cycle_box)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        cv.addWidget(self.state_label)
        self.steps = QListWidget()
        self.steps.setWordWrap(True)  # an answer's text is read whole, not scrolled
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        cv.addWidget(self.steps, 1)
        g = QGridLayout()
        self.channel = QComboBox()
        for ch in Channel:
            self.channel.addItem(CHANNEL_NAMES[ch].text(lang), ch.value)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.record = QComboBox()
        self.record.setMinimumContentsLength(24)
        self.reference = QLineEdit()
        self.step_on = _date_edit()
        self.take_up_button = QPushButton()
        self.take_up_button.clicked.connect(self.take_up)
        g.addWidget(self.channel, 0, 0)
        g.addWidget(self.record, 0, 1)
        g.addWidget(self.reference, 0, 1)
        g.addWidget(self.take_up_button, 0, 2)
        self.answer_text = QLineEdit()
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(self.answer)
        g.addWidget(self.answer_text, 1, 0, 1, 2)
        g.addWidget(self.answer_button, 1, 2)
        self.extend_to = _date_edit()
        self.extend_button = QPushButton()
        self.extend_button.clicked.connect(self.extend)
        self.l_step_on = QLabel()
        g.addWidget(self.l_step_on, 2, 0)
        g.addWidget(self.step_on, 2, 1)
        g.addWidget(self.extend_to, 3, 1)
        g.addWidget(self.extend_button, 3, 2)
        self.resolved_button, self.not_resolved_button = QPushButton(), QPushButton()
        self.resolved_button.clicked.connect(lambda: self.close_problem(True))
        self.not_resolved_button.clicked.connect(lambda: self.close_problem(False))
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(self.resolved_button)
        close_row.addWidget(self.not_resolved_button)
        cv.addLayout(g)
        cv.addLayout(close_row)
        self.cycle_error = QLabel()
        self.cycle_error.setStyleSheet("color: #b00020;")
        self.cycle_error.setWordWrap(True)
        cv.addWidget(self.cycle_error)

        editor = QWidget()
        ev = QVBoxLayout(editor)
        ev.setContentsMargins(0, 0, 0, 0)
        ev.addWidget(self.details_box)
        ev.addWidget(self.cycle_box, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(side_by_side(left, editor, (1, 1), [640, 700]))

        self._bind_texts()
        self._show(None)
        self._channel_changed()
        env.signals.data_changed.connect(self._data_changed)
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.reload(0)

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search by title…"))
        b(self.new_button.setText, lambda: self.tr("New problem"))
        b(lambda t: self.state_filter.setItemText(0, t), lambda: self.tr("Every state"))
        b(lambda t: self.category_filter.setItemText(0, t), lambda: self.tr("Every category"))
        b(self.overdue_only.setText, lambda: self.tr("Overdue answers only"))
        b(self.l_sort.setText, lambda: self.tr("Sort by"))
        for i, make in enumerate((lambda: self.tr("First raised"),
                                  lambda: self.tr("How many raised it"),
                                  lambda: self.tr("Answer due"), lambda: self.tr("State"))):
            b(lambda t, i=i: self.sort.setItemText(i, t), make)  # type: ignore[misc]
        b(self.details_box.setTitle, lambda: self.tr("Problem"))
        b(self.l_kk.setText, lambda: self.tr("Title (Kazakh)"))
        b(self.l_ru.setText, lambda: self.tr("Title (Russian)"))
        b(self.l_cat.setText, lambda: self.tr("Category"))
        b(self.l_place.setText, lambda: self.tr("Settlement"))
        b(self.l_first.setText, lambda: self.tr("First raised"))
        b(self.l_notes.setText, lambda: self.tr("Notes"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.l_coords.setText, lambda: self.tr("Latitude, longitude"))
        b(self.coords_button.setText, lambda: self.tr("Save coordinates"))
        b(self.fill_button.setText, lambda: self.tr("From reference data"))
        b(self.fill_button.setToolTip, lambda: self.tr(
            "Give the settlements without coordinates those of the reference data where it "
            "knows the settlement in its district; entered coordinates stay"))
        b(self.geojson_button.setText, lambda: self.tr("Export GeoJSON…"))
        b(self.print_button.setText, lambda: self.tr("Print priority list"))
        b(self.cycle_box.setTitle, lambda: self.tr("Life cycle"))
        b(self.reference.setPlaceholderText, lambda: self.tr("Outgoing number of the appeal"))
        b(self.take_up_button.setText, lambda: self.tr("Take up"))
        b(self.answer_text.setPlaceholderText,
          lambda: self.tr("The akim's answer or the decision"))
        b(self.answer_button.setText, lambda: self.tr("Answer received"))
        b(self.l_step_on.setText, lambda: self.tr("Date of the step"))
        b(self.extend_button.setText, lambda: self.tr("Term extended to"))
        b(self.resolved_button.setText, lambda: self.tr("Resolved"))
        b(self.not_resolved_button.setText, lambda: self.tr("Not resolved"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.model.retranslate()
        if hasattr(self, "view"):
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ==================================================================== list
    def _title(self, r: svc.ProblemRow) -> str:
        return r.title_kk if self.env.lang == "kk" else r.title_ru

    def _state_text(self, r: svc.ProblemRow) -> str:
        text = STATE_NAMES[r.state].text(self.env.lang)
        if r.overdue:
            text += " · " + self.tr("overdue")
        elif r.due_on is not None and r.answered_on is None:
            text += " · " + self.tr("due %1").replace("%1", r.due_on.strftime("%d.%m.%Y"))
        return text

    def query(self, offset: int = 0) -> ListQuery:
        filters: dict[str, object] = {}
        if self.state_filter.currentData():
            filters["state"] = self.state_filter.currentData()
        if self.category_filter.currentData():
            filters["category"] = self.category_filter.currentData()
        if self.overdue_only.isChecked():
            filters["overdue"] = True
        sort = str(self.sort.currentData() or "first_raised")
        return ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text(),
                         sort=sort, descending=sort in ("first_raised", "raised_count"),
                         filters=filters)

    def reload(self, offset: int = 0) -> None:
        self.env.runner.db(svc.list_problems, self.env.ctx(), self.query(offset),
                           on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("problem", "settlement"):
            self.reload(self.pager.offset)

    def _got_settlements(self, items: list[Named]) -> None:
        self.settlement.clear()
        for s in items:
            self.settlement.addItem(s.name(self.env.lang), s.id)
        if self.view is not None:
            self.settlement.setCurrentIndex(max(0, self.settlement.findData(
                self.view.settlement_ids[0] if self.view.settlement_ids else None)))

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_problem(row.id)

    def open_problem(self, problem_id: str) -> None:
        self.open_record(svc.get_problem, problem_id, self._show)

    @Slot()
    def new_problem(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.title_kk.setFocus()

    def _mark_dirty(self, *_: object) -> None:
        self.dirty = True

    # =================================================================== editor
    def _show(self, view: svc.ProblemView | None) -> None:
        self.view = view
        self.errors.clear()
        self.cycle_error.clear()
        self.title_kk.setText(view.title_kk if view else "")
        self.title_ru.setText(view.title_ru if view else "")
        self.category.setCurrentIndex(max(0, self.category.findData(
            view.category if view else "other")))
        if view and view.settlement_ids:
            self.settlement.setCurrentIndex(max(0, self.settlement.findData(
                view.settlement_ids[0])))
        self.first_raised.setDate(to_qdate(view.first_raised if view else date.today()))
        self.notes.setText(view.notes if view else "")
        self.answer_text.clear()
        self.reference.clear()
        self.dirty = False
        self._refresh()

    def _refresh(self) -> None:
        view, lang = self.view, self.env.lang
        self.steps.clear()
        self.cycle_box.setEnabled(view is not None)
        if view is None:
            self.state_label.setText(self.tr("Save the problem first, then follow it up."))
            return
        for st in view.steps:
            line = f"{format_date(st.on, lang)} — {STATE_NAMES[st.state].text(lang)}"
            if st.channel is not None and st.state is ProblemState.TAKEN_UP:
                line += f": {CHANNEL_NAMES[st.channel].text(lang)}"
            if st.reference:
                line += f" № {st.reference.lstrip('№ ')}"
            if st.extended_to is not None:
                line += " · " + self.tr("extended to %1").replace(
                    "%1", format_date(st.extended_to, lang))
            if st.note:
                line += f" — {st.note}"
            self.steps.addItem(line)
        text = STATE_NAMES[view.state].text(lang)
        if view.due_on is not None:
            text += " · " + self.tr("answer due %1").replace("%1", format_date(view.due_on, lang))
        if view.overdue:
            text += " · " + self.tr("OVERDUE")
        self.state_label.setText(text)
        state = view.state
        self.take_up_button.setEnabled(state in (ProblemState.RAISED, ProblemState.NOT_RESOLVED))
        self.answer_button.setEnabled(state is ProblemState.TAKEN_UP)
        self.extend_button.setEnabled(state is ProblemState.TAKEN_UP
                                      and view.channel is Channel.APPEAL)
        for b in (self.resolved_button, self.not_resolved_button):
            b.setEnabled(state is ProblemState.ANSWERED)

    def _channel_changed(self, *_: object) -> None:
        channel = Channel(self.channel.currentData())
        appeal = channel is Channel.APPEAL
        self.reference.setVisible(appeal)
        self.record.setVisible(not appeal)
        if not appeal:
            self.env.runner.db(cycle.channel_records, self.env.ctx(), channel,
                               on_done=self._got_records)

    def _got_records(self, items: list[cycle.RecordChoice]) -> None:
        self.record.clear()
        for item in items:
            self.record.addItem(item.label, item.id)

    @Slot()
    def save_current(self) -> None:
        place = self.settlement.currentData()
        data = svc.ProblemInput(
            self.title_kk.text(), self.title_ru.text(), str(self.category.currentData()),
            [place] if place else [], from_qdate(self.first_raised.date()) or date.today(),
            notes=self.notes.text())
        ctx, current = self.env.ctx(), self.view

        def run() -> svc.ProblemView:
            if current is None:
                return svc.create_problem(ctx, data)
            return svc.update_problem(ctx, current.id, data)

        self.env.runner.db(run, on_done=self._saved,
                           on_error=lambda e: show_user_error(self, self.env, e, self.errors))

    def _saved(self, view: svc.ProblemView) -> None:
        self._show(view)
        self.env.notify_changed("problem")

    def _step(self, work: object) -> None:
        assert callable(work)
        self.cycle_error.clear()
        self.env.runner.db(work, on_done=self._saved,
                           on_error=lambda e: show_error_text(self.cycle_error, self.env, e))

    def _on(self) -> date:
        return from_qdate(self.step_on.date()) or date.today()

    @Slot()
    def take_up(self) -> None:
        if self.view is None:
            return
        channel = Channel(self.channel.currentData())
        data = cycle.TakeUp(channel, self._on(), self.record.currentData(),
                            self.reference.text())
        ctx, pid = self.env.ctx(), self.view.id
        self._step(lambda: cycle.take_up(ctx, pid, data))

    @Slot()
    def answer(self) -> None:
        if self.view is None:
            return
        ctx, pid, on, note = self.env.ctx(), self.view.id, self._on(), self.answer_text.text()
        self._step(lambda: cycle.answer(ctx, pid, on, note))

    @Slot()
    def extend(self) -> None:
        if self.view is None:
            return
        ctx, pid = self.env.ctx(), self.view.id
        to = from_qdate(self.extend_to.date()) or date.today()
        self._step(lambda: cycle.extend_term(ctx, pid, to))

    def close_problem(self, resolved: bool) -> None:
        if self.view is None:
            return
        ctx, pid, on, note = self.env.ctx(), self.view.id, self._on(), self.answer_text.text()
        self._step(lambda: cycle.close(ctx, pid, resolved, on, note))

    # ===================================================================== map
    @staticmethod
    def _holder(layout: QHBoxLayout) -> QWidget:
        w = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        w.setLayout(layout)
        return w

    def _load_coordinates(self, *_: object) -> None:
        place = self.settlement.currentData()
        if place:
            self.env.runner.db(problem_map.coordinates, self.env.ctx(), str(place),
                               on_done=self._show_coordinates)

    def _show_coordinates(self, latlon: tuple[float | None, float | None]) -> None:
        self.lat.setValue(latlon[0] or 0.0)
        self.lon.setValue(latlon[1] or 0.0)

    @Slot()
    def save_coordinates(self) -> None:
        place = self.settlement.currentData()
        if not place:
            return
        lat = self.lat.value() or None
        lon = self.lon.value() or None
        self.errors.clear()
        self.env.runner.db(problem_map.set_coordinates, self.env.ctx(), str(place), lat, lon,
                           on_done=lambda _r: self.env.notify_changed("settlement"),
                           on_error=lambda e: show_user_error(self, self.env, e, self.errors))

    @Slot()
    def fill_coordinates(self) -> None:
        def done(r: map_reference.FillSummary) -> None:
            self.out_status.setText(
                self.tr("Coordinates from the reference data: %1 settlements; %2 still "
                        "without them (enter those by hand)")
                .replace("%1", str(r.filled)).replace("%2", str(r.unmatched)))
            self._load_coordinates()
            self.env.notify_changed("settlement")

        self.env.runner.db(map_reference.fill_coordinates, self.env.ctx(), on_done=done,
                           on_error=lambda e: show_error_text(self.out_status, self.env, e))

    @Slot()
    def export_geojson(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export GeoJSON…"),
                                              "problems.geojson", "GeoJSON (*.geojson)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        self.env.runner.db(
            problem_map.export_geojson, self.env.ctx(), path,
            on_done=lambda n: self.out_status.setText(
                self.tr("%1 settlements written to %2").replace("%1", str(n))
                .replace("%2", path.name)),
            on_error=lambda e: show_error_text(self.out_status, self.env, e))

    @Slot()
    def print_current(self) -> None:
        ctx = self.env.ctx()
        district = self.view.district_id if self.view else None
        render_and_preview(self, self.env, lambda: problem_map.priority_job(ctx, district),
                           "priority-", self.tr("Priority list"),
                           on_rendered=self.on_rendered, show=self.show_previews)
