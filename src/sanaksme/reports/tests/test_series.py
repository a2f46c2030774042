"""The series report: `SeriesData` across two meetings, and its PDF, DOCX and Markdown."""

from __future__ import annotations

import datetime as dt
import io
import itertools
from typing import Any

import pytest

from sanaksme.boards.services import sheets_ensure
from sanaksme.boards.tests.factories import (
    SeriesFactory,
    add_note,
    feedback_sheet,
    method_item,
    series_meeting,
)
from sanaksme.boards.uptake import suggestion_take_up
from sanaksme.groups.models import Group
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add, solution_add
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import Meeting, Project, Series
from sanaksme.reports.render.series import (
    render_series_docx,
    render_series_markdown,
    render_series_pdf,
)
from sanaksme.reports.series import SeriesData, series_data

pytestmark = pytest.mark.django_db

NAMES = ("Anna Bērziņa", "Jānis Ozols", "Olga Petrova", "Rita Kalēja", "Dace Liepa")
_ids = itertools.count(1)


def _people(meeting: Meeting, categories: list[tuple[str, bool]]) -> None:
    for name, (category, present) in zip(NAMES, categories, strict=False):
        Participant.objects.create(meeting=meeting, name=name, category=category,
                                   present=present)


def _brainstorm(meeting: Meeting, notes: list[tuple[str, str]]) -> None:
    sheet = sheets_ensure(item=method_item(meeting, Method.BRAINSTORM))[0]
    for column, text in notes:
        add_note(sheet, column, text)


def _group_work(meeting: Meeting, factors: list[tuple[str, list[str]]]) -> None:
    item = method_item(meeting, Method.GROUP_WORK, random_groups=1)
    group = Group.objects.get(group_set=groups_draw(item=item, seed=1), kind="random")
    for text, solutions in factors:
        factor = factor_add(group=group, text=text, client_id=f"f{next(_ids)}")
        for solution in solutions:
            solution_add(factor=factor, text=solution, client_id=f"s{next(_ids)}")


@pytest.fixture
def series() -> Series:
    series: Series = SeriesFactory.create(title="Regional experts' meetings")
    first = series_meeting(series, dt.date(2017, 1, 26), title="Regional Experts' Meeting",
                           ordinal="II", place="Daugavpils")
    _people(first, [("regional_expert", True), ("regional_expert", True),
                    ("municipal", True), ("roma_community", True),
                    ("regional_expert", False)])
    _brainstorm(first, [("problem", "Bērni bieži kavē skolu"),
                        ("problem", "Trūkst romu mediatoru"),
                        ("positive", "Laba sadarbība ar skolu"),
                        ("existing_solution", "Skolas autobuss"),
                        ("possible_solution", "Pagarinātās dienas grupa")])
    _group_work(first, [("Vecāku zemā izglītība", ["Pieaugušo izglītības kursi"])])
    sheet = feedback_sheet(first)
    add_note(sheet, "feedback", "Ļoti noderīga vizīte")
    taken = add_note(sheet, "suggestion", "Aicināt skolu direktorus")
    add_note(sheet, "suggestion", "Vairāk laika grupu darbam")

    project = Project.objects.create(
        organisation=series.organisation, name="Latvian Roma Platform II",
        number="JUST/2017/RDIS/AG/NRP2/0001", funding_programme="REC 2014-2020",
        disclaimer="The content is the sole responsibility of the ministry.")
    second = series_meeting(series, dt.date(2017, 5, 18), title="Regional Experts' Meeting",
                            ordinal="III", place="Jelgava", language="en",
                            project=project)
    _people(second, [("regional_expert", True), ("municipal", True), ("municipal", True)])
    _brainstorm(second, [("problem", "Romu bērni kavē skolu ziemā"),
                         ("possible_solution", "Mediators katrā skolā")])
    _group_work(second, [("Nav transporta uz skolu", ["Skolas autobuss laukos"])])
    add_note(feedback_sheet(second), "suggestion", "Nākamreiz Viļakā")
    suggestion_take_up(meeting=second, note=taken, comment="Two school heads came")
    return series


@pytest.fixture
def data(series: Series) -> SeriesData:
    return series_data(series)


# SeriesData ---------------------------------------------------------------------------


def test_series_data_is_in_the_latest_meetings_language_with_its_funding(
        data: SeriesData) -> None:
    assert data.language == "en"
    assert data.title == "Regional experts' meetings"
    assert data.date_range == "26 January 2017 – 18 May 2017"
    assert data.project_name == "Latvian Roma Platform II"
    assert data.project_number == "JUST/2017/RDIS/AG/NRP2/0001"
    assert data.disclaimer == "The content is the sole responsibility of the ministry."
    assert "Latvian Roma Platform II" in data.acknowledgement


def test_meetings_come_in_date_order_with_counts_by_category(data: SeriesData) -> None:
    first, second = data.meetings

    assert (first.title, first.place, first.present) == (
        "II Regional Experts' Meeting", "Daugavpils", 4)
    assert first.label == "Daugavpils, 26 January 2017"
    assert [(c.label, c.value) for c in first.by_category] == [
        ("Regional experts", 2), ("Municipal representatives", 1),
        ("Roma community representatives", 1)]
    assert (second.title, second.present) == ("III Regional Experts' Meeting", 3)


def test_problems_and_solutions_per_meeting(data: SeriesData) -> None:
    first, second = data.meetings

    assert first.brainstorm_notes == 5
    assert first.problems == ("Bērni bieži kavē skolu", "Trūkst romu mediatoru")
    assert first.existing_solutions == ("Skolas autobuss",)
    assert first.possible_solutions == ("Pagarinātās dienas grupa",)
    assert first.group_solutions == ("Pieaugušo izglītības kursi",)
    assert [(f.text, f.group, f.solutions) for f in first.factors] == [
        ("Vecāku zemā izglītība", "Group 1", ("Pieaugušo izglītības kursi",))]
    assert second.problems == ("Romu bērni kavē skolu ziemā",)
    assert second.solutions == 2


def test_totals_count_over_all_meetings(data: SeriesData) -> None:
    t = data.totals

    assert (t.meetings, t.present, t.brainstorm_notes, t.problems, t.solutions,
            t.factors, t.feedback, t.suggestions, t.taken_up) == (2, 7, 7, 3, 5, 2, 1, 3, 1)
    assert [(c.label, c.value) for c in t.by_category] == [
        ("Regional experts", 3), ("Municipal representatives", 3),
        ("Roma community representatives", 1)]


def test_feedback_shows_what_the_next_meeting_took_up(data: SeriesData) -> None:
    first, second = data.meetings

    assert first.feedback == ("Ļoti noderīga vizīte",)
    assert [(s.text, [(t.meeting, t.comment) for t in s.taken_up])
            for s in first.suggestions] == [
        ("Aicināt skolu direktorus", [("Jelgava, 18 May 2017", "Two school heads came")]),
        ("Vairāk laika grupu darbam", [])]
    assert [s.text for s in second.suggestions] == ["Nākamreiz Viļakā"]


def test_a_theme_recurring_in_both_meetings_is_found(data: SeriesData) -> None:
    school = [t for t in data.themes
              if {i.text for i in t.items} >= {"Bērni bieži kavē skolu",
                                               "Romu bērni kavē skolu ziemā"}]

    assert len(school) == 1
    assert school[0].meetings == ("Daugavpils, 26 January 2017", "Jelgava, 18 May 2017")
    assert all(len(t.meetings) >= 2 for t in data.themes)


def test_an_empty_series_gives_an_empty_report() -> None:
    data = series_data(SeriesFactory.create())

    assert (data.meetings, data.themes, data.totals.meetings) == ((), (), 0)


# Renderers ----------------------------------------------------------------------------

EXPECTED = ("Regional experts' meetings", "Recurring themes across meetings",
            "Bērni bieži kavē skolu", "Romu bērni kavē skolu ziemā",
            "Aicināt skolu direktorus", "Two school heads came", "Skolas autobuss laukos",
            "JUST/2017/RDIS/AG/NRP2/0001", "sole responsibility of the ministry")


def _no_names(text: str) -> None:
    for name in NAMES:
        assert name not in text


def test_markdown_has_the_content_and_no_names(data: SeriesData) -> None:
    text = render_series_markdown(data).decode()

    for expected in EXPECTED:
        assert expected in text
    _no_names(text)


def test_markdown_escapes_user_text(series: Series) -> None:
    meeting = series.meetings.order_by("starts_on").first()
    assert meeting is not None
    add_note(feedback_sheet(meeting), "suggestion", "*bold* <b>x</b> | pipe")

    text = render_series_markdown(series_data(series)).decode()

    assert r"\*bold\* \<b\>x\</b\> \| pipe" in text


def test_docx_has_the_content_and_no_names(data: SeriesData) -> None:
    from docx import Document

    word: Any = Document(io.BytesIO(render_series_docx(data)))
    text = "\n".join([p.text for p in word.paragraphs]
                     + [c.text for t in word.tables for r in t.rows for c in r.cells])

    for expected in EXPECTED:
        assert expected in text
    _no_names(text)


def test_pdf_has_the_content_and_no_names(data: SeriesData) -> None:
    import pypdfium2

    pdf = render_series_pdf(data)
    document = pypdfium2.PdfDocument(pdf)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    flat = " ".join(text.split())

    assert pdf.startswith(b"%PDF")
    for expected in EXPECTED:
        assert expected in flat
    _no_names(flat)


def test_html_escapes_user_text(series: Series) -> None:
    from sanaksme.reports.render.series import render_series_html

    meeting = series.meetings.order_by("starts_on").first()
    assert meeting is not None
    add_note(feedback_sheet(meeting), "suggestion", "<script>alert(1)</script>")

    html = render_series_html(series_data(series))

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
