"""At 1366×768 (maximized) the journal needs no sideways scrolling and no header is
clipped, in Kazakh and in Russian."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from civicdesk.ui.env import UiEnv
from civicdesk.ui.journal import ConsultationsPage
from civicdesk.ui.mainwindow import MainWindow

#: the header draws its text with a margin and the sort arrow beside it
HEADER_PADDING = 12


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_journal_fits_a_maximized_1366_window(qtbot: QtBot, ui_env: UiEnv, lang: str) -> None:
    ui_env.set_language("kk" if lang == "kk" else "ru")
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.resize(1366, 740)  # the screen less the taskbar
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("consultations")
    assert isinstance(page, ConsultationsPage)
    assert ui_env.runner.wait_idle(5000)
    qtbot.wait(50)
    table = page.table
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(header.count()))
    assert used <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    metrics = header.fontMetrics()
    for c in range(header.count()):
        text = str(page.model.headerData(c, Qt.Orientation.Horizontal))
        widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        assert header.sectionSize(c) >= widest + HEADER_PADDING, text
    # a title on two lines gets a header tall enough for both
    assert header.height() >= 2 * metrics.height()
    # the question keeps a readable width
    assert header.sectionSize(3) >= 150
