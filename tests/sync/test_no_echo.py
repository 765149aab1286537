"""A round's pull leaves out what the same round's push wrote (the PC has it), moves
its cursor past it, and still brings everything written by anyone else; a full pull
takes everything (docs/sync.md §4, "No echo")."""

from __future__ import annotations

import httpx
import pytest

from civicdesk.services import sync
from civicdesk.sync.protocol import SCHEMA_VERSION, PullPage, PushBatch, RowChange, dumps
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store, TokenInfo
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, edit, enroll_new, row_of


def _row(center: str, i: int) -> RowChange:
    return RowChange(
        table="consultations", id=f"c-{i}", op="upsert", rev=1, base_rev=0, hlc="",
        data={"center_id": center, "question": f"Сұрақ {i}", "deleted": 0},
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, store: Store) -> Store:
    if request.param == "sqlite":
        return store
    return request.getfixturevalue("pg_store")  # type: ignore[no-any-return]


def test_own_rows_of_the_round_are_left_out_and_the_cursor_moves_past_them(
    any_store: Store,
) -> None:
    cid = any_store.create_center("Ақсу", "19")
    a = TokenInfo(cid, "dev-a", "i-a", head_office=False)
    b = TokenInfo(cid, "dev-b", "i-b", head_office=False)
    push = PushBatch(batch_id="b1", device_id="dev-a", schema_version=SCHEMA_VERSION,
                     rows=[_row(cid, i) for i in range(3)])
    any_store.push(a, push, "h1", dumps, round_id="round-a")
    other = PushBatch(batch_id="b2", device_id="dev-b", schema_version=SCHEMA_VERSION,
                      rows=[_row(cid, 3)])
    any_store.push(b, other, "h2", dumps, round_id="round-b")

    page = any_store.pull(a, 0, 100, round_id="round-a")
    assert [c.id for c in page.changes] == ["c-3"]
    assert page.next_cursor == page.highest_seq
    # a page with nothing but its own rows still moves the cursor past them
    mine_only = PushBatch(batch_id="b3", device_id="dev-a", schema_version=SCHEMA_VERSION,
                          rows=[_row(cid, 4)])
    any_store.push(a, mine_only, "h3", dumps, round_id="round-a2")
    again = any_store.pull(a, page.next_cursor, 100, round_id="round-a2")
    assert again.changes == [] and again.next_cursor == again.highest_seq > page.next_cursor
    # another round, or a pull without a round (older PCs, full pulls), gets them all
    assert len(any_store.pull(a, 0, 100, round_id="another").changes) == 5
    assert len(any_store.pull(a, 0, 100).changes) == 5
    # with more to come, the cursor stays at the last row sent (c-4 is not this round's)
    first = any_store.pull(a, 0, 1, round_id="round-a")
    assert [c.id for c in first.changes] == ["c-3"] and first.has_more
    assert first.next_cursor == first.changes[0].server_seq < first.highest_seq


class Watching(AppTransport):
    """Notes the ids of every pulled change."""

    def __init__(self, store: Store) -> None:
        super().__init__(create_app(store=store))
        self.pulled: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        resp = super().handle_request(request)
        if request.url.path.endswith("/pull") and resp.status_code == 200:
            self.pulled += [c.id for c in PullPage.model_validate_json(resp.content).changes]
        return resp


def test_a_round_does_not_download_what_it_pushed(store: Store, make_replica: Make) -> None:
    transport = Watching(store)
    a, a2 = make_replica("a"), make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, a2, transport, name="Ақсу")
    sync.sync_now(a, transport=transport)
    sync.sync_now(a2, transport=transport)
    rid = add_consultation(a, "Жайылым туралы сұрақ")
    transport.pulled.clear()
    s = sync.sync_now(a, transport=transport)
    assert s.pushed >= 1 and rid not in transport.pulled
    # the other PC of the center gets it
    transport.pulled.clear()
    sync.sync_now(a2, transport=transport)
    assert rid in transport.pulled
    got = row_of(a2, "consultations", rid)
    assert got is not None and got["question"] == "Жайылым туралы сұрақ"
    # its edit reaches the first PC, and does not come back to the second
    edit(a2, "consultations", rid, advice="Әкімдікке бару керек")
    transport.pulled.clear()
    sync.sync_now(a2, transport=transport)
    assert rid not in transport.pulled
    transport.pulled.clear()
    sync.sync_now(a, transport=transport)
    assert rid in transport.pulled
    got = row_of(a, "consultations", rid)
    assert got is not None and got["advice"] == "Әкімдікке бару керек"


def test_a_malformed_round_id_is_a_clear_400(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    from tests.sync.test_attachments import http_as

    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    with http_as(a, transport) as http:
        for bad in ("x" * 65, "a\tb"):
            r = http.get("/sync/v1/pull", params={"cursor": 0}, headers={"X-CivicDesk-Round": bad})
            assert r.status_code == 400 and r.json()["message_kk"]
        ok = http.get("/sync/v1/pull", params={"cursor": 0}, headers={"X-CivicDesk-Round": "r-1"})
        assert ok.status_code == 200
