"""The meeting report as a Word document (python-docx): the same content as the PDF,
editable by the ministry before it is sent on."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from django.utils import translation

from sanaksme.programme.document.descriptions import split_paragraphs
from sanaksme.programme.document.docx import (
    ACCENT,
    HEADING_FONT,
    MUTED,
    row_properties,
    setup_document,
    table_cell,
)

from ..data import Comparison, GroupWork, ReportData, SheetSection
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

FULL_WIDTH_MM = 168


def docx_table(word: Any, headers: Sequence[str], rows: Sequence[Sequence[str]],
           widths_mm: Sequence[float]) -> None:
    from docx.shared import Mm

    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        table_cell(cell, text, bold=True, shade="E8EDF2")
    row_properties(table.rows[0], header=True)
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            table_cell(cell, text)
        row_properties(table.rows[-1], header=False)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    word.add_paragraph()


def docx_muted(word: Any, text: str) -> None:
    from docx.shared import Pt

    run = word.add_paragraph().add_run(text)
    run.italic, run.font.size, run.font.color.rgb = True, Pt(9), MUTED


def _title_page(word: Any, data: ReportData, w: Words) -> None:
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
    line(f"{data.date_range}, {data.place}" if data.place else data.date_range, 12, space=48)
    if data.project_name:
        box = word.add_table(rows=1, cols=1).rows[0].cells[0]
        word.tables[-1].style = "Table Grid"
        texts = [data.project_name, f"{w.project_number}: {data.project_number}",
                 f"{w.funding_programme}: {data.funding_programme}", data.acknowledgement]
        for index, text in enumerate(t for t in texts if t and not t.endswith(": ")):
            p = box.paragraphs[0] if index == 0 else box.add_paragraph()
            run = p.add_run(text)
            run.font.name, run.font.size, run.bold = HEADING_FONT, Pt(9.5), index == 0
    p = word.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


def _programme(word: Any, data: ReportData, w: Words) -> None:
    word.add_heading(w.programme, level=1)
    for day in data.programme:
        word.add_heading(f"{day.heading} – {day.title}" if day.title else day.heading, level=2)
        docx_table(word, [w.activity, w.method, w.planned, w.actual, w.difference],
               [[r.title, r.method, r.planned, r.actual or ("" if r.is_break else w.not_run),
                 minutes_delta(r.delta_minutes)] for r in day.rows],
               [64, 34, 24, 26, 20])


def _participation(word: Any, data: ReportData, w: Words) -> None:
    p = data.participation
    word.add_heading(w.participation, level=1)
    word.add_paragraph(present_line(p.present, p.registered))
    docx_table(word, [w.category, w.registered, w.present],
           [[c.label, str(c.registered), str(c.present)] for c in p.by_category]
           + [[w.total, str(p.registered), str(p.present)]], [90, 30, 30])
    if p.by_municipality:
        docx_table(word, [w.municipality_from, w.people],
               [[c.label, str(c.value)] for c in p.by_municipality], [90, 30])


def _sheet(word: Any, sheet: SheetSection, w: Words) -> None:
    from docx.shared import Mm, Pt

    word.add_heading(sheet.title, level=2)
    if sheet.from_visit:
        docx_muted(word, visit_count(sheet.from_visit))
    for col in sheet.columns:
        if not col.notes:
            continue
        word.add_heading(col.label, level=3)
        for note in col.notes:
            word.add_paragraph(note.text, style="List Bullet")
            for merged in note.merged:
                docx_muted(word, f"{w.merged_note}: {merged}")
            for reply in note.replies:
                p = word.add_paragraph()
                p.paragraph_format.left_indent = Mm(10)
                label = p.add_run(f"{reply.kind}: ")
                label.bold, label.font.size = True, Pt(9.5)
                p.add_run(reply.text).font.size = Pt(9.5)
    if sheet.hidden:
        docx_muted(word, hidden_count(sheet.hidden))


def _live_sections(word: Any, data: ReportData, w: Words) -> None:
    for tour in data.tours:
        word.add_heading(w.tour, level=1)
        word.add_paragraph(tour_line(tour.speakers, tour.total_seconds, tour.average_seconds,
                                     tour.allowed_seconds, tour.overruns, tour.skipped))
    for b in data.brainstorms:
        word.add_heading(f"{w.brainstorm}: {b.title}", level=1)
        for sheet in b.sheets:
            _sheet(word, sheet, w)
    for d in data.discussions:
        word.add_heading(d.title, level=1)
        if d.question:
            word.add_paragraph().add_run(f"{w.question}: {d.question}").italic = True
        if d.key_points:
            word.add_heading(w.key_points, level=2)
            for point in d.key_points:
                word.add_paragraph(point, style="List Bullet")
        if d.by_category:
            word.add_heading(w.speaking_time, level=2)
            word.add_paragraph(turns_line(d.turns, d.seconds))
            docx_table(word, [w.category, w.turns, w.time],
                   [[c.label, str(c.turns), duration(c.seconds)] for c in d.by_category],
                   [90, 30, 30])


def _group_work(word: Any, gw: GroupWork, w: Words) -> None:
    word.add_heading(w.group_work, level=1)
    if gw.question:
        word.add_paragraph().add_run(f"{w.question}: {gw.question}").italic = True
    for g in gw.groups:
        word.add_heading(g.name, level=2)
        composition = ", ".join(f"{c.label} {c.value}" for c in g.composition)
        word.add_paragraph(f"{w.composition}: {composition} "
                           f"({group_line(g.members, g.presented_seconds)})")
        docx_table(word, ["#", w.factor, w.solutions, w.responsibility],
               [[f"{i}{' ★' if f.top else ''}", f.text, "\n".join(f.solutions),
                 split_text(f.shares)] for i, f in enumerate(g.factors, start=1)],
               [12, 62, 62, 32])
    docx_muted(word, w.top_factor)


def _comparison(word: Any, c: Comparison, w: Words) -> None:
    from docx.shared import Mm

    word.add_heading(w.comparison, level=1)
    if not c.confirmed:
        docx_muted(word, w.not_confirmed)
    for title, themes in ((w.common, c.common), (w.experts_only, c.experts_only),
                          (w.community_only, c.community_only)):
        if not themes:
            continue
        word.add_heading(title, level=2)
        for t in themes:
            word.add_paragraph(style="List Bullet").add_run(t.label).bold = True
            for factor in t.factors:
                docx_muted(word, factor)
    png = chart(c, w, fmt="png")
    if png:
        word.add_heading(w.chart_title, level=2)
        word.add_picture(io.BytesIO(png), width=Mm(FULL_WIDTH_MM))
        docx_muted(word, w.chart_note)


def _closing(word: Any, data: ReportData, w: Words) -> None:
    if data.summary:
        word.add_heading(w.summary, level=1)
        for paragraph in split_paragraphs(data.summary):
            word.add_paragraph(paragraph)
    for f in data.feedback:
        word.add_heading(w.feedback, level=1)
        for title, notes in ((w.feedback_notes, f.feedback), (w.suggestions, f.suggestions),
                             (w.other_notes, f.other)):
            if notes:
                word.add_heading(title, level=2)
                for note in notes:
                    word.add_paragraph(note, style="List Bullet")
    if data.disclaimer:
        word.add_paragraph()
        cell = word.add_table(rows=1, cols=1).rows[0].cells[0]
        word.tables[-1].style = "Table Grid"
        cell.paragraphs[0].add_run(data.disclaimer)
    if data.attendance:
        from docx.enum.text import WD_BREAK

        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        word.add_heading(w.annex, level=1)
        docx_table(word, ["#", w.name, w.institution],
               [[str(i), p.name, p.institution] for i, p in enumerate(data.attendance, 1)],
               [12, 70, 86])


def render_docx(data: ReportData) -> bytes:
    """DOCX bytes of the report in the report's language."""
    from docx import Document

    with translation.override(data.language):
        w = words()
        word = Document()
        setup_document(word, language=data.language, title=f"{data.title} – {w.report}",
                       author=data.organisation,
                       footer=" ".join(t for t in (data.acknowledgement, data.disclaimer) if t))
        _title_page(word, data, w)
        if data.goal:
            word.add_heading(w.goal, level=1)
            word.add_paragraph(data.goal)
        if data.tasks:
            word.add_heading(w.tasks, level=1)
            for task in data.tasks:
                word.add_paragraph(task, style="List Bullet")
        _programme(word, data, w)
        _participation(word, data, w)
        if data.visits:
            word.add_heading(w.visits, level=1)
            for v in data.visits:
                p = word.add_paragraph(style="List Bullet")
                p.add_run(v.name).bold = True
                p.add_run(f" ({v.time}). {v.description}")
        _live_sections(word, data, w)
        for gw in data.group_work:
            _group_work(word, gw, w)
        for c in data.comparisons:
            _comparison(word, c, w)
        _closing(word, data, w)
        buffer = io.BytesIO()
        word.save(buffer)
        return buffer.getvalue()
