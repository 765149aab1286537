"""Clocks (finding 4 of the sync review): a PC whose clock is a day ahead neither
drags the server's clock nor other PCs' clocks; its rows still arrive (stamped with
the server's time), and the PC is told its clock is off."""

from __future__ import annotations

import time

from civicdesk.domain.hlc import HybridClock, Timestamp
from civicdesk.services import sync
from civicdesk.sync.protocol import CLOCK_MARGIN_MS
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, enroll_new, outbox_count


def _wall() -> int:
    return time.time_ns() // 1_000_000


def test_a_pc_a_day_ahead_does_not_drag_anybody(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    fast, honest = make_replica("a"), make_replica("b")
    enroll_new(store, fast, transport, name="Ақсу")
    enroll_new(store, honest, transport, name="Бесқарағай")
    fast.clock = HybridClock(fast.clock.node, wall=lambda: _wall() + 86_400_000)
    cons = add_consultation(fast)

    summary = sync.sync_now(fast, transport=transport)

    assert summary.errors == 0 and outbox_count(fast) == 0
    rec = store.get_record("consultations", cons)
    assert rec is not None
    assert Timestamp.decode(rec["hlc"]).wall_ms <= _wall() + CLOCK_MARGIN_MS
    assert Timestamp.decode(store.clock.now()).wall_ms <= _wall() + CLOCK_MARGIN_MS
    st = sync.status(fast)
    assert st.clock_offset_ms is not None and st.clock_offset_ms < -80_000_000
    assert st.clock_off
    warning = sync.clock_warning(st)
    assert warning is not None and warning.text("kk") and warning.text("ru")

    sync.sync_now(honest, transport=transport)
    assert Timestamp.decode(honest.clock.now()).wall_ms <= _wall() + CLOCK_MARGIN_MS
    st_honest = sync.status(honest)
    assert not st_honest.clock_off and sync.clock_warning(st_honest) is None
