"""Turn each part of a record into timed steps that call the real services.

Every builder only schedules: the steps run later, in time order, with the clock set
to their moment (`run.replay_record`). A step reads what earlier steps made from the
`Context` (the meeting, people by name, notes by key, the groups).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import gettext as _

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import (
    note_hide,
    note_merge,
    note_submit,
    reply_submit,
    sheets_ensure,
)
from sanaksme.groups.models import Factor, Group, GroupSet, Showing
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.speaking.models import Hand, Round, Turn
from sanaksme.speaking.services import (
    hand_raise,
    round_arrange,
    round_get_or_create,
    round_skip,
    turn_call,
    turn_next,
    turn_write,
)

from .record import Brainstorm, Discussion, Feedback, NoteEntry, Tour
from .timeline import Clock, ReplayError, Timeline, spread

SECOND = dt.timedelta(seconds=1)
Action = Callable[["Context"], None]


@dataclass
class Context:
    """What the steps made so far, for the steps after them."""

    meeting: Meeting
    clock: Clock
    people: dict[str, Participant]
    items: dict[str, AgendaItem]
    sheets: dict[str, Sheet] = field(default_factory=dict)
    notes: dict[tuple[str, str], Note] = field(default_factory=dict)
    rounds: dict[str, Round] = field(default_factory=dict)
    hands: dict[tuple[str, int], Hand] = field(default_factory=dict)
    group_set: GroupSet | None = None
    factors: dict[tuple[int, int], Factor] = field(default_factory=dict)
    showing: Showing | None = None

    def client_id(self, *parts: object) -> str:
        return "-".join(["rec", *map(str, parts)])[:64]

    def drawn(self) -> GroupSet:
        if self.group_set is None:
            raise ReplayError(_("The groups are not drawn yet."))
        return self.group_set

    def shown(self) -> Showing:
        if self.showing is None:
            raise ReplayError(_("The group presentations have not begun."))
        return self.showing

    def group(self, number: int) -> Group:
        group = self.drawn().groups.filter(number=number).first()
        if group is None:
            raise ReplayError(_("There is no group %(number)d.") % {"number": number})
        return group


def _current(round_: Round) -> int | None:
    return Round.objects.values_list("current_id", flat=True).get(pk=round_.pk)


def _speaker(round_: Round) -> int | None:
    return Round.objects.values_list("current__participant_id", flat=True).get(pk=round_.pk)


# Tour de table --------------------------------------------------------------------------


def tour_steps(t: Timeline, tour: Tour, absent: tuple[str, ...]) -> None:
    """Arrange the order, skip who is not there, then one `turn_next` per speaker."""
    label, window = "tour_de_table", t.window(tour.item)

    def setup(ctx: Context) -> None:
        round_ = ctx.rounds[tour.item] = round_get_or_create(item=ctx.items[tour.item])
        round_arrange(round_=round_, order=[ctx.people[x.name].pk for x in tour.turns])
        for name in dict.fromkeys([*tour.skipped, *absent]):
            if ctx.people[name].category != "organiser":
                round_skip(round_=round_, participant_id=ctx.people[name].pk, skipped=True)

    t.at(window.start + SECOND, label, setup, tour.item)
    when = window.start + dt.timedelta(seconds=tour.opening)
    for j, turn in enumerate(tour.turns):
        t.at(when, f"{label}.turns[{j}]", _tour_turn(tour, turn.name), tour.item)
        when += dt.timedelta(seconds=turn.seconds)
    t.at(when, f"{label}.turns", _tour_turn(tour, None), tour.item)


def _tour_turn(tour: Tour, name: str | None) -> Action:
    def step(ctx: Context) -> None:
        round_ = ctx.rounds[tour.item]
        if name in tour.skipped:  # came in late: back in the tour, in their place
            round_skip(round_=round_, participant_id=ctx.people[name].pk, skipped=False)
        turn_next(round_=round_, expected=_current(round_), now=ctx.clock.now)
        expected = ctx.people[name].pk if name else None
        if _speaker(round_) != expected:
            raise ReplayError(_("The tour gives the floor to participant %(id)s; the "
                                "record says %(name)s.")
                              % {"id": _speaker(round_), "name": name})
    return step


# Brainstorm ---------------------------------------------------------------------------


def _interleaved(notes: tuple[NoteEntry, ...]) -> list[tuple[int, NoteEntry]]:
    """The notes in the order they were posted: the columns filled side by side."""
    by_column: dict[str, list[tuple[int, NoteEntry]]] = {}
    for index, note in enumerate(notes):
        by_column.setdefault(note.column, []).append((index, note))
    rounds = itertools.zip_longest(*by_column.values())
    return [entry for row in rounds for entry in row if entry is not None]


def brainstorm_steps(t: Timeline, brainstorm: Brainstorm) -> None:
    """Each sheet fills during its slot; officials reply; hides and merges at its end."""
    window = t.window(brainstorm.item)

    def ensure(ctx: Context) -> None:
        for sheet in sheets_ensure(item=ctx.items[brainstorm.item]):
            ctx.sheets[sheet.key] = sheet

    t.at(window.start + SECOND, "brainstorm.item", ensure, brainstorm.item)
    for i, sheet in enumerate(brainstorm.sheets):
        start, end = t.on(brainstorm.item, sheet.start), t.on(brainstorm.item, sheet.end)
        posted = _interleaved(sheet.notes)
        for when, (index, note) in zip(spread(start, end, len(posted)), posted, strict=True):
            label = f"brainstorm.sheets[{i}].notes.{note.column}"
            t.at(when, label, _note_step(sheet.sheet, i, index, note), brainstorm.item)
            for r, _reply in enumerate(note.replies):
                t.at(when + dt.timedelta(seconds=40 + 20 * r), f"{label}.replies",
                     _reply_step(sheet.sheet, i, index, note, r), brainstorm.item)
        tidy = [(i, n) for i, n in enumerate(sheet.notes) if n.hidden or n.merge_into]
        for k, (index, note) in enumerate(tidy):
            t.at(end + dt.timedelta(seconds=10 * (k + 1)), f"brainstorm.sheets[{i}]",
                 _tidy_step(sheet.sheet, i, index, note), brainstorm.item)


def _note_step(key: str, sheet_no: int, index: int, note: NoteEntry) -> Action:
    def step(ctx: Context) -> None:
        author = ctx.people[note.by] if note.by else None
        if author is not None and not note.typed:
            # The phone's rate limit counts wall-clock seconds; in the room these notes
            # were minutes apart, so the replayed phone starts with a clean count.
            cache.delete(f"note-rate:{author.pk}")
        ctx.notes[(key, str(index))] = note_submit(
            meeting_id=ctx.meeting.pk, sheet_id=ctx.sheets[key].pk, column=note.column,
            text=note.text, client_id=ctx.client_id("n", sheet_no, index),
            author_id=author.pk if author else None,
            typed_by_facilitator=note.typed or author is None, rate_limited=False)
        if note.key:
            ctx.notes[(key, note.key)] = ctx.notes[(key, str(index))]
    return step


def _reply_step(key: str, sheet_no: int, index: int, note: NoteEntry, r: int) -> Action:
    def step(ctx: Context) -> None:
        reply = note.replies[r]
        reply_submit(meeting_id=ctx.meeting.pk, note_id=ctx.notes[(key, str(index))].pk,
                     kind=reply.kind, text=reply.text,
                     client_id=ctx.client_id("r", sheet_no, index, r),
                     author_id=ctx.people[reply.by].pk)
    return step


def _tidy_step(key: str, sheet_no: int, index: int, note: NoteEntry) -> Action:
    def step(ctx: Context) -> None:
        stored = ctx.notes[(key, str(index))]
        if note.merge_into:
            note_merge(note=stored, into=ctx.notes[(key, note.merge_into)], actor=None)
        if note.hidden:
            note_hide(note=stored, actor=None, reason=note.hidden)
    return step


# Discussion ---------------------------------------------------------------------------


def discussion_steps(t: Timeline, d: Discussion, number: int) -> None:
    """Hands go up before each turn; the facilitator calls them in the recorded order;
    the scribe writes the minutes when a turn ends."""
    window, label = t.window(d.item), f"discussions[{number}]"

    def setup(ctx: Context) -> None:
        ctx.rounds[d.item] = round_get_or_create(item=ctx.items[d.item])

    t.at(window.start + SECOND, f"{label}.item", setup, d.item)
    when = window.start + dt.timedelta(seconds=d.opening)
    called: dict[str, dt.datetime] = {}
    for j, turn in enumerate(d.turns):
        raised = t.on(d.item, turn.raised) if turn.raised else when - 45 * SECOND
        raised = max(raised, window.start + 2 * SECOND, called.get(turn.name, raised) + SECOND)
        called[turn.name] = when
        t.at(raised, f"{label}.turns[{j}].raised", _raise_step(d, j), d.item)
        t.at(when, f"{label}.turns[{j}]", _call_step(d, j), d.item)
        when += dt.timedelta(seconds=turn.seconds)
        if turn.minutes or turn.key_points:
            t.at(when, f"{label}.turns[{j}].minutes", _write_step(d, j), d.item)
    t.at(when, f"{label}.turns", _close_step(d), d.item)


def _raise_step(d: Discussion, j: int) -> Action:
    def step(ctx: Context) -> None:
        turn = d.turns[j]
        ctx.hands[(d.item, j)] = hand_raise(
            round_=ctx.rounds[d.item], participant_id=ctx.people[turn.name].pk,
            by_facilitator=turn.by_facilitator, now=ctx.clock.now)
    return step


def _call_step(d: Discussion, j: int) -> Action:
    def step(ctx: Context) -> None:
        round_ = ctx.rounds[d.item]
        turn_call(round_=round_, expected=_current(round_),
                  hand_id=ctx.hands[(d.item, j)].pk, now=ctx.clock.now)
    return step


def _write_step(d: Discussion, j: int) -> Action:
    def step(ctx: Context) -> None:
        round_ = ctx.rounds[d.item]
        turn_id = Turn.objects.filter(
            round=round_, participant=ctx.people[d.turns[j].name]).order_by(
            "-started_at", "-pk").values_list("pk", flat=True).first()
        if turn_id is None:
            raise ReplayError(_("%(name)s has no turn to write the minutes for.")
                              % {"name": d.turns[j].name})
        turn_write(round_=round_, turn_id=turn_id, minutes=d.turns[j].minutes,
                   key_points=list(d.turns[j].key_points))
    return step


def _close_step(d: Discussion) -> Action:
    def step(ctx: Context) -> None:
        round_ = ctx.rounds[d.item]
        turn_next(round_=round_, expected=_current(round_), now=ctx.clock.now)
    return step


# Feedback -----------------------------------------------------------------------------


def feedback_steps(t: Timeline, feedback: Feedback) -> None:
    """Anonymous sticky notes, feedback and suggestions side by side."""
    window = t.window(feedback.item)
    start, end = t.on(feedback.item, feedback.start), t.on(feedback.item, feedback.end)

    def ensure(ctx: Context) -> None:
        for sheet in sheets_ensure(item=ctx.items[feedback.item]):
            ctx.sheets[sheet.key] = sheet

    t.at(window.start + SECOND, "feedback.item", ensure, feedback.item)
    notes = tuple(NoteEntry(column=kind, text=text) for kind, text in feedback.notes)
    posted = _interleaved(notes)
    for when, (index, note) in zip(spread(start, end, len(posted)), posted, strict=True):
        t.at(when, f"feedback.notes.{note.column}", _feedback_step(index, note), feedback.item)


def _feedback_step(index: int, note: NoteEntry) -> Action:
    def step(ctx: Context) -> None:
        note_submit(meeting_id=ctx.meeting.pk, sheet_id=ctx.sheets["feedback"].pk,
                    column=note.column, text=note.text, client_id=ctx.client_id("f", index),
                    anonymous=True)
    return step
