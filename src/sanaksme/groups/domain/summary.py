"""The day-summary draft from the comparison: pure facts; the service words them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .comparison import ThemeStatus
from .worksheet import PARTS, Shares

MIN_DIFFERENCE = 15  # percentage points worth a sentence


@dataclass(frozen=True)
class ThemeFacts:
    label: str
    status: ThemeStatus
    experts: Shares | None = None
    community: Shares | None = None


@dataclass(frozen=True)
class Difference:
    label: str
    part: str  # municipality / state / community
    experts: int
    community: int


@dataclass(frozen=True)
class SummaryDraft:
    common: tuple[str, ...]
    experts_only: tuple[str, ...]
    community_only: tuple[str, ...]
    differences: tuple[Difference, ...]


def _largest(theme: ThemeFacts) -> Difference | None:
    if theme.experts is None or theme.community is None:
        return None
    part = max(PARTS, key=lambda p: (abs(getattr(theme.experts, p)
                                          - getattr(theme.community, p)), -PARTS.index(p)))
    return Difference(theme.label, part, getattr(theme.experts, part),
                      getattr(theme.community, part))


def summary_draft(themes: Sequence[ThemeFacts], *, top: int = 3) -> SummaryDraft:
    """Common themes, what only one side raised, and where the two sides' views on
    responsibility differ most (common themes only, at least MIN_DIFFERENCE points)."""
    def labels(status: ThemeStatus) -> tuple[str, ...]:
        return tuple(t.label for t in themes if t.status is status)

    found = [d for t in themes if t.status is ThemeStatus.COMMON
             if (d := _largest(t)) is not None and abs(d.experts - d.community) >= MIN_DIFFERENCE]
    found.sort(key=lambda d: -abs(d.experts - d.community))
    return SummaryDraft(labels(ThemeStatus.COMMON), labels(ThemeStatus.EXPERTS_ONLY),
                        labels(ThemeStatus.COMMUNITY_ONLY), tuple(found[:top]))
