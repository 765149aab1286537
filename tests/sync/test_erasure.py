"""Finding 4: erasure on request leaves the person nowhere — not in audit entries of
meetings, seminars or consultations, not in the search index's shadow tables or free
pages of the file, not on the server or head office; copies made before an upgrade or
restore are removed and older daily backups are named with their removal date.

Before, the name stayed in those audit entries on every node, ``strings`` on the
database file found the name and IIN, and before-upgrade/before-restore copies stayed.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from civicdesk.domain.enums import ConsultationChannel
from civicdesk.services import sync
from civicdesk.services.admin import check_database
from civicdesk.services.app import CivicApp
from civicdesk.services.backups import run_daily_backup
from civicdesk.services.consultations import ConsultationInput, create_consultation
from civicdesk.services.demo import generate_demo
from civicdesk.services.erasure import erase_person
from civicdesk.services.residents import get_resident, update_resident
from civicdesk.services.users import authenticate
from civicdesk.sync.server.store import Store
from tests.sync.conftest import Make
from tests.sync.helpers import AppTransport, enroll_new


def _person(app: CivicApp) -> tuple[str, str, str, str]:
    """A demo resident with IIN and phone, in a meeting and a seminar, with a name no
    other resident has."""
    con = sqlite3.connect(app.db.path)
    try:
        row = con.execute(
            "SELECT r.id, r.full_name, r.iin, r.phone FROM residents r"
            " WHERE r.iin IS NOT NULL AND r.phone IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.resident_id = r.id)"
            " AND (SELECT count(*) FROM residents o WHERE o.full_name = r.full_name) = 1"
            " AND (SELECT count(*) FROM users u WHERE u.full_name = r.full_name) = 0"
            " ORDER BY r.id LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    assert row is not None
    return row


def _bytes_text(path: Path) -> str:
    return "".join(
        p.read_bytes().decode("utf-8", "ignore")
        for p in (path, Path(str(path) + "-wal"))
        if p.exists()
    )


def test_erasure_leaves_the_person_nowhere(
    store: Store, transport: AppTransport, make_replica: Make
) -> None:
    a, ho = make_replica("a"), make_replica("ho")
    generate_demo(a.admin_context(), consultations=60, seed=5)
    rid, name, iin, phone = _person(a)
    ctx = a.context(authenticate(a, "manager.a", "secret-pass-1"))
    # entries that name the person outside the resident's own record
    view = get_resident(ctx, rid)
    from civicdesk.services.residents import ResidentInput

    update_resident(ctx, rid, ResidentInput(
        full_name=view.full_name, iin=view.iin, sex=view.sex, birth_year=view.birth_year,
        phone=view.phone, settlement_id=view.settlement_id, consent_date=view.consent_date,
        consent_purposes=list(view.consent_purposes), notes="Жерге қатысты екінші өтініш",
    ))
    create_consultation(ctx, ConsultationInput(
        occurred_at=ctx.now().replace(microsecond=0) - timedelta(hours=2),
        channel=ConsultationChannel.PHONE, topic_codes=["appeals"],
        question=f"{name} ({phone}) өтініш жазуды сұрады", resident_id=rid,
    ))
    enroll_new(store, a, transport, name="Ақсу")
    enroll_new(store, ho, transport, name="Бас кеңсе", head_office=True)
    assert sync.sync_now(a, transport=transport).errors == 0
    sync.sync_now(ho, transport=transport)
    daily = run_daily_backup(a)
    assert daily is not None
    stale = a.data_dir / "backups" / "before-restore-20250101-000000.sqlite3"
    stale.write_bytes(a.db.path.read_bytes())
    assert name in _bytes_text(a.db.path)  # the attack's premise

    report = erase_person(a, ctx.actor, rid)
    assert report.audit_entries >= 1 and report.texts >= 1
    assert report.to_review  # the consultation linked to the person, to be read
    assert stale in report.removed_copies and not stale.exists()
    old = [b for b in report.old_backups if b.path == daily.path]
    assert old and old[0].removed_by is not None

    # the PC's file, free pages and index included
    text = _bytes_text(a.db.path)
    assert name not in text and iin not in text and phone not in text

    # the server and head office, after a round
    assert sync.sync_now(a, transport=transport).errors == 0
    server = json.dumps(
        [dict(r.data) for r in store.all_records()], ensure_ascii=False
    )
    assert name not in server and iin not in server and phone not in server
    assert sync.sync_now(ho, transport=transport).errors == 0
    # the PC passes every check (search index included); head office's chains hold
    assert [p for r in check_database(a.db.path) for p in r.problems] == []
    chain = [r for r in check_database(ho.db.path) if "аудит" in r.name.text("ru").lower()]
    assert chain and chain[0].problems == []
    ho_path = ho.db.path
    ho.close()
    text = _bytes_text(ho_path)
    assert name not in text and iin not in text and phone not in text


def test_server_accepts_no_other_change_of_an_audit_entry() -> None:
    from civicdesk.sync.server.row_rules import is_erasure_scrub

    stored = {"action": "update", "before": json.dumps({"notes": "Ерлан Бекұлы сұрады"})}
    blanked = {"action": "update", "before": json.dumps(
        {"notes": "— сұрады", "_erased": True}, ensure_ascii=False)}
    assert is_erasure_scrub(blanked, stored, frozenset())
    forged = {"action": "update", "before": json.dumps(
        {"notes": "Басқа сөз", "_erased": True}, ensure_ascii=False)}
    assert not is_erasure_scrub(forged, stored, frozenset())
    renamed = {"action": "delete", "before": blanked["before"]}
    assert not is_erasure_scrub(renamed, stored, frozenset())
    unmarked = {"action": "update", "before": json.dumps({"notes": "— сұрады"})}
    assert not is_erasure_scrub(unmarked, stored, frozenset())
