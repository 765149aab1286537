"""Record identifiers: UUIDv7 (RFC 9562) made on the client.

Layout: 48-bit Unix time in milliseconds, version 7, 12 bits, variant ``10``, 62 bits.
The 74 bits after the timestamp hold a random value; within one process, ids made in
the same millisecond (or after the clock stepped back) take the previous value plus
one, so ids always sort in the order they were made.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

__all__ = ["id_timestamp", "new_id"]

_RAND_BITS = 74
_RAND_MAX = (1 << _RAND_BITS) - 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_lock = threading.Lock()
_last_ms = -1
_last_rand = 0


def _next(ms: int) -> tuple[int, int]:
    global _last_ms, _last_rand
    with _lock:
        if ms > _last_ms:
            # Top bit left clear so a burst in one millisecond has room to count up.
            rand = secrets.randbits(_RAND_BITS - 1)
        else:
            ms = _last_ms
            rand = _last_rand + 1
            if rand > _RAND_MAX:
                ms += 1
                rand = secrets.randbits(_RAND_BITS - 1)
        _last_ms, _last_rand = ms, rand
        return ms, rand


def _build(ms: int, rand: int) -> uuid.UUID:
    rand_a = rand >> 62  # 12 bits
    rand_b = rand & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= rand_a << 64
    value |= 0b10 << 62
    value |= rand_b
    return uuid.UUID(int=value)


def new_id() -> str:
    """A new UUIDv7 as a lowercase canonical string (36 characters)."""
    ms, rand = _next(time.time_ns() // 1_000_000)
    return str(_build(ms, rand))


def id_timestamp(id: str) -> datetime:
    """When a UUIDv7 was made (UTC, millisecond precision).

    Raises ``ValueError`` if ``id`` is not a UUID of version 7.
    """
    value = uuid.UUID(id)
    if value.version != 7:
        raise ValueError(f"not a UUIDv7: {id}")
    ms = value.int >> 80
    return _EPOCH + timedelta(milliseconds=ms)
