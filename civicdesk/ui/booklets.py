"""Booklets and forms: the library, a bilingual editor (Kazakh left, Russian right),
layout and print-shop options, preview, print runs and their distribution by village,
and the blank forms.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from civicdesk.domain.enums import BilingualArrangement, BookletLayout
from civicdesk.domain.formatting import format_date
from civicdesk.services import booklets as svc
from civicdesk.services import printing as print_svc
from civicdesk.services import reference
from civicdesk.services.base import ListQuery
from civicdesk.services.reference import Named
from civicdesk.ui.booklet_blocks import BilingualBlock, SectionEditor
from civicdesk.ui.booklet_runs import BookletRunsTab
from civicdesk.ui.common import fit_popup
from civicdesk.ui.env import UiEnv
from civicdesk.ui.screens_common import (
    BAD_COLOR,
    PAGE_SIZE,
    Column,
    Pager,
    Retranslating,
    RowsModel,
    editor_pane,
    heading_label,
    render_and_preview,
    rows_table,
    show_error_text,
    show_user_error,
    side_by_side,
)

__all__ = ["BilingualBlock", "BookletsPage"]


_SHORT_LAYOUT = {BookletLayout.A5_BOOKLET: "A5", BookletLayout.A4_TRIFOLD: "A4 ×3", BookletLayout.A4: "A4"}


class _CheckedJob:
    """A print job that keeps what rendering returned (to warn about pictures)."""

    def __init__(self) -> None:
        self.job: print_svc.PrintJob | None = None
        self.result: object = None

    def wrap(self, job: print_svc.PrintJob) -> _CheckedJob:
        self.job = job
        return self

    def render(self, out: Any) -> object:
        assert self.job is not None
        self.result = self.job.render(out)
        return self.result


class BookletsPage(QWidget, Retranslating, BookletRunsTab):
    """Booklets and blank forms."""

    def __init__(self, env: UiEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.view: svc.BookletView | None = None
        self.dirty = False
        self._loading = False
        self.sections: list[SectionEditor] = []
        self.extra: dict[str, Any] = {}
        self.show_previews = True
        self.on_rendered: Callable[[object], None] | None = None

        # ----------------------------------------------------------------- library
        self.model: RowsModel[svc.BookletRow] = RowsModel([
            Column(lambda: self.tr("Booklet"), lambda r: r.title_kk if self.env.lang == "kk" else r.title_ru),
            Column(lambda: self.tr("Layout"), lambda r: _SHORT_LAYOUT[r.layout]),
            Column(lambda: self.tr("Printed"), lambda r: str(r.printed), align_right=True),
        ], self)
        self.table = rows_table(self.model, 0)
        self.table.selectionModel().selectionChanged.connect(self._row_selected)
        self.pager = Pager(PAGE_SIZE)
        self.pager.page_requested.connect(self.reload)
        self.template_combo = QComboBox()
        self.from_template_button = QPushButton()
        self.from_template_button.clicked.connect(self.new_from_template)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_booklet)
        self.forms_box = QGroupBox()
        fb = QVBoxLayout(self.forms_box)
        self.blank_consent = QPushButton()
        self.blank_attendance = QPushButton()
        self.blank_application = QPushButton()
        for button, kind in ((self.blank_consent, "consent"), (self.blank_attendance, "attendance"),
                             (self.blank_application, "grant_application")):
            button.clicked.connect(lambda _=False, kind=kind: self.print_blank(kind))
            fb.addWidget(button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.table, 1)
        lv.addWidget(self.pager)
        lv.addWidget(self.template_combo)
        nb = QHBoxLayout()
        nb.addWidget(self.from_template_button)
        nb.addWidget(self.new_button)
        lv.addLayout(nb)
        lv.addWidget(self.forms_box)

        # ------------------------------------------------------------------ editor
        self.title_label = heading_label()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._content_tab(), "")
        self.tabs.addTab(self._print_tab(), "")
        self.tabs.addTab(self._runs_tab(), "")
        self.editor = editor_pane(self.title_label, None, self.tabs)

        split = side_by_side(left, self.editor, (1, 3), [330, 1010])
        lay = QVBoxLayout(self)
        lay.addWidget(split)

        self._bind_texts()
        self._show(None)
        env.signals.data_changed.connect(self._data_changed)
        env.runner.db(svc.list_templates, on_done=self._got_templates)
        env.runner.db(reference.settlements, env.ctx(), on_done=self._got_settlements)
        self.reload(0)

    # ================================================================ building
    def _content_tab(self) -> QWidget:
        w = QWidget()
        v = QVBoxLayout(w)
        heads = QGridLayout()
        self.l_kk, self.l_ru = QLabel(), QLabel()
        for lab in (self.l_kk, self.l_ru):
            lab.setStyleSheet("font-weight: bold;")
        self.title_kk, self.title_ru = QLineEdit(), QLineEdit()
        self.subtitle_kk, self.subtitle_ru = QLineEdit(), QLineEdit()
        for e in (self.title_kk, self.title_ru, self.subtitle_kk, self.subtitle_ru):
            e.textEdited.connect(self.mark_dirty)
        heads.addWidget(self.l_kk, 0, 0)
        heads.addWidget(self.l_ru, 0, 1)
        heads.addWidget(self.title_kk, 1, 0)
        heads.addWidget(self.title_ru, 1, 1)
        heads.addWidget(self.subtitle_kk, 2, 0)
        heads.addWidget(self.subtitle_ru, 2, 1)
        v.addLayout(heads)
        self.sections_host = QWidget()
        self.sections_layout = QVBoxLayout(self.sections_host)
        self.sections_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.sections_host)
        v.addWidget(scroll, 1)
        self.content_error = QLabel()
        self.content_error.setStyleSheet(f"color: {BAD_COLOR};")
        self.content_error.setWordWrap(True)
        v.addWidget(self.content_error)
        row = QHBoxLayout()
        self.add_section_button = QPushButton()
        self.add_section_button.clicked.connect(self.add_section)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.preview)
        row.addWidget(self.add_section_button)
        row.addStretch(1)
        row.addWidget(self.preview_button)
        row.addWidget(self.save_button)
        v.addLayout(row)
        return w

    def _print_tab(self) -> QWidget:
        w = QWidget()
        form = QFormLayout(w)
        self.layout_combo = QComboBox()
        for lay in BookletLayout:
            self.layout_combo.addItem("", lay.value)
        self.arrangement_combo = QComboBox()
        for arr in BilingualArrangement:
            self.arrangement_combo.addItem("", arr.value)
        self.bleed = QCheckBox()
        self.crop_marks = QCheckBox()
        self.imprint_copies = QSpinBox()
        self.imprint_copies.setRange(0, 1_000_000)
        self.imprint_copies.setSingleStep(50)
        self.layout_combo.currentIndexChanged.connect(self.mark_dirty)
        self.arrangement_combo.currentIndexChanged.connect(self.mark_dirty)
        self.l_layout, self.l_arrangement, self.l_imprint = QLabel(), QLabel(), QLabel()
        form.addRow(self.l_layout, self.layout_combo)
        form.addRow(self.l_arrangement, self.arrangement_combo)
        form.addRow(self.bleed)
        form.addRow(self.crop_marks)
        form.addRow(self.l_imprint, self.imprint_copies)
        self.print_hint = QLabel()
        self.print_hint.setWordWrap(True)
        form.addRow(self.print_hint)
        self.preview_button2 = QPushButton()
        self.preview_button2.clicked.connect(self.preview)
        form.addRow(self.preview_button2)
        return w

    def layout_names(self) -> dict[BookletLayout, str]:
        return {
            BookletLayout.A5_BOOKLET: self.tr("A5 booklet (folded A4, stapled)"),
            BookletLayout.A4_TRIFOLD: self.tr("A4 tri-fold"),
            BookletLayout.A4: self.tr("A4 handout"),
        }

    def kind_name(self, kind: str) -> str:
        names = {
            "p": self.tr("Paragraph"),
            "bullets": self.tr("List: one item a line, the same number of lines on both sides"),
            "fill": self.tr("Lines to fill in by hand: label"),
            "note": self.tr("Highlighted note"),
            "image": self.tr("Picture (not edited here)"),
        }
        return names.get(kind, kind)

    def _bind_texts(self) -> None:
        b = self.bind_text
        b(self.from_template_button.setText, lambda: self.tr("New from template"))
        b(self.new_button.setText, lambda: self.tr("New empty"))
        b(self.forms_box.setTitle, lambda: self.tr("Blank forms"))
        b(self.blank_consent.setText, lambda: self.tr("Consent to personal data processing"))
        b(self.blank_attendance.setText, lambda: self.tr("Attendance sheet"))
        b(self.blank_application.setText, lambda: self.tr("Grant application"))
        b(lambda t: self.tabs.setTabText(0, t), lambda: self.tr("Text in two languages"))
        b(lambda t: self.tabs.setTabText(1, t), lambda: self.tr("Layout and printing"))
        b(lambda t: self.tabs.setTabText(2, t), lambda: self.tr("Print runs and distribution"))
        b(self.l_kk.setText, lambda: self.tr("Kazakh"))
        b(self.l_ru.setText, lambda: self.tr("Russian"))
        b(self.title_kk.setPlaceholderText, lambda: self.tr("Title in Kazakh"))
        b(self.title_ru.setPlaceholderText, lambda: self.tr("Title in Russian"))
        b(self.subtitle_kk.setPlaceholderText, lambda: self.tr("Subtitle in Kazakh"))
        b(self.subtitle_ru.setPlaceholderText, lambda: self.tr("Subtitle in Russian"))
        b(self.add_section_button.setText, lambda: self.tr("Add section"))
        b(self.save_button.setText, lambda: self.tr("Save"))
        b(self.preview_button.setText, lambda: self.tr("Preview"))
        b(self.preview_button2.setText, lambda: self.tr("Preview"))
        b(self.l_layout.setText, lambda: self.tr("Layout"))
        b(self.l_arrangement.setText, lambda: self.tr("Two languages"))
        b(self.bleed.setText, lambda: self.tr("3 mm bleed for a print shop"))
        b(self.crop_marks.setText, lambda: self.tr("Crop marks"))
        b(self.l_imprint.setText, lambda: self.tr("Print run on the back page"))
        b(self.imprint_copies.setSpecialValueText, lambda: self.tr("do not print"))
        b(self.print_hint.setText, lambda: self.tr(
            "An A5 booklet is printed two pages per A4 sheet on both sides, folded and stapled; "
            "the pages are padded to a multiple of four. Ask the print shop whether they want "
            "bleed and crop marks."))
        b(self.run_box.setTitle, lambda: self.tr("Record a print run"))
        b(self.l_run_copies.setText, lambda: self.tr("Copies"))
        b(self.l_run_date.setText, lambda: self.tr("Printed on"))
        b(self.run_button.setText, lambda: self.tr("Record"))
        b(self.dist_box.setTitle, lambda: self.tr("Hand out copies in a settlement"))
        b(self.dist_button.setText, lambda: self.tr("Record"))
        b(self.l_dist_run.setText, lambda: self.tr("From the run"))
        b(self.l_dist_copies.setText, lambda: self.tr("Copies"))
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        names = self.layout_names()
        for i, lay in enumerate(BookletLayout):
            self.layout_combo.setItemText(i, names[lay])
        arr = {BilingualArrangement.PARALLEL: self.tr("side by side: Kazakh left, Russian right"),
               BilingualArrangement.SEQUENTIAL: self.tr("one after the other: Kazakh first")}
        for i, a in enumerate(BilingualArrangement):
            self.arrangement_combo.setItemText(i, arr[a])
        if self.dist_settlement.count():
            self.dist_settlement.setItemText(0, self.tr("at the center (no settlement)"))
        self.model.retranslate()
        for s in getattr(self, "sections", []):
            s.retranslate()
        if hasattr(self, "view"):
            self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        self.handle_language_event(event)
        super().changeEvent(event)

    # ================================================================= library
    def reload(self, offset: int = 0) -> None:
        self.env.runner.db(svc.list_booklets, self.env.ctx(), ListQuery(offset=offset, limit=PAGE_SIZE),
                           on_done=self.show_page, on_error=lambda e: show_user_error(self, self.env, e))

    def _got_templates(self, rows: list[svc.TemplateRow]) -> None:
        self.templates = rows
        self.template_combo.clear()
        for t in rows:
            self.template_combo.addItem(t.title_kk if self.env.lang == "kk" else t.title_ru, t.name)
        fit_popup(self.template_combo)  # long template names open in full

    def _got_settlements(self, items: list[Named]) -> None:
        self.dist_settlement.clear()
        self.dist_settlement.addItem(self.tr("at the center (no settlement)"), None)
        for s in items:
            self.dist_settlement.addItem(s.name(self.env.lang), s.id)

    def _data_changed(self, entity: str) -> None:
        if entity in ("booklet", "settlement"):
            self.reload(self.pager.offset)

    def _row_selected(self, *_: object) -> None:
        row = self.newly_selected_row()
        if row is None or not self.may_leave():
            return
        self.open_booklet(row.id)

    def open_booklet(self, booklet_id: str) -> None:
        self.open_record(svc.get_booklet, booklet_id, self._show)

    def _saved(self, view: svc.BookletView) -> None:
        self._show(view)
        self.env.notify_changed("booklet")

    @Slot()
    def new_from_template(self) -> None:
        name = self.template_combo.currentData()
        if not name or not self.may_leave():
            return
        self.env.runner.db(svc.create_from_template, self.env.ctx(), str(name), on_done=self._saved,
                           on_error=lambda e: show_user_error(self, self.env, e))

    @Slot()
    def new_booklet(self) -> None:
        if not self.leave_for_new():
            return
        self._show(None)
        self.title_kk.setFocus()

    # =================================================================== editor
    def _clear_sections(self) -> None:
        for s in self.sections:
            s.setParent(None)
            s.deleteLater()
        self.sections = []

    def _add_section_widget(self, section: dict[str, Any]) -> SectionEditor:
        editor = SectionEditor(self, section)
        self.sections.append(editor)
        self.sections_layout.insertWidget(self.sections_layout.count() - 1, editor)
        return editor

    def _show(self, view: svc.BookletView | None) -> None:
        self._loading = True
        self.view = view
        content = view.content if view else {}
        self.extra = {k: v for k, v in content.items() if k in ("legal_basis", "contacts")}
        self.title_kk.setText(view.title_kk if view else "")
        self.title_ru.setText(view.title_ru if view else "")
        sub = content.get("subtitle") or {}
        self.subtitle_kk.setText(str(sub.get("kk", "")))
        self.subtitle_ru.setText(str(sub.get("ru", "")))
        for e in (self.title_kk, self.title_ru, self.subtitle_kk, self.subtitle_ru):
            e.setCursorPosition(0)
        self._clear_sections()
        for section in content.get("sections", []):
            self._add_section_widget(section)
        layout = view.layout if view else BookletLayout.A5_BOOKLET
        arrangement = view.arrangement if view else BilingualArrangement.PARALLEL
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(layout.value)))
        self.arrangement_combo.setCurrentIndex(max(0, self.arrangement_combo.findData(arrangement.value)))
        self.content_error.clear()
        self.runs_error.clear()
        self._loading = False
        self.dirty = False
        self._refresh()

    def _refresh(self) -> None:
        view = self.view
        lang = self.env.lang
        if view is None:
            self.title_label.setText(self.tr("New booklet"))
        else:
            self.title_label.setText(view.title_kk if lang == "kk" else view.title_ru)
        saved = view is not None
        for w in (self.run_box, self.dist_box):
            w.setEnabled(saved)
        self.runs_list.clear()
        self.dist_run.clear()
        self.dist_list.clear()
        self.summary_label.clear()
        if view is None:
            return
        for r in view.print_runs:
            text = (self.tr("%1: %2 copies, handed out %3, left %4")
                    .replace("%1", format_date(r.printed_on, lang)).replace("%2", str(r.copies))
                    .replace("%3", str(r.distributed)).replace("%4", str(r.left)))
            self.runs_list.addItem(text)
            self.dist_run.addItem(text, r.id)
        printed = sum(r.copies for r in view.print_runs)
        handed = sum(r.distributed for r in view.print_runs)
        self.summary_label.setText(self.tr("Printed %1, handed out %2").replace("%1", str(printed)).replace("%2", str(handed)))
        for d in view.distributions:
            place = (d.settlement_kk if lang == "kk" else d.settlement_ru) or self.tr("at the center (no settlement)")
            self.dist_list.addItem(f"{format_date(d.distributed_on, lang)} — {place}: {d.copies}")

    def mark_dirty(self, *_: object) -> None:
        if not self._loading:
            self.dirty = True

    @Slot()
    def add_section(self) -> None:
        editor = self._add_section_widget({"heading": {"kk": "", "ru": ""}, "blocks": [{"type": "p", "kk": "", "ru": ""}]})
        editor.heading_kk.setFocus()
        self.mark_dirty()

    def remove_section(self, editor: SectionEditor) -> None:
        self.sections.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        self.mark_dirty()

    def content(self) -> dict[str, Any]:
        """The content being edited, in the template format."""
        name = (self.view.template_name if self.view and self.view.template_name else "booklet")
        out: dict[str, Any] = {
            "name": name,
            "title": {"kk": self.title_kk.text().strip(), "ru": self.title_ru.text().strip()},
            "sections": [s.value() for s in self.sections],
        }
        if self.subtitle_kk.text().strip() or self.subtitle_ru.text().strip():
            out["subtitle"] = {"kk": self.subtitle_kk.text().strip(), "ru": self.subtitle_ru.text().strip()}
        out.update(copy.deepcopy(self.extra))
        return out

    def _check_lists(self) -> bool:
        bad = any(b.bullets_mismatch() for s in self.sections for b in s.blocks)
        if bad:
            self.content_error.setText(self.tr(
                "A list has a different number of lines in Kazakh and in Russian: each item needs both."))
        return not bad

    def _input(self) -> svc.BookletInput:
        view = self.view
        return svc.BookletInput(
            title_kk=self.title_kk.text(), title_ru=self.title_ru.text(), content=self.content(),
            layout=BookletLayout(self.layout_combo.currentData()),
            arrangement=BilingualArrangement(self.arrangement_combo.currentData()),
            edition=view.edition if view else 1, edition_date=view.edition_date if view else None,
            template_name=view.template_name if view else None)

    def _content_failed(self, error: BaseException) -> None:
        show_error_text(self.content_error, self.env, error)

    @Slot()
    def save(self) -> None:
        self.content_error.clear()
        if not self._check_lists():
            return
        ctx, data = self.env.ctx(), self._input()
        if self.view is None:
            self.env.runner.db(svc.create_booklet, ctx, data, on_done=self._saved, on_error=self._content_failed)
        else:
            self.env.runner.db(svc.update_booklet, ctx, self.view.id, data, on_done=self._saved,
                               on_error=self._content_failed)

    # ================================================================= printing
    def _rendered(self, path: object) -> None:
        if self.on_rendered is not None:
            self.on_rendered(path)

    @Slot()
    def preview(self) -> None:
        """Render what is on screen now (saved or not) and open the preview."""
        self.content_error.clear()
        if not self._check_lists():
            return
        ctx = self.env.ctx()
        content = self.content()
        layout = BookletLayout(self.layout_combo.currentData())
        arrangement = BilingualArrangement(self.arrangement_combo.currentData())
        bleed, marks, copies, lang = self.bleed.isChecked(), self.crop_marks.isChecked(), self.imprint_copies.value(), self.env.lang
        title = self.title_kk.text() if lang == "kk" else self.title_ru.text()
        checked = _CheckedJob()

        def prepare() -> _CheckedJob:
            return checked.wrap(print_svc.prepare_booklet(
                ctx, content, layout, arrangement, bleed=bleed, crop_marks=marks,
                copies=copies or None, lang=lang))

        def rendered(path: object) -> None:
            self._warn_low_resolution(checked.result)
            self._rendered(path)

        render_and_preview(self, self.env, prepare, "booklet-", title or self.tr("Booklet"),
                           on_rendered=rendered, show=self.show_previews)

    def _warn_low_resolution(self, result: object) -> None:
        """Name the pictures that print below 200 ppi (they may look blurred)."""
        low = getattr(result, "low_resolution_images", ())
        if not low:
            return
        names = ", ".join(f"{path} ({ppi} ppi)" for path, ppi in low)
        text = self.tr("These pictures print below 200 ppi and may look blurred: %1. Use a larger picture or print it smaller.")
        QMessageBox.warning(self, self.tr("Booklet"), text.replace("%1", names))

    @Slot()
    def print_blank(self, kind: str) -> None:
        lang = self.env.lang
        titles = {"consent": self.tr("Consent to personal data processing"),
                  "attendance": self.tr("Attendance sheet"), "grant_application": self.tr("Grant application")}
        ctx = self.env.ctx()
        render_and_preview(self, self.env, lambda: print_svc.prepare_blank_form(kind, lang, ctx=ctx), f"blank-{kind}-",
                           titles[kind], on_rendered=self._rendered, show=self.show_previews)
