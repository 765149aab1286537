"""Batches as big as the server says it takes, and back to 500 rows when a server
refuses a batch for its size (docs/sync.md §3)."""

from __future__ import annotations

import json

import httpx

from civicdesk.services.app import CivicApp
from civicdesk.sync.client import SyncClient
from civicdesk.sync.client_state import BATCH_LIMITS_KEY
from civicdesk.sync.protocol import API, MAX_BATCH_ROWS
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    enroll_new,
    outbox_count,
    sent_json,
)


class RowCounter(httpx.BaseTransport):
    """Counts the rows of every push; ``refuse_over`` answers a bigger batch as a
    server of protocol 1 that takes 500 rows does (400, ``body.invalid``)."""

    def __init__(self, inner: httpx.BaseTransport, refuse_over: int | None = None) -> None:
        self.inner = inner
        self.refuse_over = refuse_over
        self.batches: list[int] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == f"{API}/push":
            rows = len(json.loads(sent_json(request))["rows"])
            self.batches.append(rows)
            if self.refuse_over is not None and rows > self.refuse_over:
                return httpx.Response(400, json={
                    "code": "body.invalid", "message_kk": "қате", "message_ru": "ошибка",
                })
        return self.inner.handle_request(request)


def _queue(app: CivicApp, n: int) -> None:
    for i in range(n):
        add_consultation(app, f"Сұрақ {i}: жиын қалай өткізіледі?")


def test_batches_follow_the_bytes_the_server_takes(make_replica: Make, store: Store) -> None:
    app = make_replica("a")
    # a body limit of 64 KB: the server says it takes 48 KB of JSON in a batch
    counter = RowCounter(AppTransport(create_app(store=store, max_body=64 * 1024)))
    enroll_new(store, app, counter, name="Ақсу")
    _queue(app, 300)
    summary = SyncClient(app.db, transport=counter).sync_once()
    assert summary.pushed >= 300 and outbox_count(app) == 0
    assert len(counter.batches) > 1 and sum(counter.batches) == summary.pushed
    assert store.record_count() >= 300


def test_a_batch_refused_for_its_size_is_built_again_within_500_rows(
    make_replica: Make, store: Store
) -> None:
    app = make_replica("a")
    counter = RowCounter(AppTransport(create_app(store=store)), refuse_over=MAX_BATCH_ROWS)
    enroll_new(store, app, counter, name="Ақсу")
    _queue(app, 600)
    client = SyncClient(app.db, transport=counter)
    assert client.state(BATCH_LIMITS_KEY)["rows"] > MAX_BATCH_ROWS  # said at enrolment
    summary = client.sync_once()
    # the first batch (every row) was refused and nothing of it applied; then 500 and
    # the rest, all of them once
    assert counter.batches[0] == summary.pushed > MAX_BATCH_ROWS
    assert counter.batches[1] == MAX_BATCH_ROWS
    assert sum(counter.batches[1:]) == summary.pushed and outbox_count(app) == 0
    assert store.record_count() >= 600
