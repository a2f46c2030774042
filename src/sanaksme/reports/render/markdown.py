"""The meeting report as Markdown: for e-mail, wikis and version control."""

from __future__ import annotations

import re

from django.utils import translation

from sanaksme.programme.document.descriptions import split_paragraphs

from ..data import Comparison, ReportData, ThemeLine
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

# Backslash-escaped wherever they appear: emphasis, code, links and images, raw HTML
# and autolinks, headings, tables, strikethrough and character references.
_MARKDOWN_CHARS = re.compile(r"([\\`*_{}\[\]()<>#|!~&])")
# Meaningful only at the start of a line: list items, setext underlines, numbered lists
# (")" is escaped everywhere already).
_MARKER_START = re.compile(r"^([-+=])")
_NUMBER_START = re.compile(r"^(\d+)\.")


def _text(value: object) -> str:
    """Any text a person wrote, as Markdown text: one line, every character with a
    Markdown meaning escaped, so it shows literally and never becomes a link, image,
    HTML or structure. Every user-provided field in the report goes through here."""
    out = _MARKDOWN_CHARS.sub(r"\\\1", " ".join(str(value).split()))
    out = _MARKER_START.sub(r"\\\1", out)
    return _NUMBER_START.sub(r"\1\\.", out)


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _themes(title: str, themes: tuple[ThemeLine, ...], w: Words) -> list[str]:
    if not themes:
        return []
    out = [f"### {title}", ""]
    for t in themes:
        views = "; ".join(f"{name}: {split_text(s)}" for name, s in
                          ((w.experts, t.experts), (w.community, t.community)) if s)
        out.append(f"- **{_text(t.label)}**" + (f" ({views})" if views else ""))
        out += [f"    - {_text(f)}" for f in t.factors]
    return [*out, ""]


def _comparison(c: Comparison, w: Words) -> list[str]:
    out = [f"## {w.comparison}", ""]
    if not c.confirmed:
        out += [f"*{w.not_confirmed}*", ""]
    out += _themes(w.common, c.common, w) + _themes(w.experts_only, c.experts_only, w)
    out += _themes(w.community_only, c.community_only, w)
    rows = [[_text(t.label), split_text(t.experts), split_text(t.community)]
            for t in c.chart_themes]
    if rows:
        out += [f"### {w.chart_title}", "", f"{w.chart_note} ({' / '.join(c.parts)})", ""]
        out += _table(["", w.experts, w.community], rows)
    return out


def _body(data: ReportData, w: Words) -> list[str]:
    out = [f"# {_text(data.title)}", "", f"**{w.report}** — {_text(data.date_range)}, {_text(data.place)}", ""]
    if data.project_name:
        out += [f"{_text(data.project_name)} ({w.project_number}: {_text(data.project_number)})", ""]
    if data.acknowledgement:
        out += [f"*{_text(data.acknowledgement)}*", ""]
    if data.goal:
        out += [f"## {w.goal}", "", _text(data.goal), ""]
    if data.tasks:
        out += [f"## {w.tasks}", "", *[f"- {_text(t)}" for t in data.tasks], ""]
    out += [f"## {w.programme}", ""]
    for day in data.programme:
        out += [f"### {_text(day.heading)} — {_text(day.title)}", ""]
        out += _table([w.activity, w.method, w.planned, w.actual, w.difference],
                      [[_text(r.title), _text(r.method), r.planned,
                        r.actual or ("" if r.is_break else w.not_run),
                        minutes_delta(r.delta_minutes)] for r in day.rows])
    p = data.participation
    out += [f"## {w.participation}", "", present_line(p.present, p.registered), ""]
    out += _table([w.category, w.registered, w.present],
                  [[_text(c.label), str(c.registered), str(c.present)] for c in p.by_category]
                  + [[f"**{w.total}**", str(p.registered), str(p.present)]])
    if p.by_municipality:
        out += _table([w.municipality_from, w.people],
                      [[_text(c.label), str(c.value)] for c in p.by_municipality])
    if data.visits:
        out += [f"## {w.visits}", ""]
        out += [f"- **{_text(v.name)}** ({_text(v.time)}). {_text(v.description)}" for v in data.visits]
        out.append("")
    for t in data.tours:
        out += [f"## {w.tour}", "", tour_line(t.speakers, t.total_seconds, t.average_seconds,
                                              t.allowed_seconds, t.overruns, t.skipped), ""]
    for b in data.brainstorms:
        out += [f"## {w.brainstorm}: {_text(b.title)}", ""]
        for sheet in b.sheets:
            out += [f"### {_text(sheet.title)}", ""]
            if sheet.from_visit:
                out += [f"*{visit_count(sheet.from_visit)}*", ""]
            for col in sheet.columns:
                if col.notes:
                    out += [f"**{_text(col.label)}**", ""]
                for note in col.notes:
                    merged = "".join(f" · {w.merged_note}: {_text(m)}" for m in note.merged)
                    out.append(f"- {_text(note.text)}{merged}")
                    out += [f"    - *{_text(r.kind)}:* {_text(r.text)}" for r in note.replies]
                if col.notes:
                    out.append("")
            if sheet.hidden:
                out += [f"*{hidden_count(sheet.hidden)}*", ""]
    for d in data.discussions:
        out += [f"## {_text(d.title)}", ""]
        if d.question:
            out += [f"*{w.question}: {_text(d.question)}*", ""]
        if d.key_points:
            out += [f"**{w.key_points}**", "", *[f"- {_text(k)}" for k in d.key_points], ""]
        if d.by_category:
            out += [f"**{w.speaking_time}** — {turns_line(d.turns, d.seconds)}", ""]
            out += _table([w.category, w.turns, w.time],
                          [[_text(c.label), str(c.turns), duration(c.seconds)] for c in d.by_category])
    for gw in data.group_work:
        out += [f"## {w.group_work}", ""]
        if gw.question:
            out += [f"*{w.question}: {_text(gw.question)}*", ""]
        for g in gw.groups:
            composition = ", ".join(f"{_text(c.label)} {c.value}" for c in g.composition)
            out += [f"### {_text(g.name)}", "",
                    f"{w.composition}: {composition} ({group_line(g.members, g.presented_seconds)})",
                    ""]
            out += _table(["#", w.factor, w.solutions, w.responsibility],
                          [[f"{i}{' ★' if f.top else ''}", _text(f.text),
                            "; ".join(_text(s) for s in f.solutions), split_text(f.shares)]
                           for i, f in enumerate(g.factors, start=1)])
        out += [f"*{w.top_factor}*", ""]
    for c in data.comparisons:
        out += _comparison(c, w)
    if data.summary:
        out += [f"## {w.summary}", "", *[p + "\n" for p in map(_text, split_paragraphs(data.summary))]]
    for f in data.feedback:
        out += [f"## {w.feedback}", ""]
        for title, notes in ((w.feedback_notes, f.feedback), (w.suggestions, f.suggestions),
                             (w.other_notes, f.other)):
            if notes:
                out += [f"### {title}", "", *[f"- {_text(n)}" for n in notes], ""]
    if data.disclaimer:
        out += ["---", "", f"*{_text(data.disclaimer)}*", ""]
    if data.attendance:
        out += [f"## {w.annex}", ""]
        out += _table(["#", w.name, w.institution],
                      [[str(i), _text(p.name), _text(p.institution)]
                       for i, p in enumerate(data.attendance, start=1)])
    out.append(w.generated % {"date": data.generated})
    return out


def render_markdown(data: ReportData) -> bytes:
    """UTF-8 Markdown of the report in the report's language."""
    with translation.override(data.language):
        return ("\n".join(_body(data, words())) + "\n").encode()
