"""Opening databases: migration chain, refusals that leave the file untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from civicdesk.db.engine import (
    DatabaseError,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    make_engine,
    open_database,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    finally:
        db.close()


def _revisions_in_order() -> list[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


@pytest.mark.parametrize("start", _revisions_in_order()[:-1])
def test_upgrade_from_every_earlier_revision_keeps_data(tmp_path: Path, start: str) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, start)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO residents (id, center_id, created_at, updated_at, deleted, rev, hlc,"
                " full_name, disability, consent_purposes, notes) VALUES ('r1', 'c1',"
                " '2025-01-01 10:00:00', '2025-01-01 10:00:00', 0, 1, '', 'Ерлан Ёлкин', 0,"
                " '[]', '')"
            )
        )
    engine.dispose()
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.backup_made is not None and db.backup_made.exists()
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT full_name FROM residents")).scalar() == "Ерлан Ёлкин"
            # the search index covers rows written before it existed
            hit = conn.execute(
                text("SELECT count(*) FROM residents_fts WHERE residents_fts MATCH 'елкин'")
            ).scalar()
            assert hit == 1
    finally:
        db.close()
    # the backup is a database at the old revision
    old = sqlite3.connect(db.backup_made)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == start
    old.close()


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = _digest(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert info.value.code == "db.too_new"
    assert "жаңарақ" in info.value.text("kk") and "новой" in info.value.text("ru")
    assert _digest(path) == before
    assert "9999_future" not in known_revisions()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes("Бұл дерекқор емес, just text\n".encode() * 50)
    before = _digest(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert info.value.code == "db.not_sqlite"
    assert info.value.text("kk") and info.value.text("ru")
    assert _digest(path) == before


def test_a_truncated_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cut.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    before = _digest(path)
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert info.value.code in {"db.truncated", "db.corrupt"}
    assert _digest(path) == before


def test_a_corrupt_page_is_reported_in_both_languages(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite3"
    open_database(path).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    # scribble over the schema page after the 100-byte header
    raw[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseError) as info:
        open_database(path)
    assert info.value.code == "db.corrupt"
    assert "бүлінген" in info.value.text("kk")
    assert "повреждена" in info.value.text("ru")


def test_schema_version_constant_is_the_migration_head() -> None:
    from civicdesk.db.schema_version import HEAD

    assert head_revision() == HEAD


# --------------------------------------------------------------- interrupted upgrades


def _schema(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as con:
        return sorted(con.execute("SELECT name, coalesce(sql, '') FROM sqlite_master"))


def _old_database(path: Path) -> str:
    start = _revisions_in_order()[0]
    engine = make_engine(path)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, start)
    engine.dispose()
    return start


def test_an_upgrade_that_fails_half_way_leaves_the_old_schema(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    start = _old_database(path)
    before = _schema(path)
    real = command.upgrade

    def cut(cfg: object, rev: str) -> None:
        real(cfg, rev)  # every migration's DDL has run ...
        raise KeyboardInterrupt  # ... and then the power goes

    monkeypatch.setattr(command, "upgrade", cut)
    with pytest.raises(KeyboardInterrupt):
        open_database(path)
    assert _schema(path) == before
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == start
    monkeypatch.setattr(command, "upgrade", real)
    db = open_database(path)  # the next start upgrades cleanly
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_repeated_interrupted_upgrades_keep_one_before_upgrade_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    start = _old_database(path)
    # a copy left by a start interrupted yesterday
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / f"before-upgrade-{start}-20250101-080000.sqlite3").write_bytes(
        path.read_bytes())
    real = command.upgrade

    def cut(cfg: object, rev: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(command, "upgrade", cut)
    for _ in range(3):
        with pytest.raises(KeyboardInterrupt):
            open_database(path)
    monkeypatch.setattr(command, "upgrade", real)
    open_database(path).close()
    copies = list((tmp_path / "backups").glob("before-upgrade-*.sqlite3"))
    assert len(copies) == 1
    assert not list((tmp_path / "backups").glob("*.part"))


def test_no_upgrade_while_another_process_holds_the_folder(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "civicdesk.sqlite3"
    _old_database(path)
    before = _digest(path)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys\nfrom civicdesk.db import folderlock\nfrom pathlib import Path\n"
         "lock = folderlock.acquire(Path(sys.argv[1]))\nprint('held', flush=True)\n"
         "sys.stdin.readline()\n", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(DatabaseError) as caught:
            open_database(path)
        assert caught.value.code == "db.in_use"
        assert _digest(path) == before
        assert not (tmp_path / "backups").exists()
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
