"""The whole meeting as one JSON-ready dict (`meeting_export`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from sanaksme.programme.models import Meeting

from .nested import remap
from .spec import NESTED, SCHEMA, SECTIONS, Table, tables, target

Ids = dict[str, dict[int, int]]  # table → database id → id in the file


def meeting_export(meeting: Meeting, *, include_names: bool = False,
                   include_affiliations: bool = False) -> dict[str, Any]:
    """Everything needed to rebuild `meeting` elsewhere, with ids local to the file.

    Without `include_names` participants are "Participant 7" (numbered as in the file)
    with no e-mail or phone, and, unless `include_affiliations` asks for them, no
    institution, municipality or mediator marks either (together with the category
    they would point to a person). No anonymous note points to its author.
    """
    rows: dict[str, list[models.Model]] = {
        t.name: list(t.scope(meeting).order_by("pk")) for t in tables() if t.scope}
    ids: Ids = {name: {obj.pk: i for i, obj in enumerate(objs, start=1)}
                for name, objs in rows.items()}
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "exported_at": timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
        "names_included": include_names,
        "organisation": _row(SECTIONS["organisation"], meeting.organisation, ids),
        "project": _row(SECTIONS["project"], meeting.project, ids)
        if meeting.project else None,
        "series": _row(SECTIONS["series"], meeting.series, ids) if meeting.series else None,
        "meeting": _row(SECTIONS["meeting"], meeting, ids),
    }
    for table in tables():
        if table.scope is None:
            continue
        data[table.name] = [{"id": ids[table.name][obj.pk], **_row(table, obj, ids)}
                            for obj in rows[table.name]]
    _protect(data, include_names, include_affiliations, meeting.language)
    return data


def _row(table: Table, obj: models.Model, ids: Ids) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for name in table.fields:
        field = table.model_field(name)
        value = getattr(obj, field.attname)
        to = target(table, name)
        kind = table.json.get(name, "")
        if kind in NESTED:
            row[name] = remap(kind, value, lambda v: _factor(ids, v),
                              lambda v: ids["themes"].get(v))
        elif to is not None and kind.startswith("refs:"):
            row[name] = [ids[to][v] for v in value if v in ids[to]]
        elif to is not None:
            row[name] = None if value is None else ids[to].get(value)
        else:
            row[name] = _plain(value)
    return row


def _factor(ids: Ids, value: Any) -> int | None:
    """The file id of a factor named as the engine keeps it ("17"), if it has one."""
    if not isinstance(value, str) or not value.isdigit():
        return None
    return ids["factors"].get(int(value))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _protect(data: dict[str, Any], include_names: bool, include_affiliations: bool,
             language: str) -> None:
    """No author behind an anonymous note; without names, pseudonyms and no contacts;
    without affiliations asked for, no institution, municipality or mediator marks."""
    for note in data["notes"]:
        if note["anonymous"]:
            note["author"] = None
    if include_names:
        return
    with translation.override(language):
        for person in data["participants"]:
            person["name"] = _("Participant %(number)d") % {"number": person["id"]}
            person["email"] = person["phone"] = ""
            if not include_affiliations:
                person["institution"] = person["municipality"] = ""
                person["is_roma_mediator"] = False
                person["municipality_had_mediators"] = False
