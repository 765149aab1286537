"""Pushed rows the server refuses whatever their values' types (security review):

- an attachment record whose sha256 is not 64 lowercase hex digits: the blob store and
  every query naming it assume exactly that (a NUL in it made PostgreSQL answer 500 to
  every attachment request, and head office's sync failed every round);
- a head-office account or center pushed by a center: only head office makes those.
"""

from __future__ import annotations

from typing import Any

from civicdesk.sync.attachments import ATTACHMENTS_TABLE, is_sha256


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
