"""A failed round is kept in the history in both languages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from civicdesk.domain.errors import UserError
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.server.store import Store

from .helpers import AppTransport, Faults, FlakyTransport, enroll_new


def test_failed_round_message_in_kazakh_and_russian(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    app = make_replica("a")
    enroll_new(store, app, transport, name="Ақсу")
    cut = FlakyTransport(transport, Faults(before=set(range(1, 50))))
    with pytest.raises(UserError) as info:
        sync.sync_now(app, transport=cut)
    last = sync.history(app, limit=1)[0]
    assert last.outcome == "failed"
    assert last.message_in("kk") == info.value.text("kk")
    assert last.message_in("ru") == info.value.text("ru")
    assert last.message_in("kk") != last.message_in("ru")
