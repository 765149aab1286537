"""Small-grants competition: calls with their pool, applications, budget, reviews, award.

Top: the call and how much of its pool is awarded. Left: applications of the call,
filtered by status, paged in SQL. Right: the application in tabs - details, the
editable budget grid with totals and warnings, reviews with the scoring rubric,
status and award, indicators and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import (
    QEvent,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.beneficiaries import Breakdown
from civicdesk.domain.enums import ApplicantKind, ApplicationStatus
from civicdesk.domain.formatting import format_date, format_money
from civicdesk.domain.grants import (
    STATUS_NAMES,
    TRANSITIONS,
)
from civicdesk.services import grants as svc
from civicdesk.services import printing as print_svc
from civicdesk.services.base import ListQuery
from civicdesk.ui.env import UiEnv
from civicdesk.ui.grants_beneficiaries import BeneficiaryGrid
from civicdesk.ui.grants_budget import BudgetModel, BudgetPart, EditLine
from civicdesk.ui.grants_calls import CallsPart
from civicdesk.ui.grants_progress import ProgressPart
from civicdesk.ui.grants_review import ReviewPart
from civicdesk.ui.problems_link import LinkProblemButton
from civicdesk.ui.screens_common import (
    PAGE_SIZE,
    Column,
    FieldErrors,
    ListEditor,
    Pager,
    Retranslating,
    RowsModel,
    editor_pane,
    from_qdate,
    heading_label,
    render_and_preview,
    rows_table,
    show_user_error,
    side_by_side,
    to_qdate,
)

__all__ = ["BudgetModel", "EditLine", "GrantsPage"]


class GrantsPage(CallsPart, BudgetPart, ReviewPart, ProgressPart, QWidget, Retranslating, ListEditor):
    """Calls, applications and everything about one application."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.calls: list[svc.GrantCallRow] = []
        self.view: svc.ApplicationView | None = None
        self.call: svc.GrantCallView | None = None
        self.dirty = False
        self._loading = False
        self.show_previews = True
        self.on_rendered: Callable[[object], None] | None = None

        # --------------------------------------------------------------- top bar
        self.call_combo = QComboBox()
        self.call_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.call_combo.currentIndexChanged.connect(self._call_chosen)
        self.l_call = QLabel()
        self.pool_bar = QProgressBar()
        self.pool_bar.setTextVisible(True)
        self.pool_bar.setMinimumWidth(320)
        self.blank_button = QPushButton()
        self.blank_button.clicked.connect(self.print_blank)
        self.new_call_button = QPushButton()
        self.new_call_button.clicked.connect(self.new_call)
        self.new_call_button.setVisible(env.is_manager)
        top = QHBoxLayout()
        top.addWidget(self.l_call)
        top.addWidget(self.call_combo, 1)
        top.addWidget(self.new_call_button)
        top.addWidget(self.pool_bar, 1)
        top.addWidget(self.blank_button)

        # ----------------------------------------------------------- applications
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for st in ApplicationStatus:
            self.status_filter.addItem("", st.value)
        self.status_filter.currentIndexChanged.connect(lambda: self.reload(0))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(lambda: self.reload(0))
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_application)
        self.model: RowsModel[svc.ApplicationRow] = RowsModel([
            Column(lambda: self.tr("Project"), lambda r: f"{r.title}\n{r.applicant_name}"),
            Column(lambda: self.tr("Status"), lambda r: STATUS_NAMES[r.status].text(self.env.lang)),
            Column(lambda: self.tr("Award"), lambda r: format_money(r.awarded_amount, self.env.lang) if r.awarded_amount else "", align_right=True),
        ], self)
        self.table = rows_table(self.model, 0)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filt = QHBoxLayout()
        filt.addWidget(self.status_filter)
        filt.addWidget(self.search, 1)
        lv.addLayout(filt)
        lv.addWidget(self.table, 1)
        bottom_left = QHBoxLayout()
        bottom_left.addWidget(self.pager, 1)
        bottom_left.addWidget(self.new_button)
        lv.addLayout(bottom_left)

        # ----------------------------------------------------------------- editor
        self.title_label = heading_label()
        self.status_label = QLabel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), "")
        self.tabs.addTab(self._budget_tab(), "")
        self.tabs.addTab(self._status_tab(), "")
        self.tabs.addTab(self._reviews_tab(), "")
        self.tabs.addTab(self._results_tab(), "")
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_application)
        link = LinkProblemButton(env, "grant_application", lambda: self.view.id if self.view else None)
        self.editor = editor_pane(self.title_label, self.status_label, self.tabs, [link, self.print_button])

        split = side_by_side(left, self.editor, (2, 3), [470, 870])
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        self._bind_texts()
        self._show(None)
        env.signals.data_changed.connect(self._data_changed)
        self.reload_calls()

    # ================================================================ building
    def _details_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FieldErrors()
        self.applicant_kind = QComboBox()
        for k in ApplicantKind:
            self.applicant_kind.addItem("", k.value)
        self.applicant_name = QLineEdit()
        self.bin = QLineEdit()
        self.bin.setMaxLength(12)
        self.bin.setInputMask("")
        self.leader = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.app_title = QLineEdit()
        self.problem = QPlainTextEdit()
        self.goal = QPlainTextEdit()
        self.activities = QPlainTextEdit()
        for p in (self.problem, self.goal, self.activities):
            p.setMaximumHeight(54)
        self.target_group = QLineEdit()
        self.beneficiaries = QSpinBox()
        self.beneficiaries.setRange(0, 1_000_000)
        self.breakdown = BeneficiaryGrid()
        dates = QWidget()
        dh = QHBoxLayout(dates)
        dh.setContentsMargins(0, 0, 0, 0)
        self.starts_on = QDateEdit()
        self.ends_on = QDateEdit()
        for d in (self.starts_on, self.ends_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
        self.l_dash = QLabel("—")
        dh.addWidget(self.starts_on)
        dh.addWidget(self.l_dash)
        dh.addWidget(self.ends_on)
        dh.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_details)
        self.labels: dict[str, QLabel] = {}
        fields: list[tuple[str, QWidget]] = [
            ("applicant_kind", self.applicant_kind), ("applicant_name", self.applicant_name),
            ("bin", self.bin), ("leader_name", self.leader), ("contact_phone", self.phone),
            ("contact_email", self.email), ("title", self.app_title), ("problem", self.problem),
            ("goal", self.goal), ("activities", self.activities), ("target_group", self.target_group),
            ("beneficiaries", self.beneficiaries), ("beneficiary_breakdown", self.breakdown),
            ("starts_on", dates),
        ]
        for name, widget in fields:
            label = QLabel()
            self.labels[name] = label
            self.errors.add_row(form, label, name, widget)
        self.errors.labels["ends_on"] = self.errors.labels["starts_on"]
        bl = QHBoxLayout()
        bl.addStretch(1)
        bl.addWidget(self.save_button)
        form.addRow(bl)
        for e in (self.applicant_name, self.bin, self.leader, self.phone, self.email, self.app_title, self.target_group):
            e.textEdited.connect(self._mark_dirty)
        for p in (self.problem, self.goal, self.activities):
            p.textChanged.connect(self._mark_dirty)
        self.applicant_kind.currentIndexChanged.connect(self._mark_dirty)
        self.beneficiaries.valueChanged.connect(self._mark_dirty)
        self.breakdown.changed.connect(self._mark_dirty)
        self.starts_on.dateChanged.connect(self._mark_dirty)
        self.ends_on.dateChanged.connect(self._mark_dirty)
        from PySide6.QtWidgets import QScrollArea

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(w)
        return scroll


    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.l_call.setText, lambda: self.tr("Competition"))
        b(self.blank_button.setText, lambda: self.tr("Blank application form"))
        b(self.new_call_button.setText, lambda: self.tr("New competition"))
        b(lambda t: self.status_filter.setItemText(0, t), lambda: self.tr("All statuses"))
        b(self.search.setPlaceholderText, lambda: self.tr("Search by project or applicant…"))
        b(self.new_button.setText, lambda: self.tr("New application"))
        for i, t in enumerate((lambda: self.tr("Application"), lambda: self.tr("Budget"),
                               lambda: self.tr("Status and award"), lambda: self.tr("Reviews"),
                               lambda: self.tr("Indicators and reports"))):
            b(self._tab_setter(i), t)
        b(self.print_button.setText, lambda: self.tr("Print application"))
        texts: dict[str, Callable[[], str]] = {
            "applicant_kind": lambda: self.tr("Applicant is"),
            "applicant_name": lambda: self.tr("Applicant"),
            "bin": lambda: self.tr("BIN"),
            "leader_name": lambda: self.tr("Leader"),
            "contact_phone": lambda: self.tr("Phone"),
            "contact_email": lambda: self.tr("E-mail"),
            "title": lambda: self.tr("Project title"),
            "problem": lambda: self.tr("Problem"),
            "goal": lambda: self.tr("Goal"),
            "activities": lambda: self.tr("Activities (one a line)"),
            "target_group": lambda: self.tr("Target group"),
            "beneficiaries": lambda: self.tr("Beneficiaries"),
            "beneficiary_breakdown": lambda: self.tr("Of them"),
            "starts_on": lambda: self.tr("Project dates"),
        }
        for name, make in texts.items():
            b(self.labels[name].setText, make)
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.add_line_button.setText, lambda: self.tr("Add line"))
        b(self.remove_line_button.setText, lambda: self.tr("Remove line"))
        b(self.save_budget_button.setText, lambda: self.tr("Save budget"))
        b(self.status_box.setTitle, lambda: self.tr("Move the application to"))
        b(self.return_button.setText, lambda: self.tr("Return to the applicant for changes"))
        b(self.award_box.setTitle, lambda: self.tr("Award"))
        b(self.l_amount.setText, lambda: self.tr("Amount, ₸"))
        b(self.l_award_on.setText, lambda: self.tr("Date of the decision"))
        b(self.award_button.setText, lambda: self.tr("Award the grant"))
        b(self.review_box.setTitle, lambda: self.tr("New review"))
        b(self.l_reviewer.setText, lambda: self.tr("Reviewer"))
        b(self.conflict.setText, lambda: self.tr("I have a conflict of interest with this applicant (I do not score)"))
        b(self.l_conflict_note.setText, lambda: self.tr("What the conflict is"))
        b(self.score_box.setTitle, lambda: self.tr("Scores by criteria"))
        b(self.l_comment.setText, lambda: self.tr("Comment"))
        b(self.add_review_button.setText, lambda: self.tr("Save review"))
        b(self.print_review_button.setText, lambda: self.tr("Print review sheet"))
        b(self.print_review_button.setToolTip, lambda: self.tr(
            "The selected review filled in, or a blank sheet when no review is selected"))
        b(self.indicators_box.setTitle, lambda: self.tr("Indicators: baseline, target, actual"))
        b(self.ind_name.setPlaceholderText, lambda: self.tr("Indicator"))
        b(self.ind_unit.setPlaceholderText, lambda: self.tr("unit"))
        b(self.ind_baseline.setPlaceholderText, lambda: self.tr("baseline"))
        b(self.ind_target.setPlaceholderText, lambda: self.tr("target"))
        b(self.ind_actual.setPlaceholderText, lambda: self.tr("actual"))
        b(self.add_indicator_button.setText, lambda: self.tr("Add"))
        b(self.reports_box.setTitle, lambda: self.tr("Reports"))
        b(lambda t: self.report_kind.setItemText(0, t), lambda: self.tr("interim"))
        b(lambda t: self.report_kind.setItemText(1, t), lambda: self.tr("final"))
        b(self.report_spent.setPlaceholderText, lambda: self.tr("spent, ₸"))
        b(self.report_text.setPlaceholderText, lambda: self.tr("What was done"))
        b(self.add_report_button.setText, lambda: self.tr("Add report"))
        self.retranslate()

    def _tab_setter(self, i: int) -> Callable[[str], None]:
        return lambda text: self.tabs.setTabText(i, text)


    def retranslate(self) -> None:
        super().retranslate()
        lang = self.env.lang
        for i in range(1, self.status_filter.count()):
            self.status_filter.setItemText(i, STATUS_NAMES[ApplicationStatus(self.status_filter.itemData(i))].text(lang))
        kinds = {ApplicantKind.INITIATIVE_GROUP: self.tr("an initiative group"), ApplicantKind.NGO: self.tr("an NGO (with a BIN)")}
        for i, k in enumerate(ApplicantKind):
            self.applicant_kind.setItemText(i, kinds[k])
        for st, text in self._status_verbs().items():
            self.status_buttons[st].setText(text)
        self.model.retranslate()
        self.budget.retranslate()
        self._fill_calls_combo()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # =================================================================== calls


    # ============================================================ applications
    def reload(self, offset: int = 0) -> None:
        call_id = self.current_call_id()
        status = self.status_filter.currentData()
        filters = svc.ApplicationFilters(call_id=call_id, status=ApplicationStatus(status) if status else None)
        query = ListQuery(offset=offset, limit=PAGE_SIZE, search=self.search.text())
        self.env.runner.db(svc.list_applications, self.env.ctx(), query, filters, on_done=self.show_page,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _data_changed(self, entity: str) -> None:
        if entity in ("grant_application", "grant_call"):
            self.reload(self.pager.offset)
            call_id = self.current_call_id()
            if call_id:
                self.env.runner.db(svc.get_call, self.env.ctx(), call_id, on_done=self._got_call)

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_application(row.id)

    def open_application(self, app_id: str) -> None:
        self.open_record(svc.get_application, app_id, self._show)

    @Slot()
    def new_application(self) -> None:
        """A new application, only to a call that takes applications today: a closed
        call is refused before the form is filled."""
        call_id = self.current_call_id()
        if call_id is None:
            return
        self.env.runner.db(svc.check_call_open, self.env.ctx(), call_id,
                           on_done=lambda _call: self._start_new(),
                           on_error=self._fail(None))

    def _start_new(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.tabs.setCurrentIndex(0)
        self.applicant_name.setFocus()

    def _show(self, view: svc.ApplicationView | None) -> None:
        self._loading = True
        self.view = view
        for fe in (self.errors, self.award_errors, self.review_errors):
            fe.clear()
        kind = view.applicant_kind if view else ApplicantKind.INITIATIVE_GROUP
        self.applicant_kind.setCurrentIndex(max(0, self.applicant_kind.findData(kind.value)))
        self.applicant_name.setText(view.applicant_name if view else "")
        self.bin.setText(view.bin or "" if view else "")
        self.leader.setText(view.leader_name if view else "")
        self.phone.setText(view.contact_phone if view else "")
        self.email.setText(view.contact_email if view else "")
        self.app_title.setText(view.title if view else "")
        self.problem.setPlainText(view.problem if view else "")
        self.goal.setPlainText(view.goal if view else "")
        self.activities.setPlainText(view.activities if view else "")
        self.target_group.setText(view.target_group if view else "")
        self.beneficiaries.setValue(view.beneficiaries if view else 0)
        self.breakdown.set_breakdown(view.breakdown if view else Breakdown())
        today = date.today()
        self.starts_on.setDate(to_qdate(view.starts_on if view and view.starts_on else today))
        self.ends_on.setDate(to_qdate(view.ends_on if view and view.ends_on else today))
        self.budget.set_lines([
            EditLine(b.category, b.item, b.unit, b.qty, b.unit_cost, b.cofinancing)
            for b in (view.budget if view else [])
        ])
        self.reviewer.clear()
        self.conflict.setChecked(False)
        self.conflict_note.clear()
        self.review_comment.clear()
        for spin in self.score_spins.values():
            spin.setValue(0)
        self.award_amount.setText(
            format_money(view.awarded_amount, "kk", with_symbol=False) if view and view.awarded_amount else "")
        self._loading = False
        self.dirty = False
        self._refresh()

    def _refresh(self) -> None:
        """Texts and enabled states that follow the application and the language."""
        if not hasattr(self, "view"):
            return
        view = self.view
        lang = self.env.lang
        saved = view is not None
        status = view.status if view else ApplicationStatus.DRAFT
        draft = status is ApplicationStatus.DRAFT
        if view is None:
            self.title_label.setText(self.tr("New application"))
            self.status_label.setText("")
        else:
            self.title_label.setText(view.title or view.applicant_name)
            self.status_label.setText(STATUS_NAMES[status].text(lang))
        for w in (self.applicant_name, self.bin, self.leader, self.phone, self.email, self.app_title, self.target_group):
            w.setReadOnly(not draft)
        for p in (self.problem, self.goal, self.activities):
            p.setReadOnly(not draft)
        for w2 in (self.applicant_kind, self.beneficiaries, self.breakdown, self.starts_on, self.ends_on):
            w2.setEnabled(draft)
        self.save_button.setEnabled(draft and self.current_call_id() is not None)
        self.budget.read_only = not (saved and draft)
        for b in (self.add_line_button, self.remove_line_button, self.save_budget_button):
            b.setEnabled(saved and draft)
        legal = TRANSITIONS[status] if saved else frozenset()
        for st, button in self.status_buttons.items():
            button.setEnabled(st in legal)
        self.return_button.setEnabled(ApplicationStatus.DRAFT in legal)
        may_award = saved and status is ApplicationStatus.APPROVED and self.env.is_manager
        self.award_amount.setReadOnly(not may_award)
        self.award_button.setEnabled(may_award)
        if view is not None and view.awarded_amount is not None:
            when = format_date(view.awarded_on, lang) if view.awarded_on else ""
            self.award_info.setText(self.tr("Awarded: %1 (%2)").replace("%1", format_money(view.awarded_amount, lang)).replace("%2", when))
        elif self.call is not None:
            self.award_info.setText(self.tr("Left in the pool: %1").replace("%1", format_money(self.call.left, lang)))
        else:
            self.award_info.setText("")
        reviewing = saved and status is ApplicationStatus.UNDER_REVIEW and self.env.is_manager
        self.review_box.setEnabled(reviewing)
        results = saved and status in (ApplicationStatus.APPROVED, ApplicationStatus.IN_PROGRESS, ApplicationStatus.REPORTED)
        self.add_indicator_button.setEnabled(saved and status not in (ApplicationStatus.REJECTED, ApplicationStatus.CLOSED))
        self.add_report_button.setEnabled(results)
        self.print_button.setEnabled(saved)
        self._fill_reviews()
        self._fill_results()
        self._rubric_texts()
        self._budget_changed()
        self._update_pool()


    def _mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    # ================================================================= saving
    def _input(self) -> svc.ApplicationInput:
        call_id = self.current_call_id() or (self.view.call_id if self.view else "")
        return svc.ApplicationInput(
            call_id=call_id,
            applicant_kind=ApplicantKind(self.applicant_kind.currentData()),
            applicant_name=self.applicant_name.text(),
            title=self.app_title.text(),
            bin=self.bin.text().strip() or None,
            leader_name=self.leader.text(),
            contact_phone=self.phone.text(),
            contact_email=self.email.text(),
            problem=self.problem.toPlainText(),
            goal=self.goal.toPlainText(),
            activities=self.activities.toPlainText(),
            target_group=self.target_group.text(),
            beneficiaries=self.beneficiaries.value(),
            breakdown=self.breakdown.breakdown(),
            settlement_id=self.view.settlement_id if self.view else None,
            starts_on=from_qdate(self.starts_on.date()),
            ends_on=from_qdate(self.ends_on.date()),
            language=self.env.lang,
        )

    def _saved(self, view: svc.ApplicationView) -> None:
        self._show(view)
        self.env.notify_changed("grant_application")

    def _fail(self, errors: FieldErrors | None) -> Callable[[BaseException], None]:
        return lambda e: show_user_error(self, self.env, e, errors)

    @Slot()
    def save_details(self) -> None:
        ctx = self.env.ctx()
        data = self._input()
        self.errors.clear()
        if self.view is None:
            self.env.runner.db(svc.create_application, ctx, data, on_done=self._saved, on_error=self._fail(self.errors))
        else:
            self.env.runner.db(svc.update_application, ctx, self.view.id, data, on_done=self._saved,
                               on_error=self._fail(self.errors))

    # ----------------------------------------------------------------- budget


    # ------------------------------------------------------------ status/award


    # ---------------------------------------------------------------- reviews

    # ---------------------------------------------------------------- results


    # --------------------------------------------------------------- printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def print_application(self) -> None:
        if self.view is None:
            return
        ctx, app_id = self.env.ctx(), self.view.id
        render_and_preview(self, self.env, lambda: print_svc.prepare_application(ctx, app_id), "application-",
                           self.tr("Grant application"), on_rendered=self._rendered, show=self.show_previews)


    @Slot()
    def print_blank(self) -> None:
        lang = self.env.lang
        render_and_preview(self, self.env, lambda: print_svc.prepare_blank_form("grant_application", lang),
                           "application-blank-", self.tr("Blank application form"), on_rendered=self._rendered,
                           show=self.show_previews)
