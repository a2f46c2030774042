"""Worksheet rules: responsibility shares from taps, limits, the presentation order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PARTS = ("municipality", "state", "community")
MAX_WEIGHT = 10  # taps per part: a phone control without arithmetic
TEXT_LIMIT = 300
TOP = 3  # the first three factors are the group's most significant


@dataclass(frozen=True)
class Shares:
    municipality: int
    state: int
    community: int

    def as_dict(self) -> dict[str, int]:
        return {"municipality": self.municipality, "state": self.state,
                "community": self.community}


def shares(weights: Sequence[int]) -> Shares | None:
    """Per-cent shares proportional to the weights, summing to exactly 100 (largest
    remainder); None while nothing has been weighed."""
    if len(weights) != len(PARTS) or any(w < 0 for w in weights):
        raise ValueError("three non-negative weights")
    total = sum(weights)
    if total == 0:
        return None
    exact = [w * 100 / total for w in weights]
    whole = [int(x) for x in exact]
    order = sorted(range(len(PARTS)), key=lambda i: (whole[i] - exact[i], i))
    for i in order[: 100 - sum(whole)]:
        whole[i] += 1
    return Shares(*whole)


def average_shares(all_shares: Sequence[Shares | None]) -> Shares | None:
    """The mean of the given shares (those set), again summing to 100."""
    given = [s for s in all_shares if s is not None]
    if not given:
        return None
    sums = [sum(getattr(s, part) for s in given) for part in PARTS]
    return shares(sums)


def weight_step(current: int, delta: int) -> int:
    """One tap up or down, kept within 0..MAX_WEIGHT."""
    return max(0, min(MAX_WEIGHT, current + delta))


@dataclass(frozen=True)
class Presenter:
    group_id: int
    number: int
    dedicated: bool


def presentation_order(groups: Sequence[Presenter], order: str) -> list[int]:
    """Group ids in presenting order: `random_first` puts the groups drawn at random
    first and the dedicated (community) groups last, as in the seed programme;
    `dedicated_first` the other way; `as_formed` by group number."""
    by_number = sorted(groups, key=lambda g: g.number)
    if order == "as_formed":
        return [g.group_id for g in by_number]
    dedicated_last = order != "dedicated_first"
    return [g.group_id for g in sorted(
        by_number, key=lambda g: g.dedicated if dedicated_last else not g.dedicated)]
