"""Learning gain of seminars and who took part (sex, age group, youth, disability)."""

from __future__ import annotations

from datetime import date

import pytest

from civicdesk.domain.awareness import resident_is_youth
from civicdesk.domain.enums import AgeGroup, Sex
from civicdesk.domain.periods import year_period
from civicdesk.domain.statistics import Reliability
from civicdesk.services import seminars as sem
from civicdesk.services.base import Context
from civicdesk.services.residents import ResidentInput, create_resident
from civicdesk.services.seminar_gain import period_results, seminar_gain

HELD = date(2025, 4, 10)
YEAR = year_period(2025)


def test_youth_band_from_birth_year_or_group() -> None:
    assert resident_is_youth(1990, None, HELD) is True  # 35
    assert resident_is_youth(1989, None, HELD) is False  # 36
    assert resident_is_youth(2011, None, HELD) is True  # 14
    assert resident_is_youth(2012, None, HELD) is False  # 13
    assert resident_is_youth(None, AgeGroup.A18_29, HELD) is True
    assert resident_is_youth(None, AgeGroup.A30_44, HELD) is None
    assert resident_is_youth(None, AgeGroup.A60_PLUS, HELD) is False
    assert resident_is_youth(None, None, HELD) is None


def test_gain_of_a_seminar_counts_only_attendees_with_both_scores(ctx: Context) -> None:
    s = sem.create_seminar(ctx, sem.SeminarInput("Семинар", HELD))
    for pre, post, came in [(40, 70, True), (50, 60, True), (60, 55, True),
                            (None, None, False), (None, 80, True)]:
        sem.add_participant(ctx, s.id, sem.ParticipantInput(
            "Қатысушы", attended=came, pre_score=pre, post_score=post))
    gain = seminar_gain(ctx, s.id)
    assert gain.n == 3 and gain.mean_gain == pytest.approx(35 / 3)
    assert gain.improved.successes == 2 and gain.interval is not None
    assert gain.reliability is Reliability.SMALL


def test_period_results_by_sex_age_youth_and_disability(ctx: Context) -> None:
    s = sem.create_seminar(ctx, sem.SeminarInput("Семинар", HELD))
    young = create_resident(ctx, ResidentInput(full_name="Айгерім Сәрсенова", sex=Sex.FEMALE,
                                               birth_year=2000, consent_date=HELD,
                                               consent_purposes=["events"]))
    old = create_resident(ctx, ResidentInput(full_name="Болат Жұмабаев", sex=Sex.MALE,
                                             birth_year=1960, disability=True,
                                             consent_date=HELD,
                                             consent_purposes=["events"]))
    sem.add_participant(ctx, s.id, sem.ParticipantInput(resident_id=young.id, pre_score=30,
                                                        post_score=80))
    sem.add_participant(ctx, s.id, sem.ParticipantInput(resident_id=old.id, pre_score=50,
                                                        post_score=60))
    sem.add_participant(ctx, s.id, sem.ParticipantInput("Аты белгісіз", pre_score=1,
                                                        post_score=2))
    r = period_results(ctx, YEAR)
    assert (r.seminars, r.attended, r.with_disability) == (1, 3, 1)
    assert r.by_sex == {Sex.FEMALE.value: 1, Sex.MALE.value: 1, None: 1}
    assert r.youth == {"youth": 1, "other": 1, None: 1}
    assert r.gain.n == 3 and r.youth_gain.n == 1 and r.youth_gain.mean_gain == 50
