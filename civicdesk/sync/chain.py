"""Audit entries in a pull without the hashes the PC can work out (docs/sync.md §4,
audit hashes).

An audit entry carries three hashes (civicdesk/domain/audit_hash.py): of its values,
of the entry before it in its device's chain, and of itself. They are a sixth of a
first pull's bytes after compression and a third of an incremental round's, since
nothing compresses a hash. Yet each can be worked out: the values hash and the entry's own
hash from the entry's fields, the previous entry's hash from that entry.

A pull that asks for it (``chain``) leaves a hash out only where working it out from
what the page carries gives exactly what the server holds, so the copy a PC stores is
the server's, byte for byte, and a chain changed at the server (a value edited in its
database) reaches head office as broken as it is there:

- the values hash and the entry hash: the server works them out from the entry as it
  goes in the page, at every pull, and leaves out the ones that come out as stored
  (``values_hash`` fails wherever head office receives the values without a person's
  names, so it goes);
- the previous entry's hash: when that entry comes earlier in the same page with that
  very hash (``PageChains``). Never from the PC's own copy, which might differ.

Both sides work the hashes out with the functions here (``wire_values_hash``,
``wire_entry_hash``): the entry's fields in canonical JSON (sorted keys, UTF-8) through
SHA-256, as the chain defines them (civicdesk/domain/audit_hash.py), written with
orjson, twice as fast. Where the two ways of writing could differ (a float's digits),
the result is not the stored hash and the hash simply goes. Another way of working
them out would need another ``chain`` request.

The PC fills them in (``fill_hashes``) before the page is applied; a page it cannot
complete is asked for again whole. The server does this only for a pull near the
newest record, the daily round (``store_pull.CHAIN_MAX_BEHIND``): further behind, the
work at both ends costs more than the bytes save.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import orjson

from civicdesk.domain.audit_hash import HASH_COLUMNS, entry_fields
from civicdesk.sync.deltas import WholeNeededError
from civicdesk.sync.protocol import Change, PullPage, Scalar

AUDIT_TABLE = "audit_log"


class ChainIncompleteError(WholeNeededError):
    """A page names hashes to work out that this PC cannot: asked for again whole."""


def _link(data: Mapping[str, Any]) -> tuple[str, int] | None:
    device, seq = data.get("chain_device"), data.get("chain_seq")
    if isinstance(device, str) and type(seq) is int:
        return device, seq
    return None


def wire_values_hash(before: Any, after: Any) -> str | None:
    """The values hash of an entry whose values are JSON text (None: not so)."""
    if not (isinstance(before, str | None) and isinstance(after, str | None)):
        return None
    try:
        values = [None if v is None else orjson.loads(v) for v in (before, after)]
        return hashlib.sha256(orjson.dumps(values, option=orjson.OPT_SORT_KEYS)).hexdigest()
    except (orjson.JSONDecodeError, TypeError):
        return None


def wire_entry_hash(row_id: str, data: Mapping[str, Any]) -> str | None:
    """The entry hash of an entry (its ``values_hash`` and ``prev_hash`` included);
    None where a field the hash covers is missing or malformed."""
    try:
        fields = entry_fields(row_id, data)
        return hashlib.sha256(orjson.dumps(fields, option=orjson.OPT_SORT_KEYS)).hexdigest()
    except (KeyError, TypeError, ValueError):
        return None


class PageChains:
    """The server's side while a page is built: which hashes each entry may leave out."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, int], Any] = {}

    def leave_out(self, row_id: str, data: Mapping[str, Any], *, values_kept: bool) -> list[str]:
        """The hash columns of ``data`` (an audit entry going in the page now, as it
        goes) the PC works out exactly: the values hash (only where the values go as
        stored) and the entry hash where they come out as stored, the previous hash
        where the entry before comes earlier in this page with that hash."""
        out: list[str] = []
        if values_kept and wire_values_hash(data.get("before"), data.get("after")) == data.get(
            "values_hash"
        ):
            out.append("values_hash")
        link = _link(data)
        if link is not None:
            prev = data.get("prev_hash")
            if isinstance(prev, str) and self._seen.get((link[0], link[1] - 1)) == prev:
                out.append("prev_hash")
            self._seen[link] = data.get("entry_hash")
        if wire_entry_hash(row_id, data) == data.get("entry_hash"):
            out.append("entry_hash")
        return out


def fill_hashes(page: PullPage) -> PullPage:
    """``page`` with every hash it left out worked out, in page order (an entry's
    previous hash comes from the entry before it in the page); raises
    ``ChainIncompleteError`` where that cannot be done."""
    if not any(ch.derive for ch in page.changes):
        return page
    seen: dict[tuple[str, int], Scalar] = {}
    changes: list[Change] = []
    for ch in page.changes:
        if ch.table != AUDIT_TABLE:
            if ch.derive:
                raise ChainIncompleteError(ch.table)
            changes.append(ch)
            continue
        done = (
            ch.model_copy(update={"data": _filled(ch, seen), "derive": None})
            if ch.derive
            else ch
        )
        link = _link(done.data)
        if link is not None:
            seen[link] = done.data.get("entry_hash")
        changes.append(done)
    return page.model_copy(update={"changes": changes})


_HASHES = frozenset(HASH_COLUMNS)


def _filled(ch: Change, seen: Mapping[tuple[str, int], Scalar]) -> dict[str, Scalar]:
    derive = ch.derive or []
    asked = set(derive)
    if len(asked) != len(derive) or not asked <= _HASHES or not asked.isdisjoint(ch.data):
        raise ChainIncompleteError(ch.id)
    data = dict(ch.data)
    if "values_hash" in asked:
        data["values_hash"] = wire_values_hash(data.get("before"), data.get("after"))
    if "prev_hash" in asked:
        link = _link(data)
        data["prev_hash"] = None if link is None else seen.get((link[0], link[1] - 1))
    if "entry_hash" in asked:  # over the two above
        data["entry_hash"] = wire_entry_hash(ch.id, data)
    if any(not isinstance(data[c], str) for c in asked):
        raise ChainIncompleteError(ch.id)
    return data
