"""The hashes of an audit entry (the audit log is a hash chain per device; see
civicdesk/services/audit_chain.py): pure functions of an entry's fields, shared by the
PC that writes and checks the chain and by sync, where the server and a PC work out the
hashes a pull may leave out (docs/sync.md §4, audit hashes).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
#: the hash columns of audit_log, in the order they are worked out
HASH_COLUMNS = ("values_hash", "prev_hash", "entry_hash")


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sha(data: str) -> str:
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def at_text(value: datetime | str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.isoformat(sep="T", timespec="microseconds")


def as_stored(value: Any) -> Any:
    """Values as they come back from the database (a JSON round trip)."""
    if value is None:
        return None
    if isinstance(value, str):
        return json.loads(value)
    return json.loads(json.dumps(value, default=str))


def values_hash(before: Any, after: Any) -> str:
    return _sha(_canon([as_stored(before), as_stored(after)]))


def entry_fields(row_id: str, fields: Mapping[str, Any]) -> list[Any]:
    """What an entry's hash covers, in order; ``fields`` as columns of audit_log
    (``values_hash`` and ``prev_hash`` included). KeyError, TypeError or ValueError
    where one is missing or malformed."""
    return [
        row_id, fields["center_id"], at_text(fields["at"]), fields["user_id"],
        fields["user_name"], fields["action"], fields["entity"], fields["entity_id"],
        fields["chain_device"], int(fields["chain_seq"]), fields["prev_hash"],
        fields["values_hash"],
    ]


def entry_hash(fields: Mapping[str, Any]) -> str:
    """The hash of one entry; ``fields`` as columns of audit_log (values_hash included)."""
    return _sha(_canon(entry_fields(fields["id"], fields)))
