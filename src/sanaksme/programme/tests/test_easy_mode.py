"""Meeting.easy_mode (the phones' simple view): the demo turns it on, the programme file
carries it both ways, the meeting form edits it."""

from __future__ import annotations

import pytest

from sanaksme.core.exceptions import ImportRejected
from sanaksme.live.templatetags.live import live_config
from sanaksme.programme.forms import MeetingForm
from sanaksme.programme.models import Meeting
from sanaksme.programme.selectors import meeting_get_full, programme_as_dict
from sanaksme.programme.services import programme_import
from sanaksme.programme.yaml_io import dump_programme, parse_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_the_demo_meeting_offers_the_simple_view(demo: Meeting) -> None:
    assert demo.easy_mode is True


def test_easy_mode_survives_export_and_import(demo: Meeting) -> None:
    text = dump_programme(programme_as_dict(meeting_get_full(demo.slug)))

    again = programme_import(text=text, replace=True)

    assert "easy_mode: true" in text
    assert again.easy_mode is True


def test_a_file_without_easy_mode_imports_it_off(demo_text: str) -> None:
    text = demo_text.replace("  easy_mode: true\n", "")

    parsed = parse_programme(text)

    assert parsed.meeting["easy_mode"] is False


def test_easy_mode_must_be_true_or_false(demo_text: str) -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_programme(demo_text.replace("easy_mode: true", "easy_mode: maybe"))

    assert "meeting.easy_mode" in rejected.value.errors[0]


def test_the_meeting_form_edits_easy_mode(demo: Meeting) -> None:
    form = MeetingForm(instance=demo, organisation=demo.organisation)

    assert "easy_mode" in form.fields


def test_the_phone_config_says_whether_the_simple_view_is_offered() -> None:
    on, off = live_config("/ws/phone/X/", "phone", easy=True), live_config("/ws/phone/X/", "phone")

    assert '"easy": true' in on
    assert '"e_pictures"' in on
    assert '"easy": false' in off
