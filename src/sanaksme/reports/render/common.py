"""Pieces every report renderer needs: the chart of a comparison, the file name."""

from __future__ import annotations

from sanaksme.groups.domain.worksheet import Shares

from ..data import Comparison
from .charts import ChartRow, ChartText, responsibility_chart
from .words import Words


def chart_rows(comparison: Comparison, w: Words) -> list[ChartRow]:
    rows = [ChartRow(t.label, t.experts, t.community) for t in comparison.chart_themes
            if t.experts is not None and t.community is not None]
    experts: Shares | None = comparison.experts_overall
    community: Shares | None = comparison.community_overall
    if rows and experts is not None and community is not None:
        rows.append(ChartRow(w.overall, experts, community))
    return rows


def chart(comparison: Comparison, w: Words, *, fmt: str, width_cm: float = 16.0) -> bytes | None:
    """The responsibility chart of a comparison, or None when no theme has both views."""
    rows = chart_rows(comparison, w)
    if not rows:
        return None
    parts = comparison.parts if len(comparison.parts) == 3 else ("", "", "")
    text = ChartText(w.experts, w.community, (parts[0], parts[1], parts[2]), "%")
    return responsibility_chart(rows, text, fmt=fmt, width_cm=width_cm)
