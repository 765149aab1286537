"""Programmes and targets at head office: target against actual per region."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from civicdesk.domain.awareness import WaveKind
from civicdesk.domain.enums import Role
from civicdesk.domain.errors import UserError
from civicdesk.domain.programmes import Indicator
from civicdesk.domain.validation import field_errors
from civicdesk.services import campaigns as camp
from civicdesk.services import programmes as svc
from civicdesk.services import seminars as sem
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor, Context
from civicdesk.services.campaign_demo import DEMO_QUESTIONS, fill_wave

START = date(2025, 1, 1)


@pytest.fixture()
def head(app: CivicApp, ctx: Context) -> Context:
    return app.context(Actor("ho-user", "Бас кеңсе", Role.HEAD_OFFICE, "ho-center", "ru"))


def test_only_head_office_defines_programmes(ctx: Context, head: Context) -> None:
    with pytest.raises(UserError) as exc:
        svc.create_programme(ctx, "Б", "П", START, date(2025, 12, 31), ["19"])
    assert exc.value.code == "access.denied"
    with pytest.raises(UserError) as exc2:
        svc.create_programme(head, " ", "П", START, START - timedelta(days=1), [])
    assert {e.code for e in field_errors(exc2.value)} == {
        "programme.name", "programme.dates", "programme.regions"}


def test_target_against_actual_per_region_and_quarter(ctx: Context, head: Context) -> None:
    # the fixture's center is in region 19
    for day in (date(2025, 2, 10), date(2025, 5, 10)):
        s = sem.create_seminar(ctx, sem.SeminarInput("Семинар", day))
        sem.add_participant(ctx, s.id, sem.ParticipantInput("А"))
        sem.add_participant(ctx, s.id, sem.ParticipantInput("Б", attended=False))
    c = camp.create_campaign(ctx, camp.CampaignInput("Н", "К", START, DEMO_QUESTIONS))
    rnd = random.Random(4)
    fill_wave(ctx, c.waves[0].id, 40, 0.3, rnd, [])
    end = camp.add_wave(ctx, c.id, WaveKind.ENDLINE, date(2025, 3, 1))
    fill_wave(ctx, end.id, 40, 0.8, rnd, [])

    p = svc.create_programme(head, "Бағдарлама", "Программа", START, date(2025, 12, 31),
                             ["19", "33"])
    svc.add_target(head, p.id, Indicator.SEMINARS_HELD, 16)
    svc.add_target(head, p.id, Indicator.SEMINARS_HELD, 2, region_kato="19", quarter="2025Q1")
    svc.add_target(head, p.id, Indicator.PARTICIPANTS, 100, region_kato="33")
    svc.add_target(head, p.id, Indicator.AWARENESS_CHANGE_PP, 35, campaign_id=c.id)
    with pytest.raises(UserError) as exc:
        svc.add_target(head, p.id, Indicator.AWARENESS_CHANGE_PP, -1, region_kato="55",
                       quarter="Q9")
    assert {e.code for e in field_errors(exc.value)} == {
        "target.value", "target.region", "target.quarter", "target.campaign"}

    rows = svc.target_vs_actual(ctx, p.id)  # a center sees the targets too
    assert [(r.indicator, r.actual) for r in rows[:3]] == [
        (Indicator.SEMINARS_HELD, Decimal(2)), (Indicator.SEMINARS_HELD, Decimal(1)),
        (Indicator.PARTICIPANTS, Decimal(0))]
    assert rows[0].percent == Decimal("12.5")
    awareness = rows[3]
    assert awareness.actual is not None and awareness.actual > 0
    assert [v.id for v in svc.list_programmes(ctx)] == [p.id]


def test_programme_tables_are_reference_data() -> None:
    from civicdesk.sync.tables import REFERENCE, SYNCED_TABLES

    assert {"programmes", "programme_targets"} <= REFERENCE
    assert {"programmes", "programme_targets"} <= set(SYNCED_TABLES)


def test_drill_down_lists_the_records_behind_each_actual(ctx: Context, head: Context) -> None:
    from civicdesk.services.booklets import (
        BookletInput,
        create_booklet,
        distribute,
        record_print_run,
    )

    s = sem.create_seminar(ctx, sem.SeminarInput("Семинар", date(2025, 2, 10)))
    sem.add_participant(ctx, s.id, sem.ParticipantInput("А"))
    b = create_booklet(ctx, BookletInput("Кітапша", "Буклет", {"blocks": []}))
    run = record_print_run(ctx, b.id, 300, date(2025, 3, 1))
    distribute(ctx, run.id, None, 120, date(2025, 3, 2))
    distribute(ctx, run.id, None, 30, date(2025, 3, 3))
    p = svc.create_programme(head, "Б", "П", START, date(2025, 12, 31), ["19"])
    ids = [svc.add_target(head, p.id, ind, 10) for ind in (
        Indicator.SEMINARS_HELD, Indicator.PARTICIPANTS, Indicator.COPIES_DISTRIBUTED,
        Indicator.CONSULTATIONS)]
    rows = svc.target_vs_actual(ctx, p.id)
    for row, target_id in zip(rows, ids, strict=True):
        records = svc.target_records(ctx, target_id)
        assert Decimal(sum(r.amount for r in records)) == row.actual
    copies = svc.target_records(ctx, ids[2])
    assert [(r.table, r.on, r.amount) for r in copies] == [
        ("distributions", date(2025, 3, 2), 120), ("distributions", date(2025, 3, 3), 30)]
    assert svc.target_records(ctx, ids[0])[0].text == "Семинар"
