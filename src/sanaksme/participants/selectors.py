"""Reads about participants: who a phone is, the claims waiting, the badges."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from typing import Any, cast

from django.db import connection, models

from sanaksme.core.clients import session_device
from sanaksme.core.text import latvian_sort_key
from sanaksme.programme.models import Meeting

from .models import JoinClaim, Participant


def session_key(meeting: Meeting) -> str:
    return f"sanaksme.participant.{meeting.pk}"  # read back by session_participant


def _bound(session: Any, meeting_id: int) -> Any:
    """This session's participant in an open meeting, only while this phone holds it."""
    value = session.get(f"sanaksme.participant.{meeting_id}") if session else None
    device = session_device(session)
    if not isinstance(value, int) or not device:
        return Participant.objects.none()
    return Participant.objects.filter(pk=value, meeting_id=meeting_id, device=device,
                                      meeting__closed_at__isnull=True)


def session_participant_id(session: Any, meeting: Meeting) -> int | None:
    """The participant this browser session joined `meeting` as, if it still holds it."""
    person = session_participant(session, meeting.pk)
    return person[0] if person else None


def session_person(session: Any, meeting: Meeting) -> Participant | None:
    """The participant this phone holds in the meeting (for its own pages)."""
    person: Participant | None = _bound(session, meeting.pk).first()
    return person


def session_participant(session: Any, meeting_id: int,
                        *also: str) -> tuple[Any, ...] | None:
    """(participant id, category, *also) of this session in the meeting, in one query:
    `also` names more fields to read with them (e.g. "meeting__last_seq")."""
    row = _bound(session, meeting_id).values_list("pk", "category", *also).first()
    return tuple(row) if row else None


def phone_admission(session: Any, meeting_id: int) -> tuple[Any, ...] | None:
    """(participant id, category, meeting slug, last_seq, language, languages) of the
    participant this phone holds in the open meeting: `session_participant`'s check
    (`_bound`) as one plain SQL query. A whole room joins at once, and compiling the
    ORM query was a quarter of each admission's CPU (docs/performance.md); the
    live tests check the two agree."""
    value = session.get(f"sanaksme.participant.{meeting_id}") if session else None
    device = session_device(session)
    if not isinstance(value, int) or isinstance(value, bool) or not device:
        return None
    with connection.cursor() as cursor:
        cursor.execute(_admission_sql(), [value, meeting_id, device])
        row = cursor.fetchone()
    if row is None:
        return None
    languages = row[5]
    if isinstance(languages, str):  # JSON text, as SQLite and psycopg give it
        languages = json.loads(languages)
    return (*row[:5], languages)


@functools.cache
def _admission_sql() -> str:
    q = connection.ops.quote_name

    def p(name: str) -> str:
        return "p." + q(_column(Participant, name))

    def m(name: str) -> str:
        return "m." + q(_column(Meeting, name))

    # Names from the models' metadata, values as parameters.
    return (f"SELECT {p('id')}, {p('category')}, {m('slug')}, {m('last_seq')}, "  # noqa: S608
            f"{m('language')}, {m('languages')} "
            f"FROM {q(Participant._meta.db_table)} p JOIN {q(Meeting._meta.db_table)} m "
            f"ON {m('id')} = {p('meeting')} "
            f"WHERE {p('id')} = %s AND {p('meeting')} = %s AND {p('device')} = %s "
            f"AND {m('closed_at')} IS NULL")


def _column(model: type[models.Model], name: str) -> str:
    return str(cast("models.Field[Any, Any]", model._meta.get_field(name)).column)


def participant_list_for_joining(meeting: Meeting) -> list[tuple[int, str]]:
    """Names (and nothing else: no category) for the facilitator's console."""
    people = Participant.objects.filter(meeting=meeting).exclude(category="organiser")
    return sorted(people.values_list("pk", "name"),
                  key=lambda p: (latvian_sort_key(p[1]), p[0]))


def claim_list_pending(meeting: Meeting) -> list[JoinClaim]:
    """Phones waiting for the facilitator, oldest first, with the matched person."""
    return list(JoinClaim.objects.filter(meeting=meeting, status=JoinClaim.Status.PENDING)
                .select_related("participant").order_by("created_at", "pk"))


def participant_list_for_badges(meeting: Meeting) -> list[Participant]:
    """Everyone registered, by name, for the printed badges (name, QR, PIN)."""
    return participants_by_name(Participant.objects.filter(meeting=meeting))


def participants_by_name(people: Iterable[Participant]) -> list[Participant]:
    """People in Latvian alphabetical order ("Jānis" before "Jeļena"), then by id."""
    return sorted(people, key=lambda p: (latvian_sort_key(p.name), p.pk))
