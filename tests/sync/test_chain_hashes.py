"""Audit entries pulled without the hashes the PC works out (civicdesk/sync/chain.py):
the copy stored is the server's byte for byte, a chain altered at the server stays
broken at head office, a page the PC cannot complete is asked for again whole, and a
PC that does not ask gets every hash."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.audit_chain import chain_problems
from civicdesk.sync.chain import (
    ChainIncompleteError,
    PageChains,
    fill_hashes,
    wire_entry_hash,
    wire_values_hash,
)
from civicdesk.sync.protocol import Change, PullPage
from civicdesk.sync.server.store import Store
from civicdesk.sync.server.store_schema import TokenInfo
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    alter_audit_entry_on_server,
    enroll_new,
)

HASHES = ("values_hash", "prev_hash", "entry_hash")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, store: Store) -> Store:
    if request.param == "sqlite":
        return store
    return request.getfixturevalue("pg_store")  # type: ignore[no-any-return]


def _audit(app: CivicApp) -> dict[str, dict[str, Any]]:
    with app.db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, before, after, values_hash, prev_hash, entry_hash, chain_seq "
            "FROM audit_log WHERE chain_device IS NOT NULL"
        ).all()
    return {r[0]: dict(r._mapping) for r in rows}


def _center_with_entries(store: Store, make_replica: Make) -> tuple[CivicApp, CivicApp, Any]:
    a, ho = make_replica("a"), make_replica("ho")
    transport = AppTransport(_app(store))
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    for i in range(5):
        add_consultation(a, question=f"Жиын қалай өткізіледі? Сұрақ {i}")
    assert sync.sync_now(a, transport=transport).errors == 0
    return a, ho, transport


def _app(store: Store) -> Any:
    from civicdesk.sync.server import create_app

    return create_app(store=store)


def _ho_token(store: Store) -> TokenInfo:
    hid = next(c.id for c in store.list_centers() if c.head_office)
    return TokenInfo(hid, "dev-ho", "i-ho", head_office=True)


def test_head_office_stores_the_servers_hashes_that_the_page_left_out(
    any_store: Store, make_replica: Make
) -> None:
    a, ho, transport = _center_with_entries(any_store, make_replica)
    page = any_store.pull(_ho_token(any_store), 0, 1000, chain=True)
    audit = [c for c in page.changes if c.table == "audit_log"]
    assert audit
    # every entry goes without its own and its values' hash; all but a chain's first
    # one in the page without the previous entry's too
    assert all(c.derive and {"values_hash", "entry_hash"} <= set(c.derive) for c in audit)
    assert sum("prev_hash" in (c.derive or []) for c in audit) >= len(audit) - 2
    assert all(not set(c.derive or ()) & set(c.data) for c in audit)
    whole = any_store.pull(_ho_token(any_store), 0, 1000)
    assert all(c.derive is None for c in whole.changes)
    assert len(page.model_dump_json()) < len(whole.model_dump_json())

    assert sync.sync_now(ho, transport=transport).errors == 0
    mine, theirs = _audit(a), _audit(ho)
    assert mine.keys() <= theirs.keys()
    for row_id, row in mine.items():
        assert {k: theirs[row_id][k] for k in HASHES} == {k: row[k] for k in HASHES}
    with ho.db.engine.connect() as conn:
        assert chain_problems(conn) == []


@pytest.mark.parametrize("column", ["user_name", "before", "entry_hash", "prev_hash"])
def test_an_entry_altered_in_the_servers_database_stays_broken_at_head_office(
    store: Store, make_replica: Make, column: str
) -> None:
    a, ho, transport = _center_with_entries(store, make_replica)
    entries = sorted(_audit(a).values(), key=lambda r: r["chain_seq"])
    target = entries[len(entries) // 2]["id"]
    data = alter_audit_entry_on_server(store, target, **{column: {
        "user_name": "Басқа біреу",
        "before": json.dumps({"question": "Басқа сұрақ"}),
        "entry_hash": "1" * 64,
        "prev_hash": "2" * 64,
    }[column]})
    sync.sync_now(ho, transport=transport)
    with ho.db.engine.connect() as conn:
        problems = chain_problems(conn)
    assert any(target in p for p in problems), problems
    # and what head office stored is what the server holds
    got = _audit(ho)[target]
    for k in HASHES:
        assert got[k] == data[k]


def _change(row_id: str, data: dict[str, Any], derive: list[str] | None) -> Change:
    return Change(
        table="audit_log", id=row_id, rev=1, hlc="", deleted=False, server_seq=1,
        derive=derive, data=data,
    )


def _entry(seq: int, prev: str) -> tuple[str, dict[str, Any]]:
    data: dict[str, Any] = {
        "center_id": "c", "at": "2026-12-04 10:00:00.000001", "user_id": None,
        "user_name": "Әсел", "action": "update", "entity": "consultation",
        "entity_id": "e", "before": json.dumps({"advice": "а"}),
        "after": json.dumps({"advice": "ә"}), "chain_device": "d", "chain_seq": seq,
        "prev_hash": prev,
    }
    data["values_hash"] = wire_values_hash(data["before"], data["after"])
    row_id = f"r{seq}"
    data["entry_hash"] = wire_entry_hash(row_id, data)
    return row_id, data


def _page(*changes: Change) -> PullPage:
    return PullPage(changes=list(changes), next_cursor=1, has_more=False, server_time="")


def test_the_server_and_the_pc_agree_entry_by_entry() -> None:
    first_id, first = _entry(7, "0" * 64)
    second_id, second = _entry(8, first["entry_hash"])
    chains = PageChains()
    out = [chains.leave_out(i, d, values_kept=True) for i, d in ((first_id, first),
                                                                  (second_id, second))]
    assert out == [["values_hash", "entry_hash"], ["values_hash", "prev_hash", "entry_hash"]]
    sent = [
        _change(i, {k: v for k, v in d.items() if k not in o}, o)
        for (i, d), o in zip(((first_id, first), (second_id, second)), out, strict=True)
    ]
    got = fill_hashes(_page(*sent))
    assert [c.data for c in got.changes] == [first, second]
    assert all(c.derive is None for c in got.changes)
    # the values go blanked (head office's view): their hash goes
    assert "values_hash" not in PageChains().leave_out(first_id, first, values_kept=False)


@pytest.mark.parametrize(
    "case", ["no previous in the page", "unknown column", "column also sent", "other table",
             "field missing"],
)
def test_a_page_the_pc_cannot_complete_is_asked_for_again_whole(case: str) -> None:
    row_id, data = _entry(8, "f" * 64)
    derive = ["values_hash", "prev_hash", "entry_hash"]
    sent = {k: v for k, v in data.items() if k not in derive}
    change = _change(row_id, sent, derive)
    if case == "unknown column":
        change = _change(row_id, sent, ["values_hash", "whatever"])
    elif case == "column also sent":
        change = _change(row_id, data, ["values_hash"])
    elif case == "other table":
        change = change.model_copy(update={"table": "consultations"})
    elif case == "field missing":
        change = _change(row_id, {k: v for k, v in sent.items() if k != "at"},
                         ["values_hash", "entry_hash"])
    with pytest.raises(ChainIncompleteError):
        fill_hashes(_page(change))


def test_the_pc_asks_again_whole_and_keeps_the_servers_hashes(
    store: Store, make_replica: Make
) -> None:
    """A page whose first entry's previous hash was left out (as if its previous entry
    had been on it): the PC cannot complete it, asks for it whole and stores it."""
    a, ho, _transport = _center_with_entries(store, make_replica)
    inner = AppTransport(_app(store))
    asked: list[str] = []

    class Broken(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            asked.append(str(request.url.query, "ascii"))
            resp = inner.handle_request(request)
            if not request.url.path.endswith("/pull") or b"chain=1" not in request.url.query:
                return resp
            body = json.loads(resp.content)
            for ch in body["changes"]:
                if ch["table"] == "audit_log":
                    ch["data"].pop("prev_hash", None)
                    ch["derive"] = [c for c in HASHES if c not in ch["data"]]
                    break
            return httpx.Response(resp.status_code, headers=resp.headers,
                                  content=json.dumps(body).encode())

    assert sync.sync_now(ho, transport=Broken()).errors == 0
    assert any("chain=1" in q for q in asked) and any("chain" not in q for q in asked)
    mine, theirs = _audit(a), _audit(ho)
    for row_id, row in mine.items():
        assert {k: theirs[row_id][k] for k in HASHES} == {k: row[k] for k in HASHES}
    with ho.db.engine.connect() as conn:
        assert chain_problems(conn) == []


def test_a_pull_far_behind_gets_every_hash(
    any_store: Store, make_replica: Make, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first pull (or a PC back after months) is far behind the newest record: there
    working the hashes out costs more than their bytes, so they all go."""
    from civicdesk.sync.server import store_pull

    _center_with_entries(any_store, make_replica)
    ho = _ho_token(any_store)
    whole = any_store.pull(ho, 0, 1000)
    top = whole.changes[-1].server_seq
    monkeypatch.setattr(store_pull, "CHAIN_MAX_BEHIND", 6)
    assert all(c.derive is None for c in any_store.pull(ho, 0, 1000, chain=True).changes)
    near = any_store.pull(ho, top - 6, 1000, chain=True)
    audit = [c for c in near.changes if c.table == "audit_log"]
    assert audit and all(c.derive for c in audit)
