"""Default file names say what the file is, in the user's language, with the date;
never English words or random letters (``minutes-nv4m3fe_.pdf``)."""

from __future__ import annotations

import re
from datetime import date

from pytestqt.qtbot import QtBot

from civicdesk.ui.common import file_name
from civicdesk.ui.env import UiEnv
from civicdesk.ui.reports import ReportsPage
from civicdesk.ui.screens_common import temp_pdf


def test_printouts_are_named_by_their_title_and_date() -> None:
    a = temp_pdf("minutes-", "Хаттама")
    b = temp_pdf("minutes-", "Хаттама")
    today = date.today().isoformat()
    assert a.name == b.name == f"Хаттама {today}.pdf"
    assert a.parent != b.parent  # two printouts never overwrite each other


def test_file_name_keeps_letters_and_drops_what_windows_refuses() -> None:
    name = file_name('Кеңестер: "Ақсу"/Өр', "xlsx", date(2026, 12, 3))
    assert name == "Кеңестер Ақсу Өр 2026-12-03.xlsx"
    assert not re.search(r'[\\/:*?"<>|]', name)


def test_report_export_is_offered_under_a_kazakh_or_russian_name(
    qtbot: QtBot, ui_env: UiEnv
) -> None:
    page = ReportsPage(ui_env)
    qtbot.addWidget(page)
    assert ui_env.runner.wait_idle(10_000)
    assert page.default_file_name("xlsx").startswith("Есеп ")
    ui_env.set_language("ru")
    qtbot.waitUntil(lambda: page.default_file_name("pdf").startswith("Отчёт "))
    assert page.default_file_name("pdf").endswith(f"{date.today().isoformat()}.pdf")
