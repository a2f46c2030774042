"""The CSV export: a ZIP of one UTF-8 CSV per table, stable keys, no names by default."""

from __future__ import annotations

import csv
import io
import zipfile
from typing import Any

import pytest

from sanaksme.programme.models import Meeting
from sanaksme.reports.render.csv import render_csv
from sanaksme.reports.tables import TABLES, export_columns, export_rows

from .builders import roma_names, run_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo_meeting: Meeting, facilitator: Any) -> Meeting:
    return run_meeting(demo_meeting, facilitator)


def _files(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {n.split("/", 1)[1]: archive.read(n) for n in archive.namelist()}


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_one_file_per_table_plus_about_and_columns(meeting: Meeting) -> None:
    files = _files(render_csv(meeting))

    assert set(files) == {"about.csv", "columns.csv", *(f"{t}.csv" for t in TABLES)}
    assert all(content.startswith("\ufeff".encode()) for content in files.values())


def test_the_header_is_the_stable_keys_and_every_row_is_there(meeting: Meeting) -> None:
    files = _files(render_csv(meeting))

    for table, rows in export_rows(meeting).items():
        lines = _rows(files[f"{table}.csv"])
        assert lines[0] == [c.key for c in export_columns(table)]
        assert len(lines) == 1 + len(rows)


def test_codes_and_booleans_are_plain_values(meeting: Meeting) -> None:
    lines = _rows(_files(render_csv(meeting))["notes.csv"])

    header, first = lines[0], dict(zip(lines[0], lines[1], strict=True))
    assert "author_name" not in header
    assert (first["column"], first["author_category"], first["hidden"]) == (
        "positive", "roma_community", "false")


def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(meeting: Meeting) -> None:
    text = _files(render_csv(meeting))["notes.csv"].decode("utf-8-sig")

    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text


def test_about_carries_the_funding_notice(meeting: Meeting) -> None:
    about = _files(render_csv(meeting))["about.csv"].decode("utf-8-sig")

    assert meeting.project is not None
    assert meeting.project.disclaimer in about


def test_no_community_name_in_any_file_by_default(meeting: Meeting) -> None:
    files = _files(render_csv(meeting))

    text = "".join(content.decode("utf-8-sig") for content in files.values())
    assert not [name for name in roma_names(meeting) if name in text]


def test_with_names_an_author_column_holds_the_names(meeting: Meeting) -> None:
    lines = _rows(_files(render_csv(meeting, include_names=True))["notes.csv"])

    names = {dict(zip(lines[0], line, strict=True))["author_name"] for line in lines[1:]}
    assert names & set(roma_names(meeting))
