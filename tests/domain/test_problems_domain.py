"""Working days, the appeal deadline, the life cycle's transitions and the ranking."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.domain.errors import UserError
from civicdesk.domain.problems import (
    TRANSITIONS,
    Mention,
    ProblemState,
    check_transition,
    rank,
    rank_by_settlement,
)
from civicdesk.domain.workdays import (
    add_months,
    add_working_days,
    answer_due,
    appeal_due,
    is_overdue,
    is_working_day,
    latest_extension,
    working_days_between,
)

days = st.dates(min_value=date(2022, 1, 1), max_value=date(2028, 12, 31))


def test_public_holidays_and_moved_days_off_are_not_working_days() -> None:
    for day in (date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 7), date(2026, 3, 9),
                date(2026, 3, 23), date(2026, 3, 24), date(2026, 3, 25), date(2026, 5, 1),
                date(2026, 5, 7), date(2026, 5, 11), date(2026, 7, 6), date(2026, 10, 26),
                date(2026, 12, 16), date(2025, 1, 3)):
        assert not is_working_day(day), day
    assert is_working_day(date(2026, 12, 3))
    assert not is_working_day(date(2026, 12, 5))  # Saturday


def test_a_saturday_made_a_working_day_by_decree_counts() -> None:
    # Government decree for 2024: Wednesday 8 May a day off, Saturday 4 May worked
    assert is_working_day(date(2024, 5, 4)) and not is_working_day(date(2024, 5, 8))
    assert not is_working_day(date(2024, 5, 11))  # an ordinary Saturday
    # 2025: Friday 3 January off, Sunday 5 January worked
    assert is_working_day(date(2025, 1, 5)) and not is_working_day(date(2025, 1, 3))
    # an appeal received on Thursday 2 May 2024: 3 May, the worked Saturday 4 May, ...
    assert working_days_between(date(2024, 5, 2), date(2024, 5, 6)) == 3


def test_fifteen_working_days_over_nauryz() -> None:
    assert appeal_due(date(2026, 3, 13)) == date(2026, 4, 8)
    assert appeal_due(date(2026, 11, 2)) == date(2026, 11, 23)
    assert latest_extension(date(2025, 12, 31)) == date(2026, 2, 28)


@given(days, st.integers(min_value=0, max_value=60))
def test_adding_working_days_lands_on_one_and_counts_back(start: date, n: int) -> None:
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    if n:
        assert is_working_day(end)
        assert end > start


@given(days)
def test_the_due_day_never_moves_earlier_with_an_extension(received: date) -> None:
    due = appeal_due(received)
    assert due - received >= timedelta(days=19)  # three working weeks from a Sunday
    latest = latest_extension(received)
    assert answer_due(received, latest) == max(latest, due)
    assert answer_due(received, received) == due


@given(days, st.integers(min_value=0, max_value=30))
def test_overdue_only_after_the_due_day(due: date, late: int) -> None:
    after = due + timedelta(days=late)
    assert is_overdue(due, None, after) == (late > 0)
    assert is_overdue(due, after, after + timedelta(days=5)) == (late > 0)
    assert not is_overdue(None, None, after)


@given(days, st.integers(min_value=0, max_value=30))
def test_add_months_stays_in_the_month(day: date, months: int) -> None:
    out = add_months(day, months)
    assert (out.year * 12 + out.month) - (day.year * 12 + day.month) == months
    assert out.day <= day.day


@given(st.sampled_from(list(ProblemState)), st.sampled_from(list(ProblemState)))
def test_every_pair_is_allowed_or_refused_in_kk_and_ru(a: ProblemState, b: ProblemState) -> None:
    if b in TRANSITIONS[a]:
        check_transition(a, b)
        return
    with pytest.raises(UserError) as exc:
        check_transition(a, b)
    assert exc.value.code == "problem.bad_step"
    assert exc.value.text("kk") != exc.value.text("ru")


def test_resolved_is_final_and_raised_only_goes_forward() -> None:
    assert TRANSITIONS[ProblemState.RESOLVED] == frozenset()
    assert TRANSITIONS[ProblemState.RAISED] == {ProblemState.TAKEN_UP}


mentions = st.lists(st.builds(
    Mention, problem_id=st.sampled_from("abcde"), settlement_id=st.sampled_from(["s1", "s2"]),
    count=st.integers(min_value=0, max_value=20), sex=st.sampled_from([None, "m", "f"]),
    age_band=st.sampled_from([None, "18_29", "60_plus"]), youth=st.sampled_from([None, True])))


@given(mentions)
def test_ranking_adds_up_and_orders_by_total(ms: list[Mention]) -> None:
    ranked = rank(ms)
    assert sum(r.total for r in ranked) == sum(m.count for m in ms)
    for r in ranked:
        assert sum(r.by_sex.values()) == r.total == sum(r.by_age.values())
        assert 0 <= r.youth <= r.total
    totals = [r.total for r in ranked]
    assert totals == sorted(totals, reverse=True)
    for i, r in enumerate(ranked):
        assert r.rank == 1 + sum(1 for x in ranked if x.total > r.total)
        assert r.rank <= i + 1
    per = rank_by_settlement(ms)
    assert sum(r.total for rs in per.values() for r in rs) == sum(r.total for r in ranked)


def test_ties_share_a_rank_and_follow_the_tie_key() -> None:
    ms = [Mention("b", "s", 3), Mention("a", "s", 3), Mention("c", "s", 5, "f", "18_29", True)]
    ranked = rank(ms, tie_key={"a": "2", "b": "1", "c": "0"}.__getitem__)
    assert [(r.problem_id, r.rank) for r in ranked] == [("c", 1), ("b", 2), ("a", 2)]
    assert ranked[0].by_sex == {"f": 5} and ranked[0].youth == 5
