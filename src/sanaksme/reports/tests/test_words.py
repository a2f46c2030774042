"""Latvian as a sentence needs it: the report's date and the summary draft's shares;
and the report stays in the meeting's language whatever language the console speaks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from sanaksme.core.dates import format_date, format_date_range
from sanaksme.groups.domain.summary import Difference, SummaryDraft
from sanaksme.groups.services.summary import words
from sanaksme.programme.models import Meeting
from sanaksme.reports.data import report_data
from sanaksme.reports.render.markdown import render_markdown

DEC_6 = dt.date(2026, 12, 6)


def test_a_date_inside_a_latvian_sentence_takes_the_locative() -> None:
    assert format_date(DEC_6, "lv", locative=True) == "2026. gada 6. decembrī"
    assert format_date_range(dt.date(2017, 1, 26), dt.date(2017, 1, 27), "lv",
                             locative=True) == "2017. gada 26.–27. janvārī"


def test_a_date_as_a_heading_stays_nominative() -> None:
    assert format_date(DEC_6, "lv") == "2026. gada 6. decembris"


def test_russian_dates_use_the_genitive_month() -> None:
    assert format_date(DEC_6, "ru") == "6 декабря 2026 г."


@pytest.mark.django_db
def test_the_report_says_when_it_was_made_in_the_locative(
        demo_meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: DEC_6)

    text = render_markdown(report_data(demo_meeting)).decode()

    assert "sagatavots ar Sanāksmi 2026. gada 6. decembrī." in text
    assert "6. decembris" not in text
    assert "gada 26.–27. janvāris" in text  # the title page's dates: nominative


def _difference(part: str) -> str:
    draft = SummaryDraft((), (), (), (Difference("Motivācija", part, 44, 20),))
    with translation.override("lv"):
        return words(draft)


def test_the_summary_draft_gives_shares_to_the_part_in_the_dative() -> None:
    assert _difference("community") == (
        "Viedokļi visvairāk atšķiras par tēmu “Motivācija”: eksperti kopienai piešķir "
        "44 %, pati kopiena — 20 %.")
    assert "pašvaldībai piešķir 44 %" in _difference("municipality")
    assert "valstij piešķir 44 %" in _difference("state")


@pytest.mark.django_db
def test_a_russian_console_does_not_change_the_reports_language(
        facilitator_client: Client, demo_meeting: Meeting) -> None:
    facilitator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"

    html = facilitator_client.get(
        f"/console/m/{demo_meeting.slug}/reports/preview/").content.decode()

    assert "Prāta vētra" in html
    assert "Мозговой штурм" not in html
