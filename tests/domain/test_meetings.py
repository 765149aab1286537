from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civicdesk.domain.enums import MeetingKind, MeetingStatus, VoteOutcome
from civicdesk.domain.errors import ValidationError
from civicdesk.domain.meetings import (
    DEFAULT_RULES,
    QuorumResult,
    akim_deadline,
    check_quorum,
    kz_public_holidays,
    meeting_transition,
    members_range,
    quorum_reached,
    rule_for,
    vote_outcome,
)

ON = date(2025, 2, 22)
MEETING = rule_for(MeetingKind.MEETING, ON)
GATHERING = rule_for(MeetingKind.GATHERING, ON)
SEPARATE = rule_for(MeetingKind.SEPARATE_GATHERING, ON)


def test_default_rules_name_their_sources() -> None:
    assert {r.kind for r in DEFAULT_RULES} == set(MeetingKind)
    assert "148-II" in MEETING.legal_source.ru and "39-3" in MEETING.legal_source.ru
    assert "295" in MEETING.legal_source.kk and "07.08.2017" in MEETING.legal_source.ru
    # the gathering is in art. 39-3 too (maslikhat decisions cite it); 39-2 was wrong
    assert "39-3" in GATHERING.legal_source.ru and GATHERING.configurable
    assert "39-2" not in GATHERING.legal_source.ru + GATHERING.legal_source.kk
    assert "Типовой регламент собрания местного сообщества" in MEETING.legal_source.ru
    assert "типовые правила проведения собрания" not in MEETING.legal_source.ru
    assert MEETING.note is not None and "настройка центра" in MEETING.note.ru
    assert GATHERING.note is not None and "настраивается" in GATHERING.note.ru
    assert "122" in SEPARATE.legal_source.ru and "23.06.2023" in SEPARATE.legal_source.ru


def test_meeting_quorum_is_more_than_half() -> None:
    assert not quorum_reached(10, 5, MEETING)
    assert quorum_reached(10, 6, MEETING)
    assert not quorum_reached(11, 5, MEETING)
    assert quorum_reached(11, 6, MEETING)
    assert check_quorum(10, 5, MEETING) == QuorumResult(False, 6, 10, 5)
    assert check_quorum(25, 13, MEETING) == QuorumResult(True, 13, 25, 13)
    assert not quorum_reached(0, 0, MEETING)


def test_at_least_rule() -> None:
    two_thirds = dataclasses.replace(
        MEETING, quorum_numerator=2, quorum_denominator=3, strict=False
    )
    assert check_quorum(9, 6, two_thirds).needed == 6
    assert check_quorum(10, 6, two_thirds).needed == 7
    assert quorum_reached(9, 6, two_thirds)


def test_separate_gathering_has_no_turnout_threshold_but_needs_someone() -> None:
    assert check_quorum(300, 1, SEPARATE).reached
    assert not check_quorum(300, 0, SEPARATE).reached


@pytest.mark.parametrize(
    ("eligible", "present", "code"),
    [
        (10, 11, "meeting.present_exceeds"),
        (-1, 0, "meeting.counts_negative"),
        (5, -1, "meeting.counts_negative"),
    ],
)
def test_quorum_count_errors(eligible: int, present: int, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        check_quorum(eligible, present, MEETING)
    assert info.value.code == code


def test_present_exceeds_message() -> None:
    with pytest.raises(ValidationError) as info:
        check_quorum(10, 11, MEETING)
    assert info.value.text("ru") == "Присутствующих (11) не может быть больше, чем членов (10)"


def test_vote_outcomes() -> None:
    assert vote_outcome(6, 4, 0, 10, True, MEETING) is VoteOutcome.ADOPTED
    assert vote_outcome(5, 5, 0, 10, True, MEETING) is VoteOutcome.REJECTED
    # Majority of those present, not of those who voted: abstentions count against.
    assert vote_outcome(5, 1, 4, 10, True, MEETING) is VoteOutcome.REJECTED
    assert vote_outcome(6, 0, 0, 11, True, MEETING) is VoteOutcome.ADOPTED
    assert vote_outcome(9, 0, 0, 10, False, MEETING) is VoteOutcome.NO_QUORUM
    assert vote_outcome(0, 0, 0, 10, True, MEETING) is VoteOutcome.NOT_VOTED


@pytest.mark.parametrize(
    ("votes", "present", "code"),
    [
        ((-1, 0, 0), 5, "meeting.votes_negative"),
        ((0, -1, 0), 5, "meeting.votes_negative"),
        ((0, 0, -1), 5, "meeting.votes_negative"),
        ((3, 2, 1), 5, "meeting.votes_exceed_present"),
    ],
)
def test_vote_errors(votes: tuple[int, int, int], present: int, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        vote_outcome(*votes, present, True, MEETING)
    assert info.value.code == code


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500), st.data())
def test_quorum_needed_is_the_boundary(eligible: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(0, eligible))
    result = check_quorum(eligible, present, MEETING)
    assert result.reached == (eligible > 0 and 2 * present > eligible)
    assert result.needed * 2 > eligible
    assert (result.needed - 1) * 2 <= eligible or result.needed == 1


def test_rule_versions() -> None:
    newer = dataclasses.replace(
        MEETING, version="2026-x", valid_from=date(2026, 1, 1), strict=False
    )
    rules = [*DEFAULT_RULES, newer]
    assert rule_for(MeetingKind.MEETING, date(2025, 12, 31), rules).version == "2017-295"
    assert rule_for(MeetingKind.MEETING, date(2026, 1, 1), rules).version == "2026-x"
    assert rule_for(MeetingKind.MEETING, date(2010, 1, 1), rules).version == "2017-295"
    with pytest.raises(LookupError):
        rule_for(MeetingKind.MEETING, ON, [])


def test_status_machine() -> None:
    assert (
        meeting_transition(MeetingStatus.DRAFT, MeetingStatus.FINALIZED) is MeetingStatus.FINALIZED
    )
    assert (
        meeting_transition(MeetingStatus.FINALIZED, MeetingStatus.SENT_TO_AKIM)
        is MeetingStatus.SENT_TO_AKIM
    )
    assert (
        meeting_transition(MeetingStatus.SENT_TO_AKIM, MeetingStatus.AKIM_RESPONDED)
        is MeetingStatus.AKIM_RESPONDED
    )
    for current, target in [
        (MeetingStatus.DRAFT, MeetingStatus.SENT_TO_AKIM),
        (MeetingStatus.AKIM_RESPONDED, MeetingStatus.DRAFT),
        (MeetingStatus.FINALIZED, MeetingStatus.FINALIZED),
    ]:
        with pytest.raises(ValidationError) as info:
            meeting_transition(current, target)
        assert info.value.code == "meeting.transition"
    with pytest.raises(ValidationError) as info:
        meeting_transition(MeetingStatus.DRAFT, MeetingStatus.AKIM_RESPONDED)
    assert info.value.text("ru") == (
        "Нельзя перевести протокол из состояния «Черновик» в «Получен ответ акима»"
    )
    assert info.value.text("kk") == (
        "Хаттаманы «Жоба» күйінен «Әкімнің жауабы алынды» күйіне ауыстыруға болмайды"
    )


def test_akim_deadline_skips_weekends() -> None:
    # Monday 2025-02-17 + 5 working days = Monday 2025-02-24
    assert akim_deadline(date(2025, 2, 17), holidays=set()) == date(2025, 2, 24)
    # Friday + 1 working day = Monday
    assert akim_deadline(date(2025, 2, 21), 1, set()) == date(2025, 2, 24)
    assert akim_deadline(date(2025, 2, 21), 0, set()) == date(2025, 2, 21)


def test_akim_deadline_skips_holidays() -> None:
    # Sent Wed 2025-03-19: Thu 20 (1), Fri 21 Nauryz, Mon 24 (2)... 2025-03-22/23 are a
    # weekend, so the days off move to Mon 24 and Tue 25.
    holidays = kz_public_holidays(2025)
    assert date(2025, 3, 24) in holidays and date(2025, 3, 25) in holidays
    assert akim_deadline(date(2025, 3, 19)) == date(2025, 3, 31)
    assert akim_deadline(date(2025, 3, 19), holidays={date(2025, 3, 20)}) == date(2025, 3, 27)


def test_public_holidays() -> None:
    h = kz_public_holidays(2025)
    assert {date(2025, 1, 1), date(2025, 3, 8), date(2025, 12, 16), date(2025, 10, 25)} <= h
    # 2025-03-08 is a Saturday: the day off moves to Monday 10 March.
    assert date(2025, 3, 10) in h
    # Orthodox Christmas on a Sunday (2024-01-07) does not move.
    assert date(2024, 1, 8) not in kz_public_holidays(2024)


@pytest.mark.parametrize(
    ("population", "band"),
    [
        (0, (5, 10)),
        (10_000, (5, 10)),
        (10_001, (11, 15)),
        (15_000, (11, 15)),
        (20_000, (16, 20)),
        (20_001, (21, 25)),
    ],
)
def test_members_range(population: int, band: tuple[int, int]) -> None:
    assert members_range(population) == band


def test_members_range_negative() -> None:
    with pytest.raises(ValidationError) as info:
        members_range(-5)
    assert info.value.code == "meeting.population"
