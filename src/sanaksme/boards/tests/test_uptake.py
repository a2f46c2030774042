"""Taking up the previous meeting's suggestions: the services and the designer's selector."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sanaksme.boards.models import Note, SuggestionUptake
from sanaksme.boards.selectors import suggestions_for_next
from sanaksme.boards.services import note_hide, note_merge
from sanaksme.boards.tests.factories import (
    SeriesFactory,
    add_note,
    feedback_sheet,
    series_meeting,
)
from sanaksme.boards.uptake import suggestion_drop, suggestion_take_up
from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting, Series
from sanaksme.programme.tests.factories import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

JAN = dt.date(2017, 1, 26)
MAY = dt.date(2017, 5, 18)
SEP = dt.date(2017, 9, 21)


@pytest.fixture
def series() -> Series:
    series: Series = SeriesFactory.create()
    return series


@pytest.fixture
def first(series: Series) -> Meeting:
    return series_meeting(series, JAN, title="Daugavpils")


@pytest.fixture
def second(series: Series) -> Meeting:
    return series_meeting(series, MAY, title="Jelgava")


@pytest.fixture
def suggestion(first: Meeting) -> Note:
    return add_note(feedback_sheet(first), "suggestion", "Invite school heads")


# Services ---------------------------------------------------------------------------


def test_take_up_stores_the_uptake_with_comment_and_user(
        second: Meeting, suggestion: Note, facilitator: Any) -> None:
    uptake = suggestion_take_up(meeting=second, note=suggestion,
                                comment="  Two   heads invited ", user=facilitator)

    assert (uptake.meeting, uptake.note, uptake.comment, uptake.taken_by) == (
        second, suggestion, "Two heads invited", facilitator)
    assert uptake.taken_at is not None


def test_taking_up_again_replaces_the_comment(second: Meeting, suggestion: Note) -> None:
    suggestion_take_up(meeting=second, note=suggestion, comment="first")

    suggestion_take_up(meeting=second, note=suggestion, comment="second")

    assert list(SuggestionUptake.objects.values_list("comment", flat=True)) == ["second"]


def test_drop_removes_the_uptake(second: Meeting, suggestion: Note) -> None:
    suggestion_take_up(meeting=second, note=suggestion)

    removed = suggestion_drop(meeting=second, note=suggestion)

    assert removed is True
    assert not SuggestionUptake.objects.exists()


def test_drop_without_uptake_is_harmless(second: Meeting, suggestion: Note) -> None:
    assert suggestion_drop(meeting=second, note=suggestion) is False


def test_a_feedback_note_cannot_be_taken_up(first: Meeting, second: Meeting) -> None:
    note = add_note(feedback_sheet(first), "feedback", "Good lunch")

    with pytest.raises(DomainError, match="Only a visible suggestion"):
        suggestion_take_up(meeting=second, note=note)


def test_a_hidden_suggestion_cannot_be_taken_up(
        second: Meeting, suggestion: Note, facilitator: Any) -> None:
    note_hide(note=suggestion, actor=facilitator, reason="off topic")

    with pytest.raises(DomainError, match="Only a visible suggestion"):
        suggestion_take_up(meeting=second, note=suggestion)


def test_a_later_meeting_suggestion_cannot_be_taken_up(
        series: Series, first: Meeting, second: Meeting) -> None:
    later = add_note(feedback_sheet(second), "suggestion", "More breaks")

    with pytest.raises(DomainError, match="earlier meeting of the same series"):
        suggestion_take_up(meeting=first, note=later)


def test_a_suggestion_of_another_series_cannot_be_taken_up(second: Meeting) -> None:
    other = series_meeting(SeriesFactory.create(), JAN)
    note = add_note(feedback_sheet(other), "suggestion", "Meet online")

    with pytest.raises(DomainError, match="earlier meeting of the same series"):
        suggestion_take_up(meeting=second, note=note)


def test_a_meeting_without_series_takes_up_nothing(suggestion: Note, first: Meeting) -> None:
    lone: Meeting = MeetingFactory.create(organisation=first.organisation, starts_on=MAY,
                                   ends_on=MAY)

    with pytest.raises(DomainError, match="not part of a series"):
        suggestion_take_up(meeting=lone, note=suggestion)


def test_an_overlong_comment_is_refused(second: Meeting, suggestion: Note) -> None:
    with pytest.raises(DomainError, match="at most 300"):
        suggestion_take_up(meeting=second, note=suggestion, comment="x" * 301)


def test_drop_is_validated_like_take_up(first: Meeting, second: Meeting) -> None:
    note = add_note(feedback_sheet(first), "feedback", "Good lunch")

    with pytest.raises(DomainError):
        suggestion_drop(meeting=second, note=note)


# Selector ---------------------------------------------------------------------------


def test_suggestions_for_next_lists_the_previous_meetings_suggestions(
        first: Meeting, second: Meeting, suggestion: Note) -> None:
    sheet = suggestion.sheet
    other = add_note(sheet, "suggestion", "Visit a Roma NGO")
    add_note(sheet, "feedback", "Well organised")
    suggestion_take_up(meeting=second, note=other, comment="On day 1")

    found = suggestions_for_next(second)

    assert found is not None
    assert found.previous == first
    assert [(s.text, s.taken, s.comment) for s in found.suggestions] == [
        ("Invite school heads", False, ""), ("Visit a Roma NGO", True, "On day 1")]


def test_suggestions_for_next_uses_only_the_latest_earlier_meeting(
        series: Series, first: Meeting, second: Meeting, suggestion: Note) -> None:
    add_note(feedback_sheet(second), "suggestion", "Shorter presentations")
    third = series_meeting(series, SEP)

    found = suggestions_for_next(third)

    assert found is not None
    assert found.previous == second
    assert [s.text for s in found.suggestions] == ["Shorter presentations"]


def test_suggestions_for_next_leaves_out_hidden_and_folds_merged(
        second: Meeting, suggestion: Note, facilitator: Any) -> None:
    hidden = add_note(suggestion.sheet, "suggestion", "Rude remark")
    duplicate = add_note(suggestion.sheet, "suggestion", "Invite the school heads")
    note_hide(note=hidden, actor=facilitator, reason="rude")
    note_merge(note=duplicate, into=suggestion, actor=facilitator)

    found = suggestions_for_next(second)

    assert found is not None
    assert [(s.text, s.merged) for s in found.suggestions] == [
        ("Invite school heads", ("Invite the school heads",))]


def test_the_first_meeting_of_a_series_has_no_previous(first: Meeting) -> None:
    assert suggestions_for_next(first) is None


def test_a_meeting_without_series_has_no_previous(first: Meeting) -> None:
    Meeting.objects.filter(pk=first.pk).update(series=None)
    first.refresh_from_db()

    assert suggestions_for_next(first) is None
