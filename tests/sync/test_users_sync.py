"""The users table syncs (finding 1 of the sync review): head office ends with the
consultants its consultations point to, never with a password hash."""

from __future__ import annotations

from civicdesk.db.engine import integrity_problems
from civicdesk.services import sync
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, add_consultation, edit, enroll_new, rows_of


def test_users_reach_head_office_without_password_hashes(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    pc = make_replica("a")
    ho = make_replica("ho")
    enroll_new(store, pc, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    users = rows_of(pc, "users")
    manager = next(iter(users))
    cons = add_consultation(pc)
    edit(pc, "consultations", cons, consultant_id=manager)
    sync.sync_now(pc, transport=transport)
    sync.sync_now(ho, transport=transport)

    rec = store.get_record("users", manager)
    assert rec is not None and "password_hash" not in rec["data"]
    at_ho = rows_of(ho, "users")
    assert manager in at_ho and at_ho[manager]["password_hash"] == ""
    assert rows_of(ho, "consultations")[cons]["consultant_id"] == manager
    assert integrity_problems(ho.db.engine) == []


def test_signing_in_on_two_pcs_of_a_center_is_no_conflict(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    """The last sign-in is this PC's business: it neither travels nor conflicts."""
    from civicdesk.services.users import authenticate

    pc1, pc2 = make_replica("a"), make_replica("a")
    enroll_new(store, pc1, transport, name="Ақсу")
    enroll_new(store, pc2, transport, name="Ақсу")
    for _ in range(2):
        for pc in (pc1, pc2):
            authenticate(pc, "manager.a", "secret-pass-1")
            sync.sync_now(pc, transport=transport)
    assert sync.conflicts(pc1) == [] and sync.conflicts(pc2) == []
    for rec in store.all_records():
        if rec.table_name == "users":
            assert "last_login_at" not in rec.data and "password_hash" not in rec.data
    authenticate(pc1, "manager.a", "secret-pass-1")  # the hash on each PC still works
    authenticate(pc2, "manager.a", "secret-pass-1")
