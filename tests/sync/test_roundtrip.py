"""Center -> server -> head office -> center, through the real app in-process."""

from __future__ import annotations

from collections.abc import Callable

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.server.store import Store
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    edit,
    enroll_new,
    outbox_count,
    row_of,
)


def test_round_trip_center_head_office_center(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    center = make_replica("a")
    office = make_replica("ho")
    enroll_new(store, center, transport, name="Ақсу")
    enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)

    cid = add_consultation(center, "Жергілікті қоғамдастық жиынын қалай шақырамыз?")
    first = sync.sync_now(center, transport=transport)
    assert first.pushed > 0 and first.errors == 0
    assert outbox_count(center) == 0

    got = sync.sync_now(office, transport=transport)
    assert got.errors == 0
    at_office = row_of(office, "consultations", cid)
    assert at_office is not None
    assert at_office["question"] == "Жергілікті қоғамдастық жиынын қалай шақырамыз?"

    # Head office may not edit a center's consultation: it is rejected, not lost.
    edit(office, "consultations", cid, advice="Бас кеңсе")
    s = sync.sync_now(office, transport=transport)
    assert s.errors == 1
    assert sync.conflicts(office)[0].reason == "rejected:not_owner"

    edit(center, "consultations", cid, advice="Ауыл әкіміне жазбаша өтініш")
    sync.sync_now(center, transport=transport)
    sync.sync_now(office, transport=transport)
    at_office = row_of(office, "consultations", cid)
    assert at_office is not None and at_office["advice"] == "Ауыл әкіміне жазбаша өтініш"

    again = sync.sync_now(center, transport=transport)
    assert (again.pushed, again.errors) == (0, 0)
    st = sync.status(center)
    assert st.pending == 0 and st.enrolled and st.last_sync
    assert sync.history(center)[0].outcome == "ok"
