"""Result figures with their uncertainty: shares, changes between waves, learning gain.

Every figure a programme reports to a donor comes out of here, with its sample size and
a 95 % confidence interval, so that "+40 %" is never a bare number:

- a share (e.g. respondents who answered correctly) with the Wilson score interval
  (Wilson 1927; method 3 of Newcombe 1998, Stat Med 17:857-872);
- the change of a share between two independent samples (baseline and endline waves of
  a survey) in percentage points, with Newcombe's hybrid score interval (method 10 of
  Newcombe 1998, Stat Med 17:873-890), and the same change as relative growth, so a
  report always shows both;
- the mean of paired differences (a participant's post-test minus pre-test score) with
  a Student t interval, and the share who improved.

The small-sample rule (``SMALL_SAMPLE``): a figure from fewer than 30 answers is shown
but marked "too few answers to conclude"; a change is marked so when either wave has
fewer than 30; a group with no answers has no figure at all, only "no answers".
The rule is deliberately simple to explain: at n = 30 the Wilson interval of a share
near 50 % is still about +/-17 percentage points wide, so below that nothing useful can be
said about a change of the size programmes report.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import NormalDist

__all__ = [
    "CONFIDENCE",
    "SMALL_SAMPLE",
    "Change",
    "Interval",
    "PairedGain",
    "Reliability",
    "Share",
    "change_between",
    "paired_gain",
    "reliability",
    "share",
    "student_t_quantile",
    "wilson",
]

CONFIDENCE = 0.95
#: Fewer answers than this in a group: the figure is marked as too uncertain.
SMALL_SAMPLE = 30
Z95 = NormalDist().inv_cdf(0.5 + CONFIDENCE / 2)  # 1.959964...


class Reliability(StrEnum):
    OK = "ok"
    SMALL = "small"  # fewer than SMALL_SAMPLE answers: shown, but "too few to conclude"
    EMPTY = "empty"  # no answers at all: no figure


def reliability(*sizes: int) -> Reliability:
    """The small-sample rule for a figure made from samples of these sizes."""
    if any(n <= 0 for n in sizes):
        return Reliability.EMPTY
    if any(n < SMALL_SAMPLE for n in sizes):
        return Reliability.SMALL
    return Reliability.OK


@dataclass(frozen=True)
class Interval:
    """A closed interval, in the same unit as the figure it belongs to."""

    low: float
    high: float

    def scaled(self, factor: float) -> Interval:
        return Interval(self.low * factor, self.high * factor)


def wilson(successes: int, n: int, z: float = Z95) -> Interval:
    """Wilson score interval of a proportion (as a fraction 0..1)."""
    if n <= 0:
        raise ValueError("no observations")
    if not 0 <= successes <= n:
        raise ValueError("successes must be between 0 and n")
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At the edges the exact bound is 0 or 1; rounding must not push it past.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return Interval(low, high)


@dataclass(frozen=True)
class Share:
    """``successes`` of ``n`` as a percentage with its 95 % Wilson interval.

    With ``n == 0`` there is no figure: ``percent`` and ``interval`` are None and
    ``reliability`` is EMPTY ("no answers").
    """

    successes: int
    n: int
    percent: float | None
    interval: Interval | None  # in percent
    reliability: Reliability

    @property
    def empty(self) -> bool:
        return self.reliability is Reliability.EMPTY


def share(successes: int, n: int) -> Share:
    if n < 0 or successes < 0 or successes > max(n, 0):
        raise ValueError("successes must be between 0 and n")
    if n == 0:
        return Share(0, 0, None, None, Reliability.EMPTY)
    return Share(
        successes, n, 100.0 * successes / n, wilson(successes, n).scaled(100.0), reliability(n)
    )


@dataclass(frozen=True)
class Change:
    """Change of a share from ``before`` to ``after`` (independent samples).

    ``points``: the difference in percentage points with Newcombe's hybrid score
    interval; ``relative``: the same change as growth relative to the baseline share
    in percent (None when the baseline share is 0, where relative growth means nothing).
    """

    before: Share
    after: Share
    points: float | None
    interval: Interval | None  # percentage points
    relative: float | None  # percent of the baseline share
    reliability: Reliability

    @property
    def significant(self) -> bool:
        """True when the interval excludes zero (no change)."""
        return self.interval is not None and (self.interval.low > 0 or self.interval.high < 0)


def newcombe_difference(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> Interval:
    """Interval of p1 - p2 (fractions) by Newcombe's hybrid score method (method 10)."""
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = (w := wilson(x1, n1, z)).low, w.high
    l2, u2 = (w := wilson(x2, n2, z)).low, w.high
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return Interval(max(-1.0, low), min(1.0, high))


def change_between(before: Share, after: Share) -> Change:
    rel = reliability(before.n, after.n)
    if rel is Reliability.EMPTY or before.percent is None or after.percent is None:
        return Change(before, after, None, None, None, Reliability.EMPTY)
    points = after.percent - before.percent
    interval = newcombe_difference(after.successes, after.n, before.successes, before.n)
    relative = None if before.successes == 0 else 100.0 * points / before.percent
    return Change(before, after, points, interval.scaled(100.0), relative, rel)


# --------------------------------------------------------------------------- Student t


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    lbeta = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
    front = math.exp(lbeta + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _t_cdf(t: float, df: int) -> float:
    tail = 0.5 * _incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def student_t_quantile(p: float, df: int) -> float:
    """Quantile of Student's t distribution (for 0.5 <= p < 1), by bisection on the CDF."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if not 0.5 <= p < 1.0:
        raise ValueError("p must be in [0.5, 1)")
    lo, hi = 0.0, 1.0
    while _t_cdf(hi, df) < p:
        hi *= 2.0
    for _ in range(200):
        mid = (lo + hi) / 2.0
        if _t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2.0


# --------------------------------------------------------------------------- paired gain


@dataclass(frozen=True)
class PairedGain:
    """Mean of paired differences (after - before) with a t interval, and who improved.

    ``n`` counts the pairs with both scores. With no pair every figure is None; with one
    pair the mean exists but no interval can be computed.
    """

    n: int
    mean_before: float | None
    mean_after: float | None
    mean_gain: float | None
    interval: Interval | None
    improved: Share
    reliability: Reliability


def paired_gain(pairs: Sequence[tuple[float, float]]) -> PairedGain:
    n = len(pairs)
    improved = share(sum(1 for b, a in pairs if a > b), n)
    if n == 0:
        return PairedGain(0, None, None, None, None, improved, Reliability.EMPTY)
    diffs = [a - b for b, a in pairs]
    mean = math.fsum(diffs) / n
    mean_before = math.fsum(b for b, _ in pairs) / n
    mean_after = math.fsum(a for _, a in pairs) / n
    interval: Interval | None = None
    if n >= 2:
        sd = math.sqrt(math.fsum((d - mean) ** 2 for d in diffs) / (n - 1))
        half = student_t_quantile(0.5 + CONFIDENCE / 2, n - 1) * sd / math.sqrt(n)
        interval = Interval(mean - half, mean + half)
    return PairedGain(n, mean_before, mean_after, mean, interval, improved, reliability(n))
