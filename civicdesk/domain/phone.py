"""Kazakhstan phone numbers, stored as ``+7XXXXXXXXXX``."""

from __future__ import annotations

import re

from .errors import Message, ValidationError

__all__ = ["format_phone", "normalize_phone"]

# What people type around the digits: spaces, brackets, dashes, dots, a leading plus.
_ALLOWED = re.compile(r"^\+?[\d\s().\-\u00a0]+$")

_INVALID = Message(
    kk="Телефон нөмірі дұрыс емес: «{value}». Мысалы: +7 701 123 45 67 немесе 8 7172 12 34 56",
    ru="Неверный номер телефона: «{value}». Пример: +7 701 123 45 67 или 8 7172 12 34 56",
)


def normalize_phone(value: str, *, field: str = "phone") -> str:
    """Bring a Kazakhstan number to ``+7XXXXXXXXXX``.

    Accepts ``8 701 ...``, ``+7 (701) 123-45-67``, ``701 123 45 67`` (10 digits) and
    the like. The national number must start with 7 (mobile 70x/747/75x/77x,
    landlines 71x-72x area codes). Raises ``ValidationError`` ``phone.invalid``.
    """
    text = value.strip()
    if not text or not _ALLOWED.match(text):
        raise _invalid(value, field)
    digits = re.sub(r"\D", "", text)
    has_plus = text.startswith("+")
    if len(digits) == 11 and (digits[0] == "7" or (digits[0] == "8" and not has_plus)):
        national = digits[1:]
    elif len(digits) == 10 and not has_plus:
        national = digits
    else:
        raise _invalid(value, field)
    # 70x-77x: Kazakhstan's part of the +7 zone (Russia uses 3xx, 4xx, 8xx, 9xx).
    if national[0] != "7" or national[1] not in "01234567":
        raise _invalid(value, field)
    return "+7" + national


def format_phone(normalized: str) -> str:
    """``+77011234567`` -> ``+7 701 123 45 67`` (for print and display)."""
    n = normalized
    if len(n) != 12 or not n.startswith("+7"):
        return normalized
    return f"+7 {n[2:5]} {n[5:8]} {n[8:10]} {n[10:12]}"


def _invalid(value: str, field: str) -> ValidationError:
    return ValidationError("phone.invalid", _INVALID, field=field, value=value.strip())
