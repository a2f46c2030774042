"""Events that carry what changed: each audience's payload equals what a freshly built
state gives that audience after the change (STYLE §8, Zulip's verify_action), and the
room never receives what it may not see."""

from __future__ import annotations

import dataclasses
import json
import typing
from typing import Any

import pytest
from django.utils import translation

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import (
    note_create,
    note_hide,
    note_merge,
    note_show,
    note_unmerge,
    reply_create,
    sheet_reveal,
    sheets_ensure,
)
from sanaksme.groups.models import Factor, Group, GroupSet
from sanaksme.groups.services.formation import groups_draw, worksheets_set_open
from sanaksme.groups.services.worksheets import (
    factor_add,
    factor_hide,
    factor_weigh,
    solution_add,
)
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import Event
from sanaksme.live.state import state_data
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item
from sanaksme.speaking.models import Round
from sanaksme.speaking.services import hand_lower, hand_raise, round_get_or_create

pytestmark = pytest.mark.django_db

Sent = list[tuple[Event, tuple[Audience, ...]]]
CONSOLE = (Audience.CONSOLE,)
ROOM = (Audience.PROJECTOR, Audience.PHONE)


def payloads(sent: Sent) -> dict[tuple[Audience, ...], dict[str, Any]]:
    """What each channel group received, as a client decodes it."""
    return {audiences: json.loads(event.to_message()["json"])
            for event, audiences in sent}


def seq_of(meeting_id: int) -> int:
    return Meeting.objects.get(pk=meeting_id).last_seq


# Every event round-trips through JSON --------------------------------------------------


def sample(hint: Any) -> Any:
    """A value of the field's type, for the round trip."""
    if hint is bool:
        return True
    if hint is int:
        return 7
    if hint is str:
        return "Nav telpu — ā"
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return [{"id": 1, "name": "Dace", "priority": True, "replies": []}]
    if origin is dict:
        return {"group_id": 3, "factors": [{"id": 1, "shares": None}]}
    if type(None) in args:  # X | None: the value, not None
        return sample(next(a for a in args if a is not type(None)))
    raise AssertionError(f"no sample for {hint!r}")


def all_events() -> list[type[Event]]:
    found, todo = [], list(Event.__subclasses__())
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


@pytest.mark.parametrize("cls", all_events(), ids=lambda cls: cls.type)
def test_every_event_round_trips_through_json(cls: type[Event]) -> None:
    hints = typing.get_type_hints(cls)
    event = cls(**{f.name: sample(hints[f.name]) for f in dataclasses.fields(cls)})

    received = json.loads(event.to_message()["json"])

    assert received == {"type": cls.type, **dataclasses.asdict(event)}
    assert cls(**{k: v for k, v in received.items() if k != "type"}) == event


def test_event_types_are_unique_and_named_app_dot_past_tense() -> None:
    types = [cls.type for cls in all_events()]

    assert len(types) == len(set(types))
    assert all(t.count(".") == 1 and t == t.lower() for t in types)


# Boards: boards.note_changed and boards.reply_added ------------------------------------


@pytest.fixture
def meeting(demo_meeting: Meeting) -> Meeting:
    """The demo meeting with its brainstorm on the screens."""
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")
    meeting_set_current_item(meeting=demo_meeting, item=item)
    return Meeting.objects.get(pk=demo_meeting.pk)


@pytest.fixture
def sheet(meeting: Meeting) -> Sheet:
    assert meeting.current_item is not None
    return sheets_ensure(item=meeting.current_item)[0]


def add(sheet: Sheet, client_id: str, text: str) -> Note:
    note, _created = note_create(sheet=sheet, column=sheet.columns[0], text=text,
                                 client_id=client_id)
    return note


@pytest.fixture
def note(sheet: Sheet) -> Note:
    return add(sheet, "n1", "Nav telpu")


@pytest.fixture
def twin(sheet: Sheet) -> Note:
    return add(sheet, "n2", "Trūkst telpu")


def fresh_state(meeting_id: int, audience: Audience) -> dict[str, Any]:
    """The audience's full state built from the database now, in the meeting's language
    (as the screens get it)."""
    language = Meeting.objects.get(pk=meeting_id).language
    with translation.override(language):
        return state_data(meeting_id, audience)


def state_notes(meeting: Meeting, *, console: bool) -> dict[int, dict[str, Any]]:
    """The notes a freshly built state gives the console or the room, by id."""
    state = fresh_state(meeting.pk, Audience.CONSOLE if console else Audience.PROJECTOR)
    return {n["id"]: n for s in state["sheets"] for n in s["notes"]}


def assert_live_consistent(meeting: Meeting, received: dict[tuple[Audience, ...],
                                                            dict[str, Any]]) -> None:
    """Console entries are the console state's notes; the room's visible entries are
    the room state's notes, and its invisible ones are absent from that state."""
    console, room = state_notes(meeting, console=True), state_notes(meeting, console=False)
    for entry in received[CONSOLE]["notes"]:
        assert entry == console[entry["id"]]
    for entry in received[ROOM]["notes"]:
        shown = {k: v for k, v in entry.items() if k != "visible"}
        if entry["visible"]:
            assert shown == room[entry["id"]]
        else:
            assert entry["id"] not in room


def test_hiding_sends_the_console_the_hidden_note_with_its_reason(
    meeting: Meeting, note: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=note, actor=facilitator, reason="personiski dati")

    received = payloads(sent)
    assert received[CONSOLE]["type"] == "boards.note_changed"
    assert (received[CONSOLE]["seq"], received[CONSOLE]["sheet_id"]) == (
        seq_of(meeting.pk), note.sheet_id)
    [entry] = received[CONSOLE]["notes"]
    assert (entry["hidden"], entry["reason"]) == (True, "personiski dati")
    assert_live_consistent(meeting, received)


def test_the_room_gets_a_hidden_note_without_its_words_or_reason(
    meeting: Meeting, note: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=note, actor=facilitator, reason="personiski dati")

    [entry] = payloads(sent)[ROOM]["notes"]
    assert entry == {"id": note.pk, "column": note.column, "text": "", "seq": note.seq,
                     "merged": 0, "replies": [], "visible": False, "from_visit": False,
                     "written_at": None}
    assert "personiski" not in sent[1][0].to_message()["json"]


def test_showing_again_gives_the_room_the_note_as_its_state_has_it(
    meeting: Meeting, note: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    note_hide(note=note, actor=facilitator, reason="kļūda")

    with django_capture_on_commit_callbacks(execute=True):
        note_show(note=note, actor=facilitator)

    received = payloads(sent)
    assert [e["visible"] for e in received[ROOM]["notes"]] == [True]
    assert_live_consistent(meeting, received)


def test_merging_sends_the_merged_note_and_its_target(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note_merge(note=twin, into=note, actor=facilitator)

    received = payloads(sent)
    assert {e["id"]: e["visible"] for e in received[ROOM]["notes"]} == {
        note.pk: True, twin.pk: False}
    assert {e["id"]: e["merged"] for e in received[CONSOLE]["notes"]} == {
        note.pk: 1, twin.pk: 0}
    assert_live_consistent(meeting, received)


def test_merging_a_note_with_duplicates_sends_them_moving_along(
    meeting: Meeting, sheet: Sheet, note: Note, twin: Note, facilitator: Any,
    sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    third = add(sheet, "n3", "Nav kur sanākt")
    note_merge(note=third, into=twin, actor=facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        note_merge(note=twin, into=note, actor=facilitator)

    received = payloads(sent)
    assert {e["id"]: e["merged_into"] for e in received[CONSOLE]["notes"]} == {
        note.pk: None, twin.pk: note.pk, third.pk: note.pk}
    assert_live_consistent(meeting, received)


def test_unmerging_sends_the_note_and_its_former_target(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        note_unmerge(note=twin, actor=facilitator)

    received = payloads(sent)
    assert {e["id"] for e in received[ROOM]["notes"]} == {note.pk, twin.pk}
    assert_live_consistent(meeting, received)


def test_hiding_a_merged_note_updates_its_targets_count(
    meeting: Meeting, note: Note, twin: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    note_merge(note=twin, into=note, actor=facilitator)

    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=twin, actor=facilitator, reason="dublikāts")

    received = payloads(sent)
    assert {e["id"]: e["merged"] for e in received[ROOM]["notes"]}[note.pk] == 0
    assert_live_consistent(meeting, received)


def test_a_note_changed_on_an_unrevealed_sheet_only_moves_the_rooms_seq(
    meeting: Meeting, sheet: Sheet, note: Note, facilitator: Any, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sheet_reveal(sheet=sheet, revealed=False)

    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=note, actor=facilitator, reason="vēlāk")

    received = payloads(sent)
    assert received[ROOM] == {"type": "live.seq_advanced", "meeting_id": meeting.pk,
                              "seq": seq_of(meeting.pk)}
    assert received[CONSOLE]["notes"][0]["id"] == note.pk


def test_a_reply_carries_its_kind_and_text_to_every_screen(
    meeting: Meeting, note: Note, sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        reply, _created = reply_create(note=note, kind="clarification",
                                       text=" Telpas būs ", client_id="r1")

    [(event, audiences)] = sent
    assert audiences == (*CONSOLE, *ROOM)
    assert json.loads(event.to_message()["json"]) == {
        "type": "boards.reply_added", "meeting_id": meeting.pk, "seq": seq_of(meeting.pk),
        "note_id": note.pk, "reply_id": reply.pk, "kind": "clarification",
        "text": "Telpas būs"}
    reply_entry = state_notes(meeting, console=False)[note.pk]["replies"][-1]
    assert (reply_entry["kind"], reply_entry["text"]) == ("clarification", "Telpas būs")


def test_a_reply_on_an_unrevealed_sheet_only_moves_the_rooms_seq(
    meeting: Meeting, sheet: Sheet, note: Note, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    sheet_reveal(sheet=sheet, revealed=False)

    with django_capture_on_commit_callbacks(execute=True):
        reply_create(note=note, kind="comment", text="Labi", client_id="r1")

    received = payloads(sent)
    assert received[CONSOLE]["type"] == "boards.reply_added"
    assert received[ROOM]["type"] == "live.seq_advanced"


# Speaking: speaking.hands_changed -------------------------------------------------------


@pytest.fixture
def discussion(demo_meeting: Meeting) -> Round:
    """The first discussion's round, with the discussion on the screens."""
    item = AgendaItem.objects.filter(day__meeting=demo_meeting, method="discussion") \
        .order_by("starts_at").first()
    assert item is not None
    meeting_set_current_item(meeting=demo_meeting, item=item)
    return round_get_or_create(item=item)


def person(meeting_id: int, name: str) -> Participant:
    return Participant.objects.get(meeting_id=meeting_id, name=name)


@pytest.fixture
def expert(discussion: Round) -> Participant:
    return person(discussion.meeting_id, "Dace Liepiņa")


@pytest.fixture
def mediator(discussion: Round) -> Participant:
    return person(discussion.meeting_id, "Roberts Kozlovskis")  # invited first


def assert_queues_consistent(round_: Round, received: dict[tuple[Audience, ...],
                                                           dict[str, Any]]) -> None:
    for audiences in (CONSOLE, ROOM):
        for audience in audiences:
            state = fresh_state(round_.meeting_id, audience)
            assert received[audiences]["queue"] == state["speaking"]["queue"]
            assert received[audiences]["item_id"] == state["item"]["id"]


def test_a_raised_hand_sends_each_audience_its_queue(
    discussion: Round, expert: Participant, mediator: Participant, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk)

    with django_capture_on_commit_callbacks(execute=True):
        hand_raise(round_=discussion, participant_id=mediator.pk)

    received = payloads(sent)
    assert {p["type"] for p in received.values()} == {"speaking.hands_changed"}
    assert [h["participant_id"] for h in received[ROOM]["queue"]] == [mediator.pk,
                                                                       expert.pk]
    assert [h["priority"] for h in received[CONSOLE]["queue"]] == [True, False]
    assert "priority" not in json.dumps(received[ROOM])
    assert_queues_consistent(discussion, received)


def test_a_lowered_hand_sends_each_audience_its_queue(
    discussion: Round, expert: Participant, mediator: Participant, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    hand_raise(round_=discussion, participant_id=expert.pk)
    hand_raise(round_=discussion, participant_id=mediator.pk, by_facilitator=True)

    with django_capture_on_commit_callbacks(execute=True):
        hand_lower(round_=discussion, participant_id=mediator.pk)

    received = payloads(sent)
    assert [h["participant_id"] for h in received[CONSOLE]["queue"]] == [expert.pk]
    assert (received[CONSOLE]["seq"], received[ROOM]["seq"]) == (
        seq_of(discussion.meeting_id),) * 2
    assert_queues_consistent(discussion, received)


def test_the_first_hand_of_a_discussion_makes_the_screens_re_sync(
    discussion: Round, expert: Participant, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        hand_raise(round_=discussion, participant_id=expert.pk)

    [(event, _audiences)] = sent
    assert event.type == "speaking.changed"


# Groups: groups.worksheet_changed -------------------------------------------------------


@pytest.fixture
def group_set(demo_meeting: Meeting) -> GroupSet:
    """The groups drawn, with the group work on the screens."""
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")
    meeting_set_current_item(meeting=demo_meeting, item=item)
    return groups_draw(item=item, seed=1)


@pytest.fixture
def first(group_set: GroupSet) -> Group:
    return Group.objects.get(group_set=group_set, number=1)


@pytest.fixture
def factor(first: Group) -> Factor:
    return factor_add(group=first, text="Zema motivācija mācīties", client_id="f1")


def assert_worksheet_consistent(group: Group, received: dict[tuple[Audience, ...],
                                                             dict[str, Any]]) -> None:
    """Console and projector get the group's worksheet as their groups state holds it
    (None where it holds none), and everyone the group's count of visible factors."""
    for audience in (Audience.CONSOLE, Audience.PROJECTOR):
        state = fresh_state(group.group_set.meeting_id, audience)["groups"]
        sheets = {w["group_id"]: w for w in state["worksheets"]}
        counts = {g["id"]: g["factors"] for g in state["groups"]}
        assert received[(audience,)]["worksheet"] == sheets.get(group.pk)
        assert received[(audience,)]["factors"] == counts[group.pk]
    assert received[(Audience.PHONE,)]["worksheet"] is None
    assert received[(Audience.PHONE,)]["factors"] == counts[group.pk]


def test_a_new_factor_sends_the_console_the_groups_worksheet(
    first: Group, sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        factor = factor_add(group=first, text="Valodas barjera", client_id="f1")

    received = payloads(sent)
    console = received[CONSOLE]
    assert console["type"] == "groups.worksheet_changed"
    assert (console["seq"], console["item_id"], console["group_id"], console["factors"]) \
        == (seq_of(first.group_set.meeting_id), first.group_set.item_id, first.pk, 1)
    assert [f["id"] for f in console["worksheet"]["factors"]] == [factor.pk]
    assert_worksheet_consistent(first, received)


def test_the_projector_gets_no_worksheet_until_they_are_open(
    first: Group, factor: Factor, sent: Sent, django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        factor_weigh(factor=factor, municipality=2, state=5, community=3)

    assert payloads(sent)[(Audience.PROJECTOR,)]["worksheet"] is None
    assert_worksheet_consistent(first, payloads(sent))


def test_open_worksheets_reach_the_projector_without_hidden_lines(
    group_set: GroupSet, first: Group, factor: Factor, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    worksheets_set_open(group_set=group_set, is_open=True)
    solution_add(factor=factor, text="Mentori", client_id="s1")

    with django_capture_on_commit_callbacks(execute=True):
        factor_hide(factor=factor, hidden=True)

    received = payloads(sent)
    assert received[(Audience.PROJECTOR,)]["worksheet"]["factors"] == []
    assert [(f["id"], f["hidden"], len(f["solutions"]))
            for f in received[CONSOLE]["worksheet"]["factors"]] == [(factor.pk, True, 1)]
    assert received[CONSOLE]["factors"] == 0
    assert_worksheet_consistent(first, received)


def test_a_worksheet_edited_during_the_presentations_makes_the_screens_re_sync(
    demo_meeting: Meeting, first: Group, factor: Factor, sent: Sent,
    django_capture_on_commit_callbacks: Any,
) -> None:
    presentations = AgendaItem.objects.get(day__meeting=demo_meeting,
                                           method="group_presentations")
    meeting_set_current_item(meeting=demo_meeting, item=presentations)

    with django_capture_on_commit_callbacks(execute=True):
        factor_hide(factor=factor, hidden=True)

    [(event, audiences)] = sent
    assert (event.type, audiences) == ("groups.changed", (*CONSOLE, *ROOM))
