"""Fetch-and-authorise helpers for facilitators."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from .models import AgendaItem, Meeting
from .selectors import meeting_list_for_user


def access_meeting(user: Any, slug: str) -> Meeting:
    """The meeting if this facilitator may edit it; 404 otherwise (no existence leak)."""
    meeting = meeting_list_for_user(user).filter(slug=slug).first()
    if meeting is None:
        raise Http404
    return meeting


def access_agenda_item(user: Any, slug: str, item_id: int) -> AgendaItem:
    meeting = access_meeting(user, slug)
    item = AgendaItem.objects.select_related("day__meeting").filter(
        pk=item_id, day__meeting=meeting).first()
    if item is None:
        raise Http404
    return item
