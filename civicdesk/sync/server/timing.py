"""``Server-Timing`` on every answer: how long the server took over the request.

The standard header (``Server-Timing: app;dur=12.3``, milliseconds) from reading the
request to the first byte of the answer: what an admin sees in a browser's or a
proxy's log, and what the sync benchmark reads to measure the server's part of a round
apart from the network and the PC. A plain ASGI wrapper (no per-request task or
response streaming of its own).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HEADER = b"server-timing"


class ServerTiming:
    """Adds ``Server-Timing: app;dur=<ms>`` to each HTTP answer of ``app``."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (time.perf_counter() - started) * 1000
                headers = list(message.get("headers", []))
                headers.append((HEADER, f"app;dur={took:.1f}".encode("ascii")))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, timed_send)


def duration_ms(header: str | None) -> float | None:
    """The ``app`` duration of a ``Server-Timing`` header, or None."""
    for metric in (header or "").split(","):
        name, *params = (p.strip() for p in metric.split(";"))
        if name != "app":
            continue
        for param in params:
            key, _, value = param.partition("=")
            if key == "dur":
                try:
                    return float(value)
                except ValueError:
                    return None
    return None
