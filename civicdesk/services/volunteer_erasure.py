"""A volunteer's erasure on request that reaches the file: the record and its audit
values blanked (``volunteers.erase_volunteer``), then the database file rewritten with
``secure_delete`` and ``VACUUM`` and the WAL emptied, as for a resident
(``civicdesk.services.erasure``), so no free page keeps the old name."""

from __future__ import annotations

from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor
from civicdesk.services.erasure import _compact
from civicdesk.services.volunteers import VolunteerView, erase_volunteer

__all__ = ["erase_volunteer_everywhere"]


def erase_volunteer_everywhere(app: CivicApp, actor: Actor, volunteer_id: str
                               ) -> VolunteerView:
    view = erase_volunteer(app.context(actor), volunteer_id)
    _compact(app)
    return view
