"""`sanaksme demo` loads the recorded meetings next to the live demo."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from sanaksme.programme.models import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_an_empty_database_gets_the_live_demo_and_the_recorded_meeting(no_demo: None) -> None:
    out = io.StringIO()

    call_command("demo", stdout=out)

    assert set(Meeting.objects.values_list("slug", flat=True)) == {
        "daugavpils-2017", "daugavpils-2017-ieraksts", "jurmala-2016-ieraksts"}
    assert "Loaded the demo meeting" in out.getvalue()
    assert "Loaded the recorded meeting" in out.getvalue()
    assert "Facilitator login" in out.getvalue()


def test_recorded_loads_into_a_database_with_meetings_once(demo_meeting: Meeting) -> None:
    first, second = io.StringIO(), io.StringIO()

    call_command("demo", "--recorded", stdout=first)
    call_command("demo", "--recorded", stdout=second)

    assert Meeting.objects.count() == 3
    assert first.getvalue().count("Loaded the recorded meeting") == 2
    assert "is already loaded" in second.getvalue()
