"""Registering participants: one at a time or from a CSV file, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.core.text import control_chars_message, has_control_chars
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import ProgrammeChanged
from sanaksme.programme.domain.methods import CATEGORY_VALUES, NOT_STATED
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import meeting_next_seq

from .models import (
    CATEGORY_CHOICES,
    SENSITIVE_CATEGORIES,
    Attendance,
    ConsentEvent,
    ConsentMethod,
    Participant,
)

CSV_COLUMNS = ("name", "category", "institution", "municipality", "roma_mediator",
               "municipality_had_mediators", "email", "phone", "consent", "consent_date")
GIVEN = (ConsentMethod.PAPER, ConsentMethod.ORALLY, ConsentMethod.PHONE)
TRUE_WORDS = {"1", "true", "yes", "jā", "ja", "x", "+"}
FALSE_WORDS = {"", "0", "false", "no", "nē", "ne", "-"}


def _announce(meeting_id: int) -> None:
    seq = meeting_next_seq(meeting_id=meeting_id)
    broadcast_on_commit(ProgrammeChanged(meeting_id=meeting_id, seq=seq))


def participant_save(*, meeting: Meeting, name: str, category: str,
                     participant: Participant | None = None, actor: Any = None,
                     **fields: Any) -> Participant:
    """Register a participant or change one; name + institution is unique per meeting."""
    name = name.strip()
    if not name:
        raise DomainError(_("A name is required."), field="name")
    if category not in CATEGORY_VALUES and category != NOT_STATED:
        raise DomainError(_("Choose a category."), field="category")
    clash = meeting.participants.filter(name=name,
                                        institution=fields.get("institution", ""))
    if participant is not None:
        clash = clash.exclude(pk=participant.pk)
    if clash.exists():
        raise DomainError(_("“%(name)s” is already registered.") % {"name": name},
                          field="name")
    with transaction.atomic():
        participant = participant or Participant(meeting=meeting)
        consent_before = participant.consent_method if participant.pk else ""
        participant.name, participant.category = name, category
        for field_name, value in fields.items():
            setattr(participant, field_name, value)
        given = _consent_recorded(participant, consent_before)
        participant.save()
        if given:
            _consent_audit(participant, ConsentEvent.Action.GIVEN, actor=actor,
                           by_person=participant.consent_method == ConsentMethod.PHONE)
        _announce(meeting.pk)
    return participant


def _consent_recorded(participant: Participant, before: str) -> bool:
    """A consent the facilitator records for a sensitive category gets a date; without
    one the phone asks at join (`needs_consent`). True when newly given."""
    if not participant.reveals_ethnic_origin:
        return False
    if participant.consent_method in GIVEN:
        participant.consent_at = participant.consent_at or timezone.now()
        participant.consent_withdrawn_at = None
        return participant.consent_method != before
    if not participant.consent_method:
        participant.consent_method = ConsentMethod.ASK_AT_JOIN
    return False


def _consent_audit(participant: Participant, action: str, *, actor: Any = None,
                   by_person: bool = False) -> None:
    ConsentEvent.objects.create(
        meeting_id=participant.meeting_id, participant=participant, action=action,
        method=participant.consent_method if action == ConsentEvent.Action.GIVEN else "",
        by_person=by_person,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        at=timezone.now())


def participant_consent_give(*, participant: Participant, by_person: bool = True,
                             method: str = ConsentMethod.PHONE,
                             actor: Any = None) -> Participant:
    """The person agrees (on their phone at join) that their category is recorded."""
    with transaction.atomic():
        participant.consent_method, participant.consent_at = method, timezone.now()
        participant.consent_withdrawn_at = None
        participant.save(update_fields=["consent_method", "consent_at",
                                        "consent_withdrawn_at", "updated_at"])
        _consent_audit(participant, ConsentEvent.Action.GIVEN, actor=actor,
                       by_person=by_person)
    return participant


def participant_consent_withdraw(*, participant: Participant, by_person: bool = False,
                                 actor: Any = None) -> Participant:
    """Consent withdrawn (or refused): the category that reveals ethnic origin and the
    mediator mark are removed from the person's data, and the withdrawal is audited."""
    with transaction.atomic():
        if participant.category in SENSITIVE_CATEGORIES:
            participant.category = NOT_STATED
        participant.is_roma_mediator = False
        participant.consent_method, participant.consent_at = "", None
        participant.consent_withdrawn_at = timezone.now()
        participant.save(update_fields=["category", "is_roma_mediator", "consent_method",
                                        "consent_at", "consent_withdrawn_at",
                                        "updated_at"])
        _consent_audit(participant, ConsentEvent.Action.WITHDRAWN, actor=actor,
                       by_person=by_person)
        _announce(participant.meeting_id)
    return participant


def participant_delete(*, participant: Participant) -> None:
    """Remove a registration (and with it the person's data) from the meeting; the
    meeting's stored report files that list names go with it."""
    meeting_id = participant.meeting_id
    with transaction.atomic():
        participant.delete()
        # reports builds on participants, so the model is looked up, not imported
        apps.get_model("reports", "ReportJob")._default_manager.filter(
            meeting_id=meeting_id, include_names=True).delete()
        _announce(meeting_id)


def _category(value: str) -> str | None:
    value = value.strip()
    if value in CATEGORY_VALUES:
        return value
    for code, label in CATEGORY_CHOICES:
        if value.lower() == str(label).lower():
            return code
    return None


def _flag(value: str) -> bool | None:
    value = value.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    return None


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    # Only the delimiter is guessed (Excel writes ";" in Latvian locales). Quoting is
    # Excel's: a sniffed header line cannot tell that "" inside quotes is one quote.
    try:
        delimiter = csv.Sniffer().sniff(text.splitlines()[0] if text else "",
                                        delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text), dialect=csv.excel, delimiter=delimiter)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, list(reader)


def participants_import_csv(*, meeting: Meeting, text: str) -> int:
    """Register every row of a CSV file, or none if any row is wrong; returns the count."""
    if has_control_chars(text):
        raise ImportRejected([control_chars_message()])
    header, rows = _rows(text.lstrip("\ufeff"))
    if "name" not in header or "category" not in header:
        raise ImportRejected([_("The first line must name the columns, at least “name” "
                                "and “category”; allowed: %(cols)s")
                              % {"cols": ", ".join(CSV_COLUMNS)}])
    unknown = [h for h in header if h not in CSV_COLUMNS]
    errors = [_("Unknown column “%(col)s”; allowed: %(cols)s")
              % {"col": col, "cols": ", ".join(CSV_COLUMNS)} for col in unknown]
    people: list[Participant] = []
    seen = set(meeting.participants.values_list("name", "institution"))
    for line, row in enumerate(rows, start=2):
        person, row_errors = _participant_from_row(meeting, row, line, seen)
        errors += row_errors
        if person is not None:
            people.append(person)
    if not people and not errors:
        errors.append(_("The file has no participants."))
    if errors:
        raise ImportRejected(errors)
    with transaction.atomic():
        Participant.objects.bulk_create(people)
        ConsentEvent.objects.bulk_create(
            ConsentEvent(meeting=meeting, participant=p, action=ConsentEvent.Action.GIVEN,
                         method=p.consent_method, at=p.consent_at or timezone.now())
            for p in people if p.reveals_ethnic_origin and p.consent_method in GIVEN)
        _announce(meeting.pk)
    return len(people)


def _participant_from_row(meeting: Meeting, row: dict[str, str], line: int,
                          seen: set[tuple[str, str]]) -> tuple[Participant | None, list[str]]:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    errors: list[str] = []
    where = _("line %(line)d") % {"line": line}
    if row.get(None):  # type: ignore[call-overload]
        errors.append(_("%(where)s: more cells than there are columns")
                      % {"where": where})
    category = _category(cell("category"))
    if not cell("name"):
        errors.append(_("%(where)s: the name is empty") % {"where": where})
    if category is None:
        errors.append(_("%(where)s: “%(value)s” is not a category; use one of: %(cats)s")
                      % {"where": where, "value": cell("category"),
                         "cats": ", ".join(CATEGORY_VALUES)})
    flags = {}
    for column in ("roma_mediator", "municipality_had_mediators"):
        flags[column] = _flag(cell(column))
        if flags[column] is None:
            errors.append(_("%(where)s: %(column)s must be yes or no")
                          % {"where": where, "column": column})
    consent, consent_at = _consent_cells(cell("consent"), cell("consent_date"))
    if consent is None:
        errors.append(_("%(where)s: consent must be one of: %(options)s")
                      % {"where": where, "options": ", ".join(CONSENT_WORDS)})
    if consent_at is False:
        errors.append(_("%(where)s: consent_date must be a date like 2017-05-24")
                      % {"where": where})
    key = (cell("name"), cell("institution"))
    if key in seen and cell("name"):
        errors.append(_("%(where)s: “%(name)s” is already registered")
                      % {"where": where, "name": key[0]})
    seen.add(key)
    if errors:
        return None, errors
    person = Participant(meeting=meeting, name=key[0], category=category or "",
                         institution=key[1], municipality=cell("municipality"),
                         is_roma_mediator=bool(flags["roma_mediator"]),
                         municipality_had_mediators=bool(
                             flags["municipality_had_mediators"]),
                         email=cell("email"), phone=cell("phone"),
                         consent_method=consent or "",
                         consent_at=consent_at if isinstance(consent_at, dt.datetime)
                         else None)
    _consent_recorded(person, "")
    return person, []


CONSENT_WORDS = ("paper", "oral", "phone", "ask")


def _consent_cells(method: str, date: str) -> tuple[str | None, dt.datetime | bool | None]:
    """The consent columns of a CSV row: (method or None if unknown, when or False if
    the date is unreadable)."""
    method = method.strip().lower()
    if method and method not in CONSENT_WORDS:
        return None, None
    if not date.strip():
        return method, None
    try:
        day = dt.date.fromisoformat(date.strip())
    except ValueError:
        return method, False
    return method, timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


def attendance_record(*, participant: Participant,
                      now: dt.datetime | None = None) -> Attendance:
    """The participant is recorded as present on today's local date, once per day."""
    now = now or timezone.now()
    attendance, _created = Attendance.objects.get_or_create(
        participant=participant, date=timezone.localdate(now),
        defaults={"first_seen_at": now})
    return attendance


_SEEN_TODAY: set[tuple[int, dt.date]] = set()  # per process: spares the query on reconnects


def attendance_record_seen(*, participant_id: int) -> None:
    """A returning phone (joined on an earlier day) counts as attending today."""
    attendance_record_seen_many(participant_ids=[participant_id])


def attendance_record_seen_many(*, participant_ids: Iterable[int]) -> None:
    """Returning phones count as attending today: one insert for a whole burst of
    connects (live/presence.py), none for a phone already recorded today."""
    today, now = timezone.localdate(), timezone.now()
    wanted = {pk for pk in participant_ids if (pk, today) not in _SEEN_TODAY}
    if not wanted:
        return
    # Someone erased between their connect and this write is skipped, not an error.
    existing = Participant.objects.filter(pk__in=wanted).values_list("pk", flat=True)
    Attendance.objects.bulk_create(
        [Attendance(participant_id=pk, date=today, first_seen_at=now) for pk in existing],
        ignore_conflicts=True)  # recorded already (the unique participant + date)
    _SEEN_TODAY.update((pk, today) for pk in wanted)


def participant_join(*, meeting: Meeting, participant_id: int) -> Participant:
    """A phone joins as a registered participant, who is then counted as present
    (and recorded as attending today)."""
    participant = meeting.participants.filter(pk=participant_id).first()
    if participant is None:
        raise DomainError(_("Pick your name from the list."), field="participant")
    with transaction.atomic():
        # Every join counts for today's attendance sheet, also on a later day of
        # a meeting the person already joined.
        attendance_record(participant=participant)
        if not participant.present:
            Participant.objects.filter(pk=participant.pk).update(present=True)
            participant.present = True
            # While groups are being formed the console lists who is present without a
            # group; elsewhere presence shows on no live screen, so 500 phones joining
            # do not make every screen re-sync 500 times.
            if Meeting.objects.filter(pk=meeting.pk,
                                      current_item__method="group_work").exists():
                _announce(meeting.pk)
    return participant


def participant_self_register(*, meeting: Meeting, name: str, category: str,
                              institution: str = "", device: str = "",
                              consent: bool = False) -> Participant:
    """Someone not on the list adds themself from their phone, present from today and
    held by that phone. A category that reveals ethnic origin needs their consent."""
    sensitive = category in SENSITIVE_CATEGORIES
    if sensitive and not consent:
        raise DomainError(_("Tick the box to agree, or choose another answer."),
                          field="consent")
    with transaction.atomic():
        participant = participant_save(
            meeting=meeting, name=name, category=category,
            institution=institution.strip(), present=True, device=device,
            bound_at=timezone.now() if device else None,
            consent_method=ConsentMethod.PHONE if sensitive else "")
        attendance_record(participant=participant)
    return participant
