"""Findings 6 and 7: attachments are fetched only by the center that sent them (and head
office); a pushed attachment record must name a real sha256; a center cannot push a
head-office account or center; abandoned partial uploads go after a day.

Before: center B put center A's sha256 in an attachment record of its own and fetched
A's file; a record whose sha256 held a NUL made every attachment request answer 500 on
PostgreSQL (head office's sync then failed every round).
"""

from __future__ import annotations

import hashlib
import os
import time
from datetime import datetime
from pathlib import Path

import pytest

from civicdesk.domain.ids import new_id
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.protocol import API
from civicdesk.sync.server.attachments import BlobStore
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, enroll_new, row_of
from tests.sync.test_attachments import attach, blob, http_as


def _record_naming(app: CivicApp, sha: str, size: int = 4000) -> str:
    """An attachment record of this center naming ``sha`` (as a hostile PC would write)."""
    rid = new_id()
    now = datetime.now().isoformat(sep=" ")
    with app.db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO attachments (id, center_id, created_at, updated_at, deleted, rev, hlc,"
            " sha256, mime, size, file_name, entity, entity_id)"
            " VALUES (?, ?, ?, ?, 0, 1, ?, ?, 'application/pdf', ?, 'x.pdf', 'meeting', 'm-9')",
            (rid, app.state.center_id, now, now, app.clock.now(), sha, size),
        )
    return rid


def test_naming_another_centers_sha256_does_not_fetch_its_file(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, b, ho = make_replica("a"), make_replica("b"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, b, transport, name="Бесқарағай")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    data = blob(4000, seed=6)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    sync.sync_now(a, transport=transport)

    _record_naming(b, sha)
    assert sync.sync_now(b, transport=transport).errors == 0  # the record itself is accepted
    with http_as(b, transport) as http:
        assert http.get(f"{API}/attachments/{sha}").status_code == 404
        assert http.get(f"{API}/attachments/{sha}/status").json()["complete"] is False
    assert not (b.attachments_dir / sha[:2] / sha[2:]).exists()
    # the owner and head office still fetch it
    with http_as(a, transport) as http:
        assert http.get(f"{API}/attachments/{sha}").content == data
    with http_as(ho, transport) as http:
        assert http.get(f"{API}/attachments/{sha}").content == data


def test_center_that_has_the_same_file_becomes_an_owner_by_sending_it(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, b = make_replica("a"), make_replica("b")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, b, transport, name="Бесқарағай")
    data = blob(3000, seed=7)
    sha = hashlib.sha256(data).hexdigest()
    attach(a, data)
    sync.sync_now(a, transport=transport)
    attach(b, data)  # the same form, scanned by both
    assert sync.sync_now(b, transport=transport).errors == 0
    with http_as(b, transport) as http:
        assert http.get(f"{API}/attachments/{sha}").content == data


def test_sha256_with_a_nul_or_not_hex_is_refused(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a = make_replica("a")
    enroll_new(store, a, transport, name="Ақсу")
    bad = [_record_naming(a, "ab\x00" + "c" * 61), _record_naming(a, "Z" * 64),
           _record_naming(a, "a" * 63)]
    summary = sync.sync_now(a, transport=transport)
    assert summary.errors == len(bad)
    stored = {r.id for r in store.all_records() if r.table_name == "attachments"}
    assert not stored & set(bad)
    # attachments still answer for everybody
    data = blob(1000, seed=8)
    attach(a, data)
    assert sync.sync_now(a, transport=transport).errors == 0


def test_center_cannot_push_a_head_office_account_or_center(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    sync.sync_now(a, transport=transport)
    with a.db.engine.begin() as conn:
        uid = conn.exec_driver_sql("SELECT id FROM users LIMIT 1").scalar()
        conn.exec_driver_sql("UPDATE users SET role = 'head_office', rev = rev + 1 WHERE id = ?",
                             (uid,))
        conn.exec_driver_sql("UPDATE centers SET is_head_office = 1, rev = rev + 1")
    assert sync.sync_now(a, transport=transport).errors == 2
    sync.sync_now(ho, transport=transport)
    user = row_of(ho, "users", str(uid))
    assert user is not None and user["role"] != "head_office"


def test_abandoned_partial_uploads_are_removed_after_a_day(tmp_path: Path) -> None:
    root = tmp_path / "blobs"
    blobs = BlobStore(root)
    data = b"x" * 100
    sha = hashlib.sha256(b"y" * 200).hexdigest()
    blobs.append("center-1", sha, 0, 200, data)
    old = blobs.partial("center-1", sha)
    assert old.is_file()
    fresh_sha = hashlib.sha256(b"z" * 200).hexdigest()
    blobs.append("center-1", fresh_sha, 0, 200, data)
    day_ago = time.time() - 25 * 3600
    os.utime(old, (day_ago, day_ago))
    assert blobs.clean_partials() == 1
    assert not old.exists() and blobs.partial("center-1", fresh_sha).is_file()


@pytest.mark.postgres
def test_nul_in_sha256_does_not_stop_head_office_on_postgres(
    pg_store: Store, make_replica: Make, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from civicdesk.sync.server import create_app

    monkeypatch.setenv("CIVICDESK_SERVER_BLOBS", str(tmp_path / "blobs"))
    transport = AppTransport(create_app(store=pg_store))
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(pg_store, a, transport, name="Ақсу")
    enroll_new(pg_store, ho, transport, name="Бас кеңсе", head_office=True)
    data = blob(2000, seed=9)
    attach(a, data)
    _record_naming(a, "ab\x00" + "c" * 61)
    assert sync.sync_now(a, transport=transport).errors == 1
    # head office's round (which asks about attachments) still succeeds, file and all
    assert sync.sync_now(ho, transport=transport).errors == 0
    sha = hashlib.sha256(data).hexdigest()
    assert (ho.attachments_dir / sha[:2] / sha[2:]).is_file()
