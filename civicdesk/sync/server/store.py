"""The server's store: centers, devices, codes, tokens and a generic record table.

Schema: ``metadata.create_all`` plus an explicit ``server_meta`` row
``schema_version`` (see ``SERVER_SCHEMA_VERSION``); a store refuses a database whose
version is newer than its own and upgrades older ones step by step in ``_upgrade``.

Ordering of changes (the pull cursor is ``server_seq``):
- SQLite: every write transaction is ``BEGIN IMMEDIATE``, so writers are serialised
  and a sequence number is taken from a counter row inside the writing transaction;
  commit order equals sequence order.
- PostgreSQL: writers run concurrently; each written record stores its writing
  transaction id (``pg_current_xact_id()``) and no sequence number yet. Before reading,
  a pull runs the *sequencer*: under a transaction-level advisory lock it reads
  ``pg_snapshot_xmin(pg_current_snapshot())`` and numbers (from a PostgreSQL sequence)
  only the records whose writing transaction is older than that xmin, i.e. finished.
  A record therefore gets its number only after its writer committed, and numbers
  are handed out in lock order, so a reader can never see number N+1 before number N:
  rows committed out of order are never skipped by ``server_seq > cursor``.
"""

from __future__ import annotations

import contextlib
import hashlib
import secrets
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Connection,
    DateTime,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from civicdesk.domain.hlc import HybridClock
from civicdesk.domain.ids import new_id
from civicdesk.domain.kato import REFERENCE_OWNER
from civicdesk.sync.protocol import (
    CLOCK_MARGIN_MS,
    Change,
    PullPage,
    PushBatch,
    PushResult,
    RowChange,
    RowResult,
    Scalar,
)
from civicdesk.sync.server.merge import META_FIELDS, merge_row
from civicdesk.sync.server.merge import same as _same
from civicdesk.sync.server.minimise import head_office_view
from civicdesk.sync.server.row_rules import is_erasure_scrub, row_problem
from civicdesk.sync.server.values import bad_column, parse_hlc
from civicdesk.sync.tables import (
    EXCLUDED_COLUMNS,
    KNOWN_TABLES,
    NOT_DATA,
    SHARED_EDIT_TABLES,
)
from civicdesk.sync.tables import REFERENCE as REFERENCE_TABLES

SERVER_SCHEMA_VERSION = 1
SEQ_KEY = "seq"
PURGED_KEY = "purged_seq"
# Changed when the database is created and when it is put back from a dump
# (``civicdesk-server restored``): clients then re-send and pull again.
EPOCH_KEY = "epoch"
# Every revision written after a restore is at least this (see merge.py).
REV_FLOOR_KEY = "rev_floor"
#: How far above the dump's highest revision the floor is set: more changes of one
#: record than this between a dump and its restore are not expected.
REV_GAP = 1_000_000
ADVISORY_KEY = 0x5C1D_5E0
CODE_TTL = timedelta(days=14)
#: A pushed timestamp more than this ahead of the server's clock is refused (per row).
DEFAULT_CLOCK_MARGIN_MS = CLOCK_MARGIN_MS


ROW_FIELDS_NOT_DATA = NOT_DATA

metadata = MetaData()

server_meta = Table(
    "server_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)
centers = Table(
    "centers",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(300), nullable=False),
    Column("region_kato", String(2), nullable=False),
    Column("head_office", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
)
devices = Table(
    "devices",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("center_id", String(64), nullable=False, index=True),
    Column("instance_id", String(64), nullable=False),
    Column("enrolled_at", DateTime, nullable=False),
    Column("last_seen_at", DateTime),
    Column("revoked_at", DateTime),
)
enrol_codes = Table(
    "enrol_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("center_id", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
    Column("used_at", DateTime),
)
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("center_id", String(64), nullable=False, index=True),
    Column("device_id", String(64), nullable=False, index=True),
    Column("instance_id", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("revoked_at", DateTime),
)
records = Table(
    "records",
    metadata,
    Column("table_name", String(64), nullable=False),
    Column("id", String(64), nullable=False),
    Column("center_id", String(64), nullable=False),
    Column("data", JSON, nullable=False),
    Column("field_revs", JSON, nullable=False),
    Column("rev", Integer, nullable=False),
    Column("hlc", String(80), nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("server_seq", BigInteger),
    Column("updated_at", DateTime, nullable=False),
    # PostgreSQL: the writing transaction (pg_current_xact_id), see the module notes.
    Column("xid", BigInteger),
    PrimaryKeyConstraint("table_name", "id"),
    Index("ix_records_seq", "server_seq", unique=True),
    Index("ix_records_center_seq", "center_id", "server_seq"),
    Index(
        "ix_records_unsequenced",
        "xid",
        postgresql_where=text("server_seq IS NULL"),
        sqlite_where=text("server_seq IS NULL"),
    ),
)
batches = Table(
    "batches",
    metadata,
    Column("center_id", String(64), nullable=False),
    Column("batch_id", String(64), nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("response", LargeBinary, nullable=False),
    Column("created_at", DateTime, nullable=False),
    PrimaryKeyConstraint("center_id", "batch_id"),
)
conflicts = Table(
    "conflicts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("center_id", String(64), nullable=False, index=True),
    Column("device_id", String(64), nullable=False, index=True),
    Column("table_name", String(64), nullable=False),
    Column("row_id", String(64), nullable=False),
    Column("base_rev", Integer, nullable=False),
    Column("server_rev", Integer, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("resolved_at", DateTime),
)


class StoreError(Exception):
    """A request the store refuses; ``code`` picks the answer (see app.py)."""

    def __init__(self, code: str, status: int) -> None:
        super().__init__(code)
        self.code = code
        self.status = status


@dataclass(frozen=True)
class TokenInfo:
    center_id: str
    device_id: str
    instance_id: str
    head_office: bool


@dataclass(frozen=True)
class CenterInfo:
    id: str
    name: str
    region_kato: str
    head_office: bool
    revoked: bool
    devices: int
    records: int


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def default_db_url() -> str:
    import platformdirs

    folder = Path(platformdirs.user_data_dir("CivicDesk-Server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite+pysqlite:///{folder / 'civicdesk-server.sqlite3'}"


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


class Store:
    def __init__(
        self,
        db_url: str | None = None,
        *,
        tombstone_horizon: timedelta = timedelta(days=90),
        clock_margin_ms: int = DEFAULT_CLOCK_MARGIN_MS,
        wall: Any = None,
    ) -> None:
        self.url = db_url or default_db_url()
        self.is_pg = self.url.startswith("postgresql")
        if self.is_pg:
            self.engine: Engine = create_engine(
                self.url, pool_size=10, max_overflow=20, pool_pre_ping=True
            )
        else:
            if self.url.startswith("sqlite") and ":///" in self.url:
                path = self.url.split(":///", 1)[1]
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(
                self.url, connect_args={"check_same_thread": False, "timeout": 30}
            )
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        self.tombstone_horizon = tombstone_horizon
        self.migrate()
        self.server_id = self._meta_get("server_id") or ""
        self._wall: Any = wall or (lambda: time.time_ns() // 1_000_000)
        self.clock_margin_ms = clock_margin_ms
        # The server's clock never runs more than the margin ahead of its wall time:
        # a timestamp further ahead is refused (``_row_hlc``), never observed.
        self.clock = HybridClock(
            "srv-" + self.server_id[-8:], max_drift_ms=clock_margin_ms, wall=self._wall
        )
        self._seq_lock = threading.Lock()

    # ------------------------------------------------------------------ schema

    def migrate(self) -> None:
        metadata.create_all(self.engine)
        if self.is_pg:
            with self.engine.begin() as conn:
                conn.exec_driver_sql("CREATE SEQUENCE IF NOT EXISTS records_seq")
        with self.engine.begin() as conn:
            version = conn.scalar(
                select(server_meta.c.value).where(server_meta.c.key == "schema_version")
            )
            if version is None:
                for key, value in (
                    ("schema_version", str(SERVER_SCHEMA_VERSION)),
                    ("server_id", new_id()),
                    (SEQ_KEY, "0"),
                    (PURGED_KEY, "0"),
                    (EPOCH_KEY, new_id()),
                ):
                    conn.execute(insert(server_meta).values(key=key, value=value))
            elif int(version) > SERVER_SCHEMA_VERSION:
                raise RuntimeError(
                    f"server database schema {version} is newer than this server "
                    f"({SERVER_SCHEMA_VERSION}); update civicdesk-server"
                )
            # Future versions: upgrade step by step here, then store the new number.
            if conn.scalar(select(server_meta.c.value).where(server_meta.c.key == EPOCH_KEY)) is None:
                conn.execute(insert(server_meta).values(key=EPOCH_KEY, value=new_id()))

    def epoch(self, conn: Connection | None = None) -> str:
        return self._meta_get(EPOCH_KEY, conn) or ""

    def new_epoch(self) -> str:
        """After the database was put back from a dump: every client re-sends what the
        server may have lost and pulls again from the start (docs/deployment.md)."""
        epoch = new_id()
        with self._tx() as conn:
            conn.execute(
                update(server_meta).where(server_meta.c.key == EPOCH_KEY).values(value=epoch)
            )
            top = int(conn.scalar(select(func.max(records.c.rev))) or 0)
            floor = max(top, int(self._meta_get(REV_FLOOR_KEY, conn) or 0)) + REV_GAP
            conn.execute(delete(server_meta).where(server_meta.c.key == REV_FLOOR_KEY))
            conn.execute(insert(server_meta).values(key=REV_FLOOR_KEY, value=str(floor)))
        return epoch

    def highest_seq(self, conn: Connection | None = None) -> int:
        """The highest sequence number ever handed out (a cursor above it: rewound)."""
        if conn is None:
            with self.engine.connect() as c:
                return self.highest_seq(c)
        if self.is_pg:
            row = conn.exec_driver_sql("SELECT last_value, is_called FROM records_seq").first()
            return int(row[0]) if row is not None and row[1] else 0
        return int(self._meta_get(SEQ_KEY, conn) or 0)

    def _meta_get(self, key: str, conn: Connection | None = None) -> str | None:
        stmt = select(server_meta.c.value).where(server_meta.c.key == key)
        if conn is not None:
            return conn.scalar(stmt)
        with self.engine.connect() as c:
            return c.scalar(stmt)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    # ------------------------------------------------------------------ centers & tokens

    def create_center(
        self,
        name: str,
        region_kato: str,
        *,
        head_office: bool = False,
        center_id: str | None = None,
    ) -> str:
        cid = center_id or new_id()
        with self._tx() as conn:
            conn.execute(
                insert(centers).values(
                    id=cid,
                    name=name,
                    region_kato=region_kato,
                    head_office=head_office,
                    created_at=utcnow(),
                )
            )
        return cid

    def find_center(self, name_or_id: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(
                select(centers.c.id).where(
                    or_(centers.c.id == name_or_id, centers.c.name == name_or_id)
                )
            )

    def issue_code(self, center_id: str, *, ttl: timedelta = CODE_TTL) -> str:
        """A one-time enrolment code (shown once; only its hash is kept)."""
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        raw = "".join(secrets.choice(alphabet) for _ in range(16))
        code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
        now = utcnow()
        with self._tx() as conn:
            conn.execute(
                insert(enrol_codes).values(
                    code_hash=sha256_text(normalize_code(code)),
                    center_id=center_id,
                    created_at=now,
                    expires_at=now + ttl,
                )
            )
        return code

    def enroll(
        self, code: str, device_id: str, instance_id: str, proposed_center: str | None
    ) -> tuple[str, dict[str, Any]]:
        now = utcnow()
        token = secrets.token_urlsafe(32)
        with self._tx() as conn:
            row = conn.execute(
                select(enrol_codes)
                .where(enrol_codes.c.code_hash == sha256_text(normalize_code(code)))
                .with_for_update()
            ).first()
            if row is None or row.used_at is not None or row.expires_at < now:
                raise StoreError("enroll.bad_code", 400)
            center = conn.execute(select(centers).where(centers.c.id == row.center_id)).first()
            if center is None or center.revoked_at is not None:
                raise StoreError("enroll.bad_code", 400)
            conn.execute(
                update(enrol_codes)
                .where(enrol_codes.c.code_hash == row.code_hash)
                .values(used_at=now)
            )
            cid = center.id
            if proposed_center and proposed_center != cid and self._center_is_fresh(conn, cid):
                taken = conn.scalar(select(centers.c.id).where(centers.c.id == proposed_center))
                if taken is None:
                    conn.execute(
                        update(centers).where(centers.c.id == cid).values(id=proposed_center)
                    )
                    conn.execute(
                        update(enrol_codes)
                        .where(enrol_codes.c.center_id == cid)
                        .values(center_id=proposed_center)
                    )
                    cid = proposed_center
            existing = conn.scalar(select(devices.c.id).where(devices.c.id == device_id))
            if existing is None:
                conn.execute(
                    insert(devices).values(
                        id=device_id,
                        center_id=cid,
                        instance_id=instance_id,
                        enrolled_at=now,
                    )
                )
            else:
                conn.execute(
                    update(devices)
                    .where(devices.c.id == device_id)
                    .values(
                        center_id=cid,
                        instance_id=instance_id,
                        enrolled_at=now,
                        revoked_at=None,
                    )
                )
            # A device enrolled again: its earlier tokens (in old backups) stop working.
            conn.execute(
                update(tokens)
                .where(tokens.c.device_id == device_id, tokens.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            conn.execute(
                insert(tokens).values(
                    token_hash=sha256_text(token),
                    center_id=cid,
                    device_id=device_id,
                    instance_id=instance_id,
                    created_at=now,
                )
            )
            return token, {
                "center_id": cid,
                "center_name": center.name,
                "region_kato": center.region_kato,
                "head_office": bool(center.head_office),
            }

    @staticmethod
    def _center_is_fresh(conn: Connection, cid: str) -> bool:
        dev = conn.scalar(
            select(func.count()).select_from(devices).where(devices.c.center_id == cid)
        )
        rec = conn.scalar(
            select(func.count()).select_from(records).where(records.c.center_id == cid)
        )
        return not dev and not rec

    def check_token(self, token: str, device_id: str, instance_id: str) -> TokenInfo:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(tokens, centers.c.head_office, centers.c.revoked_at.label("c_rev"))
                .join(centers, centers.c.id == tokens.c.center_id)
                .where(tokens.c.token_hash == sha256_text(token))
            ).first()
        if row is None:
            raise StoreError("auth.unknown_token", 401)
        if row.revoked_at is not None or row.c_rev is not None:
            raise StoreError("auth.revoked", 401)
        if row.device_id != device_id or row.instance_id != instance_id:
            raise StoreError("auth.copied_token", 403)
        return TokenInfo(row.center_id, row.device_id, row.instance_id, bool(row.head_office))

    def revoke(self, center_or_device: str) -> int:
        """Revoke a center (all its tokens) or one device; returns tokens revoked."""
        now = utcnow()
        with self._tx() as conn:
            cid = conn.scalar(
                select(centers.c.id).where(
                    or_(centers.c.id == center_or_device, centers.c.name == center_or_device)
                )
            )
            if cid is not None:
                conn.execute(update(centers).where(centers.c.id == cid).values(revoked_at=now))
                res = conn.execute(
                    update(tokens)
                    .where(tokens.c.center_id == cid, tokens.c.revoked_at.is_(None))
                    .values(revoked_at=now)
                )
                return int(res.rowcount or 0)
            conn.execute(
                update(devices).where(devices.c.id == center_or_device).values(revoked_at=now)
            )
            res = conn.execute(
                update(tokens)
                .where(tokens.c.device_id == center_or_device, tokens.c.revoked_at.is_(None))
                .values(revoked_at=now)
            )
            return int(res.rowcount or 0)

    def list_centers(self) -> list[CenterInfo]:
        with self.engine.connect() as conn:
            out = []
            for c in conn.execute(select(centers).order_by(centers.c.name)):
                ndev = conn.scalar(
                    select(func.count()).select_from(devices).where(devices.c.center_id == c.id)
                )
                nrec = conn.scalar(
                    select(func.count()).select_from(records).where(records.c.center_id == c.id)
                )
                out.append(
                    CenterInfo(
                        c.id,
                        c.name,
                        c.region_kato,
                        bool(c.head_office),
                        c.revoked_at is not None,
                        int(ndev or 0),
                        int(nrec or 0),
                    )
                )
            return out

    # ------------------------------------------------------------------ push

    def stored_answer(self, center_id: str, batch_id: str, digest: str) -> bytes | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(batches.c.body_sha256, batches.c.response).where(
                    batches.c.center_id == center_id, batches.c.batch_id == batch_id
                )
            ).first()
        if row is None:
            return None
        if row.body_sha256 != digest:
            raise StoreError("push.batch_reused", 409)
        return bytes(row.response)

    def push(self, who: TokenInfo, batch: PushBatch, digest: str, encode: Any) -> bytes:
        """Apply a batch in one transaction; returns the (stored) encoded answer."""
        for attempt in range(5):
            try:
                return self._push_once(who, batch, digest, encode)
            except (IntegrityError, OperationalError, DBAPIError) as exc:
                stored = None
                with contextlib.suppress(StoreError):
                    stored = self.stored_answer(who.center_id, batch.batch_id, digest)
                if stored is not None:
                    return stored
                if attempt == 4 or not _retryable(exc):
                    raise
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _push_once(self, who: TokenInfo, batch: PushBatch, digest: str, encode: Any) -> bytes:
        now = utcnow()
        with self._tx() as conn:
            row = conn.execute(
                select(batches.c.body_sha256, batches.c.response).where(
                    batches.c.center_id == who.center_id, batches.c.batch_id == batch.batch_id
                )
            ).first()
            if row is not None:
                if row.body_sha256 != digest:
                    raise StoreError("push.batch_reused", 409)
                return bytes(row.response)
            xid: int | None = None
            if self.is_pg:
                xid = int(
                    conn.exec_driver_sql("SELECT pg_current_xact_id()::text::bigint").scalar_one()
                )
            known = self._load_existing(conn, batch.rows)
            floor = int(self._meta_get(REV_FLOOR_KEY, conn) or 0)
            writes: dict[tuple[str, str], dict[str, Any]] = {}
            new_keys: set[tuple[str, str]] = set()
            new_conflicts: list[dict[str, Any]] = []
            results = []
            for r in batch.rows:
                key = (r.table, r.id)
                res, values, clash = self._apply_row(who, r, known.get(key), floor)
                results.append(res)
                if values is not None:
                    if key not in known:
                        new_keys.add(key)
                    known[key] = values
                    writes[key] = values
                if clash is not None:
                    new_conflicts.append(clash)
            self._write(conn, writes, new_keys, now, xid)
            self._close_settled_conflicts(conn, who, batch.rows, results, now)
            if new_conflicts:
                for c in new_conflicts:
                    c.update(device_id=who.device_id, created_at=now)
                conn.execute(insert(conflicts), new_conflicts)
            answer = PushResult(
                batch_id=batch.batch_id,
                results=results,
                server_time=self.clock.now(),
                epoch=self.epoch(conn),
                highest_seq=self.highest_seq(conn),
            )
            body: bytes = encode(answer)
            conn.execute(
                insert(batches).values(
                    center_id=who.center_id,
                    batch_id=batch.batch_id,
                    device_id=who.device_id,
                    body_sha256=digest,
                    response=body,
                    created_at=now,
                )
            )
            conn.execute(
                update(devices).where(devices.c.id == who.device_id).values(last_seen_at=now)
            )
            return body

    @staticmethod
    def _close_settled_conflicts(
        conn: Connection,
        who: TokenInfo,
        rows: Sequence[RowChange],
        results: Sequence[RowResult],
        now: datetime,
    ) -> None:
        """A device that pushes a record again from a revision at or after a conflict it
        was told about has settled that conflict (its person chose, or it has since
        seen the server's values): the server's record of it is closed."""
        open_rows = {
            (t, i)
            for t, i in conn.execute(
                select(conflicts.c.table_name, conflicts.c.row_id).where(
                    conflicts.c.device_id == who.device_id, conflicts.c.resolved_at.is_(None)
                )
            )
        }
        if not open_rows:
            return
        for r, res in zip(rows, results, strict=True):
            if (r.table, r.id) in open_rows and res.status in ("applied", "merged"):
                conn.execute(
                    update(conflicts)
                    .where(
                        conflicts.c.table_name == r.table,
                        conflicts.c.row_id == r.id,
                        conflicts.c.device_id == who.device_id,
                        conflicts.c.server_rev <= r.base_rev,
                        conflicts.c.resolved_at.is_(None),
                    )
                    .values(resolved_at=now)
                )

    def _load_existing(
        self, conn: Connection, rows: Sequence[RowChange]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The current records of a batch, locked for the transaction (one query a table)."""
        by_table: dict[str, set[str]] = {}
        for r in rows:
            by_table.setdefault(r.table, set()).add(r.id)
        out: dict[tuple[str, str], dict[str, Any]] = {}
        cols = [
            records.c.table_name,
            records.c.id,
            records.c.center_id,
            records.c.data,
            records.c.field_revs,
            records.c.rev,
            records.c.deleted,
            records.c.hlc,
        ]
        for table, ids in by_table.items():
            stmt = (
                select(*cols)
                .where(records.c.table_name == table, records.c.id.in_(sorted(ids)))
                .order_by(records.c.id)
                .with_for_update()
            )
            for row in conn.execute(stmt):
                out[(row.table_name, row.id)] = {
                    "center_id": row.center_id,
                    "data": dict(row.data),
                    "field_revs": {k: int(v) for k, v in dict(row.field_revs).items()},
                    "rev": int(row.rev),
                    "deleted": bool(row.deleted),
                    "hlc": row.hlc,
                }
        return out

    def _write(
        self,
        conn: Connection,
        writes: dict[tuple[str, str], dict[str, Any]],
        new_keys: set[tuple[str, str]],
        now: datetime,
        xid: int | None,
    ) -> None:
        if not writes:
            return
        seqs: list[int | None] = [None] * len(writes)
        if not self.is_pg:
            # SQLite: one block of numbers for the batch, taken under the write lock.
            top = conn.execute(
                update(server_meta)
                .where(server_meta.c.key == SEQ_KEY)
                .values(value=sql_cast(sql_cast(server_meta.c.value, Integer) + len(writes), Text))
                .returning(server_meta.c.value)
            ).scalar_one()
            first = int(top) - len(writes) + 1
            seqs = list(range(first, int(top) + 1))
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for (key, v), seq in zip(writes.items(), seqs, strict=True):
            values = {
                "table_name": key[0],
                "id": key[1],
                "center_id": v["center_id"],
                "data": v["data"],
                "field_revs": v["field_revs"],
                "rev": v["rev"],
                "hlc": v["hlc"],
                "deleted": v["deleted"],
                "server_seq": seq,
                "updated_at": now,
                "xid": xid,
            }
            (inserts if key in new_keys else updates).append(values)
        if inserts:
            conn.execute(insert(records), inserts)
        if updates:
            stmt = (
                update(records)
                .where(
                    records.c.table_name == bindparam("k_table"), records.c.id == bindparam("k_id")
                )
                .values(
                    data=bindparam("data"),
                    field_revs=bindparam("field_revs"),
                    rev=bindparam("rev"),
                    hlc=bindparam("hlc"),
                    deleted=bindparam("deleted"),
                    server_seq=bindparam("server_seq"),
                    updated_at=bindparam("updated_at"),
                    xid=bindparam("xid"),
                )
            )
            params = [
                {
                    **{k: v for k, v in u.items() if k not in ("table_name", "id", "center_id")},
                    "k_table": u["table_name"],
                    "k_id": u["id"],
                }
                for u in updates
            ]
            conn.execute(stmt, params)

    def _row_hlc(self, hlc: str) -> str | None:
        """The timestamp a pushed row keeps; None when it is refused (see values.py).

        A row without a timestamp gets the server's; a malformed one, or one more
        than the margin ahead of the server's wall clock, is refused."""
        if not hlc:
            return self.clock.now()
        ts = parse_hlc(hlc)
        if ts is None:
            return None
        if ts.wall_ms > int(self._wall()) + self.clock_margin_ms:
            return None
        self.clock.observe(hlc)
        return hlc

    def _apply_row(
        self, who: TokenInfo, r: RowChange, existing: dict[str, Any] | None, floor: int = 0
    ) -> tuple[RowResult, dict[str, Any] | None, dict[str, Any] | None]:
        """One row against the current record: (result, record to write, conflict)."""

        def rejected(reason: str) -> tuple[RowResult, None, None]:
            return RowResult(table=r.table, id=r.id, status="rejected", reason=reason), None, None

        if r.table not in KNOWN_TABLES:
            return rejected("unknown_table")
        if r.table in REFERENCE_TABLES and not who.head_office:
            return rejected("reference_data")
        excluded = EXCLUDED_COLUMNS.get(r.table, frozenset())
        data: dict[str, Scalar] = {
            k: v for k, v in r.data.items() if k not in ROW_FIELDS_NOT_DATA and k not in excluded
        }
        if existing is None and r.op == "delete":
            # Made and deleted before it ever reached us: nothing to keep.
            return RowResult(table=r.table, id=r.id, status="applied", deleted=True), None, None
        owner = existing["center_id"] if existing is not None else data.get("center_id")
        if not isinstance(owner, str) or not owner or "\x00" in owner or len(owner) > 64:
            return rejected("no_center")
        head_office_edit = who.head_office and r.table in SHARED_EDIT_TABLES
        # Ownership first, so that a record of another center and an id nobody has
        # get the same answer: a center cannot learn which ids exist elsewhere.
        if r.table not in REFERENCE_TABLES and owner != who.center_id and not head_office_edit:
            return rejected("not_owner")
        if r.op == "upsert" and data.get("center_id", owner) != owner:
            return rejected("center_changed")
        if r.op == "upsert" and bad_column(r.table, data) is not None:
            return rejected("bad_value")
        if (
            r.table == "audit_log"
            and existing is not None
            and not _resent_unchanged(r, data, existing)
            and not (r.op == "upsert" and is_erasure_scrub(data, existing["data"], META_FIELDS))
        ):
            # append-only: an audit entry once stored is never rewritten or removed,
            # except for a person's values blanked by an erasure on request
            return rejected("append_only")
        refused = row_problem(who.head_office, r.table, data)
        if refused:
            return rejected(refused)
        if r.hlc and parse_hlc(r.hlc) is None:
            return rejected("bad_clock")
        stamped = self._row_hlc(r.hlc)
        if stamped is None:
            return rejected("clock_ahead")
        hlc = stamped

        return merge_row(r, data, existing, owner=owner, hlc=hlc, floor=floor)

    # ------------------------------------------------------------------ pull

    def sequence(self, *, wait: bool = False) -> int:
        """PostgreSQL: number the records whose writers have finished (see module notes).

        Skipped when nothing waits or another pull is numbering right now (its numbers
        commit in lock order, so reading without them never skips a row: they come
        with a later page). ``wait`` blocks for the lock instead (purging, tests).
        """
        if not self.is_pg:
            return 0
        with self._tx() as conn:
            waiting = conn.exec_driver_sql(
                "SELECT 1 FROM records WHERE server_seq IS NULL "
                "AND xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint LIMIT 1"
            ).first()
            if waiting is None:
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

    def pull(self, who: TokenInfo, cursor: int, limit: int) -> PullPage:
        if cursor > 0 and cursor < self.purged_seq():
            raise StoreError("pull.cursor_expired", 410)
        self.sequence()
        stmt = select(records).where(records.c.server_seq > cursor)
        if not who.head_office:
            stmt = stmt.where(
                or_(
                    records.c.center_id == who.center_id,
                    records.c.table_name.in_(sorted(REFERENCE_TABLES)),
                    # the official settlements of the KATO classifier (import-kato)
                    records.c.center_id == REFERENCE_OWNER,
                )
            )
        stmt = stmt.order_by(records.c.server_seq).limit(limit + 1)
        with self.engine.connect() as conn:
            rows = conn.execute(stmt).all()
            epoch = self.epoch(conn)
            highest = self.highest_seq(conn)
            if not self.is_pg:
                conn.rollback()
        more = len(rows) > limit
        rows = rows[:limit]
        changes = [
            Change(
                table=row.table_name,
                id=row.id,
                rev=row.rev,
                hlc=row.hlc,
                deleted=bool(row.deleted),
                server_seq=int(row.server_seq),
                data=(
                    head_office_view(row.table_name, dict(row.data))
                    if who.head_office and row.center_id != who.center_id
                    else dict(row.data)
                ),
            )
            for row in rows
        ]
        next_cursor = int(rows[-1].server_seq) if rows else cursor
        return PullPage(
            changes=changes,
            next_cursor=next_cursor,
            has_more=more,
            server_time=self.clock.now(),
            epoch=epoch,
            highest_seq=highest,
        )

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

    def open_conflicts(self, center_id: str | None = None) -> int:
        stmt = select(func.count()).select_from(conflicts).where(conflicts.c.resolved_at.is_(None))
        if center_id is not None:
            stmt = stmt.where(conflicts.c.center_id == center_id)
        with self.engine.connect() as conn:
            return int(conn.scalar(stmt) or 0)

    def record_count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(records)) or 0)

    def get_record(self, table: str, row_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(records).where(records.c.table_name == table, records.c.id == row_id)
            ).first()
        return None if row is None else dict(row._mapping)

    def all_records(self) -> Sequence[Any]:
        with self.engine.connect() as conn:
            return conn.execute(select(records)).all()


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _retryable(exc: Exception) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, IntegrityError) or any(
        s in msg for s in ("deadlock", "could not serialize", "database is locked", "busy")
    )


def _resent_unchanged(r: RowChange, data: dict[str, Scalar], existing: dict[str, Any]) -> bool:
    """An audit entry sent again exactly as stored (a repeated push), not a rewrite."""
    if r.op != "upsert":
        return False
    stored = existing["data"]
    return all(_same(v, stored.get(k)) for k, v in data.items() if k not in META_FIELDS)
