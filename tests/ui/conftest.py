"""UI tests run without a display; Qt must see the platform before it is imported."""

from __future__ import annotations

import os
import sys

# offscreen, except on Windows (no fonts there: see tests/conftest.py)
os.environ["QT_QPA_PLATFORM"] = "windows" if sys.platform == "win32" else "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from collections.abc import Iterator

import pytest

from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor


class BugCollector:
    def __init__(self) -> None:
        self.bugs: list[tuple[BaseException, str]] = []
        self.user_errors: list[BaseException] = []


@pytest.fixture()
def bugs() -> BugCollector:
    return BugCollector()


@pytest.fixture()
def runner(qapp: object, bugs: BugCollector) -> Iterator[object]:
    from civicdesk.ui.tasks import TaskRunner

    r = TaskRunner()
    r.bug_handler = lambda exc, tb: bugs.bugs.append((exc, tb))
    r.user_error_handler = bugs.user_errors.append
    yield r
    r.wait_idle(5000)
    r.shutdown()
    assert not bugs.bugs, "".join(tb for _e, tb in bugs.bugs)


@pytest.fixture()
def ui_env(app: CivicApp, manager: Actor, runner: object) -> Iterator[object]:
    from civicdesk.ui import i18n
    from civicdesk.ui.env import UiEnv
    from civicdesk.ui.tasks import TaskRunner

    assert isinstance(runner, TaskRunner)
    i18n.ensure_compiled()
    i18n.install("kk")
    env = UiEnv(app=app, runner=runner, actor=manager, lang="kk")
    yield env
    runner.wait_idle(5000)
    i18n.install("kk")


@pytest.fixture(autouse=True)
def _kazakh_after_each_test(qapp: object) -> Iterator[None]:
    """A test may switch the language; the next one starts in Kazakh again."""
    yield
    from civicdesk.ui import i18n

    i18n.install("kk")
