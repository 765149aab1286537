"""Daily backup: one a day, rotation, the second folder, and the restore summary."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from civicdesk.db.engine import DB_FILE_NAME, head_revision
from civicdesk.domain.errors import UserError
from civicdesk.services.admin import restore_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.backups import (
    BackupPolicy,
    back_up_now,
    daily_name,
    default_folder,
    device_tag,
    list_backups,
    load_policy,
    run_daily_backup,
    save_policy,
)
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput, create_resident

DAY = datetime(2025, 3, 14, 9, 0)


def _resident(ctx: Context, name: str) -> None:
    create_resident(ctx, ResidentInput(full_name=name, consent_date=date(2025, 3, 1),
                                       consent_purposes=["consultation"]))


def _residents_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return int(con.execute("SELECT count(*) FROM residents WHERE deleted = 0").fetchone()[0])


def test_default_policy_and_round_trip(app: CivicApp, tmp_path: Path) -> None:
    policy = load_policy(app)
    assert policy == BackupPolicy()
    assert policy.main_folder(app.data_dir) == app.data_dir / "backups" / "daily"
    wanted = BackupPolicy(folder=tmp_path / "b", keep=3, second_folder=tmp_path / "usb")
    save_policy(app, wanted, app.admin_actor())
    assert load_policy(app) == wanted


def test_policy_refuses_bad_values(app: CivicApp, tmp_path: Path) -> None:
    with pytest.raises(UserError) as err:
        save_policy(app, BackupPolicy(keep=0), app.admin_actor())
    assert err.value.field == "keep"
    with pytest.raises(UserError):
        save_policy(app, BackupPolicy(second_folder=default_folder(app.data_dir)), app.admin_actor())
    assert load_policy(app) == BackupPolicy()


def test_one_backup_per_day(app: CivicApp, ctx: Context) -> None:
    _resident(ctx, "Айгүл Сейітова")
    first = run_daily_backup(app, now=DAY)
    assert first is not None and first.made
    assert first.path == default_folder(app.data_dir) / daily_name(
        date(2025, 3, 14), device_tag(app), 1)
    assert _residents_in(first.path) == 1
    stamp = first.path.stat().st_mtime_ns

    _resident(ctx, "Ержан Төлеуов")
    assert run_daily_backup(app, now=DAY.replace(hour=17)) is None
    assert first.path.stat().st_mtime_ns == stamp, "the day's backup is not redone"
    assert _residents_in(first.path) == 1

    nxt = run_daily_backup(app, now=DAY + timedelta(days=1))
    assert nxt is not None and nxt.made
    assert nxt.path.name == daily_name(date(2025, 3, 15), device_tag(app), 2)
    assert _residents_in(nxt.path) == 2


def test_rotation_keeps_n_and_never_deletes_foreign_files(app: CivicApp) -> None:
    save_policy(app, BackupPolicy(keep=3), app.admin_actor())
    folder = default_folder(app.data_dir)
    folder.mkdir(parents=True)
    foreign = [folder / "notes.txt", folder / "civicdesk-2020-01-01.sqlite3.bak",
               folder / "civicdesk-old.sqlite3", folder / "my-civicdesk-2020-01-02.sqlite3"]
    for f in foreign:
        f.write_text("not ours")
    removed: list[Path] = []
    for i in range(6):
        result = run_daily_backup(app, now=DAY + timedelta(days=i))
        assert result is not None
        removed += result.removed
    tag = device_tag(app)
    left = sorted(p.name for p in folder.glob("civicdesk-????-??-??-*.sqlite3"))
    assert left == [daily_name(date(2025, 3, d), tag, d - 13) for d in (17, 18, 19)]
    assert sorted(p.name for p in removed) == [
        daily_name(date(2025, 3, d), tag, d - 13) for d in (14, 15, 16)]
    assert all(f.read_text() == "not ours" for f in foreign)


def test_copy_to_second_folder_with_its_own_rotation(app: CivicApp, tmp_path: Path) -> None:
    usb = tmp_path / "usb" / "CivicDesk"
    usb.mkdir(parents=True)
    main = tmp_path / "main"
    save_policy(app, BackupPolicy(folder=main, keep=2, second_folder=usb), app.admin_actor())
    for i in range(3):
        result = run_daily_backup(app, now=DAY + timedelta(days=i))
        assert result is not None and result.second_problem is None
        assert result.second_copy == usb / result.path.name
        assert result.path.parent == main
    tag = device_tag(app)
    for folder in (main, usb):
        assert sorted(p.name for p in folder.iterdir()) == [
            daily_name(date(2025, 3, 15), tag, 2), daily_name(date(2025, 3, 16), tag, 3)
        ]
    assert not (app.data_dir / "backups" / "daily").exists()
    assert run_daily_backup(app, now=DAY + timedelta(days=2, hours=5)) is None


def test_unplugged_second_folder_is_reported_not_raised(app: CivicApp, tmp_path: Path) -> None:
    usb = tmp_path / "stick" / "CivicDesk"  # the stick is not plugged in
    save_policy(app, BackupPolicy(second_folder=usb), app.admin_actor())
    result = run_daily_backup(app, now=DAY)
    assert result is not None and result.made and result.path.is_file()
    assert result.second_copy is None
    assert result.second_problem is not None
    assert result.second_problem.code == "backup.second_missing"
    assert str(usb) in result.second_problem.text("kk")
    assert "флешка" in result.second_problem.text("ru")
    assert not usb.exists(), "nothing is written in place of a missing stick"

    # plugged in later the same day: today's backup is copied, not made again
    usb.mkdir(parents=True)
    later = run_daily_backup(app, now=DAY.replace(hour=15))
    assert later is not None and not later.made
    assert later.second_copy == usb / result.path.name and later.second_copy.is_file()
    assert run_daily_backup(app, now=DAY.replace(hour=16)) is None


def test_second_folder_that_cannot_be_written_is_reported(app: CivicApp, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    name = daily_name(DAY.date(), device_tag(app), 1)
    (usb / name).mkdir()  # stands in the way of the copy
    (usb / (name + ".part")).mkdir()
    save_policy(app, BackupPolicy(second_folder=usb), app.admin_actor())
    result = run_daily_backup(app, now=DAY)
    assert result is not None and result.path.is_file()
    assert result.second_copy is None and result.second_problem is not None


def test_list_backups_and_restore_summary(app: CivicApp, ctx: Context, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    save_policy(app, BackupPolicy(second_folder=usb), app.admin_actor())
    _resident(ctx, "Айгүл Сейітова")
    _resident(ctx, "Ольга Ким")
    made = run_daily_backup(app, now=DAY)
    assert made is not None
    (default_folder(app.data_dir) / "civicdesk-2025-03-13.sqlite3").write_bytes(b"garbage")
    # and one that is a database with a damaged page, which SQLite itself trips over
    malformed = bytearray(made.path.read_bytes())
    malformed[4096:8192] = b"\xee" * 4096
    (default_folder(app.data_dir) / "civicdesk-2025-03-12.sqlite3").write_bytes(malformed)

    entries = list_backups(app)
    by_kind = {(e.kind, e.path.name): e for e in entries}
    daily = by_kind[("daily", made.path.name)]
    assert ("second", made.path.name) in by_kind
    assert daily.revision == head_revision()
    assert daily.counts["residents"] == 2
    assert daily.last_change is not None
    assert daily.size > 0 and daily.problem is None
    assert abs((daily.made_at - datetime.now()).total_seconds()) < 120
    daily = by_kind[("daily", made.path.name)]
    broken = by_kind[("daily", "civicdesk-2025-03-13.sqlite3")]
    assert broken.summary is None and broken.problem is not None
    damaged = by_kind[("daily", "civicdesk-2025-03-12.sqlite3")]
    assert damaged.summary is None and damaged.problem is not None
    assert "civicdesk-2025-03-12.sqlite3" in damaged.problem.text("ru")

    _resident(ctx, "Ержан Төлеуов")
    data_dir = app.data_dir
    app.close()
    summary, kept = restore_backup(data_dir, daily.path)
    assert summary.counts["residents"] == 2
    assert kept is not None and _residents_in(kept) == 3
    assert _residents_in(data_dir / DB_FILE_NAME) == 2
    reopened = CivicApp(data_dir)
    try:
        kinds = {e.kind for e in list_backups(reopened)}
        assert {"daily", "second", "before-restore"} <= kinds
    finally:
        reopened.close()


# --------------------------------------------------------------- honest daily backups


def test_clock_set_back_never_deletes_the_backup_just_made(app: CivicApp, ctx: Context) -> None:
    """After a power cut the CMOS clock says 2000: the new backup is the newest one
    (by sequence), so the rotation keeps it and deletes the oldest real one."""
    save_policy(app, BackupPolicy(keep=2), app.admin_actor())
    for i in range(2):
        assert run_daily_backup(app, now=DAY + timedelta(days=i)) is not None
    _resident(ctx, "Жаңа Адам")
    result = run_daily_backup(app, now=datetime(2000, 1, 1, 9, 0))
    assert result is not None and result.made
    assert result.path.is_file() and result.path not in result.removed
    assert _residents_in(result.path) == 1
    left = sorted(p.name for p in default_folder(app.data_dir).iterdir())
    assert len(left) == 2 and result.path.name in left
    assert not any("2025-03-14" in name for name in left)  # the oldest made went
    # the next run on the wrong clock does not think "already made" from an old file
    assert run_daily_backup(app, now=datetime(2000, 1, 1, 17, 0)) is None


def test_shared_stick_keeps_each_pcs_own_file(app: CivicApp, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    # another PC wrote today's backup to the same stick (same day, other device)
    other = usb / daily_name(DAY.date(), "0therpc0", 1)
    other.write_bytes(b"the other PC's backup")
    save_policy(app, BackupPolicy(second_folder=usb, keep=1), app.admin_actor())
    result = run_daily_backup(app, now=DAY)
    assert result is not None and result.second_problem is None
    assert result.second_copy is not None and result.second_copy != other
    assert result.second_copy.read_bytes() == result.path.read_bytes()
    assert other.read_bytes() == b"the other PC's backup"  # never rotated away by us
    run_daily_backup(app, now=DAY + timedelta(days=1))
    assert other.exists()


def test_manual_backups_never_replace_each_other(app: CivicApp) -> None:
    first, _ = back_up_now(app, now=DAY)
    second, _ = back_up_now(app, now=DAY)
    assert first != second and first.is_file() and second.is_file()
    assert first.read_bytes()[18:20] == b"\x01\x01"  # single file, rollback journal


def test_sequence_survives_a_restore_of_an_older_setting(app: CivicApp, tmp_path: Path) -> None:
    first = run_daily_backup(app, now=DAY)
    assert first is not None
    data_dir = app.data_dir
    app.close()
    restore_backup(data_dir, first.path)  # the restored settings say sequence 0
    reopened = CivicApp(data_dir)
    try:
        nxt = run_daily_backup(reopened, now=DAY + timedelta(days=1))
        assert nxt is not None and nxt.made and nxt.path != first.path
        assert first.path.is_file()
    finally:
        reopened.close()


def test_failure_to_write_the_main_folder_is_a_message(app: CivicApp, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    save_policy(app, BackupPolicy(folder=blocker / "daily"), app.admin_actor())
    with pytest.raises(UserError) as caught:
        run_daily_backup(app, now=DAY)
    for lang in ("ru", "kk"):
        text = caught.value.text(lang)  # type: ignore[arg-type]
        assert text and str(blocker) in text
        assert not any(w in text for w in ("directory", "No such", "Errno", "exists"))
    assert not list(tmp_path.rglob("*.part"))
