"""Reads about participants: who a phone is, who can be picked when joining."""

from __future__ import annotations

from typing import Any

from sanaksme.programme.models import Meeting

from .models import Participant


def session_key(meeting: Meeting) -> str:
    return f"sanaksme.participant.{meeting.pk}"  # read back by session_participant


def session_participant_id(session: Any, meeting: Meeting) -> int | None:
    """The participant this browser session joined `meeting` as, if still registered."""
    person = session_participant(session, meeting.pk)
    return person[0] if person else None


def session_participant(session: Any, meeting_id: int) -> tuple[int, str] | None:
    """(participant id, category) of this session in the meeting, in one query."""
    value = session.get(f"sanaksme.participant.{meeting_id}")
    if not isinstance(value, int):
        return None
    category = Participant.objects.filter(pk=value, meeting_id=meeting_id).values_list(
        "category", flat=True).first()
    return (value, category) if category is not None else None


def participant_list_for_joining(meeting: Meeting) -> list[tuple[int, str]]:
    """Names (and nothing else: no category) to pick from on the join page."""
    return list(Participant.objects.filter(meeting=meeting).exclude(category="organiser")
                .order_by("name").values_list("pk", "name"))

