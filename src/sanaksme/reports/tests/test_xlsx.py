"""The XLSX export opened with openpyxl: sheets, headers, numbers, no names by default."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.utils import translation
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from sanaksme.programme.models import Meeting
from sanaksme.reports.render.xlsx import render_xlsx
from sanaksme.reports.tables import TABLES, export_columns

from .builders import roma_names, run_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo_meeting: Meeting, facilitator: Any) -> Meeting:
    return run_meeting(demo_meeting, facilitator)


def _sheet(content: bytes, index: int) -> Worksheet:
    sheet = load_workbook(io.BytesIO(content)).worksheets[index]
    assert isinstance(sheet, Worksheet)
    return sheet


def _xml(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(n).decode("utf-8") for n in archive.namelist())


def test_about_comes_first_then_one_sheet_per_table(meeting: Meeting) -> None:
    book = load_workbook(io.BytesIO(render_xlsx(meeting)))

    with translation.override(meeting.language):
        expected = [str(t) for t in TABLES.values()]
    assert len(book.sheetnames) == 1 + len(TABLES)
    assert book.sheetnames[1:] == expected


def test_the_about_sheet_carries_the_meeting_and_the_funding_notice(
    meeting: Meeting,
) -> None:
    about = _sheet(render_xlsx(meeting), 0)

    values = [str(c.value) for row in about.iter_rows() for c in row if c.value]
    assert meeting.project is not None
    assert meeting.full_title in values
    assert meeting.project.acknowledgement in values
    assert meeting.project.disclaimer in values
    assert "Daugavpils" in values


def test_headers_are_the_translated_labels_bold_and_frozen(meeting: Meeting) -> None:
    notes = _sheet(render_xlsx(meeting), 1)

    with translation.override(meeting.language):
        labels = [str(c.label) for c in export_columns("notes")]
    assert [c.value for c in notes[1]] == labels
    assert all(c.font.bold for c in notes[1])
    assert notes.freeze_panes == "A2"


def test_ids_and_shares_are_numbers_and_times_are_times(meeting: Meeting) -> None:
    factors = _sheet(render_xlsx(meeting), 3)

    keys = [c.key for c in export_columns("factors")]
    first = {key: cell.value for key, cell in zip(keys, factors[2], strict=True)}
    shares = [first["municipality"], first["state"], first["community"]]
    assert isinstance(first["id"], int)
    assert all(isinstance(share, int) for share in shares)
    assert sum(s for s in shares if isinstance(s, int)) == 100
    assert isinstance(first["created_at"], dt.datetime)
    assert factors.max_row == 1 + 8


def test_a_note_that_looks_like_a_formula_stays_text(meeting: Meeting) -> None:
    notes = _sheet(render_xlsx(meeting), 1)

    cells = [c for row in notes.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert cells
    assert all(c.data_type == "s" for c in cells)


def test_no_community_name_anywhere_in_the_file_by_default(meeting: Meeting) -> None:
    xml = _xml(render_xlsx(meeting))

    assert not [name for name in roma_names(meeting) if name in xml]


def test_with_names_the_authors_are_in_the_file(meeting: Meeting) -> None:
    xml = _xml(render_xlsx(meeting, include_names=True))

    assert [name for name in roma_names(meeting) if name in xml]
