"""The enrolment rate limit: failed attempts per client, in bounded memory.

- Only *failed* enrolments (a wrong, used or expired code, a malformed request) count.
  Many centers behind one carrier NAT share an address; their correct codes are never
  slowed down, and a code-guesser gets ``limit`` wrong guesses per ``window`` (codes
  have 40 bits, so guessing is hopeless at that rate).
- An IPv6 client is keyed by its /64 (what one subscriber holds), so stepping through
  addresses of one's own network does not buy more guesses.
- Memory is bounded: at most ``max_clients`` clients are remembered, the least recently
  seen forgotten first.
- The client address is the TCP peer. ``X-Forwarded-For`` is read only when the peer
  is one of the configured proxies (``trusted_proxies``; the server's
  ``CIVICDESK_SERVER_TRUSTED_PROXIES``, comma-separated), never from anything else,
  loopback included: run uvicorn without ``--proxy-headers``.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterable, Mapping

TRUSTED_PROXIES_ENV = "CIVICDESK_SERVER_TRUSTED_PROXIES"


def client_key(address: str) -> str:
    """The key of one client: an IPv4 address, or an IPv6 /64."""
    try:
        ip = ipaddress.ip_address(address.strip().strip("[]"))
    except ValueError:
        return address[:64]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network(f"{ip}/64", strict=False))
    return str(ip)


def client_address(
    peer: str | None, headers: Mapping[str, str], trusted_proxies: Iterable[str]
) -> str:
    """The client's address: the peer, or what a trusted proxy says in X-Forwarded-For
    (its right-most entry: the one that proxy added)."""
    peer = peer or "unknown"
    if peer in set(trusted_proxies):
        forwarded = headers.get("x-forwarded-for", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1]
    return peer


class FailureLimiter:
    """At most ``limit`` failures per ``window`` seconds per client key."""

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        max_clients: int = 4096,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self.clock = clock
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._failures)

    def _recent(self, key: str, now: float) -> deque[float] | None:
        hits = self._failures.get(key)
        if hits is None:
            return None
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if not hits:
            del self._failures[key]
            return None
        return hits

    def allow(self, address: str) -> bool:
        key = client_key(address)
        with self._lock:
            hits = self._recent(key, self.clock())
            return hits is None or len(hits) < self.limit

    def failed(self, address: str) -> None:
        key = client_key(address)
        now = self.clock()
        with self._lock:
            hits = self._recent(key, now)
            if hits is None:
                hits = deque(maxlen=self.limit)
                self._failures[key] = hits
            hits.append(now)
            self._failures.move_to_end(key)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)
