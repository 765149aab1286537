"""Kazakh letters are drawn as letters, not as boxes: the app's font has every letter of
the Kazakh alphabet, and the sign-in window draws them.  Run under Windows Python too
(scripts/windows.sh), where Qt's offscreen platform has no fonts at all."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from civicdesk.printing.fonts import font_files
from civicdesk.ui.app import register_fonts
from civicdesk.ui.env import UiEnv
from civicdesk.ui.login import LoginDialog

#: the letters Kazakh has beyond Russian, capital and small
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
#: a private-use code point no font of the app has: drawn as the "missing glyph" box
NO_GLYPH = "\ue000"


def draw(text: str, font: QFont) -> QImage:
    metrics = QFontMetrics(font)
    image = QImage(metrics.horizontalAdvance(text) + 8, metrics.height() + 8,
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(4, 4 + metrics.ascent(), text)
    painter.end()
    return image


def inked(image: QImage) -> bool:
    white = QColor("white").rgb()
    return any(image.pixel(x, y) != white
               for y in range(image.height()) for x in range(image.width()))


def assert_drawn(font: QFont) -> None:
    """Every Kazakh letter leaves ink and looks unlike the missing-glyph box (a font
    without the letters draws them all as that same box)."""
    box = draw(NO_GLYPH, font)
    as_boxes = [ch for ch in KAZAKH_LETTERS if draw(ch, font) == box]
    blank = [ch for ch in KAZAKH_LETTERS if not inked(draw(ch, font))]
    assert not as_boxes, f"drawn as missing-glyph boxes in {font.family()!r}: {as_boxes}"
    assert not blank, f"nothing drawn in {font.family()!r}: {blank}"
    shapes = {bytes(draw(ch, font).bits()) for ch in "әғқңөұүһі"}
    assert len(shapes) == 9, "different Kazakh letters drawn alike"


def test_the_app_font_has_every_kazakh_letter(qapp: object) -> None:
    family = register_fonts(font_files())  # as the app does at start (ui.app.prepare)
    assert family
    metrics = QFontMetrics(QFont(family))
    missing = [ch for ch in KAZAKH_LETTERS if not metrics.inFontUcs4(ord(ch))]
    assert not missing, f"{family} lacks {missing}"
    assert not metrics.inFontUcs4(ord(NO_GLYPH))  # the check above can fail
    assert_drawn(QFont(family, 12))


def test_the_sign_in_window_draws_kazakh(qtbot: QtBot, ui_env: UiEnv) -> None:
    dialog = LoginDialog(ui_env)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert ui_env.runner.wait_idle(5000)
    labels = [w for w in dialog.findChildren(QLabel)
              if w.isVisible() and any(ch in w.text() for ch in KAZAKH_LETTERS)]
    assert labels, "the sign-in window shows no Kazakh text"
    for label in labels:
        assert_drawn(label.font())
