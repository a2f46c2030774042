"""One entry for every downloadable report: which format, which bytes, which file name.

Used alike by the Reports page (in a background job with progress) and by the
`sanaksme report` command. The default output names no participant.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from sanaksme.programme.models import Meeting

from .data import report_data

Progress = Callable[[int, int, str], None]  # step, steps, what is being done


@dataclass(frozen=True)
class Output:
    content: bytes
    filename: str
    content_type: str


FORMATS = {
    "pdf": (_("Report (PDF)"), "application/pdf"),
    "docx": (_("Report (Word, DOCX)"),
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "md": (_("Report (Markdown)"), "text/markdown; charset=utf-8"),
    "xlsx": (_("Data tables (Excel, XLSX)"),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "csv": (_("Data tables (CSV files in a ZIP)"), "application/zip"),
    "json": (_("Whole meeting (JSON, imports into another Sanāksme)"),
             "application/json"),
    "attendance": (_("Attendance sheets (PDF, with names)"), "application/pdf"),
    "series-pdf": (_("Series report (PDF)"), "application/pdf"),
    "series-docx": (_("Series report (Word, DOCX)"),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "series-md": (_("Series report (Markdown)"), "text/markdown; charset=utf-8"),
}
REPORT_FORMATS = ("pdf", "docx", "md")


def _nothing(step: int, steps: int, what: str) -> None:
    return None


def _report(meeting: Meeting, fmt: str, include_names: bool, progress: Progress) -> bytes:
    from .render.docx import render_docx
    from .render.markdown import render_markdown
    from .render.pdf import render_pdf

    progress(1, 3, str(_("Reading what the meeting recorded")))
    data = report_data(meeting, include_names=include_names)
    progress(2, 3, str(_("Writing the document and drawing the charts")))
    render = {"pdf": render_pdf, "docx": render_docx, "md": render_markdown}[fmt]
    return render(data)


def _series(meeting: Meeting, fmt: str, progress: Progress) -> bytes:
    from .render.series import (
        render_series_docx,
        render_series_markdown,
        render_series_pdf,
    )
    from .series import series_data, series_of

    series = series_of(meeting)  # never another organisation's series
    if series is None:
        raise ValueError("the meeting belongs to no series of its organisation")
    progress(1, 3, str(_("Reading the meetings of the series and comparing them")))
    data = series_data(series)
    progress(2, 3, str(_("Writing the document")))
    render = {"series-pdf": render_series_pdf, "series-docx": render_series_docx,
              "series-md": render_series_markdown}[fmt]
    return render(data)


def _data(meeting: Meeting, fmt: str, include_names: bool, include_affiliations: bool,
          progress: Progress) -> bytes:
    progress(1, 2, str(_("Reading notes, replies, worksheets and themes")))
    if fmt == "xlsx":
        from .render.xlsx import render_xlsx

        return render_xlsx(meeting, include_names=include_names)
    if fmt == "csv":
        from .render.csv import render_csv

        return render_csv(meeting, include_names=include_names)
    from .exchange import meeting_export

    data = meeting_export(meeting, include_names=include_names,
                          include_affiliations=include_affiliations)
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def report_produce(meeting: Meeting, *, fmt: str, include_names: bool = False,
                   include_affiliations: bool = False, from_presence: bool = False,
                   progress: Progress = _nothing) -> Output:
    """The bytes of one export of `meeting`; names only when `include_names` is given
    (attendance sheets are a names document by nature: callers ask for them on purpose);
    the JSON keeps institutions, municipalities and mediator marks of pseudonymised
    participants only with `include_affiliations`."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    if fmt in REPORT_FORMATS:
        content = _report(meeting, fmt, include_names, progress)
    elif fmt.startswith("series-"):
        content = _series(meeting, fmt, progress)
    elif fmt == "attendance":
        from .render.attendance_pdf import render_attendance_pdf

        progress(1, 2, str(_("Listing the participants of each day")))
        content = render_attendance_pdf(meeting, from_presence=from_presence)
    else:
        content = _data(meeting, fmt, include_names, include_affiliations, progress)
    extension = {"csv": "zip", "attendance": "pdf"}.get(fmt, fmt.removeprefix("series-"))
    kind = {"attendance": "attendance", "xlsx": "data", "csv": "data-csv",
            "json": "meeting"}.get(fmt, "report")
    names = "-with-names" if include_names and fmt in (*REPORT_FORMATS, "xlsx", "csv",
                                                       "json") else ""
    stem = meeting.series.slug if fmt.startswith("series-") and meeting.series else meeting.slug
    return Output(content=content, filename=f"{stem}-{kind}{names}.{extension}",
                  content_type=FORMATS[fmt][1])
