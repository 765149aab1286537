"""Tab moves between fields: plain-text boxes do not swallow it (Ctrl+Tab types a tab
character when one is really wanted), and the topic list does not stand between the
main topic and the question; when the list has the focus, it shows it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from civicdesk.ui.consultation_dialog import ConsultationDialog
from civicdesk.ui.env import UiEnv
from civicdesk.ui.refs import load_refs


def _dialog(qtbot: QtBot, env: UiEnv) -> ConsultationDialog:
    refs = load_refs(env.ctx())
    d = ConsultationDialog(env, refs)
    # typed text makes the form ask before it closes; the test has no one to answer
    qtbot.addWidget(d, before_close_func=lambda w: setattr(w, "_dirty", False))
    d.show()
    qtbot.waitExposed(d)
    return d


def _focus(qtbot: QtBot, w: QWidget) -> None:
    w.activateWindow()
    w.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w)


def test_tab_leaves_the_question_box_and_types_nothing(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = _dialog(qtbot, ui_env)
    _focus(qtbot, d.question)
    qtbot.keyClicks(d.question, "abc")
    qtbot.keyClick(d.question, Qt.Key.Key_Tab)
    assert "\t" not in d.question.toPlainText()
    assert QApplication.focusWidget() is d.advice
    qtbot.keyClick(d.advice, Qt.Key.Key_Tab)
    assert "\t" not in d.advice.toPlainText()
    assert QApplication.focusWidget() is not d.advice
    assert d.collect().question == "abc"


def test_ctrl_tab_types_a_tab_character(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = _dialog(qtbot, ui_env)
    _focus(qtbot, d.advice)
    qtbot.keyClicks(d.advice, "a")
    qtbot.keyClick(d.advice, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(d.advice, "b")
    assert d.advice.toPlainText() == "a\tb"
    assert QApplication.focusWidget() is d.advice


def test_tab_from_the_main_topic_goes_to_the_question(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = _dialog(qtbot, ui_env)
    _focus(qtbot, d.topic)
    qtbot.keyClick(d.topic, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is d.question


def test_topic_list_shows_where_the_focus_is(qtbot: QtBot, ui_env: UiEnv) -> None:
    d = _dialog(qtbot, ui_env)
    assert d.more_topics.count() > 3
    _focus(qtbot, d.question)
    before = d.more_topics.grab().toImage()
    _focus(qtbot, d.more_topics)
    assert d.more_topics.currentRow() == 0  # the keyboard has an item to act on
    after = d.more_topics.grab().toImage()
    assert before != after  # the focus is drawn
    qtbot.keyClick(d.more_topics, Qt.Key.Key_Space)
    assert d.more_topics.item(0).checkState() == Qt.CheckState.Checked
    qtbot.keyClick(d.more_topics, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not d.more_topics  # one stop, not fourteen


def test_a_text_box_a_page_adds_later_behaves_the_same(qtbot: QtBot, ui_env: UiEnv) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from civicdesk.ui.mainwindow import MainWindow

    w = MainWindow(ui_env)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    page = w.show_page("consultations")
    box = QPlainTextEdit(page)  # as a booklet's "add section" does
    box.show()
    _focus(qtbot, box)
    qtbot.keyClicks(box, "x")
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert box.toPlainText() == "x"
    assert QApplication.focusWidget() is not box
