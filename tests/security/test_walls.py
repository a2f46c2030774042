"""Organisation walls: a facilitator reaches only their own organisations' data.

Organisation A runs the demo meeting (series, project, notes, a report job). Organisation
B has a facilitator (the intruder) and a meeting of its own. Every URL of the project is
walked as an anonymous visitor and as the intruder with A's real ids filled in; every
WebSocket consumer is tried with the intruder's cookie and with ids of another meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sanaksme.boards.tests.factories import add_note, feedback_sheet
from sanaksme.groups.domain.lexicon import default_lexicon
from sanaksme.groups.models import Factor, GroupSet, LearnedConcept
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    factor_set_theme,
    lexicon_current,
    theme_rename,
)
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add
from sanaksme.programme.models import AgendaItem, Meeting, Organisation
from sanaksme.programme.tests.factories import MeetingFactory
from sanaksme.reports.models import ReportJob
from sanaksme.reports.series import series_data

pytestmark = pytest.mark.django_db

SECRET = "Skolas direktore Līvānos atsakās runāt ar mediatoru"  # A's words: never in B's view


@pytest.fixture
def home(demo_meeting: Meeting) -> Meeting:
    """Organisation A's demo meeting with a suggestion for the next meeting."""
    add_note(feedback_sheet(demo_meeting), "suggestion", SECRET)
    return demo_meeting


@pytest.fixture
def intruder(db: None) -> Any:
    """A facilitator of organisation B (not a member of A, no admin rights)."""
    user = get_user_model().objects.create_user("intruder", password="b-pass-123")
    Organisation.objects.create(name="Organisation B").members.add(user)
    return user


@pytest.fixture
def intruder_client(intruder: Any) -> Client:
    client = Client()
    client.force_login(intruder)
    return client


@pytest.fixture
def foreign(intruder: Any) -> Meeting:
    """B's own meeting, later than A's."""
    meeting: Meeting = MeetingFactory.create(
        organisation=intruder.organisations.get(), slug="b-meeting",
        starts_on=dt.date(2017, 5, 18), ends_on=dt.date(2017, 5, 18))
    return meeting


def meeting_post(**changes: Any) -> dict[str, Any]:
    return {"slug": "b-new", "title": "B", "language": "lv", "place": "Rēzekne",
            "starts_on": "2017-06-01", "ends_on": "2017-06-01", **changes}


# Choices and writes ---------------------------------------------------------------


def test_new_meeting_form_offers_no_other_organisations_series_or_project(
    home: Meeting, intruder_client: Client,
) -> None:
    assert home.series is not None
    assert home.project is not None

    page = intruder_client.get("/console/new/").content.decode()

    assert home.series.title not in page
    assert home.project.name not in page


def test_new_meeting_in_another_organisations_series_is_refused(
    home: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.post("/console/new/", meeting_post(series=home.series_id))

    assert response.status_code == 200  # the form again, with the error
    assert not Meeting.objects.filter(slug="b-new").exists()


def test_new_meeting_in_another_organisations_project_is_refused(
    home: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.post("/console/new/", meeting_post(project=home.project_id))

    assert response.status_code == 200
    assert not Meeting.objects.filter(slug="b-new").exists()


def test_editing_a_meeting_into_another_organisations_series_is_refused(
    home: Meeting, foreign: Meeting, intruder_client: Client,
) -> None:
    intruder_client.post(f"/console/m/{foreign.slug}/edit/",
                         meeting_post(slug=foreign.slug, series=home.series_id))

    foreign.refresh_from_db()
    assert foreign.series_id is None


def test_programme_upload_naming_another_organisations_series_is_refused(
    home: Meeting, intruder_client: Client, demo_text: str,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = demo_text.replace("slug: daugavpils-2017", "slug: b-upload")
    upload = SimpleUploadedFile("p.yaml", text.encode(), content_type="application/yaml")

    response = intruder_client.post("/console/import/", {"file": upload})

    assert response.status_code == 400
    assert not Meeting.objects.filter(slug="b-upload").exists()


# Reads through a series that points across the wall (data from before the walls) ----


@pytest.fixture
def smuggled(home: Meeting, foreign: Meeting) -> Meeting:
    """B's meeting attached to A's series, as the old form allowed."""
    Meeting.objects.filter(pk=foreign.pk).update(series=home.series)
    return Meeting.objects.get(pk=foreign.pk)


def test_suggestions_panel_shows_no_other_organisations_suggestions(
    smuggled: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.get(f"/console/m/{smuggled.slug}/suggestions/")

    assert SECRET not in response.content.decode()


def test_series_report_of_a_smuggled_meeting_carries_no_other_organisations_data(
    smuggled: Meeting, intruder_client: Client,
) -> None:
    intruder_client.post(f"/console/m/{smuggled.slug}/reports/jobs/", {"fmt": "series-md"})

    job = ReportJob.objects.get(meeting=smuggled)
    assert SECRET.encode() not in bytes(job.content or b"")
    assert job.error


def test_series_report_leaves_out_a_smuggled_meeting(smuggled: Meeting,
                                                     home: Meeting) -> None:
    assert home.series is not None

    data = series_data(home.series)

    assert [m.title for m in data.meetings] == [home.full_title]


def test_reports_page_does_not_name_another_organisations_series(
    smuggled: Meeting, home: Meeting, intruder_client: Client,
) -> None:
    assert home.series is not None

    page = intruder_client.get(f"/console/m/{smuggled.slug}/reports/").content.decode()

    assert home.series.title not in page


# The learned comparison lexicon ------------------------------------------------------


def _confirm_chess_theme(meeting: Meeting) -> GroupSet:
    item = AgendaItem.objects.get(day__meeting=meeting, method="group_work")
    group_set = groups_draw(item=item, seed=7)
    groups = list(group_set.groups.order_by("number"))
    first = factor_add(group=groups[0], text="Nav kur spēlēt šahu", client_id="a")
    second = factor_add(group=groups[1], text="Šaha spēles vakaros", client_id="b")
    theme = factor_set_theme(factor=first, theme=None)
    factor_set_theme(factor=second, theme=theme)
    theme_rename(theme=theme, label="Galda spēles")
    comparison_confirm(group_set=group_set)
    return group_set


def test_confirmed_themes_teach_only_their_own_organisation(
    home: Meeting, foreign: Meeting,
) -> None:
    _confirm_chess_theme(home)

    mine = {c.label for c in lexicon_current(home.organisation_id).concepts}
    theirs = {c.label for c in lexicon_current(foreign.organisation_id).concepts}
    assert "Galda spēles" in mine
    assert "Galda spēles" not in theirs


def test_learned_terms_add_to_a_builtin_concept(home: Meeting) -> None:
    builtin = default_lexicon().concepts[0]
    LearnedConcept.objects.create(organisation=home.organisation, key=builtin.key,
                                  label=builtin.label, terms=["jauns vārds"])

    concept = next(c for c in lexicon_current(home.organisation_id).concepts
                   if c.key == builtin.key)

    assert set(builtin.terms) <= set(concept.terms)
    assert "jauns vārds" in concept.terms


def test_learning_stores_only_the_added_terms(home: Meeting) -> None:
    group_set = _confirm_chess_theme(home)

    factors = Factor.objects.filter(group__group_set=group_set)
    assert factors.count() == 2
    for concept in LearnedConcept.objects.all():
        builtin = {c.key: set(c.terms) for c in default_lexicon().concepts}
        assert not set(concept.terms) & builtin.get(concept.key, set())

