"""Rebuild a meeting from its file (`meeting_import`): checked first, then one transaction."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import ImportRejected
from sanaksme.core.jsonsafe import JsonTooDeepError, loads_bounded
from sanaksme.core.text import contains_control_chars, control_chars_message
from sanaksme.programme.models import Meeting, Organisation, Project, Series

from .checks import CheckedFile, Row, check_file
from .nested import remap
from .spec import NESTED, Table, is_deferred, tables, target

Pks = dict[str, dict[int, int]]  # table → id in the file → new database id
MAX_JSON_DEPTH = 16  # a meeting file nests four levels; far deeper is an attack
AUTO_TIMES = ("created_at", "at")  # set by the database on create: restored after


def meeting_import(data: dict[str, Any] | str, *, slug: str | None = None,
                   organisation: Organisation | None = None) -> Meeting:
    """Create the meeting of a `sanaksme/meeting@3`, `@2` or `@1` file, all or nothing.

    The file is checked completely first; any problem raises `ImportRejected` (a
    `DomainError`) listing them all, and nothing is written. An existing short name is
    refused unless `slug` gives a new one. The new meeting gets a new join code and
    projector token; its event numbers continue after the imported ones. With
    `organisation` it lands there, else in the file's organisation (made if missing).
    """
    if isinstance(data, str):
        try:
            data = loads_bounded(data, max_depth=MAX_JSON_DEPTH)
        except JsonTooDeepError:
            raise ImportRejected([_("The file is nested more deeply than a meeting "
                                    "file ever is.")]) from None
        except ValueError as exc:
            raise ImportRejected([_("The file is not valid JSON: %(problem)s")
                                  % {"problem": exc}]) from exc
    if contains_control_chars(data):
        raise ImportRejected([control_chars_message()])
    checked = check_file(data, slug=slug)
    meeting_fields = checked.sections["meeting"] or {}
    with transaction.atomic():
        if Meeting.objects.filter(slug=meeting_fields["slug"]).exists():
            raise ImportRejected([_("slug: a meeting “%(slug)s” already exists; choose "
                                    "another short name") % {"slug": meeting_fields["slug"]}])
        try:
            with transaction.atomic():
                return _write(checked, organisation)
        except IntegrityError as exc:
            raise ImportRejected([_("The file contradicts itself (a value that must be "
                                    "unique is repeated); nothing was imported.")]) from exc


def _write(checked: CheckedFile, organisation: Organisation | None) -> Meeting:
    meeting = _meeting(checked, organisation)
    pks: Pks = {}
    made: dict[str, list[models.Model]] = {}
    for table in tables():
        rows = checked.rows[table.name]
        objs = [_build(table, row, pks, meeting) for row in rows]
        table.model._default_manager.bulk_create(objs)
        pks[table.name] = {row["id"]: obj.pk for row, obj in zip(rows, objs, strict=True)}
        made[table.name] = objs
        _restore_times(table, rows, objs)
    for table in tables():
        _link_later(table, checked.rows[table.name], made[table.name], pks)
    fields = checked.sections["meeting"] or {}
    seqs = [r["seq"] for name in ("notes", "replies") for r in checked.rows[name]]
    Meeting.objects.filter(pk=meeting.pk).update(
        current_item_id=_pk(pks, "items", fields["current_item"]),
        last_seq=max([fields["last_seq"] or 0, *seqs]),
        **({"created_at": fields["created_at"]} if fields["created_at"] else {}))
    meeting.refresh_from_db()
    return meeting


def _meeting(checked: CheckedFile, organisation: Organisation | None) -> Meeting:
    s = checked.sections
    org = organisation or Organisation.objects.get_or_create(
        name=(s["organisation"] or {})["name"])[0]
    project = None
    if s["project"]:
        p = s["project"]
        project = Project.objects.get_or_create(
            organisation=org, name=p["name"],
            defaults={k: v for k, v in p.items() if k != "name"})[0]
    series = None
    if s["series"]:
        series = _own_series(org, s["series"]["slug"], s["series"]["title"])
    fields = {k: v for k, v in (s["meeting"] or {}).items()
              if k not in ("current_item", "last_seq", "created_at")}
    return Meeting.objects.create(organisation=org, project=project, series=series,
                                  **fields)


def _own_series(org: Organisation, slug: str, title: str) -> Series:
    """The organisation's series of this short name; when another organisation has the
    name, the copy gets a series of its own ("slug-2" …): series never cross walls."""
    for n in range(1, 1000):
        candidate = slug if n == 1 else f"{slug[:75]}-{n}"
        series, _created = Series.objects.get_or_create(
            slug=candidate, defaults={"organisation": org, "title": title})
        if series.organisation_id == org.pk:
            return series
    raise ImportRejected([_("series.slug: the short name “%(slug)s” is taken; "
                            "choose another one") % {"slug": slug}])


def _pk(pks: Pks, table: str, value: int | None) -> int | None:
    return None if value is None else pks[table][value]


def _build(table: Table, row: Row, pks: Pks, meeting: Meeting) -> models.Model:
    values: dict[str, Any] = {}
    if "meeting" not in table.fields and _has_field(table.model, "meeting"):
        values["meeting_id"] = meeting.pk
    for name in table.fields:
        to = target(table, name)
        if name in AUTO_TIMES or (to is not None and is_deferred(table, name)):
            continue
        value = row[name]
        field = table.model_field(name)
        kind = table.json.get(name, "")
        if kind in NESTED:
            value = remap(kind, value, lambda v: str(pks["factors"][v]),
                          lambda v: pks["themes"][v])
        elif to is not None and kind.startswith("refs:"):
            value = [pks[to][v] for v in value]
        elif to is not None:
            value = _pk(pks, to, value)
        values[field.attname] = value
    return table.model(**values)


def _has_field(model: type[models.Model], name: str) -> bool:
    return any(f.name == name for f in model._meta.get_fields())


def _restore_times(table: Table, rows: list[Row], objs: list[models.Model]) -> None:
    """auto_now_add stamped "now" on create: put the exported times back."""
    names = [n for n in AUTO_TIMES if n in table.fields]
    changed = []
    for row, obj in zip(rows, objs, strict=True):
        given = [name for name in names if row[name] is not None]
        for name in given:
            setattr(obj, name, row[name])
        if given:
            changed.append(obj)
    if changed and names:
        table.model._default_manager.bulk_update(changed, names, batch_size=500)


def _link_later(table: Table, rows: list[Row], objs: list[models.Model], pks: Pks) -> None:
    """References to rows made after this one (a note merged into a later note, a
    round's current turn), set once every row exists."""
    later = [n for n in table.fields if target(table, n) and is_deferred(table, n)]
    if not later or not objs:
        return
    for row, obj in zip(rows, objs, strict=True):
        for name in later:
            to = target(table, name) or ""
            setattr(obj, table.model_field(name).attname, _pk(pks, to, row[name]))
    table.model._default_manager.bulk_update(
        objs, [table.model_field(n).name for n in later], batch_size=500)
