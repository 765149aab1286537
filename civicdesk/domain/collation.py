"""Kazakh (and Russian) alphabetical order as a sort key that a database can index.

The Kazakh Cyrillic alphabet has 42 letters:
А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я.
Code point order puts Ә Ғ Қ Ң Ө Ұ Ү Һ І after Я; this key puts them where they belong.
Russian order is the same list without the Kazakh letters, so one key sorts both
languages (Ё is a letter of its own after Е, as in both alphabets).

``collation_key`` maps every character to one character of the key, so comparing keys
as strings (Python) or as UTF-8 bytes (SQLite's BINARY collation, an index) gives the
same order: case-insensitive; spaces first, then punctuation, digits, Latin letters,
Cyrillic letters in Kazakh order, other scripts last.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from .text import KK_ALPHABET, normalize_kk

__all__ = ["collation_key", "sorted_by_name"]

T = TypeVar("T")

_SPACE = 0x20
_PUNCT = 0x1000  # + code point (at most 0x3FFF)
_DIGIT = 0x5000
_LATIN = 0x5100
_CYRILLIC = 0x5200
_OTHER = 0x10000  # + code point: the supplementary planes sort after every key above

_RANK: dict[str, int] = {}
for _i, _letter in enumerate(KK_ALPHABET):
    _RANK[_letter] = _i
    _RANK[_letter.lower()] = _i


def _key_char(ch: str) -> str:
    rank = _RANK.get(ch)
    if rank is not None:
        return chr(_CYRILLIC + rank)
    if ch.isspace():
        return chr(_SPACE)
    if ch.isdigit():
        return chr(_DIGIT + (ord(ch) - 0x30 if ch.isascii() else 10))
    if ch.isascii() and ch.isalpha():
        return chr(_LATIN + ord(ch.lower()) - ord("a"))
    if not ch.isalnum():
        return chr(_PUNCT + min(ord(ch), 0x3FFF))
    return chr(min(_OTHER + ord(ch), 0x10FFFF))


def collation_key(text: str | None) -> str:
    """The sort key of a name: ``sorted(names, key=collation_key)`` is Kazakh order.

    Look-alike letters are cleaned first (Latin ``I`` in a Cyrillic word sorts as ``І``);
    runs of spaces count as one. An empty or missing name gives an empty key (first).
    """
    if not text:
        return ""
    clean = " ".join(normalize_kk(text).split())
    return "".join(_key_char(ch) for ch in clean.casefold())


def sorted_by_name(items: Iterable[T], name: Callable[[T], str | None]) -> list[T]:
    """Items in Kazakh alphabetical order of ``name(item)``, ties by the name itself."""
    return sorted(items, key=lambda item: (collation_key(name(item)), name(item) or ""))
