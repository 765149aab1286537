"""Which Qt files the bundle keeps: the spec's filter, as a plain module so it can be tested.

PyInstaller names Qt's files differently per platform (the PySide6 wheels differ):
Linux ``PySide6/Qt/plugins/<kind>/lib<name>.so``, ``PySide6/Qt/translations/``,
``PySide6/Qt/lib/libQt6*.so.6``; Windows ``PySide6/plugins/<kind>/<name>.dll``,
``PySide6/translations/``, ``PySide6/Qt6*.dll``.  :func:`keep` knows both.
"""

from __future__ import annotations

import re

# Qt plugins by kind; a kind not named here is dropped whole
KEEP_PLUGINS: dict[str, tuple[str, ...]] = {
    "platforms": ("qoffscreen", "qxcb", "qminimal", "qwindows"),
    "imageformats": ("qico",),
    "printsupport": (),
    "styles": ("qmodernwindowsstyle", "qwindowsvistastyle"),
}
KEEP_TRANSLATIONS = ("qtbase_kk.qm", "qtbase_ru.qm")
# Qt libraries that only unused plugins or modules need
DROP_LIBS = (
    "Qt6Quick", "Qt6Qml", "Qt6QmlModels", "Qt6QmlMeta", "Qt6QmlWorkerScript",
    "Qt6WebEngine", "Qt6Multimedia", "Qt6Network", "Qt63D", "Qt6OpenGL", "Qt6Wayland",
    "Qt6VirtualKeyboard", "Qt6Svg", "Qt6Designer", "Qt6Sql", "Qt6Charts", "Qt6Graphs",
    "Qt6ShaderTools", "Qt6Pdf_Quick", "Qt6PdfQuick",
)

_QT_DATA = re.compile(r"^PySide6/(?:Qt/)?(plugins|translations|qml|resources)/(.*)$")


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def keep(dest: str, *, with_cups: bool = False) -> bool:
    """Whether the file PyInstaller would put at ``dest`` (bundle-relative) is kept."""
    dest = _norm(dest)
    name = dest.rsplit("/", 1)[-1]
    m = _QT_DATA.match(dest)
    if m:
        area, rest = m.groups()
        if area == "translations":
            return name in KEEP_TRANSLATIONS
        if area == "qml":
            return False
        if area == "resources":
            return not rest.startswith("qtwebengine")
        kind = rest.split("/", 1)[0]
        wanted = KEEP_PLUGINS.get(kind)
        if kind == "printsupport" and with_cups:
            wanted = ("cupsprintersupport",)
        if wanted is None or "/" not in rest:
            return False
        stem = name.split(".", 1)[0].removeprefix("lib")
        return stem in wanted
    if dest.startswith("PySide6/Qt/lib/") or name.startswith(("libQt6", "Qt6")):
        base = name.removeprefix("lib").split(".", 1)[0]
        return not base.startswith(DROP_LIBS)
    return True
