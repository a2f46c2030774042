"""`ReportData` of a meeting run through the real services, checked field by field."""

from __future__ import annotations

import pytest

from sanaksme.groups.domain.worksheet import Shares
from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting
from sanaksme.reports.data import ReportData, report_data

from .simulated import DAY_2, SUMMARY, run_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(demo_meeting: Meeting) -> ReportData:
    run_meeting(demo_meeting)
    return report_data(demo_meeting)


def test_title_and_funding_come_from_the_meeting_and_its_project(data: ReportData) -> None:
    assert data.title == "II Reģionālo ekspertu sanāksme un pieredzes apmaiņas vizīte"
    assert data.date_range == "2017. gada 26.–27. janvāris"
    assert data.project_number == "JUST/2015/RDIS/AG/NRP2/8793"
    assert "JUST/2015/RDIS/AG/NRP2/8793" in data.acknowledgement
    assert data.disclaimer.startswith("Par pasākuma/materiāla saturu atbild Kultūras ministrija")
    assert len(data.tasks) == 5


def test_participation_counts_by_category_and_day(data: ReportData) -> None:
    by_category = {c.label: (c.registered, c.present) for c in data.participation.by_category}

    assert (data.participation.registered, data.participation.present) == (30, 28)
    assert by_category["Reģionālie eksperti"] == (10, 9)
    assert by_category["Romu kopienas pārstāvji"] == (8, 7)
    assert [c.value for c in data.participation.by_day] == [0, 28]
    assert {c.label: c.value for c in data.participation.by_municipality}["Daugavpils"] == 11


def test_programme_as_run_sets_actual_times_beside_the_plan(data: ReportData) -> None:
    day = data.programme[1]
    tour = next(r for r in day.rows if r.method == "Tour de table")

    assert (tour.planned, tour.actual, tour.delta_minutes) == ("10:00–11:30", "10:05–11:40", 5)
    assert not data.programme[0].recorded
    assert day.recorded


def test_tour_counts_speakers_time_and_overruns(data: ReportData) -> None:
    (tour,) = data.tours

    assert (tour.speakers, tour.total_seconds, tour.average_seconds) == (3, 410, 137)
    assert (tour.allowed_seconds, tour.overruns) == (180, 1)


def test_brainstorm_leaves_hidden_notes_out_but_counts_them(data: ReportData) -> None:
    (brainstorm,) = data.brainstorms
    first = brainstorm.sheets[0]
    positive = first.columns[0]

    assert (brainstorm.notes, brainstorm.hidden, brainstorm.replies) == (4, 1, 1)
    assert (first.title, first.notes, first.hidden) == ("J. Raiņa Daugavpils 6. vidusskola", 3, 1)
    assert [n.text for n in positive.notes] == ["Skolotāju palīgi strādā ar ģimenēm"]
    assert positive.notes[0].merged == ("Skolotāja palīgi palīdz ģimenēm",)
    assert "Nepiederīga piezīme" not in repr(brainstorm)


def test_replies_are_under_their_note_with_their_kind(data: ReportData) -> None:
    problem = data.brainstorms[0].sheets[0].columns[1]

    assert problem.label == "Problēmas"
    assert [(r.kind, r.text) for r in problem.notes[0].replies] == [
        ("Precizējums", "Kavējumi samazinājušies par trešdaļu")]


def test_discussion_has_key_points_and_time_per_category(data: ReportData) -> None:
    discussion = data.discussions[0]

    assert discussion.question == "Vai un kāpēc pašvaldībām ir nepieciešams romu mediators?"
    assert discussion.key_points == ("Mediators vajadzīgs katrā pašvaldībā",)
    assert [(c.label, c.turns, c.seconds) for c in discussion.by_category] == [
        ("Pašvaldību pārstāvji", 1, 60), ("Romu kopienas pārstāvji", 1, 150)]


def test_groups_show_composition_by_category_and_the_roma_group_last(data: ReportData) -> None:
    (work,) = data.group_work
    roma = work.groups[-1]

    assert len(work.groups) == 4
    assert work.seed == 7
    assert roma.dedicated
    assert [c.label for c in roma.composition] == ["Romu kopienas pārstāvji"]
    assert roma.members == 7
    assert sum(g.members for g in work.groups) == 26  # present, organisers not drawn
    assert roma.factors[0].shares == Shares(20, 20, 60)
    assert roma.factors[0].solutions == ("Mentori skolā",)
    assert roma.factors[0].top


def test_comparison_finds_the_common_theme_with_both_views(data: ReportData) -> None:
    (comparison,) = data.comparisons

    assert comparison.confirmed
    assert len(comparison.common) == 1
    theme = comparison.common[0]
    assert (theme.experts, theme.community) == (Shares(50, 30, 20), Shares(20, 20, 60))
    assert comparison.chart_themes == (theme,)


def test_summary_and_feedback_are_reported(data: ReportData) -> None:
    (feedback,) = data.feedback

    assert data.summary == SUMMARY
    assert feedback.feedback == ("Ļoti noderīgas vizītes",)
    assert feedback.suggestions == ("Vairāk laika grupu darbam",)


def test_default_report_names_nobody(demo_meeting: Meeting, data: ReportData) -> None:
    text = repr(data)

    assert data.attendance == ()
    assert not [p.name for p in Participant.objects.filter(meeting=demo_meeting)
                if p.name in text]


def test_names_only_in_the_explicit_annex_of_those_present(demo_meeting: Meeting,
                                                          data: ReportData) -> None:
    annex = report_data(demo_meeting, include_names=True).attendance

    assert len(annex) == 28
    assert "Laila Siliņa" not in [p.name for p in annex]
    assert annex[0].name == "Aleksandrs Smirnovs"


def test_report_is_in_english_when_the_meeting_is(demo_meeting: Meeting) -> None:
    demo_meeting.language = "en"
    demo_meeting.save()

    data = report_data(demo_meeting)

    assert data.date_range == "26–27 January 2017"
    assert DAY_2.isoformat() not in repr(data)
