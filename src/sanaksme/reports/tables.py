"""The data-export tables: notes, replies, factors, solutions and themes as plain rows.

Rows hold stable codes (``positive``, ``roma_community``, ``common``) and ISO times in
Europe/Riga; `COLUMNS` gives each table's stable keys with translated headers, and
`value_label` turns a code into words for the XLSX. Privacy: without `include_names` no
row has a name column at all; the author's category is given instead, never for an
anonymous note.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Literal
from zoneinfo import ZoneInfo

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanaksme.boards.models import Note, Reply, Sheet
from sanaksme.core.dates import format_date_range
from sanaksme.groups.domain.worksheet import shares
from sanaksme.groups.models import (
    KIND_CHOICES,
    Factor,
    Group,
    GroupSet,
    Solution,
    Theme,
)
from sanaksme.groups.selectors import comparison_state
from sanaksme.participants.models import CATEGORY_CHOICES, Participant
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import METHOD_CHOICES, Meeting

RIGA = ZoneInfo("Europe/Riga")
Kind = Literal["id", "text", "long", "int", "percent", "bool", "datetime", "code"]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One column of an export table: a stable key, a translated header, a kind."""

    key: str
    label: Promise
    kind: Kind = "text"
    name: bool = False  # holds a person's name: only with include_names

    @property
    def width(self) -> int:
        return {"id": 8, "int": 9, "percent": 11, "bool": 10, "datetime": 19,
                "code": 20, "text": 24, "long": 60}[self.kind]


def _c(key: str, label: str, kind: Kind = "text", *, name: bool = False) -> Column:
    return Column(key, gettext_lazy(label), kind, name)


TABLES: dict[str, Promise] = {
    "notes": gettext_lazy("Notes"),
    "replies": gettext_lazy("Replies"),
    "factors": gettext_lazy("Factors"),
    "solutions": gettext_lazy("Solutions"),
    "themes": gettext_lazy("Themes"),
}

COLUMNS: dict[str, tuple[Column, ...]] = {
    "notes": (
        _c("id", "Note", "id"), _c("item", "Agenda item"), _c("method", "Method", "code"),
        _c("sheet_key", "Sheet key"), _c("sheet", "Sheet"), _c("site", "Site"),
        _c("column", "Column", "code"), _c("text", "Text", "long"),
        _c("anonymous", "Anonymous", "bool"),
        _c("author_category", "Author's category", "code"),
        _c("author_name", "Author", name=True),
        _c("typed_by_facilitator", "Typed by the facilitator", "bool"),
        _c("from_visit", "From the visit", "bool"),
        _c("written_at", "Observed at (the phone's time)", "datetime"),
        _c("hidden", "Hidden", "bool"), _c("hidden_reason", "Reason for hiding"),
        _c("merged_into", "Merged into note", "id"),
        _c("created_at", "Written at", "datetime"),
    ),
    "replies": (
        _c("id", "Reply", "id"), _c("note_id", "Note", "id"), _c("kind", "Kind", "code"),
        _c("text", "Text", "long"), _c("author_category", "Author's category", "code"),
        _c("author_name", "Author", name=True), _c("created_at", "Written at", "datetime"),
    ),
    "factors": (
        _c("id", "Factor", "id"), _c("item", "Agenda item"),
        _c("group_number", "Group", "int"), _c("group_kind", "Kind of group", "code"),
        _c("group_category", "Group of", "code"), _c("position", "Position", "int"),
        _c("text", "Factor", "long"),
        _c("municipality", "Municipality, %", "percent"),
        _c("state", "State, %", "percent"), _c("community", "Community, %", "percent"),
        _c("theme_id", "Theme", "id"), _c("hidden", "Hidden", "bool"),
        _c("author_name", "Author", name=True), _c("created_at", "Written at", "datetime"),
    ),
    "solutions": (
        _c("id", "Solution", "id"), _c("factor_id", "Factor", "id"),
        _c("group_number", "Group", "int"), _c("text", "Solution", "long"),
        _c("hidden", "Hidden", "bool"), _c("created_at", "Written at", "datetime"),
    ),
    "themes": (
        _c("id", "Theme", "id"), _c("item", "Agenda item"), _c("label", "Theme", "long"),
        _c("confirmed", "Confirmed", "bool"), _c("status", "Common or different", "code"),
        _c("groups", "Groups"), _c("factors", "Factors", "int"),
    ),
}

STATUS_LABELS = {"common": gettext_lazy("Common"),
                 "experts_only": gettext_lazy("Only the experts"),
                 "community_only": gettext_lazy("Only the community")}


def export_columns(table: str, *, include_names: bool = False) -> tuple[Column, ...]:
    """The columns of one table; the name columns only when names are included."""
    return tuple(c for c in COLUMNS[table] if include_names or not c.name)


def value_label(column: Column, value: Any) -> Any:
    """Words for a code (in the active language); other values unchanged."""
    if column.kind == "bool":
        return _("yes") if value else _("no")
    if column.kind != "code" or not value:
        return value
    labels: dict[str, Any] = {
        "method": dict(METHOD_CHOICES), "author_category": dict(CATEGORY_CHOICES),
        "group_category": dict(CATEGORY_CHOICES), "group_kind": dict(KIND_CHOICES),
        "status": STATUS_LABELS,
    }.get(column.key, {})
    return str(labels[value]) if value in labels else option_label(str(value))


def iso_local(value: dt.datetime | None) -> str | None:
    """An ISO 8601 time in Europe/Riga (with its offset), or None."""
    return value.astimezone(RIGA).isoformat(timespec="seconds") if value else None


def export_rows(meeting: Meeting, *, include_names: bool = False) -> dict[str, list[Row]]:
    """Every note (feedback too), reply, factor, solution and theme of the meeting.

    Without `include_names` no row names anyone; anonymous notes never have an author.
    """
    factors = _factors(meeting)
    tables = {
        "notes": _notes(meeting, include_names),
        "replies": _replies(meeting, include_names),
        "factors": [_factor_row(f, include_names) for f in factors],
        "solutions": _solutions(factors),
        "themes": _themes(meeting, factors),
    }
    keys = {t: [c.key for c in export_columns(t, include_names=include_names)]
            for t in tables}
    return {t: [{k: row.get(k) for k in keys[t]} for row in rows]
            for t, rows in tables.items()}


def _author(person: Participant | None, include_names: bool) -> Row:
    if person is None:
        return {"author_category": None, "author_name": None}
    return {"author_category": person.category,
            "author_name": person.name if include_names else None}


def _site_names(meeting: Meeting) -> dict[str, str]:
    return {f"site-{key}": name for key, name in meeting.sites.values_list("key", "name")}


def _notes(meeting: Meeting, include_names: bool) -> list[Row]:
    sites = _site_names(meeting)
    rows = []
    for note in Note.objects.filter(meeting=meeting).select_related(
            "sheet__item", "author").order_by("seq", "pk"):
        sheet: Sheet = note.sheet
        author = None if note.anonymous else note.author
        rows.append({
            "id": note.pk, "item": sheet.item.title, "method": sheet.item.method,
            "sheet_key": sheet.key, "sheet": sheet.title, "site": sites.get(sheet.key),
            "column": note.column, "text": note.text, "anonymous": note.anonymous,
            **_author(author, include_names),
            "typed_by_facilitator": note.typed_by_facilitator,
            "from_visit": note.from_visit,
            "written_at": iso_local(note.written_at),
            "hidden": note.hidden,
            "hidden_reason": note.hidden_reason, "merged_into": note.merged_into_id,
            "created_at": iso_local(note.created_at),
        })
    return rows


def _replies(meeting: Meeting, include_names: bool) -> list[Row]:
    return [{"id": r.pk, "note_id": r.note_id, "kind": r.kind, "text": r.text,
             **_author(r.author, include_names), "created_at": iso_local(r.created_at)}
            for r in Reply.objects.filter(meeting=meeting).select_related("author")
            .order_by("seq", "pk")]


def _factors(meeting: Meeting) -> list[Factor]:
    return list(Factor.objects.filter(group__group_set__meeting=meeting).select_related(
        "group__group_set__item__day", "author").prefetch_related("solutions").order_by(
        "group__group_set__item__day__date", "group__group_set__item__position",
        "group__number", "position", "pk"))


def _factor_row(f: Factor, include_names: bool) -> Row:
    group: Group = f.group
    split = shares((f.municipality, f.state, f.community))
    return {
        "id": f.pk, "item": group.group_set.item.title, "group_number": group.number,
        "group_kind": group.kind, "group_category": group.category or None,
        "position": f.position, "text": f.text,
        **(split.as_dict() if split else {}),
        "theme_id": f.theme_id, "hidden": f.hidden,
        "author_name": f.author.name if include_names and f.author else None,
        "created_at": iso_local(f.created_at),
    }


def _solutions(factors: list[Factor]) -> list[Row]:
    rows = []
    for f in factors:
        for s in sorted(f.solutions.all(), key=lambda s: (s.created_at, s.pk)):
            solution: Solution = s
            rows.append({"id": solution.pk, "factor_id": f.pk,
                         "group_number": f.group.number, "text": solution.text,
                         "hidden": solution.hidden,
                         "created_at": iso_local(solution.created_at)})
    return rows


def _themes(meeting: Meeting, factors: list[Factor]) -> list[Row]:
    rows = []
    for group_set in GroupSet.objects.filter(meeting=meeting).select_related(
            "item__day").order_by("item__day__date", "item__position", "pk"):
        groups = list(group_set.groups.order_by("number"))
        by_group: dict[int, list[Factor]] = defaultdict(list)
        for f in factors:
            if f.group.group_set_id == group_set.pk:
                by_group[f.group_id].append(f)
        compared = {t["id"]: t for t in
                    comparison_state(group_set, groups, by_group)["themes"]}
        theme: Theme
        for theme in group_set.themes.order_by("position", "pk"):
            found = compared.get(theme.pk)
            numbers = sorted({f["group"] for f in found["factors"]}) if found else []
            rows.append({
                "id": theme.pk, "item": group_set.item.title, "label": theme.label,
                "confirmed": theme.confirmed,
                "status": found["status"] if found else None,
                "groups": ", ".join(str(n) for n in numbers),
                "factors": len(found["factors"]) if found else 0,
            })
    return rows


def about(meeting: Meeting, *, include_names: bool,
          now: dt.datetime) -> list[tuple[str, str]]:
    """The export's cover: the meeting, the funding notice, when and whether names."""
    project = meeting.project
    lines = [
        (_("Meeting"), meeting.full_title),
        (_("Dates"), format_date_range(meeting.starts_on, meeting.ends_on,
                                       meeting.language)),
        (_("Place"), meeting.place),
        (_("Organiser"), meeting.organisation.name),
    ]
    if project is not None:
        lines += [(_("Project"), str(project)),
                  (_("Funding programme"), project.funding_programme),
                  (_("Funding acknowledgement"), project.acknowledgement),
                  (_("Disclaimer"), project.disclaimer)]
    lines += [
        (_("Exported"), now.astimezone(RIGA).strftime("%Y-%m-%d %H:%M")),
        (_("Names of participants"),
         _("included") if include_names else _("not included")),
    ]
    return [(label, value) for label, value in lines if value]
