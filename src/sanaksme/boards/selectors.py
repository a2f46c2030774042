"""Reads for live screens (the whole current state, rebuilt from the database) and for
the designer (the previous meeting's suggestions)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from sanaksme.live.channel_groups import Audience
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem, Meeting

from .models import Note, Reply, Sheet, SuggestionUptake
from .services import written_time
from .uptake import suggestion_notes

NOTE_METHODS = (Method.BRAINSTORM.value, Method.FEEDBACK.value)


def sheets_state(item: AgendaItem, *, console: bool = False) -> list[dict[str, Any]]:
    """The item's sheets as a live screen shows them: JSON-safe, no participant names.

    The console also gets hidden and merged notes (to undo them) and unrevealed sheets;
    the projector and phones get only what the room may see. A read: it shows the
    sheets that exist (they are made when the item opens: boards/live.py).
    """
    sheets = sorted(item.sheets.all(), key=lambda s: s.position)
    visible = [s for s in sheets if console or s.revealed]
    notes = Note.objects.filter(sheet__in=visible).order_by("seq")
    children = Note.objects.filter(sheet__in=visible, merged_into__isnull=False,
                                   hidden=False)
    if not console:
        notes = notes.filter(hidden=False, merged_into__isnull=True)
        held = [s.pk for s in visible if not s.visit_revealed]  # the visit's, not yet
        notes = notes.exclude(sheet__in=held, from_visit=True)
        children = children.exclude(sheet__in=held, from_visit=True)
    merged = Counter(children.values_list("merged_into_id", flat=True))
    replies = _replies(Reply.objects.filter(note__sheet__in=visible))
    by_sheet: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for note in notes.values(*NOTE_FIELDS):
        by_sheet[note["sheet_id"]].append(note_entry(
            note, merged=merged.get(note["id"], 0), replies=replies.get(note["id"], []),
            console=console))
    return [_sheet(s, by_sheet[s.pk]) for s in sheets]


NOTE_FIELDS = ("id", "sheet_id", "column", "text", "seq", "hidden", "hidden_reason",
               "merged_into_id", "from_visit", "written_at")


def note_entry(note: dict[str, Any], *, merged: int, replies: list[dict[str, str]],
               console: bool) -> dict[str, Any]:
    """One note as a live screen's state shows it (`note` holds NOTE_FIELDS); the
    console's entry also says whether it is hidden, why, and what it is merged into.
    `from_visit`: an observation from the site visit, `written_at` when (ISO 8601)."""
    entry = {"id": note["id"], "column": note["column"], "text": note["text"],
             "seq": note["seq"], "merged": merged, "replies": replies,
             "from_visit": note["from_visit"],
             "written_at": written_time(note["written_at"])}
    if console:
        entry.update(hidden=note["hidden"], reason=note["hidden_reason"],
                     merged_into=note["merged_into_id"])
    return entry


def note_entries(note_ids: Iterable[int], *, console: bool) -> list[dict[str, Any]]:
    """These notes as `sheets_state` shows them (for `boards.note_changed`), in seq order.

    The room's entries (console=False) add `visible`: false means the note is hidden or
    merged, so the room's screens remove it."""
    ids = set(note_ids)
    merged = Counter(Note.objects.filter(merged_into__in=ids, hidden=False)
                     .values_list("merged_into_id", flat=True))
    replies = _replies(Reply.objects.filter(note__in=ids))
    entries = []
    for note in Note.objects.filter(pk__in=ids).order_by("seq").values(*NOTE_FIELDS):
        entry = note_entry(note, merged=merged.get(note["id"], 0),
                           replies=replies.get(note["id"], []), console=console)
        if not console:
            entry["visible"] = not note["hidden"] and note["merged_into_id"] is None
        entries.append(entry)
    return entries


def _replies(replies: QuerySet[Reply]) -> dict[int, list[dict[str, str]]]:
    found: dict[int, list[dict[str, str]]] = defaultdict(list)
    for reply in replies.order_by("seq").values("note_id", "kind", "text"):
        found[reply["note_id"]].append({"kind": reply["kind"],
                                        "label": option_label(reply["kind"]),
                                        "text": reply["text"]})
    return found


def _sheet(sheet: Sheet, notes: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": sheet.pk, "key": sheet.key, "title": sheet.title,
            "revealed": sheet.revealed, "visit_revealed": sheet.visit_revealed,
            "columns": [{"key": c, "label": option_label(c)} for c in sheet.columns],
            "notes": notes}


def _hhmm(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def visit_state(meeting: Meeting, item: AgendaItem, audience: Audience) -> dict[str, Any]:
    """A site-visit item as a live screen shows it (the `visit` part): the place, the
    day's visits with this one marked, the departure (this visit's end) and the next
    visit, the site's sheet (None: no brainstorm lists the site), whether observations
    are accepted now; a phone's `mine` is filled per phone (boards/live.py), the
    console gets `notes`: how many observations the sheet has from the visit."""
    from .visits import visit_sheet, window_open  # visits imports the services

    key = str(item.params.get("site") or "")
    sites = {s.key: s for s in meeting.sites.all()}
    site = sites.get(key)
    day = [i for i in item.day.items.order_by("position", "id")
           if i.method == Method.SITE_VISIT.value]

    def site_name(visit: AgendaItem) -> str:
        found = sites.get(str(visit.params.get("site") or ""))
        return found.name if found is not None else ""

    later = [v for v in day if (v.position, v.pk) > (item.position, item.pk)]
    after = later[0] if later else None
    sheet = visit_sheet(item)
    state: dict[str, Any] = {
        "item_id": item.pk,
        "site": {"key": key, "name": site.name if site else key,
                 "address": site.address if site else "",
                 "host": getattr(site, "host", "") or "",
                 "look_for": getattr(site, "look_for", "") or ""},
        "starts": _hhmm(item.starts_at), "ends": _hhmm(item.ends_at),
        "schedule": [{"item_id": v.pk, "title": v.title, "site": site_name(v),
                      "starts": _hhmm(v.starts_at), "ends": _hhmm(v.ends_at),
                      "current": v.pk == item.pk} for v in day],
        "departure": _hhmm(item.ends_at),
        "next": None if after is None else {"title": after.title, "site": site_name(after),
                                            "starts": _hhmm(after.starts_at)},
        "sheet": None if sheet is None else {
            "id": sheet.pk, "title": sheet.title, "columns": list(sheet.columns),
            "labels": {c: option_label(c) for c in sheet.columns}},
        "open": sheet is not None and window_open(sheet, meeting=meeting),
    }
    if audience is Audience.PHONE:
        state["mine"] = []  # each phone's own: boards/live.py
    if audience is Audience.CONSOLE:
        state["notes"] = (0 if sheet is None else
                          Note.objects.filter(sheet=sheet, from_visit=True,
                                              hidden=False).count())
    return state


# What the projector shows of a board (Meeting.projector_view, set from the console):
# every sheet in turn, one sheet, or one column of one sheet.
PROJECTOR_MODES = ("all", "sheet", "column")


def projector_view_state(stored: Any, sheets: Iterable[Sheet]) -> dict[str, Any]:
    """The stored projector view checked against the item's sheets: a sheet or column
    that is not there (any more) falls back to every sheet in turn."""
    everything = {"mode": "all", "sheet": None, "column": None}
    if not isinstance(stored, dict) or stored.get("mode") not in PROJECTOR_MODES[1:]:
        return everything
    sheet = next((s for s in sheets if s.pk == stored.get("sheet")), None)
    if sheet is None:
        return everything
    if stored["mode"] == "sheet":
        return {"mode": "sheet", "sheet": sheet.pk, "column": None}
    if stored.get("column") not in sheet.columns:
        return everything
    return {"mode": "column", "sheet": sheet.pk, "column": stored["column"]}


@dataclass(frozen=True)
class SuggestionState:
    note_id: int
    text: str
    merged: tuple[str, ...]  # notes merged into this one, word for word
    taken: bool
    comment: str


@dataclass(frozen=True)
class PreviousSuggestions:
    previous: Meeting
    suggestions: tuple[SuggestionState, ...]


def previous_meeting(meeting: Meeting) -> Meeting | None:
    """The meeting of the same series and organisation that started last before this one."""
    if meeting.series_id is None:
        return None
    return (Meeting.objects.filter(series_id=meeting.series_id,
                                   organisation_id=meeting.organisation_id,
                                   starts_on__lt=meeting.starts_on)
            .exclude(pk=meeting.pk).order_by("-starts_on", "-pk").first())


def suggestions_for_next(meeting: Meeting) -> PreviousSuggestions | None:
    """The previous meeting of the series and its visible next-meeting suggestions, each
    with whether `meeting` took it up; None when there is no previous meeting."""
    previous = previous_meeting(meeting)
    if previous is None:
        return None
    notes = list(suggestion_notes().filter(meeting=previous).order_by("seq", "pk"))
    merged: dict[int, list[str]] = defaultdict(list)
    for target, text in (Note.objects.filter(merged_into__in=notes, hidden=False)
                         .order_by("seq").values_list("merged_into_id", "text")):
        merged[target].append(text)
    uptakes = {u.note_id: u for u in SuggestionUptake.objects.filter(meeting=meeting,
                                                                     note__in=notes)}
    return PreviousSuggestions(previous=previous, suggestions=tuple(
        SuggestionState(note_id=n.pk, text=n.text, merged=tuple(merged.get(n.pk, [])),
                        taken=n.pk in uptakes,
                        comment=uptakes[n.pk].comment if n.pk in uptakes else "")
        for n in notes))
