"""End to end: a volunteer with consent hands out booklets and helps an aid action; the
center's report shows the hours and households; after sync head office has the same
counts and no name; erasure at the center leaves the counts everywhere. Corrections and
deletions of work, aid and organisations reach head office at the next sync."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader

from civicdesk.db.models import AidAction, VolunteerAssignment, VolunteerOrg
from civicdesk.domain.enums import Role, Sex
from civicdesk.domain.periods import year_period
from civicdesk.services import sync
from civicdesk.services.base import Actor
from civicdesk.services.reference import add_settlement, districts
from civicdesk.services.report_export import write_report
from civicdesk.services.users import authenticate
from civicdesk.services.volunteer_erasure import erase_volunteer_everywhere
from civicdesk.services.volunteer_stats import volunteer_figures
from civicdesk.services.volunteer_work import (
    AidInput,
    AssignmentInput,
    OrgInput,
    add_assignment,
    delete_aid,
    delete_assignment,
    delete_org,
    save_aid,
    save_org,
    update_assignment,
)
from civicdesk.services.volunteers import VolunteerInput, create_volunteer
from civicdesk.sync.server import create_app
from civicdesk.sync.server.store import Store
from tests.sync.helpers import AppTransport, enroll_new, make_template, replica

NAME, PHONE = "Нұрлан Қожахметов", "+77015551234"


def _file_text(path: Path) -> str:
    parts = [path, Path(str(path) + "-wal")]
    return "".join(p.read_bytes().decode("utf-8", "ignore") for p in parts if p.exists())


def _pdf_text(ctx, period) -> str:  # type: ignore[no-untyped-def]
    buf = io.BytesIO()
    write_report(ctx, period, "pdf", buf)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(buf.getvalue())).pages).split())


def test_volunteer_work_reaches_head_office_as_counts(tmp_path: Path) -> None:
    center_tpl = make_template(tmp_path / "tpl-a", name="Ақсу", login="manager")
    office_tpl = make_template(tmp_path / "tpl-ho", name="Бас кеңсе", login="ho",
                               head_office=True)
    store = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    transport = AppTransport(create_app(store=store))
    center, office = replica(center_tpl, tmp_path / "a"), replica(office_tpl, tmp_path / "ho")
    try:
        enroll_new(store, center, transport, name="Ақсу")
        enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
        ctx = center.context(authenticate(center, "manager", "secret-pass-1"))
        today = ctx.today()
        district = districts(ctx)[0]
        village = add_settlement(ctx, "Қызылжар", "Кызылжар", district_id=district.id)
        vol = create_volunteer(ctx, VolunteerInput(
            full_name=NAME, sex=Sex.MALE, birth_year=1998, phone=PHONE,
            settlement_id=village.id, skills="жүргізуші", availability="сенбі",
            consent_date=today - timedelta(days=60),
            consent_purposes=["register", "statistics", "network"]))
        add_assignment(ctx, AssignmentInput(vol.id, "booklets", today - timedelta(days=10),
                                            Decimal("2.5")))
        aid = save_aid(ctx, AidInput(
            "Зейнеткерлерге көмір мен отын", today - timedelta(days=5), "kind",
            amount=Decimal("1440000"), quantity=Decimal(24), unit="тонна", households=12,
            services="коммуналдық қызмет", settlement_id=village.id))
        add_assignment(ctx, AssignmentInput(vol.id, "aid", today - timedelta(days=5),
                                            Decimal(5), aid_action_id=aid.id))
        period = year_period(today.year)
        here = volunteer_figures(ctx, period)
        assert (here.volunteers, here.hours, here.households) == (1, Decimal("7.5"), 12)
        text = _pdf_text(ctx, period)
        assert "Еріктілер және көмек" in text and "7,5" in text and "12" in text
        assert NAME not in text

        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                    office.state.center_id or "", "ru"))
        there = volunteer_figures(head, period)
        assert there == here
        assert [(d.kk, d.volunteers, d.households) for d in there.by_district] == [
            (district.name_kk, 1, 12)]
        ho_text = _pdf_text(head, period)
        assert "Волонтёры и помощь" in ho_text and "7,5" in ho_text
        ho_path = office.db.path
        assert NAME not in _file_text(ho_path) and PHONE not in _file_text(ho_path)

        erase_volunteer_everywhere(center, ctx.actor, vol.id)
        assert volunteer_figures(ctx, period) == here
        center_text = _file_text(center.db.path)
        assert NAME not in center_text and PHONE not in center_text
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        assert volunteer_figures(head, period) == here
        assert NAME not in _file_text(ho_path)
    finally:
        center.close()
        office.close()
        store.dispose()


def test_corrections_and_deletions_reach_head_office(tmp_path: Path) -> None:
    center_tpl = make_template(tmp_path / "tpl-a", name="Ақсу", login="manager")
    office_tpl = make_template(tmp_path / "tpl-ho", name="Бас кеңсе", login="ho",
                               head_office=True)
    store = Store(f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}")
    transport = AppTransport(create_app(store=store))
    center, office = replica(center_tpl, tmp_path / "a"), replica(office_tpl, tmp_path / "ho")
    try:
        enroll_new(store, center, transport, name="Ақсу")
        enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
        ctx = center.context(authenticate(center, "manager", "secret-pass-1"))
        today = ctx.today()
        vol = create_volunteer(ctx, VolunteerInput(
            full_name=NAME, sex=Sex.MALE, consent_date=today - timedelta(days=60),
            consent_purposes=["register", "statistics"]))
        org = save_org(ctx, OrgInput("Мектеп №3", "school", contact_name="Дана"))
        aid = save_aid(ctx, AidInput("Көмір", today - timedelta(days=5), "kind",
                                     quantity=Decimal(3), unit="тонна", households=4,
                                     org_id=org.id))
        work = add_assignment(ctx, AssignmentInput(vol.id, "aid", today - timedelta(days=5),
                                                   Decimal(5), aid_action_id=aid.id))
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                    office.state.center_id or "", "ru"))
        period = year_period(today.year)
        assert volunteer_figures(head, period).hours == Decimal(5)

        update_assignment(ctx, work.id, AssignmentInput(
            vol.id, "aid", today - timedelta(days=5), Decimal(3), aid_action_id=aid.id))
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        assert volunteer_figures(head, period).hours == Decimal(3)

        delete_assignment(ctx, work.id)
        delete_aid(ctx, aid.id)
        delete_org(ctx, org.id)
        assert sync.sync_now(center, transport=transport).errors == 0
        assert sync.sync_now(office, transport=transport).errors == 0
        there = volunteer_figures(head, period)
        assert (there.hours, there.households) == (Decimal(0), 0)
        with office.db.session() as s:
            for model, row_id in ((VolunteerAssignment, work.id), (AidAction, aid.id),
                                  (VolunteerOrg, org.id)):
                row = s.get(model, row_id)
                assert row is not None and row.deleted, model.__name__
            org_there = s.get(VolunteerOrg, org.id)
            assert org_there is not None and org_there.contact_name == ""
    finally:
        center.close()
        office.close()
        store.dispose()
