"""Attendance sheets: who is on each day's sheet, and the PDF that is signed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from typing import Any

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from sanaksme.core.text import latvian_sort_key
from sanaksme.participants.models import CATEGORY_CHOICES, Attendance, Participant
from sanaksme.programme.models import Meeting, Project
from sanaksme.reports.attendance import (
    AttendanceRow,
    attendance_sheets,
)
from sanaksme.reports.render.attendance_pdf import render_attendance_pdf

DAY_1 = dt.date(2017, 1, 26)
DAY_2 = dt.date(2017, 1, 27)


def attended(person: Participant, date: dt.date) -> None:
    Attendance.objects.create(participant=person, date=date,
                              first_seen_at=timezone.now())


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, whitespace collapsed."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def names(rows: tuple[AttendanceRow, ...]) -> list[str]:
    return [row.name for row in rows]


@pytest.fixture
def small_meeting(meeting: Meeting, participant_factory: Any) -> Meeting:
    """A two-day English meeting with a project and three participants."""
    meeting.language = "en"
    meeting.project = Project.objects.create(
        organisation=meeting.organisation, name="Roma Platform",
        number="JUST/2015/RDIS/AG/NRP2/8793",
        funding_programme="Rights, Equality and Citizenship 2014–2020",
        disclaimer="The content does not reflect the views of the European Commission.")
    meeting.save()
    for name, institution, category in (("Zane Ozola", "Jelgava", "regional_expert"),
                                        ("Ārija Kalna", "", "roma_community"),
                                        ("Ilze Organiser", "Ministry", "organiser")):
        participant_factory(meeting=meeting, name=name, institution=institution,
                            category=category)
    return meeting


# The Latvian order -------------------------------------------------------------------


def test_latvian_letters_with_a_caron_or_cedilla_follow_their_base_letter() -> None:
    given = ["Žanna", "Zane", "Šarlote", "Sandra", "Česlavs", "Cilda", "Ķirsis", "Kārlis"]

    assert sorted(given, key=latvian_sort_key) == [
        "Cilda", "Česlavs", "Kārlis", "Ķirsis", "Sandra", "Šarlote", "Zane", "Žanna"]


def test_long_vowels_sort_with_their_short_vowel() -> None:
    given = ["Ēriks", "Edgars", "Eva", "Āris", "Andris"]

    assert sorted(given, key=latvian_sort_key) == ["Andris", "Āris", "Edgars", "Ēriks",
                                                   "Eva"]


def test_a_long_vowel_only_breaks_a_tie() -> None:
    assert sorted(["Āna", "Ana", "ana"], key=latvian_sort_key)[-1] == "Āna"


def test_case_does_not_matter() -> None:
    assert sorted(["baiba", "Anna", "Beāte"], key=latvian_sort_key) == [
        "Anna", "baiba", "Beāte"]


# The data ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_there_is_a_sheet_per_day_with_everyone_registered(demo_meeting: Meeting) -> None:
    sheets = attendance_sheets(demo_meeting)

    everyone = demo_meeting.participants.count()
    assert [s.date for s in sheets] == [DAY_1, DAY_2]
    assert [len(s.rows) for s in sheets] == [everyone, everyone]
    assert sheets[0].date_text == "Ceturtdiena, 2017. gada 26. janvāris"
    assert sheets[0].place == "Daugavpils"


@pytest.mark.django_db
def test_organisers_are_on_the_sheet_too(small_meeting: Meeting) -> None:
    sheet = attendance_sheets(small_meeting, day=DAY_1)[0]

    assert "Ilze Organiser" in names(sheet.rows)


@pytest.mark.django_db
def test_rows_are_in_latvian_order(meeting: Meeting, participant_factory: Any) -> None:
    for name in ("Žanis Ābele", "Zane Ozola", "Česlavs Bērziņš", "Cilda Liepa"):
        participant_factory(meeting=meeting, name=name)

    sheet = attendance_sheets(meeting, day=DAY_1)[0]

    assert names(sheet.rows) == ["Cilda Liepa", "Česlavs Bērziņš", "Zane Ozola",
                                 "Žanis Ābele"]


@pytest.mark.django_db
def test_a_row_holds_a_name_and_an_institution_only(small_meeting: Meeting) -> None:
    sheet = attendance_sheets(small_meeting, day=DAY_1)[0]

    assert [f.name for f in dataclasses.fields(AttendanceRow)] == ["name", "institution"]
    assert AttendanceRow("Zane Ozola", "Jelgava") in sheet.rows


@pytest.mark.django_db
def test_one_day_can_be_asked_for(small_meeting: Meeting) -> None:
    sheets = attendance_sheets(small_meeting, day=DAY_2)

    assert [s.date for s in sheets] == [DAY_2]
    assert sheets[0].day_title == "Day 2"


@pytest.mark.django_db
def test_a_day_outside_the_meeting_is_refused(small_meeting: Meeting) -> None:
    with pytest.raises(ValueError, match="not a day"):
        attendance_sheets(small_meeting, day=dt.date(2017, 1, 28))


@pytest.mark.django_db
def test_a_meeting_without_programme_days_has_a_sheet_per_date(
    meeting_factory: Any,
) -> None:
    meeting = meeting_factory(days=False)

    sheets = attendance_sheets(meeting)

    assert [s.date for s in sheets] == [DAY_1, DAY_2]


@pytest.mark.django_db
def test_from_presence_lists_only_those_recorded_that_day(small_meeting: Meeting) -> None:
    zane, arija = (small_meeting.participants.get(name=n)
                   for n in ("Zane Ozola", "Ārija Kalna"))
    attended(zane, DAY_1)
    attended(arija, DAY_2)

    day_1, day_2 = attendance_sheets(small_meeting, from_presence=True)

    assert names(day_1.rows) == ["Zane Ozola"]
    assert names(day_2.rows) == ["Ārija Kalna"]
    assert day_1.from_presence


@pytest.mark.django_db
def test_the_funding_notice_and_project_are_on_the_sheet(small_meeting: Meeting) -> None:
    sheet = attendance_sheets(small_meeting, day=DAY_1)[0]

    assert sheet.project_name == "Roma Platform"
    assert sheet.project_number == "JUST/2015/RDIS/AG/NRP2/8793"
    assert "JUST/2015/RDIS/AG/NRP2/8793" in sheet.acknowledgement
    assert sheet.disclaimer.startswith("The content does not reflect")


@pytest.mark.django_db
def test_the_headings_are_in_the_meetings_language(small_meeting: Meeting) -> None:
    with translation.override("lv"):
        sheet = attendance_sheets(small_meeting, day=DAY_1)[0]

    assert (sheet.labels.title, sheet.labels.signature) == ("Attendance sheet",
                                                           "Signature")
    assert sheet.date_text == "Thursday, 26 January 2017"


@pytest.mark.django_db
def test_blank_rows_are_never_negative(small_meeting: Meeting) -> None:
    sheet = attendance_sheets(small_meeting, day=DAY_1, blank_rows=-3)[0]

    assert sheet.blank_rows == 0


# The PDF -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_pdf_has_a_page_per_day_with_names_date_and_project(
    small_meeting: Meeting,
) -> None:
    pages = pdf_pages(render_attendance_pdf(small_meeting))

    assert len(pages) == 2
    assert "Thursday, 26 January 2017" in pages[0]
    assert "Friday, 27 January 2017" in pages[1]
    for page in pages:
        assert "Attendance sheet" in page
        assert "JUST/2015/RDIS/AG/NRP2/8793" in page
        assert "Zane Ozola" in page
        assert "Ārija Kalna" in page
        assert "does not reflect the views" in page
        assert "1/1" in page


@pytest.mark.django_db
def test_the_pdf_numbers_the_blank_rows_after_the_names(small_meeting: Meeting) -> None:
    text = pdf_pages(render_attendance_pdf(small_meeting, day=DAY_1, blank_rows=4))[0]

    numbers = [int(n) for n in re.findall(r"(?<![\d/])(\d+)\.(?!\d)", text)]
    assert [n for n in numbers if n <= 10] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.django_db
def test_the_pdf_from_presence_leaves_out_the_absent(small_meeting: Meeting) -> None:
    attended(small_meeting.participants.get(name="Zane Ozola"), DAY_2)

    text = pdf_pages(render_attendance_pdf(small_meeting, day=DAY_2,
                                           from_presence=True))[0]

    assert "Zane Ozola" in text
    assert "Ārija Kalna" not in text


@pytest.mark.django_db
def test_a_long_list_runs_over_pages_with_the_header_on_each(
    demo_meeting: Meeting,
) -> None:
    pages = pdf_pages(render_attendance_pdf(demo_meeting, day=DAY_1, blank_rows=10))

    rows = demo_meeting.participants.count() + 10
    assert len(pages) >= 2
    assert f"1/{len(pages)}" in pages[0]
    assert f"{len(pages)}/{len(pages)}" in pages[-1]
    assert all("JUST/2015/RDIS/AG/NRP2/8793" in page for page in pages)
    assert all("2017. gada 26. janvāris" in page for page in pages)
    assert f"{rows}." in pages[-1]
    assert f"{rows + 1}." not in pages[-1]


@pytest.mark.django_db
def test_page_numbers_count_within_each_day(demo_meeting: Meeting) -> None:
    one_day = len(pdf_pages(render_attendance_pdf(demo_meeting, day=DAY_1)))

    pages = pdf_pages(render_attendance_pdf(demo_meeting))

    assert len(pages) == 2 * one_day
    assert f"1/{one_day}" in pages[one_day]
    assert "2017. gada 27. janvāris" in pages[one_day]


@pytest.mark.django_db
def test_the_pdf_shows_no_participant_category(demo_meeting: Meeting) -> None:
    text = " ".join(pdf_pages(render_attendance_pdf(demo_meeting))).casefold()

    for language in ("lv", "en"):
        with translation.override(language):
            for _code, label in CATEGORY_CHOICES:
                assert str(label).casefold() not in text
    assert "mediator" not in text
