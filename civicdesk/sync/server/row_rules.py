"""Pushed rows the server refuses whatever their values' types (security review):

- an attachment record whose sha256 is not 64 lowercase hex digits: the blob store and
  every query naming it assume exactly that (a NUL in it made PostgreSQL answer 500 to
  every attachment request, and head office's sync failed every round);
- a head-office account or center pushed by a center: only head office makes those.
"""

from __future__ import annotations

import json
from typing import Any

from civicdesk.sync.attachments import ATTACHMENTS_TABLE, is_sha256

ERASED_MARK = "_erased"
ERASED = "[erased]"
ERASED_NAME = "—"


def _decoded(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _only_removed(old: Any, new: Any) -> bool:
    """``new`` is ``old`` with parts blanked (never anything added or changed)."""
    if old == new:
        return True
    if isinstance(old, dict) and isinstance(new, dict):
        if set(new) - {ERASED_MARK} != set(old):
            return False
        return all(_only_removed(old[k], new[k]) for k in old)
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(map(_only_removed, old, new))
    if isinstance(new, str) and new == ERASED:
        return True
    if isinstance(old, str) and isinstance(new, str) and ERASED_NAME in new:
        pieces = [p for p in new.split(ERASED_NAME) if p]
        at = 0
        for piece in pieces:
            found = old.find(piece, at)
            if found < 0:
                return False
            at = found + len(piece)
        return True
    return False


def is_erasure_scrub(data: dict[str, Any], stored: dict[str, Any], skip: frozenset[str]) -> bool:
    """An audit entry changed only by an erasure on request: its before/after values
    have parts blanked and carry ``"_erased": true``; every other field as stored."""
    for key, value in data.items():
        if key in skip or key in ("before", "after"):
            continue
        if value != stored.get(key):
            return False
    marked = False
    for key in ("before", "after"):
        new, old = _decoded(data.get(key)), _decoded(stored.get(key))
        if new == old:
            continue
        if not isinstance(new, dict) or new.get(ERASED_MARK) is not True:
            return False
        if not _only_removed(old if isinstance(old, dict) else {}, new):
            return False
        marked = True
    return marked


def row_problem(head_office: bool, table: str, data: dict[str, Any]) -> str | None:
    """Why the server refuses a pushed row (findings of the security review), or None."""
    if table == ATTACHMENTS_TABLE and "sha256" in data:
        sha = data["sha256"]
        if not isinstance(sha, str) or not is_sha256(sha):
            return "bad_sha256"
    if not head_office:
        if table == "users" and data.get("role") == "head_office":
            return "head_office_user"
        if table == "centers" and data.get("is_head_office") not in (None, False, 0):
            return "head_office_center"
    return None
