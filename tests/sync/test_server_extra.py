"""The head-office server's stack is the optional "server" extra: a center PC's install
carries none of it, and civicdesk-server says what to install instead of failing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVER = ("fastapi", "uvicorn", "psycopg")


def _names(reqs: list[str]) -> set[str]:
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower() for r in reqs}


def test_server_stack_is_an_extra() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert not _names(project["dependencies"]) & set(SERVER)
    assert _names(extras["server"]) >= set(SERVER)
    assert "civicdesk[server]" in extras["dev"]


def test_without_the_extra_the_server_command_says_what_to_install(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "for m in ('fastapi', 'uvicorn', 'psycopg'): sys.modules[m] = None\n"
        "from civicdesk.sync.server.cli import main\n"
        f"raise SystemExit(main(['--db', 'sqlite:///{(tmp_path / 's.db').as_posix()}', 'centers']))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, encoding="utf-8",
                          env=env, cwd=tmp_path, timeout=120, check=False)
    assert done.returncode == 2, done.stderr
    assert "pip install 'civicdesk[server]'" in done.stderr
    assert "Traceback" not in done.stderr
    for name in SERVER:
        assert name in done.stderr
