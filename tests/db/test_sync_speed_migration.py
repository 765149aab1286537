"""Migration 0013_sync on a database written at 0009_kk: audit JSON becomes UTF-8 with
the same values and nothing is queued again; the search index's update triggers fire
only for the columns it reads; the outbox has its queue-order index."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from civicdesk.db.engine import DB_FILE_NAME, open_database

SAMPLES = Path(__file__).parent / "samples"


def _audit(path: Path) -> dict[str, tuple[str | None, str | None]]:
    with sqlite3.connect(path) as con:
        return {r[0]: (r[1], r[2]) for r in con.execute("SELECT id, before, after FROM audit_log")}


def test_audit_json_becomes_utf8_with_the_same_values(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE_NAME
    shutil.copy(SAMPLES / "0009_kk.sqlite3", path)
    old = _audit(path)
    escaped = [k for k, (b, a) in old.items() if "\\u" in (b or "") + (a or "")]
    assert escaped, "the sample has audit entries with Cyrillic stored as \\u escapes"
    with sqlite3.connect(path) as con:
        queued = con.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]

    open_database(path).close()

    new = _audit(path)
    assert new.keys() == old.keys()
    for key, (before, after) in new.items():
        assert "\\u04" not in (before or "") + (after or "")
        for was, now in zip(old[key], (before, after), strict=True):
            assert (was is None) == (now is None)
            if was is not None and now is not None:
                assert json.loads(was) == json.loads(now)
    assert any(len((new[k][1] or "").encode()) < len((old[k][1] or "").encode()) for k in escaped)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == queued
        plan = " ".join(str(r) for r in con.execute(
            "EXPLAIN QUERY PLAN SELECT table_name, row_id FROM sync_outbox "
            "ORDER BY queued_at, rowid LIMIT 500"))
        assert "ix_sync_outbox_queue" in plan and "TEMP B-TREE" not in plan
        trigger = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'trg_fts_upd_consultations'"
        ).fetchone()[0]
    assert "AFTER UPDATE OF question, advice" in trigger


def test_writing_rev_does_not_touch_the_search_index(tmp_path: Path) -> None:
    path = tmp_path / DB_FILE_NAME
    shutil.copy(SAMPLES / "0009_kk.sqlite3", path)
    open_database(path).close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE sync_control SET applying = 1 WHERE id = 1")
        changes = con.total_changes
        con.execute("UPDATE consultations SET rev = rev + 1")
        n = con.execute("SELECT count(*) FROM consultations").fetchone()[0]
        # only the rows themselves: no trigger wrote into the index
        assert con.total_changes - changes == n
        con.execute("UPDATE consultations SET advice = advice || ' жаңа'")
        assert con.total_changes - changes > 2 * n
