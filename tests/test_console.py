"""civicdesk.console: console output never fails, whatever the stream's code page.

Runs on Linux and under the Windows Python (scripts/windows.sh).  On Windows a pipe
or file is switched to UTF-8; elsewhere the stream keeps its encoding and a character
it cannot hold becomes "?".
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from civicdesk import console

KAZAKH = "Қазақ тілі: әғқңөұүһі"
RUSSIAN = "Русский: ёжщ"
WINDOWS = sys.platform == "win32"


def _stream(encoding: str) -> tuple[io.BytesIO, io.TextIOWrapper]:
    raw = io.BytesIO()
    return raw, io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="\n")


@pytest.mark.parametrize("encoding", ["cp1251", "cp1252", "ascii", "utf-8"])
def test_any_text_to_any_code_page(encoding: str) -> None:
    raw, target = _stream(encoding)
    with pytest.raises(UnicodeEncodeError):
        target.write(KAZAKH if encoding != "utf-8" else "\ud800")
    raw, target = _stream(encoding)
    out = console.wrap(target)
    assert out is not None
    print(KAZAKH, file=out)
    print(RUSSIAN, file=out)
    out.flush()
    text = raw.getvalue()
    if WINDOWS or encoding == "utf-8":
        assert text.decode("utf-8") == f"{KAZAKH}\n{RUSSIAN}\n"
    else:
        # the code page's own letters stay, the others become "?" (no transliteration)
        got = text.decode(encoding)
        assert got == f"{KAZAKH}\n{RUSSIAN}\n".encode(encoding, "replace").decode(encoding)
        if encoding == "cp1251":
            assert RUSSIAN in got and "?аза? тілі" in got


class _FixedCodePage(io.TextIOBase):
    """A stream that can be neither reconfigured nor given text its code page lacks."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "cp1252"

    def write(self, text: str) -> int:
        text.encode("cp1252")
        self.parts.append(text)
        return len(text)


def test_a_stream_that_cannot_switch_gets_question_marks() -> None:
    target = _FixedCodePage()
    out = console.wrap(target)  # type: ignore[arg-type]
    assert out is not None
    assert out.write("Ok: " + KAZAKH) == len("Ok: " + KAZAKH)
    assert "".join(target.parts).startswith("Ok: ")
    assert "?" in "".join(target.parts)


class _Closed(io.TextIOBase):
    encoding = "utf-8"  # type: ignore[assignment]

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_does_not_fail_the_command() -> None:
    out = console.wrap(_Closed())  # type: ignore[arg-type]
    assert out is not None
    print(KAZAKH, file=out)
    out.flush()


def test_install_wraps_once_and_keeps_no_stream_as_none(monkeypatch: pytest.MonkeyPatch) -> None:
    _raw, target = _stream("cp1251")
    monkeypatch.setattr(sys, "stdout", target)
    monkeypatch.setattr(sys, "stderr", None)
    console.install()
    first = sys.stdout
    assert isinstance(first, console.ConsoleText)
    console.install()
    assert sys.stdout is first
    assert sys.stderr is None


def _cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "civicdesk", *args], capture_output=True, env=env, cwd=cwd,
        timeout=300, check=False,
    )


@pytest.mark.parametrize("encoding", ["cp1251", "cp1252"])
def test_cli_on_a_windows_code_page_pipe(tmp_path: Path, encoding: str) -> None:
    """Python's choice on a Windows pipe is the ANSI code page: imitate it anywhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(
        PYTHONIOENCODING=f"{encoding}:strict", CIVICDESK_DATA_DIR=str(tmp_path / "data"),
        PYTHONPATH=str(Path(console.__file__).resolve().parent.parent),
    )
    for args in (["--lang", "kk", "print", "templates"], ["--lang", "ru", "print", "templates"],
                 ["--help"], ["--lang", "kk", "demo", "--consultations", "0"]):
        done = _cli(*args, env=env, cwd=tmp_path)
        report = (done.stdout + done.stderr).decode("utf-8" if WINDOWS else encoding, "replace")
        assert "Traceback" not in report, report
        assert done.returncode == (2 if "demo" in args else 0), report
        if "templates" in args:
            assert done.stdout.count(b"\n") >= 6, report
