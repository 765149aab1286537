"""The desktop side of sync, part 2: pull, rows that wait, a rewound server.

Each pulled page is applied with its cursor in one transaction; rows the local schema
refuses wait in ``sync_waiting``; values of columns this PC lacks are pulled again
after an upgrade; a server put back from a dump is noticed (docs/sync.md §4).
"""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import httpx
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from civicdesk.db.changes import parse_changed
from civicdesk.db.models import REFERENCE_TABLES
from civicdesk.db.search import SEARCH_TABLES, drop_fts_triggers, install_fts, rebuild_fts
from civicdesk.domain.hlc import Timestamp
from civicdesk.sync import messages as m
from civicdesk.sync.chain import fill_hashes
from civicdesk.sync.client_state import (
    BULK_INDEX_ROWS,
    FTS_STALE_KEY,
    SyncError,
    _now,
    _q,
    shadow_revs,
)
from civicdesk.sync.deltas import WholeNeededError, settle, whole_records
from civicdesk.sync.newer_columns import NewerColumns
from civicdesk.sync.protocol import (
    API,
    H_ROUND,
    PullPage,
    load_model,
)
from civicdesk.sync.tables import SHARED_EDIT_TABLES, SYNCED_TABLES
from civicdesk.sync.waiting import (
    WaitingRow,
    forget,
    forget_older,
    orphans,
    park,
    parked_rows,
    reason_of,
    still_waiting,
    waiting_count,
    waiting_rows,
)


class _RewoundError(Exception):
    """The server was put back from a snapshot: push everything again, then pull."""


class _CountedError(Exception):
    """A pulled row the local schema refused (already parked in ``sync_waiting``)."""


class Puller(NewerColumns):
    """Pull, retry of waiting rows, and noticing a rewound server."""

    def _fetch_page(
        self, client: httpx.Client, cursor: int, *, echo: bool = True, delta: bool = False
    ) -> PullPage:
        """One page; ``echo=False``: without what this round's push wrote (this PC has
        it: the answer was applied; a full or rewound pull takes everything).
        ``delta``: an edited record as its changed columns where the server has them
        (``Change.base_rev``; a full or rewound pull takes whole records), and an
        audit entry without the hashes this PC works out (``Change.derive``)."""
        headers = self._auth_headers()
        if not echo:
            headers[H_ROUND] = self._round
        params: dict[str, int] = {"cursor": cursor, "limit": self.page_size}
        if delta:
            params["delta"] = 1
            params["chain"] = 1
        resp = self._request(client, "GET", f"{API}/pull", params=params, headers=headers)
        try:
            return load_model(resp.content, PullPage)
        except ValueError as exc:
            raise SyncError("protocol", "sync.bad_answer", m.BAD_ANSWER, detail="pull") from exc

    def _pull_all(self, client: httpx.Client) -> tuple[int, int]:
        """Pull page after page; each page is applied with its cursor in one transaction.

        The next page is fetched while the current one is applied (its cursor is known
        as soon as the page arrives), so the server's work and ours overlap. A page that
        was fetched but not applied is simply asked for again next time.
        """
        pulled = errors = 0
        self._refill_arrived_columns()
        full = bool(self.state("full_resync", False))
        rewound = bool(self.state("rewound", False))
        seen: set[tuple[str, str]] = set()
        cursor = 0 if full else int(self.state("cursor", 0))
        ahead: Future[PullPage] | None = None
        whole = False  # this page asked for again without deltas (``WholeNeededError``)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pull") as pool:
            try:
                while True:
                    # a full or rewound pull takes everything whole, its own rows too
                    echo = full or rewound
                    try:
                        page = (
                            ahead.result()
                            if ahead
                            else self._fetch_page(
                                client, cursor, echo=echo, delta=not (echo or whole)
                            )
                        )
                    except SyncError as exc:
                        if exc.code != "pull.cursor_expired" or full:
                            raise
                        # Behind the tombstone horizon: start again from zero and reconcile.
                        self.set_state("full_resync", True)
                        full, cursor, seen, ahead = True, 0, set(), None
                        continue
                    if self._check_rewind(page.epoch, page.highest_seq):
                        raise _RewoundError
                    ahead = (
                        pool.submit(
                            self._fetch_page, client, page.next_cursor, echo=echo,
                            delta=not echo,
                        )
                        if page.has_more
                        else None
                    )
                    # After a rewind the server's revisions may be below the ones this
                    # PC remembers: take what it has now, whatever the revision.
                    try:
                        n, e = self._apply_page(page, full=full or rewound, seen=seen)
                    except WholeNeededError:
                        if whole:  # asked for whole records, given changed columns
                            raise SyncError(
                                "protocol", "sync.bad_answer", m.BAD_ANSWER, detail="pull"
                            ) from None
                        if ahead is not None:
                            ahead.cancel()
                        ahead, whole = None, True
                        continue
                    whole = False
                    self._touched.update((ch.table, ch.id) for ch in page.changes)
                    self._note_unknown_columns(page)
                    pulled += n
                    errors += e
                    cursor = page.next_cursor
                    self._note_server_time(page.server_time)
                    if not page.has_more:
                        break
            finally:
                if ahead is not None:
                    ahead.cancel()
        if full:
            self._reconcile_deletions(seen)
        if rewound:
            self.set_state("rewound", False)
        self.rebuild_search_if_stale()
        return pulled, errors

    def _note_server_time(self, server_time: str) -> None:
        """Remember how far this PC's wall clock is from the server's (for the warning)."""
        try:
            server_ms = Timestamp.decode(server_time).wall_ms
        except ValueError:
            return
        local_ms = self.clock.wall_ms() if self.clock is not None else time.time_ns() // 10**6
        self.set_state("clock_offset_ms", server_ms - local_ms)
        if self.clock is not None:
            self.clock.observe(server_time)

    def _check_rewind(self, epoch: str, highest: int) -> bool:
        """Notice a server put back from an earlier snapshot (docs/sync.md §4).

        Another epoch than the one this PC knows (``civicdesk-server restored``), or a
        cursor above the server's highest sequence number, means the server lost what
        came after its snapshot: every record this PC may send is queued again (the
        server merges what it already has), and the next pull starts from 0 taking the
        server's versions whatever their revision. Returns True when that happened."""
        if not epoch:
            return False  # a server without epochs
        with self._conn() as conn:
            known = self._get(conn, "server_epoch")
            if not self._is_rewind(conn, epoch, highest, known=known):
                if known is None:
                    self._put(conn, "server_epoch", epoch)
                return False
            queued = self._requeue_everything(conn)
            self._put(conn, "server_epoch", epoch)
            self._put(conn, "cursor", 0)
            self._put(conn, "rewound", True)
            self._put(conn, "rewound_at", {"at": _now(), "queued": queued})
        return True

    def _is_rewind(
        self, conn: Connection, epoch: str, highest: int, *, known: Any = None
    ) -> bool:
        """Whether an answer carrying ``epoch`` and ``highest`` comes from a server
        rewound since this PC last heard from it (see ``_check_rewind``); ``known``:
        the epoch this PC knows, when the caller has read it already."""
        if not epoch:
            return False
        if known is None:
            known = self._get(conn, "server_epoch")
        cursor = int(self._get(conn, "cursor", 0) or 0)
        return (known is not None and known != epoch) or cursor > highest

    def _requeue_everything(self, conn: Connection) -> int:
        """Queue every record this PC may send (its center's; head office also the
        reference data and every center's grant applications and budget lines), as a
        *restore* (``local_version`` 0):
        the server takes it only where it lacks the record or holds an older version,
        so a PC that had not pulled the latest edit of a record cannot undo it. Records
        with a real local change stay an ordinary change, but of every column (as a
        restore row edited later is): the columns not edited here may hold edits the
        server acknowledged and lost, which would otherwise never be sent again, and a
        merged answer would write the server's older values over them."""
        center = self._get(conn, "center_id")
        head_office = bool(self._get(conn, "head_office", False))
        conn.exec_driver_sql(
            "UPDATE sync_outbox SET changed = '*' "
            "WHERE op = 'upsert' AND local_version > 0 AND changed <> '*'"
        )
        total = 0
        for table in SYNCED_TABLES:
            if not self.columns(conn, table):
                continue
            reference = table in REFERENCE_TABLES
            if reference and not head_office:
                continue
            # Head office also writes the reference data and every center's grant
            # applications and budget lines: those may have been lost too.
            every_row = head_office and (reference or table in SHARED_EDIT_TABLES)
            where, params = ("1 = 1", ()) if every_row else ("center_id = ?", (center,))
            res = conn.exec_driver_sql(
                "INSERT INTO sync_outbox (table_name, row_id, op, changed, local_version, "
                f"queued_at) SELECT ?, id, 'upsert', '*', 0, ? FROM {_q(table)} WHERE {where} "
                "ON CONFLICT (table_name, row_id) DO NOTHING",
                (table, _now(), *params),
            )
            total += int(res.rowcount or 0)
        return total

    def rebuild_search_if_stale(self) -> bool:
        """Refill the search index after pages applied without it (see _apply_changes)."""
        if not self.state(FTS_STALE_KEY, False):
            return False
        with self._conn() as conn:
            for table in SEARCH_TABLES:
                rebuild_fts(conn, table)
            self._put(conn, FTS_STALE_KEY, False)
        return True

    def _apply_page(
        self, page: PullPage, *, full: bool, seen: set[tuple[str, str]]
    ) -> tuple[int, int]:
        with self.db.engine.connect() as conn:
            # Rows arrive in server order, not parent-first: enforce foreign keys locally
            # only outside the apply (set outside a transaction, hence before it starts).
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                page = whole_records(conn, fill_hashes(page))
                try:
                    applied = self._apply_changes(conn, page, full, seen, careful=False)
                    conn.commit()
                    return applied, 0
                except IntegrityError:
                    conn.rollback()
                    applied, errors = self._apply_changes_careful(conn, page, full, seen)
                    conn.commit()
                    return applied, errors
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")

    def _apply_changes(
        self,
        conn: Connection,
        page: PullPage,
        full: bool,
        seen: set[tuple[str, str]],
        *,
        careful: bool,
    ) -> int:
        conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
        pending = (
            {
                (t, i)
                for t, i in conn.exec_driver_sql("SELECT table_name, row_id FROM sync_outbox").all()
            }
            if page.changes
            else set()
        )
        applied = 0
        if not careful:
            bulk_index = len(page.changes) >= BULK_INDEX_ROWS
            if bulk_index:
                # A big page (a first pull): index searchable text once at the end of the
                # pull instead of row by row, which is several times faster. The triggers
                # come back before this transaction commits; the flag, committed with the
                # rows, makes sure the index is rebuilt even if the pull stops here.
                for table in SEARCH_TABLES:
                    drop_fts_triggers(conn, table)
                self._put(conn, FTS_STALE_KEY, True)
            applied = self._apply_bulk(conn, page, full, seen, pending)
            if bulk_index:
                for table in SEARCH_TABLES:
                    install_fts(conn, table)
        for ch in page.changes if careful else ():
            seen.add((ch.table, ch.id))
            if (ch.table, ch.id) in pending:
                continue  # changed here meanwhile: the next push merges it at the server
            if not full:
                have = conn.exec_driver_sql(
                    "SELECT rev FROM sync_shadow WHERE table_name = ? AND row_id = ?",
                    (ch.table, ch.id),
                ).scalar()
                if have is not None and int(have) >= ch.rev:
                    continue
            try:
                with conn.begin_nested():
                    wrote = self._write_server_row(
                        conn,
                        ch.table,
                        ch.id,
                        ch.data,
                        rev=ch.rev,
                        deleted=ch.deleted,
                        hlc=ch.hlc,
                        server_seq=ch.server_seq,
                    )
            except IntegrityError as exc:
                park(
                    conn,
                    table=ch.table,
                    row_id=ch.id,
                    origin="pull",
                    rev=ch.rev,
                    hlc=ch.hlc,
                    deleted=ch.deleted,
                    server_seq=ch.server_seq,
                    data=dict(ch.data),
                    reason=reason_of(exc),
                )
                raise _CountedError from None
            if wrote:
                self._set_shadow(conn, ch.table, ch.id, ch.rev)
                settle(conn, [(ch.table, ch.id)])
                forget_older(conn, ch.table, ch.id, ch.rev)
                applied += 1
        self._put(conn, "cursor", page.next_cursor)
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return applied

    def _apply_bulk(
        self,
        conn: Connection,
        page: PullPage,
        full: bool,
        seen: set[tuple[str, str]],
        pending: set[tuple[str, str]],
    ) -> int:
        """A page in a few executemany calls: rows grouped by table and column set."""
        shadow = {} if full else shadow_revs(conn, ((ch.table, ch.id) for ch in page.changes))
        groups: dict[str, list[tuple[Any, ...]]] = {}
        marks: list[tuple[str, str, int]] = []
        for ch in page.changes:
            key = (ch.table, ch.id)
            seen.add(key)
            if key in pending:
                continue  # changed here meanwhile: the next push merges it at the server
            if not full and shadow.get(key, -1) >= ch.rev:
                continue
            found = self._row_values(
                conn,
                ch.table,
                ch.data,
                rev=ch.rev,
                deleted=ch.deleted,
                hlc=ch.hlc,
                server_seq=ch.server_seq,
            )
            if found is None:
                continue  # a table this version does not have
            values, colset = found
            sql, params = self._upsert_sql(ch.table, ch.id, values, colset)
            groups.setdefault(sql, []).append(params)
            marks.append((ch.table, ch.id, ch.rev))
        for sql, params_list in groups.items():
            conn.exec_driver_sql(sql, params_list)
        if marks:
            conn.exec_driver_sql(
                "INSERT INTO sync_shadow (table_name, row_id, rev) VALUES (?, ?, ?) "
                "ON CONFLICT (table_name, row_id) DO UPDATE SET rev = excluded.rev",
                marks,
            )
            settle(conn, ((t, i) for t, i, _rev in marks))
        return len(marks)

    def _apply_changes_careful(
        self, conn: Connection, page: PullPage, full: bool, seen: set[tuple[str, str]]
    ) -> tuple[int, int]:
        """Row by row with savepoints: a row the local schema refuses is queued."""
        applied = errors = 0
        for ch in page.changes:
            one = PullPage(
                changes=[ch],
                next_cursor=page.next_cursor,
                has_more=page.has_more,
                server_time=page.server_time,
            )
            try:
                applied += self._apply_changes(conn, one, full, seen, careful=True)
            except _CountedError:
                errors += 1
        self._put(conn, "cursor", page.next_cursor)
        conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
        return applied, errors

    def _reconcile_deletions(self, seen: set[tuple[str, str]]) -> None:
        """After a full resync: records the server once had and no longer has were
        deleted and forgotten there (tombstones past the horizon): delete them here."""
        with self._conn() as conn:
            conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
            pending = {
                (t, i)
                for t, i in conn.exec_driver_sql("SELECT table_name, row_id FROM sync_outbox").all()
            }
            shadow = conn.exec_driver_sql("SELECT table_name, row_id FROM sync_shadow").all()
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            for table, row_id in shadow:
                key = (table, row_id)
                if key in seen or key in pending:
                    continue
                if self.columns(conn, table):
                    conn.exec_driver_sql(f"DELETE FROM {_q(table)} WHERE id = ?", (row_id,))
                conn.exec_driver_sql(
                    "DELETE FROM sync_shadow WHERE table_name = ? AND row_id = ?", key
                )
            self._drop(conn, "full_resync")
            conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")

    def retry_waiting(self) -> int:
        """Try every waiting row again; returns how many still wait."""
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            try:
                conn.exec_driver_sql("UPDATE sync_control SET applying = 1 WHERE id = 1")
                for row in parked_rows(conn):
                    key = (row.table, row.row_id)
                    if row.origin == "parent":
                        still = orphans(conn, row.table, [row.row_id]).get(row.row_id)
                        if still is None:
                            forget(conn, *key)
                        else:
                            still_waiting(conn, row.table, row.row_id, still)
                        continue
                    have = conn.exec_driver_sql(
                        "SELECT rev FROM sync_shadow WHERE table_name = ? AND row_id = ?", key
                    ).scalar()
                    if have is not None and int(have) > row.rev:
                        forget(conn, *key)  # a newer version was applied meanwhile
                        continue
                    pending = conn.exec_driver_sql(
                        "SELECT changed, op FROM sync_outbox WHERE table_name = ? AND row_id = ?",
                        key,
                    ).first()
                    keep: set[str] = set()
                    if pending is not None:
                        cols = parse_changed(str(pending[0]))
                        if cols is None or str(pending[1]) == "delete":
                            continue  # changed here as a whole: the next push settles it
                        keep = cols
                    try:
                        with conn.begin_nested():
                            self._write_server_row(
                                conn,
                                row.table,
                                row.row_id,
                                row.data,
                                rev=row.rev,
                                deleted=row.deleted,
                                hlc=row.hlc,
                                server_seq=row.server_seq,
                                keep=keep,
                            )
                    except IntegrityError as exc:
                        still_waiting(conn, row.table, row.row_id, reason_of(exc))
                        continue
                    self._set_shadow(conn, row.table, row.row_id, row.rev)
                    forget(conn, *key)
                left = waiting_count(conn)
                conn.exec_driver_sql("UPDATE sync_control SET applying = 0 WHERE id = 1")
                conn.commit()
                return left
            except BaseException:
                conn.rollback()
                raise
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")

    def note_orphans(self, touched: set[tuple[str, str]]) -> int:
        """List the records written from the server in this round whose parent has not
        arrived (they are applied without it: rows come in server order): they wait
        with reason ``FOREIGN KEY …`` until the parent comes."""
        by_table: dict[str, list[str]] = {}
        for table, row_id in touched:
            by_table.setdefault(table, []).append(row_id)
        found = 0
        with self._conn() as conn:
            for table, ids in by_table.items():
                for row_id, reason in orphans(conn, table, ids).items():
                    park(
                        conn, table=table, row_id=row_id, origin="parent", rev=0, hlc="",
                        deleted=False, server_seq=None, data={}, reason=reason,
                    )
                    found += 1
        return found

    def waiting(self) -> list[WaitingRow]:
        with self._conn() as conn:
            return waiting_rows(conn)

    def waiting_count(self) -> int:
        with self._conn() as conn:
            return waiting_count(conn)
