"""Restore: never loses what an open app saves, works on a destroyed database, reads
a backup without writing beside it, and never leaves search half-built."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME, DatabaseError
from civicdesk.domain.errors import UserError
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.services.restore import inspect_backup, make_backup, restore_backup

ROOT = Path(__file__).resolve().parents[2]

# A second CivicDesk (the app of a consultant) on the same data folder: it opens the
# folder, waits, then saves a resident when told to and says so.
OTHER_APP = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from civicdesk.services.app import CivicApp
    from civicdesk.services.residents import ResidentInput, create_resident
    app = CivicApp(Path(sys.argv[1]))
    print("open", flush=True)
    sys.stdin.readline()
    create_resident(app.admin_context("ru"), ResidentInput(
        full_name="Сохранённая После", consent_date=date(2025, 3, 1),
        consent_purposes=["consultation"]))
    print("saved", flush=True)
    app.close()
    """
)


def _resident(ctx: Context, name: str) -> None:
    create_resident(ctx, ResidentInput(full_name=name, consent_date=date(2025, 3, 1),
                                       consent_purposes=["consultation"]))


def _names(path: Path) -> set[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return {r[0] for r in con.execute("SELECT full_name FROM residents WHERE deleted = 0")}


def _search(path: Path, word: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return int(con.execute(
            "SELECT count(*) FROM residents_fts WHERE residents_fts MATCH ?", (word,)
        ).fetchone()[0])


def test_restore_while_another_app_is_open_is_refused_and_nothing_is_lost(
    app: CivicApp, ctx: Context, tmp_path: Path
) -> None:
    _resident(ctx, "Бұрынғы Тұрғын")
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    data_dir = app.data_dir
    app.close()
    other = subprocess.Popen(
        [sys.executable, "-c", OTHER_APP, str(data_dir)], cwd=ROOT, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )
    assert other.stdout is not None and other.stdin is not None
    try:
        assert other.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseError) as caught:
            restore_backup(data_dir, backup)
        assert caught.value.code == "db.in_use"
        other.stdin.write("go\n")
        other.stdin.flush()
        assert other.stdout.readline().strip() == "saved"
    finally:
        other.wait(timeout=60)
    assert other.returncode == 0
    # what the other app said it saved is in the live database
    assert "Сохранённая После" in _names(data_dir / DB_FILE_NAME)
    # and once it is closed, the restore goes through and keeps it in the copy aside
    summary, kept = restore_backup(data_dir, backup)
    assert kept is not None and "Сохранённая После" in _names(kept)
    assert "Сохранённая После" not in _names(data_dir / DB_FILE_NAME)
    assert summary.counts["residents"] == 1


def test_restore_from_the_running_app_keeps_its_later_saves(
    app: CivicApp, ctx: Context, tmp_path: Path
) -> None:
    """The Backups page restores inside the app's own process: the app's connections
    must see the restored file, not write on into a replaced one."""
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    _resident(ctx, "Кейін Жойылатын")
    restore_backup(app.data_dir, backup)
    _resident(ctx, "Қалпына Келтірілгеннен Кейін")
    names = _names(app.data_dir / DB_FILE_NAME)
    assert "Қалпына Келтірілгеннен Кейін" in names
    assert "Кейін Жойылатын" not in names


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty"])
def test_restore_works_when_the_current_database_is_destroyed(
    app: CivicApp, ctx: Context, tmp_path: Path, damage: str
) -> None:
    _resident(ctx, "Сақталған Адам")
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    data_dir = app.data_dir
    app.close()
    live = data_dir / DB_FILE_NAME
    original = live.read_bytes()
    bad = {"truncated": original[: len(original) // 3], "garbage": b"\x00junk" * 999,
           "empty": b""}[damage]
    live.write_bytes(bad)
    summary, kept = restore_backup(data_dir, backup)
    assert kept is not None and kept.name.startswith("before-restore-damaged-")
    assert kept.read_bytes() == bad  # the damaged file is kept aside, as it was
    assert "Сақталған Адам" in _names(live)
    assert summary.counts["residents"] >= 1
    CivicApp(data_dir).close()


def test_restore_from_write_protected_media_writes_nothing_beside_it(
    app: CivicApp, ctx: Context, tmp_path: Path
) -> None:
    _resident(ctx, "Флешкадағы Адам")
    stick = tmp_path / "stick"
    backup = make_backup(app.data_dir, stick / "b.sqlite3")
    with open(backup, "rb") as fh:
        header = fh.read(20)
    assert header[18:20] == b"\x01\x01", "a backup must be a rollback-journal file, not WAL"
    data_dir = app.data_dir
    app.close()
    os.chmod(backup, 0o444)
    os.chmod(stick, 0o555)
    try:
        before = sorted(p.name for p in stick.iterdir())
        restore_backup(data_dir, backup)
        assert sorted(p.name for p in stick.iterdir()) == before == ["b.sqlite3"]
    finally:
        os.chmod(stick, 0o755)
    assert "Флешкадағы Адам" in _names(data_dir / DB_FILE_NAME)


def test_interrupted_restore_leaves_data_and_search_as_they_were(
    app: CivicApp, ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _resident(ctx, "Іздеуде Болатын")
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    data_dir = app.data_dir
    app.close()
    from civicdesk.db import search

    real = search.rebuild_fts
    calls = {"n": 0}

    def power_cut(conn: object, table: str) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process stops half-way through the rebuild
        return real(conn, table)  # type: ignore[arg-type]

    monkeypatch.setattr(search, "rebuild_fts", power_cut)
    live = data_dir / DB_FILE_NAME
    assert _search(live, "іздеуде") == 1
    with pytest.raises(KeyboardInterrupt):
        restore_backup(data_dir, backup)
    assert _search(live, "іздеуде") == 1
    assert sorted(p.name for p in data_dir.iterdir() if ".restoring" in p.name) == []


def test_damaged_backup_is_refused_with_a_message(app: CivicApp, tmp_path: Path) -> None:
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    data = bytearray(backup.read_bytes())
    data[4096 * 2: 4096 * 2 + 200] = b"\xff" * 200  # a damaged page in the middle
    backup.write_bytes(bytes(data))
    with pytest.raises(UserError) as caught:
        inspect_backup(backup)
    assert caught.value.code in ("restore.damaged", "restore.not_ours")
    with pytest.raises(UserError):
        restore_backup(app.data_dir, backup)


def test_backup_in_a_folder_with_kazakh_letters_spaces_and_hash(
    app: CivicApp, ctx: Context, tmp_path: Path
) -> None:
    _resident(ctx, "Әліби Ұлықпан")
    # "?" is a legal file-name character on Linux only
    folder = tmp_path / ("Көшірмелер № 1 #2 %20" + ("" if os.name == "nt" else " ?"))
    backup = make_backup(app.data_dir, folder / "сақтық көшірме.sqlite3")
    assert inspect_backup(backup).counts["residents"] == 1
    data_dir = app.data_dir
    app.close()
    restore_backup(data_dir, backup)
    assert "Әліби Ұлықпан" in _names(data_dir / DB_FILE_NAME)
