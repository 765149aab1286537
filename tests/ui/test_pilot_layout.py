"""At 1366×768 the campaigns question grid and the programmes bar show their texts
whole, in Kazakh and in Russian (seen cut on the screenshots of both languages)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from civicdesk.ui.campaigns import CampaignsPage
from civicdesk.ui.env import UiEnv
from civicdesk.ui.mainwindow import MainWindow
from civicdesk.ui.programmes import ProgrammesPage

#: the header draws its text with a margin on each side
HEADER_PADDING = 8


def _window(qtbot: QtBot, ui_env: UiEnv, lang: str) -> MainWindow:
    ui_env.set_language(lang)
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.resize(1366, 740)  # the screen less the taskbar
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_question_grid_headers_are_whole(qtbot: QtBot, ui_env: UiEnv, lang: str) -> None:
    w = _window(qtbot, ui_env, lang)
    page = w.show_page("campaigns")
    assert isinstance(page, CampaignsPage)
    assert ui_env.runner.wait_idle(5000)
    qtbot.wait(50)
    grid = page.questions
    header = grid.horizontalHeader()
    metrics = header.fontMetrics()
    for c in range(grid.columnCount()):
        item = grid.horizontalHeaderItem(c)
        assert item is not None
        text = item.text()
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(c) >= widest + HEADER_PADDING, text
    assert header.height() >= 2 * metrics.height()


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_programme_box_and_filters_show_their_text(qtbot: QtBot, ui_env: UiEnv,
                                                   lang: str) -> None:
    w = _window(qtbot, ui_env, lang)
    page = w.show_page("programmes")
    assert isinstance(page, ProgrammesPage)
    assert ui_env.runner.wait_idle(5000)
    qtbot.wait(50)
    box: QComboBox = page.programme
    assert box.width() >= box.fontMetrics().horizontalAdvance("x" * 30)
    for edit in (page.region, page.quarter):
        room = edit.width() - 12  # frame and text margins
        assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room, (
            edit.placeholderText())
