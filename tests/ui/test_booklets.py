"""The booklets page: bilingual editor, preview renders a PDF, print runs and distribution."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from civicdesk.domain.enums import BookletLayout
from civicdesk.services import booklets as svc
from civicdesk.services import reference
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.ui import i18n
from civicdesk.ui.booklets import BookletsPage
from civicdesk.ui.env import UiEnv
from civicdesk.ui.pdf_preview import PdfPreviewDialog
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture()
def env(qtbot: object, app: CivicApp, manager: Actor) -> Iterator[UiEnv]:
    runner = TaskRunner()
    bugs: list[BaseException] = []
    runner.bug_handler = lambda exc, tb: bugs.append(exc)
    ui = UiEnv(app=app, runner=runner, actor=manager, lang="kk")
    i18n.ensure_compiled()
    i18n.install("kk")
    yield ui
    runner.wait_idle(5000)
    runner.shutdown()
    assert not bugs, bugs


@pytest.fixture()
def page(qtbot, env: UiEnv) -> BookletsPage:  # type: ignore[no-untyped-def]
    p = BookletsPage(env)
    qtbot.addWidget(p)
    assert env.runner.wait_idle()
    return p


def _idle(env: UiEnv) -> None:
    assert env.runner.wait_idle(5000)


def test_edit_from_template_then_preview(page: BookletsPage, env: UiEnv, ctx: Context, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert page.template_combo.count() >= 1
    page.new_from_template()
    _idle(env)
    assert page.view is not None and page.sections
    first = page.sections[0].blocks[0]
    assert first.kk.toPlainText() and first.ru.toPlainText()  # Kazakh left, Russian right
    first.kk.setPlainText("Ауыл тұрғындарына арналған жаңа мәтін: өтініш қалай жазылады.")
    first.ru.setPlainText("Новый текст для жителей села: как написать обращение.")
    assert page.dirty
    page.save()
    _idle(env)
    saved = svc.get_booklet(ctx, page.view.id)
    assert saved.content["sections"][0]["blocks"][0]["kk"].startswith("Ауыл тұрғындарына арналған")
    assert not page.dirty

    got: list[Path] = []
    page.show_previews = False
    page.on_rendered = lambda p: got.append(Path(str(p)))
    page.layout_combo.setCurrentIndex(page.layout_combo.findData(BookletLayout.A4.value))
    page.preview()
    qtbot.waitUntil(lambda: bool(got), timeout=60000)
    doc = QPdfDocument()
    assert doc.load(str(got[0])) == QPdfDocument.Error.None_
    assert doc.pageCount() >= 1
    dialog = PdfPreviewDialog(got[0], "")
    qtbot.addWidget(dialog)
    assert dialog.page_count() == doc.pageCount() == dialog.thumbs.count()
    qtbot.waitUntil(lambda: dialog.thumbnails_ready() == doc.pageCount(), timeout=10000)
    copy = got[0].with_name("copy")
    dialog.save_copy(copy)
    assert copy.with_suffix(".pdf").read_bytes() == got[0].read_bytes()


def test_new_booklet_with_a_section(page: BookletsPage, env: UiEnv, ctx: Context) -> None:
    page.new_booklet()
    page.title_kk.setText("Бюджетке қатысу")
    page.title_ru.setText("Бюджет участия")
    page.add_section()
    section = page.sections[0]
    section.heading_kk.setText("Не істеуге болады")
    section.heading_ru.setText("Что можно сделать")
    section.blocks[0].kk.setPlainText("Жобаңызды ұсыныңыз.")
    section.blocks[0].ru.setPlainText("Предложите свой проект.")
    page.save()
    _idle(env)
    assert page.view is not None
    assert svc.get_booklet(ctx, page.view.id).content["sections"][0]["heading"]["kk"] == "Не істеуге болады"


def test_print_run_and_distribution(page: BookletsPage, env: UiEnv, ctx: Context) -> None:
    village = reference.add_settlement(ctx, "Қарасу ауылы", "село Карасу")
    page._got_settlements(reference.settlements(ctx))
    page.new_from_template()
    _idle(env)
    page.run_copies.setValue(300)
    page.record_run()
    _idle(env)
    assert page.runs_list.count() == 1
    page.dist_settlement.setCurrentIndex(page.dist_settlement.findData(village.id))
    page.dist_copies.setValue(120)
    page.distribute()
    _idle(env)
    assert page.view is not None
    summary = svc.distribution_summary(ctx, page.view.id)
    assert (summary.printed, summary.distributed) == (300, 120)
    assert "Қарасу ауылы" in page.dist_list.item(0).text()
    page.dist_copies.setValue(500)  # more than is left: refused in Kazakh, nothing saved
    page.distribute()
    _idle(env)
    assert page.runs_error.text()
    assert svc.distribution_summary(ctx, page.view.id).distributed == 120


def test_low_resolution_pictures_are_named_in_a_warning(page: BookletsPage,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from civicdesk.printing.booklet import RenderResult

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    page._warn_low_resolution(RenderResult(pages=1, sheets=1, logical_pages=1))
    assert not shown
    page._warn_low_resolution(RenderResult(pages=1, sheets=1, logical_pages=1,
                                           low_resolution_images=(("pictures/map.png", 42),)))
    assert shown and "pictures/map.png (42 ppi)" in shown[0] and "200 ppi" in shown[0]


def test_the_template_list_opens_wide_enough_for_long_names(page: BookletsPage,  # type: ignore[no-untyped-def]
                                                            qtbot) -> None:
    combo = page.template_combo
    assert combo.count() >= 2
    combo.resize(160, combo.height())  # the narrow left pane
    metrics = combo.view().fontMetrics()
    texts = [combo.itemText(i) for i in range(combo.count())]
    widest = max(metrics.horizontalAdvance(t) for t in texts)
    assert widest > 160  # some names are longer than the box
    assert combo.view().minimumWidth() >= widest + 20  # the open list shows them whole
    for i, text in enumerate(texts):
        assert combo.itemData(i, Qt.ItemDataRole.ToolTipRole) == text
    combo.setCurrentIndex(combo.count() - 1)
    assert combo.toolTip() == texts[-1]
