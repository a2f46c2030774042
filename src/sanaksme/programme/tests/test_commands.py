"""The `sanaksme programme` and `sanaksme demo` commands."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from pypdf import PdfReader

from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def test_import_command_loads_the_demo(tmp_path: Path, demo_text: str,
                                      no_demo: None) -> None:
    source = tmp_path / "p.yaml"
    source.write_text(demo_text, encoding="utf-8")
    out = io.StringIO()

    call_command("programme", "import", str(source), stdout=out)

    assert "daugavpils-2017" in out.getvalue()
    assert Participant.objects.count() == 30


def test_import_command_with_a_mistake_names_it_and_changes_nothing(
    tmp_path: Path, demo_text: str, demo_meeting: Meeting,
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text(demo_text.replace("slug: daugavpils-2017", "slug: cits")
                      .replace("starts: 2017-01-26", "starts: 26.01.2017"), encoding="utf-8")
    err = io.StringIO()
    before = (Meeting.objects.count(), AgendaItem.objects.count())

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("programme", "import", str(source), stderr=err)

    assert "meeting.starts (line" in err.getvalue()
    assert (Meeting.objects.count(), AgendaItem.objects.count()) == before


def test_export_command_writes_a_pdf_with_the_project_number(
    tmp_path: Path, demo_meeting: Meeting,
) -> None:
    target = tmp_path / "p.pdf"

    call_command("programme", "export", "daugavpils-2017", "--format", "pdf",
                 "-o", str(target), stdout=io.StringIO())

    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "JUST/2015/RDIS/AG/NRP2/8793" in text


def test_export_command_refuses_an_unknown_meeting() -> None:
    with pytest.raises(CommandError, match="No meeting"):
        call_command("programme", "export", "nav-tadas", "-o", "/dev/null")


def test_demo_command_loads_only_into_an_empty_database(demo_meeting: Meeting) -> None:
    call_command("demo", stdout=io.StringIO())

    assert Meeting.objects.count() == 1


def test_console_downloads_pdf_and_docx(facilitator_client: Client,
                                        demo_meeting: Meeting) -> None:
    pdf = facilitator_client.get("/console/m/daugavpils-2017/programme.pdf")
    docx = facilitator_client.get("/console/m/daugavpils-2017/programme.docx")

    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert docx.status_code == 200
    assert docx.content.startswith(b"PK")
