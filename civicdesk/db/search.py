"""Full-text search (SQLite FTS5) over residents and consultations.

Contentless FTS5 tables keyed by the base table's rowid, filled by triggers, so raw SQL
writes are indexed too. The unicode61 tokenizer folds case for every Kazakh and Russian
letter; it does not fold ё/е, so the triggers (and ``fts_query`` for the search words)
replace ё with е. Deleted (soft-deleted) and erased records leave the index.

A consultation's document holds its own text and who and where it was about: the
resident's name, IIN and phone (with their endings as words, so the last digits find
them) and the settlement's kk and ru names. One MATCH then finds «әсем бюджет».
Triggers on residents and settlements re-index their consultations when a name, IIN or
phone changes, so each document always equals what its rows say now; that is what a
contentless table needs to delete a document.
"""

from __future__ import annotations

from sqlalchemy import Connection

TOKENIZER = "unicode61 remove_diacritics 2"

# Tables with a search index, in the order they are rebuilt.
SEARCH_TABLES: tuple[str, ...] = ("residents", "consultations")


def _fold(expr: str) -> str:
    return f"replace(replace({expr}, 'ё', 'е'), 'Ё', 'Е')"


def _tails(expr: str, first: int, last: int) -> str:
    """The endings of a run of digits as separate words, so its last digits find it.

    ``substr(x, k)`` for k in first..last: an IIN ``900101300008`` is also indexed as
    ``00101300008`` ... ``0008``; a phone ``+77011234567`` as ``7011234567`` ... ``4567``.
    """
    return " || ' ' || ".join(f"coalesce(substr({expr}, {k}), '')" for k in range(first, last + 1))


def _person(r: str) -> str:
    """Who a resident is, as searched: name, IIN, phone and their endings."""
    return (
        f"coalesce({r}.full_name,'') || ' ' || coalesce({r}.iin,'') || ' ' || "
        + _tails(f"{r}.iin", 2, 9)
        + f" || ' ' || coalesce({r}.phone,'') || ' ' || "
        + _tails(f"{r}.phone", 3, 9)
    )


def _place(st: str) -> str:
    return f"coalesce({st}.name_kk,'') || ' ' || coalesce({st}.name_ru,'')"


def _live_person(r: str) -> str:
    return f"{r}.deleted = 0 AND {r}.erased_at IS NULL"


def _person_of(c: str) -> str:
    return (
        f"coalesce((SELECT {_person('p')} FROM residents p WHERE p.id = {c}.resident_id "
        f"AND {_live_person('p')}), '')"
    )


def _place_of(c: str) -> str:
    return f"coalesce((SELECT {_place('st')} FROM settlements st WHERE st.id = {c}.settlement_id), '')"


def _consultation_doc(c: str, person: str | None = None, place: str | None = None) -> str:
    return (
        f"coalesce({c}.question,'') || ' ' || coalesce({c}.advice,'') || ' ' || "
        f"coalesce({c}.legal_refs,'') || ' ' || coalesce({c}.referral_to,'') || ' ' || "
        f"{person if person is not None else _person_of(c)} || ' ' || "
        f"{place if place is not None else _place_of(c)}"
    )


# table -> {FTS column: SQL building its text from the row called ``r``}
INDEXED: dict[str, dict[str, str]] = {
    # "body" is who the person is; "notes" only the residents list searches.
    "residents": {"body": _person("{r}"), "notes": "coalesce({r}.notes,'')"},
    "consultations": {"body": _consultation_doc("{r}")},
}

# Rows of another table whose text is part of a consultation's document:
# table -> (the consultations column linking to it, its part of the document, live check)
LINKED: dict[str, tuple[str, str, str]] = {
    "residents": ("resident_id", _person("{r}"), _live_person("{r}")),
    "settlements": ("settlement_id", _place("{r}"), "1"),
}


# The columns each index reads: update triggers fire only when one of them is set, so a
# write of other columns (sync's ``rev``, ``server_seq``, ``hlc``) costs no re-indexing.
WATCHED: dict[str, tuple[str, ...]] = {
    "residents": ("full_name", "iin", "phone", "notes", "deleted", "erased_at"),
    "consultations": (
        "question", "advice", "legal_refs", "referral_to", "resident_id", "settlement_id",
        "deleted",
    ),
    "settlements": ("name_kk", "name_ru"),
}
LINK_WATCHED: dict[str, tuple[str, ...]] = {
    "residents": ("full_name", "iin", "phone", "deleted", "erased_at"),
    "settlements": ("name_kk", "name_ru"),
}


def _of(columns: tuple[str, ...]) -> str:
    return "OF " + ", ".join(columns) + " "


def _live(table: str, r: str) -> str:
    return f"{r}.deleted = 0" + (f" AND {r}.erased_at IS NULL" if table == "residents" else "")


def _columns(table: str) -> str:
    return ", ".join(INDEXED[table])


def _values(table: str, r: str) -> str:
    return ", ".join(_fold(expr.replace("{r}", r)) for expr in INDEXED[table].values())


def fts_table(table: str) -> str:
    return f"{table}_fts"


def _linked_ddl(parent: str) -> list[str]:
    """Triggers on ``parent`` that re-index the consultations it is part of."""
    link, part, live = LINKED[parent]

    def part_of(r: str) -> str:
        return f"(CASE WHEN {live.replace('{r}', r)} THEN {part.replace('{r}', r)} ELSE '' END)"

    def doc(c: str, p: str) -> str:
        if parent == "residents":
            return _fold(_consultation_doc(c, person=p))
        return _fold(_consultation_doc(c, place=p))

    def reindex(old: str | None, new: str | None, key: str) -> str:
        stmts = []
        if old is not None:
            stmts.append(
                f"  INSERT INTO consultations_fts(consultations_fts, rowid, body) "
                f"SELECT 'delete', c.rowid, {doc('c', old)} FROM consultations c "
                f"WHERE c.{link} = {key}.id AND c.deleted = 0;"
            )
        if new is not None:
            stmts.append(
                f"  INSERT INTO consultations_fts(rowid, body) "
                f"SELECT c.rowid, {doc('c', new)} FROM consultations c "
                f"WHERE c.{link} = {key}.id AND c.deleted = 0;"
            )
        return "\n".join(stmts)

    return [
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_link_ins_{parent} AFTER INSERT ON {parent}
WHEN {part_of("NEW")} != ''
BEGIN
{reindex("''", part_of("NEW"), "NEW")}
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_link_del_{parent} AFTER DELETE ON {parent}
WHEN {part_of("OLD")} != ''
BEGIN
{reindex(part_of("OLD"), "''", "OLD")}
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_link_upd_{parent} AFTER UPDATE \
{_of(LINK_WATCHED[parent])}ON {parent}
WHEN {part_of("OLD")} IS NOT {part_of("NEW")}
BEGIN
{reindex(part_of("OLD"), part_of("NEW"), "NEW")}
END""",
    ]


def fts_ddl(table: str) -> list[str]:
    fts = fts_table(table)
    cols = _columns(table)
    new, old = _values(table, "NEW"), _values(table, "OLD")
    ddl = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5("
        f"{cols}, content='', tokenize='{TOKENIZER}')",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_ins_{table} AFTER INSERT ON {table}
WHEN {_live(table, "NEW")}
BEGIN
  INSERT INTO {fts}(rowid, {cols}) VALUES (NEW.rowid, {new});
END""",
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_del_{table} AFTER DELETE ON {table}
WHEN {_live(table, "OLD")}
BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', OLD.rowid, {old});
END""",
        # One trigger, so the old document is deleted before the new one is added:
        # SQLite fires separate triggers newest first, and a delete after the insert
        # would take out every word the two versions share.
        f"""CREATE TRIGGER IF NOT EXISTS trg_fts_upd_{table} AFTER UPDATE {_of(WATCHED[table])}\
ON {table}
BEGIN
  INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', OLD.rowid, {old}
    WHERE {_live(table, "OLD")};
  INSERT INTO {fts}(rowid, {cols}) SELECT NEW.rowid, {new} WHERE {_live(table, "NEW")};
END""",
    ]
    if table == "consultations":
        for parent in LINKED:
            ddl += _linked_ddl(parent)
    return ddl


def drop_triggers_sql(table: str) -> list[str]:
    out = [f"DROP TRIGGER IF EXISTS trg_fts_{suffix}_{table}"
           for suffix in ("ins", "del", "upd", "upd_del", "upd_ins")]
    if table == "consultations":
        out += [f"DROP TRIGGER IF EXISTS trg_fts_link_{suffix}_{parent}"
                for parent in LINKED for suffix in ("ins", "del", "upd")]
    return out


def rebuild_sql(table: str) -> list[str]:
    """Statements that drop the index of ``table`` and fill it again from the rows."""
    return [
        *drop_triggers_sql(table),
        f"DROP TABLE IF EXISTS {fts_table(table)}",
        *fts_ddl(table),
        f"INSERT INTO {fts_table(table)}(rowid, {_columns(table)}) "
        f"SELECT rowid, {_values(table, table)} FROM {table} WHERE {_live(table, table)}",
    ]


def drop_fts_triggers(conn: Connection, table: str) -> None:
    for statement in drop_triggers_sql(table):
        conn.exec_driver_sql(statement)


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
    result = conn.exec_driver_sql(
        f"INSERT INTO {fts_table(table)}(rowid, {_columns(table)}) "
        f"SELECT rowid, {_values(table, table)} FROM {table} WHERE {_live(table, table)}"
    )
    return result.rowcount or 0
