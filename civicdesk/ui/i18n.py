"""Translations of the interface: compile the .ts catalogs and install translators.

Source strings in the code are English (``self.tr`` / ``QCoreApplication.translate``);
civicdesk/resources/translations/ holds one pair of catalogs per area (``core_kk.ts``,
``core_ru.ts``, ``screens_kk.ts`` ...).  The compiled .qm files are not kept in git:
:func:`ensure_compiled` builds any that are missing or older than their .ts when the
app starts, so a fresh checkout works; a frozen build ships them pre-made.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from civicdesk.domain.errors import Lang
from civicdesk.paths import resources_dir

log = logging.getLogger(__name__)

LOCALES: dict[Lang, str] = {"kk": "kk_KZ", "ru": "ru_KZ"}

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def lrelease_path() -> Path | None:
    exe = Path(PySide6.__file__).parent / "lrelease"
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return candidate
    return None


def catalogs(lang: Lang | None = None) -> list[Path]:
    pattern = f"*_{lang}.ts" if lang else "*.ts"
    return sorted(translations_dir().glob(pattern))


def ensure_compiled(folder: Path | None = None) -> list[Path]:
    """Compile every .ts whose .qm is missing or stale; returns the .qm files written."""
    folder = folder or translations_dir()
    tool = lrelease_path()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        if tool is None:
            log.warning("cannot compile %s: lrelease not found", ts.name)
            continue
        try:
            subprocess.run(
                [str(tool), "-silent", str(ts), "-qm", str(qm)],
                check=True, capture_output=True, timeout=60,
            )
            written.append(qm)
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("cannot compile %s: %s", ts.name, exc)
    return written


def install(lang: Lang) -> None:
    """Replace the installed translators with those of ``lang`` and set the locale.

    Installing a translator sends a LanguageChange event to every widget, which
    re-translates itself in ``changeEvent``.
    """
    app = QCoreApplication.instance()
    QLocale.setDefault(QLocale(LOCALES[lang]))
    if app is None:
        return
    for t in _installed:
        QCoreApplication.removeTranslator(t)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{lang}", qt_dir):
        _installed.append(qt_base)
    for qm in sorted(translations_dir().glob(f"*_{lang}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            _installed.append(tr)
        else:
            log.warning("cannot load translation %s", qm)
    for t in _installed:
        QCoreApplication.installTranslator(t)
