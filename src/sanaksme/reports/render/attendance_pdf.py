"""Attendance sheets as a PDF: one section per day, each starting on a new page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation

from sanaksme.programme.document.pdf import keep_together
from sanaksme.programme.models import Meeting

from ..attendance import AttendanceSheet, attendance_sheets

TEMPLATE = "reports/attendance.html"
STYLESHEET = (Path(__file__).resolve().parent.parent
              / "templates" / "reports" / "attendance.css")


def _html(sheet: AttendanceSheet) -> str:
    footer = " ".join(t for t in (sheet.acknowledgement, sheet.disclaimer) if t)
    first_blank = len(sheet.rows) + 1
    context = {
        "sheet": sheet,
        "footer": keep_together(footer, sheet.project_number),
        "blank_numbers": range(first_blank, first_blank + sheet.blank_rows),
    }
    with translation.override(sheet.language):
        return render_to_string(TEMPLATE, context)


def render_attendance_sheets_pdf(sheets: tuple[AttendanceSheet, ...]) -> bytes:
    """PDF bytes of already built sheets; page numbers ("1/2") count within each day."""
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    stylesheet = CSS(filename=str(STYLESHEET))
    # Each day is laid out as its own document, so that its header and its page count
    # are its own; the pages are then put together in one file.
    documents = [HTML(string=_html(sheet), base_url=str(STYLESHEET.parent))
                 .render(stylesheets=[stylesheet]) for sheet in sheets]
    if not documents:
        raise ValueError("no attendance sheet to render")
    pages = [page for document in documents for page in document.pages]
    pdf: bytes = documents[0].copy(pages).write_pdf()
    return pdf


def render_attendance_pdf(meeting: Meeting, *, day: dt.date | None = None,
                          from_presence: bool = False, blank_rows: int = 10) -> bytes:
    """The attendance sheets of `meeting` (every day, or only `day`) as PDF bytes."""
    sheets = attendance_sheets(meeting, day=day, from_presence=from_presence,
                               blank_rows=blank_rows)
    return render_attendance_sheets_pdf(sheets)
