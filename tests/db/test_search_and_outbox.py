"""Full-text search folding and the trigger-fed outbox."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from civicdesk.db.engine import Database, open_database


def _insert_resident(db: Database, rid: str, name: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO residents (id, center_id, created_at, updated_at, deleted, rev, hlc,"
                " full_name, disability, consent_purposes, notes) VALUES (:id, 'c1',"
                " '2025-01-01', '2025-01-01', 0, 1, '', :n, 0, '[]', '')"
            ),
            {"id": rid, "n": name},
        )


def _search(db: Database, match: str) -> set[str]:
    with db.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id FROM residents WHERE rowid IN (SELECT rowid FROM residents_fts "
                "WHERE residents_fts MATCH :m)"
            ),
            {"m": match},
        )
        return {r[0] for r in rows}


def test_search_folds_case_kazakh_letters_and_yo(tmp_path: Path) -> None:
    from civicdesk.domain.text import fts_query

    db = open_database(tmp_path / "s.sqlite3")
    try:
        _insert_resident(db, "a", "ӘЛИЯ Қасымқызы")
        _insert_resident(db, "b", "Пётр Семёнов")
        _insert_resident(db, "c", "Алия Касымова")
        assert _search(db, fts_query("әлия") or "") == {"a"}
        assert _search(db, fts_query("ҚАСЫМ") or "") == {"a"}  # prefix, case
        assert _search(db, fts_query("петр") or "") == {"b"}  # ё typed as е
        assert _search(db, fts_query("Семён") or "") == {"b"}  # ё typed as ё
        assert _search(db, fts_query("алия") or "") == {"c"}  # а and ә are different letters
        # a soft-deleted row leaves the index, an edit re-indexes
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE residents SET deleted = 1 WHERE id = 'c'"))
            conn.execute(text("UPDATE residents SET full_name = 'Пётр Ерлан' WHERE id = 'b'"))
        assert _search(db, fts_query("алия") or "") == set()
        assert _search(db, fts_query("семен") or "") == set()
        assert _search(db, fts_query("ерлан") or "") == {"b"}
    finally:
        db.close()


def test_outbox_captures_orm_core_and_raw_sql_writes(tmp_path: Path) -> None:
    db = open_database(tmp_path / "o.sqlite3")
    try:
        _insert_resident(db, "r1", "Дана")
        with db.engine.begin() as conn:
            row = conn.execute(text("SELECT op, changed, local_version FROM sync_outbox")).one()
            assert tuple(row) == ("upsert", "*", 1)
            conn.execute(text("DELETE FROM sync_outbox"))
            conn.execute(text("UPDATE residents SET phone = '+77011234567' WHERE id = 'r1'"))
            conn.execute(text("UPDATE residents SET notes = 'x' WHERE id = 'r1'"))
            row = conn.execute(text("SELECT op, changed, local_version FROM sync_outbox")).one()
            assert row[0] == "upsert"
            assert set(filter(None, row[1].split(","))) == {"phone", "notes"}
            assert row[2] == 2
            # applying pulled changes does not echo them back into the outbox
            conn.execute(text("DELETE FROM sync_outbox"))
            conn.execute(text("UPDATE sync_control SET applying = 1"))
            conn.execute(text("UPDATE residents SET notes = 'from server' WHERE id = 'r1'"))
            conn.execute(text("UPDATE sync_control SET applying = 0"))
            assert conn.execute(text("SELECT count(*) FROM sync_outbox")).scalar() == 0
            conn.execute(text("DELETE FROM residents WHERE id = 'r1'"))
            assert conn.execute(text("SELECT op FROM sync_outbox")).scalar() == "delete"
    finally:
        db.close()


def test_disk_full_during_a_write_loses_nothing_saved(tmp_path: Path) -> None:
    """SQLite reports a full disk as SQLITE_FULL; the app turns it into a kk/ru message."""
    import pytest

    from civicdesk.db.engine import DatabaseError

    db = open_database(tmp_path / "full.sqlite3")
    try:
        _insert_resident(db, "keep", "Сақталған Адам")
        with db.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        with pytest.raises(DatabaseError) as info, db.session() as s:
            s.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
            for i in range(2000):
                s.execute(
                    text(
                        "INSERT INTO residents (id, center_id, created_at, updated_at, deleted,"
                        " rev, hlc, full_name, disability, consent_purposes, notes) VALUES"
                        " (:id, 'c1', '2025-01-01', '2025-01-01', 0, 1, '', :n, 0, '[]', :n)"
                    ),
                    {"id": f"x{i}", "n": "Ұзын мәтін " * 50},
                )
        assert info.value.code == "db.disk_full"
        assert "орын" in info.value.text("kk") and "места" in info.value.text("ru")
        with db.engine.connect() as conn:
            names = [r[0] for r in conn.execute(text("SELECT full_name FROM residents"))]
        assert names == ["Сақталған Адам"]
    finally:
        db.close()


def test_read_only_database_gets_a_clear_message(tmp_path: Path) -> None:
    import pytest

    from civicdesk.db.engine import DatabaseError

    db = open_database(tmp_path / "ro.sqlite3")
    try:
        with pytest.raises(DatabaseError) as info, db.session() as s:
            s.connection().exec_driver_sql("PRAGMA query_only = ON")
            s.execute(text("INSERT INTO app_settings (key, value) VALUES ('a', '1')"))
        assert info.value.code == "db.read_only"
        assert info.value.text("kk") and info.value.text("ru")
    finally:
        db.close()
