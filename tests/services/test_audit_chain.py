"""Finding 3: the audit log is a hash chain per device; ``civicdesk check`` finds an
entry changed, removed or put in afterwards.

Before, anyone with the database file could rewrite or delete audit rows unseen.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from datetime import date
from pathlib import Path

from civicdesk.db.engine import DB_FILE_NAME
from civicdesk.domain.enums import Sex
from civicdesk.services.admin import check_database, make_backup, restore_backup
from civicdesk.services.app import CivicApp
from civicdesk.services.audit_chain import GENESIS
from civicdesk.services.base import Context
from civicdesk.services.residents import (
    ResidentInput,
    create_resident,
    erase_resident,
    update_resident,
)


def _chain_problems(folder: Path) -> list[str]:
    results = check_database(folder / DB_FILE_NAME)
    chain = [r for r in results if "аудит" in r.name.text("ru").lower()]
    assert len(chain) == 1
    return chain[0].problems


def _some_entries(ctx: Context) -> str:
    data = ResidentInput(
        full_name="Айгүл Серікқызы", sex=Sex.FEMALE, birth_year=1985, phone="8 701 123 45 67",
        consent_date=date(2025, 1, 10), consent_purposes=["consultation"],
    )
    # called more than once per test: the same person again is meant, not a slip
    rid = create_resident(ctx, data, allow_similar=True).id
    update_resident(ctx, rid, ResidentInput(**{**data.__dict__, "notes": "Көші-қон сұрағы"}))
    create_resident(
        ctx, ResidentInput(**{**data.__dict__, "full_name": "Ерлан Бекұлы"}), allow_similar=True
    )
    return rid


def _sql(folder: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    con.execute(sql, params)
    con.commit()
    con.close()


def _entries(folder: Path) -> list[tuple[str, int, str, str]]:
    con = sqlite3.connect(folder / DB_FILE_NAME)
    rows = con.execute(
        "SELECT id, chain_seq, prev_hash, entry_hash FROM audit_log "
        "WHERE chain_device IS NOT NULL ORDER BY chain_seq"
    ).fetchall()
    con.close()
    return rows


def test_entries_are_chained_and_the_check_passes(app: CivicApp, ctx: Context) -> None:
    _some_entries(ctx)
    rows = _entries(app.data_dir)
    assert len(rows) >= 4
    assert rows[0][2] == GENESIS or rows[0][1] > 1
    for prev, row in itertools.pairwise(rows):
        assert row[1] == prev[1] + 1 and row[2] == prev[3]
    assert _chain_problems(app.data_dir) == []


def test_changed_values_are_found(app: CivicApp, ctx: Context) -> None:
    _some_entries(ctx)
    target = _entries(app.data_dir)[-2][0]
    _sql(app.data_dir, "UPDATE audit_log SET after = ? WHERE id = ?",
         json.dumps({"full_name": "Басқа адам"}), target)
    problems = _chain_problems(app.data_dir)
    assert any(target in p and "values" in p for p in problems)


def test_changed_author_is_found(app: CivicApp, ctx: Context) -> None:
    _some_entries(ctx)
    target = _entries(app.data_dir)[-1][0]
    _sql(app.data_dir, "UPDATE audit_log SET user_name = 'Біреу' WHERE id = ?", target)
    assert any(target in p and "changed" in p for p in _chain_problems(app.data_dir))


def test_removed_entry_is_found(app: CivicApp, ctx: Context) -> None:
    _some_entries(ctx)
    target = _entries(app.data_dir)[-2][0]
    _sql(app.data_dir, "DELETE FROM audit_log WHERE id = ?", target)
    problems = _chain_problems(app.data_dir)
    assert any("missing" in p for p in problems)


def test_rehashed_forgery_is_found_by_the_next_link(app: CivicApp, ctx: Context) -> None:
    """Changing an entry and recomputing its own hash still breaks the next one's link."""
    from civicdesk.services.audit_chain import entry_hash, values_hash

    _some_entries(ctx)
    con = sqlite3.connect(app.data_dir / DB_FILE_NAME)
    con.row_factory = sqlite3.Row
    row = dict(con.execute(
        "SELECT * FROM audit_log WHERE chain_device IS NOT NULL ORDER BY chain_seq DESC "
        "LIMIT 1 OFFSET 1"
    ).fetchone())
    row["user_name"] = "Біреу"
    row["values_hash"] = values_hash(row["before"], row["after"])
    forged = entry_hash(row)
    con.execute("UPDATE audit_log SET user_name = ?, entry_hash = ? WHERE id = ?",
                ("Біреу", forged, row["id"]))
    con.commit()
    con.close()
    assert any("does not follow" in p for p in _chain_problems(app.data_dir))


def test_erasure_keeps_the_chain_valid(app: CivicApp, ctx: Context) -> None:
    rid = _some_entries(ctx)
    erase_resident(ctx, rid)
    assert _chain_problems(app.data_dir) == []
    raw = (app.data_dir / DB_FILE_NAME).read_bytes()
    assert raw  # the check above ran on the erased entries


def test_restore_starts_a_new_chain(app: CivicApp, ctx: Context, tmp_path: Path) -> None:
    _some_entries(ctx)
    backup = make_backup(app.data_dir, tmp_path / "b.sqlite3")
    _some_entries(ctx)
    con = sqlite3.connect(app.data_dir / DB_FILE_NAME)
    before = {d for (d,) in con.execute("SELECT DISTINCT chain_device FROM audit_log "
                                        "WHERE chain_device IS NOT NULL")}
    con.close()
    app.close()
    restore_backup(app.data_dir, backup)
    again = CivicApp(app.data_dir)
    try:
        _some_entries(again.context(ctx.actor))
        con = sqlite3.connect(again.data_dir / DB_FILE_NAME)
        after = {d for (d,) in con.execute("SELECT DISTINCT chain_device FROM audit_log "
                                           "WHERE chain_device IS NOT NULL")}
        con.close()
        assert len(after - before) == 1
        assert _chain_problems(again.data_dir) == []
    finally:
        again.close()
