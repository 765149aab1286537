"""Every answer of the sync server says how long the server took (``Server-Timing``),
errors included; the benchmark reads it to measure the server's part of a round."""

from __future__ import annotations

import httpx

from civicdesk.sync.protocol import API
from civicdesk.sync.server.timing import duration_ms
from tests.sync.helpers import AppTransport


def test_answers_carry_the_servers_time(transport: AppTransport) -> None:
    versions = {"X-CivicDesk-Protocol": "1", "X-CivicDesk-Schema": "4"}
    with httpx.Client(transport=transport, base_url="http://server", headers=versions) as http:
        ok = http.get(f"{API}/status")
        refused = http.get(f"{API}/pull", params={"cursor": 0})  # no token
    assert ok.status_code == 200 and refused.status_code == 401
    for resp in (ok, refused):
        took = duration_ms(resp.headers.get("server-timing"))
        assert took is not None and 0 <= took < 60_000


def test_reading_the_header() -> None:
    assert duration_ms("app;dur=12.5") == 12.5
    assert duration_ms("db;dur=3, app;desc=\"x\";dur=7") == 7.0
    assert duration_ms("db;dur=3") is None
    assert duration_ms("app;dur=fast") is None
    assert duration_ms(None) is None
