"""Observations from a site visit: which sheet, when they are accepted, held back from
the room until revealed, the scribe, and the `visit` part of the screens' state."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from sanaksme.boards import visits
from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import note_hide
from sanaksme.core.exceptions import DomainError
from sanaksme.live.actions import ACTIONS, ActionContext
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import Event, NoteAdded, SeqAdvanced, SheetChanged
from sanaksme.live.opening import current_item_set
from sanaksme.live.state import state_data, state_for
from sanaksme.participants.models import Participant
from sanaksme.participants.tests.factories import ParticipantFactory
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_close
from sanaksme.programme.tests.factories import MeetingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

SITE = "raina-6-vidusskola"
WRITTEN = "2017-01-26T10:40:00+02:00"


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _item(meeting: Meeting, method: str, **params: Any) -> AgendaItem:
    items = AgendaItem.objects.filter(day__meeting=meeting, method=method)
    return next(i for i in items.order_by("day__date", "position", "id")
                if all(i.params.get(k) == v for k, v in params.items()))


@pytest.fixture
def visit(demo_meeting: Meeting) -> AgendaItem:
    return _item(demo_meeting, "site_visit", site=SITE)


@pytest.fixture
def brainstorm(demo_meeting: Meeting) -> AgendaItem:
    return _item(demo_meeting, "brainstorm")


@pytest.fixture
def on_visit(demo_meeting: Meeting, visit: AgendaItem) -> Sheet:
    """The school's visit on the screens; its site's sheet."""
    current_item_set(meeting=demo_meeting, item=visit)
    sheet = visits.visit_sheet(visit)
    assert sheet is not None
    return sheet


@pytest.fixture
def person(demo_meeting: Meeting) -> Participant:
    return demo_meeting.participants.exclude(category="organiser").order_by("pk")[0]


def _add(sheet: Sheet, person: Participant | None, client_id: str = "v1",
         text: str = "Mediators skolā", written_at: str = WRITTEN,
         column: str = "positive") -> Note:
    note, _created = visits.visit_note_add(sheet=sheet, column=column, text=text,
                                           client_id=client_id, written_at=written_at,
                                           author=person)
    return note


def _go(meeting: Meeting, item: AgendaItem | None) -> None:
    current_item_set(meeting=Meeting.objects.get(pk=meeting.pk), item=item)


# Which sheet ------------------------------------------------------------------------


def test_a_visit_opening_makes_its_sites_sheet_on_the_brainstorm_that_lists_it(
    demo_meeting: Meeting, visit: AgendaItem, brainstorm: AgendaItem,
) -> None:
    assert visits.visit_sheet(visit) is None  # nothing made yet: the state only reads

    current_item_set(meeting=demo_meeting, item=visit)

    sheet = visits.visit_sheet(visit)
    assert sheet is not None
    assert (sheet.item_id, sheet.key) == (brainstorm.pk, f"site-{SITE}")


def test_a_site_no_brainstorm_lists_has_no_sheet(
    demo_meeting: Meeting, visit: AgendaItem, brainstorm: AgendaItem,
) -> None:
    brainstorm.params = {**brainstorm.params, "sites": ["pii-26"]}
    brainstorm.save()

    current_item_set(meeting=demo_meeting, item=visit)

    assert visits.visit_sheet(visit) is None
    assert state_data(demo_meeting.pk, Audience.PHONE)["visit"]["sheet"] is None


# When observations are accepted --------------------------------------------------------


def test_before_the_visit_began_an_observation_is_refused_for_good(
    demo_meeting: Meeting, visit: AgendaItem, person: Participant,
) -> None:
    sheet = visits.visit_sheet(visit, create=True)
    assert sheet is not None

    with pytest.raises(DomainError) as refused:
        _add(sheet, person)

    assert refused.value.retry is False
    assert not Note.objects.filter(sheet=sheet).exists()


def test_the_window_stays_open_from_the_visit_until_the_brainstorm_ends(
    demo_meeting: Meeting, on_visit: Sheet, brainstorm: AgendaItem, person: Participant,
) -> None:
    stored = [_add(on_visit, person, "during")]
    _go(demo_meeting, _item(demo_meeting, "site_visit", site="pii-26"))  # the next place
    stored.append(_add(on_visit, person, "bus"))
    _go(demo_meeting, None)  # the evening
    stored.append(_add(on_visit, person, "evening"))
    _go(demo_meeting, _item(demo_meeting, "tour_de_table"))  # the next morning
    stored.append(_add(on_visit, person, "morning"))
    _go(demo_meeting, brainstorm)
    stored.append(_add(on_visit, person, "brainstorm"))

    assert Note.objects.filter(sheet=on_visit, from_visit=True).count() == 5
    assert all(n.from_visit and n.author_id == person.pk for n in stored)


@pytest.mark.parametrize("after", ["later_item", "no_item", "closed"])
def test_after_the_brainstorm_ended_an_observation_is_refused_for_good(
    demo_meeting: Meeting, on_visit: Sheet, brainstorm: AgendaItem, person: Participant,
    after: str,
) -> None:
    _go(demo_meeting, brainstorm)
    if after == "later_item":
        _go(demo_meeting, _item(demo_meeting, "presentation"))
    elif after == "no_item":
        _go(demo_meeting, None)
    else:
        meeting_close(meeting=Meeting.objects.get(pk=demo_meeting.pk))

    with pytest.raises(DomainError) as refused:
        _add(on_visit, person, "late")

    assert refused.value.retry is False
    assert not Note.objects.filter(client_id="late").exists()


def test_a_resent_observation_is_stored_once_even_after_the_window_closed(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant,
) -> None:
    first = _add(on_visit, person, "same")
    again = _add(on_visit, person, "same", text="Mediators skolā")
    meeting_close(meeting=Meeting.objects.get(pk=demo_meeting.pk))
    late = _add(on_visit, person, "same")

    assert first.pk == again.pk == late.pk
    assert Note.objects.filter(client_id="same").count() == 1


def test_only_a_sites_sheet_takes_observations(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant,
) -> None:
    feedback = _item(demo_meeting, "feedback")
    from sanaksme.boards.services import sheets_ensure

    other = sheets_ensure(item=feedback)[0]

    with pytest.raises(DomainError):
        _add(other, person, column="feedback")


def test_an_unknown_column_is_refused(on_visit: Sheet, person: Participant) -> None:
    with pytest.raises(DomainError):
        _add(on_visit, person, column="feedback")


# When it was written ------------------------------------------------------------------


@pytest.mark.parametrize(("written", "kept"), [
    (WRITTEN, True),
    ("2017-01-25T00:30:00+02:00", True),  # the day before the first day
    ("2017-01-24T23:00:00+02:00", False),  # earlier: not believed
    ("2999-01-01T10:00:00+02:00", False),  # in the future
    ("2017-01-26T10:40:00", False),  # no offset
    ("yesterday", False),
])
def test_the_phones_time_is_kept_only_when_believable(
    demo_meeting: Meeting, written: str, kept: bool,
) -> None:
    now = timezone.now()

    bounded = visits.bounded_written_at(written, demo_meeting, now=now)

    assert (bounded == dt.datetime.fromisoformat(written)) if kept else bounded == now


def test_an_observation_keeps_when_the_phone_wrote_it(
    on_visit: Sheet, person: Participant,
) -> None:
    note = _add(on_visit, person, written_at=WRITTEN)

    note.refresh_from_db()
    assert note.written_at == dt.datetime.fromisoformat(WRITTEN)


# Held back from the room ---------------------------------------------------------------


def _notes(meeting: Meeting, audience: Audience) -> list[dict[str, Any]]:
    data = state_data(meeting.pk, audience)
    return [n for s in data["sheets"] for n in s["notes"]]


def test_observations_are_held_back_from_the_room_until_revealed(
    demo_meeting: Meeting, on_visit: Sheet, brainstorm: AgendaItem, person: Participant,
    broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        note = _add(on_visit, person)
    _go(demo_meeting, brainstorm)

    added = [e for e in broadcasts if isinstance(e, NoteAdded)]
    assert [(e.note_id, e.from_visit) for e in added] == [(note.pk, True)]
    assert any(isinstance(e, SeqAdvanced) and e.seq == note.seq for e in broadcasts)
    assert [n["id"] for n in _notes(demo_meeting, Audience.PROJECTOR)] == []
    assert [n["id"] for n in _notes(demo_meeting, Audience.PHONE)] == []
    [marked] = _notes(demo_meeting, Audience.CONSOLE)
    assert (marked["id"], marked["from_visit"]) == (note.pk, True)
    assert marked["written_at"].startswith("2017-01-26T10:40:00")
    console_sheet = next(s for s in state_data(demo_meeting.pk, Audience.CONSOLE)["sheets"]
                         if s["id"] == on_visit.pk)
    assert console_sheet["visit_revealed"] is False

    with django_capture_on_commit_callbacks(execute=True):
        visits.visit_reveal(sheet=on_visit, revealed=True)

    assert isinstance(broadcasts[-1], SheetChanged)
    assert [n["id"] for n in _notes(demo_meeting, Audience.PROJECTOR)] == [note.pk]
    assert [n["id"] for n in _notes(demo_meeting, Audience.PHONE)] == [note.pk]

    visits.visit_reveal(sheet=on_visit, revealed=False)
    assert _notes(demo_meeting, Audience.PROJECTOR) == []


def test_a_note_written_in_the_hall_is_not_held_back(
    demo_meeting: Meeting, on_visit: Sheet, brainstorm: AgendaItem,
) -> None:
    from sanaksme.boards.tests.factories import add_note

    _go(demo_meeting, brainstorm)
    hall = add_note(on_visit, "problem", "Zāle")

    assert [n["id"] for n in _notes(demo_meeting, Audience.PROJECTOR)] == [hall.pk]


def test_hiding_a_held_back_observation_tells_the_room_nothing(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant, facilitator: Any,
    broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    note = _add(on_visit, person, text="Direktores vārds")

    with django_capture_on_commit_callbacks(execute=True):
        note_hide(note=note, actor=facilitator, reason="personīgi dati")

    room = [e for e in broadcasts if "Direktores" in json.dumps(e.payload())]
    assert all(e.type == "boards.note_changed" for e in room)
    assert any(isinstance(e, SeqAdvanced) for e in broadcasts)


# The scribe ---------------------------------------------------------------------------


def test_the_scribe_types_an_observation_for_a_participant_or_anonymous(
    on_visit: Sheet, person: Participant,
) -> None:
    named, created = visits.visit_note_type(
        sheet=on_visit, column="problem", text="Trūkst telpu", client_id="s1",
        author_id=person.pk)
    anonymous, _ = visits.visit_note_type(
        sheet=on_visit, column="positive", text="Labs mediators", client_id="s2",
        author_id=None)
    again, created_again = visits.visit_note_type(
        sheet=on_visit, column="problem", text="Trūkst telpu", client_id="s1",
        author_id=person.pk)

    assert created
    assert not created_again
    assert again.pk == named.pk
    assert (named.author_id, named.anonymous, named.typed_by_facilitator,
            named.from_visit) == (person.pk, False, True, True)
    assert (anonymous.author_id, anonymous.anonymous) == (None, True)
    assert named.written_at is not None


def test_the_scribe_cannot_name_a_person_of_another_meeting(on_visit: Sheet) -> None:
    stranger = ParticipantFactory.create(meeting=MeetingFactory.create())

    with pytest.raises(DomainError):
        visits.visit_note_type(sheet=on_visit, column="problem", text="x",
                               client_id="s3", author_id=stranger.pk)

    assert not Note.objects.filter(client_id="s3").exists()


def test_the_scribe_is_refused_before_the_visit_began(
    demo_meeting: Meeting, visit: AgendaItem,
) -> None:
    sheet = visits.visit_sheet(visit, create=True)
    assert sheet is not None

    with pytest.raises(DomainError):
        visits.visit_note_type(sheet=sheet, column="problem", text="x", client_id="s4",
                               author_id=None)


# Live actions --------------------------------------------------------------------------


def test_the_live_actions_store_and_answer_like_note_submit(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant, facilitator: Any,
) -> None:
    phone = ActionContext(demo_meeting.pk, Audience.PHONE, participant_id=person.pk)
    console = ActionContext(demo_meeting.pk, Audience.CONSOLE, user=facilitator)
    add = ACTIONS["visit_note_add"]

    ack = add.run(phone, add.payload(sheet=on_visit.pk, column="problem", text="Tālu",
                                     client_id="p1", written_at=WRITTEN))
    typed = ACTIONS["visit_note_type"].run(console, ACTIONS["visit_note_type"].payload(
        sheet=on_visit.pk, column="positive", text="Silti", client_id="p2",
        author=person.pk))
    shown = ACTIONS["visit_reveal"].run(console, ACTIONS["visit_reveal"].payload(
        sheet=on_visit.pk, revealed=True))

    note = Note.objects.get(client_id="p1")
    assert ack == {"type": "ack", "client_id": "p1", "note_id": note.pk, "seq": note.seq}
    assert typed["type"] == "ack"
    assert shown == {"type": "done", "action": "visit_reveal"}
    assert note.author_id == person.pk
    assert note.from_visit
    assert Sheet.objects.get(pk=on_visit.pk).visit_revealed


def test_another_meetings_sheet_is_refused(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant,
) -> None:
    other = MeetingFactory.create()
    phone = ActionContext(other.pk, Audience.PHONE, participant_id=person.pk)
    add = ACTIONS["visit_note_add"]

    with pytest.raises(DomainError):
        add.run(phone, add.payload(sheet=on_visit.pk, column="problem", text="x",
                                   client_id="p9", written_at=WRITTEN))


# The state -------------------------------------------------------------------------------


def test_the_phones_visit_state(
    demo_meeting: Meeting, on_visit: Sheet, visit: AgendaItem, person: Participant,
) -> None:
    note = _add(on_visit, person)
    other = demo_meeting.participants.exclude(pk=person.pk).exclude(
        category="organiser").order_by("pk")[0]
    _add(on_visit, other, "theirs")

    raw, _language = state_for(demo_meeting.pk, Audience.PHONE, category=person.category,
                               participant_id=person.pk)
    part = json.loads(raw)["visit"]

    site = demo_meeting.sites.get(key=SITE)
    assert set(part) == {"item_id", "site", "starts", "ends", "schedule", "departure",
                         "next", "sheet", "open", "mine"}
    assert part["item_id"] == visit.pk
    assert part["site"] == {"key": SITE, "name": site.name, "address": site.address,
                            "host": getattr(site, "host", ""),
                            "look_for": getattr(site, "look_for", "")}
    assert (part["starts"], part["ends"], part["departure"]) == ("10:00", "11:30", "11:30")
    assert [(s["starts"], s["current"]) for s in part["schedule"]] == [
        ("10:00", True), ("11:45", False), ("14:00", False), ("16:00", False)]
    assert part["schedule"][1]["site"] == demo_meeting.sites.get(key="pii-26").name
    assert part["next"] == {"title": part["schedule"][1]["title"],
                            "site": part["schedule"][1]["site"], "starts": "11:45"}
    assert part["sheet"]["id"] == on_visit.pk
    assert part["sheet"]["columns"] == ["positive", "problem", "existing_solution",
                                        "possible_solution"]
    assert part["open"] is True
    assert part["mine"] == [{"id": note.pk, "client_id": note.client_id, "column": "positive",
                             "text": note.text,
                             "written_at": part["mine"][0]["written_at"]}]
    assert part["mine"][0]["written_at"].startswith("2017-01-26T10:40:00")


def test_the_console_counts_the_observations_and_the_projector_gets_no_notes(
    demo_meeting: Meeting, on_visit: Sheet, person: Participant,
) -> None:
    _add(on_visit, person)
    _add(on_visit, None, "anon")

    console = state_data(demo_meeting.pk, Audience.CONSOLE)["visit"]
    wall = state_data(demo_meeting.pk, Audience.PROJECTOR)["visit"]

    assert console["notes"] == 2
    assert "mine" not in wall
    assert "notes" not in wall
    assert wall["site"]["key"] == SITE
    assert wall["schedule"]


def test_the_last_visit_of_the_day_has_no_next(demo_meeting: Meeting) -> None:
    last = _item(demo_meeting, "site_visit", site="romu-gimenes-un-nvo")
    current_item_set(meeting=demo_meeting, item=last)

    part = state_data(demo_meeting.pk, Audience.PHONE)["visit"]

    assert part["next"] is None
    assert part["schedule"][-1]["current"] is True
