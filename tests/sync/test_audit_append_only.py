"""Finding 3 at the server: a center's token cannot rewrite or delete its own audit
entries there, and head office checks every center's chain.

Before, a center edited an audit row locally (or sent a crafted push) and the server
stored the new history; head office received the altered entry.
"""

from __future__ import annotations

import json

from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.audit_chain import chain_problems
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import (
    AppTransport,
    add_consultation,
    alter_audit_entry_on_server,
    edit,
    enroll_new,
    hard_delete,
)


def _audit_rows(app: CivicApp) -> list[str]:
    with app.db.engine.connect() as conn:
        return [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT id FROM audit_log WHERE chain_device IS NOT NULL ORDER BY chain_seq"
            )
        ]


def _login_entry(a: CivicApp) -> str:
    """A chained entry of this PC: a wrong password is audited (services/throttle)."""
    from civicdesk.services.users import authenticate

    try:
        authenticate(a, "manager.a", "wrong-password")
    except Exception:
        pass
    rows = _audit_rows(a)
    assert rows
    return rows[-1]


def _server_value(store: Store, row_id: str) -> dict[str, object]:
    rec = next(r for r in store.all_records() if r.table_name == "audit_log" and r.id == row_id)
    data = rec.data if isinstance(rec.data, dict) else json.loads(rec.data)
    return dict(data)


def test_center_cannot_rewrite_or_delete_its_audit_at_the_server(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    target = _login_entry(a)
    add_consultation(a)
    assert sync.sync_now(a, transport=transport).errors == 0
    original = _server_value(store, target)

    # the attack: rewrite the entry, push; then delete it, push
    edit(a, "audit_log", target, user_name="Басқа біреу", after=json.dumps({"login": "x"}))
    summary = sync.sync_now(a, transport=transport)
    assert summary.errors == 1
    assert _server_value(store, target) == original
    hard_delete(a, "audit_log", target)
    assert sync.sync_now(a, transport=transport).errors == 1
    assert _server_value(store, target) == original
    assert not _server_value(store, target).get("deleted")

    # head office holds the true history and its chain checks out
    sync.sync_now(ho, transport=transport)
    with ho.db.engine.connect() as conn:
        assert chain_problems(conn) == []
        got = conn.exec_driver_sql(
            "SELECT user_name FROM audit_log WHERE id = ?", (target,)
        ).scalar()
    assert got == original["user_name"]
    # the PC that cut its copy writes on: the next entry reuses the removed number, and
    # head office sees two entries with one number in that PC's chain
    _login_entry(a)
    sync.sync_now(a, transport=transport)
    sync.sync_now(ho, transport=transport)
    with ho.db.engine.connect() as conn:
        assert any("two entries with one number" in p for p in chain_problems(conn))


def test_head_office_finds_a_chain_altered_on_the_server(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    target = _login_entry(a)
    add_consultation(a)
    sync.sync_now(a, transport=transport)
    # someone with the server's database changes an entry there
    alter_audit_entry_on_server(store, target, user_name="Басқа біреу")
    sync.sync_now(ho, transport=transport)
    with ho.db.engine.connect() as conn:
        problems = chain_problems(conn)
    assert any(target in p for p in problems)
