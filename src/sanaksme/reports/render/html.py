"""The report as HTML: the page WeasyPrint prints and the Reports page previews."""

from __future__ import annotations

import base64
from dataclasses import fields
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from sanaksme.core.csp import inline_hash
from sanaksme.programme.document.descriptions import split_paragraphs
from sanaksme.programme.document.pdf import STYLESHEET as PROGRAMME_STYLESHEET
from sanaksme.programme.document.pdf import keep_together

from ..data import Comparison, GroupWork, ReportData
from .common import chart
from .words import (
    Words,
    duration,
    group_line,
    hidden_count,
    minutes_delta,
    present_line,
    split_text,
    tour_line,
    turns_line,
    visit_count,
    words,
)

TEMPLATE = "reports/document/report.html"
STYLESHEETS = (
    PROGRAMME_STYLESHEET,  # the same typography as the printed programme
    Path(__file__).resolve().parent.parent / "templates" / "reports" / "document" / "report.css",
)


def _with(obj: Any, **extra: Any) -> SimpleNamespace:
    """A dataclass's fields plus a few words computed for the template."""
    values = {f.name: getattr(obj, f.name) for f in fields(obj)}
    return SimpleNamespace(**(values | extra))


def _group_work(gw: GroupWork) -> SimpleNamespace:
    groups = [_with(g, line=group_line(g.members, g.presented_seconds),
                    factors=[_with(f, split=split_text(f.shares)) for f in g.factors])
              for g in gw.groups]
    return _with(gw, groups=groups)


def _comparison(c: Comparison, w: Words) -> SimpleNamespace:
    def themes(items: tuple[Any, ...]) -> list[SimpleNamespace]:
        return [_with(t, experts=split_text(t.experts) if t.experts else "",
                      community=split_text(t.community) if t.community else "") for t in items]

    svg = chart(c, w, fmt="svg")
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg).decode() if svg else ""
    blocks = [SimpleNamespace(title=w.common, themes=themes(c.common)),
              SimpleNamespace(title=w.experts_only, themes=themes(c.experts_only)),
              SimpleNamespace(title=w.community_only, themes=themes(c.community_only))]
    return _with(c, blocks=blocks, chart=uri)


def report_context(data: ReportData) -> dict[str, Any]:
    """Everything the report template shows, worded in the active language."""
    w = words()
    footer = " ".join(t for t in (data.acknowledgement, data.disclaimer) if t)
    return {
        "data": data, "w": w,
        "footer": keep_together(footer, data.project_number),
        "acknowledgement": keep_together(data.acknowledgement, data.project_number),
        "generated": w.generated % {"date": data.generated},
        "present_line": present_line(data.participation.present,
                                     data.participation.registered),
        "by_day": any(c.value for c in data.participation.by_day),
        "programme": [_with(day, rows=[_with(r, delta=minutes_delta(r.delta_minutes))
                                       for r in day.rows]) for day in data.programme],
        "tours": [tour_line(t.speakers, t.total_seconds, t.average_seconds, t.allowed_seconds,
                            t.overruns, t.skipped) for t in data.tours],
        "brainstorms": [_with(b, sheets=[_with(s, hidden_line=hidden_count(s.hidden),
                                               visit_line=visit_count(s.from_visit))
                                         for s in b.sheets]) for b in data.brainstorms],
        "discussions": [_with(d, line=turns_line(d.turns, d.seconds),
                              by_category=[_with(c, time=duration(c.seconds))
                                           for c in d.by_category])
                        for d in data.discussions],
        "group_work": [_group_work(gw) for gw in data.group_work],
        "comparisons": [_comparison(c, w) for c in data.comparisons],
        "summary": split_paragraphs(data.summary),
    }


SCREEN_CSS = """
.running-footer { display: none; }
body { max-width: 46rem; margin: 1.5rem auto; padding: 0 1rem; }
.title-page { padding-top: 1rem; border-bottom: 1.5pt solid #16324f; margin-bottom: 2rem; }
"""


@cache
def screen_css() -> str:
    """The print stylesheets plus a few screen rules, inlined in the preview page.

    The page's Content-Security-Policy allows exactly this text by its hash
    (`screen_css_source`), and no other inline style."""
    return "\n".join([p.read_text(encoding="utf-8") for p in STYLESHEETS] + [SCREEN_CSS])


def screen_css_source() -> str:
    return inline_hash(screen_css())


def render_html(data: ReportData, *, screen: bool = False) -> str:
    """The report page in the report's language; `screen` inlines the print stylesheets
    (and a few screen rules) so a browser shows it as it will print."""
    with translation.override(data.language):
        context = report_context(data)
        if screen:
            context["screen_css"] = screen_css()
        return render_to_string(TEMPLATE, context)
