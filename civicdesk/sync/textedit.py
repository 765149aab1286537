"""A long text edited in one place, sent as that place only (docs/sync.md §4).

When a write changes a long text (a consultation's advice with a sentence added), the
server records how much of the start and of the end stayed the same; a pull then sends
a PC holding the earlier text ``[head, tail, old_length, middle]``: keep ``head``
characters from the start and ``tail`` from the end of the old text, and put ``middle``
between them. Lengths count characters (code points), the same on every side.
"""

from __future__ import annotations

from collections.abc import Sequence

#: texts shorter than this go whole (the edit would not be worth its bookkeeping)
MIN_LENGTH = 120
#: nor is an edit that saves fewer characters than this
MIN_SAVED = 64


def _head(a: str, b: str, limit: int) -> int:
    """Length of the common start of ``a`` and ``b`` (at most ``limit``): a binary
    search over slice comparisons, which run in C, instead of a loop a character."""
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _tail(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def span(old: object, new: object) -> list[int] | None:
    """``[head, tail, len(old)]`` when ``new`` is ``old`` changed in one place and
    sending only that place saves enough; otherwise None (the text goes whole)."""
    if not isinstance(old, str) or not isinstance(new, str) or len(new) < MIN_LENGTH:
        return None
    shorter = min(len(old), len(new))
    head = _head(old, new, shorter)
    tail = _tail(old, new, shorter - head)
    if head + tail < MIN_SAVED:
        return None
    return [head, tail, len(old)]


def middle(new: str, edit: Sequence[int]) -> str:
    """What goes on the wire of ``new`` for ``edit`` (from ``span``)."""
    head, tail = edit[0], edit[1]
    return new[head : len(new) - tail]


def apply(old: object, head: int, tail: int, old_length: int, mid: str) -> str | None:
    """The new text from this PC's ``old`` one, or None when ``old`` is not the text
    the edit was made from (another length, or an edit that does not fit it)."""
    if (
        not isinstance(old, str)
        or len(old) != old_length
        or head < 0
        or tail < 0
        or head + tail > old_length
    ):
        return None
    return old[:head] + mid + old[old_length - tail :]
