"""The bundle's Qt trimming applies to the Linux and the Windows layout of PySide6."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "qt_trim", Path(__file__).resolve().parents[2] / "installer" / "qt_trim.py"
)
assert _spec and _spec.loader
qt_trim = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qt_trim)

LINUX = {
    "PySide6/Qt/plugins/platforms/libqxcb.so": True,
    "PySide6/Qt/plugins/platforms/libqoffscreen.so": True,
    "PySide6/Qt/plugins/platforms/libqwayland.so": False,
    "PySide6/Qt/plugins/imageformats/libqico.so": True,
    "PySide6/Qt/plugins/imageformats/libqjpeg.so": False,
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so": False,
    "PySide6/Qt/plugins/tls/libqopensslbackend.so": False,
    "PySide6/Qt/translations/qtbase_ru.qm": True,
    "PySide6/Qt/translations/qtbase_de.qm": False,
    "PySide6/Qt/translations/qtwebengine_ru.qm": False,
    "PySide6/Qt/lib/libQt6Core.so.6": True,
    "PySide6/Qt/lib/libQt6Quick.so.6": False,
    "PySide6/Qt/qml/QtQuick/qmldir": False,
}
WINDOWS = {
    "PySide6\\plugins\\platforms\\qwindows.dll": True,
    "PySide6/plugins/platforms/qdirect2d.dll": False,
    "PySide6/plugins/styles/qmodernwindowsstyle.dll": True,
    "PySide6/plugins/imageformats/qico.dll": True,
    "PySide6/plugins/imageformats/qsvg.dll": False,
    "PySide6/plugins/iconengines/qsvgicon.dll": False,
    "PySide6/plugins/tls/qschannelbackend.dll": False,
    "PySide6/plugins/networkinformation/qnetworklistmanager.dll": False,
    "PySide6/plugins/generic/qtuiotouchplugin.dll": False,
    "PySide6/translations/qtbase_kk.qm": True,
    "PySide6/translations/qtbase_ru.qm": True,
    "PySide6/translations/qt_ru.qm": False,
    "PySide6/translations/qtbase_uk.qm": False,
    "PySide6/translations/qtmultimedia_ru.qm": False,
    "PySide6/Qt6Core.dll": True,
    "PySide6/Qt6PdfWidgets.dll": True,
    "PySide6/Qt6Network.dll": False,
    "PySide6/Qt6Svg.dll": False,
    "PySide6/Qt6Quick.dll": False,
    "PySide6/qml/QtQuick/qmldir": False,
    "PySide6/QtCore.pyd": True,
    "reportlab/fonts/Vera.ttf": True,
}


@pytest.mark.parametrize(("dest", "kept"), [*LINUX.items(), *WINDOWS.items()])
def test_trimming(dest: str, kept: bool) -> None:
    assert qt_trim.keep(dest) is kept


def test_cups_only_on_request() -> None:
    cups = "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"
    assert qt_trim.keep(cups, with_cups=True)
    assert not qt_trim.keep(cups)
