"""Ownership, idempotence, cut connections, merges, clocks and tombstones."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta

import httpx
import pytest

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.client import SyncClient, SyncError
from civicdesk.sync.protocol import PushBatch, RowChange
from civicdesk.sync.server.store import Store, TokenInfo
from tests.sync.helpers import (
    AppTransport,
    Faults,
    FlakyTransport,
    add_consultation,
    add_grant_application,
    center_and_head_office_with_a_call,
    edit,
    enroll_new,
    hard_delete,
    outbox_count,
    row_of,
    rows_of,
    sent_json,
)

Make = Callable[[str], CivicApp]


class Spy(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.batch_ids: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/push"):
            self.batch_ids.append(json.loads(sent_json(request))["batch_id"])
        return self.inner.handle_request(request)


def test_centers_only_see_and_write_their_own(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, b = make_replica("a"), make_replica("b")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, b, transport, name="Бесқарағай")
    mine = add_consultation(a, "А орталығының сұрағы")
    sync.sync_now(a, transport=transport)
    sync.sync_now(b, transport=transport)
    assert row_of(b, "consultations", mine) is None
    assert not rows_of(b, "users", "login = 'manager.a'")

    # B forges a row of A, edits A's row and writes reference data: all rejected.
    who_b = TokenInfo(b.state.center_id or "", "dev", "inst", head_office=False)
    forged = [
        RowChange(
            table="consultations",
            id=mine,
            op="upsert",
            rev=2,
            base_rev=1,
            data={"center_id": a.state.center_id, "question": "бұзылған"},
        ),
        RowChange(
            table="consultations",
            id="new-1",
            op="upsert",
            rev=1,
            base_rev=0,
            data={"center_id": a.state.center_id, "question": "жалған"},
        ),
        RowChange(table="consultations", id=mine, op="delete", rev=2, base_rev=1),
        RowChange(
            table="topics",
            id="t1",
            op="upsert",
            rev=1,
            base_rev=0,
            data={"center_id": b.state.center_id, "code": "x"},
        ),
        RowChange(
            table="no_such_table",
            id="z",
            op="upsert",
            rev=1,
            base_rev=0,
            data={"center_id": b.state.center_id},
        ),
    ]
    from civicdesk.sync.protocol import PushResult, dumps

    raw = store.push(
        who_b, PushBatch(batch_id="f1", device_id="dev", schema_version=4, rows=forged), "h", dumps
    )
    reasons = [r.reason for r in PushResult.model_validate_json(raw).results]
    assert reasons == ["not_owner", "not_owner", "not_owner", "reference_data", "unknown_table"]
    rec = store.get_record("consultations", mine)
    assert rec is not None and rec["data"]["question"] == "А орталығының сұрағы"
    assert not rec["deleted"]


def test_duplicate_pull_pages_change_nothing(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    ids = [add_consultation(a, f"Сұрақ {i}") for i in range(5)]
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)
    before = rows_of(ho, "consultations")
    client = SyncClient(ho.db, transport=transport)
    client.set_state("cursor", 0)  # as if the cursor of the earlier pages were lost
    again = client.sync_once()
    assert again.errors == 0
    assert rows_of(ho, "consultations") == before
    assert outbox_count(ho) == 0
    assert set(ids) <= set(before)


@pytest.mark.parametrize("mode", ["before", "after"])
@pytest.mark.parametrize("k", range(1, 14))
def test_cut_connection_at_each_step(
    store: Store, transport: AppTransport, make_replica: Make, mode: str, k: int
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    ids = {add_consultation(a, f"Сұрақ № {i}") for i in range(25)}
    for app in (a, ho):
        faults = Faults(
            before={k} if mode == "before" else set(), after={k} if mode == "after" else set()
        )
        spy = Spy(transport)
        client = SyncClient(
            app.db, transport=FlakyTransport(spy, faults), batch_size=8, page_size=9
        )
        try:
            client.sync_once()
        except SyncError as err:
            assert err.kind == "network"
            assert "сақтал" in err.text("kk")
        else:
            assert faults.count < k  # this sync needed fewer requests than k
        faults.before.clear()
        faults.after.clear()
        summary = client.sync_once()  # the connection is back
        assert summary.errors == 0
        assert outbox_count(app) == 0
        # a batch cut after it was sent is re-sent under the same id, never a new one
        with store.engine.connect() as conn:
            from sqlalchemy import select

            from civicdesk.sync.server.store import batches

            stored = set(
                conn.scalars(
                    select(batches.c.batch_id).where(batches.c.device_id == app.state.device_id)
                )
            )
        assert set(spy.batch_ids) == stored
        assert len(spy.batch_ids) == len(stored) + (1 if len(spy.batch_ids) > len(stored) else 0)
    got = rows_of(ho, "consultations")
    assert ids <= set(got)
    server = {r.id for r in store.all_records() if r.table_name == "consultations"}
    assert server == ids
    assert not sync.conflicts(a) and not sync.conflicts(ho)
    assert all(got[i]["question"].startswith("Сұрақ № ") for i in ids)


def test_grant_application_merges_field_by_field(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho, call = center_and_head_office_with_a_call(store, transport, make_replica)
    assert row_of(a, "grant_calls", call) is not None
    app_id = add_grant_application(a, call, "Балалар алаңы")
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)

    # Both edit offline; head office syncs first.
    edit(ho, "grant_applications", app_id, title="Балалар ойын алаңы", status="under_review")
    edit(
        a, "grant_applications", app_id, title="Балаларға арналған алаң", problem="Ауылда алаң жоқ"
    )
    assert sync.sync_now(ho, transport=transport).errors == 0
    s = sync.sync_now(a, transport=transport)
    assert s.conflicts == 1
    local = row_of(a, "grant_applications", app_id)
    assert local is not None
    assert local["title"] == "Балалар ойын алаңы"  # the server's value is kept
    assert local["status"] == "under_review"  # merged from head office
    assert local["problem"] == "Ауылда алаң жоқ"
    queue = sync.conflicts(a)
    assert len(queue) == 1 and queue[0].table == "grant_applications"
    assert queue[0].fields["title"] == {
        "mine": "Балаларға арналған алаң",
        "theirs": "Балалар ойын алаңы",
    }
    assert store.open_conflicts() == 1
    sync.sync_now(ho, transport=transport)
    office = row_of(ho, "grant_applications", app_id)
    assert office is not None and office["problem"] == "Ауылда алаң жоқ"
    assert office["title"] == "Балалар ойын алаңы"

    # The person at the center keeps their title: it goes out as a normal edit.
    sync.resolve(a, queue[0].id, "mine")
    assert not sync.conflicts(a)
    assert sync.sync_now(a, transport=transport).conflicts == 0
    sync.sync_now(ho, transport=transport)
    office = row_of(ho, "grant_applications", app_id)
    assert office is not None and office["title"] == "Балаларға арналған алаң"
    assert store.open_conflicts() == 0  # settled by the push of the chosen value
    assert sync.exit_code_for(None, open_conflicts=len(sync.conflicts(a))) == sync.EXIT_OK


def test_two_pcs_of_one_center_merge(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = make_replica("a"), make_replica("a")
    enroll_new(store, pc1, transport, name="Ақсу")
    enroll_new(store, pc2, transport, name="Ақсу")
    cid = add_consultation(pc1)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    edit(pc1, "consultations", cid, advice="Бірінші ПК")
    edit(pc2, "consultations", cid, status="closed")
    sync.sync_now(pc1, transport=transport)
    assert sync.sync_now(pc2, transport=transport).conflicts == 0
    sync.sync_now(pc1, transport=transport)
    for pc in (pc1, pc2):
        row = row_of(pc, "consultations", cid)
        assert row is not None and (row["advice"], row["status"]) == ("Бірінші ПК", "closed")
    # the same field on both: the second is queued, the first stays
    edit(pc1, "consultations", cid, advice="A")
    edit(pc2, "consultations", cid, advice="B")
    sync.sync_now(pc1, transport=transport)
    assert sync.sync_now(pc2, transport=transport).conflicts == 1
    assert sync.conflicts(pc2)[0].fields["advice"] == {"mine": "B", "theirs": "A"}
    sync.resolve(pc2, sync.conflicts(pc2)[0].id, "theirs")
    sync.sync_now(pc2, transport=transport)
    sync.sync_now(pc1, transport=transport)
    assert row_of(pc1, "consultations", cid)["advice"] == "A"  # type: ignore[index]
    assert row_of(pc2, "consultations", cid)["advice"] == "A"  # type: ignore[index]


def test_clocks_hours_apart_and_a_year_ahead(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from civicdesk.domain.hlc import HybridClock, Timestamp
    from civicdesk.sync.protocol import dumps

    now_ms = 1_740_000_000_000
    store = Store(f"sqlite:///{tmp_path / 's.db'}", wall=lambda: now_ms)
    try:
        cid = store.create_center("Ақсу", "19")
        who = TokenInfo(cid, "dev", "inst", head_office=False)
        behind = HybridClock("pc-behind", wall=lambda: now_ms - 5 * 3600_000).now()
        ahead = HybridClock("pc-ahead", wall=lambda: now_ms + 365 * 86400_000).now()
        rows = [
            RowChange(
                table="consultations",
                id="c-behind",
                op="upsert",
                rev=1,
                base_rev=0,
                hlc=behind,
                data={"center_id": cid, "question": "?"},
            ),
            RowChange(
                table="consultations",
                id="c-ahead",
                op="upsert",
                rev=1,
                base_rev=0,
                hlc=ahead,
                data={"center_id": cid, "question": "?"},
            ),
        ]
        raw = store.push(
            who, PushBatch(batch_id="b", device_id="dev", schema_version=4, rows=rows), "h", dumps
        )
        from civicdesk.sync.protocol import PushResult

        answer = PushResult.model_validate_json(raw)
        kept = store.get_record("consultations", "c-behind")
        assert kept is not None and kept["hlc"] == behind
        # a year ahead: refused for that row (the PC is told), never adopted
        assert answer.results[1].reason == "clock_ahead"
        assert store.get_record("consultations", "c-ahead") is None
        assert Timestamp.decode(store.clock.now()).wall_ms <= now_ms + store.clock_margin_ms
        # the desktop's clock, observing the server, is not dragged a year ahead either
        desk = HybridClock("desk", wall=lambda: now_ms)
        desk.observe(ahead)
        assert Timestamp.decode(desk.now()).wall_ms <= now_ms + desk.max_drift_ms
    finally:
        store.dispose()


def test_tombstone_horizon_410_and_full_resync(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    c1, c2, c3 = (add_consultation(a, f"Сұрақ {i}") for i in range(3))
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)
    assert row_of(ho, "consultations", c1) is not None
    hard_delete(a, "consultations", c1)
    edit(a, "consultations", c2, deleted=1)  # a soft delete
    sync.sync_now(a, transport=transport)
    assert store.purge_tombstones(timedelta(0)) == 2
    local_edit = add_consultation(ho, "Бас кеңсенің жазбасы")
    # head office is behind the horizon: 410, then a full resync that reconciles
    s = sync.sync_now(ho, transport=transport)
    assert s.errors == 0
    assert row_of(ho, "consultations", c1) is None
    assert row_of(ho, "consultations", c2) is None
    assert row_of(ho, "consultations", c3) is not None
    assert row_of(ho, "consultations", local_edit) is not None
    assert store.get_record("consultations", local_edit) is not None
    assert SyncClient(ho.db).state("full_resync") is None
    # the center itself had already seen the deletions: no resync needed
    assert sync.sync_now(a, transport=transport).errors == 0
