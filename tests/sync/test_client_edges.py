"""Client edges: a newer server's tables and columns, a too-old client, explicit
resolution values, server errors."""

from __future__ import annotations

import httpx
import pytest

from civicdesk.domain.errors import UserError
from civicdesk.services import sync
from civicdesk.sync.client import SyncClient, SyncError
from civicdesk.sync.protocol import Change, PullPage
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    edit,
    enroll_new,
    outbox_count,
    row_of,
)


def test_unknown_tables_and_columns_are_ignored(make_replica: Make) -> None:
    app = make_replica("a")
    center = app.state.center_id
    page = PullPage(
        changes=[
            Change(
                table="future_table",
                id="x1",
                rev=1,
                hlc="",
                deleted=False,
                server_seq=1,
                data={"center_id": center, "anything": "Әлдене"},
            ),
            Change(
                table="consultations",
                id="c-new",
                rev=3,
                hlc="h",
                deleted=False,
                server_seq=2,
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
                    "column_from_the_future": 42,
                },
            ),
        ],
        next_cursor=2,
        has_more=False,
        server_time="0001740000000000-0000-srv",
    )
    client = SyncClient(app.db)
    applied, errors = client._apply_page(page, full=False, seen=set())
    assert (applied, errors) == (1, 0)
    row = row_of(app, "consultations", "c-new")
    assert row is not None and row["question"] == "Сұрақ?" and row["rev"] == 3
    assert row["server_seq"] == 2
    assert client.state("cursor") == 2
    with app.db.engine.connect() as conn:  # the triggers stayed quiet
        assert not conn.exec_driver_sql("SELECT 1 FROM sync_outbox WHERE row_id = 'c-new'").first()


def test_too_old_client_gets_an_update_message(store: Store, make_replica: Make) -> None:
    app = make_replica("a")
    enroll_new(store, app, AppTransport(create_app(store=store)), name="Ақсу")
    newer = AppTransport(create_app(store=store, min_schema=99))
    add_consultation(app)
    with pytest.raises(SyncError) as err:
        sync.sync_now(app, transport=newer)
    assert err.value.kind == "update"
    assert "жаңарту" in err.value.text("kk") and "обновить" in err.value.text("ru")
    assert outbox_count(app) > 0  # still queued


def test_server_errors_and_revoked_tokens_map_to_exit_codes(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    app = make_replica("a")
    enroll_new(store, app, transport, name="Ақсу")

    def boom(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="<html>proxy error</html>")

    with pytest.raises(SyncError) as err:
        sync.sync_now(app, transport=httpx.MockTransport(boom))
    assert sync.exit_code_for(err.value) == sync.EXIT_NETWORK

    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow link", request=request)

    with pytest.raises(SyncError) as err:
        sync.sync_now(app, transport=httpx.MockTransport(timeout))
    assert err.value.kind == "network"

    store.revoke(app.state.device_id)
    with pytest.raises(SyncError) as err:
        sync.sync_now(app, transport=transport)
    assert sync.exit_code_for(err.value) == sync.EXIT_AUTH
    assert "тіркеу" in err.value.text("kk").lower()


def test_resolve_with_explicit_values(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = make_replica("a"), make_replica("a")
    enroll_new(store, pc1, transport, name="Ақсу")
    enroll_new(store, pc2, transport, name="Ақсу")
    cid = add_consultation(pc1)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    edit(pc1, "consultations", cid, advice="Бір")
    edit(pc2, "consultations", cid, advice="Екі")
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    [conflict] = sync.conflicts(pc2)
    sync.resolve(pc2, conflict.id, {"advice": "Бір және екі"})
    assert sync.status(pc2).open_conflicts == 0
    sync.sync_now(pc2, transport=transport)
    sync.sync_now(pc1, transport=transport)
    for pc in (pc1, pc2):
        assert row_of(pc, "consultations", cid)["advice"] == "Бір және екі"  # type: ignore[index]
    with pytest.raises(UserError, match=r"conflict_unknown"):
        sync.resolve(pc2, conflict.id, "mine")
    assert [c.resolution for c in sync.conflicts(pc2, include_resolved=True)] == [
        '{"advice": "Бір және екі"}'
    ]


def test_second_pc_set_up_on_its_own_takes_over_the_center_id(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    first, other = make_replica("a"), make_replica("b")  # "b" was set up separately
    server_id = enroll_new(store, first, transport, name="Ақсу")
    old_id = other.state.center_id
    assert old_id != server_id
    assert enroll_new(store, other, transport, name="Ақсу") == server_id
    assert other.state.center_id == server_id
    with other.db.engine.connect() as conn:
        assert not conn.exec_driver_sql(
            "SELECT 1 FROM users WHERE center_id = ?", (old_id,)
        ).first()
        assert conn.exec_driver_sql("SELECT 1 FROM centers WHERE id = ?", (server_id,)).first()
    cid = add_consultation(other, "Екінші ПК")
    s = sync.sync_now(other, transport=transport)
    assert s.errors == 0  # its rows now belong to the server's center: accepted
    sync.sync_now(first, transport=transport)
    assert row_of(first, "consultations", cid) is not None
