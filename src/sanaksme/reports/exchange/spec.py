"""What the meeting file (`sanaksme/meeting@3`) holds, table by table.

One `Table` per model says which fields travel, how a JSON field is read (a list of
texts, a list of references, an item's parameters) and what must hold between rows
(unique keys, references that must agree). The export, the checks and the import all
read this one list, so a field added here travels both ways.

The export writes the newest version (`SCHEMA`); the import reads every version in
`READABLE`. A field added in a later version says so in its table's `since`: a file of
an earlier version may not have it, and the import gives such rows the model's default.
A table added in a later version says so in `added`: a file of an earlier version has
no such rows.

Foreign keys travel as ids local to the file (1, 2, 3 … per table, in the order the
rows were made) and are mapped to new rows on import. The meeting itself is implied
(every row belongs to the one meeting of the file); users (who hid a note, who uploaded
a deck) do not travel: they belong to one instance.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.apps import apps
from django.db import models

from sanaksme.boards.models import Note, NoteAudit, Reply, Sheet
from sanaksme.groups.models import (
    Factor,
    Group,
    GroupSet,
    Membership,
    Showing,
    Solution,
    Theme,
    ThemeDecision,
)
from sanaksme.participants.models import Participant
from sanaksme.presenting.models import Deck, Projection, Video
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import (
    AgendaItem,
    Day,
    Meeting,
    Organisation,
    Project,
    Series,
    Site,
)
from sanaksme.speaking.models import Hand, Round, Turn

SCHEMA = "sanaksme/meeting@3"
# Every tag the import reads, oldest first: version n is READABLE[n - 1].
# @2 added themes.named; sites.host, sites.look_for; sheets.visit_revealed;
# notes.from_visit, notes.written_at. @3 added theme_decisions.
READABLE = ("sanaksme/meeting@1", "sanaksme/meeting@2", SCHEMA)
Scope = Callable[[Meeting], "models.QuerySet[Any]"]
# JSON fields that hold file ids inside a structure (exchange/nested.py): [[factor,
# factor], …]; [factor, …]; the themes as they were [{id: theme or null, items: [factor,
# …], label, confirmed, named, position}, …].
PAIRS, FACTORS, SNAPSHOT = "pairs:factors", "list:factors", "snapshot:themes"
NESTED = (PAIRS, FACTORS, SNAPSHOT)
Path = tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One list of rows in the file."""

    name: str
    model: type[models.Model]
    fields: tuple[str, ...]
    scope: Scope | None = None  # the meeting's rows (None: a single section)
    # "texts", "params", "refs:<table>", or one of NESTED (ids inside a structure)
    json: dict[str, str] = field(default_factory=dict)
    unique: tuple[tuple[str, ...], ...] = ()
    same: tuple[tuple[Path, Path], ...] = ()  # two paths that must reach the same row
    item_methods: tuple[str, ...] = ()  # the row's `item` must have one of these methods
    since: dict[str, int] = field(default_factory=dict)  # field → version that added it
    added: int = 1  # the format version that added the table

    def fields_in(self, version: int) -> tuple[str, ...]:
        """The fields a file of this format version can have."""
        return tuple(n for n in self.fields if self.since.get(n, 1) <= version)

    def model_field(self, name: str) -> models.Field[Any, Any]:
        found = self.model._meta.get_field(name)
        if not isinstance(found, models.Field):
            raise TypeError(name)
        return found


def _by_meeting(model: type[models.Model], path: str = "meeting") -> Scope:
    def scope(meeting: Meeting) -> models.QuerySet[Any]:
        return model._default_manager.filter(**{path: meeting})
    return scope


SECTIONS = {
    "organisation": Table("organisation", Organisation, ("name",)),
    "project": Table("project", Project, ("name", "number", "funding_programme",
                                          "acknowledgement", "disclaimer")),
    "series": Table("series", Series, ("slug", "title")),
    "meeting": Table("meeting", Meeting, (
        "slug", "ordinal", "title", "language", "place", "starts_on", "ends_on", "goal",
        "tasks", "participants_description", "plan", "structure", "current_item",
        "last_seq", "languages", "created_at"), json={"tasks": "texts", "languages": "texts"}),
}

_M = Method
CORE_TABLES = (
    Table("days", Day, ("date", "title", "description", "starts_at", "ends_at",
                        "created_at"), _by_meeting(Day), unique=(("date",),)),
    Table("sites", Site, ("key", "name", "address", "host", "description", "look_for",
                          "position", "created_at"), _by_meeting(Site), unique=(("key",),),
          since={"host": 2, "look_for": 2}),
    Table("items", AgendaItem, (
        "day", "position", "starts_at", "ends_at", "title", "description", "location",
        "materials", "method", "params", "created_at"), _by_meeting(AgendaItem, "day__meeting"),
        json={"materials": "texts", "params": "params"}),
    Table("participants", Participant, (
        "name", "category", "institution", "municipality", "is_roma_mediator",
        "municipality_had_mediators", "present", "email", "phone", "created_at"),
        _by_meeting(Participant), unique=(("name", "institution"),)),
)
OPTIONAL_TABLES = (  # models other parts of Sanāksme may not have yet
    ("attendance", "participants", "Attendance", ("participant", "date", "first_seen_at"),
     "participant__meeting", (("participant", "date"),)),
    ("item_runs", "programme", "ItemRun", ("item", "started_at", "ended_at"), "meeting", ()),
)
LATER_TABLES = (
    Table("sheets", Sheet, ("item", "key", "title", "columns", "position", "revealed",
                            "visit_revealed", "created_at"), _by_meeting(Sheet),
          json={"columns": "texts"}, unique=(("item", "key"),),
          item_methods=(_M.BRAINSTORM, _M.FEEDBACK), since={"visit_revealed": 2}),
    Table("notes", Note, (
        "sheet", "column", "text", "author", "anonymous", "typed_by_facilitator",
        "from_visit", "written_at", "client_id", "seq", "hidden", "hidden_reason",
        "merged_into", "created_at"),
        _by_meeting(Note), unique=(("client_id",),),
        same=((("merged_into", "sheet"), ("sheet",)),),
        since={"from_visit": 2, "written_at": 2}),
    Table("replies", Reply, ("note", "kind", "text", "author", "client_id", "seq",
                             "created_at"), _by_meeting(Reply), unique=(("client_id",),)),
    Table("note_audit", NoteAudit, ("note", "action", "reason", "other", "at"),
          _by_meeting(NoteAudit, "note__meeting")),
    Table("rounds", Round, ("item", "arranged", "skipped", "current", "finished",
                            "show_key_points", "created_at"), _by_meeting(Round),
          json={"arranged": "refs:participants", "skipped": "refs:participants"},
          unique=(("item",),), same=((("current", "round"), ("id",)),),
          item_methods=(_M.TOUR_DE_TABLE, _M.DISCUSSION)),
    Table("turns", Turn, (
        "round", "participant", "allowed_seconds", "started_at", "ends_at", "left_seconds",
        "resumed_at", "spoken_seconds", "ended_at", "minutes", "key_points", "created_at"),
        _by_meeting(Turn, "round__meeting"), json={"key_points": "texts"}),
    Table("hands", Hand, ("round", "participant", "raised_at", "priority",
                          "added_by_facilitator", "lowered_at", "called_at", "created_at"),
          _by_meeting(Hand, "round__meeting")),
    Table("decks", Deck, ("item", "title", "original_name", "size", "pages", "sha256",
                          "created_at"), _by_meeting(Deck)),
    Table("videos", Video, ("item", "title", "kind", "url", "original_name", "extension",
                            "size", "created_at"), _by_meeting(Video)),
    Table("projections", Projection, (
        "item", "deck", "page", "video", "playing_since", "played_seconds", "summary",
        "summary_shown", "created_at"), _by_meeting(Projection), unique=(("item",),),
        same=((("deck", "item"), ("item",)), (("video", "item"), ("item",)))),
    Table("group_sets", GroupSet, ("item", "seed", "worksheets_open", "created_at"),
          _by_meeting(GroupSet), unique=(("item",),), item_methods=(_M.GROUP_WORK,)),
    Table("groups", Group, ("group_set", "number", "kind", "category", "place",
                            "presented_seconds", "created_at"),
          _by_meeting(Group, "group_set__meeting"), unique=(("group_set", "number"),)),
    Table("memberships", Membership, ("group_set", "group", "participant"),
          _by_meeting(Membership, "group_set__meeting"),
          unique=(("group_set", "participant"),),
          same=((("group", "group_set"), ("group_set",)),)),
    Table("themes", Theme, ("group_set", "label", "position", "confirmed", "named",
                            "created_at"),
          _by_meeting(Theme, "group_set__meeting"), since={"named": 2}),
    Table("factors", Factor, (
        "group", "text", "position", "municipality", "state", "community", "hidden",
        "client_id", "author", "theme", "created_at"),
        _by_meeting(Factor, "group__group_set__meeting"), unique=(("group", "client_id"),),
        same=((("theme", "group_set"), ("group", "group_set")),)),
    Table("solutions", Solution, ("factor", "text", "hidden", "client_id", "created_at"),
          _by_meeting(Solution, "factor__group__group_set__meeting"),
          unique=(("factor", "client_id"),)),
    Table("showings", Showing, (
        "item", "group_set", "order", "current", "allowed_seconds", "started_at",
        "ends_at", "left_seconds", "resumed_at", "finished", "comparison_shown",
        "created_at"), _by_meeting(Showing, "item__day__meeting"),
        json={"order": "refs:groups"}, unique=(("item",),),
        same=((("current", "group_set"), ("group_set",)),),
        item_methods=(_M.GROUP_PRESENTATIONS,)),
    # The comparison's corrections, so undo works in the copy. Factor ids are texts in
    # the database (the engine's item ids) and file ids like any other in the file.
    Table("theme_decisions", ThemeDecision, (
        "group_set", "number", "action", "together", "apart", "moved", "before",
        "replaced", "undone", "created_at"),
        _by_meeting(ThemeDecision, "group_set__meeting"),
        json={"together": PAIRS, "apart": PAIRS, "moved": FACTORS, "replaced": FACTORS,
              "before": SNAPSHOT},
        unique=(("group_set", "number"),), added=3),
)
# Tables an older or newer Sanāksme may know that this one does not: named in errors.
KNOWN_ELSEWHERE = frozenset(name for name, *_rest in OPTIONAL_TABLES)


def _optional_model(app: str, name: str) -> type[models.Model] | None:
    try:
        return apps.get_model(app, name)
    except LookupError:
        return None


@cache
def tables() -> tuple[Table, ...]:
    """Every table of the file, in the order the import creates them."""
    extra = []
    for name, app, model_name, fields, path, unique in OPTIONAL_TABLES:
        model = _optional_model(app, model_name)
        if model is not None:
            extra.append(Table(name, model, fields, _by_meeting(model, path), unique=unique))
    return (*CORE_TABLES, *extra, *LATER_TABLES)


def table_of(model: type[models.Model]) -> str | None:
    """The table whose rows a foreign key to `model` refers to."""
    for table in tables():
        if table.model is model:
            return table.name
    return None


def target(table: Table, name: str) -> str | None:
    """The table a field refers to (a foreign key, or a JSON list of references)."""
    kind = table.json.get(name, "")
    if kind.startswith("refs:"):
        return kind.removeprefix("refs:")
    related = table.model_field(name).related_model
    if isinstance(related, type) and issubclass(related, models.Model):
        return table_of(related)
    return None


def is_deferred(table: Table, name: str) -> bool:
    """A reference to a row made later (or to the same table): set after all rows exist."""
    order = [t.name for t in tables()]
    to = target(table, name)
    if to is None:
        return False
    return table.name not in order or order.index(to) >= order.index(table.name)
