"""The grant calls of the grants page: the call chooser, its pool bar and the new-call dialog.

:class:`CallsPart` is mixed into :class:`civicdesk.ui.grants.GrantsPage`; its texts are
translated in the page's context.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from civicdesk.domain.errors import UserError
from civicdesk.domain.formatting import format_money, parse_money
from civicdesk.domain.grants import (
    DEFAULT_MIN_REVIEWS,
    MAX_MIN_REVIEWS,
)
from civicdesk.services import grants as svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery, Page
from civicdesk.services.reference import Named
from civicdesk.ui.grants_part import GrantsPagePart
from civicdesk.ui.screens_common import (
    FieldErrors,
    from_qdate,
    show_user_error,
    to_qdate,
)

__all__ = ["CallDialog", "CallsPart"]


class CallDialog(QDialog):
    """A new competition: titles in both languages, region, pool, dates."""

    def __init__(self, page: CallsPart) -> None:
        super().__init__(page)
        self.page = page
        self.setWindowTitle(self.tr("New competition"))
        form = QFormLayout(self)
        self.errors = FieldErrors()
        self.title_kk, self.title_ru = QLineEdit(), QLineEdit()
        self.region = QComboBox()
        self.pool = QLineEdit("1 000 000")
        self.max_grant = QLineEdit()
        self.max_grant.setPlaceholderText(self.tr("the whole pool"))
        self.min_reviews = QSpinBox()
        self.min_reviews.setRange(1, MAX_MIN_REVIEWS)
        self.min_reviews.setValue(DEFAULT_MIN_REVIEWS)
        self.opens_on, self.closes_on = QDateEdit(), QDateEdit()
        for d in (self.opens_on, self.closes_on):
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd.MM.yyyy")
            d.setDate(to_qdate(date.today()))
        self.closes_on.setDate(self.closes_on.date().addMonths(1))
        rows: list[tuple[str, str, QWidget]] = [
            (self.tr("Title in Kazakh"), "title", self.title_kk),
            (self.tr("Title in Russian"), "title_ru", self.title_ru),
            (self.tr("Region"), "region_kato", self.region),
            (self.tr("Pool, ₸"), "pool", self.pool),
            (self.tr("Most one application may ask, ₸"), "max_grant", self.max_grant),
            (self.tr("Reviews needed for approval"), "min_reviews", self.min_reviews),
            (self.tr("Applications from"), "opens_on", self.opens_on),
            (self.tr("Applications until"), "closes_on", self.closes_on),
        ]
        for text, name, widget in rows:
            self.errors.add_row(form, QLabel(text), name, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.created: svc.GrantCallView | None = None
        page.env.runner.db(reference.regions, page.env.ctx(), on_done=self._got_regions)

    def _got_regions(self, items: list[Named]) -> None:
        for r in items:
            self.region.addItem(r.name(self.page.env.lang), r.code)

    def save(self) -> None:
        self.errors.clear()
        env = self.page.env
        try:
            pool = parse_money(self.pool.text(), field="pool")
            max_grant = (parse_money(self.max_grant.text(), field="max_grant")
                         if self.max_grant.text().strip() else None)
        except UserError as e:
            self.errors.show(e, env.lang)
            return
        data = svc.GrantCallInput(
            title_kk=self.title_kk.text(), title_ru=self.title_ru.text(),
            region_kato=str(self.region.currentData() or ""), pool=pool,
            opens_on=from_qdate(self.opens_on.date()) or date.today(),
            closes_on=from_qdate(self.closes_on.date()) or date.today(),
            min_reviews=self.min_reviews.value(), max_grant=max_grant)

        def done(call: svc.GrantCallView) -> None:
            self.created = call
            self.accept()

        env.runner.db(svc.create_call, env.ctx(), data, on_done=done,
                      on_error=lambda e: show_user_error(self, env, e, self.errors))


class CallsPart(GrantsPagePart):
    """The call chooser and pool bar; needs the page's widgets of the top bar."""

    def reload_calls(self) -> None:
        self.env.runner.db(svc.list_calls, self.env.ctx(), ListQuery(limit=200), on_done=self._got_calls,
                           on_error=lambda e: show_user_error(self, self.env, e))

    def _got_calls(self, page: Page[svc.GrantCallRow]) -> None:
        self.calls = list(page.rows)
        self._fill_calls_combo()
        if self.calls and self.call is None:
            self._call_chosen(self.call_combo.currentIndex())

    @Slot()
    def new_call(self) -> None:
        dialog = CallDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._call_created(dialog.created))
        self.call_dialog = dialog
        dialog.open()

    def _call_created(self, call: svc.GrantCallView | None) -> None:
        if call is None:
            return
        self.call = None
        self.calls.insert(0, svc.GrantCallRow(call.id, call.title_kk, call.title_ru, call.region_kato, call.pool,
                                              call.awarded, call.left, call.opens_on, call.closes_on, call.status,
                                              call.applications))
        self._fill_calls_combo()
        self.call_combo.setCurrentIndex(self.call_combo.findData(call.id))
        self._call_chosen(self.call_combo.currentIndex())
        self.env.notify_changed("grant_call")

    def _fill_calls_combo(self) -> None:
        keep = self.call_combo.currentData()
        self.call_combo.blockSignals(True)
        self.call_combo.clear()
        for c in self.calls:
            self.call_combo.addItem(c.title_kk if self.env.lang == "kk" else c.title_ru, c.id)
        self.call_combo.setCurrentIndex(max(0, self.call_combo.findData(keep)))
        self.call_combo.blockSignals(False)

    def current_call_id(self) -> str | None:
        data = self.call_combo.currentData()
        return str(data) if data else None

    @Slot(int)
    def _call_chosen(self, _: int) -> None:
        call_id = self.current_call_id()
        if call_id is None:
            return
        self.env.runner.db(svc.get_call, self.env.ctx(), call_id, on_done=self._got_call,
                           on_error=lambda e: show_user_error(self, self.env, e))
        self.reload(0)

    def _got_call(self, call: svc.GrantCallView) -> None:
        self.call = call
        self._update_pool()
        self._build_rubric()
        self._budget_changed()

    def _update_pool(self) -> None:
        call = self.call
        if call is None:
            self.pool_bar.setRange(0, 1)
            self.pool_bar.setValue(0)
            self.pool_bar.setFormat("")
            return
        lang = self.env.lang
        self.pool_bar.setRange(0, max(1, int(call.pool)))
        self.pool_bar.setValue(min(int(call.awarded), max(1, int(call.pool))))
        # QProgressBar's format treats % specially: escape it
        text = (QCoreApplication.translate("GrantsPage", "Awarded %1 of %2, left %3")
                .replace("%1", format_money(call.awarded, lang))
                .replace("%2", format_money(call.pool, lang))
                .replace("%3", format_money(call.left, lang)))
        self.pool_bar.setFormat(text.replace("%", "%%"))
        self.pool_bar.setToolTip(text)
