"""Attachment blobs: "which do you lack", resumable chunked upload, verified download."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.attachments import (
    MAX_BYTES_KEY,
    add_attachment,
    open_attachment,
)
from civicdesk.services.base import Actor, Context, put_setting
from civicdesk.sync.attachments import CHUNK_BYTES, MAX_BLOB_BYTES, PARTIAL_DIR, blob_path
from civicdesk.sync.client import SyncClient, SyncError
from civicdesk.sync.protocol import API, H_PROTOCOL, H_SCHEMA, PROTOCOL_VERSION, SCHEMA_VERSION
from civicdesk.sync.server.attachments import default_blob_dir
from civicdesk.sync.server.store import Store
from tests.sync.helpers import URL, AppTransport, enroll_new

Make = Callable[[str], CivicApp]
VERSION = {H_PROTOCOL: str(PROTOCOL_VERSION), H_SCHEMA: str(SCHEMA_VERSION)}


class Spy(httpx.BaseTransport):
    """Records attachment requests; optionally cuts the connection after the n-th PUT
    (the server has stored the chunk, the answer is lost) or refuses every PUT."""

    def __init__(
        self, inner: httpx.BaseTransport, *, cut_after_put: int = 0, no_puts: bool = False
    ) -> None:
        self.inner = inner
        self.cut_after_put = cut_after_put
        self.no_puts = no_puts
        self.puts: list[str] = []
        self.gets: list[tuple[str, str | None]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if "/attachments/" in path and request.method == "PUT":
            if self.no_puts:
                raise httpx.ConnectError("no uploads today", request=request)
            self.puts.append(request.url.params.get("offset", ""))
        if "/attachments/" in path and request.method == "GET" and not path.endswith("status"):
            self.gets.append((path, request.headers.get("range")))
        resp = self.inner.handle_request(request)
        if self.cut_after_put and len(self.puts) == self.cut_after_put and request.method == "PUT":
            self.cut_after_put = 0
            raise httpx.ReadError("cut before the answer", request=request)
        return resp


def ctx_of(app: CivicApp, *, head_office: bool = False) -> Context:
    role = Role.HEAD_OFFICE if head_office else Role.MANAGER
    return app.context(Actor(None, "Тест", role, app.state.center_id or "", "kk"))


def blob(size: int, seed: int = 1) -> bytes:
    out = bytearray()
    block = hashlib.sha256(str(seed).encode()).digest()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out += block
    return bytes(out[:size])


def attach(app: CivicApp, data: bytes, name: str = "хаттама.pdf") -> str:
    info = add_attachment(ctx_of(app), app, "meeting", "m-1", data, name, "application/pdf")
    return info.id


def http_as(app: CivicApp, transport: httpx.BaseTransport) -> httpx.Client:
    headers = {**VERSION, **SyncClient(app.db)._auth_headers()}
    return httpx.Client(base_url=URL, transport=transport, headers=headers)


def server_blobs(store: Store) -> Path:
    return default_blob_dir(store.url)


def test_blob_reaches_head_office_byte_identical(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    data = blob(3 * CHUNK_BYTES + 1234)
    att = attach(a, data)
    assert open_attachment(ctx_of(a), a, att).read_bytes() == data

    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)

    path = open_attachment(ctx_of(ho, head_office=True), ho, att)
    assert path.read_bytes() == data
    assert path == blob_path(ho.attachments_dir, hashlib.sha256(data).hexdigest())
    assert not list((ho.attachments_dir / PARTIAL_DIR).iterdir())


def test_only_missing_blobs_are_uploaded(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    first, second = blob(1000, 1), blob(2000, 2)
    attach(a, first)
    attach(a, second, "екінші.pdf")
    spy = Spy(transport)
    sync.sync_now(a, transport=spy)
    assert len(spy.puts) == 2

    third = blob(500, 3)
    attach(a, third, "үшінші.pdf")
    attach(a, first, "қайта.pdf")  # the same bytes again: one blob, not sent again
    spy = Spy(transport)
    sync.sync_now(a, transport=spy)
    assert spy.puts == ["0"]

    shas = [hashlib.sha256(d).hexdigest() for d in (first, second, third)]
    with http_as(a, transport) as http:
        r = http.post(f"{API}/attachments/missing", json={"sha256": [*shas, "0" * 64]})
    assert r.status_code == 200
    assert r.json() == {"missing": []}

    spy = Spy(transport)
    sync.sync_now(a, transport=spy)
    assert spy.puts == []


def test_cut_upload_resumes_from_received_offset(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    data = blob(5 * CHUNK_BYTES + 77)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)

    cut = Spy(transport, cut_after_put=3)
    with pytest.raises(SyncError) as err:
        sync.sync_now(a, transport=cut)
    assert err.value.kind == "network"
    assert cut.puts == ["0", str(CHUNK_BYTES), str(2 * CHUNK_BYTES)]
    with http_as(a, transport) as http:
        status = http.get(f"{API}/attachments/{sha}/status").json()
    assert status == {"sha256": sha, "received": 3 * CHUNK_BYTES, "complete": False}

    again = Spy(transport)
    sync.sync_now(a, transport=again)
    assert again.puts == [str(n * CHUNK_BYTES) for n in (3, 4, 5)]
    kept = blob_path(server_blobs(store), sha)
    assert kept.read_bytes() == data
    assert not list((server_blobs(store) / PARTIAL_DIR).iterdir())


def test_corrupted_upload_is_refused_and_nothing_kept(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    data = blob(CHUNK_BYTES + 10)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    with pytest.raises(SyncError):
        sync.sync_now(a, transport=Spy(transport, no_puts=True))  # the row is on the server

    wrong = bytearray(data)
    wrong[CHUNK_BYTES] ^= 0xFF
    url = f"{API}/attachments/{sha}"
    with http_as(a, transport) as http:
        r = http.put(url, params={"offset": 0, "size": len(data)}, content=bytes(wrong))
        assert r.status_code == 422
        body = r.json()
        assert body["code"] == "attachments.mismatch"
        assert body["message_kk"] and body["message_ru"]
        # too many bytes for the declared size: refused too
        r = http.put(url, params={"offset": 0, "size": 10}, content=data[:20])
        assert r.status_code == 422
        # a chunk at the wrong offset
        http.put(url, params={"offset": 0, "size": len(data)}, content=data[:100])
        r = http.put(url, params={"offset": 50, "size": len(data)}, content=data[50:60])
        assert r.status_code == 409
        r = http.put(url, params={"offset": 100, "size": len(data)}, content=bytes(wrong[100:]))
        assert r.status_code == 422
        assert http.get(f"{url}/status").json()["received"] == 0
    root = server_blobs(store)
    assert not blob_path(root, sha).exists()
    assert not list((root / PARTIAL_DIR).iterdir())

    sync.sync_now(a, transport=transport)  # the real bytes still go through
    assert blob_path(root, sha).read_bytes() == data


def test_other_center_cannot_fetch_or_send_a_blob(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, b = make_replica("a"), make_replica("b")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, b, transport, name="Бесқарағай")
    data = blob(4000)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    sync.sync_now(a, transport=transport)
    sync.sync_now(b, transport=transport)
    assert not (b.attachments_dir / sha[:2]).exists()

    with http_as(b, transport) as http:
        assert http.get(f"{API}/attachments/{sha}").status_code in (403, 404)
        assert http.get(f"{API}/attachments/{sha}/status").status_code in (403, 404)
        r = http.put(f"{API}/attachments/{sha}", params={"offset": 0, "size": 4}, content=b"evil")
        assert r.status_code == 403
        r = http.post(f"{API}/attachments/missing", json={"sha256": [sha]})
        assert r.json() == {"missing": []}
    with http_as(a, transport) as http:
        r = http.get(f"{API}/attachments/{sha}")
        assert r.status_code == 200 and r.content == data
        r = http.get(f"{API}/attachments/{sha}", headers={"Range": "bytes=1000-"})
        assert r.status_code == 206 and r.content == data[1000:]
        assert r.headers["content-range"] == "bytes 1000-3999/4000"
    no_auth = httpx.Client(base_url=URL, transport=transport, headers=VERSION)
    assert no_auth.get(f"{API}/attachments/{sha}").status_code == 401


def test_oversized_blob_refused_in_both_languages(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    with a.db.session() as s:
        put_setting(s, MAX_BYTES_KEY, 1000)
    with pytest.raises(UserError) as err:
        attach(a, blob(1001))
    assert err.value.code == "attachments.too_large"
    assert "шегі 1000" in err.value.text("kk") and "предел 1000" in err.value.text("ru")
    big = a.data_dir / "big.bin"
    big.write_bytes(blob(5000))
    with pytest.raises(UserError):
        add_attachment(ctx_of(a), a, "meeting", "m-1", big, "big.bin", "application/pdf")
    assert not [p for p in a.attachments_dir.rglob("*") if p.is_file()]

    data = blob(10)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    with http_as(a, transport) as http:
        r = http.put(
            f"{API}/attachments/{sha}",
            params={"offset": 0, "size": MAX_BLOB_BYTES + 1},
            content=data,
        )
    assert r.status_code == 413
    body = r.json()
    assert body["code"] == "attachments.too_large"
    assert "байт" in body["message_kk"] and "предел" in body["message_ru"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/sync/v1/attachments/..%2F..%2Fetc%2Fpasswd"),
        ("GET", "/sync/v1/attachments/..%2F..%2Fetc%2Fpasswd/status"),
        ("PUT", "/sync/v1/attachments/..%2F..%2Fserver.sqlite3?offset=0&size=1"),
        ("GET", "/sync/v1/attachments/../../server.sqlite3"),
        ("GET", "/sync/v1/attachments/" + "g" * 64),
        ("GET", "/sync/v1/attachments/" + "A" * 64),
        ("GET", "/sync/v1/attachments/" + "a" * 63),
        ("GET", "/sync/v1/attachments/" + "a" * 64 + "%00"),
        ("PUT", "/sync/v1/attachments/" + "a" * 64 + "?offset=-1&size=1"),
        ("PUT", "/sync/v1/attachments/" + "a" * 64 + "?offset=x&size=1"),
        ("GET", "/sync/v1/attachments/.%2E%2F" + "a" * 61),
    ],
)
def test_hostile_names_get_4xx(
    store: Store, transport: AppTransport, make_replica: Make, method: str, path: str
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    headers = {**VERSION, **SyncClient(a.db)._auth_headers()}
    r = transport.client.request(method, path, headers=headers, content=b"x")
    assert 400 <= r.status_code < 500, (path, r.status_code, r.text)
    body = r.json()
    assert body["message_kk"] and body["message_ru"]


def test_cut_download_resumes_with_range_and_is_verified(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    data = blob(2 * CHUNK_BYTES + 5)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    sync.sync_now(a, transport=transport)

    partial = ho.attachments_dir / PARTIAL_DIR
    partial.mkdir(parents=True)
    (partial / f"{sha}.part").write_bytes(data[:1000])  # what a cut download left
    spy = Spy(transport)
    sync.sync_now(ho, transport=spy)
    assert spy.gets == [(f"{API}/attachments/{sha}", "bytes=1000-")]
    assert blob_path(ho.attachments_dir, sha).read_bytes() == data

    # A damaged partial is thrown away, the round says so, the next one fetches it whole.
    os.remove(blob_path(ho.attachments_dir, sha))
    (partial / f"{sha}.part").write_bytes(b"x" * 1000)
    with pytest.raises(SyncError) as err:
        sync.sync_now(ho, transport=transport)
    assert err.value.code == "attachments.mismatch"
    assert not (partial / f"{sha}.part").exists()
    sync.sync_now(ho, transport=transport)
    assert blob_path(ho.attachments_dir, sha).read_bytes() == data

    # Every byte arrived but the rename did not happen: kept without fetching again.
    os.replace(blob_path(ho.attachments_dir, sha), partial / f"{sha}.part")
    sync.sync_now(ho, transport=transport)
    assert blob_path(ho.attachments_dir, sha).read_bytes() == data
    assert not (partial / f"{sha}.part").exists()


def test_open_attachment_verifies_the_bytes(make_replica: Make) -> None:
    a = make_replica("a")
    data = blob(3000)
    att = attach(a, data)
    path = open_attachment(ctx_of(a), a, att)
    path.write_bytes(b"changed on disk")
    with pytest.raises(UserError) as err:
        open_attachment(ctx_of(a), a, att)
    assert err.value.code == "attachments.broken"
    assert "хаттама.pdf" in err.value.text("kk")


@pytest.mark.parametrize(
    "body", [b"not json", b'{"sha256": "abc"}', b'{"sha256": [1, 2]}', b"[" * 5000]
)
def test_malformed_missing_question_is_400(
    store: Store, transport: AppTransport, make_replica: Make, body: bytes
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    headers = {**VERSION, **SyncClient(a.db)._auth_headers()}
    r = transport.client.post(f"{API}/attachments/missing", headers=headers, content=body)
    assert r.status_code == 400, r.text
    assert r.json()["message_ru"]
