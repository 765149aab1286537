"""The Qt for Python build the app runs on must not corrupt the interpreter.

PySide6 6.12.0 took one reference from ``True`` on every signal emitted from Python;
after some thousands of emits (a long working day) the interpreter aborts with
"bool_dealloc", losing whatever the consultant was typing.  pyproject.toml keeps the
app below 6.12 until a fixed release is tried; this test fails on a build that leaks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    number = Signal(int)
    flag = Signal(bool)
    text = Signal(str)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    got: list[object] = []
    emitter.number.connect(got.append)
    emitter.flag.connect(got.append)
    emitter.text.connect(got.append)
    true_before, false_before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(500):
        emitter.number.emit(i)
        emitter.flag.emit(bool(i % 2))
        emitter.text.emit("қазақша")
    got.clear()
    # A leaking build loses one reference per emit (1,500 here); a sound one may hold
    # on to the last value it passed, nothing more.
    assert abs(sys.getrefcount(True) - true_before) <= 2
    assert abs(sys.getrefcount(False) - false_before) <= 2
