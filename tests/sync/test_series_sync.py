"""A seminar series, its seminars' audience and participants' sex, youth and disability
reach head office (names withheld), where the same results and targets are computed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from civicdesk.domain.enums import Role
from civicdesk.domain.programmes import Indicator
from civicdesk.services import programmes, sync
from civicdesk.services import seminars as sem
from civicdesk.services.app import CivicApp
from civicdesk.services.base import Actor
from civicdesk.services.seminar_gain import series_results
from civicdesk.services.seminar_series import SeriesInput, create_series
from civicdesk.sync.server.store import Store
from tests.sync.helpers import AppTransport, enroll_new, outbox_count, row_of

HELD = date(2025, 4, 10)


def test_series_reaches_head_office_and_counts_for_its_programme(
    store: Store, transport: AppTransport, make_replica: Callable[[str], CivicApp]
) -> None:
    center = make_replica("a")
    office = make_replica("ho")
    enroll_new(store, center, transport, name="Ақсу")
    enroll_new(store, office, transport, name="Бас кеңсе", head_office=True)
    head = office.context(Actor(None, "Бас кеңсе", Role.HEAD_OFFICE,
                                office.state.center_id or "", "ru"))
    p = programmes.create_programme(head, "Бағдарлама", "Программа", date(2025, 1, 1),
                                    date(2025, 12, 31), ["19"])
    target = programmes.add_target(head, p.id, Indicator.PARTICIPANTS, 10, region_kato="19")
    assert sync.sync_now(office, transport=transport).errors == 0
    assert sync.sync_now(center, transport=transport).errors == 0

    ctx = center.admin_context("kk")
    series = create_series(ctx, SeriesInput("Сауат", "Грамотность", date(2025, 1, 1),
                                            date(2025, 12, 31), planned=16, programme_id=p.id))
    seminar = sem.create_seminar(ctx, sem.SeminarInput("Семинар", HELD, series_id=series.id,
                                                       audience="officials"))
    person = sem.add_participant(ctx, seminar.id, sem.ParticipantInput(
        "Айжан Сейітова", pre_score=3, post_score=8, sex="f", youth=True, disability=False))
    assert sync.sync_now(center, transport=transport).errors == 0
    assert outbox_count(center) == 0
    assert sync.sync_now(office, transport=transport).errors == 0

    assert row_of(office, "seminar_series", series.id) is not None
    there = row_of(office, "seminar_participants", person.id)
    assert there is not None and there["full_name"] == "" and there["sex"] == "f"
    (mine,) = series_results(ctx)
    (theirs,) = series_results(head)
    assert theirs == mine and theirs.by_audience["officials"].attended == 1
    rows = programmes.target_vs_actual(head, p.id)
    assert [(r.id, r.actual) for r in rows] == [(target, Decimal(1))]
