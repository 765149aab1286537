"""Result statistics against published worked examples and their invariants.

Sources of the expected values:
- Newcombe R.G. (1998a) "Two-sided confidence intervals for the single proportion:
  comparison of seven methods", Statistics in Medicine 17:857-872, Table I, method 3
  (Wilson score interval without continuity correction), examples 81/263, 15/148,
  0/20 and 1/29.
- Newcombe R.G. (1998b) "Interval estimation for the difference between independent
  proportions: comparison of eleven methods", Statistics in Medicine 17:873-890,
  Table II, method 10 (hybrid score interval), examples (a)-(h).
- Student's sleep data (Cushny & Peebles 1905, as in Student 1908, Biometrika 6:1-25):
  paired differences of extra hours of sleep; mean 1.58, 95 % t interval
  0.7001 to 2.4599 (df = 9, t = 2.2622).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from civicdesk.domain.statistics import (
    SMALL_SAMPLE,
    Reliability,
    change_between,
    newcombe_difference,
    paired_gain,
    reliability,
    share,
    student_t_quantile,
    wilson,
)


@pytest.mark.parametrize(
    ("x", "n", "low", "high"),
    [(81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611),
     (1, 29, 0.0061, 0.1718)],
)
def test_wilson_matches_newcombe_1998a_table_1(x: int, n: int, low: float, high: float) -> None:
    interval = wilson(x, n)
    assert round(interval.low, 4) == low
    assert round(interval.high, 4) == high


@pytest.mark.parametrize(
    ("x1", "n1", "x2", "n2", "low", "high"),
    [
        (56, 70, 48, 80, 0.0524, 0.3339),  # (a)
        (9, 10, 3, 10, 0.1705, 0.8090),  # (b)
        (6, 7, 2, 7, 0.0582, 0.8062),  # (c)
        (5, 56, 0, 29, -0.0381, 0.1926),  # (d)
        (0, 10, 0, 20, -0.1611, 0.2775),  # (e)
        (0, 10, 0, 10, -0.2775, 0.2775),  # (f)
        (10, 10, 0, 20, 0.6791, 1.0000),  # (g)
        (10, 10, 0, 10, 0.6075, 1.0000),  # (h)
    ],
)
def test_newcombe_hybrid_score_matches_newcombe_1998b_table_2(
    x1: int, n1: int, x2: int, n2: int, low: float, high: float
) -> None:
    interval = newcombe_difference(x1, n1, x2, n2)
    assert round(interval.low, 4) == low
    assert round(interval.high, 4) == high


def test_change_is_in_percentage_points_and_relative_growth() -> None:
    before, after = share(48, 80), share(56, 70)  # 60 % -> 80 %
    change = change_between(before, after)
    assert change.points == pytest.approx(20.0)
    assert change.relative == pytest.approx(100 * 20 / 60)  # +33.3 % relative growth
    assert change.interval is not None
    assert round(change.interval.low, 2) == 5.24 and round(change.interval.high, 2) == 33.39
    assert change.significant
    assert change.reliability is Reliability.OK


def test_relative_growth_from_zero_is_not_a_number_we_invent() -> None:
    change = change_between(share(0, 40), share(10, 40))
    assert change.points == pytest.approx(25.0)
    assert change.relative is None


def test_student_t_quantiles() -> None:
    assert student_t_quantile(0.975, 1) == pytest.approx(12.706205, abs=1e-5)
    assert student_t_quantile(0.975, 9) == pytest.approx(2.262157, abs=1e-6)
    assert student_t_quantile(0.975, 30) == pytest.approx(2.042272, abs=1e-6)
    assert student_t_quantile(0.975, 120) == pytest.approx(1.979930, abs=1e-6)


def test_paired_gain_matches_students_sleep_data() -> None:
    diffs = [1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4]
    gain = paired_gain([(10.0, 10.0 + d) for d in diffs])
    assert gain.n == 10
    assert gain.mean_gain == pytest.approx(1.58)
    assert gain.interval is not None
    assert gain.interval.low == pytest.approx(0.7001142, abs=1e-6)
    assert gain.interval.high == pytest.approx(2.4598858, abs=1e-6)
    assert gain.improved.successes == 9  # the one 0.0 did not improve
    assert gain.reliability is Reliability.SMALL


def test_paired_gain_of_nothing_and_of_one() -> None:
    none = paired_gain([])
    assert none.reliability is Reliability.EMPTY and none.mean_gain is None
    assert none.improved.empty
    one = paired_gain([(3, 5)])
    assert one.mean_gain == 2 and one.interval is None


def test_small_sample_rule() -> None:
    assert reliability(SMALL_SAMPLE - 1) is Reliability.SMALL
    assert reliability(SMALL_SAMPLE) is Reliability.OK
    assert reliability(SMALL_SAMPLE, 5) is Reliability.SMALL
    assert reliability(0, 100) is Reliability.EMPTY
    assert share(3, 10).reliability is Reliability.SMALL


def test_a_wave_with_no_answers_says_so() -> None:
    empty = share(0, 0)
    assert empty.empty and empty.percent is None and empty.interval is None
    change = change_between(empty, share(30, 60))
    assert change.reliability is Reliability.EMPTY
    assert change.points is None and change.interval is None and change.relative is None


@given(st.integers(0, 5000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_a_share_never_leaves_0_to_100(xn: tuple[int, int]) -> None:
    x, n = xn
    s = share(x, n)
    if n == 0:
        assert s.empty
        return
    assert s.percent is not None and s.interval is not None
    assert 0.0 <= s.interval.low <= s.percent <= s.interval.high <= 100.0


@given(
    st.integers(1, 3000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
    st.integers(1, 3000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))),
)
def test_a_change_stays_within_minus_100_and_100(a: tuple[int, int], b: tuple[int, int]) -> None:
    change = change_between(share(*a), share(*b))
    assert change.points is not None and change.interval is not None
    assert -100.0 <= change.interval.low <= change.points <= change.interval.high <= 100.0
    if change.relative is not None:
        assert math.isfinite(change.relative)


@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=2, max_size=60))
def test_paired_gain_interval_contains_the_mean(pairs: list[tuple[int, int]]) -> None:
    gain = paired_gain([(float(b), float(a)) for b, a in pairs])
    assert gain.interval is not None and gain.mean_gain is not None
    assert gain.interval.low <= gain.mean_gain + 1e-9
    assert gain.mean_gain - 1e-9 <= gain.interval.high
    assert gain.improved.percent is not None and 0.0 <= gain.improved.percent <= 100.0
