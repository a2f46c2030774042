"""Registering participants: one at a time or from a CSV file, all or nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import ProgrammeChanged
from sanaksme.programme.domain.methods import CATEGORY_VALUES
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import meeting_next_seq

from .models import CATEGORY_CHOICES, Attendance, Participant

CSV_COLUMNS = ("name", "category", "institution", "municipality", "roma_mediator",
               "municipality_had_mediators", "email", "phone")
TRUE_WORDS = {"1", "true", "yes", "jā", "ja", "x", "+"}
FALSE_WORDS = {"", "0", "false", "no", "nē", "ne", "-"}


def _announce(meeting_id: int) -> None:
    seq = meeting_next_seq(meeting_id=meeting_id)
    broadcast_on_commit(ProgrammeChanged(meeting_id=meeting_id, seq=seq))


def participant_save(*, meeting: Meeting, name: str, category: str,
                     participant: Participant | None = None, **fields: Any) -> Participant:
    """Register a participant or change one; name + institution is unique per meeting."""
    name = name.strip()
    if not name:
        raise DomainError(_("A name is required."), field="name")
    if category not in CATEGORY_VALUES:
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
        participant.name, participant.category = name, category
        for field_name, value in fields.items():
            setattr(participant, field_name, value)
        participant.save()
        _announce(meeting.pk)
    return participant


def participant_delete(*, participant: Participant) -> None:
    """Remove a registration (and with it the person's data) from the meeting."""
    meeting_id = participant.meeting_id
    with transaction.atomic():
        participant.delete()
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
    try:
        dialect: Any = csv.Sniffer().sniff(text.splitlines()[0] if text else "",
                                           delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    return header, list(reader)


def participants_import_csv(*, meeting: Meeting, text: str) -> int:
    """Register every row of a CSV file, or none if any row is wrong; returns the count."""
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
    key = (cell("name"), cell("institution"))
    if key in seen and cell("name"):
        errors.append(_("%(where)s: “%(name)s” is already registered")
                      % {"where": where, "name": key[0]})
    seen.add(key)
    if errors:
        return None, errors
    return Participant(meeting=meeting, name=key[0], category=category or "",
                       institution=key[1], municipality=cell("municipality"),
                       is_roma_mediator=bool(flags["roma_mediator"]),
                       municipality_had_mediators=bool(flags["municipality_had_mediators"]),
                       email=cell("email"), phone=cell("phone")), []


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
    key = (participant_id, timezone.localdate())
    if key in _SEEN_TODAY:
        return
    Attendance.objects.get_or_create(participant_id=participant_id, date=key[1],
                                     defaults={"first_seen_at": timezone.now()})
    _SEEN_TODAY.add(key)


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
                              institution: str = "") -> Participant:
    """Someone not on the list adds themself from their phone, present from today."""
    with transaction.atomic():
        participant = participant_save(meeting=meeting, name=name, category=category,
                                       institution=institution.strip(), present=True)
        attendance_record(participant=participant)
    return participant
