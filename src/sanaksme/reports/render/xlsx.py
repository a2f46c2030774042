"""The data export as an Excel workbook: "About" first, then one sheet per table.

Headers are the translated labels (the stable keys are listed on the About sheet),
codes become words, times are real Excel times in Europe/Riga. Text is always stored
as text: a note that starts with “=” never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sanaksme.programme.models import Meeting

from ..tables import TABLES, Column, about, export_columns, export_rows, value_label

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def filename(meeting: Meeting) -> str:
    return f"{meeting.slug}-data.xlsx"


def render_xlsx(meeting: Meeting, *, include_names: bool = False,
                now: dt.datetime | None = None) -> bytes:
    """The workbook, in the meeting's language; names only with `include_names`."""
    now = now or timezone.now()
    with translation.override(meeting.language):
        rows = export_rows(meeting, include_names=include_names)
        book = Workbook()
        first = book.active
        if not isinstance(first, Worksheet):  # a new workbook has one worksheet
            raise TypeError(first)
        _about_sheet(first, meeting, include_names, now)
        for table, title in TABLES.items():
            sheet = book.create_sheet(_sheet_title(str(title)))
            _table_sheet(sheet, export_columns(table, include_names=include_names),
                         rows[table])
        out = io.BytesIO()
        book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """Excel's limits: 31 characters, none of []:*?/\\."""
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _put(sheet: Worksheet, row: int, col: int, value: Any, *,
         alignment: Alignment | None = None, bold: bool = False) -> Cell:
    """Write one cell; text is always stored as text, never run as a formula."""
    cell = sheet.cell(row, col)
    if not isinstance(cell, Cell):  # a merged cell: we merge none
        raise TypeError(cell)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value
    if alignment is not None:
        cell.alignment = alignment
    if bold:
        cell.font = BOLD
    return cell


def _about_sheet(sheet: Worksheet, meeting: Meeting, include_names: bool,
                 now: dt.datetime) -> None:
    sheet.title = _sheet_title(_("About"))
    for row, (label, value) in enumerate(about(meeting, include_names=include_names,
                                                now=now), start=1):
        _put(sheet, row, 1, label, alignment=TOP, bold=True)
        _put(sheet, row, 2, value, alignment=WRAP)
    row = sheet.max_row + 2
    for col, header in enumerate((_("Sheet"), _("Column"), _("Key")), start=1):
        _put(sheet, row, col, header, bold=True)
    for table, title in TABLES.items():
        for column in export_columns(table, include_names=include_names):
            row += 1
            for col, value in enumerate((str(title), str(column.label), column.key),
                                        start=1):
                _put(sheet, row, col, value)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 80
    sheet.column_dimensions["C"].width = 20


def _table_sheet(sheet: Worksheet, columns: tuple[Column, ...],
                 rows: list[dict[str, Any]]) -> None:
    for col, column in enumerate(columns, start=1):
        _put(sheet, 1, col, str(column.label), alignment=WRAP, bold=True)
        sheet.column_dimensions[get_column_letter(col)].width = column.width
    for r, row in enumerate(rows, start=2):
        for col, column in enumerate(columns, start=1):
            _value(sheet, r, col, column, row.get(column.key))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"


def _value(sheet: Worksheet, row: int, col: int, column: Column, value: Any) -> None:
    if value is None:
        return
    if column.kind == "datetime":
        cell = _put(sheet, row, col, dt.datetime.fromisoformat(value).replace(tzinfo=None),
                    alignment=TOP)
        cell.number_format = "yyyy-mm-dd hh:mm:ss"
        return
    _put(sheet, row, col, value_label(column, value),
         alignment=WRAP if column.kind in ("text", "long") else TOP)
