"""Applying the server's answers never stalls a PC (finding 2 of the sync review).

- a merged answer naming a parent this PC has not pulled yet is applied;
- a local edit made while the PC's own push is in flight survives the merged answer
  (it is pushed next round), never a NOT NULL error;
- a pulled row the local schema refuses waits in a visible list with its reason, does
  not stop the rows behind it, and is applied after a later round once it can be.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx

from civicdesk.db.engine import integrity_problems
from civicdesk.domain.ids import new_id
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    edit,
    enroll_new,
    outbox_count,
    row_of,
    rows_of,
    sent_json,
)


class BeforePush(httpx.BaseTransport):
    """Runs ``action`` once, just before the next push request leaves the PC."""

    def __init__(self, inner: httpx.BaseTransport, action: Callable[[], None]) -> None:
        self.inner = inner
        self.action: Callable[[], None] | None = action

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/push") and self.action is not None:
            action, self.action = self.action, None
            action()
        return self.inner.handle_request(request)


def _add_user(app: CivicApp, login: str, *, quiet: bool = False) -> str:
    """A user written with raw SQL; ``quiet``: without change capture (never queued)."""
    uid = new_id()
    with app.db.engine.begin() as conn:
        if quiet:
            conn.exec_driver_sql("UPDATE sync_control SET applying = 1")
        conn.exec_driver_sql(
            "INSERT INTO users (id, center_id, created_at, updated_at, login, full_name, role, "
            "password_hash, active, language, hlc) VALUES (?, ?, '2025-01-01 00:00:00', "
            "'2025-01-01 00:00:00', ?, 'Айгүл', 'consultant', 'h', 1, 'kk', ?)",
            (uid, app.state.center_id, login, app.clock.now()),
        )
        if quiet:
            conn.exec_driver_sql("UPDATE sync_control SET applying = 0")
    return uid


def _two_pcs(store: Store, transport: AppTransport, make_replica: Make) -> tuple[CivicApp, CivicApp]:
    pc1, pc2 = make_replica("a"), make_replica("a")
    enroll_new(store, pc1, transport, name="Ақсу")
    enroll_new(store, pc2, transport, name="Ақсу")
    return pc1, pc2


def test_merged_answer_with_a_parent_not_pulled_yet_does_not_stall(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = _two_pcs(store, transport, make_replica)
    cons = add_consultation(pc1)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    consultant = _add_user(pc1, "aigul")
    edit(pc1, "consultations", cons, consultant_id=consultant)
    sync.sync_now(pc1, transport=transport)
    edit(pc2, "consultations", cons, advice="Екінші ДК кеңесі")

    summary = sync.sync_now(pc2, transport=transport)  # merged: names a user pc2 lacks

    assert summary.errors == 0
    assert outbox_count(pc2) == 0
    row = row_of(pc2, "consultations", cons)
    assert row is not None
    assert row["consultant_id"] == consultant and row["advice"] == "Екінші ДК кеңесі"
    assert consultant in rows_of(pc2, "users")  # the parent came with the same round
    assert integrity_problems(pc2.db.engine) == []
    sync.sync_now(pc1, transport=transport)
    assert row_of(pc1, "consultations", cons)["advice"] == "Екінші ДК кеңесі"  # type: ignore[index]


def test_edit_while_own_push_is_in_flight_survives_the_merged_answer(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = _two_pcs(store, transport, make_replica)
    cons = add_consultation(pc1)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    edit(pc1, "consultations", cons, status="closed")
    sync.sync_now(pc1, transport=transport)
    edit(pc2, "consultations", cons, advice="Бірінші нұсқа")
    in_flight = BeforePush(
        transport, lambda: edit(pc2, "consultations", cons, question="Түзетілген сұрақ")
    )

    sync.sync_now(pc2, transport=in_flight)  # merged (status came from pc1)

    row = row_of(pc2, "consultations", cons)
    assert row is not None
    assert row["question"] == "Түзетілген сұрақ"  # the edit in flight is kept
    assert row["status"] == "closed" and row["advice"] == "Бірінші нұсқа"
    sync.sync_now(pc2, transport=transport)
    sync.sync_now(pc1, transport=transport)
    for pc in (pc1, pc2):
        r = row_of(pc, "consultations", cons)
        assert r is not None
        assert (r["question"], r["status"], r["advice"]) == (
            "Түзетілген сұрақ", "closed", "Бірінші нұсқа"
        )
    assert outbox_count(pc2) == 0


def test_edit_in_flight_of_a_new_record_keeps_its_values(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, _ = _two_pcs(store, transport, make_replica)
    cons = add_consultation(pc1)
    in_flight = BeforePush(
        transport, lambda: edit(pc1, "consultations", cons, question="Жаңа сұрақ")
    )
    sync.sync_now(pc1, transport=in_flight)
    assert row_of(pc1, "consultations", cons)["question"] == "Жаңа сұрақ"  # type: ignore[index]
    sync.sync_now(pc1, transport=transport)
    assert store.get_record("consultations", cons)["data"]["question"] == "Жаңа сұрақ"  # type: ignore[index]


def test_a_refused_pulled_row_waits_and_is_applied_later(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = _two_pcs(store, transport, make_replica)
    # pc2 has its own "aigul" (never synced yet: made locally, quiet), pc1 sends another.
    theirs = _add_user(pc1, "aigul")
    after = add_consultation(pc1, "Кейінгі жол")
    sync.sync_now(pc1, transport=transport)
    mine = _add_user(pc2, "aigul", quiet=True)

    summary = sync.sync_now(pc2, transport=transport)

    assert summary.waiting == 1
    waiting = sync.waiting(pc2)
    assert [(w.table, w.row_id) for w in waiting] == [("users", theirs)]
    assert "UNIQUE" in waiting[0].reason
    assert row_of(pc2, "consultations", after) is not None  # the rows behind it arrived
    st = sync.status(pc2)
    assert st.waiting == 1
    assert sync.exit_code_for(None, waiting=st.waiting) == sync.EXIT_WAITING

    with pc2.db.engine.begin() as conn:  # the local duplicate is renamed by a person
        conn.exec_driver_sql("UPDATE users SET login = 'aigul.2' WHERE id = ?", (mine,))
    summary = sync.sync_now(pc2, transport=transport)
    assert summary.waiting == 0
    assert sync.waiting(pc2) == []
    assert row_of(pc2, "users", theirs) is not None


def test_a_merged_answer_keeps_the_derived_sort_key(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    from civicdesk.domain.collation import collation_key

    pc1, pc2 = _two_pcs(store, transport, make_replica)
    sync.sync_now(pc1, transport=transport)
    sync.sync_now(pc2, transport=transport)
    user = next(iter(rows_of(pc1, "users")))
    edit(pc2, "users", user, full_name="Өмірзақ Әлібекұлы")
    sync.sync_now(pc2, transport=transport)
    edit(pc1, "users", user, language="ru")
    sync.sync_now(pc1, transport=transport)  # merged: the name comes with the answer
    row = row_of(pc1, "users", user)
    assert row is not None and row["full_name"] == "Өмірзақ Әлібекұлы"
    assert row["sort_name"] == collation_key("Өмірзақ Әлібекұлы")


def test_a_row_whose_parent_has_not_arrived_is_listed_until_it_does(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc1, pc2 = _two_pcs(store, transport, make_replica)
    consultant = _add_user(pc1, "aigul", quiet=True)  # not sent (yet)
    cons = add_consultation(pc1)
    edit(pc1, "consultations", cons, consultant_id=consultant)
    sync.sync_now(pc1, transport=transport)

    summary = sync.sync_now(pc2, transport=transport)

    assert summary.waiting == 1
    (w,) = sync.waiting(pc2)
    assert (w.table, w.row_id) == ("consultations", cons)
    assert "FOREIGN KEY" in w.reason
    assert sync.waiting_reason(w.reason).text("kk")
    assert row_of(pc2, "consultations", cons) is not None  # applied; its parent is awaited

    edit(pc1, "users", consultant, full_name="Айгүл Серікқызы")  # now it is sent
    sync.sync_now(pc1, transport=transport)
    assert sync.sync_now(pc2, transport=transport).waiting == 0
    assert sync.waiting(pc2) == []
    assert integrity_problems(pc2.db.engine) == []


class AtPush(httpx.BaseTransport):
    """Runs ``action`` just before the ``n``-th push request (1-based) leaves the PC, and
    keeps the records each push carried."""

    def __init__(self, inner: httpx.BaseTransport, n: int, action: Callable[[], None]) -> None:
        self.inner, self.n, self.action = inner, n, action
        self.batches: list[set[tuple[str, str]]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/push"):
            body = json.loads(sent_json(request))
            self.batches.append({(r["table"], r["id"]) for r in body["rows"]})
            if len(self.batches) == self.n:
                self.action()
        return self.inner.handle_request(request)


def test_batch_built_while_the_previous_one_was_in_flight_keeps_later_edits(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    """The next batch is built while the current one is in flight and sent after its
    answer: it never carries a record of the batch in flight, and an edit made between
    its building and its sending is not lost (it stays queued and goes next round)."""
    from civicdesk.sync.client import SyncClient

    pc1, _ = _two_pcs(store, transport, make_replica)
    cons = [add_consultation(pc1, f"Сұрақ {i}") for i in range(6)]

    def edit_all() -> None:
        for c in cons:
            edit(pc1, "consultations", c, advice="Кейін түзетілген кеңес")

    at_second = AtPush(transport, 2, edit_all)
    SyncClient(pc1.db, transport=at_second, batch_size=3).sync_once()

    assert len(at_second.batches) >= 3
    for sent, after in zip(at_second.batches, at_second.batches[1:], strict=False):
        assert not sent & after  # built while ``sent`` was in flight, without its records
    for c in cons:
        row = row_of(pc1, "consultations", c)
        assert row is not None and row["advice"] == "Кейін түзетілген кеңес"
    SyncClient(pc1.db, transport=transport, batch_size=3).sync_once()
    assert outbox_count(pc1) == 0
    for c in cons:
        record = store.get_record("consultations", c)
        assert record is not None and record["data"]["advice"] == "Кейін түзетілген кеңес"
