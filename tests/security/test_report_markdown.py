"""Attack: text a facilitator or participant typed becomes live Markdown in the report
(an image that runs script in a wiki, a javascript: link). The Markdown is rendered
with a CommonMark parser (html enabled, as many wikis do) to see what a reader gets."""

from __future__ import annotations

import dataclasses

import pytest
from markdown_it import MarkdownIt

from sanaksme.programme.models import Meeting
from sanaksme.reports.data import ReportData, report_data
from sanaksme.reports.render.markdown import render_markdown

pytestmark = pytest.mark.django_db

IMG = "<img src=x onerror=alert(1)>"
LINK = "[x](javascript:alert(1))"


def rendered(data: ReportData) -> str:
    return str(MarkdownIt("commonmark", {"html": True}).render(render_markdown(data).decode()))


@pytest.fixture
def data(demo_meeting: Meeting) -> ReportData:
    return report_data(demo_meeting)


def test_html_in_the_place_is_shown_as_text(data: ReportData) -> None:
    html = rendered(dataclasses.replace(data, place=f"Rīga {IMG}"))

    assert "<img" not in html
    assert "Rīga &lt;img src=x onerror=alert(1)&gt;" in html


def test_a_javascript_link_in_the_place_is_not_markdown_link_syntax(data: ReportData) -> None:
    # markdown-it itself refuses javascript: URLs; other renderers may not.
    text = render_markdown(dataclasses.replace(data, place=LINK)).decode()

    assert "](javascript:" not in text
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in text


def test_a_link_in_the_place_is_not_a_link(data: ReportData) -> None:
    html = rendered(dataclasses.replace(data, place="[Pieteikties](https://evil.example/)"))

    assert "<a " not in html
    assert "[Pieteikties](https://evil.example/)" in html


def test_html_in_the_project_number_is_shown_as_text(data: ReportData) -> None:
    html = rendered(dataclasses.replace(data, project_name="P", project_number=IMG))

    assert "<img" not in html

