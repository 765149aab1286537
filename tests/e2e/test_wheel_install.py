"""A built wheel, installed into a fresh virtual environment, works on its own: the
resources travel inside the package, the self-test passes and ``demo`` fills a database.

The wheel is built from a copy of the sources (what a clone holds); the fresh venv gets
only the wheel, and sees the already installed dependencies through a path entry (no
download in a test).  Runs from a folder outside the source tree, so nothing can be
found in the checkout by accident.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _run(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, encoding="utf-8", timeout=600, check=False,
                          **kw)  # type: ignore[call-overload,no-any-return]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "civicdesk", src / "civicdesk",
                    ignore=shutil.ignore_patterns("__pycache__", "*.qm", "fonts"))
    out = tmp_path_factory.mktemp("wheel")
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "--no-index", str(src), "-w", str(out)], cwd=src)
    assert done.returncode == 0, done.stdout + done.stderr
    (whl,) = out.glob("civicdesk-*.whl")
    return whl


def test_the_wheel_carries_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "civicdesk"
    for sub in ("resources", "db/migrations"):
        for f in (src / sub).rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".qm", ".pyc"):
                assert f"civicdesk/{f.relative_to(src).as_posix()}" in names, f
    assert not any(n.startswith(("tests/", "bench/", "installer/")) for n in names)


def test_installed_wheel_self_test_and_demo(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    assert _run([sys.executable, "-m", "venv", "--without-pip", str(venv)]).returncode == 0
    bindir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    py = bindir / ("python.exe" if sys.platform == "win32" else "python")
    done = _run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                 "--no-index", str(wheel)])
    assert done.returncode == 0, done.stdout + done.stderr
    site = Path(_run([str(py), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
                .stdout.strip())
    # the dependencies already installed here, as a plain path (no .pth of theirs runs,
    # so an editable install of the checkout stays out of sight)
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (site / "zz_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(CIVICDESK_DATA_DIR=str(tmp_path / "data"))
    where = _run([str(py), "-c", "import civicdesk; print(civicdesk.__file__)"],
                 env=env, cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout + where.stderr
    exe = bindir / ("civicdesk.exe" if sys.platform == "win32" else "civicdesk")
    done = _run([str(exe), "--lang", "ru", "--self-test"], env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "[ERR]" not in done.stdout
    done = _run([str(exe), "--data-dir", str(tmp_path / "demo"), "--lang", "kk", "demo",
                 "--consultations", "50"], env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Демо дерекқор дайын" in done.stdout
