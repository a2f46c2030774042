"""The series report as PDF (WeasyPrint), Markdown and DOCX, from one `SeriesData`."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation

from sanaksme.programme.document.docx import (
    ACCENT,
    HEADING_FONT,
    setup_document,
)
from sanaksme.programme.document.pdf import keep_together

from ..series import SeriesData, SeriesMeeting
from .docx import docx_muted, docx_table
from .html import STYLESHEETS
from .series_words import SeriesWords, series_words, uptake_text

TEMPLATE = "reports/document/series.html"
SERIES_STYLESHEETS = (*STYLESHEETS, Path(__file__).resolve().parent.parent / "templates"
                      / "reports" / "document" / "series.css")


def _words(data: SeriesData) -> SeriesWords:
    return series_words(len(data.meetings))


def _numbers(m: SeriesMeeting | None, data: SeriesData) -> list[str]:
    """One row of the overview: present, notes, problems, solutions, factors, feedback,
    suggestions, taken up (a meeting, or the total when `m` is None)."""
    if m is None:
        t = data.totals
        values = [t.present, t.brainstorm_notes, t.problems, t.solutions, t.factors,
                  t.feedback, t.suggestions, t.taken_up]
    else:
        values = [m.present, m.brainstorm_notes, len(m.problems), m.solutions,
                  len(m.factors), len(m.feedback), len(m.suggestions),
                  sum(1 for s in m.suggestions if s.taken_up)]
    return [str(v) for v in values]


def _number_heads(w: SeriesWords) -> list[str]:
    return [w.present, w.brainstorm_notes, w.problems, w.solutions, w.factors, w.feedback,
            w.suggestions, w.taken_up]


def _categories(data: SeriesData) -> list[list[str]]:
    """Present people: one row per category, one column per meeting, then the total."""
    rows = []
    for total in data.totals.by_category:
        counts = [next((c.value for c in m.by_category if c.label == total.label), 0)
                  for m in data.meetings]
        rows.append([total.label, *map(str, counts), str(total.value)])
    return rows


def _solution_blocks(m: SeriesMeeting, w: SeriesWords) -> list[tuple[str, tuple[str, ...]]]:
    return [(title, notes) for title, notes in ((w.existing_solutions, m.existing_solutions),
                                                (w.possible_solutions, m.possible_solutions),
                                                (w.group_solutions, m.group_solutions))
            if notes]


def series_context(data: SeriesData) -> dict[str, Any]:
    """Everything the series template shows, worded in the active language."""
    w = _words(data)
    footer = " ".join(t for t in (data.acknowledgement, data.disclaimer) if t)
    last = len(data.meetings) - 1
    meetings = [SimpleNamespace(
        m=m, numbers=_numbers(m, data), solution_blocks=_solution_blocks(m, w),
        suggestions=[SimpleNamespace(text=s.text, taken=bool(s.taken_up),
                                     uptake=uptake_text(s, w, last=i == last))
                     for s in m.suggestions])
        for i, m in enumerate(data.meetings)]
    return {
        "data": data, "w": w, "meetings": meetings,
        "footer": keep_together(footer, data.project_number),
        "acknowledgement": keep_together(data.acknowledgement, data.project_number),
        "generated": w.generated % {"date": data.generated},
        "number_heads": _number_heads(w), "totals": _numbers(None, data),
        "categories": _categories(data),
    }


def render_series_html(data: SeriesData) -> str:
    with translation.override(data.language):
        return render_to_string(TEMPLATE, series_context(data))


def render_series_pdf(data: SeriesData) -> bytes:
    """PDF bytes of the series report: A4, funding notice on every page."""
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    document = HTML(string=render_series_html(data),
                    base_url=str(SERIES_STYLESHEETS[-1].parent))
    pdf: bytes = document.write_pdf(
        stylesheets=[CSS(filename=str(p)) for p in SERIES_STYLESHEETS])
    return pdf


# Markdown -----------------------------------------------------------------------------


def _text(value: str) -> str:
    """User text as Markdown text (the rules of the meeting report's Markdown)."""
    out = " ".join(value.split())
    for ch in "\\`*_{}[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _md_list(title: str, notes: Sequence[str], level: str = "####") -> list[str]:
    if not notes:
        return []
    return [f"{level} {title}", "", *[f"- {_text(n)}" for n in notes], ""]


def _md_meeting(m: SeriesMeeting, w: SeriesWords) -> list[str]:
    out = [f"## {_text(m.title)}", "", f"*{_text(m.label)}*", ""]
    out += _md_list(w.problems, m.problems, "###")
    if m.solutions:
        out += [f"### {w.solutions}", ""]
        for title, notes in _solution_blocks(m, w):
            out += _md_list(title, notes)
    if m.factors:
        out += [f"### {w.group_factors}", ""]
        out += _md_table(["#", w.group, w.factor, w.solutions],
                         [[str(i), f.group, _text(f.text),
                           "; ".join(_text(s) for s in f.solutions)]
                          for i, f in enumerate(m.factors, start=1)])
    return out


def _md_body(data: SeriesData, w: SeriesWords) -> list[str]:
    out = [f"# {_text(data.title)}", "",
           f"**{w.report}** — {data.date_range} ({w.meetings_line})", ""]
    if data.project_name:
        out += [f"{_text(data.project_name)} ({w.project_number}: {data.project_number})", ""]
    if data.acknowledgement:
        out += [f"*{_text(data.acknowledgement)}*", ""]
    out += [f"## {w.in_numbers}", ""]
    out += _md_table([w.meeting, *_number_heads(w)],
                     [[_text(m.label), *_numbers(m, data)] for m in data.meetings]
                     + [[f"**{w.total}**", *_numbers(None, data)]])
    if data.totals.by_category:
        out += [f"### {w.present_by_category}", ""]
        out += _md_table([w.category, *[_text(m.label) for m in data.meetings], w.total],
                         [[_text(c) for c in row] for row in _categories(data)])
    out += [f"## {w.themes}", "", f"*{w.themes_note}*", ""]
    if not data.themes:
        out += [w.no_themes, ""]
    for t in data.themes:
        out.append(f"- **{_text(t.label)}** ({w.raised_at}: "
                   f"{'; '.join(_text(m) for m in t.meetings)})")
        out += [f"    - {_text(i.text)} — *{_text(i.meeting)}*" for i in t.items]
    out.append("")
    for m in data.meetings:
        out += _md_meeting(m, w)
    out += [f"## {w.feedback_heading}", "", f"*{w.feedback_note}*", ""]
    for index, m in enumerate(data.meetings, start=1):
        if not (m.feedback or m.suggestions):
            continue
        out += [f"### {_text(m.label)}", ""]
        out += _md_list(w.feedback, m.feedback)
        if m.suggestions:
            out += _md_table([w.suggestion, w.in_next],
                             [[_text(s.text),
                               _text(uptake_text(s, w, last=index == len(data.meetings)))]
                              for s in m.suggestions])
    if data.disclaimer:
        out += ["---", "", f"*{_text(data.disclaimer)}*", ""]
    out.append(w.generated % {"date": data.generated})
    return out


def render_series_markdown(data: SeriesData) -> bytes:
    """UTF-8 Markdown of the series report in its language."""
    with translation.override(data.language):
        return ("\n".join(_md_body(data, _words(data))) + "\n").encode()


# DOCX ---------------------------------------------------------------------------------


def _docx_title(word: Any, data: SeriesData, w: SeriesWords) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    def line(text: str, size: float, *, bold: bool = False, space: float = 6) -> None:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(space)
        run = p.add_run(text)
        run.font.name, run.font.size, run.bold = HEADING_FONT, Pt(size), bold
        run.font.color.rgb = ACCENT

    for _blank in range(5):
        word.add_paragraph()
    if data.organisation:
        line(data.organisation.upper(), 9)
    line(data.title, 20, bold=True)
    line(w.report, 15, space=12)
    line(f"{data.date_range} ({w.meetings_line})", 12, space=12)
    for m in data.meetings:
        line(m.label, 10, space=2)
    if data.project_name:
        word.add_paragraph()
        box = word.add_table(rows=1, cols=1).rows[0].cells[0]
        word.tables[-1].style = "Table Grid"
        texts = [data.project_name,
                 f"{w.project_number}: {data.project_number}" if data.project_number else "",
                 f"{w.funding_programme}: {data.funding_programme}"
                 if data.funding_programme else "", data.acknowledgement]
        for index, text in enumerate(t for t in texts if t):
            p = box.paragraphs[0] if index == 0 else box.add_paragraph()
            run = p.add_run(text)
            run.font.name, run.font.size, run.bold = HEADING_FONT, Pt(9.5), index == 0
    word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _docx_list(word: Any, title: str, notes: Sequence[str], level: int = 3) -> None:
    if notes:
        word.add_heading(title, level=level)
        for note in notes:
            word.add_paragraph(note, style="List Bullet")


def _docx_meeting(word: Any, m: SeriesMeeting, w: SeriesWords) -> None:
    word.add_heading(m.title, level=1)
    docx_muted(word, m.label)
    _docx_list(word, w.problems, m.problems, level=2)
    if m.solutions:
        word.add_heading(w.solutions, level=2)
        for title, notes in _solution_blocks(m, w):
            _docx_list(word, title, notes)
    if m.factors:
        word.add_heading(w.group_factors, level=2)
        docx_table(word, ["#", w.group, w.factor, w.solutions],
                    [[str(i), f.group, f.text, "\n".join(f.solutions)]
                     for i, f in enumerate(m.factors, start=1)], [10, 22, 68, 68])


def _docx_overview(word: Any, data: SeriesData, w: SeriesWords) -> None:
    word.add_heading(w.in_numbers, level=1)
    docx_table(word, [w.meeting, *_number_heads(w)],
                [[m.label, *_numbers(m, data)] for m in data.meetings]
                + [[w.total, *_numbers(None, data)]], [48] + [15] * 8)
    if data.totals.by_category:
        word.add_heading(w.present_by_category, level=2)
        width = 110 / (len(data.meetings) + 1)
        docx_table(word, [w.category, *[m.label for m in data.meetings], w.total],
                    _categories(data), [58] + [width] * (len(data.meetings) + 1))
    word.add_heading(w.themes, level=1)
    docx_muted(word, w.themes_note)
    if not data.themes:
        word.add_paragraph(w.no_themes)
    for t in data.themes:
        p = word.add_paragraph(style="List Bullet")
        p.add_run(t.label).bold = True
        p.add_run(f" ({w.raised_at}: {'; '.join(t.meetings)})")
        for item in t.items:
            docx_muted(word, f"{item.text} — {item.meeting}")


def render_series_docx(data: SeriesData) -> bytes:
    """DOCX bytes of the series report in its language."""
    from docx import Document

    with translation.override(data.language):
        w = _words(data)
        word = Document()
        setup_document(word, language=data.language, title=f"{data.title} – {w.report}",
                       author=data.organisation,
                       footer=" ".join(t for t in (data.acknowledgement, data.disclaimer)
                                       if t))
        _docx_title(word, data, w)
        _docx_overview(word, data, w)
        for m in data.meetings:
            _docx_meeting(word, m, w)
        word.add_heading(w.feedback_heading, level=1)
        docx_muted(word, w.feedback_note)
        for index, m in enumerate(data.meetings, start=1):
            if not (m.feedback or m.suggestions):
                continue
            word.add_heading(m.label, level=2)
            _docx_list(word, w.feedback, m.feedback)
            if m.suggestions:
                docx_table(word, [w.suggestion, w.in_next],
                            [[s.text, uptake_text(s, w, last=index == len(data.meetings))]
                             for s in m.suggestions], [84, 84])
        if data.disclaimer:
            cell = word.add_table(rows=1, cols=1).rows[0].cells[0]
            word.tables[-1].style = "Table Grid"
            cell.paragraphs[0].add_run(data.disclaimer)
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()
