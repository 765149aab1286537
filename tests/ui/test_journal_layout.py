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


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_long_name_keeps_its_surname_at_1366(qtbot: QtBot, ui_env: UiEnv, lang: str) -> None:
    from datetime import date, timedelta

    from PySide6.QtWidgets import QStyleOptionViewItem

    from civicdesk.domain.enums import ConsultationChannel
    from civicdesk.services.consultations import ConsultationInput, create_consultation
    from civicdesk.services.residents import ResidentInput, create_resident
    from civicdesk.ui.journal_columns import CELL_PADDING, RESIDENT_COLUMN

    ctx = ui_env.ctx()
    full = "Нұрсұлтанбек Құдайбергенов"
    rid = create_resident(ctx, ResidentInput(full_name=full, consent_date=date(2025, 1, 5),
                                             consent_purposes=["consultation"])).id
    create_consultation(ctx, ConsultationInput(
        occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=1),
        channel=ConsultationChannel.PHONE, topic_codes=["appeals"], question="Сұрақ",
        resident_id=rid))
    ui_env.set_language("kk" if lang == "kk" else "ru")
    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("consultations")
    assert isinstance(page, ConsultationsPage)
    assert ui_env.runner.wait_idle(5000)
    qtbot.wait(50)
    table = page.table
    index = page.model.index(0, RESIDENT_COLUMN)
    assert page.model.data(index) == full
    assert page.model.data(index, Qt.ItemDataRole.ToolTipRole) == full  # in full as a tip
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.fontMetrics = table.fontMetrics()
    table.itemDelegateForColumn(RESIDENT_COLUMN).initStyleOption(option, index)  # type: ignore[union-attr]
    shown = option.text
    width = table.columnWidth(RESIDENT_COLUMN) - CELL_PADDING
    assert width < table.fontMetrics().horizontalAdvance(full)  # too narrow for all of it
    assert shown == "Н. Құдайбергенов"  # the surname whole, the given name an initial
    assert table.fontMetrics().horizontalAdvance(shown) <= width
    # a name longer still is shortened in its middle, never at the surname's end
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle
    # the consultant's name too: «Ә. Нұрланқызы», not «Әсел ...»
    from civicdesk.ui.journal_columns import CONSULTANT_COLUMN

    assert isinstance(table.itemDelegateForColumn(CONSULTANT_COLUMN),
                      type(table.itemDelegateForColumn(RESIDENT_COLUMN)))
    index = page.model.index(0, CONSULTANT_COLUMN)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.fontMetrics = table.fontMetrics()
    table.itemDelegateForColumn(CONSULTANT_COLUMN).initStyleOption(option, index)  # type: ignore[union-attr]
    consultant = str(page.model.data(index))
    from civicdesk.domain.residents import surname

    assert surname(consultant) in option.text  # the surname shows whole
    assert table.fontMetrics().horizontalAdvance(option.text) <= (
        table.columnWidth(CONSULTANT_COLUMN) - CELL_PADDING)
    assert table.horizontalScrollBar().maximum() == 0
