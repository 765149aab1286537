"""Full-text search (SQLite FTS5) over residents and consultations.

Contentless FTS5 tables keyed by the base table's rowid, filled by triggers, so raw SQL
writes are indexed too. The unicode61 tokenizer folds case for every Kazakh and Russian
letter; it does not fold ё/е, so the triggers (and ``fts_query`` for the search words)
replace ё with е. Deleted (soft-deleted) and erased records leave the index.
"""

from __future__ import annotations

from sqlalchemy import Connection

TOKENIZER = "unicode61 remove_diacritics 2"


def _fold(expr: str) -> str:
    return f"replace(replace({expr}, 'ё', 'е'), 'Ё', 'Е')"


# table -> SQL expression over NEW./OLD. building the indexed text
INDEXED: dict[str, str] = {
    "residents": "coalesce({r}.full_name,'') || ' ' || coalesce({r}.iin,'') || ' ' || "
    "coalesce({r}.phone,'') || ' ' || coalesce({r}.notes,'')",
    "consultations": "coalesce({r}.question,'') || ' ' || coalesce({r}.advice,'') || ' ' || "
    "coalesce({r}.legal_refs,'') || ' ' || coalesce({r}.referral_to,'')",
}


def fts_table(table: str) -> str:
    return f"{table}_fts"


def fts_ddl(table: str) -> list[str]:
    fts = fts_table(table)
    body_new = _fold(INDEXED[table].format(r="NEW"))
    body_old = _fold(INDEXED[table].format(r="OLD"))
    live_new = "NEW.deleted = 0" + (" AND NEW.erased_at IS NULL" if table == "residents" else "")
    live_old = "OLD.deleted = 0" + (" AND OLD.erased_at IS NULL" if table == "residents" else "")
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5("
        f"body, content='', tokenize='{TOKENIZER}')",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_ins_{table} AFTER INSERT ON {table}
WHEN {live_new}
BEGIN
  INSERT INTO {fts}(rowid, body) VALUES (NEW.rowid, {body_new});
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_del_{table} AFTER DELETE ON {table}
WHEN {live_old}
BEGIN
  INSERT INTO {fts}({fts}, rowid, body) VALUES ('delete', OLD.rowid, {body_old});
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_upd_del_{table} AFTER UPDATE ON {table}
WHEN {live_old}
BEGIN
  INSERT INTO {fts}({fts}, rowid, body) VALUES ('delete', OLD.rowid, {body_old});
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_upd_ins_{table} AFTER UPDATE ON {table}
WHEN {live_new}
BEGIN
  INSERT INTO {fts}(rowid, body) VALUES (NEW.rowid, {body_new});
END""",
    ]


def drop_fts_triggers(conn: Connection, table: str) -> None:
    for suffix in ("ins", "del", "upd_del", "upd_ins"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_fts_{suffix}_{table}")


def drop_fts(conn: Connection, table: str) -> None:
    drop_fts_triggers(conn, table)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts_table(table)}")


def install_fts(conn: Connection, table: str) -> None:
    for statement in fts_ddl(table):
        conn.exec_driver_sql(statement)


def rebuild_fts(conn: Connection, table: str) -> int:
    """Drop and refill the index of ``table`` (after a restore, or on repair)."""
    drop_fts(conn, table)
    install_fts(conn, table)
    live = "deleted = 0" + (" AND erased_at IS NULL" if table == "residents" else "")
    body = _fold(INDEXED[table].format(r=table))
    result = conn.exec_driver_sql(
        f"INSERT INTO {fts_table(table)}(rowid, body) "
        f"SELECT rowid, {body} FROM {table} WHERE {live}"
    )
    return result.rowcount or 0
