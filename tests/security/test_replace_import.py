"""No import may wipe a meeting that has been run (programme_import with replace)."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from sanaksme.boards.models import Note
from sanaksme.boards.services import sheets_ensure
from sanaksme.boards.tests.factories import add_note
from sanaksme.core.exceptions import ImportRejected
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import programme_import
from sanaksme.reports.exchange import meeting_import

pytestmark = pytest.mark.django_db

NOTES = 5


@pytest.fixture
def run_meeting(demo_meeting: Meeting) -> Meeting:
    """The demo meeting after its brainstorm: notes people wrote."""
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    sheet = sheets_ensure(item=item)[0]
    for n in range(NOTES):
        add_note(sheet, "problem", f"Problēma {n}")
    return demo_meeting


@pytest.fixture
def programme_file(tmp_path: Path, demo_text: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text(demo_text, encoding="utf-8")
    return path


def notes_of(slug: str) -> int:
    return Note.objects.filter(meeting__slug=slug).count()


def test_replacing_a_run_meeting_is_refused(run_meeting: Meeting, demo_text: str,
                                            english: None) -> None:
    with pytest.raises(ImportRejected, match="has been run"):
        programme_import(text=demo_text, replace=True)

    assert notes_of(run_meeting.slug) == NOTES


def test_replacing_a_meeting_never_run_still_works(demo_meeting: Meeting,
                                                  demo_text: str) -> None:
    meeting = programme_import(text=demo_text, replace=True)

    assert meeting.pk != demo_meeting.pk


def test_cli_replace_of_a_run_meeting_is_refused_and_changes_nothing(
    run_meeting: Meeting, programme_file: Path,
) -> None:
    err = io.StringIO()

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("programme", "import", str(programme_file), "--replace", stderr=err)

    assert "has been run" in err.getvalue()
    assert Meeting.objects.get(slug=run_meeting.slug).pk == run_meeting.pk
    assert notes_of(run_meeting.slug) == NOTES


def test_web_upload_with_replace_of_a_run_meeting_is_refused(
    run_meeting: Meeting, demo_text: str,
) -> None:
    owner = get_user_model().objects.create_user("owner", password="a-pass-123")
    run_meeting.organisation.members.add(owner)  # the meeting's own organisation only
    client = Client()
    client.force_login(owner)
    upload = SimpleUploadedFile("p.yaml", demo_text.encode(), content_type="application/yaml")

    response = client.post("/console/import/", {"file": upload, "replace": "1"})

    assert response.status_code == 400
    assert notes_of(run_meeting.slug) == NOTES


def test_cli_replace_with_backup_first_writes_the_backup_then_replaces(
    run_meeting: Meeting, programme_file: Path, tmp_path: Path,
) -> None:
    out = io.StringIO()

    call_command("programme", "import", str(programme_file), "--replace", "--backup-first",
                 "--backup-to", str(tmp_path / "backups"), stdout=out)

    backups = list((tmp_path / "backups").glob("daugavpils-2017-before-replace-*.json"))
    assert len(backups) == 1
    assert str(backups[0]) in out.getvalue()
    assert notes_of(run_meeting.slug) == 0


def test_backup_is_readable_by_its_owner_only(run_meeting: Meeting, programme_file: Path,
                                              tmp_path: Path) -> None:
    target = tmp_path / "backup.json"

    call_command("programme", "import", str(programme_file), "--replace", "--backup-first",
                 "--backup-to", str(target), stdout=io.StringIO())

    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_backup_restores_the_notes(run_meeting: Meeting, programme_file: Path,
                                   tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    call_command("programme", "import", str(programme_file), "--replace", "--backup-first",
                 "--backup-to", str(target), stdout=io.StringIO())

    restored = meeting_import(target.read_text(encoding="utf-8"), slug="restored")

    assert notes_of(restored.slug) == NOTES


def test_backup_that_cannot_be_written_leaves_the_meeting_alone(
    run_meeting: Meeting, programme_file: Path, tmp_path: Path,
) -> None:
    taken = tmp_path / "backup.json"
    taken.write_text("older backup", encoding="utf-8")

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("programme", "import", str(programme_file), "--replace",
                     "--backup-first", "--backup-to", str(taken), stdout=io.StringIO(),
                     stderr=io.StringIO())

    assert notes_of(run_meeting.slug) == NOTES
    assert taken.read_text(encoding="utf-8") == "older backup"
