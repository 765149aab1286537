"""Shared fixtures: a set-up data folder per test, copied from one made per session."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Qt's offscreen platform has no fonts on Windows (text drawn as boxes, font warnings
# that fail the tests); there Qt's own "windows" platform draws off screen as well (also
# headless under Wine's null display driver).  Set before any test module sets a default.
if sys.platform == "win32":
    os.environ["QT_QPA_PLATFORM"] = "windows"
else:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import Role
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context

# The machine running the suite may be shared and loaded: generating inputs slowly is
# not a failure of the code under test (every property and deadline is still checked).
settings.register_profile("shared-machine", suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("shared-machine")

PASSWORD = "secret-pass-1"


@pytest.fixture(scope="session", autouse=True)
def _isolated_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep tests away from the real user folders; share one font cache per run."""
    cache = Path(os.environ.get("CIVICDESK_TEST_CACHE", "")) if os.environ.get(
        "CIVICDESK_TEST_CACHE"
    ) else tmp_path_factory.mktemp("cache")
    keys = ("CIVICDESK_CACHE_DIR", "CIVICDESK_DATA_DIR", "CIVICDESK_CREDENTIALS_FILE")
    old = {k: os.environ.get(k) for k in keys}
    os.environ["CIVICDESK_CACHE_DIR"] = str(cache)
    # the sync login goes to a file of this run, never the user's own credential store
    os.environ["CIVICDESK_CREDENTIALS_FILE"] = str(
        tmp_path_factory.mktemp("credentials") / "credentials.json"
    )
    os.environ["CIVICDESK_DATA_DIR"] = str(tmp_path_factory.mktemp("default-data"))
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def under_wine() -> bool:
    """Windows Python running under Wine (the Linux build machine's checks)."""
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")
    except OSError:
        return False


#: Qt messages that come from Wine 8.0, not from the app: Wine does not implement
#: EnableNonClientDpiScaling (title bars scaled with the screen's DPI).
WINE_QT_MESSAGES = (r"EnableNonClientDpiScaling\(\) failed for HWND",)


def pytest_configure(config: pytest.Config) -> None:
    if under_wine():
        for pattern in WINE_QT_MESSAGES:
            config.addinivalue_line("qt_log_ignore", pattern)


if sys.platform == "win32":

    @pytest.fixture(scope="session")
    def qapp(qapp: Any) -> Any:
        """On Windows the tests draw with the app's own font, as the app does at start
        (civicdesk.ui.app.prepare), not with Windows' default font, which differs from
        PC to PC (and under Wine is Wine's own)."""
        from PySide6.QtGui import QFont

        from civicdesk.printing.fonts import font_files
        from civicdesk.ui.app import register_fonts

        family = register_fonts(font_files())
        assert family, "the app's fonts could not be registered with Qt"
        font = QFont(family)
        font.setPointSize(max(qapp.font().pointSize(), 10))
        qapp.setFont(font)
        return qapp


@pytest.fixture(scope="session")
def template_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from civicdesk.services.users import setup_center

    folder = tmp_path_factory.mktemp("template")
    app = CivicApp(folder)
    setup_center(
        app,
        name_kk="Ақсу ауылының ЖӨБ дамыту орталығы",
        name_ru="Центр развития МСУ села Аксу",
        region_kato="19",
        district_id=None,
        manager_login="manager",
        manager_name="Әсел Нұрланқызы",
        manager_password=PASSWORD,
        language="kk",
    )
    app.close()
    con = sqlite3.connect(folder / DB_FILE_NAME)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return folder


@pytest.fixture()
def data_dir(template_data_dir: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    target.mkdir()
    shutil.copyfile(template_data_dir / DB_FILE_NAME, target / DB_FILE_NAME)
    return target


@pytest.fixture()
def app(data_dir: Path) -> Iterator[CivicApp]:
    civic = CivicApp(data_dir)
    yield civic
    civic.close()


@pytest.fixture()
def manager(app: CivicApp) -> Actor:
    from civicdesk.services.users import authenticate

    return authenticate(app, "manager", PASSWORD)


@pytest.fixture()
def ctx(app: CivicApp, manager: Actor) -> Context:
    return app.context(manager)


@pytest.fixture()
def consultant_ctx(app: CivicApp, ctx: Context) -> Context:
    from civicdesk.services.users import authenticate, create_user

    create_user(
        ctx, login="consultant", full_name="Қайрат Сейітов", role=Role.CONSULTANT,
        password=PASSWORD,
    )
    return app.context(authenticate(app, "consultant", PASSWORD))


@pytest.fixture()
def other_center_ctx(app: CivicApp) -> Context:
    """A manager of another center, on the same database (as at head office)."""
    return app.context(Actor("other-user", "Басқа орталық", Role.MANAGER, "other-center"))


@pytest.fixture()
def password() -> str:
    """The password of every account the fixtures make."""
    return PASSWORD
