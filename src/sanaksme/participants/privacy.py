"""One person's data across an organisation's meetings: export (GDPR art. 15) and
erasure (art. 17).

Participants are registered per meeting, so "a person" is every participant row of the
organisation's meetings with the same name (compared casefolded, with runs of spaces
collapsed) and, where both rows have one, the same e-mail.

Both functions reach every model that points at a participant through Django's own
relation list (`Participant._meta.related_objects`), so a table added later is exported
and erased without a change here. Erasure relies on each foreign key's `on_delete`:
SET_NULL where a row has text that belongs to the meeting (notes, replies, worksheet
lines, speaking turns keep their text and lose their author), CASCADE where the row
only says something about the person (attendance, raised hands, group memberships).
tests/security/test_privacy.py checks that no text-bearing table cascades.

This module writes to other apps' tables (speaking orders, report jobs) on purpose: an
erasure has to reach everything, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import ForeignObjectRel
from django.utils import timezone

from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import ProgrammeChanged
from sanaksme.programme.models import Meeting, Organisation
from sanaksme.programme.services import meeting_next_seq

from .models import Participant

EXPORT_SCHEMA = "sanaksme/person@1"
# Credentials and device ids are not the person's data but keys to it: never exported.
SECRET_WORDS = frozenset({"token", "secret", "pin", "password", "device"})


def person_key(name: str) -> str:
    """The form two names are compared in: NFC, casefolded, single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip().casefold()


def _same_email(a: str, b: str) -> bool:
    return not a or not b or a.strip().casefold() == b.strip().casefold()


def person_rows(*, organisation: Organisation, participant: Participant) -> list[Participant]:
    """Every participant row of `organisation`'s meetings that is this person."""
    key = person_key(participant.name)
    rows = Participant.objects.filter(meeting__organisation=organisation).select_related(
        "meeting").order_by("meeting__starts_on", "pk")
    return [p for p in rows
            if person_key(p.name) == key and _same_email(p.email, participant.email)]


def _relations() -> list[ForeignObjectRel]:
    """Every foreign key to Participant, from any app."""
    return [rel for rel in Participant._meta.related_objects
            if rel.field.many_to_one or rel.field.one_to_one]


def _label(rel: ForeignObjectRel) -> str:
    model = rel.related_model
    assert isinstance(model, type)  # noqa: S101 (narrowing for mypy: never a string here)
    return model._meta.label_lower


def _related(rel: ForeignObjectRel, ids: Iterable[int]) -> models.QuerySet[Any]:
    model = rel.related_model
    assert isinstance(model, type)  # noqa: S101 (narrowing for mypy: never a string here)
    rows = model._default_manager.filter(**{f"{rel.field.name}__in": list(ids)})
    if model._meta.label_lower == "boards.note":
        # An anonymous note was promised to stay anonymous, and this file passes
        # through the facilitator's hands: it is left out.
        rows = rows.filter(anonymous=False)
    return rows.order_by("pk")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return None
    return value


def _row(obj: models.Model) -> dict[str, Any]:
    """All stored fields of one row (foreign keys as ids), secrets left out."""
    return {field.attname: _plain(getattr(obj, field.attname))
            for field in obj._meta.concrete_fields
            if not SECRET_WORDS & set(field.name.split("_"))}


def person_export(*, organisation: Organisation, participant: Participant) -> dict[str, Any]:
    """Everything stored about the person in `organisation`, as a JSON-ready dict."""
    rows = person_rows(organisation=organisation, participant=participant)
    ids = [p.pk for p in rows]
    meetings = {p.meeting_id: p.meeting for p in rows}
    related: dict[str, list[dict[str, Any]]] = {}
    for rel in _relations():
        found = [_row(o) for o in _related(rel, ids)]
        related.setdefault(_label(rel), []).extend(found)
    return {
        "schema": EXPORT_SCHEMA,
        "exported_at": timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
        "organisation": organisation.name,
        "meetings": [{"id": m.pk, "slug": m.slug, "title": m.full_title,
                      "starts_on": m.starts_on.isoformat()} for m in meetings.values()],
        "participants": [_row(p) for p in rows],
        **{label: found for label, found in sorted(related.items()) if found},
    }


@dataclass(frozen=True)
class ErasurePlan:
    """What erasing a person changes: shown before, and recorded (as counts) after."""

    rows: tuple[Participant, ...]
    kept_without_author: dict[str, int]  # model label → rows that lose their author
    deleted: dict[str, int]  # model label → rows deleted with the person
    report_jobs: int

    @property
    def meetings(self) -> list[Meeting]:
        return list({p.meeting_id: p.meeting for p in self.rows}.values())

    @staticmethod
    def described(counts: dict[str, int]) -> list[tuple[str, int]]:
        """(the table's name in the current language, rows) for a page."""
        return [(str(apps.get_model(label)._meta.verbose_name_plural), count)
                for label, count in counts.items()]

    @property
    def kept_lines(self) -> list[tuple[str, int]]:
        return self.described(self.kept_without_author)

    @property
    def deleted_lines(self) -> list[tuple[str, int]]:
        return self.described(self.deleted)


def person_erasure_plan(*, organisation: Organisation,
                        participant: Participant) -> ErasurePlan:
    """What `person_erase` would do now (nothing is changed)."""
    rows = person_rows(organisation=organisation, participant=participant)
    ids = [p.pk for p in rows]
    kept: dict[str, int] = {}
    deleted: dict[str, int] = {}
    for rel in _relations():
        model = rel.related_model
        assert isinstance(model, type)  # noqa: S101 (narrowing for mypy)
        label = _label(rel)
        count = model._default_manager.filter(**{f"{rel.field.name}__in": ids}).count()
        if count:
            target = kept if rel.on_delete is models.SET_NULL else deleted
            target[label] = target.get(label, 0) + count
    jobs = _report_jobs(p.meeting_id for p in rows).count()
    return ErasurePlan(tuple(rows), kept, deleted, jobs)


def _report_jobs(meeting_ids: Iterable[int]) -> models.QuerySet[Any]:
    """Every stored report file of these meetings: any of them may name the person."""
    report_job = apps.get_model("reports", "ReportJob")
    jobs: models.QuerySet[Any] = report_job._default_manager.filter(
        meeting_id__in=set(meeting_ids))
    return jobs


def _drop_from_speaking_orders(meeting_ids: set[int], ids: set[int]) -> None:
    """Speaking orders keep participant ids in JSON lists: remove the person's."""
    round_model = apps.get_model("speaking", "Round")
    for round_ in round_model._default_manager.filter(meeting_id__in=meeting_ids):
        arranged = [pid for pid in round_.arranged if pid not in ids]
        skipped = [pid for pid in round_.skipped if pid not in ids]
        if (arranged, skipped) != (round_.arranged, round_.skipped):
            round_model._default_manager.filter(pk=round_.pk).update(
                arranged=arranged, skipped=skipped)


def person_erase(*, organisation: Organisation, participant: Participant,
                 by_user: Any) -> ErasurePlan:
    """Erase the person from every meeting of `organisation`, all or nothing: their
    rows go, what they wrote stays without an author, the meetings' stored report files
    are deleted, and an audit entry without the name records that it happened."""
    with transaction.atomic():
        plan = person_erasure_plan(organisation=organisation, participant=participant)
        ids = {p.pk for p in plan.rows}
        meeting_ids = {p.meeting_id for p in plan.rows}
        _drop_from_speaking_orders(meeting_ids, ids)
        _report_jobs(meeting_ids).delete()
        Participant.objects.filter(pk__in=ids).delete()
        _audit(plan, organisation, by_user)
        for meeting_id in sorted(meeting_ids):
            seq = meeting_next_seq(meeting_id=meeting_id)
            broadcast_on_commit(ProgrammeChanged(meeting_id=meeting_id, seq=seq))
    return plan


def _audit(plan: ErasurePlan, organisation: Organisation, by_user: Any) -> None:
    """Django's admin log: who erased, when, how much, and where — never whom."""
    summary = {
        "organisation": organisation.pk,
        "participant_rows": len(plan.rows),
        "meetings": sorted(m.pk for m in plan.meetings),
        "kept_without_author": plan.kept_without_author,
        "deleted": plan.deleted,
        "report_jobs_deleted": plan.report_jobs,
    }
    LogEntry.objects.create(
        user=by_user, content_type=ContentType.objects.get_for_model(Participant),
        object_id=None, object_repr="person erased (name not recorded)",
        action_flag=DELETION, change_message=json.dumps(summary, ensure_ascii=False))
