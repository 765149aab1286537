"""Which tables sync, who owns them, which columns never travel."""

from __future__ import annotations

from typing import Any

from civicdesk.db.models import REFERENCE_TABLES, SYNCED_MODELS


def table_name(model: type[Any]) -> str:
    return str(model.__tablename__)


SYNCED_TABLES: tuple[str, ...] = tuple(table_name(m) for m in SYNCED_MODELS)
KNOWN_TABLES: frozenset[str] = frozenset(SYNCED_TABLES)
# Columns never sent to another node (e.g. users.password_hash).
EXCLUDED_COLUMNS: dict[str, frozenset[str]] = {
    table_name(m): m.__sync_exclude__ for m in SYNCED_MODELS if m.__sync_exclude__
}
# Owned by head office; centers only pull these.
REFERENCE: frozenset[str] = REFERENCE_TABLES
# A center writes only its own rows; head office may also edit these of any center.
# (settlements: head office merges a center's settlement into the official one)
SHARED_EDIT_TABLES: frozenset[str] = frozenset(
    {"grant_applications", "budget_lines", "settlements"})
# Sync bookkeeping carried beside the data, not inside it.
NOT_DATA: frozenset[str] = frozenset({"id", "rev", "server_seq", "hlc"})
