"""A measured campaign syncs to head office, which computes the same figures."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.enums import Role
from civicdesk.domain.periods import year_period
from civicdesk.services import campaigns as svc
from civicdesk.services import sync
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor
from civicdesk.services.campaign_demo import DEMO_QUESTIONS, fill_wave
from civicdesk.services.campaign_figures import awareness_report
from civicdesk.services.report_results import results_sections
from civicdesk.sync.server.store import Store
from tests.sync.helpers import AppTransport, enroll_new, outbox_count, row_of

START = date(2025, 3, 1)


def test_campaign_waves_and_sheets_reach_head_office(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    center = make_replica("a")
    office = make_replica("ho")
    enroll_new(store, center, transport, name="Ақсу")
    enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
    ctx = center.admin_context("kk")
    c = svc.create_campaign(ctx, svc.CampaignInput(
        "Өтініш беру", "Обращения", START, DEMO_QUESTIONS, ends_on=START + timedelta(days=60)))
    rnd = random.Random(11)
    fill_wave(ctx, c.waves[0].id, 40, 0.4, rnd, [])
    end = svc.add_wave(ctx, c.id, WaveKind.ENDLINE, START + timedelta(days=50))
    fill_wave(ctx, end.id, 40, 0.8, rnd, [])

    pushed = sync.sync_now(center, transport=transport)
    assert pushed.errors == 0 and outbox_count(center) == 0
    assert sync.sync_now(office, transport=transport).errors == 0
    assert row_of(office, "campaigns", c.id) is not None
    assert row_of(office, "survey_waves", end.id) is not None

    head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                office.state.center_id or "", "ru"))
    here = awareness_report(ctx, c.id)
    there = awareness_report(head, c.id)
    assert [f for _, f in there.waves] == [f for _, f in here.waves]
    assert there.comparison == here.comparison
    sections = results_sections(head, year_period(2025))
    assert sections and sections[0].tables[0].title.ru == "Обращения"


def test_programme_targets_reach_centers_as_reference_data(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    from decimal import Decimal

    from civicdesk.domain.programmes import Indicator
    from civicdesk.services import programmes

    center = make_replica("a")
    office = make_replica("ho")
    enroll_new(store, center, transport, name="Ақсу")
    enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
    head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                office.state.center_id or "", "ru"))
    p = programmes.create_programme(head, "Бағдарлама", "Программа", date(2025, 1, 1),
                                    date(2025, 12, 31), ["19"])
    programmes.add_target(head, p.id, Indicator.SEMINARS_HELD, 16)
    assert sync.sync_now(office, transport=transport).errors == 0
    assert sync.sync_now(center, transport=transport).errors == 0
    rows = programmes.target_vs_actual(center.admin_context("kk"), p.id)
    assert [(r.indicator, r.target) for r in rows] == [(Indicator.SEMINARS_HELD, Decimal(16))]
    # a center's copy is reference data: a local change to it is never sent
    with center.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE programme_targets SET target = 1")
    assert sync.sync_now(center, transport=transport).pushed == 0
