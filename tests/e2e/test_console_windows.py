"""The command line on Windows code pages, output to a pipe and to a file.

Windows only (scripts/windows.sh runs it under the Windows Python in Wine once per code
page: 1251 Russian, 1252 English, 65001 UTF-8, and sets CIVICDESK_EXPECT_ACP so that a
run on the wrong code page fails).  Python writes a pipe or a file in the ANSI code
page, where Kazakh letters (and, on 1252, all of Cyrillic) do not exist; the commands
must still finish with their own exit code and write readable UTF-8.  The real-console
case needs a terminal and is checked by scripts/windows.sh (step "console").
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform != "win32", reason="Windows code pages")


def _acp() -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetACP())  # type: ignore[attr-defined]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return env


def _run(args: list[str], sink: str, tmp: Path) -> tuple[int, bytes]:
    cmd = [sys.executable, "-m", "civicdesk", *args]
    if sink == "pipe":
        done = subprocess.run(cmd, capture_output=True, env=_env(), cwd=tmp, timeout=300,
                              check=False)
        return done.returncode, done.stdout + done.stderr
    out = tmp / "out.txt"
    with out.open("wb") as f:
        code = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, env=_env(), cwd=tmp,
                              timeout=300, check=False).returncode
    return code, out.read_bytes()


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    code, out = _run(["--data-dir", str(folder), "--lang", "kk", "demo", "--consultations", "40"],
                     "pipe", folder)
    assert code == 0, out.decode("utf-8", "replace")
    return folder


def test_the_code_page_is_the_one_asked_for(tmp_path: Path) -> None:
    want = os.environ.get("CIVICDESK_EXPECT_ACP")
    if want:
        assert _acp() == int(want)
    # what Python would use for a pipe without our fix: the ANSI code page
    done = subprocess.run([sys.executable, "-c", "import sys; print(sys.stdout.encoding)"],
                          capture_output=True, env=_env(), cwd=tmp_path, check=True, timeout=60)
    expected = "utf-8" if _acp() == 65001 else f"cp{_acp()}"
    assert done.stdout.decode().strip() == expected


@pytest.mark.parametrize("sink", ["pipe", "file"])
def test_kazakh_check_report(demo_dir: Path, tmp_path: Path, sink: str) -> None:
    code, out = _run(["--data-dir", str(demo_dir), "--lang", "kk", "check"], sink, tmp_path)
    text = out.decode("utf-8")
    assert code == 0, text
    assert "Дерекқор дұрыс." in text


@pytest.mark.parametrize("sink", ["pipe", "file"])
def test_template_list_in_russian(tmp_path: Path, sink: str) -> None:
    code, out = _run(["--lang", "ru", "print", "templates"], sink, tmp_path)
    text = out.decode("utf-8")
    assert code == 0, text
    assert "medical-standards\t" in text
    assert any(ch in text for ch in "әғқңөұүһі"), text  # the Kazakh titles


@pytest.mark.parametrize("sink", ["pipe", "file"])
def test_refusal_in_both_languages(tmp_path: Path, sink: str) -> None:
    for lang, words in (("kk", "Кеңестер саны"), ("ru", "Число консультаций")):
        code, out = _run(["--data-dir", str(tmp_path / "d"), "--lang", lang, "demo",
                          "--consultations", "0"], sink, tmp_path)
        text = out.decode("utf-8")
        assert code == 2, text
        assert words in text and "Traceback" not in text


def test_self_test_in_kazakh_to_a_file(tmp_path: Path) -> None:
    code, out = _run(["--lang", "kk", "--self-test"], "file", tmp_path)
    text = out.decode("utf-8")
    assert code == 0, text
    assert "Өзін-өзі тексеру сәтті өтті." in text
