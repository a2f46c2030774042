"""The report renderers: each output opened and checked for its sections and numbers."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader

from sanaksme.programme.models import Meeting
from sanaksme.reports.data import ReportData, report_data
from sanaksme.reports.render.docx import render_docx
from sanaksme.reports.render.html import render_html
from sanaksme.reports.render.markdown import render_markdown
from sanaksme.reports.render.pdf import render_pdf

from .simulated import run_meeting

pytestmark = pytest.mark.django_db

HEADINGS = ("Mērķis", "Dalība skaitļos", "Prāta vētra", "Darbs mazās grupās",
            "Grupu darba secinājumu salīdzinājums", "Dienas apkopojums")


@pytest.fixture
def data(demo_meeting: Meeting) -> ReportData:
    run_meeting(demo_meeting)
    return report_data(demo_meeting)


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_pdf_has_title_page_sections_numbers_and_funding(data: ReportData) -> None:
    content = render_pdf(data)
    reader = PdfReader(io.BytesIO(content))
    text = " ".join(_pdf_text(content).split())

    assert len(reader.pages) >= 4
    assert "Sanāksmes pārskats" in " ".join(reader.pages[0].extract_text().split())
    assert all(h in text for h in HEADINGS)
    assert "28 no 30 reģistrētajiem dalībniekiem piedalījās." in text
    assert "10:05–11:40" in text
    footer_pages = [p for p in reader.pages if "JUST/2015/RDIS/AG/NRP2/8793" in p.extract_text()]
    assert len(footer_pages) == len(reader.pages)


def test_pdf_chart_is_an_image(data: ReportData) -> None:
    html = render_html(data)

    assert html.count('src="data:image/svg+xml;base64,') == 1


def test_user_text_is_escaped_in_the_html(data: ReportData) -> None:
    html = render_html(data)

    assert "Bērni bieži kavē &lt;b&gt;stundas&lt;/b&gt;" in html
    assert "<b>stundas</b>" not in html


def test_docx_has_the_sections_tables_and_the_chart(data: ReportData) -> None:
    word = Document(io.BytesIO(render_docx(data)))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = {c.text for t in word.tables for row in t.rows for c in row.cells}

    assert all(h in text for h in HEADINGS)
    assert "Vairāk laika grupu darbam" in text
    assert {"10:05–11:40", "+5", "20 / 20 / 60 %"} <= cells
    assert len(word.inline_shapes) == 1
    assert "JUST/2015/RDIS/AG/NRP2/8793" in word.sections[0].footer.paragraphs[0].text


def test_markdown_escapes_markup_and_keeps_the_numbers(data: ReportData) -> None:
    text = render_markdown(data).decode()

    assert "Bērni bieži kavē \\<b\\>stundas\\</b\\>" in text
    assert "| Romu kopienas pārstāvji | 8 | 7 |" in text
    assert "## Dienas apkopojums" in text


def test_no_output_names_a_participant_by_default(demo_meeting: Meeting,
                                                 data: ReportData) -> None:
    names = list(demo_meeting.participants.values_list("name", flat=True))
    outputs = [_pdf_text(render_pdf(data)), render_markdown(data).decode(),
               "\n".join(p.text for p in Document(io.BytesIO(render_docx(data))).paragraphs)]

    assert not [n for n in names for out in outputs if n in out]


def test_the_annex_lists_names_without_categories(demo_meeting: Meeting) -> None:
    run_meeting(demo_meeting)

    text = render_markdown(report_data(demo_meeting, include_names=True)).decode()
    annex = text.split("## Pielikums")[1]

    assert "Roberts Kozlovskis" in annex
    assert "Romu kopienas" not in annex
