"""Who may connect: each screen's admission, with the first state to send it.

Consumers call these through `database_sync_to_async` (one database hop per connect).
A whole room joins at once, so each admission is kept to as few queries as it can:
a phone's session, then its participant read together with the meeting's seq and
languages; its attendance is recorded later, for the whole burst (live/presence.py).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from sanaksme.core.clients import Throttle, session_device
from sanaksme.participants.selectors import phone_admission
from sanaksme.programme.models import Meeting
from sanaksme.programme.selectors import meeting_list_for_user

from .channel_groups import Audience
from .languages import Wish
from .state import NOW_FIELDS, state_for


@dataclass(frozen=True)
class Admission:
    """Who a new connection is, and the state to send it first."""

    meeting_id: int
    language: str
    state: str
    participant_id: int | None = None
    category: str | None = None
    slug: str = ""  # the meeting's short name, for the log line (core/logs.py)
    seq: int = 0  # the meeting's seq read with the admission: the state is at least this


_MEETING_BY_CODE: dict[str, int] = {}  # join codes never change
JOIN_THROTTLE = Throttle("join")  # the same counters as the join pages


def projector_connect(slug: str, token: str, wish: Wish | None = None) -> Admission | None:
    row = Meeting.objects.filter(slug=slug).values_list(
        "pk", "projector_token", *NOW_FIELDS).first()
    if row is None or not secrets.compare_digest(row[1], token):
        return None
    state, language = state_for(row[0], Audience.PROJECTOR, wish=wish, now=row[2:])
    return Admission(row[0], language, state, slug=slug, seq=row[2])


def console_connect(user: Any, slug: str, wish: Wish | None = None) -> Admission | None:
    if user is None or not user.is_authenticated:
        return None
    row = meeting_list_for_user(user).filter(slug=slug).values_list(
        "pk", *NOW_FIELDS).first()
    if row is None:
        return None
    state, language = state_for(row[0], Audience.CONSOLE, wish=wish, now=row[1:])
    return Admission(row[0], language, state, slug=slug, seq=row[1])


def phone_connect(session: Any, code: str, address: str = "",
                  wish: Wish | None = None) -> Admission | None:
    """A phone holding a registered identity in an open meeting; anything else is
    refused alike. Unknown codes count against the client (core.clients.Throttle)."""
    code = code.upper()
    device = session_device(session)
    if JOIN_THROTTLE.locked(address, device):
        return None
    meeting_id = _MEETING_BY_CODE.get(code)
    if meeting_id is None:
        meeting_id = Meeting.objects.filter(join_code=code).values_list(
            "pk", flat=True).first()
        if meeting_id is None:
            JOIN_THROTTLE.wrong(address, device)
            return None
        _MEETING_BY_CODE[code] = meeting_id
    # Only the phone that holds the identity, and only while the meeting is open.
    # Read with the meeting's seq and languages: one query for the phone and its state.
    person = phone_admission(session, meeting_id) if session is not None else None
    if person is None:
        return None
    state, language = state_for(meeting_id, Audience.PHONE, person[1], person[0], wish,
                                now=person[3:])
    return Admission(meeting_id, language, state, person[0], person[1], person[2],
                     seq=person[3])
