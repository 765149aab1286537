"""The server's tables, constants and small helpers.

How the schema is versioned and how changes are ordered (the pull cursor) is told once,
in ``store.py``'s docstring.
"""
from __future__ import annotations

import hashlib
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
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.exc import IntegrityError

from civicdesk.sync.protocol import (
    CLOCK_MARGIN_MS,
)
from civicdesk.sync.tables import (
    NOT_DATA,
)

SERVER_SCHEMA_VERSION = 3
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
    # The sync round of the PC whose push wrote this version (``X-CivicDesk-Round``):
    # that PC's pull in the same round skips it, it holds it already (no echo).
    Column("writer_round", String(64)),
    # What the write that made this version changed, as JSON ``{"r": rev, "b": the
    # revision it was made from, "c": [columns]}`` (NULL for a new record): a pull that
    # asks for it sends a PC holding revision ``b`` only those columns. Only valid while
    # ``r`` is the record's ``rev``. Also ``"x"``, long texts edited in one place, and,
    # from servers of 2026-12-04 on, ``"d"`` and ``"t"``: what such a pull sends, made
    # at the write (``merge._record``; made from the whole record where missing).
    Column("last_write", Text),
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
class Credentials:
    """What a request presents: its bearer token, device and database instance."""

    token: str
    device_id: str
    instance_id: str


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


def sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA busy_timeout = 30000")
    cur.close()


def sqlite_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def retryable(exc: Exception) -> bool:
    msg = str(exc).lower()
    return isinstance(exc, IntegrityError) or any(
        s in msg for s in ("deadlock", "could not serialize", "database is locked", "busy")
    )

