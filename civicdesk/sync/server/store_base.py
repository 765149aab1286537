"""The store's engine, schema upgrades and server metadata (``Store`` builds on it)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from civicdesk.domain.hlc import HybridClock
from civicdesk.domain.ids import new_id
from civicdesk.sync.protocol import SERVER_BATCH_BYTES, SERVER_BATCH_ROWS, dump_json
from civicdesk.sync.server.store_schema import (
    DEFAULT_CLOCK_MARGIN_MS,
    EPOCH_KEY,
    PURGED_KEY,
    REV_FLOOR_KEY,
    REV_GAP,
    SEQ_KEY,
    SERVER_SCHEMA_VERSION,
    Credentials,
    StoreError,
    TokenInfo,
    centers,
    default_db_url,
    metadata,
    records,
    server_meta,
    sha256_text,
    sqlite_begin,
    sqlite_connect,
    tokens,
)

#: the schema version each step brings a database to, and its statement
UPGRADES: tuple[tuple[int, str], ...] = (
    # the round of the push that wrote a record's current version (no echo)
    (2, "ALTER TABLE records ADD COLUMN writer_round VARCHAR(64)"),
    # what the write that made a record's current version changed (changed columns)
    (3, "ALTER TABLE records ADD COLUMN last_write TEXT"),
)


def compact_json(value: Any) -> str:
    """Records' JSON as stored: UTF-8 letters, no spaces (pulls send it as it is)."""
    return dump_json(value).decode("utf-8")


class StoreBase:
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
                self.url, pool_size=10, max_overflow=20, pool_pre_ping=True,
                json_serializer=compact_json, json_deserializer=orjson.loads,
            )
        else:
            if self.url.startswith("sqlite") and ":///" in self.url:
                path = self.url.split(":///", 1)[1]
                if path and path != ":memory:":
                    Path(path).parent.mkdir(parents=True, exist_ok=True)
            self.engine = create_engine(
                self.url, connect_args={"check_same_thread": False, "timeout": 30},
                json_serializer=compact_json, json_deserializer=orjson.loads,
            )
            event.listen(self.engine, "connect", sqlite_connect)
            event.listen(self.engine, "begin", sqlite_begin)
        # a pull's page and the highest number beside it are read in one snapshot
        # (made once: an engine with options is a new object each time it is asked for)
        self.snapshot_engine: Engine = (
            self.engine.execution_options(isolation_level="REPEATABLE READ")
            if self.is_pg
            else self.engine
        )
        # one statement alone (a token's check): no BEGIN and ROLLBACK around it
        self.single_engine: Engine = (
            self.engine.execution_options(isolation_level="AUTOCOMMIT")
            if self.is_pg
            else self.engine
        )
        self.tombstone_horizon = tombstone_horizon
        self.migrate()
        self.server_id = self._meta_get("server_id") or ""
        self._wall: Any = wall or (lambda: time.time_ns() // 1_000_000)
        self.clock_margin_ms = clock_margin_ms
        # The server's clock never runs more than the margin ahead of its wall time:
        # a timestamp further ahead is refused (``PushingStore._apply_row``), never observed.
        self.clock = HybridClock(
            "srv-" + self.server_id[-8:], max_drift_ms=clock_margin_ms, wall=self._wall
        )
        self._seq_lock = threading.Lock()
        # the batch size this server tells PCs it takes (``create_app`` lowers the bytes
        # to fit a smaller body limit)
        self.max_batch_rows = SERVER_BATCH_ROWS
        self.max_batch_bytes = SERVER_BATCH_BYTES

    # ------------------------------------------------------------------ schema

    def migrate(self) -> None:
        metadata.create_all(self.engine)
        if self.is_pg:
            with self.engine.begin() as conn:
                conn.exec_driver_sql("CREATE SEQUENCE IF NOT EXISTS records_seq")
            self._compress_records_lz4()
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
            # Upgrades, step by step.
            for step, sql in UPGRADES:
                if version is not None and int(version) < step:
                    conn.exec_driver_sql(sql)
                    conn.execute(
                        update(server_meta)
                        .where(server_meta.c.key == "schema_version")
                        .values(value=str(step))
                    )
            if conn.scalar(select(server_meta.c.value).where(server_meta.c.key == EPOCH_KEY)) is None:
                conn.execute(insert(server_meta).values(key=EPOCH_KEY, value=new_id()))

    def _compress_records_lz4(self) -> None:
        """PostgreSQL 14 and later: records' values are compressed with lz4 rather than
        the default pglz when they go over the page's size limit (about 2 KB: a long
        consultation, its audit entry). Measured on a first push of 20 000
        consultations, lz4 costs PostgreSQL about a third less CPU and makes a
        smaller table. Only new values are written so; older ones stay readable as
        they are. A database made or upgraded by an older server gets it on start-up;
        a PostgreSQL built without lz4 keeps pglz. It is a storage setting, not a
        change of the schema, so ``schema_version`` stays (older servers read it)."""
        with self.engine.begin() as conn:
            if int(conn.exec_driver_sql("SHOW server_version_num").scalar_one()) < 140000:
                return
            pending = conn.exec_driver_sql(
                "SELECT attname FROM pg_attribute WHERE attrelid = 'records'::regclass "
                "AND attname IN ('data', 'field_revs') AND attcompression <> 'l' "
                "ORDER BY attname"
            ).scalars().all()
            if not pending:
                return
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql(
                        "ALTER TABLE records "
                        + ", ".join(f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in pending)
                    )
            except DBAPIError as exc:
                if "lz4" not in str(exc).lower():
                    raise

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

    def _token_info(self, conn: Connection, cred: Credentials) -> TokenInfo:
        """Who presents these credentials (raises 401 or 403), read on ``conn``."""
        row = conn.execute(
            select(tokens, centers.c.head_office, centers.c.revoked_at.label("c_rev"))
            .join(centers, centers.c.id == tokens.c.center_id)
            .where(tokens.c.token_hash == sha256_text(cred.token))
        ).first()
        return token_info(row, cred)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn



def token_info(row: Any, cred: Credentials) -> TokenInfo:
    """Who a token's row (its center's ``head_office`` and ``revoked_at`` as ``c_rev``
    beside it; None or a row with no ``center_id`` when no token has that hash) says
    presents ``cred``; raises 401 or 403."""
    if row is None or row.center_id is None:
        raise StoreError("auth.unknown_token", 401)
    if row.revoked_at is not None or row.c_rev is not None:
        raise StoreError("auth.revoked", 401)
    if row.device_id != cred.device_id or row.instance_id != cred.instance_id:
        raise StoreError("auth.copied_token", 403)
    return TokenInfo(row.center_id, row.device_id, row.instance_id, bool(row.head_office))
