"""Values of tables and columns this PC lacks (a newer version's), kept track of.

Pulled rows are applied without them; where they first arrived is remembered in
``sync_state.unknown_columns``, and once an upgrade adds the table or column the PC
pulls again from there, taking the server's versions whole (docs/sync.md §4).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from civicdesk.sync.client_state import ClientState
from civicdesk.sync.protocol import PullPage
from civicdesk.sync.tables import NOT_DATA


class NewerColumns(ClientState):
    """Noting values of columns this PC lacks, and pulling them again after an upgrade."""

    def _note_unknown_columns(self, page: PullPage) -> None:
        """Remember where values of a table or column this PC lacks first arrived (they
        are applied without them), so an upgrade that adds them can pull them again."""
        found: dict[str, dict[str, int]] = {}
        known_cols: dict[str, frozenset[str]] = {}
        with self._conn() as conn:
            for ch in page.changes:
                have = known_cols.get(ch.table)
                if have is None:
                    have = known_cols[ch.table] = frozenset(self.columns(conn, ch.table))
                if have and have.issuperset(ch.data):
                    continue
                extra = {"*"} if not have else set(ch.data) - have - NOT_DATA
                for col in extra:
                    seen = found.setdefault(ch.table, {})
                    seen[col] = min(seen.get(col, ch.server_seq), ch.server_seq)
            self._remember_unknown(conn, found)

    def _remember_unknown(self, conn: Connection, found: dict[str, dict[str, int]]) -> None:
        """Add ``found`` (table -> column -> sequence number where it arrived) to what
        is remembered, keeping the earliest number of each."""
        if not found:
            return
        known: dict[str, dict[str, int]] = self._get(conn, "unknown_columns", {}) or {}
        for table, cols_seen in found.items():
            mine = known.setdefault(table, {})
            for col, seq in cols_seen.items():
                mine[col] = min(mine.get(col, seq), seq)
        self._put(conn, "unknown_columns", known)

    def _note_unknown_in_answer(
        self, conn: Connection, table: str, data: dict[str, Any]
    ) -> None:
        """Columns this PC lacks in a push answer's values (a newer PC wrote them):
        noted as arriving after the cursor, so an upgrade that adds them pulls again
        from there and takes the record whole (``_refill_arrived_columns``)."""
        have = set(self.columns(conn, table))
        extra = set(data) - have - NOT_DATA if have else set()
        if extra:
            since = int(self._get(conn, "cursor", 0) or 0) + 1
            self._remember_unknown(conn, {table: dict.fromkeys(extra, since)})

    def _refill_arrived_columns(self) -> None:
        """After an upgrade added a table or column whose values were skipped: pull
        again from where the first of them arrived, taking the server's versions."""
        with self._conn() as conn:
            known: dict[str, dict[str, int]] = self._get(conn, "unknown_columns", {}) or {}
            if not known:
                return
            since: int | None = None
            left: dict[str, dict[str, int]] = {}
            for table, cols in known.items():
                have = set(self.columns(conn, table))
                for col, seq in cols.items():
                    if (col == "*" and have) or col in have:
                        since = seq if since is None else min(since, seq)
                    else:
                        left.setdefault(table, {})[col] = seq
            if since is None:
                return
            self._put(conn, "unknown_columns", left)
            cursor = int(self._get(conn, "cursor", 0) or 0)
            self._put(conn, "cursor", min(cursor, since - 1))
            self._put(conn, "rewound", True)  # take the server's versions (see _pull_all)

