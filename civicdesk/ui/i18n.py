"""Translations of the interface: compile the .ts catalogs and install translators.

Source strings in the code are English (``self.tr`` / ``QCoreApplication.translate``);
civicdesk/resources/translations/ holds one pair of catalogs per area (``core_kk.ts``,
``core_ru.ts``, ``screens_kk.ts`` ...).  The compiled .qm files are not kept in git:
:func:`ensure_compiled` builds any that are missing or older than their .ts when the
app starts, so a fresh checkout works; a frozen build ships them pre-made.  Where the
package folder cannot be written (a wheel installed for all users, into Program Files
or /usr), they are compiled into the user's cache folder instead: :func:`qm_files`
finds them in either place.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from civicdesk.domain.errors import Lang
from civicdesk.paths import cache_dir, resources_dir

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


def _fresh(qm: Path, ts: Path) -> bool:
    try:
        return qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime
    except OSError:
        return False


def _cached_qm(ts: Path) -> Path:
    return cache_dir() / "translations" / ts.with_suffix(".qm").name


def compiled(ts: Path) -> Path | None:
    """The up-to-date .qm of ``ts``: beside it, or in the cache; ``None`` if neither."""
    for qm in (ts.with_suffix(".qm"), _cached_qm(ts)):
        if _fresh(qm, ts):
            return qm
    return None


def _compile(tool: Path, ts: Path, qm: Path) -> bool:
    try:
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(tool), "-silent", str(ts), "-qm", str(qm)],
            check=True, capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.info("cannot compile %s into %s: %s", ts.name, qm.parent, exc)
        return False
    return _fresh(qm, ts)


def ensure_compiled(folder: Path | None = None) -> list[Path]:
    """Compile every .ts whose .qm is missing or stale, beside it or (when that folder
    cannot be written) into the cache; returns the .qm files written.  With ``folder``
    given, only beside the .ts (a build preparing the files it ships)."""
    beside_only = folder is not None
    folder = folder or translations_dir()
    tool = lrelease_path()
    written: list[Path] = []
    for ts in sorted(folder.glob("*.ts")):
        if _fresh(ts.with_suffix(".qm"), ts) or (not beside_only and compiled(ts) is not None):
            continue
        if tool is None:
            log.warning("cannot compile %s: lrelease not found", ts.name)
            continue
        targets = [ts.with_suffix(".qm")] + ([] if beside_only else [_cached_qm(ts)])
        for qm in targets:
            if _compile(tool, ts, qm):
                written.append(qm)
                break
        else:
            log.warning("cannot compile %s", ts.name)
    return written


def qm_files(lang: Lang | None = None) -> list[Path]:
    """The compiled catalogs (of one language), wherever :func:`ensure_compiled` put them."""
    return [qm for ts in catalogs(lang) if (qm := compiled(ts)) is not None]


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
    for qm in qm_files(lang):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            _installed.append(tr)
        else:
            log.warning("cannot load translation %s", qm)
    for t in _installed:
        QCoreApplication.installTranslator(t)
