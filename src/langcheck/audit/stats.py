"""Confidence intervals for shares of records: Wilson for one share, Newcombe for a change.

Wilson's score interval stays inside 0..1 and behaves with small counts and shares near 0 or
1, where the textbook (Wald) interval fails; Newcombe's hybrid score interval (his method 10,
1998) combines two Wilson intervals into one for the difference of two independent shares,
which is what "has the share fallen between two periods?" asks. Both are closed forms, so no
statistics library is needed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054
"""The normal quantile for a two-sided 95% interval."""


@dataclass(frozen=True, slots=True)
class Interval:
    """An estimate with its 95% confidence interval."""

    estimate: float
    low: float
    high: float


def wilson(k: int, n: int, z: float = Z95) -> Interval:
    """Return k/n with its Wilson score interval (0, 0, 0 when n is 0: no records, no share)."""
    if n <= 0:
        return Interval(0.0, 0.0, 0.0)
    p = k / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return Interval(p, max(0.0, centre - half), min(1.0, centre + half))


def newcombe(k1: int, n1: int, k2: int, n2: int, z: float = Z95) -> Interval:
    """Return the change from share k1/n1 to share k2/n2 (second minus first) with its interval."""
    first, second = wilson(k1, n1, z), wilson(k2, n2, z)
    p1, p2 = first.estimate, second.estimate
    difference = p2 - p1
    low = difference - math.sqrt((p2 - second.low) ** 2 + (first.high - p1) ** 2)
    high = difference + math.sqrt((second.high - p2) ** 2 + (p1 - first.low) ** 2)
    return Interval(difference, max(-1.0, low), min(1.0, high))
