"""The facilitation programme as a Word document (python-docx), same content as the PDF."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from ..models import Meeting
from .data import DayBlock, MethodEntry, ProgrammeDocument, programme_document

BODY_FONT = "Times New Roman"  # LibreOffice substitutes the metric-compatible Liberation
HEADING_FONT = "Arial"
ACCENT = RGBColor(0x16, 0x32, 0x4F)
MUTED = RGBColor(0x4A, 0x55, 0x60)
LANGUAGE_TAGS = {"lv": "lv-LV", "en": "en-GB"}


def render_docx(meeting: Meeting) -> bytes:
    """The facilitation programme of `meeting` as DOCX bytes, in the meeting's language."""
    return render_document_docx(programme_document(meeting))


def render_document_docx(doc: ProgrammeDocument) -> bytes:
    """DOCX bytes of an already built programme document."""
    word = Document()
    _setup(word, doc)
    _title_block(word, doc)
    if doc.goal:
        _heading(word, doc.labels.goal, 1)
        word.add_paragraph(doc.goal)
    if doc.tasks:
        _heading(word, doc.labels.tasks, 1)
        for task in doc.tasks:
            word.add_paragraph(task, style="List Bullet")
    if doc.participants:
        _heading(word, doc.labels.participants, 1)
        word.add_paragraph(doc.participants)
    if doc.plan or doc.days:
        _heading(word, doc.labels.plan, 1)
    for paragraph in doc.plan:
        word.add_paragraph(paragraph)
    for day in doc.days:
        _day(word, doc, day)
    if doc.structure:
        _heading(word, doc.labels.structure, 1)
        for paragraph in doc.structure:
            word.add_paragraph(paragraph)
    if doc.methods:
        _heading(word, doc.labels.methods, 1)
        for entry in doc.methods:
            _method(word, doc, entry)
    _funding(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _setup(word: Any, doc: ProgrammeDocument) -> None:
    setup_document(word, language=doc.language, title=" – ".join(doc.title_lines),
                   author=doc.organisation,
                   footer=" ".join(t for t in (doc.acknowledgement, doc.disclaimer) if t))


def setup_document(word: Any, *, language: str, title: str, author: str, footer: str) -> None:
    """A4 margins, fonts, language, headings and the funding notice in every footer."""
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(22), Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(25)
    section.footer_distance = Mm(10)
    normal = word.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    r_pr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE_TAGS.get(language, language))
    r_pr.append(lang)
    for name, size in (("Heading 1", 13), ("Heading 2", 11), ("Heading 3", 10)):
        style = word.styles[name]
        style.font.name = HEADING_FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.paragraph_format.keep_with_next = True
    word.core_properties.title = title
    word.core_properties.author = author
    word.core_properties.language = LANGUAGE_TAGS.get(language, language)
    _footer(section, footer)


def _footer(section: Any, text: str) -> None:
    footer = section.footer
    notice = footer.paragraphs[0]
    notice.text = text
    for run in notice.runs:
        run.font.size = Pt(7)
        run.font.name = HEADING_FONT
        run.font.color.rgb = MUTED
    numbers = footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _field(numbers, "PAGE")
    _small(numbers.add_run(" / "))
    _field(numbers, "NUMPAGES")


def _small(run: Any) -> Any:
    run.font.size = Pt(8)
    run.font.name = HEADING_FONT
    run.font.color.rgb = MUTED
    return run


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = _small(paragraph.add_run("1"))
    run._r.addprevious(field)
    field.append(run._r)


def _heading(word: Any, text: str, level: int) -> None:
    word.add_heading(text, level=level)


def _title_block(word: Any, doc: ProgrammeDocument) -> None:
    if doc.organisation:
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(doc.organisation.upper())
        run.font.size, run.font.name, run.font.color.rgb = Pt(9), HEADING_FONT, MUTED
    for index, line in enumerate(doc.title_lines):
        p = word.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(line)
        run.font.name, run.font.color.rgb = HEADING_FONT, ACCENT
        run.font.size = Pt(18 if index == 0 else 14)
        run.bold = index == 0
    p = word.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_after = Pt(18)
    run = p.add_run(f"{doc.date_range}, {doc.place}" if doc.place else doc.date_range)
    run.font.name = HEADING_FONT


def _day(word: Any, doc: ProgrammeDocument, day: DayBlock) -> None:
    heading = f"{day.heading} – {day.title}" if day.title else day.heading
    _heading(word, heading, 2)
    if day.description and not doc.plan:
        word.add_paragraph(day.description)
    if not day.rows:
        return
    labels = doc.labels
    headers = [labels.time, labels.activity, labels.method]
    widths = [Mm(24), Mm(86), Mm(58)]
    if day.has_locations:
        headers.append(labels.location)
        widths = [Mm(24), Mm(66), Mm(42), Mm(36)]
    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        table_cell(cell, text, bold=True, shade="E8EDF2")
    row_properties(table.rows[0], header=True)
    for row in day.rows:
        values = [row.time, row.title, row.method]
        if day.has_locations:
            values.append(row.location)
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            table_cell(cell, text, italic=row.is_break, shade="F6F8FA" if row.is_break else None)
        row_properties(table.rows[-1], header=False)
    for row_ in table.rows:
        for cell, width in zip(row_.cells, widths, strict=True):
            cell.width = width
    word.add_paragraph()


def table_cell(cell: Any, text: str, *, bold: bool = False, italic: bool = False,
          shade: str | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    run.font.name, run.font.size = HEADING_FONT, Pt(9)
    run.bold, run.italic = bold, italic
    if shade:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), shade)
        cell._tc.get_or_add_tcPr().append(shading)


def row_properties(row: Any, *, header: bool) -> None:
    """Rows never split across pages; the header row repeats on each page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _method(word: Any, doc: ProgrammeDocument, entry: MethodEntry) -> None:
    _heading(word, entry.title, 2)
    meta = word.add_paragraph()
    meta.paragraph_format.keep_with_next = True
    meta.paragraph_format.space_after = Pt(3)
    _small(meta.add_run(" · ".join(t for t in (entry.when, entry.method) if t)))
    for paragraph in entry.paragraphs:
        word.add_paragraph(paragraph)
    for site in entry.sites:
        p = word.add_paragraph(style="List Bullet")
        p.add_run(site.name).bold = True
        rest = f" ({site.time})" if site.time else ""
        rest += f", {site.address}" if site.address else ""
        rest += f". {site.description}" if site.description else ""
        rest += f" {site.note}" if site.note else ""
        p.add_run(rest)
        for label, text in ((doc.labels.host, site.host),
                            (doc.labels.look_for, site.look_for)):
            if text:
                detail = word.add_paragraph(style="List Continue")
                detail.paragraph_format.space_after = Pt(2)
                caption = detail.add_run(f"{label}: ")
                caption.bold = True
                caption.font.size = Pt(9.5)
                detail.add_run(text).font.size = Pt(9.5)
    if entry.materials:
        p = word.add_paragraph()
        label = p.add_run(f"{doc.labels.materials}: ")
        label.bold = True
        label.font.size = Pt(9.5)
        p.add_run("; ".join(entry.materials)).font.size = Pt(9.5)


def _funding(word: Any, doc: ProgrammeDocument) -> None:
    texts = [t for t in (doc.acknowledgement, doc.disclaimer) if t]
    if not texts:
        return
    word.add_paragraph()
    box = word.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    cell = box.rows[0].cells[0]
    cell.width = Mm(168)
    for index, text in enumerate(texts):
        p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        run = p.add_run(text)
        run.font.size = Pt(9)
