"""The audit log as a hash chain per device, and its check.

Every entry written on a PC gets the next number of that PC's chain (``chain_seq``),
the previous entry's hash (``prev_hash``; 64 zeros for the first), the hash of its
before/after values (``values_hash``) and its own hash (``entry_hash``) over all of
these and its fields. An entry changed, removed or inserted afterwards — on the PC, on
the server or at head office — breaks the chain, and ``civicdesk check`` (here:
``chain_problems``) names where. Head office receives every center's entries with their
chains and checks them the same way.

The chain's id is kept in ``app_settings`` (``audit_chain_id``) and is renewed after a
restore, so a restored PC starts a new chain instead of forking its old one.

Erasure on request blanks a person's values in earlier entries; such an entry carries
``"_erased": true`` in its values (``"_withheld": true`` where head office did not
receive them), and then only its values hash is not compared (its entry hash and links
still are).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from civicdesk.db.models import AuditEntry, Setting
from civicdesk.domain.audit_hash import GENESIS, as_stored, entry_hash, values_hash
from civicdesk.domain.ids import new_id

CHAIN_KEY = "audit_chain_id"
ERASED_MARK = "_erased"
#: values head office does not receive (civicdesk/sync/server/minimise.py)
WITHHELD_MARK = "_withheld"


def chain_id(session: Session) -> str:
    row = session.get(Setting, CHAIN_KEY)
    if row is None or not isinstance(row.value, str):
        value = new_id()
        if row is None:
            session.add(Setting(key=CHAIN_KEY, value=value))
        else:
            row.value = value
        return value
    return row.value


def link(session: Session, entry: AuditEntry) -> None:
    """Give a new entry (all other fields set) its place and hashes in this PC's chain."""
    device = chain_id(session)
    head = session.execute(
        select(AuditEntry.chain_seq, AuditEntry.entry_hash)
        .where(AuditEntry.chain_device == device)
        .order_by(AuditEntry.chain_seq.desc())
        .limit(1)
    ).first()
    if not entry.id:
        entry.id = new_id()
    entry.chain_device = device
    entry.chain_seq = (int(head[0] or 0) + 1) if head else 1
    entry.prev_hash = head[1] if head else GENESIS
    entry.values_hash = values_hash(entry.before, entry.after)
    entry.entry_hash = entry_hash(
        {
            "id": entry.id, "center_id": entry.center_id, "at": entry.at,
            "user_id": entry.user_id, "user_name": entry.user_name, "action": entry.action,
            "entity": entry.entity, "entity_id": entry.entity_id,
            "chain_device": device, "chain_seq": entry.chain_seq,
            "prev_hash": entry.prev_hash, "values_hash": entry.values_hash,
        }
    )


def mark_erased(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """Values after an erasure blanked a person in them (see the module's note)."""
    if values is None:
        return None
    return {**values, ERASED_MARK: True}


_COLUMNS = (
    "id, center_id, at, user_id, user_name, action, entity, entity_id, before, after, "
    "chain_device, chain_seq, prev_hash, values_hash, entry_hash, deleted"
)


def verify_rows(rows: Iterable[dict[str, Any]]) -> list[str]:
    """Problems of chains given as rows ordered by (chain_device, chain_seq)."""
    problems: list[str] = []
    device: str | None = None
    expected_seq = 1
    prev = GENESIS
    for row in rows:
        if row["chain_device"] != device:
            device, expected_seq, prev = row["chain_device"], 1, GENESIS
        where = f"{row['chain_device']} #{row['chain_seq']} ({row['id']})"
        seq = int(row["chain_seq"])
        if seq < expected_seq:
            problems.append(f"{where}: two entries with one number")
        elif seq > expected_seq:
            problems.append(f"{where}: entries {expected_seq}..{seq - 1} missing")
        if row["prev_hash"] != prev:
            problems.append(f"{where}: does not follow the previous entry")
        if entry_hash(row) != row["entry_hash"]:
            problems.append(f"{where}: entry changed")
        values = [as_stored(row["before"]), as_stored(row["after"])]
        erased = any(
            isinstance(v, dict) and (v.get(ERASED_MARK) or v.get(WITHHELD_MARK)) for v in values
        )
        if not erased and values_hash(row["before"], row["after"]) != row["values_hash"]:
            problems.append(f"{where}: before/after values changed")
        if row.get("deleted"):
            problems.append(f"{where}: marked deleted")
        prev = str(row["entry_hash"])
        expected_seq = seq + 1
    return problems


def chain_problems(conn: Any) -> list[str]:
    """For ``civicdesk check``: every chain in this database, entry by entry."""
    result = conn.execute(
        text(
            f"SELECT {_COLUMNS} FROM audit_log WHERE chain_device IS NOT NULL "
            "ORDER BY chain_device, chain_seq"
        )
    )
    return verify_rows(dict(r._mapping) for r in result)
