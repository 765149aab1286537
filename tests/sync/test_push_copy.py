"""PostgreSQL: new records go into a COPY while the batch is merged
(civicdesk/sync/server/copy_records.py). A batch that fails half-way stores nothing
and the next push works; a batch naming a record twice stores its last version; a
record created meanwhile by another push makes the batch be tried again, not lost."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from civicdesk.sync.protocol import PushBatch, PushResult, dumps
from civicdesk.sync.server.store import Store
from civicdesk.sync.server.store_push import PushingStore
from civicdesk.sync.server.store_schema import TokenInfo


def _batch(batch_id: str, cid: str, ids: list[str], text: str = "Жер учаскесі") -> PushBatch:
    rows = [
        {"table": "consultations", "id": i, "op": "upsert", "rev": 1, "base_rev": 0,
         "hlc": f"{1_700_000_000_000 + n:016d}-0000-pc", "data": {
             "center_id": cid, "question": f"{text} {n}", "advice": "Әкімдікке"}}
        for n, i in enumerate(ids)
    ]
    return PushBatch.model_validate(
        {"batch_id": batch_id, "device_id": "dev-1", "schema_version": 4, "rows": rows}
    )


def _stored(store: Store) -> dict[str, Any]:
    return {
        r.id: r.data for r in store.all_records() if r.table_name == "consultations"
    }


def _who(store: Store, center_id: str | None = None) -> TokenInfo:
    cid = store.create_center("Ақсу", "19", center_id=center_id)
    return TokenInfo(cid, "dev-1", "inst-1", head_office=False)


def test_a_batch_that_fails_half_way_stores_nothing(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    who = _who(pg_store)
    ids = [f"c-{n}" for n in range(1200)]  # more than one chunk of COPY lines
    batch = _batch("b-1", who.center_id, ids)
    real = PushingStore._apply_row
    seen = 0

    def failing(self: PushingStore, *args: Any, **kwargs: Any) -> Any:
        nonlocal seen
        seen += 1
        if seen == 700:
            raise RuntimeError("the server stopped half-way")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(PushingStore, "_apply_row", failing)
    with pytest.raises(RuntimeError):
        pg_store.push(who, batch, "sha-1", dumps)
    assert _stored(pg_store) == {}
    monkeypatch.setattr(PushingStore, "_apply_row", real)
    answer = PushResult.model_validate_json(pg_store.push(who, batch, "sha-1", dumps))
    assert {r.status for r in answer.results} == {"applied"}
    assert sorted(_stored(pg_store)) == sorted(ids)


def test_a_batch_naming_a_record_twice_is_taken_as_on_sqlite(
    pg_store: Store, store: Store
) -> None:
    """Such a batch does not go through the COPY as it is merged (the record's first
    row would be written before its second is merged against it): PostgreSQL stores
    and answers what SQLite does."""
    answers, stored = [], []
    for s in (pg_store, store):
        who = _who(s, "center-1")
        batch = _batch("b-2", who.center_id, ["c-1", "c-2", "c-1"])
        answer = PushResult.model_validate_json(s.push(who, batch, "sha-2", dumps))
        answers.append([(r.id, r.status, r.rev) for r in answer.results])
        stored.append(_stored(s))
    assert answers[0] == answers[1]
    assert stored[0] == stored[1]
    assert sorted(stored[0]) == ["c-1", "c-2"]


def test_a_record_created_meanwhile_makes_the_batch_be_tried_again(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another PC's push creates one of the batch's records after the batch has read
    what exists: the COPY meets it, and the batch is applied again as an edit."""
    who = _who(pg_store)
    other = TokenInfo(who.center_id, "dev-2", "inst-2", head_office=False)
    ids = [f"c-{n}" for n in range(600)]
    real = PushingStore._load_existing
    raced = threading.Event()

    def load_then_race(self: PushingStore, conn: Any, rows: Any) -> Any:
        known = real(self, conn, rows)
        if not raced.is_set():
            raced.set()
            t = threading.Thread(
                target=pg_store.push,
                args=(other, _batch("b-other", who.center_id, ["c-300"], "Басқа"),
                      "sha-other", dumps),
            )
            t.start()
            t.join()
        return known

    monkeypatch.setattr(PushingStore, "_load_existing", load_then_race)
    answer = PushResult.model_validate_json(
        pg_store.push(who, _batch("b-3", who.center_id, ids), "sha-3", dumps)
    )
    assert raced.is_set()
    assert len(answer.results) == len(ids)
    assert sorted(_stored(pg_store)) == sorted(ids)
    # the other PC's version came first: tried again, this batch's row met it as a
    # record that exists (made from no revision of it, its values clash)
    assert {r.id: r.status for r in answer.results}["c-300"] == "conflict"
    assert _stored(pg_store)["c-300"]["question"] == "Басқа 0"


def test_a_push_is_numbered_beside_the_requests_not_by_the_next_pull(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: after a push is answered, its records get their numbers without
    waiting for a pull; a pull meanwhile still sees every row once (it numbers what
    is left, as always), and a failed numbering leaves it to that pull."""
    import time

    from starlette.testclient import TestClient

    from civicdesk.sync.protocol import API
    from civicdesk.sync.server import create_app
    from tests.sync.test_hostile import batch, enrolled

    def unnumbered() -> int:
        with pg_store.engine.connect() as conn:
            return int(conn.exec_driver_sql(
                "SELECT count(*) FROM records WHERE server_seq IS NULL").scalar_one())

    def waited_for(cond: Any) -> bool:
        for _ in range(200):
            if cond():
                return True
            time.sleep(0.02)
        return False

    from civicdesk.sync.server import app as server_app

    monkeypatch.setattr(server_app, "NUMBER_AFTER_ROWS", 40)
    with TestClient(create_app(store=pg_store), raise_server_exceptions=False) as c:
        headers = enrolled(c, pg_store)
        # a small push waits for the next pull, which numbers many such together
        r = c.post(f"{API}/push", content=batch(headers["X-Center"], n=5, batch_id="b0"),
                   headers=headers)
        assert r.status_code == 200
        time.sleep(0.2)
        assert unnumbered() == 5
        r = c.post(f"{API}/push", content=batch(headers["X-Center"], n=50), headers=headers)
        assert r.status_code == 200
        assert waited_for(lambda: unnumbered() == 0)

        # numbering that fails after a push: the push stays answered, the pull numbers
        calls: list[int] = []

        def broken(*_a: Any, **_k: Any) -> int:
            calls.append(1)
            raise RuntimeError("database gone for a moment")

        real_sequence = Store.sequence
        monkeypatch.setattr(Store, "sequence", broken)
        # the first 50 again unchanged (nothing written), 30 new
        r = c.post(f"{API}/push", content=batch(headers["X-Center"], n=80, batch_id="b2"),
                   headers=headers)
        assert r.status_code == 200
        assert waited_for(lambda: bool(calls))
        assert unnumbered() == 30
        monkeypatch.setattr(Store, "sequence", real_sequence)
        page = c.get(f"{API}/pull?cursor=0&limit=1000", headers=headers).json()
        ids = [ch["id"] for ch in page["changes"] if ch["table"] == "consultations"]
        assert len(ids) == len(set(ids)) == 80
        assert unnumbered() == 0


def test_a_pull_waits_for_the_numbers_of_its_own_push_not_to_download_it_again(
    pg_store: Store, pg_url: str
) -> None:
    """PostgreSQL: a pull right after the PC's own push, while a numbering (after that
    push, or another pull's) holds the lock, waits for it: its cursor then moves past
    the records the push wrote, and the next round does not download them again."""
    import json
    import time

    import psycopg

    from civicdesk.sync.server.store_schema import ADVISORY_KEY

    who = _who(pg_store)
    ids = [f"c-{n}" for n in range(30)]
    pg_store.push(who, _batch("b-own", who.center_id, ids), "sha-own", dumps, round_id="r1")
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as other:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_KEY,))
        release = threading.Timer(0.3, other.commit)
        release.start()
        t0 = time.perf_counter()
        page = json.loads(pg_store.pull_json(who, 0, 1000, round_id="r1"))
        waited = time.perf_counter() - t0
        release.join()
    assert waited >= 0.25
    assert page["changes"] == []
    again = json.loads(pg_store.pull_json(who, page["next_cursor"], 1000, round_id="r2"))
    assert [c["id"] for c in again["changes"]] == []
