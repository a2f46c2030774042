"""The data export as CSV: a ZIP with one CSV per table, for analysis.

Why a ZIP and not one long file: the tables have different columns (a note has a
sheet and a column, a factor has responsibility shares), so one file would be mostly
empty cells and every user would first have to split it again. Each CSV here is one
rectangle that opens directly in Excel, LibreOffice, R or pandas.

Every file is UTF-8 with a byte-order mark (so Excel reads Latvian letters), comma
separated, with the stable keys as the header row and codes as values (`positive`,
`roma_community`, `true`/`false`); `columns.csv` gives each key its translated name
and `about.csv` carries the meeting and the funding notice. Text that a spreadsheet
would run as a formula (starting with = + - @) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from typing import Any

from django.utils import timezone, translation

from sanaksme.programme.models import Meeting

from ..tables import RIGA, TABLES, about, export_columns, export_rows

CONTENT_TYPE = "application/zip"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def filename(meeting: Meeting) -> str:
    return f"{meeting.slug}-data-csv.zip"


def render_csv(meeting: Meeting, *, include_names: bool = False,
               now: dt.datetime | None = None) -> bytes:
    """A ZIP of CSV files (about, columns, notes, replies, factors, solutions, themes)."""
    now = now or timezone.now()
    stamp = now.astimezone(RIGA).timetuple()[:6]
    with translation.override(meeting.language):
        rows = export_rows(meeting, include_names=include_names)
        files: dict[str, bytes] = {
            "about.csv": _csv([("key", "value"), *about(
                meeting, include_names=include_names, now=now)]),
            "columns.csv": _csv([("table", "key", "label"), *(
                (table, c.key, str(c.label)) for table in TABLES
                for c in export_columns(table, include_names=include_names))]),
        }
        for table in TABLES:
            keys = [c.key for c in export_columns(table, include_names=include_names)]
            files[f"{table}.csv"] = _csv([keys, *([row[k] for k in keys]
                                                   for row in rows[table])])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            info = zipfile.ZipInfo(f"{meeting.slug}/{name}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_START) else text


def _csv(rows: Iterable[Iterable[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
