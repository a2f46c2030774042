"""The report counts each site's observations from the visit, in every format."""

from __future__ import annotations

import io

import pytest
from django.utils import translation
from docx import Document
from pypdf import PdfReader

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import note_create, sheets_ensure
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.reports.data import report_data
from sanaksme.reports.render.docx import render_docx
from sanaksme.reports.render.html import render_html
from sanaksme.reports.render.markdown import render_markdown
from sanaksme.reports.render.pdf import render_pdf
from sanaksme.reports.render.words import visit_count
from sanaksme.reports.tables import export_rows

from .simulated import run_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def school(demo_meeting: Meeting) -> Sheet:
    """The school's sheet with two observations from the visit shown and one hidden."""
    run_meeting(demo_meeting)
    brainstorm = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    sheet = next(s for s in sheets_ensure(item=brainstorm)
                 if s.key == "site-raina-6-vidusskola")
    for i, text in enumerate(["Skolā strādā romu mediators", "Trūkst asistentu",
                              "Direktores tālrunis"]):
        note_create(sheet=sheet, column="positive" if i == 0 else "problem", text=text,
                    client_id=f"visit-{i}", typed_by_facilitator=True, from_visit=True)
    Note.objects.filter(client_id="visit-2").update(hidden=True, hidden_reason="dati")
    return sheet


def test_the_sites_section_counts_its_visible_observations_from_the_visit(
    demo_meeting: Meeting, school: Sheet,
) -> None:
    data = report_data(demo_meeting)

    sections = {s.title: s for b in data.brainstorms for s in b.sheets}
    assert sections[school.title].from_visit == 2
    assert sum(s.from_visit for s in sections.values()) == 2
    assert sections[school.title].notes >= 2


def test_every_format_says_how_many_came_from_the_visit(
    demo_meeting: Meeting, school: Sheet,
) -> None:
    data = report_data(demo_meeting)
    with translation.override(demo_meeting.language):
        line = visit_count(2)

    word = Document(io.BytesIO(render_docx(data)))
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(render_pdf(data))).pages).split())

    assert line in render_markdown(data).decode()
    assert line in render_html(data)
    assert line in [p.text for p in word.paragraphs]
    assert " ".join(line.split()) in pdf
    rows = {r["text"]: r for r in export_rows(demo_meeting)["notes"]}
    assert rows["Skolā strādā romu mediators"]["from_visit"] is True
    assert rows["Skolā strādā romu mediators"]["written_at"] is None
    assert not any(r["from_visit"] for t, r in rows.items() if not t.startswith(
        ("Skolā strādā", "Trūkst asistentu", "Direktores")))
