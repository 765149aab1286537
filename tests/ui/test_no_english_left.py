"""No English left on a Kazakh or Russian screen: not in the app's catalogs, not on
Qt's own buttons (a Latin «OK», «Yes», «No»)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from civicdesk.ui import i18n
from civicdesk.ui.env import UiEnv

TS_DIR = Path(i18n.__file__).resolve().parent.parent / "resources" / "translations"
#: Latin words a Kazakh or Russian text may hold: names, formats, examples
ALLOWED = {"CivicDesk", "PDF", "Excel", "XLSX", "xlsx", "JSON", "json", "A4", "A5", "USB",
           "Ctrl", "https", "http", "sqlite", "db", "pdf", "civicdesk", "example", "kz",
           "ABCD", "EFGH", "JKLM", "NPQR",
           # formats and units as printed on the file or the spec sheet, and a key's label
           "QR", "CSV", "csv", "ppi", "Enter", "Tab", "Delete", "GeoJSON"}
LATIN = re.compile(r"[A-Za-z]{2,}")


@pytest.mark.parametrize("ts", sorted(TS_DIR.glob("*.ts")), ids=lambda p: p.name)
def test_translations_have_no_english_words(ts: Path) -> None:
    bad = []
    for message in ET.parse(ts).getroot().iter("message"):
        text = message.findtext("translation") or ""
        words = set(LATIN.findall(text)) - ALLOWED
        if words:
            bad.append((message.findtext("source"), sorted(words)))
    assert not bad


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_qt_buttons_speak_the_language(qtbot: QtBot, ui_env: UiEnv, lang: str) -> None:
    ui_env.set_language("kk" if lang == "kk" else "ru")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    message = QMessageBox(QMessageBox.Icon.Warning, "CivicDesk", "…",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Yes
                          | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    texts = [b.text() for b in box.buttons()] + [b.text() for b in message.buttons()]
    assert texts and all(not LATIN.search(t) for t in texts), texts
    assert "ОК" in texts  # Cyrillic О and К
