"""The consultations journal: paged list with search and filters, the form, follow-ups."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.collation import sorted_by_name
from civicdesk.domain.enums import ConsultationChannel, ConsultationStatus
from civicdesk.domain.formatting import format_date
from civicdesk.services import consultations as svc
from civicdesk.services.consultations import (
    ConsultationFilters,
    ConsultationRow,
    ConsultationView,
)
from civicdesk.ui.common import (
    fill_combo,
    is_language_change,
    pydate,
    qdate,
    search_timer,
    titled_list,
)
from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal_columns import (
    CONSULTANT_COLUMN,
    QUESTION_COLUMN,
    RESIDENT_COLUMN,
    ConsultationsModel,
    NameDelegate,
    fit_columns,
    period_range,
)
from civicdesk.ui.problems_link import LinkProblemButton
from civicdesk.ui.refs import Refs, load_refs
from civicdesk.ui.screens_common import side_by_side
from civicdesk.ui.texts import channel_text, status_text

OVERDUE_COLOR = "#b00020"




class ConsultationsPage(QWidget):
    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.refs = Refs()
        self.model = ConsultationsModel(env)
        self.model.setParent(self)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton()
        self.edit_button = QPushButton()
        #: (id, name) of the resident whose consultations are shown, if any
        self.resident_filter: tuple[str, str] | None = None
        self.resident_chip = QPushButton()
        self.resident_chip.setVisible(False)
        self.resident_chip.clicked.connect(lambda: self.show_resident(None))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.resident_chip)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(LinkProblemButton(env, "consultation", self.selected_id))

        self.period = QComboBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.hide()
        month_ago = date.today() - timedelta(days=30)
        self.date_from.setDate(qdate(month_ago))
        self.date_to.setDate(qdate(date.today()))
        self.date_to.setMinimumDate(self.date_from.date())
        self.topic = QComboBox()
        self.settlement = QComboBox()
        self.consultant = QComboBox()
        self.status = QComboBox()
        self.channel = QComboBox()
        filters = QGridLayout()
        for i, combo in enumerate((self.period, self.status, self.channel, self.topic,
                                   self.settlement, self.consultant)):
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            filters.addWidget(combo, i // 3, i % 3)
        # a custom period: from – to, shown beside the filters while it is chosen
        period_range_row = QHBoxLayout()
        period_range_row.addWidget(self.date_from)
        period_range_row.addWidget(self.date_to)
        filters.addLayout(period_range_row, 0, 3)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, self.model_order())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the question takes what the other columns leave: no sideways scrolling
        header.setSectionResizeMode(QUESTION_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.viewport().installEventFilter(self)
        for col in (RESIDENT_COLUMN, CONSULTANT_COLUMN):
            self.table.setItemDelegateForColumn(col, NameDelegate(self.table))
        self.count_label = QLabel()

        self.followups_title = QLabel()
        self.followups = QListWidget()
        self.followups.setSpacing(3)
        side = titled_list(self.followups_title, self.followups)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = side_by_side(left, side, (4, 1), [960, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search_timer = search_timer(self, self.search, self.apply_filters)
        for combo in (self.period, self.topic, self.settlement, self.consultant, self.status,
                      self.channel):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.period.currentIndexChanged.connect(self._show_range)
        self.date_from.dateChanged.connect(self._range_changed)
        self.date_to.dateChanged.connect(self._range_changed)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.followups.itemActivated.connect(self._open_followup)
        self.model.loaded.connect(lambda _n: self._show_count())
        env.signals.data_changed.connect(self._data_changed)

        self.retranslate()
        self.load_refs()
        self.apply_filters()
        self.load_followups()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table, self.model)
        return super().eventFilter(watched, event)

    def model_order(self) -> Any:

        return Qt.SortOrder.DescendingOrder

    # --- data --------------------------------------------------------------------

    def load_refs(self) -> None:
        self.env.runner.db(load_refs, self.env.ctx(), on_done=self._got_refs)

    def _got_refs(self, refs: Refs) -> None:
        self.refs = refs
        self._fill_filter_lists()

    def _fill_filter_lists(self) -> None:
        lang = self.env.lang
        fill_combo(self.topic, ((t.name(lang), t.code) for t in self.refs.topics),
                   blank=self.tr("All topics"))
        places = sorted_by_name(self.refs.settlements, lambda s: s.name(lang))
        fill_combo(self.settlement, ((s.name(lang), s.id) for s in places),
                   blank=self.tr("All settlements"))
        people = sorted_by_name(self.refs.users, lambda u: u.full_name)
        actor = self.env.actor
        pairs = [(u.full_name, u.id) for u in people]
        if not pairs and actor is not None and actor.user_id:
            pairs = [(actor.user_name, actor.user_id)]
        fill_combo(self.consultant, pairs, blank=self.tr("All consultants"))

    def _show_range(self) -> None:
        custom = self.period.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)

    def _range_changed(self) -> None:
        # the end never goes before the start
        self.date_to.setMinimumDate(self.date_from.date())
        if self.period.currentData() == "custom":
            self.apply_filters()

    def current_filters(self) -> ConsultationFilters:
        if self.period.currentData() == "custom":
            d_from: date | None = pydate(self.date_from.date())
            d_to: date | None = pydate(self.date_to.date())
        else:
            d_from, d_to = period_range(self.period.currentData() or "all", date.today())
        status = self.status.currentData()
        channel = self.channel.currentData()
        return ConsultationFilters(
            date_from=d_from, date_to=d_to,
            topic_code=self.topic.currentData(),
            settlement_id=self.settlement.currentData(),
            consultant_id=self.consultant.currentData(),
            status=ConsultationStatus(status) if status else None,
            channel=ConsultationChannel(channel) if channel else None,
            resident_id=self.resident_filter[0] if self.resident_filter else None,
        )

    def show_resident(self, resident_id: str | None, name: str = "") -> None:
        """Show every consultation of one resident (None: of everybody again)."""
        self.resident_filter = (resident_id, name) if resident_id else None
        self.resident_chip.setVisible(resident_id is not None)
        self._label_chip()
        if resident_id is not None:
            self.search.clear()
            self.period.setCurrentIndex(0)
        self.apply_filters()

    def _label_chip(self) -> None:
        if self.resident_filter is not None:
            self.resident_chip.setText(
                self.tr("Resident: %1 ✕").replace("%1", self.resident_filter[1]))
            self.resident_chip.setToolTip(self.tr("Show the consultations of everybody"))

    def apply_filters(self) -> None:
        self.search_timer.stop()
        self.model.search = self.search.text().strip()
        self.model.filters = self.current_filters()
        self.model.reload()

    def load_followups(self) -> None:
        self.env.runner.db(
            lambda: svc.follow_ups_due(self.env.ctx(), within_days=7, limit=100),
            on_done=self._got_followups,
        )

    def _got_followups(self, rows: list[ConsultationRow]) -> None:
        self._followup_rows = rows
        self._show_followups()

    def _show_followups(self) -> None:
        rows: list[ConsultationRow] = getattr(self, "_followup_rows", [])
        self.followups.clear()
        lang = self.env.lang
        today = date.today()
        for r in rows:
            when = format_date(r.follow_up_on, lang, "short") if r.follow_up_on else ""
            overdue = r.follow_up_on is not None and r.follow_up_on < today
            who = r.resident_name or self.tr("(no resident)")
            topic = (r.topic_kk if lang == "kk" else r.topic_ru) or r.topic_code
            item = QListWidgetItem(f"{when} — {who}\n{topic}")
            item.setData(256, r.id)
            if overdue:
                item.setForeground(QColor(OVERDUE_COLOR))
                item.setToolTip(self.tr("Overdue"))
            self.followups.addItem(item)
        if not rows:
            item = QListWidgetItem(self.tr("Nothing due this week."))
            item.setFlags(item.flags() & ~item.flags().ItemIsEnabled)
            self.followups.addItem(item)

    def _open_followup(self, item: QListWidgetItem) -> None:
        cid = item.data(256)
        if cid:
            self.edit_item(str(cid))

    def _data_changed(self, entity: str) -> None:
        if entity in ("consultation", "resident"):
            self.model.reload()
            self.load_followups()
        if entity in ("settlement", "user"):
            self.load_refs()

    def refresh(self) -> None:
        self.model.reload()
        self.load_followups()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Consultations found: %1").replace(
            "%1", f"{self.model.total:,}".replace(",", "\u00a0")))

    def export_note(self) -> str:
        """The search and the filters in words, to head an exported or printed list."""
        parts = []
        text = self.search.text().strip()
        if text:
            parts.append(self.tr("Search: %1").replace("%1", text))
        if self.period.currentData() == "custom":
            parts.append(f"{self.date_from.text()} – {self.date_to.text()}")
        elif self.period.currentIndex() > 0:
            parts.append(self.period.currentText())
        for combo in (self.status, self.channel, self.topic, self.settlement, self.consultant):
            if combo.currentIndex() > 0:
                parts.append(combo.currentText())
        return " · ".join(parts)

    # --- actions -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> str | None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        return row.id if row else None

    def new_item(self) -> None:
        # The dialog (and the resident picker inside it) loads when first opened.
        from civicdesk.ui.consultation_dialog import ConsultationDialog

        dialog = ConsultationDialog(self.env, self.refs, parent=self)
        dialog.open()

    def edit_selected(self) -> None:
        cid = self.selected_id()
        if cid:
            self.edit_item(cid)

    def edit_item(self, consultation_id: str) -> None:
        def opened(view: ConsultationView) -> None:
            from civicdesk.ui.consultation_dialog import ConsultationDialog

            dialog = ConsultationDialog(self.env, self.refs, view, parent=self)
            dialog.open()

        self.env.runner.db(svc.get_consultation, self.env.ctx(), consultation_id,
                           on_done=opened)

    # --- language --------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search by name, IIN or phone ending, village, question or advice…"))
        self._label_chip()
        self.new_button.setText(self.tr("New consultation"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.edit_button.setText(self.tr("Open"))
        fill_combo(self.period, [
            (self.tr("All time"), "all"), (self.tr("Today"), "today"),
            (self.tr("Last 7 days"), "week"), (self.tr("This month"), "month"),
            (self.tr("This quarter"), "quarter"), (self.tr("This year"), "year"),
            (self.tr("Custom range…"), "custom"),
        ])
        self.date_from.setToolTip(self.tr("From"))
        self.date_to.setToolTip(self.tr("To"))
        fill_combo(self.status, ((status_text(s), s.value) for s in ConsultationStatus),
                   blank=self.tr("All statuses"))
        fill_combo(self.channel, ((channel_text(c), c.value) for c in ConsultationChannel),
                   blank=self.tr("All channels"))
        self.followups_title.setText(self.tr("Follow-ups due"))
        self._relabel()

    def _relabel(self) -> None:
        self._fill_filter_lists()
        self.model.retranslate()
        fit_columns(self.table, self.model)
        self._show_followups()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


__all__ = ["ConsultationsModel", "ConsultationsPage", "QModelIndex"]
