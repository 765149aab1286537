"""How the server merges one pushed row into its record (docs/sync.md, merging).

The server keeps per record the revision at which each field last changed. A pushed
row with ``base_rev = b`` and changed columns ``C`` takes the fields of ``C`` the
server did not change after ``b``; fields the server changed to another value are a
conflict (the server's value stays, the PC's is returned and recorded).

Revisions after a restore: ``civicdesk-server restored`` sets a *floor* above every
revision the lost server can have handed out, and every later write numbers the
record at or above it. So revisions never go backwards for a PC that saw the lost
ones, and a field written since the restore is told apart from the dump's.

A *restore* row (sent again after a rewind, unchanged since the PC saw the server's
revision ``b``) is merged field by field: a field the server holds from before ``b``
takes the PC's value (at revision ``b``), a field written since the restore is a
conflict, and a field the server holds at ``b`` or later stays.
"""

from __future__ import annotations

from typing import Any

from civicdesk.sync.protocol import RowChange, RowStatus, Scalar
from civicdesk.sync.textedit import middle, span

# Never a conflict: bookkeeping that simply follows the last accepted write.
META_FIELDS = frozenset({"created_at", "updated_at", "updated_by", "center_id"})

#: a row's result as the answer carries it (the fields of ``protocol.RowResult``); the
#: server builds the answer from plain values, not one model object a row
Result = dict[str, Any]
Outcome = tuple[Result, dict[str, Any] | None, dict[str, Any] | None]


def result(
    table: str,
    row_id: str,
    status: RowStatus,
    *,
    reason: str | None = None,
    rev: int = 0,
    data: dict[str, Scalar] | None = None,
    deleted: bool = False,
    conflicts: dict[str, dict[str, Scalar]] | None = None,
) -> Result:
    return {
        "table": table, "id": row_id, "status": status, "reason": reason, "rev": rev,
        "data": data, "deleted": deleted, "conflicts": conflicts,
    }


def _clash(mine: Scalar, theirs: Scalar) -> dict[str, Scalar]:
    return {"mine": mine, "theirs": theirs}


def same(a: Scalar, b: Scalar) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    return (a == b and type(a) is type(b)) or (
        isinstance(a, int | float) and isinstance(b, int | float) and a == b
    )


def _record(owner: str, data: dict[str, Scalar], revs: dict[str, int], rev: int, hlc: str,
            deleted: bool | None = None, *, base: int | None = None,
            changed: list[str] | None = None,
            edits: dict[str, list[int]] | None = None) -> dict[str, Any]:
    """A record to write; ``base`` and ``changed``: the revision it was made from and
    the columns this write changed (a pull sends a PC at ``base`` only those);
    ``edits``: long texts among them changed in one place (``textedit.span``).

    What such a pull sends is made here, once, rather than at every pull from the whole
    record: ``d`` the changed columns' values but the texts edited in one place, ``t``
    those texts as ``[head, tail, old length, middle]``."""
    last: dict[str, Any] | None = None
    if base is not None:
        cols = sorted(changed or ())
        last = {"r": rev, "b": base, "c": cols}
        if edits:
            last["x"] = edits
        texts = {
            k: [*e[:3], middle(v, e)]
            for k, e in (edits or {}).items()
            if isinstance(v := data.get(k), str)
        }
        last["d"] = {k: data[k] for k in cols if k in data and k not in texts}
        if texts:
            last["t"] = texts
    return {
        "center_id": owner,
        "data": data,
        "field_revs": revs,
        "rev": rev,
        "deleted": bool(data.get("deleted") or False) if deleted is None else deleted,
        "hlc": hlc,
        "last_write": last,
    }


def _times_differ(data: dict[str, Scalar], cur: dict[str, Scalar]) -> bool:
    return any(f in data and not same(data[f], cur.get(f)) for f in ("updated_at", "updated_by"))


def merge_row(
    r: RowChange,
    data: dict[str, Scalar],
    existing: dict[str, Any] | None,
    *,
    owner: str,
    hlc: str,
    floor: int,
) -> Outcome:
    """One checked row against the current record: (result, record to write, conflict)."""

    def ok(rev: int, deleted: bool) -> Result:
        return result(r.table, r.id, "applied", rev=rev, deleted=deleted)

    if existing is None:
        if r.op == "delete":
            return ok(0, True), None, None  # made and deleted before it ever reached us
        first = max(1, floor, r.base_rev if r.restore else 0)
        field_rev = max(1, r.base_rev) if r.restore else first
        fresh = _record(owner, data, dict.fromkeys(data, field_rev), first, hlc)
        return ok(first, bool(fresh["deleted"])), fresh, None

    cur: dict[str, Scalar] = dict(existing["data"])
    revs: dict[str, int] = dict(existing["field_revs"])
    old_rev = int(existing["rev"])
    new_rev = max(old_rev + 1, floor)
    if r.op == "delete":
        if existing["deleted"]:
            return ok(old_rev, True), None, None
        cur["deleted"] = 1
        revs["deleted"] = new_rev
        gone = _record(owner, cur, revs, new_rev, hlc, True, base=old_rev, changed=["deleted"])
        return ok(new_rev, True), gone, None

    clash: dict[str, dict[str, Scalar]] = {}
    apply: dict[str, Scalar] = {}
    field_rev = new_rev
    if r.restore:
        field_rev = r.base_rev
        for f, mine in data.items():
            theirs = cur.get(f)
            if f in META_FIELDS or same(mine, theirs):
                continue
            fr = revs.get(f, 0)
            if floor and fr >= floor:
                clash[f] = _clash(mine, theirs)  # written since the restore
            elif fr < r.base_rev:
                apply[f] = mine
        server_other = any(
            not same(v, data.get(f)) for f, v in cur.items() if f not in apply and f in data
        )
        changed = list(apply)
    else:
        changed = [f for f in (r.changed if r.changed is not None else list(data)) if f in data]
        server_changed = {f for f, fr in revs.items() if fr > r.base_rev}
        for f in changed:
            if f in META_FIELDS:
                continue
            theirs = cur.get(f)
            mine = data[f]
            if same(mine, theirs):
                continue
            if f in server_changed:
                clash[f] = _clash(mine, theirs)
            else:
                apply[f] = mine
        deleted_since = existing["deleted"] and revs.get("deleted", 0) > r.base_rev
        if deleted_since and "deleted" not in changed and apply:
            # Edited here, deleted there since the PC last saw it: the edit is not
            # absorbed into the tombstone; the editor is asked to restore or accept.
            for f, mine in apply.items():
                clash[f] = _clash(mine, cur.get(f))
            clash["deleted"] = _clash(0, cur.get("deleted", 1))
            apply = {}
        server_other = bool(server_changed - set(changed))
    record: dict[str, Any] | None = None
    rev = old_rev
    if apply:
        for f in ("updated_at", "updated_by"):
            if f in data:
                apply[f] = data[f]
        edits = {f: e for f, v in apply.items() if (e := span(cur.get(f), v)) is not None}
        cur.update(apply)
        for f in apply:
            revs[f] = field_rev
        rev = new_rev
        record = _record(
            owner, cur, revs, new_rev, hlc, base=old_rev, changed=list(apply), edits=edits
        )
    conflict = None
    status: RowStatus
    if clash:
        conflict = {
            "center_id": owner,
            "table_name": r.table,
            "row_id": r.id,
            "base_rev": r.base_rev,
            "server_rev": rev,
            "fields": clash,
        }
        status = "conflict"
    elif server_other or (not apply and _times_differ(data, cur)):
        # ``server_other``: the record holds changes the PC has not seen. An edit that
        # changed no value (undone before the PC synced) writes nothing: the PC takes
        # the record back as stored, or its copy would keep a time of last change no
        # other copy has.
        status = "merged"
    else:
        status = "applied"
    deleted = bool(cur.get("deleted") or False)
    if status == "applied":
        return ok(rev, deleted), record, None
    answer = result(
        r.table, r.id, status, rev=rev, data=cur, deleted=deleted, conflicts=clash or None
    )
    return answer, record, conflict
