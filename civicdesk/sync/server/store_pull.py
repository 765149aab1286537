"""The store, part 3: numbering committed records, pull pages, tombstones (docs/sync.md §4)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    BigInteger,
    Connection,
    Text,
    and_,
    bindparam,
    delete,
    func,
    literal_column,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast

from civicdesk.domain.kato import REFERENCE_OWNER
from civicdesk.sync import textedit
from civicdesk.sync.chain import AUDIT_TABLE, PageChains
from civicdesk.sync.protocol import (
    PAGE_BYTES,
    PullPage,
    dump_json,
)
from civicdesk.sync.server.minimise import head_office_view, may_withhold
from civicdesk.sync.server.store_base import StoreBase, token_info
from civicdesk.sync.server.store_schema import (
    ADVISORY_KEY,
    EPOCH_KEY,
    PURGED_KEY,
    SEQ_KEY,
    Credentials,
    StoreError,
    TokenInfo,
    records,
    server_meta,
    sha256_text,
    utcnow,
)
from civicdesk.sync.tables import REFERENCE as REFERENCE_TABLES

#: rows read from the database at a time while a page is built
PULL_STEP_ROWS = 2000
#: a pull that asks for ``chain`` leaves audit hashes out only this many records or
#: fewer behind the newest (its daily round); further behind, every hash goes:
#: checking and working them out took 35 µs of CPU an entry at the two ends, more
#: than 80 bytes fewer save on head office's link (a first pull of 20 000
#: consultations took 0.4 s longer, read over HTTP 1.3 s)
CHAIN_MAX_BEHIND = 5000


class PullingStore(StoreBase):
    """Pull: the sequencer, pages after a cursor, purging tombstones."""

    # ------------------------------------------------------------------ pull

    def sequence(self, *, wait: bool = False, waiting: bool = False) -> int:
        """PostgreSQL: number the records whose writers have finished (see module notes).

        Skipped when nothing waits or another pull is numbering right now (its numbers
        commit in lock order, so reading without them never skips a row: they come
        with a later page). ``wait`` blocks for the lock instead (purging, tests).
        ``waiting``: the caller has just seen records waiting (the look-up is skipped).
        """
        if not self.is_pg:
            return 0
        with self._tx() as conn:
            if not waiting and conn.exec_driver_sql(
                "SELECT 1 FROM records WHERE server_seq IS NULL "
                "AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint LIMIT 1"
            ).first() is None:
                return 0
            if wait:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_KEY})
            elif not conn.execute(
                text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": ADVISORY_KEY}
            ).scalar_one():
                return 0
            xmin = int(
                conn.exec_driver_sql(
                    "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
                ).scalar_one()
            )
            res = conn.execute(
                text(
                    "UPDATE records SET server_seq = nextval('records_seq') "
                    "WHERE server_seq IS NULL AND xid < :xmin"
                ),
                {"xmin": xmin},
            )
            return int(res.rowcount or 0)

    def purged_seq(self) -> int:
        return int(self._meta_get(PURGED_KEY) or 0)

    def pull(
        self,
        who: TokenInfo,
        cursor: int,
        limit: int,
        *,
        round_id: str | None = None,
        delta: bool = False,
        chain: bool = False,
    ) -> PullPage:
        """Changes after ``cursor`` in server order (see ``pull_json``)."""
        return PullPage.model_validate_json(
            self.pull_json(who, cursor, limit, round_id=round_id, delta=delta, chain=chain)
        )

    def pull_json(
        self,
        who: TokenInfo | Credentials,
        cursor: int,
        limit: int,
        *,
        round_id: str | None = None,
        delta: bool = False,
        chain: bool = False,
    ) -> bytes:
        """A pull page as its JSON body (``PullPage``). Records travel as stored: their
        JSON text is put into the page as it is, not decoded and encoded again (only
        another center's records that head office receives without names are).

        ``round_id``: the caller's sync round; versions its own push wrote in that
        round are left out (it has them), and the cursor still moves past them.

        ``delta``: a record whose version was made by changing some columns of the
        revision before it goes as those columns only, with that revision as
        ``base_rev`` (the PC applies them to its copy if it holds that revision, and
        otherwise asks for the page again without ``delta``). Audit entries never go
        as changed columns: they are written once, and head office's view of one needs
        all of it.

        ``chain``: an audit entry's hashes that the PC works out exactly are left out
        (civicdesk/sync/chain.py)."""
        top: int | None = None
        engine = self.snapshot_engine if round_id else self.engine
        parts: list[bytes] = []  # the page's changes, each as a few pieces of its JSON
        size = count = 0
        more = False
        last: int | None = None
        with engine.connect() as conn:
            # the token is checked in the page's own transaction, by its first statement
            head, asker = self._page_head(conn, who if isinstance(who, Credentials) else None)
            if asker is not None:
                who = asker
            assert isinstance(who, TokenInfo)
            if head.waiting:
                # records whose writers have finished wait for their numbers: number
                # them, then read again in a new snapshot that sees the numbers
                conn.rollback()
                self.sequence(waiting=True)
                if round_id and self._own_waiting(conn, round_id):
                    # what the asker's push wrote in this round still has no numbers
                    # (a numbering after that push holds the lock): wait for it, or the
                    # cursor could not move past those records and the next round would
                    # download them again (no echo, docs/sync.md §4)
                    conn.rollback()
                    self.sequence(wait=True)
                head, _ = self._page_head(conn, None)
            if cursor > 0 and cursor < head.purged:
                raise StoreError("pull.cursor_expired", 410)
            # Rows read in steps, in one snapshot, until the page is full: at most
            # ``limit`` rows and about ``PAGE_BYTES`` of JSON.
            step = min(limit + 1, PULL_STEP_ROWS)
            read = (self._pg_reader if self.is_pg else _sqlite_reader)(conn, who, round_id)
            minimising = who.head_office
            # far behind (a first pull, a PC back after months): every hash goes, as
            # working them out at both ends costs more than their bytes save there
            behind = None if head.top is None else head.top - cursor
            chains = PageChains() if chain and (behind or 0) <= CHAIN_MAX_BEHIND else None
            after, reading = cursor, True
            while reading:
                rows = read(after, step)
                for row in rows:
                    if count >= limit or (count and size >= PAGE_BYTES):
                        more, reading = True, False
                        break
                    size += _add_change(
                        parts,
                        row,
                        minimise=minimising
                        and row[2] != who.center_id
                        and may_withhold(row[0], row[7]),
                        delta=delta,
                        chains=chains,
                    )
                    count += 1
                    last = row[6]
                if reading and len(rows) < step:
                    reading = False
                elif reading:
                    after = rows[-1][6]
            if round_id:
                # The highest number handed out, in the same snapshot as the rows: every
                # row numbered up to it is visible to this read (numbers are handed out
                # in lock order, see ``sequence``), so the last page may move the cursor
                # to it, past the rows left out.
                top = head.top
            if not self.is_pg:
                conn.rollback()
        next_cursor = last if last is not None else cursor
        if top is not None and not more:
            next_cursor = max(next_cursor, int(top))
        tail = _dump({
            "next_cursor": next_cursor,
            "has_more": more,
            "server_time": self.clock.now(),
            "epoch": head.epoch,
            "highest_seq": head.highest,
        })
        if parts:
            parts[0] = parts[0][1:]  # no comma before the first change
        return b"".join((b'{"changes":[', *parts, b"],", tail[1:]))

    def _pg_reader(
        self, conn: Connection, who: TokenInfo, round_id: str | None
    ) -> Callable[[int, int], list[tuple[Any, ...]]]:
        """PostgreSQL: the page's rows after a number (``_page_rows``), read on ``conn``
        (in its snapshot) in the binary format, the values as their UTF-8 bytes:
        decoding them to text only to encode them again took a third of a full pull's
        reading. The statement is compiled once for each kind of asker (``_pg_page_sql``)
        and run on the driver's cursor."""
        sql, fixed = _pg_page_sql(conn.dialect, who.head_office, bool(round_id))
        params = {**fixed, "round": round_id, "center": who.center_id}
        driver = conn.connection.driver_connection
        assert driver is not None

        def read(after: int, step: int) -> list[tuple[Any, ...]]:
            with driver.cursor(binary=True) as cur:
                cur.execute(sql, {**params, "after": after, "step": step})
                rows: list[tuple[Any, ...]] = cur.fetchall()
                return rows

        return read

    @staticmethod
    def _own_waiting(conn: Connection, round_id: str) -> bool:
        """PostgreSQL: records the asker's push wrote in this round wait for numbers."""
        return bool(
            conn.execute(
                text(
                    "SELECT EXISTS (SELECT 1 FROM records WHERE server_seq IS NULL "
                    "AND writer_round = :round)"
                ),
                {"round": round_id},
            ).scalar_one()
        )

    def _page_head(
        self, conn: Connection, cred: Credentials | None
    ) -> tuple[PageHead, TokenInfo | None]:
        """What a page needs besides its rows, and who presents ``cred`` (checked;
        None without ``cred``), in one statement, the first of the page's snapshot (on
        PostgreSQL a round trip costs as much as a small query)."""
        if not self.is_pg:
            asker = None if cred is None else self._token_info(conn, cred)
            meta = dict(
                conn.execute(
                    select(server_meta.c.key, server_meta.c.value).where(
                        server_meta.c.key.in_((EPOCH_KEY, PURGED_KEY, SEQ_KEY))
                    )
                ).all()
            )
            top = conn.execute(select(func.max(records.c.server_seq))).scalar()
            return PageHead(
                False, meta.get(EPOCH_KEY) or "", int(meta.get(PURGED_KEY) or 0),
                None if top is None else int(top), int(meta.get(SEQ_KEY) or 0),
            ), asker
        row = conn.execute(
            _PG_HEAD,
            {
                "epoch": EPOCH_KEY,
                "purged": PURGED_KEY,
                "token": None if cred is None else sha256_text(cred.token),
            },
        ).one()
        return PageHead(
            bool(row.waiting), row.epoch or "", int(row.purged or 0),
            None if row.top is None else int(row.top), int(row.highest or 0),
        ), None if cred is None else token_info(row, cred)

    def purge_tombstones(self, older_than: timedelta | None = None) -> int:
        """Forget deleted records older than the horizon; clients behind get 410."""
        horizon = utcnow() - (self.tombstone_horizon if older_than is None else older_than)
        self.sequence(wait=True)
        with self._tx() as conn:
            cond = and_(
                records.c.deleted.is_(True),
                records.c.updated_at <= horizon,
                records.c.server_seq.is_not(None),
            )
            top = conn.scalar(select(func.max(records.c.server_seq)).where(cond))
            if top is None:
                return 0
            res = conn.execute(delete(records).where(cond))
            old = int(self._meta_get(PURGED_KEY, conn) or 0)
            conn.execute(
                update(server_meta)
                .where(server_meta.c.key == PURGED_KEY)
                .values(value=str(max(old, int(top))))
            )
            return int(res.rowcount or 0)


class PageHead(NamedTuple):
    #: records whose writers have finished wait for their numbers (PostgreSQL)
    waiting: bool
    epoch: str
    #: tombstones purged up to this number: a cursor below it is too old
    purged: int
    #: the highest number given to a record visible in this snapshot
    top: int | None
    #: the highest number ever handed out (a cursor above it: the server was rewound)
    highest: int


# Every number visible in the snapshot was handed out before it began, so the
# sequence's value read here is at least each of them.
# With it, the asker's token and its center (no row of them when ``:token`` is NULL
# or no token has that hash).
_PG_HEAD = text(
    "SELECT h.*, t.center_id, t.device_id, t.instance_id, t.revoked_at, "
    "c.head_office, c.revoked_at AS c_rev FROM (SELECT "
    "EXISTS (SELECT 1 FROM records WHERE server_seq IS NULL "
    "AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint) AS waiting, "
    "(SELECT value FROM server_meta WHERE key = :epoch) AS epoch, "
    "(SELECT value FROM server_meta WHERE key = :purged) AS purged, "
    "(SELECT max(server_seq) FROM records) AS top, "
    "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM records_seq) AS highest"
    ") AS h LEFT JOIN tokens t ON t.token_hash = :token "
    "LEFT JOIN centers c ON c.id = t.center_id"
)


@functools.lru_cache(maxsize=16)
def _pg_page_sql(dialect: Any, head_office: bool, with_round: bool) -> tuple[str, dict[str, Any]]:
    """``_page_rows`` on PostgreSQL with the values as bytes, after ``%(after)s`` and at
    most ``%(step)s`` rows, as SQL for the driver and its fixed parameters (the asker's
    ``round`` and ``center`` are added at each page): compiled once, not at every pull."""
    asker = TokenInfo("", "", "", head_office)
    stmt = (
        _page_rows(asker, "round" if with_round else None, as_bytes=True)
        .where(records.c.server_seq > bindparam("after", 0, type_=BigInteger))
        .limit(bindparam("step", 1))
    )
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    return str(compiled), dict(compiled.params)


def _sqlite_reader(
    conn: Connection, who: TokenInfo, round_id: str | None
) -> Callable[[int, int], list[tuple[Any, ...]]]:
    """SQLite: the page's rows after a number (``_page_rows``), the values encoded."""
    stmt = _page_rows(who, round_id)

    def read(after: int, step: int) -> list[tuple[Any, ...]]:
        return [
            (*r[:7], r[7].encode("utf-8"), r[8])
            for r in conn.execute(stmt.where(records.c.server_seq > after).limit(step))
        ]

    return read


def _page_rows(who: TokenInfo, round_id: str | None, *, as_bytes: bool = False) -> Any:
    """The records a page is read from, in server order: all of them for head office,
    a center's own and the reference data for a center; without the versions the
    asker's own push wrote in this round. ``as_bytes`` (PostgreSQL): the values as
    their UTF-8 bytes rather than text."""
    raw: Any = sql_cast(records.c.data, Text)
    if as_bytes:
        raw = func.convert_to(raw, literal_column("'UTF8'"))
    stmt = select(
        records.c.table_name,
        records.c.id,
        records.c.center_id,
        records.c.rev,
        records.c.hlc,
        records.c.deleted,
        records.c.server_seq,
        raw.label("raw"),
        records.c.last_write,
    )
    if round_id:
        stmt = stmt.where(
            or_(
                records.c.writer_round.is_(None),
                records.c.writer_round != bindparam("round", round_id),
            )
        )
    if not who.head_office:
        stmt = stmt.where(
            or_(
                records.c.center_id == bindparam("center", who.center_id),
                records.c.table_name.in_(sorted(REFERENCE_TABLES)),
                # the official settlements of the KATO classifier (import-kato)
                records.c.center_id == REFERENCE_OWNER,
            )
        )
    stmt = stmt.order_by(records.c.server_seq)
    return stmt


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


_text = json.encoder.encode_basestring  # a JSON string, UTF-8 letters kept


def _add_change(
    parts: list[bytes],
    row: Sequence[Any],
    *,
    minimise: bool,
    delta: bool,
    chains: PageChains | None = None,
) -> int:
    """Add one change of a page to ``parts`` (with the comma before it), from its row
    (``_page_rows``' columns, the values as UTF-8 bytes); returns the bytes added. The
    values go as stored unless part of them goes (``delta``, or an audit entry's hashes
    the PC works out: ``chains``) or head office's view of them differs (``minimise``)."""
    table, rid, _center, rev, hlc, deleted, seq, raw, last_write = row
    if chains is not None and table == AUDIT_TABLE:
        return _add_audit_entry(parts, row, minimise=minimise, chains=chains)
    extra = ""
    part = _last_write(table, rev, last_write) if delta else None
    data: dict[str, Any] | None = None
    if part is not None and part[3] is not None and not minimise:
        # made when the version was written (``merge._record``)
        data, texts = part[3]
        extra = f',"base_rev":{part[0]}'
        if texts:
            extra += ',"text":' + dump_json(texts).decode("utf-8")
    elif part is not None:
        base, cols, edits, _made = part
        full = orjson.loads(raw)
        if minimise:
            edits = {}  # withheld texts go through the view below, blanked, never edited
        texts = {
            k: [*e[:3], textedit.middle(full[k], e)]
            for k, e in edits.items()
            if isinstance(full.get(k), str)
        }
        data = {k: full[k] for k in cols if k in full and k not in texts}
        extra = f',"base_rev":{base}'
        if texts:
            extra += ',"text":' + dump_json(texts).decode("utf-8")
    if minimise:
        whole = orjson.loads(raw) if data is None else data
        view = head_office_view(table, whole)
        if view is not whole:  # left as stored when nothing in it is withheld
            data = view
    if data is not None:
        raw = dump_json(data)
    head = _change_head(table, rid, rev, hlc, deleted, seq, extra)
    parts += (head, raw, b"}")
    return len(head) + len(raw) + 1


def _add_audit_entry(
    parts: list[bytes], row: Sequence[Any], *, minimise: bool, chains: PageChains
) -> int:
    """``_add_change`` for an audit entry in a page that leaves out the hashes the PC
    works out exactly (civicdesk/sync/chain.py)."""
    table, rid, _center, rev, hlc, deleted, seq, raw, _last = row
    stored = orjson.loads(raw)
    if not isinstance(stored, dict):
        return _add_change(parts, row, minimise=minimise, delta=False)
    data = head_office_view(table, stored) if minimise else stored
    kept = data is stored or all(data.get(k) == stored.get(k) for k in ("before", "after"))
    out = chains.leave_out(rid, data, values_kept=kept)
    if not out and data is stored:
        return _add_change(parts, row, minimise=False, delta=False)
    body = dump_json({k: v for k, v in data.items() if k not in out} if out else data)
    extra = f',"derive":{dump_json(out).decode("utf-8")}' if out else ""
    head = _change_head(table, rid, rev, hlc, deleted, seq, extra)
    parts += (head, body, b"}")
    return len(head) + len(body) + 1


def _change_head(
    table: str, rid: str, rev: int, hlc: str, deleted: bool, seq: int, extra: str
) -> bytes:
    """A change's JSON up to its values (``"data":``), with the comma before it."""
    return (
        f',{{"table":{_text(table)},"id":{_text(rid)},"rev":{int(rev)},'
        f'"hlc":{_text(hlc)},"deleted":{"true" if deleted else "false"},'
        f'"server_seq":{int(seq)}{extra},"data":'
    ).encode()


def _last_write(
    table: str, rev: int, last_write: str | None
) -> tuple[int, list[str], dict[str, list[int]], _Made | None] | None:
    """(revision made from, columns changed, long texts edited in one place, what a
    pull sends of it as made at the write, if it was) of the write that made this
    version, when it can go as a delta: not a new record, not an audit entry, and
    recorded for this very revision (another write since would have replaced it)."""
    if not last_write or table == "audit_log":
        return None
    try:
        w = orjson.loads(last_write)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(w, dict) or w.get("r") != rev:
        return None
    base, cols, edits = w.get("b"), w.get("c"), w.get("x") or {}
    if type(base) is not int or base < 1 or not isinstance(cols, list):
        return None
    if not isinstance(edits, dict):
        edits = {}
    made, texts = w.get("d"), w.get("t") or {}
    ready = (
        (made, texts)
        if isinstance(made, dict)
        and isinstance(texts, dict)
        and all(_is_text_edit(t) for t in texts.values())
        else None
    )
    return (
        base,
        [str(c) for c in cols],
        {
            str(k): e
            for k, e in edits.items()
            if isinstance(e, list) and len(e) == 3 and all(type(n) is int for n in e)
        },
        ready,
    )


#: (changed columns' values, texts edited in one place) of a delta, as sent
_Made = tuple[dict[str, Any], dict[str, list[Any]]]


def _is_text_edit(t: Any) -> bool:
    return (
        isinstance(t, list)
        and len(t) == 4
        and all(type(n) is int for n in t[:3])
        and isinstance(t[3], str)
    )
