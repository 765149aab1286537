"""Stored Kazakh sort keys (civicdesk.domain.collation) of the names lists sort by.

A list sorted by name in SQL orders by the key column, which has an index, so the first
page of 100k rows is read in index order. The key is derived, never synced: every node
computes it when a row is written here (ORM events), pulled (the sync client) or
bulk-inserted (the demo), and ``fill_sort_keys`` fills a table after a migration.
Short lists sorted by a name without a key column use ``kk_order``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, event, func
from sqlalchemy.orm import Mapper

from civicdesk.domain.collation import collation_key

# table -> {key column: name column}
SORT_KEYS: dict[str, dict[str, str]] = {
    "residents": {"sort_name": "full_name"},
    "users": {"sort_name": "full_name"},
    "settlements": {"sort_name": "name_kk"},
}

# Tables whose keys came with a later migration (which fills them itself); apart from
# SORT_KEYS because the 0007_kk and 0009_kk migrations walk SORT_KEYS at their revision.
LATER_SORT_KEYS: dict[str, dict[str, str]] = {
    "volunteers": {"sort_name": "full_name"},
    "volunteer_orgs": {"sort_name": "name"},
}


def _keys_of(table: str) -> dict[str, str]:
    return SORT_KEYS.get(table) or LATER_SORT_KEYS.get(table, {})


def kk_order(column: Any) -> Any:
    """An ORDER BY term in Kazakh alphabetical order for a name that has no stored key
    (computed per row by the ``kk_key`` function every connection registers, so keep it
    to short lists: meetings, seminars, a report's rows)."""
    return func.kk_key(column)


def sort_keys_for(table: str, values: dict[str, Any]) -> dict[str, str]:
    """The key columns of a row about to be written, from its name columns."""
    return {
        key: collation_key(values[name])
        for key, name in _keys_of(table).items()
        if name in values
    }


def fill_sort_keys(conn: Connection, table: str) -> int:
    """Compute every row's keys again (after a migration, a restore or a repair)."""
    n = 0
    for key, name in _keys_of(table).items():
        rows = conn.exec_driver_sql(f"SELECT id, {name} FROM {table}").all()
        if not rows:
            continue
        conn.exec_driver_sql(
            f"UPDATE {table} SET {key} = ? WHERE id = ?",
            [(collation_key(value), row_id) for row_id, value in rows],
        )
        n += len(rows)
    return n


def _set_keys(_mapper: Mapper[Any], _conn: Connection, target: Any) -> None:
    for key, name in _keys_of(target.__tablename__).items():
        setattr(target, key, collation_key(getattr(target, name)))


def install_events(*models: type[Any]) -> None:
    for model in models:
        event.listen(model, "before_insert", _set_keys)
        event.listen(model, "before_update", _set_keys)
