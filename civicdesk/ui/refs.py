"""Reference lists the forms and filters need, read together on the database thread."""

from __future__ import annotations

from dataclasses import dataclass, field

from civicdesk.services import reference, users
from civicdesk.services.base import Context
from civicdesk.services.reference import Named
from civicdesk.services.users import UserView


@dataclass(frozen=True)
class Refs:
    topics: list[Named] = field(default_factory=list)
    settlements: list[Named] = field(default_factory=list)
    users: list[UserView] = field(default_factory=list)

    def topic(self, code: str) -> Named | None:
        return next((t for t in self.topics if t.code == code), None)


def load_refs(ctx: Context) -> Refs:
    people = users.list_users(ctx) if ctx.actor.is_manager else []
    return Refs(reference.topics(ctx), reference.settlements(ctx), people)
