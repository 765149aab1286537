"""The server's store: centers, devices, codes, tokens and a generic record table.

Split by what the parts do: ``store_schema`` (tables, constants), ``store_base``
(engine, upgrades, metadata), ``store_push`` (applying batches), ``store_pull``
(numbering and pages); this module holds enrolment, tokens and centers.

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

import secrets
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    Connection,
    func,
    insert,
    or_,
    select,
    update,
)

from civicdesk.domain.ids import new_id
from civicdesk.sync.server.store_pull import PullingStore
from civicdesk.sync.server.store_push import PushingStore
from civicdesk.sync.server.store_schema import (
    CODE_TTL,
    DEFAULT_CLOCK_MARGIN_MS,
    CenterInfo,
    Credentials,
    StoreError,
    TokenInfo,
    batches,
    centers,
    conflicts,
    default_db_url,
    devices,
    enrol_codes,
    normalize_code,
    records,
    sha256_text,
    tokens,
    utcnow,
)

__all__ = [
    "DEFAULT_CLOCK_MARGIN_MS",
    "CenterInfo",
    "Store",
    "StoreError",
    "TokenInfo",
    "batches",
    "default_db_url",
    "normalize_code",
    "records",
    "sha256_text",
]

class Store(PushingStore, PullingStore):
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
        with self.single_engine.connect() as conn:
            return self._token_info(conn, Credentials(token, device_id, instance_id))

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


