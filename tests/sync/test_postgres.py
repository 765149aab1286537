"""The server on PostgreSQL: the flows of the SQLite tests, and concurrent writers
and readers where no committed row may ever be skipped by a reader's cursor."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from pathlib import Path

import pytest

from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync import pg_workers, test_roundtrip, test_sync_flows
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport

pytestmark = pytest.mark.postgres


@pytest.fixture()
def pg_transport(pg_store: Store) -> AppTransport:
    return AppTransport(create_app(store=pg_store))


def test_round_trip_on_postgres(
    pg_store: Store, pg_transport: AppTransport, make_replica: Make
) -> None:
    test_roundtrip.test_round_trip_center_head_office_center(pg_store, pg_transport, make_replica)


def test_grant_merge_on_postgres(
    pg_store: Store, pg_transport: AppTransport, make_replica: Make
) -> None:
    test_sync_flows.test_grant_application_merges_field_by_field(
        pg_store, pg_transport, make_replica
    )


def test_ownership_on_postgres(
    pg_store: Store, pg_transport: AppTransport, make_replica: Make
) -> None:
    test_sync_flows.test_centers_only_see_and_write_their_own(pg_store, pg_transport, make_replica)


def test_tombstones_on_postgres(
    pg_store: Store, pg_transport: AppTransport, make_replica: Make
) -> None:
    test_sync_flows.test_tombstone_horizon_410_and_full_resync(pg_store, pg_transport, make_replica)


@pytest.mark.parametrize("k", [2, 5])
@pytest.mark.parametrize("mode", ["before", "after"])
def test_cut_connection_on_postgres(
    pg_store: Store, pg_transport: AppTransport, make_replica: Make, mode: str, k: int
) -> None:
    test_sync_flows.test_cut_connection_at_each_step(pg_store, pg_transport, make_replica, mode, k)


def test_concurrent_writers_and_readers_never_skip_a_row(
    pg_store: Store, pg_url: str, tmp_path: Path
) -> None:
    centers = [pg_store.create_center(f"Орталық {i}", "19") for i in range(4)]
    stop = tmp_path / "stop"
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(7) as pool:
        readers = [
            pool.apply_async(pg_workers.reader, (pg_url, centers[0], str(stop), p))
            for p in (50, 333, 1000)
        ]
        writers = [
            pool.apply_async(pg_workers.writer, (pg_url, c, f"dev{i}", 25, i))
            for i, c in enumerate(centers)
        ]
        written: list[str] = []
        for w in writers:
            written.extend(w.get(timeout=120))
        stop.write_text("done")
        results = [r.get(timeout=120) for r in readers]
    assert len(written) == len(set(written)) > 1000
    for res in results:
        counts = Counter(res["seen"])
        assert set(counts) == set(written), "a reader missed rows"
        assert max(counts.values()) == 1, "a reader saw a row twice"


def test_hostile_values_on_postgres(pg_store: Store) -> None:
    """Values PostgreSQL itself refuses (NUL bytes, numbers beyond bigint) are 4xx."""
    import json

    from starlette.testclient import TestClient

    from tests.sync.test_hostile import VERSION, assert_error, enrolled

    with TestClient(create_app(store=pg_store), raise_server_exceptions=False) as client:
        headers = enrolled(client, pg_store)
        cid = headers["X-Center"]

        def push(row_id: str, data: dict[str, object], n: int) -> object:
            body = {
                "batch_id": f"b{n}",
                "device_id": "dev-1",
                "schema_version": 4,
                "rows": [
                    {
                        "table": "consultations",
                        "id": row_id,
                        "op": "upsert",
                        "rev": 1,
                        "base_rev": 0,
                        "data": data,
                    }
                ],
            }
            return client.post("/sync/v1/push", content=json.dumps(body).encode(), headers=headers)

        assert_error(push("a\u0000b", {"center_id": cid}, 1), 400)
        r = push("ok", {"center_id": "x\u0000"}, 2)
        assert r.status_code == 200 and r.json()["results"][0]["reason"] == "no_center"
        r = push("ok", {"center_id": cid, "question": "a\u0000b", "n": 10**30}, 3)
        assert r.status_code == 200 and r.json()["results"][0]["reason"] == "bad_value"
        r = push("ok", {"center_id": cid, "question": "?", "ratio": float("nan")}, 4)
        assert r.status_code == 200 and r.json()["results"][0]["reason"] == "bad_value"
        r = push("ok", {"center_id": cid, "question": "?"}, 5)
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
        assert client.get("/sync/v1/pull", headers=headers).status_code == 200
        assert_error(client.get(f"/sync/v1/pull?cursor={10**22}", headers=headers), 400)
        assert_error(client.get(f"/sync/v1/pull?cursor={2**63}", headers=headers), 400)
        assert VERSION


def test_server_restored_from_a_snapshot_on_postgres(pg_url: str, make_replica: Make) -> None:
    """The restore of issue 10 on PostgreSQL: the snapshot is a template copy of the
    database (what pg_dump + pg_restore give), then ``restored``."""
    import secrets

    import psycopg

    from civicdesk.services import sync
    from civicdesk.sync.server.cli import main as server_main
    from tests.sync.helpers import add_consultation, enroll_new, outbox_count, rows_of

    base, _ = pg_url.rsplit("/", 1)
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    live, snap = f"cd_live_{secrets.token_hex(3)}", f"cd_snap_{secrets.token_hex(3)}"
    url = f"{base}/{live}"

    def sql(statement: str) -> None:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(statement)

    sql(f'CREATE DATABASE "{live}"')
    store = Store(url)
    try:
        transport = AppTransport(create_app(store=store))
        a, ho = make_replica("a"), make_replica("ho")
        enroll_new(store, a, transport, name="Ақсу")
        enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
        made = {add_consultation(a, "Алғашқы")}
        sync.sync_now(a, transport=transport)
        sync.sync_now(ho, transport=transport)
        store.dispose()
        sql(f'CREATE DATABASE "{snap}" TEMPLATE "{live}"')
        store = Store(url)
        transport = AppTransport(create_app(store=store))
        made.add(add_consultation(a, "Кейінгі"))
        sync.sync_now(a, transport=transport)
        sync.sync_now(ho, transport=transport)
        store.dispose()
        sql(f'DROP DATABASE "{live}" WITH (FORCE)')
        sql(f'CREATE DATABASE "{live}" TEMPLATE "{snap}"')
        assert server_main(["--db", url, "restored"]) == 0
        store = Store(url)
        transport = AppTransport(create_app(store=store))
        made.add(add_consultation(a, "Қалпына келтіруден кейін"))
        for _ in range(2):
            for app in (a, ho):
                sync.sync_now(app, transport=transport)
        for app in (a, ho):
            assert set(rows_of(app, "consultations", "deleted = 0")) == made
            assert outbox_count(app) == 0
        assert store.highest_seq() >= max(int(r.server_seq) for r in store.all_records())
    finally:
        store.dispose()
        sql(f'DROP DATABASE IF EXISTS "{live}" WITH (FORCE)')
        sql(f'DROP DATABASE IF EXISTS "{snap}" WITH (FORCE)')


def _compression(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(
            conn.exec_driver_sql(
                "SELECT attname, attcompression FROM pg_attribute WHERE attrelid = "
                "'records'::regclass AND attname IN ('data', 'field_revs')"
            ).all()
        )


def _stored_as(store: Store, row_id: str) -> str | None:
    with store.engine.connect() as conn:
        value = conn.exec_driver_sql(
            "SELECT pg_column_compression(data) FROM records WHERE id = %s", (row_id,)
        ).scalar_one()
        return None if value is None else str(value)


def test_records_values_compressed_with_lz4_also_in_an_upgraded_database() -> None:
    """A new server database compresses records' values with lz4; one made by an older
    server (pglz) is switched on start-up, its existing values stay readable as stored."""
    from civicdesk.sync.protocol import PushBatch, dumps
    from civicdesk.sync.server.store_schema import TokenInfo
    from tests.sync.conftest import new_pg_database

    long_text = "Жер учаскесі бойынша өтініш, құжаттар толық емес. " * 80  # ~8 KB

    def push(store: Store, cid: str, row_id: str, n: int) -> None:
        batch = PushBatch.model_validate({
            "batch_id": f"b{n}", "device_id": "dev-1", "schema_version": 4,
            "rows": [{"table": "consultations", "id": row_id, "op": "upsert", "rev": 1,
                      "base_rev": 0, "data": {"center_id": cid, "question": long_text}}],
        })
        who = TokenInfo(cid, "dev-1", "inst-1", head_office=False)
        answer = store.push(who, batch, f"sha-{n}", dumps)
        assert b'"status":"applied"' in answer

    with new_pg_database() as url:
        store = Store(url)
        try:
            assert _compression(store) == {"data": "l", "field_revs": "l"}
            cid = store.create_center("Ақсу", "19")
            # the database as an older server left it: pglz, a value stored so
            with store.engine.begin() as conn:
                conn.exec_driver_sql(
                    "ALTER TABLE records ALTER COLUMN data SET COMPRESSION pglz, "
                    "ALTER COLUMN field_revs SET COMPRESSION pglz"
                )
            push(store, cid, "old", 1)
            assert _stored_as(store, "old") == "pglz"
        finally:
            store.dispose()
        store = Store(url)  # start-up of the new server
        try:
            assert _compression(store) == {"data": "l", "field_revs": "l"}
            push(store, cid, "new", 2)
            assert _stored_as(store, "new") == "lz4"
            assert _stored_as(store, "old") == "pglz"
            who = TokenInfo(cid, "dev-1", "inst-1", head_office=False)
            page = store.pull(who, 0, 100)
            assert {c.id: c.data["question"] for c in page.changes} == {
                "old": long_text, "new": long_text
            }
            Store(url).dispose()  # a second start changes nothing
            assert _compression(store) == {"data": "l", "field_revs": "l"}
        finally:
            store.dispose()


def test_copy_keeps_backslashes_tabs_and_line_breaks_exactly(pg_store: Store) -> None:
    """New records go to PostgreSQL as COPY text built by the server: every character
    that format escapes comes back exactly as pushed (values, hlc, round id)."""
    from civicdesk.sync.protocol import PushBatch, dumps
    from civicdesk.sync.server.store_schema import TokenInfo

    cid = pg_store.create_center("Ақсу", "19")
    who = TokenInfo(cid, "dev-1", "inst-1", head_office=False)
    tricky = [
        "a\\b", "tab\there", "line\nbreak", "cr\rhere", "\\N", "\\.", "end\\",
        '"quoted" \\"', "Жер\\учаскесі\t\n", "\\\\t", "\u2028\u2029", "\x01\x1f\x7f",
    ]
    rows = [
        {"table": "consultations", "id": f"c\\{n}", "op": "upsert", "rev": 1, "base_rev": 0,
         "hlc": f"{1_700_000_000_000 + n:016d}-0000-pc\\{n}",
         "data": {"center_id": cid, "question": text, "advice": text * 3}}
        for n, text in enumerate(tricky)
    ]
    batch = PushBatch.model_validate(
        {"batch_id": "b-copy", "device_id": "dev-1", "schema_version": 4, "rows": rows}
    )
    pg_store.push(who, batch, "sha-copy", dumps, round_id="round\\1")
    with pg_store.engine.connect() as conn:
        rounds = conn.exec_driver_sql("SELECT DISTINCT writer_round FROM records").scalars()
        assert list(rounds) == ["round\\1"]
    page = pg_store.pull(who, 0, 100)
    got = {c.id: c for c in page.changes}
    for n, text in enumerate(tricky):
        change = got[f"c\\{n}"]
        assert change.data["question"] == text
        assert change.data["advice"] == text * 3
        assert change.hlc == f"{1_700_000_000_000 + n:016d}-0000-pc\\{n}"
