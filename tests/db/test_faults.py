"""Full disk, read-only folder, locked file: each its own message, nothing lost.

The real faults come from a small tmpfs mounted for the test (needs root, as on the
CI container; skipped elsewhere); the locked file is a second connection holding a
write transaction, as a database browser left open would.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from civicdesk.db import engine as engine_mod
from civicdesk.db.engine import DB_FILE_NAME, DatabaseError, open_database

MESSAGES = {
    "db.disk_full": ("На диске нет места", "Дискіде орын қалмады"),
    "db.read_only": ("нельзя записать", "жазу мүмкін емес"),
    "db.locked": ("занята другой программой", "басқа бағдарламамен бос емес"),
}


def _mount(size: str) -> Iterator[Path]:
    if os.name == "nt" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root on Linux")
    point = Path("/tmp") / f"civicdesk-fault-{uuid.uuid4().hex[:8]}"
    point.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        point.rmdir()
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)
        point.rmdir()


@pytest.fixture()
def small_disk() -> Iterator[Path]:
    yield from _mount("4m")  # an empty database of the current schema, its WAL and the test rows


def _assert_message(err: DatabaseError, code: str) -> None:
    assert err.code == code
    ru, kk = MESSAGES[code]
    assert ru in err.text("ru") and kk in err.text("kk")
    assert "повреждена" not in err.text("ru") and "бүлінген" not in err.text("kk")


def _fill(folder: Path) -> Path:
    """Fill the disk to the last few blocks."""
    filler = folder / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)
    return filler


def _names(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return [r[0] for r in con.execute("SELECT value FROM app_settings WHERE key LIKE 't%'")]


def test_full_disk_while_saving_is_disk_full_and_keeps_what_was_saved(
    small_disk: Path,
) -> None:
    db = open_database(small_disk / DB_FILE_NAME)
    try:
        with db.session() as s:
            s.execute(text("INSERT INTO app_settings (key, value) VALUES ('t0', '\"kept\"')"))
        filler = _fill(small_disk)
        with pytest.raises(DatabaseError) as caught:
            for i in range(1, 2000):
                with db.session() as s:
                    s.execute(text("INSERT INTO app_settings (key, value) VALUES (:k, :v)"),
                              {"k": f"t{i}", "v": '"' + "x" * 4000 + '"'})
        _assert_message(caught.value, "db.disk_full")
        filler.unlink()
        with db.session() as s:  # space freed: saving works again
            s.execute(text("INSERT INTO app_settings (key, value) VALUES ('tz', '\"after\"')"))
    finally:
        db.close()
    names = _names(small_disk / DB_FILE_NAME)
    assert '"kept"' in names and '"after"' in names


def test_full_disk_when_opening_is_not_called_corrupt(small_disk: Path) -> None:
    open_database(small_disk / DB_FILE_NAME).close()
    _fill(small_disk)
    with pytest.raises(DatabaseError) as caught:
        db = open_database(small_disk / "second.sqlite3")
        db.close()
    assert caught.value.code in ("db.disk_full",)
    _assert_message(caught.value, caught.value.code)


def test_read_only_disk_is_read_only_not_corrupt(small_disk: Path) -> None:
    db = open_database(small_disk / DB_FILE_NAME)
    db.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(DatabaseError) as caught:
        open_database(small_disk / DB_FILE_NAME)
    _assert_message(caught.value, "db.read_only")


def test_locked_file_is_locked_not_corrupt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_mod, "BUSY_TIMEOUT_MS", 300)
    db = open_database(tmp_path / DB_FILE_NAME)
    other = sqlite3.connect(tmp_path / DB_FILE_NAME, timeout=0.1)
    try:
        other.execute("BEGIN IMMEDIATE")  # a database browser holding a write
        with pytest.raises(DatabaseError) as caught, db.session() as s:
            s.execute(text("INSERT INTO app_settings (key, value) VALUES ('t1', '1')"))
        _assert_message(caught.value, "db.locked")
    finally:
        other.rollback()
        other.close()
        db.close()


def test_backup_to_a_full_stick_says_so_and_leaves_nothing(
    small_disk: Path, tmp_path: Path
) -> None:
    from civicdesk.services.restore import make_backup

    data = tmp_path / "data"
    db = open_database(data / DB_FILE_NAME)
    with db.session() as s:
        s.execute(text("INSERT INTO app_settings (key, value) VALUES ('t0', :v)"),
                  {"v": '"' + "x" * 4_500_000 + '"'})
    db.close()
    with pytest.raises(DatabaseError) as caught:
        make_backup(data, small_disk / "b.sqlite3")
    _assert_message(caught.value, "db.disk_full")
    assert sorted(p.name for p in small_disk.iterdir()) in ([], ["lost+found"])


def test_cli_output_to_a_full_or_read_only_disk_is_a_message(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from civicdesk.cli import main

    _fill(small_disk)
    code = main(["--lang", "ru", "--data-dir", str(tmp_path), "print", "form", "consent",
                 "--out", str(small_disk / "consent.pdf")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "нет места" in err and "Traceback" not in err
    assert not [p for p in small_disk.iterdir() if p.name != "filler.bin"]
    (small_disk / "filler.bin").unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code = main(["--lang", "kk", "--data-dir", str(tmp_path), "print", "form", "consent",
                 "--out", str(small_disk / "consent.pdf")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    assert "жазу мүмкін" in err or "жасау мүмкін емес" in err


@pytest.mark.parametrize("wal_header", [False, True])
def test_restore_from_a_write_protected_stick(
    small_disk: Path, tmp_path: Path, wal_header: bool
) -> None:
    """A backup on a stick mounted read-only restores, and nothing is written beside
    it — also a backup made by an older CivicDesk, still marked WAL in its header."""
    from civicdesk.services.restore import make_backup, restore_backup

    data = tmp_path / "data"
    db = open_database(data / DB_FILE_NAME)
    with db.session() as s:
        s.execute(text("INSERT INTO app_settings (key, value) VALUES ('t0', '\"stick\"')"))
    db.close()
    backup = make_backup(data, small_disk / "b.sqlite3")
    if wal_header:
        con = sqlite3.connect(backup)
        con.execute("PRAGMA journal_mode = WAL")
        con.close()
        for side in ("-wal", "-shm"):
            Path(str(backup) + side).unlink(missing_ok=True)
        assert backup.read_bytes()[18:20] == b"\x02\x02"
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = sorted(p.name for p in small_disk.iterdir())
    con = sqlite3.connect(data / DB_FILE_NAME)
    con.execute("DELETE FROM app_settings WHERE key = 't0'")
    con.commit()
    con.close()
    restore_backup(data, backup)
    assert sorted(p.name for p in small_disk.iterdir()) == before
    assert '"stick"' in _names(data / DB_FILE_NAME)


def test_restore_from_a_write_protected_stick_with_a_wal_beside_the_backup(
    small_disk: Path, tmp_path: Path
) -> None:
    """A copy taken by hand while an older CivicDesk was open: the last records are in
    the ``-wal`` beside it. Both are read (never written) and the records come back."""
    import shutil

    from civicdesk.services.restore import restore_backup

    data = tmp_path / "data"
    open_database(data / DB_FILE_NAME).close()
    source = tmp_path / "old" / "copy.sqlite3"
    source.parent.mkdir()
    shutil.copyfile(data / DB_FILE_NAME, source)
    con = sqlite3.connect(source)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("INSERT INTO app_settings (key, value) VALUES ('t0', '\"in the wal\"')")
    con.commit()
    shutil.copyfile(source, small_disk / "copy.sqlite3")
    shutil.copyfile(str(source) + "-wal", small_disk / "copy.sqlite3-wal")
    con.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    before = sorted(p.name for p in small_disk.iterdir())
    restore_backup(data, small_disk / "copy.sqlite3")
    assert sorted(p.name for p in small_disk.iterdir()) == before
    assert '"in the wal"' in _names(data / DB_FILE_NAME)
