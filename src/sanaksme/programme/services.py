"""Every change to a programme goes through these functions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import CurrentItemChanged, ProgrammeChanged
from sanaksme.participants.models import Participant

from .domain.methods import Method, clean_params, default_params
from .models import (
    AgendaItem,
    Day,
    ItemRun,
    Meeting,
    Organisation,
    Project,
    Series,
    Site,
)
from .selectors import meeting_run_data
from .yaml_io import ProgrammeFile, param_message, parse_programme


def _changed(meeting_id: int) -> None:
    """Announce a programme edit with the meeting's next sequence number."""
    seq = meeting_next_seq(meeting_id=meeting_id)
    broadcast_on_commit(ProgrammeChanged(meeting_id=meeting_id, seq=seq))


def _check_walls(organisation: Organisation, fields: dict[str, Any]) -> None:
    """A meeting may join only its own organisation's series and projects."""
    for name in ("series", "project"):
        owner = getattr(fields.get(name), "organisation_id", organisation.pk)
        if owner != organisation.pk:
            raise DomainError(_("That choice belongs to another organisation."), field=name)


def meeting_create(*, organisation: Organisation, slug: str, title: str, place: str,
                   starts_on: dt.date, ends_on: dt.date, language: str = "lv",
                   **fields: Any) -> Meeting:
    """A new meeting with one day per date from `starts_on` to `ends_on`."""
    _check_walls(organisation, fields)
    if ends_on < starts_on:
        raise DomainError(_("The last day is before the first day."), field="ends_on")
    if Meeting.objects.filter(slug=slug).exists():
        raise DomainError(_("A meeting with the short name “%(slug)s” already exists.")
                          % {"slug": slug}, field="slug")
    with transaction.atomic():
        meeting = Meeting.objects.create(
            organisation=organisation, slug=slug, title=title, place=place,
            starts_on=starts_on, ends_on=ends_on, language=language, **fields)
        day = starts_on
        while day <= ends_on:
            Day.objects.create(meeting=meeting, date=day)
            day += dt.timedelta(days=1)
    return meeting


def meeting_update(*, meeting: Meeting, **fields: Any) -> Meeting:
    """Change a meeting's details; days outside the new dates are refused."""
    _check_walls(meeting.organisation, fields)
    starts = fields.get("starts_on", meeting.starts_on)
    ends = fields.get("ends_on", meeting.ends_on)
    if ends < starts:
        raise DomainError(_("The last day is before the first day."), field="ends_on")
    outside = meeting.days.exclude(date__range=(starts, ends)).filter(items__isnull=False)
    if outside.exists():
        raise DomainError(_("Day %(date)s has agenda items and would fall outside the "
                            "meeting; move or remove them first.")
                          % {"date": outside.first().date.isoformat()},  # type: ignore[union-attr]
                          field="starts_on")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(meeting, name, value)
        meeting.save()
        meeting.days.exclude(date__range=(starts, ends)).delete()
        day = starts
        while day <= ends:
            Day.objects.get_or_create(meeting=meeting, date=day)
            day += dt.timedelta(days=1)
        _changed(meeting.pk)
    return meeting


def _check_item_params(meeting: Meeting, method: Method,
                       params: dict[str, Any]) -> dict[str, Any]:
    site_keys = frozenset(meeting.sites.values_list("key", flat=True))
    cleaned, errors = clean_params(method, params, site_keys=site_keys)
    if errors:
        raise DomainError("; ".join(f"{e.param}: {param_message(e)}" for e in errors),
                          field=f"param_{errors[0].param}")
    return cleaned


def agenda_item_create(*, day: Day, title: str, method: Method,
                       params: dict[str, Any] | None = None,
                       starts_at: dt.time | None = None, ends_at: dt.time | None = None,
                       **fields: Any) -> AgendaItem:
    """Append an item to a day, with the method's defaults for missing parameters."""
    cleaned = _check_item_params(day.meeting, method,
                                 default_params(method) | (params or {}))
    with transaction.atomic():
        last = day.items.aggregate(m=Max("position"))["m"]
        item = AgendaItem.objects.create(
            day=day, title=title, method=method.value, params=cleaned,
            starts_at=starts_at, ends_at=ends_at,
            position=0 if last is None else last + 1, **fields)
        _changed(day.meeting_id)
    return item


def agenda_item_update(*, item: AgendaItem, method: Method | None = None,
                       params: dict[str, Any] | None = None, **fields: Any) -> AgendaItem:
    """Change an item; when the method changes, parameters start from its defaults."""
    meeting = item.day.meeting
    new_method = method or Method(item.method)
    base = item.params if new_method.value == item.method else default_params(new_method)
    cleaned = _check_item_params(meeting, new_method, base | (params or {}))
    if "day" in fields and fields["day"].meeting_id != meeting.pk:
        raise DomainError(_("That day belongs to another meeting."), field="day")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(item, name, value)
        item.method = new_method.value
        item.params = cleaned
        item.save()
        _changed(meeting.pk)
    return item


def agenda_item_move(*, item: AgendaItem, offset: int) -> AgendaItem:
    """Move an item up (negative) or down (positive) within its day."""
    with transaction.atomic():
        items = list(item.day.items.order_by("position", "id"))
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        for position, other in enumerate(items):
            if other.position != position:
                AgendaItem.objects.filter(pk=other.pk).update(position=position)
        _changed(item.day.meeting_id)
    item.refresh_from_db()
    return item


def agenda_item_delete(*, item: AgendaItem) -> None:
    """Remove an item from the plan (before the meeting runs)."""
    meeting_id = item.day.meeting_id
    with transaction.atomic():
        item.delete()
        _changed(meeting_id)


def site_save(*, meeting: Meeting, key: str, name: str, site: Site | None = None,
              **fields: Any) -> Site:
    """Create or change a visit site; keys are unique within the meeting."""
    clash = meeting.sites.filter(key=key)
    if site is not None:
        clash = clash.exclude(pk=site.pk)
    if clash.exists():
        raise DomainError(_("Another site already has the key “%(key)s”.") % {"key": key},
                          field="key")
    with transaction.atomic():
        site = site or Site(meeting=meeting,
                            position=meeting.sites.count())
        site.key, site.name = key, name
        for field_name, value in fields.items():
            setattr(site, field_name, value)
        site.save()
        _changed(meeting.pk)
    return site


# Import ---------------------------------------------------------------------------


def programme_import(*, text: str, replace: bool = False,
                     organisation: Organisation | None = None,
                     backup: Callable[[Meeting], object] | None = None) -> Meeting:
    """Create (or with `replace`, rebuild) a meeting from a programme file, all or nothing.

    With `organisation`, the meeting lands there whatever the file says, and only that
    organisation's meetings can be replaced; without it (the CLI), the file's
    organisation is used. A meeting that has run (notes, replies, attendance …) is
    replaced only with `backup`, which is called first, inside the same transaction,
    with the meeting about to go (the CLI writes the whole-meeting JSON file there).
    """
    parsed = parse_programme(text)
    slug = parsed.meeting["slug"]
    with transaction.atomic():
        existing = Meeting.objects.filter(slug=slug).first()
        if existing and organisation and existing.organisation_id != organisation.pk:
            raise ImportRejected([_("meeting.slug: the short name “%(slug)s” is taken; "
                                    "choose another one") % {"slug": slug}])
        if existing and not replace:
            raise ImportRejected([_("meeting.slug: a meeting “%(slug)s” already exists; "
                                    "choose another short name or replace it")
                                  % {"slug": slug}])
        if existing:
            _before_replace(existing, backup)
            existing.delete()
        meeting = _write(parsed, organisation)
        _changed(meeting.pk)
        meeting.refresh_from_db(fields=["last_seq"])
    return meeting


def _before_replace(meeting: Meeting, backup: Callable[[Meeting], object] | None) -> None:
    """Refuse to wipe a meeting that has run, unless it is backed up first."""
    run = meeting_run_data(meeting)
    if run and backup is None:
        raise ImportRejected([_("meeting.slug: the meeting “%(slug)s” has been run "
                                "(%(data)s); replacing it would delete what people wrote. "
                                "Import the file under another short name, or ask the "
                                "administrator to replace it with a backup first.")
                              % {"slug": meeting.slug,
                                 "data": ", ".join(f"{name}: {count}"
                                                   for name, count in run.items())}])
    if backup is not None:
        backup(meeting)


def _write(parsed: ProgrammeFile, organisation: Organisation | None) -> Meeting:
    org = organisation or Organisation.objects.get_or_create(
        name=parsed.organisation["name"])[0]
    project = None
    if parsed.project:
        p = parsed.project
        project, _created = Project.objects.update_or_create(
            organisation=org, name=p["name"],
            defaults={"number": p["number"] or "", "funding_programme": p["programme"] or "",
                      "acknowledgement": p["acknowledgement"] or "",
                      "disclaimer": p["disclaimer"] or ""})
    series = None
    if parsed.series:
        series, _created = Series.objects.get_or_create(
            slug=parsed.series["slug"],
            defaults={"organisation": org, "title": parsed.series["title"]})
        if series.organisation_id != org.pk:  # short names are global; data is not
            raise ImportRejected([_("series.slug: the short name “%(slug)s” is taken; "
                                    "choose another one") % {"slug": series.slug}])
    m = parsed.meeting
    meeting = Meeting.objects.create(
        organisation=org, project=project, series=series, slug=m["slug"],
        ordinal=m["ordinal"] or "", title=m["title"], language=m["language"],
        place=m["place"], starts_on=m["starts"], ends_on=m["ends"], goal=m["goal"] or "",
        tasks=m["tasks"], participants_description=m["participants"] or "",
        plan=m["plan"] or "", structure=m["structure"] or "", easy_mode=m["easy_mode"],
        languages=m["languages"])
    Site.objects.bulk_create(
        Site(meeting=meeting, position=i, key=s["key"], name=s["name"],
             address=s["address"] or "", host=s["host"] or "",
             description=s["description"] or "", look_for=s["look_for"] or "")
        for i, s in enumerate(parsed.sites))
    _write_days(meeting, parsed.days)
    Participant.objects.bulk_create(
        Participant(meeting=meeting, name=p["name"], category=p["category"],
                    institution=p["institution"] or "", municipality=p["municipality"] or "",
                    is_roma_mediator=bool(p["roma_mediator"]),
                    municipality_had_mediators=bool(p["municipality_had_mediators"]),
                    email=p["email"] or "", phone=p["phone"] or "")
        for p in parsed.participants)
    return meeting


def _write_days(meeting: Meeting, days: list[dict[str, Any]]) -> None:
    listed = {d["date"] for d in days}
    for d in days:
        day = Day.objects.create(meeting=meeting, date=d["date"], title=d["title"] or "",
                                 description=d["description"] or "",
                                 starts_at=d["starts"], ends_at=d["ends"])
        AgendaItem.objects.bulk_create(
            AgendaItem(day=day, position=i, starts_at=it["start"], ends_at=it["end"],
                       title=it["title"], method=it["method"], params=it["params"],
                       description=it["description"] or "", location=it["location"] or "",
                       materials=it["materials"])
            for i, it in enumerate(d["items"]))
    current = meeting.starts_on
    while current <= meeting.ends_on:
        if current not in listed:
            Day.objects.create(meeting=meeting, date=current)
        current += dt.timedelta(days=1)


def day_update(*, day: Day, **fields: Any) -> Day:
    """Change a day's title, description and hours."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(day, name, value)
        day.save()
        _changed(day.meeting_id)
    return day


def organisation_for(user: Any) -> Organisation:
    """The facilitator's organisation; a personal one is made for someone with none."""
    organisation: Organisation | None = user.organisations.order_by("pk").first()
    if organisation is None:
        name, n = user.get_username(), 1
        while Organisation.objects.filter(name=name).exists():
            n += 1
            name = f"{user.get_username()} ({n})"
        organisation = Organisation.objects.create(name=name)
        organisation.members.add(user)
    return organisation


def meeting_next_seq(*, meeting_id: int) -> int:
    """Take the meeting's next event number; call inside the writing transaction.

    One statement (UPDATE … RETURNING: SQLite ≥ 3.35 and PostgreSQL), so the row lock
    is taken and the number read at once.
    """
    table = connection.ops.quote_name(Meeting._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET last_seq = last_seq + 1 "  # noqa: S608 (no user input)
                       "WHERE id = %s RETURNING last_seq", [meeting_id])
        row = cursor.fetchone()
    if row is None:
        raise DomainError(_("The meeting no longer exists."))
    return int(row[0])


def _item_run_switch(*, meeting: Meeting, item: AgendaItem | None) -> None:
    """Close the open run of the meeting and open one for `item` (the programme as run)."""
    now = timezone.now()
    open_runs = ItemRun.objects.filter(meeting=meeting, ended_at__isnull=True)
    if item is not None and open_runs.filter(item=item).exists():
        return  # the same item again: it keeps running
    open_runs.update(ended_at=now)
    if item is not None:
        ItemRun.objects.create(meeting=meeting, item=item, started_at=now)


def meeting_set_current_item(*, meeting: Meeting, item: AgendaItem | None) -> Meeting:
    """Put an agenda item (or nothing) on every live screen of the meeting."""
    if item is not None and item.day.meeting_id != meeting.pk:
        raise DomainError(_("That agenda item belongs to another meeting."))
    with transaction.atomic():
        seq = meeting_next_seq(meeting_id=meeting.pk)
        Meeting.objects.filter(pk=meeting.pk).update(current_item=item)
        _item_run_switch(meeting=meeting, item=item)
        meeting.current_item, meeting.last_seq = item, seq
        broadcast_on_commit(CurrentItemChanged(meeting_id=meeting.pk, seq=seq,
                                               item_id=item.pk if item else None))
    return meeting


def meeting_close(*, meeting: Meeting, now: dt.datetime | None = None) -> Meeting:
    """Close the meeting: its join code and personal links stop working, and phones
    are refused when they reconnect."""
    with transaction.atomic():
        meeting.closed_at = now or timezone.now()
        Meeting.objects.filter(pk=meeting.pk).update(closed_at=meeting.closed_at)
        _changed(meeting.pk)
    return meeting


def meeting_reopen(*, meeting: Meeting) -> Meeting:
    """Open a closed meeting again: the same code and links work again."""
    with transaction.atomic():
        meeting.closed_at = None
        Meeting.objects.filter(pk=meeting.pk).update(closed_at=None)
        _changed(meeting.pk)
    return meeting
