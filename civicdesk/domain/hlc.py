"""Hybrid logical clock (HLC) for tie-breaks and audit.

A timestamp is ``(wall_ms, counter, node)`` rendered as a fixed-width string
``"0001740000000000-0000-<node>"`` that sorts in causal order. Cursors never use it
(they use the server's sequence). A remote clock far ahead of ours is clamped to
``now + max_drift`` so one PC with a wrong date cannot drag every clock a year ahead.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_DRIFT_MS = 60 * 60 * 1000  # one hour


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.wall_ms:016d}-{self.counter:04d}-{self.node}"

    @staticmethod
    def decode(text: str) -> Timestamp:
        wall, counter, node = text.split("-", 2)
        return Timestamp(int(wall), int(counter), node)


class HybridClock:
    def __init__(
        self,
        node: str,
        *,
        wall: Callable[[], int] | None = None,
        max_drift_ms: int = MAX_DRIFT_MS,
        last: str | None = None,
    ) -> None:
        self.node = node
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self.max_drift_ms = max_drift_ms
        self._lock = threading.Lock()
        self._last = Timestamp.decode(last) if last else Timestamp(0, 0, node)

    def now(self) -> str:
        """A new timestamp for a local event."""
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                self._last = Timestamp(wall, 0, self.node)
            else:
                self._last = Timestamp(self._last.wall_ms, self._last.counter + 1, self.node)
            return self._last.encode()

    def observe(self, remote: str) -> str:
        """Merge a timestamp received from another node; returns the new local time.

        The remote wall time is clamped to ``now + max_drift`` first.
        """
        other = Timestamp.decode(remote)
        with self._lock:
            wall = self._wall()
            remote_wall = min(other.wall_ms, wall + self.max_drift_ms)
            top = max(wall, self._last.wall_ms, remote_wall)
            if top == self._last.wall_ms and top == remote_wall:
                counter = max(self._last.counter, other.counter) + 1
            elif top == self._last.wall_ms:
                counter = self._last.counter + 1
            elif top == remote_wall:
                counter = other.counter + 1
            else:
                counter = 0
            self._last = Timestamp(top, counter, self.node)
            return self._last.encode()

    def wall_ms(self) -> int:
        """This node's wall clock, in milliseconds since the epoch."""
        return int(self._wall())

    @property
    def last(self) -> str:
        return self._last.encode()
