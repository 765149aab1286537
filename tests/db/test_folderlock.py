"""One CivicDesk per data folder: the OS lock, across real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from civicdesk.db import folderlock
from civicdesk.db.engine import DB_FILE_NAME, DatabaseError, open_database

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from civicdesk.db.engine import open_database
    db = open_database(Path(sys.argv[1]))
    print("held", flush=True)
    sys.stdin.readline()
    db.close()
    """
)


def _holder(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2],
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_second_process_is_refused_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE_NAME
    proc = _holder(db)
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(db)
        assert caught.value.code == "db.in_use"
        assert "уже открыт" in caught.value.text("ru")
        assert "ашық тұр" in caught.value.text("kk")
        assert folderlock.held_elsewhere(db)
    finally:
        assert proc.stdin is not None
        proc.stdin.write("\n")
        proc.stdin.flush()
        proc.wait(timeout=30)
    # released with the process: the folder opens again
    open_database(db).close()
    assert not folderlock.held_elsewhere(db)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_lock_of_a_killed_process_does_not_block(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE_NAME
    proc = _holder(db)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    open_database(db).close()


def test_one_process_may_open_its_folder_twice(tmp_path: Path) -> None:
    db = tmp_path / DB_FILE_NAME
    first = open_database(db)
    second = open_database(db)
    second.close()
    # still held by ``first``: another process is refused
    code = subprocess.run(
        [sys.executable, "-c", HOLDER, str(db)], input="\n", capture_output=True,
        text=True, timeout=60, check=False, cwd=Path(__file__).resolve().parents[2],
    )
    assert "db.in_use" in code.stderr
    first.close()
    assert not folderlock.held_elsewhere(db)


def test_read_only_folder_gets_the_read_only_message(tmp_path: Path) -> None:
    if os.name == "nt":
        pytest.skip("a Windows folder has no write bit for chmod to clear")
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    open_database(folder / DB_FILE_NAME).close()
    (folder / (DB_FILE_NAME + ".lock")).unlink()
    folder.chmod(0o555)
    try:
        with pytest.raises(DatabaseError) as caught:
            open_database(folder / DB_FILE_NAME)
        assert caught.value.code == "db.read_only"
    finally:
        folder.chmod(0o755)


def test_windows_branch_uses_msvcrt_byte_locks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Windows path, driven through a stand-in ``msvcrt`` that behaves like the
    real one (a locked byte refuses a second non-blocking lock with EACCES)."""
    import errno
    import types

    held: dict[int, int] = {}  # locked offset -> fd
    calls: list[tuple[int, int]] = []

    def locking(fd: int, mode: int, nbytes: int) -> None:
        offset = os.lseek(fd, 0, os.SEEK_CUR)
        calls.append((mode, nbytes))
        if mode == fake.LK_NBLCK:
            if offset in held and held[offset] != fd:
                raise OSError(errno.EACCES, "locked")
            held[offset] = fd
        elif mode == fake.LK_UNLCK:
            held.pop(offset, None)

    fake = types.SimpleNamespace(LK_NBLCK=2, LK_UNLCK=0, locking=locking)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    monkeypatch.setattr(folderlock.sys, "platform", "win32")
    db = tmp_path / DB_FILE_NAME
    lock = folderlock.acquire(db)
    assert calls == [(fake.LK_NBLCK, 1)]
    # another process's attempt: a fresh descriptor on the same file is refused
    fd = os.open(folderlock.lock_path_for(db), os.O_RDWR)
    try:
        assert not folderlock._try_lock(fd)
    finally:
        os.close(fd)
    lock.release()
    assert held == {}
    folderlock.acquire(db).release()
