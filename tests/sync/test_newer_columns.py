"""Values of a column (or table) this PC does not have yet are not lost: the row is
applied without them, and once an upgrade adds the column the PC pulls those rows
again from where they first arrived."""

from __future__ import annotations

from civicdesk.services import sync
from civicdesk.sync.client import SyncClient
from civicdesk.sync.protocol import PushBatch, RowChange, dumps
from civicdesk.sync.server.store import Store, TokenInfo
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, enroll_new, row_of


def test_a_column_added_by_an_upgrade_is_filled_from_the_server(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    old_pc = make_replica("a")
    enroll_new(store, old_pc, transport, name="Ақсу")
    center = old_pc.state.center_id or ""
    newer = TokenInfo(center, "newer-pc", "inst", head_office=False)
    row = RowChange(
        table="consultations",
        id="c-future",
        op="upsert",
        rev=1,
        base_rev=0,
        data={
            "center_id": center,
            "created_at": "2025-02-22 10:30:00",
            "updated_at": "2025-02-22 10:30:00",
            "occurred_at": "2025-02-22 10:30:00",
            "channel": "phone",
            "topic_code": "gathering",
            "question": "Сұрақ?",
            "advice": "",
            "legal_refs": "",
            "referral_to": "",
            "status": "open",
            "language": "kk",
            "deleted": 0,
            "duration_minutes": 25,
        },
    )
    store.push(
        newer, PushBatch(batch_id="n1", device_id="newer-pc", schema_version=9, rows=[row]),
        "n1", dumps,
    )
    sync.sync_now(old_pc, transport=transport)
    got = row_of(old_pc, "consultations", "c-future")
    assert got is not None and "duration_minutes" not in got
    sync.sync_now(old_pc, transport=transport)  # nothing changes while it lacks the column

    with old_pc.db.engine.begin() as conn:  # the upgrade (an additive migration)
        conn.exec_driver_sql("ALTER TABLE consultations ADD COLUMN duration_minutes INTEGER")
    SyncClient(old_pc.db, transport=transport).sync_once()
    got = row_of(old_pc, "consultations", "c-future")
    assert got is not None and got["duration_minutes"] == 25
