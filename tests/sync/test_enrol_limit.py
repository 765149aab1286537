"""Finding 9: the enrolment rate limit is bounded in memory, counts only failures (so
honest centers behind one carrier NAT are never blocked), keys IPv6 by /64, and reads
X-Forwarded-For only from a configured proxy.

Before: every address ever seen stayed in memory; the 11th correct enrolment within a
minute from one NAT address was refused; the limit took the address a loopback client
wrote in X-Forwarded-For.
"""

from __future__ import annotations

from starlette.testclient import TestClient

from civicdesk.sync.protocol import API, EnrollRequest, dumps
from civicdesk.sync.server import create_app
from civicdesk.sync.server.ratelimit import FailureLimiter, client_address, client_key
from civicdesk.sync.server.store import Store
from tests.sync.test_hostile import VERSION


def _enrol(c: TestClient, code: str, n: int, headers: dict[str, str] | None = None) -> int:
    req = EnrollRequest(code=code, device_id=f"dev-{n}", instance_id=f"inst-{n}")
    return c.post(
        f"{API}/enroll", content=dumps(req), headers={**VERSION, **(headers or {})}
    ).status_code


def test_many_centers_behind_one_address_all_enrol(store: Store) -> None:
    app = create_app(store=store, enroll_limit=(3, 60.0))
    with TestClient(app, raise_server_exceptions=False) as c:
        codes = [store.issue_code(store.create_center(f"Орталық {i}", "19")) for i in range(12)]
        assert [_enrol(c, code, i) for i, code in enumerate(codes)] == [200] * 12


def test_wrong_codes_are_limited_per_client(store: Store) -> None:
    app = create_app(store=store, enroll_limit=(3, 60.0))
    with TestClient(app, raise_server_exceptions=False) as c:
        assert [_enrol(c, "AAAA-BBBB", i) for i in range(4)] == [400, 400, 400, 429]
        # even the right code waits now, from that client
        code = store.issue_code(store.create_center("Ақсу", "19"))
        assert _enrol(c, code, 9) == 429


def test_forwarded_for_is_read_only_from_a_configured_proxy(store: Store) -> None:
    # the test client's peer is "testclient": not a configured proxy
    app = create_app(store=store, enroll_limit=(2, 60.0))
    with TestClient(app, raise_server_exceptions=False) as c:
        got = [
            _enrol(c, "AAAA-BBBB", i, {"X-Forwarded-For": f"203.0.113.{i}"}) for i in range(3)
        ]
        assert got == [400, 400, 429]
    # behind a configured proxy each real client has its own budget
    app = create_app(store=store, enroll_limit=(2, 60.0), trusted_proxies=["testclient"])
    with TestClient(app, raise_server_exceptions=False) as c:
        got = [
            _enrol(c, "AAAA-BBBB", i, {"X-Forwarded-For": f"203.0.113.{i}"}) for i in range(3)
        ]
        assert got == [400, 400, 400]


def test_memory_stays_bounded() -> None:
    limiter = FailureLimiter(5, 60.0, max_clients=1000)
    for i in range(20_000):
        limiter.failed(f"10.{i // 65536}.{(i // 256) % 256}.{i % 256}")
    assert len(limiter) == 1000


def test_forgotten_after_the_window() -> None:
    now = [0.0]
    limiter = FailureLimiter(2, 60.0, clock=lambda: now[0])
    limiter.failed("198.51.100.7")
    limiter.failed("198.51.100.7")
    assert not limiter.allow("198.51.100.7")
    now[0] = 61.0
    assert limiter.allow("198.51.100.7")
    assert len(limiter) == 0


def test_ipv6_is_keyed_by_its_64() -> None:
    assert client_key("2001:db8:1:2::1") == client_key("2001:db8:1:2:ffff::9")
    assert client_key("2001:db8:1:2::1") != client_key("2001:db8:1:3::1")
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1"
    limiter = FailureLimiter(2, 60.0)
    limiter.failed("2001:db8:1:2::1")
    limiter.failed("2001:db8:1:2::2")
    assert not limiter.allow("2001:db8:1:2::3")


def test_rightmost_forwarded_entry_is_the_proxys() -> None:
    headers = {"x-forwarded-for": "1.1.1.1, 203.0.113.9"}
    assert client_address("10.0.0.2", headers, ["10.0.0.2"]) == "203.0.113.9"
    assert client_address("127.0.0.1", headers, []) == "127.0.0.1"
