"""``civicdesk --self-test`` passes on a good installation and names what is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from civicdesk.cli import main


def test_self_test_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test", "--lang", "ru"]) == 0
    out = capsys.readouterr().out
    assert out.count("[OK ]") == 5
    assert "Самопроверка пройдена." in out


def test_self_test_reports_missing_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CIVICDESK_RESOURCES", str(tmp_path))  # an empty resources folder
    assert main(["--self-test", "--lang", "kk"]) == 1
    out = capsys.readouterr().out
    assert "[ERR] Аудармалар" in out
    assert "[ERR] PDF басып шығару" in out
    assert "[OK ] Дерекқор схемасы" in out
