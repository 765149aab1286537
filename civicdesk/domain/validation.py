"""Collecting several field errors so a form shows every problem at once.

Convention: ``validate_*`` functions for whole forms (resident, consultation,
budget line, scores) always raise :class:`ValidationErrors`, even for one problem;
single-value checks (IIN, BIN, KATO, phone, money) raise one :class:`ValidationError`.
:func:`field_errors` flattens either into a list, for showing inline in a form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from .errors import Message, UserError, ValidationError, ValidationErrors

__all__ = ["Collector", "field_errors"]

T = TypeVar("T")


def field_errors(error: UserError) -> list[UserError]:
    """The single errors inside ``error`` (itself, or the items of a ``ValidationErrors``)."""
    if isinstance(error, ValidationErrors):
        return list(error.errors)
    return [error]


class Collector:
    """Gathers errors while a form is checked, then raises them together."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def add(self, code: str, message: Message, *, field: str, **params: object) -> None:
        self.errors.append(ValidationError(code, message, field=field, **params))

    def attempt(self, check: Callable[[], T]) -> T | None:
        """Run ``check``; on a user error remember it and return ``None``."""
        try:
            return check()
        except UserError as e:
            self.errors.extend(field_errors(e))
            return None

    def has(self, field: str) -> bool:
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationErrors(self.errors)
