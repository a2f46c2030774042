"""The Reports page: the preview, a job started and finished, the download."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from pypdf import PdfReader

from sanaksme.programme.models import Meeting
from sanaksme.reports.models import ReportJob

from .simulated import run_meeting

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


def _start(client: Client, meeting: Meeting, **data: str) -> ReportJob:
    response = client.post(f"/console/m/{meeting.slug}/reports/jobs/", data, headers=HX)
    assert response.status_code == 200
    return ReportJob.objects.latest("pk")


def test_reports_page_offers_every_format_and_a_preview(facilitator_client: Client,
                                                        demo_meeting: Meeting) -> None:
    page = facilitator_client.get(f"/console/m/{demo_meeting.slug}/reports/").content.decode()

    assert f'src="/console/m/{demo_meeting.slug}/reports/preview/"' in page
    assert all(f'value="{fmt}"' in page for fmt in ("pdf", "docx", "md", "xlsx", "csv", "json"))


def test_preview_is_the_report_without_names(facilitator_client: Client,
                                             demo_meeting: Meeting) -> None:
    run_meeting(demo_meeting)

    html = facilitator_client.get(f"/console/m/{demo_meeting.slug}/reports/preview/").content

    assert "Dalība skaitļos".encode() in html
    assert b"Roberts Kozlovskis" not in html


def test_a_finished_job_offers_its_file(facilitator_client: Client,
                                        demo_meeting: Meeting) -> None:
    job = _start(facilitator_client, demo_meeting, fmt="pdf")

    status = facilitator_client.get(f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/")
    download = facilitator_client.get(
        f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/file/")

    assert job.done
    assert not job.error
    assert f"{demo_meeting.slug}-report.pdf" in status.content.decode()
    assert download["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(download.content)).pages) >= 3


def test_names_in_the_report_only_when_asked(facilitator_client: Client,
                                             demo_meeting: Meeting) -> None:
    run_meeting(demo_meeting)

    plain = _start(facilitator_client, demo_meeting, fmt="md")
    named = _start(facilitator_client, demo_meeting, fmt="md", names="1")

    assert "Roberts Kozlovskis" not in bytes(plain.content).decode()
    assert "Roberts Kozlovskis" in bytes(named.content).decode()
    assert named.filename.endswith("-with-names.md")


def test_unknown_format_is_refused_with_a_message(facilitator_client: Client,
                                                  demo_meeting: Meeting) -> None:
    response = facilitator_client.post(f"/console/m/{demo_meeting.slug}/reports/jobs/",
                                       {"fmt": "exe"}, headers=HX)

    assert response.status_code == 400
    assert "Nezināms pārskata formāts." in response.content.decode()
    assert not ReportJob.objects.exists()


def test_someone_elses_job_is_not_found(facilitator_client: Client, demo_meeting: Meeting,
                                        django_user_model: Any) -> None:
    job = _start(facilitator_client, demo_meeting, fmt="md")
    other = django_user_model.objects.create_user("other", password="x" * 12)
    demo_meeting.organisation.members.add(other)
    client = Client()
    client.force_login(other)

    response = client.get(f"/console/m/{demo_meeting.slug}/reports/jobs/{job.key}/file/")

    assert response.status_code == 404


def test_reports_need_login(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(f"/console/m/{demo_meeting.slug}/reports/")

    assert response.status_code == 302


def test_report_command_writes_the_file(demo_meeting: Meeting, tmp_path: Path) -> None:
    run_meeting(demo_meeting)
    out = tmp_path / "report.docx"

    call_command("report", demo_meeting.slug, "--format", "docx", "-o", str(out))

    assert out.read_bytes()[:2] == b"PK"


def test_series_report_is_produced_from_the_reports_page(facilitator_client: Client,
                                                        demo_meeting: Meeting) -> None:
    run_meeting(demo_meeting)

    job = _start(facilitator_client, demo_meeting, fmt="series-md")

    assert not job.error
    assert job.filename == "regionalo-ekspertu-sanaksmes-report.md"
    assert "Reģionālo ekspertu sanāksmes" in bytes(job.content).decode()
