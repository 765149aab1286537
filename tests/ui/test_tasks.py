from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThread

from civicdesk.domain.errors import Message, UserError
from civicdesk.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp: object) -> Iterator[TaskRunner]:
    r = TaskRunner()
    bugs: list[BaseException] = []
    r.bug_handler = lambda exc, tb: bugs.append(exc)
    r.bugs = bugs  # type: ignore[attr-defined]
    yield r
    r.shutdown()


def test_result_arrives_on_gui_thread(runner: TaskRunner) -> None:
    seen: list[tuple[int, bool]] = []
    gui = QThread.currentThread()
    worker_threads: list[str] = []

    def work(a: int, b: int) -> int:
        worker_threads.append(threading.current_thread().name)
        return a + b

    runner.db(work, 2, b=3, on_done=lambda v: seen.append((v, QThread.currentThread() is gui)))
    assert runner.wait_idle(5000)
    assert seen == [(5, True)]
    assert worker_threads and worker_threads[0] != threading.main_thread().name


def test_db_tasks_run_in_order_on_one_thread(runner: TaskRunner) -> None:
    names: list[str] = []
    out: list[int] = []

    def work(i: int) -> int:
        names.append(threading.current_thread().name)
        return i

    for i in range(20):
        runner.db(work, i, on_done=out.append)
    assert runner.wait_idle(5000)
    assert out == list(range(20))
    assert len(set(names)) == 1


def test_pool_runs_work(runner: TaskRunner) -> None:
    out: list[str] = []
    runner.pool(lambda: "rendered", on_done=out.append)
    assert runner.wait_idle(5000)
    assert out == ["rendered"]


def test_user_error_goes_to_on_error(runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    done: list[object] = []

    def fail() -> None:
        raise UserError("x", Message(kk="Қате", ru="Ошибка"))

    runner.db(fail, on_done=done.append, on_error=errors.append)
    assert runner.wait_idle(5000)
    assert done == []
    assert isinstance(errors[0], UserError)
    assert errors[0].text("kk") == "Қате"


def test_user_error_without_handler_uses_default(runner: TaskRunner) -> None:
    shown: list[UserError] = []
    runner.user_error_handler = shown.append
    runner.db(lambda: (_ for _ in ()).throw(UserError("x", Message(kk="a", ru="b"))))
    assert runner.wait_idle(5000)
    assert len(shown) == 1


def test_bug_goes_to_bug_handler_not_on_error(runner: TaskRunner) -> None:
    errors: list[BaseException] = []
    finished: list[bool] = []

    def boom() -> None:
        raise ZeroDivisionError("bug")

    runner.db(boom, on_error=errors.append, on_finally=lambda: finished.append(True))
    assert runner.wait_idle(5000)
    assert errors == []
    assert finished == [True]
    assert isinstance(runner.bugs[0], ZeroDivisionError)  # type: ignore[attr-defined]


def test_cancel_before_start_skips_work(runner: TaskRunner) -> None:
    gate = threading.Event()
    ran: list[int] = []
    done: list[object] = []
    runner.db(gate.wait, 5)
    task = runner.db(lambda: ran.append(1), on_done=done.append)
    task.cancel()
    gate.set()
    assert runner.wait_idle(5000)
    assert ran == []
    assert done == []


def test_progress_and_cooperative_cancel(runner: TaskRunner) -> None:
    steps: list[tuple[int, int]] = []
    started = threading.Event()
    release = threading.Event()
    result: list[int] = []

    def long_work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
        n = 0
        for i in range(1000):
            if i == 3:
                started.set()
                release.wait(5)
            if cancelled():
                break
            progress(i + 1, 1000)
            n += 1
        return n

    task = runner.db(long_work, on_progress=lambda d, t: steps.append((d, t)),
                     on_done=result.append)
    assert started.wait(5)
    task.cancel()
    release.set()
    assert runner.wait_idle(5000)
    assert result == []  # cancelled tasks deliver nothing
    assert steps[:3] == [(1, 1000), (2, 1000), (3, 1000)]
    assert len(steps) < 1000


def test_shutdown_refuses_new_work(qapp: object) -> None:
    r = TaskRunner()
    r.shutdown()
    with pytest.raises(RuntimeError):
        r.db(lambda: 1)
