"""The responsibility chart: who should act, in the experts' and the community's view.

Drawn with matplotlib's object API (no pyplot state, safe in a server). Grey fills
with hatching and black edges, so it reads the same printed in black and white.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from sanaksme.groups.domain.worksheet import Shares

FILLS = (("#404040", ""), ("#bfbfbf", "///"), ("#ffffff", ".."))
PARTS = ("municipality", "state", "community")


@dataclass(frozen=True)
class ChartRow:
    label: str  # the theme
    experts: Shares
    community: Shares


@dataclass(frozen=True)
class ChartText:
    experts: str
    community: str
    parts: tuple[str, str, str]  # municipality, state, community, in the report's language
    axis: str  # "%"


def _bar(ax: object, y: float, split: Shares, height: float) -> None:
    left = 0
    for part, (colour, hatch) in zip(PARTS, FILLS, strict=True):
        width = getattr(split, part)
        if width <= 0:
            continue
        ax.barh(y, width, left=left, height=height, color=colour, hatch=hatch,  # type: ignore[attr-defined]
                edgecolor="black", linewidth=0.6)
        if width >= 9:
            dark = colour == FILLS[0][0]
            ax.text(left + width / 2, y, f"{width}%", ha="center", va="center",  # type: ignore[attr-defined]
                    fontsize=7.5, color="white" if dark else "black",
                    bbox=None if dark else {"facecolor": "white", "edgecolor": "none",
                                            "pad": 0.6})
        left += width


def responsibility_chart(rows: Sequence[ChartRow], text: ChartText, *, fmt: str = "svg",
                         width_cm: float = 16.0) -> bytes:
    """Two stacked bars per theme (experts, community), each summing to 100 %."""
    from matplotlib.figure import Figure  # heavy import, only when a chart is drawn

    bar, gap = 0.34, 0.3
    height_in = 0.9 + len(rows) * (2 * bar + gap + 0.22)
    fig = Figure(figsize=(width_cm / 2.54, height_in), dpi=150)
    ax = fig.add_subplot()
    ticks, labels = [], []
    y = 0.0
    for row in rows:
        _bar(ax, y, row.experts, bar)
        _bar(ax, y - bar - 0.04, row.community, bar)
        ticks += [y, y - bar - 0.04]
        labels += [text.experts, text.community]
        ax.text(0, y + bar / 2 + 0.1, "\n".join(textwrap.wrap(row.label, 70)),
                fontsize=8.5, fontweight="bold", va="bottom", ha="left")
        y -= 2 * bar + gap + 0.22
    ax.set_yticks(ticks, labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_ylim(y + bar + 0.1, bar / 2 + 0.42)
    ax.set_xticks([0, 25, 50, 75, 100], ["0", "25", "50", "75", f"100 {text.axis}"], fontsize=7.5)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0)
    handles = [ax.barh(0, 0, color=c, hatch=h, edgecolor="black", linewidth=0.6)[0]
               for c, h in FILLS]
    fig.legend(handles, text.parts, loc="lower center", ncols=3, fontsize=8, frameon=False)
    fig.subplots_adjust(left=0.17, right=0.95, top=0.99, bottom=0.5 / height_in + 0.02)
    out = io.BytesIO()
    fig.savefig(out, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    return out.getvalue()
