"""Hostile and broken input gets a 4xx with a kk/ru JSON body, never a 500."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from civicdesk.sync.protocol import (
    API,
    H_DEVICE,
    H_INSTANCE,
    H_PROTOCOL,
    H_SCHEMA,
    MAX_BODY_BYTES,
    PROTOCOL_VERSION,
    SCHEMA_VERSION,
    SERVER_BATCH_ROWS,
    EnrollRequest,
    PushBatch,
    RowChange,
    dumps,
)
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store

VERSION = {H_PROTOCOL: str(PROTOCOL_VERSION), H_SCHEMA: str(SCHEMA_VERSION)}


@pytest.fixture()
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(
        create_app(store=store, max_body=1024 * 1024), raise_server_exceptions=False
    ) as c:
        yield c


def enrolled(
    client: TestClient, store: Store, device: str = "dev-1", instance: str = "inst-1"
) -> dict[str, str]:
    cid = store.create_center("Ақсу", "19")
    code = store.issue_code(cid)
    r = client.post(
        f"{API}/enroll",
        content=dumps(EnrollRequest(code=code, device_id=device, instance_id=instance)),
        headers=VERSION,
    )
    assert r.status_code == 200, r.text
    return {
        **VERSION,
        "Authorization": f"Bearer {r.json()['token']}",
        H_DEVICE: device,
        H_INSTANCE: instance,
        "X-Center": r.json()["center_id"],
    }


def assert_error(r: Any, status: int, code: str | None = None) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"code", "message_kk", "message_ru"}
    assert body["message_kk"] and body["message_ru"]
    if code:
        assert body["code"] == code


def batch(center: str, device: str = "dev-1", n: int = 1, batch_id: str = "b1") -> bytes:
    rows = [
        RowChange(
            table="consultations",
            id=f"c{i}",
            op="upsert",
            rev=1,
            base_rev=0,
            hlc="0001740000000000-0000-x",
            data={"center_id": center, "question": "Сұрақ"},
        )
        for i in range(n)
    ]
    # model_construct: the test may build a batch the server must refuse (too many rows)
    return dumps(
        PushBatch.model_construct(batch_id=batch_id, device_id=device, schema_version=4, rows=rows)
    )


def test_openapi_is_served(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert f"{API}/push" in doc["paths"] and f"{API}/pull" in doc["paths"]


def test_too_old_client_gets_426(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    app = create_app(store=store, min_schema=SCHEMA_VERSION + 1)
    with TestClient(app, raise_server_exceptions=False) as c2:
        r = c2.get(f"{API}/pull", headers=headers)
        assert_error(r, 426, "client.too_old")
        assert "жаңарту" in r.json()["message_kk"] and "обновить" in r.json()["message_ru"]
    assert_error(client.get(f"{API}/pull", headers={**headers, H_PROTOCOL: "0"}), 426)
    assert_error(
        client.get(f"{API}/pull", headers={k: v for k, v in headers.items() if k != H_PROTOCOL}),
        426,
    )


@pytest.mark.parametrize(
    "body",
    [
        b"{",
        b"[]",
        b"null",
        b'{"batch_id": 5}',
        b'{"a": "\xff\xfe"}',
        b'{"batch_id":"x","device_id":"dev-1","schema_version":"four","rows":[]}',
        b'{"batch_id":"x","device_id":"dev-1","schema_version":4,"rows":[{"table":1}]}',
        b'{"batch_id":"x","device_id":"dev-1","schema_version":4,"rows":[{"table":"t","id":"1",'
        b'"op":"drop","rev":1,"base_rev":0,"data":{}}]}',
        b'{"batch_id":"x","device_id":"dev-1","schema_version":4,"rows":[{"table":"t","id":"1",'
        b'"op":"upsert","rev":1,"base_rev":0,"data":{"a":{"nested":1}}}]}',
    ],
)
def test_malformed_push_bodies_are_400(client: TestClient, store: Store, body: bytes) -> None:
    headers = enrolled(client, store)
    assert_error(client.post(f"{API}/push", content=body, headers=headers), 400)


def test_too_many_rows_is_400(store: Store) -> None:
    # the rows are small enough for the body limit: refused for their number alone
    with TestClient(create_app(store=store), raise_server_exceptions=False) as client:
        headers = enrolled(client, store)
        too_many = batch(headers["X-Center"], n=SERVER_BATCH_ROWS + 1)
        assert len(too_many) < MAX_BODY_BYTES
        assert_error(client.post(f"{API}/push", content=too_many, headers=headers), 400)


def test_oversized_and_bomb_bodies_are_413(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    big = b'{"pad":"' + b"x" * (2 * 1024 * 1024) + b'"}'
    assert_error(client.post(f"{API}/push", content=big, headers=headers), 413, "body.too_large")
    bomb = gzip.compress(b"{" + b" " * (64 * 1024 * 1024) + b"}", compresslevel=9)
    assert len(bomb) < 1024 * 1024
    r = client.post(f"{API}/push", content=bomb, headers={**headers, "Content-Encoding": "gzip"})
    assert_error(r, 413, "body.too_large")
    broken = gzip.compress(batch(headers["X-Center"]))[:-12]
    r = client.post(f"{API}/push", content=broken, headers={**headers, "Content-Encoding": "gzip"})
    assert_error(r, 400)
    r = client.post(
        f"{API}/push", content=b"garbage", headers={**headers, "Content-Encoding": "gzip"}
    )
    assert_error(r, 400)
    r = client.post(f"{API}/push", content=b"{}", headers={**headers, "Content-Encoding": "br"})
    assert_error(r, 415)


def test_wrong_revoked_and_copied_tokens(client: TestClient, store: Store) -> None:
    _wrong_revoked_and_copied_tokens(client, store)


def test_wrong_revoked_and_copied_tokens_on_postgres(pg_store: Store) -> None:
    """On PostgreSQL a pull checks the token in the page's first statement."""
    with TestClient(create_app(store=pg_store), raise_server_exceptions=False) as c:
        _wrong_revoked_and_copied_tokens(c, pg_store)
        # a center revoked whose tokens were not marked (written by hand): still refused
        headers = enrolled(c, pg_store, device="dev-2", instance="inst-2")
        assert c.get(f"{API}/pull", headers=headers).status_code == 200
        with pg_store.engine.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE centers SET revoked_at = now() WHERE id = %(c)s",
                {"c": headers["X-Center"]},
            )
        assert_error(c.get(f"{API}/pull", headers=headers), 401, "auth.revoked")


def _wrong_revoked_and_copied_tokens(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    assert client.get(f"{API}/pull", headers=headers).status_code == 200
    assert_error(
        client.get(f"{API}/pull", headers={**headers, "Authorization": "Bearer nope"}),
        401,
        "auth.unknown_token",
    )
    assert_error(client.get(f"{API}/pull", headers={**headers, "Authorization": "Basic x"}), 401)
    assert_error(
        client.get(f"{API}/pull", headers={**headers, H_DEVICE: "other-pc"}),
        403,
        "auth.copied_token",
    )
    assert_error(
        client.get(f"{API}/pull", headers={**headers, H_INSTANCE: "copied-db"}),
        403,
        "auth.copied_token",
    )
    # A batch that claims another device than the token's
    assert_error(
        client.post(f"{API}/push", content=batch(headers["X-Center"], device="x"), headers=headers),
        403,
    )
    assert store.revoke("dev-1") == 1
    assert_error(client.get(f"{API}/pull", headers=headers), 401, "auth.revoked")


def test_enrolment_codes_are_single_use_and_rate_limited(store: Store) -> None:
    app = create_app(store=store, enroll_limit=(3, 60.0))
    with TestClient(app, raise_server_exceptions=False) as c:
        cid = store.create_center("Ақсу", "19")
        code = store.issue_code(cid)
        req = EnrollRequest(code=code.lower(), device_id="d", instance_id="i")
        assert c.post(f"{API}/enroll", content=dumps(req), headers=VERSION).status_code == 200
        assert_error(
            c.post(f"{API}/enroll", content=dumps(req), headers=VERSION), 400, "enroll.bad_code"
        )
        bad = EnrollRequest(code="AAAA-BBBB", device_id="d", instance_id="i")
        assert_error(c.post(f"{API}/enroll", content=dumps(bad), headers=VERSION), 400)
        # only failures count (centers behind one NAT enrol freely): the third wrong code
        assert_error(c.post(f"{API}/enroll", content=dumps(bad), headers=VERSION), 400)
        assert_error(
            c.post(f"{API}/enroll", content=dumps(bad), headers=VERSION), 429, "enroll.rate_limited"
        )


def test_expired_code(store: Store, client: TestClient) -> None:
    from datetime import timedelta

    cid = store.create_center("Ақсу", "19")
    code = store.issue_code(cid, ttl=timedelta(seconds=-1))
    req = EnrollRequest(code=code, device_id="d", instance_id="i")
    assert_error(client.post(f"{API}/enroll", content=dumps(req), headers=VERSION), 400)


def test_reused_batch_id_with_other_body_is_409(client: TestClient, store: Store) -> None:
    _reused_batch_id(client, store)


def test_reused_batch_id_with_other_body_is_409_on_postgres(pg_store: Store) -> None:
    """On PostgreSQL the stored answer is read by the push's first statement."""
    with TestClient(create_app(store=pg_store), raise_server_exceptions=False) as c:
        _reused_batch_id(c, pg_store)


def _reused_batch_id(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    first = client.post(f"{API}/push", content=batch(headers["X-Center"]), headers=headers)
    assert first.status_code == 200
    again = client.post(f"{API}/push", content=batch(headers["X-Center"]), headers=headers)
    assert again.content == first.content
    other = client.post(f"{API}/push", content=batch(headers["X-Center"], n=2), headers=headers)
    assert_error(other, 409, "push.batch_reused")


def test_unknown_paths_and_bad_query(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    assert_error(client.get("/nowhere"), 404)
    assert_error(client.get(f"{API}/pull?cursor=abc", headers=headers), 400)
    assert_error(client.get(f"{API}/pull?cursor=-1", headers=headers), 400)
    assert_error(client.get(f"{API}/push", headers=headers), 405)


def test_json_is_not_ascii_escaped(client: TestClient, store: Store) -> None:
    headers = enrolled(client, store)
    client.post(f"{API}/push", content=batch(headers["X-Center"]), headers=headers)
    r = client.get(f"{API}/pull", headers=headers)
    assert "Сұрақ".encode() in r.content
    assert b"\\u" not in r.content
    assert json.loads(r.content)["changes"][0]["data"]["question"] == "Сұрақ"
    gz = client.get(f"{API}/pull", headers={**headers, "Accept-Encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip"


def test_answers_are_zstandard_to_a_pc_that_accepts_it_and_gzip_to_an_older_one(
    client: TestClient, store: Store
) -> None:
    import zstandard

    headers = enrolled(client, store)
    client.post(f"{API}/push", content=batch(headers["X-Center"]), headers=headers)
    plain = client.get(f"{API}/pull", headers={**headers, "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    for accept, coding in (
        ("zstd, gzip", "zstd"),  # this version of the app
        ("gzip", "gzip"),  # an older one
        ("gzip, zstd;q=0", "gzip"),  # one that refuses Zstandard
        ("ZSTD", "zstd"),
    ):
        r = client.get(f"{API}/pull", headers={**headers, "Accept-Encoding": accept})
        assert r.headers["content-encoding"] == coding, accept
        assert json.loads(r.content)["changes"] == json.loads(plain.content)["changes"]
    wire = client.stream("GET", f"{API}/pull", headers={**headers, "Accept-Encoding": "zstd"})
    with wire as answer:
        compressed = b"".join(answer.iter_raw())
    assert compressed[:4] == b"\x28\xb5\x2f\xfd"  # a Zstandard frame
    got = zstandard.ZstdDecompressor().decompress(compressed)
    assert json.loads(got)["changes"] == json.loads(plain.content)["changes"]


def test_push_bodies_in_zstandard_are_taken_and_answers_say_so(
    client: TestClient, store: Store
) -> None:
    import zstandard

    headers = enrolled(client, store)
    body = batch(headers["X-Center"], n=3)
    packed = zstandard.ZstdCompressor(level=1).compress(body)
    r = client.post(f"{API}/push", content=packed, headers={**headers, "Content-Encoding": "zstd"})
    assert r.status_code == 200, r.text
    assert [x["status"] for x in json.loads(r.content)["results"]] == ["applied"] * 3
    # every answer tells a PC which codings its bodies may use
    assert "zstd" in r.headers["accept-encoding"]
    assert "zstd" in client.get(f"{API}/status").headers["accept-encoding"]
    # the same batch again in gzip is the same body: the stored answer
    again = client.post(
        f"{API}/push", content=gzip.compress(body), headers={**headers, "Content-Encoding": "gzip"}
    )
    assert again.content == r.content


def test_zstandard_bombs_and_broken_frames_are_refused(client: TestClient, store: Store) -> None:
    import zstandard

    headers = enrolled(client, store)
    zstd = {**headers, "Content-Encoding": "zstd"}
    # a frame of a few kilobytes that declares and holds 64 MB
    bomb = zstandard.ZstdCompressor(level=1).compress(b"{" + b" " * (64 * 1024 * 1024) + b"}")
    assert len(bomb) < 64 * 1024
    assert_error(client.post(f"{API}/push", content=bomb, headers=zstd), 413, "body.too_large")
    # the same without its size in the header
    quiet = zstandard.ZstdCompressor(level=1, write_content_size=False).compress(
        b"{" + b" " * (64 * 1024 * 1024) + b"}"
    )
    assert_error(client.post(f"{API}/push", content=quiet, headers=zstd), 413, "body.too_large")
    assert_error(client.post(f"{API}/push", content=b"garbage", headers=zstd), 400, "body.bad_zstd")
    cut = zstandard.ZstdCompressor(level=1).compress(batch(headers["X-Center"]))[:-6]
    assert_error(client.post(f"{API}/push", content=cut, headers=zstd), 400)


def test_a_server_without_zstandard_refuses_it_with_415(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zstandard

    import civicdesk.sync.server.app as server_app

    monkeypatch.setattr(server_app, "ACCEPT_ENCODING", "gzip")
    with TestClient(create_app(store=store), raise_server_exceptions=False) as c:
        headers = enrolled(c, store)
        packed = zstandard.ZstdCompressor().compress(batch(headers["X-Center"]))
        r = c.post(f"{API}/push", content=packed, headers={**headers, "Content-Encoding": "zstd"})
        assert_error(r, 415, "body.encoding")
        assert c.get(f"{API}/status").headers["accept-encoding"] == "gzip"


def test_big_batches_and_pages_are_unpacked_and_packed_beside_the_event_loop(
    client: TestClient, store: Store
) -> None:
    """Over a megabyte a body is decompressed, and an answer compressed, in a worker
    thread: the same bytes as on the event loop."""
    import os

    import zstandard

    from civicdesk.sync.server.app import OFF_LOOP_BYTES

    headers = enrolled(client, store)
    rows = [
        RowChange(
            table="consultations", id=f"big-{i}", op="upsert", rev=1, base_rev=0,
            hlc="0001740000000000-0000-x",
            data={"center_id": headers["X-Center"], "question": os.urandom(400).hex()},
        )
        for i in range(1500)
    ]
    body = dumps(PushBatch(batch_id="big", device_id="dev-1", schema_version=4, rows=rows))
    packed = zstandard.ZstdCompressor(level=1).compress(body)
    assert len(packed) > OFF_LOOP_BYTES // 8
    with TestClient(create_app(store=store), raise_server_exceptions=False) as big:
        _big_page_both_ways(big, headers, packed)


def _big_page_both_ways(big_client: TestClient, headers: dict[str, str], packed: bytes) -> None:
    import zstandard

    from civicdesk.sync.server.app import OFF_LOOP_BYTES

    r = big_client.post(
        f"{API}/push", content=packed, headers={**headers, "Content-Encoding": "zstd"}
    )
    assert r.status_code == 200, r.text
    plain = big_client.get(
        f"{API}/pull?limit=5000", headers={**headers, "Accept-Encoding": "identity"}
    )
    assert len(plain.content) > OFF_LOOP_BYTES
    assert len(json.loads(plain.content)["changes"]) == 1500
    for accept in ("zstd", "gzip"):
        wire = big_client.stream(
            "GET", f"{API}/pull?limit=5000", headers={**headers, "Accept-Encoding": accept}
        )
        with wire as answer:
            assert answer.headers["content-encoding"] == accept
            raw = b"".join(answer.iter_raw())
        got = (
            zstandard.ZstdDecompressor().decompress(raw)
            if accept == "zstd"
            else gzip.decompress(raw)
        )
        assert json.loads(got)["changes"] == json.loads(plain.content)["changes"]
