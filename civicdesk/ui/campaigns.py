"""Measured campaigns: the campaign and its questionnaire, the sheet entry grid per wave,
and the awareness figures with their intervals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.awareness import Question, QuestionKind
from civicdesk.domain.errors import UserError
from civicdesk.services import campaigns as svc
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.booklets import BookletRow, list_booklets
from civicdesk.services.campaign_figures import AwarenessReport, awareness_report
from civicdesk.ui.campaigns_figures import FiguresPanel
from civicdesk.ui.campaigns_handout import HandOutPanel
from civicdesk.ui.campaigns_sheets import SheetsPart, parse_qr
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
    rows_table,
    show_error_text,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["CampaignsPage", "parse_qr"]

Q_KK, Q_RU, Q_MULTI, Q_OPT_KK, Q_OPT_RU, Q_CORRECT = range(6)


def _two_lines(title: str) -> str:
    """A long column title on two lines («Жауап нұсқалары / (қазақша)»), so that the
    question grid's headers are not cut at 1366 pixels in either language."""
    spaces = [i for i, ch in enumerate(title) if ch == " "]
    if len(title) <= 12 or not spaces:
        return title
    if " (" in title:
        return title.replace(" (", "\n(", 1)
    cut = min(spaces, key=lambda i: abs(i - len(title) // 2))
    return title[:cut] + "\n" + title[cut + 1:]


class CampaignsPage(SheetsPart, QWidget, Retranslating, ListEditor):
    """Campaigns list beside the open campaign's tabs."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.CampaignView | None = None
        self.report: AwarenessReport | None = None
        self.dirty = False
        self._loading = False
        self.wave_id: str | None = None
        self.pending = 0  # rows handed to the database thread and not yet answered
        self.villages: list[tuple[str, str, str]] = []
        self._scanned_number: int | None = None
        self.on_rendered: Callable[[object], None] | None = None
        self.show_previews = True

        # ----------------------------------------------------------------- list
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_campaign)
        self.model: RowsModel[svc.CampaignRow] = RowsModel([
            Column(lambda: self.tr("Start"), lambda r: r.starts_on.strftime("%d.%m.%Y")),
            Column(lambda: self.tr("Campaign"), self.env.tr_label),
            Column(lambda: self.tr("Sheets"), lambda r: str(r.sheets), align_right=True),
        ], self)
        self.table = rows_table(self.model, 1, fit=False)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        left = list_pane(self.search, self.new_button, self.table, self.pager)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(self._sheets_tab(), "")
        self.figures_panel = FiguresPanel(env)
        self.figures_panel.recalculate.connect(self.load_figures)
        self.handout = HandOutPanel(env)
        self.handout.recorded.connect(self.load_figures)
        results = QWidget()
        rv = QVBoxLayout(results)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.handout)
        rv.addWidget(self.figures_panel, 1)
        self.tabs.addTab(results, "")
        split = side_by_side(left, self.tabs, (2, 5), [360, 980])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self._bind_texts()
        self._show(None)
        env.signals.data_changed.connect(self._data_changed)
        env.runner.db(list_booklets, env.ctx(), ListQuery(limit=200), on_done=self._got_booklets)
        self.reload(0)

    # =============================================================== building
    def _details_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.title_kk, self.title_ru = QLineEdit(), QLineEdit()
        self.starts_on = QDateEdit()
        self.starts_on.setCalendarPopup(True)
        self.starts_on.setDisplayFormat("dd.MM.yyyy")
        self.booklet = QComboBox()
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 8)
        self.l_title_kk, self.l_title_ru, self.l_start = QLabel(), QLabel(), QLabel()
        self.l_booklet, self.l_threshold = QLabel(), QLabel()
        for label, name, widget in ((self.l_title_kk, "title", self.title_kk),
                                    (self.l_title_ru, "title_ru", self.title_ru),
                                    (self.l_start, "ends_on", self.starts_on),
                                    (self.l_booklet, "booklet", self.booklet),
                                    (self.l_threshold, "knows_threshold", self.threshold)):
            self.errors.add_row(form, label, name, widget)
        self.questions = QTableWidget(0, 6)
        self.questions.verticalHeader().setVisible(True)
        hh = self.questions.horizontalHeader()
        for c in (Q_KK, Q_RU, Q_OPT_KK, Q_OPT_RU):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self.questions.itemChanged.connect(self._mark_dirty)
        self.questions_error = QLabel()
        self.questions_error.setStyleSheet("color: #b00020;")
        self.questions_error.setWordWrap(True)
        self.add_question_button, self.remove_question_button = QPushButton(), QPushButton()
        self.add_question_button.clicked.connect(lambda: self._add_question(None))
        self.remove_question_button.clicked.connect(self._remove_question)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_details)
        self.questions_label = QLabel()
        form.addRow(self.questions_label)
        form.addRow(self.questions)
        form.addRow(self.questions_error)
        row = QHBoxLayout()
        row.addWidget(self.add_question_button)
        row.addWidget(self.remove_question_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        form.addRow(row)
        for e in (self.title_kk, self.title_ru):
            e.textEdited.connect(self._mark_dirty)
        self.threshold.valueChanged.connect(self._mark_dirty)
        return w


    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.search.setPlaceholderText, lambda: self.tr("Search campaigns…"))
        b(self.new_button.setText, lambda: self.tr("New campaign"))
        b(self.l_title_kk.setText, lambda: self.tr("Title (Kazakh)"))
        b(self.l_title_ru.setText, lambda: self.tr("Title (Russian)"))
        b(self.l_start.setText, lambda: self.tr("Starts on"))
        b(self.l_booklet.setText, lambda: self.tr("Booklet"))
        b(self.l_threshold.setText, lambda: self.tr("Knows: correct answers needed (0 = all)"))
        b(self.questions_label.setText, lambda: self.tr(
            "Questions (3 to 8). Options are separated by ';', correct options are typed "
            "as their numbers, e.g. 2 or 13."))
        b(self.add_question_button.setText, lambda: self.tr("Add question"))
        b(self.remove_question_button.setText, lambda: self.tr("Remove question"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.add_wave_button.setText, lambda: self.tr("Add endline wave"))
        b(self.scan.setPlaceholderText, lambda: self.tr("Scan the sheet's QR code here"))
        b(self.import_button.setText, lambda: self.tr("Import CSV…"))
        b(self.print_sheets_button.setText, lambda: self.tr("Print sheets"))
        b(lambda t: self.paper.setItemText(0, t), lambda: self.tr("A4 sheets"))
        b(lambda t: self.paper.setItemText(1, t), lambda: self.tr("A5 sheets"))
        b(self.paper.setToolTip, lambda: self.tr(
            "Paper of the questionnaire: one sheet a respondent on A4, or on A5 (half an A4)"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.tabs.setTabText(0, self.tr("Campaign and questionnaire"))
        self.tabs.setTabText(1, self.tr("Sheets"))
        self.tabs.setTabText(2, self.tr("Figures"))
        self.questions.setHorizontalHeaderLabels([_two_lines(t) for t in (
            self.tr("Question (Kazakh)"), self.tr("Question (Russian)"),
            self.tr("Several answers"), self.tr("Options (Kazakh)"),
            self.tr("Options (Russian)"), self.tr("Correct"))])
        self.legend.setText(self.tr(
            "Type digits: sex 1 male, 2 female; age 1 14–17, 2 18–29, 3 30–35, 4 36–44, "
            "5 45–59, 6 60+; village by its number; answers by option numbers; 0 = not "
            "stated / no answer. Enter moves on and saves the row at its end; "
            "Ctrl+Enter saves at once."))
        self.grid.retranslate()
        self.model.retranslate()
        if hasattr(self, "view"):
            self._show_settlement_legend()
            self._fill_waves()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ==================================================================== list
    def reload(self, offset: int = 0) -> None:
        query = ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text())
        self.env.runner.db(svc.list_campaigns, self.env.ctx(), query, on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("campaign", "booklet"):
            self.reload(self.pager.offset)

    def _got_booklets(self, page: Page[BookletRow]) -> None:
        self._loading = True
        self.booklet.clear()
        self.booklet.addItem("—", None)
        for b in page.rows:
            self.booklet.addItem(self.env.tr_label(b), b.id)
        if self.view is not None:
            self.booklet.setCurrentIndex(max(0, self.booklet.findData(self.view.booklet_id)))
        self._loading = False

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_campaign(row.id)

    def open_campaign(self, campaign_id: str) -> None:
        self.open_record(svc.get_campaign, campaign_id, self._show)

    @Slot()
    def new_campaign(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.tabs.setCurrentIndex(0)
        self.title_kk.setFocus()

    def new_item(self) -> None:
        self.new_campaign()

    # ================================================================ details
    def _show(self, view: svc.CampaignView | None) -> None:
        self._loading = True
        self.view = view
        self.errors.clear()
        self.questions_error.clear()
        self.title_kk.setText(view.title_kk if view else "")
        self.title_ru.setText(view.title_ru if view else "")
        self.starts_on.setDate(to_qdate(view.starts_on if view else date.today()))
        self.booklet.setCurrentIndex(max(0, self.booklet.findData(view.booklet_id if view else None)))
        self.threshold.setValue(view.knows_threshold or 0 if view else 0)
        self.questions.setRowCount(0)
        for q in view.questions if view else ():
            self._add_question(q)
        if view is None:
            for _ in range(3):
                self._add_question(None)
        self.questions.setEnabled(view is None or not view.locked)
        self.tabs.setTabEnabled(1, view is not None)
        self.tabs.setTabEnabled(2, view is not None)
        self._loading = False
        self.dirty = False
        self._fill_waves()
        self.figures_panel.show_report(None)
        self.handout.show_campaign(view)
        if view is not None:
            self.load_figures()

    def _add_question(self, q: Question | None) -> None:
        r = self.questions.rowCount()
        self.questions.insertRow(r)
        values = ["", "", "", "", "", ""] if q is None else [
            q.text_kk, q.text_ru, "", "; ".join(o[0] for o in q.options),
            "; ".join(o[1] for o in q.options), "".join(str(c) for c in sorted(q.correct))]
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if c == Q_MULTI:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                              | Qt.ItemFlag.ItemIsSelectable)
                multi = q is not None and q.kind is QuestionKind.MULTIPLE
                item.setCheckState(Qt.CheckState.Checked if multi else Qt.CheckState.Unchecked)
            self.questions.setItem(r, c, item)
        self._mark_dirty()

    @Slot()
    def _remove_question(self) -> None:
        r = self.questions.currentRow()
        if r >= 0:
            self.questions.removeRow(r)
            self._mark_dirty()

    def question_inputs(self) -> list[Question]:
        out: list[Question] = []
        for r in range(self.questions.rowCount()):
            def cell(c: int, r: int = r) -> str:
                item = self.questions.item(r, c)
                return item.text() if item is not None else ""

            multi_item = self.questions.item(r, Q_MULTI)
            multi = multi_item is not None and multi_item.checkState() == Qt.CheckState.Checked
            kk = [x.strip() for x in cell(Q_OPT_KK).split(";") if x.strip()]
            ru = [x.strip() for x in cell(Q_OPT_RU).split(";") if x.strip()]
            options = tuple(zip(kk, ru, strict=False)) + tuple(
                (a, "") for a in kk[len(ru):]) + tuple(("", b) for b in ru[len(kk):])
            correct = frozenset(int(d) for d in cell(Q_CORRECT) if d.isdigit() and d != "0")
            out.append(Question(cell(Q_KK), cell(Q_RU),
                                QuestionKind.MULTIPLE if multi else QuestionKind.SINGLE,
                                options, correct))
        return out

    def _input(self) -> svc.CampaignInput:
        return svc.CampaignInput(
            title_kk=self.title_kk.text(), title_ru=self.title_ru.text(),
            starts_on=from_qdate(self.starts_on.date()) or date.today(),
            questions=self.question_inputs(), booklet_id=self.booklet.currentData(),
            knows_threshold=self.threshold.value() or None)

    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    def _saved(self, view: svc.CampaignView) -> None:
        self._show(view)
        self.env.notify_changed("campaign")

    def _save_failed(self, error: BaseException) -> None:
        """Field errors under their fields, the questionnaire's under the questions."""
        if not isinstance(error, UserError):
            raise error
        rest = self.errors.show(error, self.env.lang)
        self.questions_error.setText("\n".join(e.text(self.env.lang) for e in rest))

    @Slot()
    def save_details(self) -> None:
        ctx, data = self.env.ctx(), self._input()
        self.errors.clear()
        self.questions_error.clear()
        if self.view is None:
            self.env.runner.db(svc.create_campaign, ctx, data, on_done=self._saved,
                               on_error=self._save_failed)
        else:
            self.env.runner.db(svc.update_campaign, ctx, self.view.id, data,
                               on_done=self._saved, on_error=self._save_failed)

    # ================================================================= sheets


    # ================================================================ figures
    @Slot()
    def load_figures(self) -> None:
        if self.view is None:
            return
        self.env.runner.db(awareness_report, self.env.ctx(), self.view.id,
                           on_done=self._got_report,
                           on_error=lambda e: show_error_text(self.figures_panel.reach,
                                                              self.env, e))

    def _got_report(self, report: AwarenessReport) -> None:
        self.report = report
        if self.view is not None and report.campaign.id == self.view.id:
            self.figures_panel.show_report(report)

    def refresh(self) -> None:
        self.reload(self.pager.offset)
        if self.view is not None:
            self.load_figures()

