"""A demo meeting that has been run: notes, replies, feedback, turns, hands, groups,
worksheets, themes, a video and a summary, all made through the services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import (
    note_create,
    note_hide,
    note_merge,
    reply_create,
    sheets_ensure,
)
from sanaksme.groups.models import Group
from sanaksme.groups.services.comparison import comparison_propose, factor_set_theme
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.showing import showing_get_or_create, showing_next
from sanaksme.groups.services.worksheets import factor_add, factor_weigh, solution_add
from sanaksme.participants.models import Participant
from sanaksme.presenting.services import summary_write, video_add_link
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item
from sanaksme.speaking.services import (
    hand_raise,
    round_get_or_create,
    turn_call,
    turn_next,
    turn_write,
)

T0 = dt.datetime(2017, 1, 27, 9, 0, tzinfo=dt.UTC)
ROMA = "roma_community"


def item(meeting: Meeting, method: str, index: int = 0) -> AgendaItem:
    return AgendaItem.objects.filter(day__meeting=meeting, method=method).order_by(
        "day__date", "position")[index]


def person(meeting: Meeting, category: str, index: int = 0) -> Participant:
    return Participant.objects.filter(meeting=meeting, category=category).order_by("pk")[index]


def roma_names(meeting: Meeting) -> list[str]:
    return list(Participant.objects.filter(meeting=meeting, category=ROMA)
                .values_list("name", flat=True))


def run_meeting(meeting: Meeting, facilitator: Any) -> Meeting:
    """Fill the demo meeting with what a day of work leaves behind."""
    _boards(meeting, facilitator)
    _speaking(meeting)
    _groups(meeting)
    video_add_link(item=item(meeting, "presentation"), url="https://youtu.be/dQw4w9WgXcQ",
                   title="Romu mediatori")
    summary_write(item=item(meeting, "summary"), text="Kopīgais: valodas barjera.")
    meeting_set_current_item(meeting=meeting, item=item(meeting, "feedback"))
    _attendance(meeting)
    meeting.refresh_from_db()
    return meeting


def _boards(meeting: Meeting, facilitator: Any) -> None:
    sheet = sheets_ensure(item=item(meeting, "brainstorm"))[0]
    roma, municipal = person(meeting, ROMA), person(meeting, "municipal")
    expert = person(meeting, "regional_expert")
    first, _new = note_create(sheet=sheet, column="positive", text="Romu mediators skolā",
                              client_id="n1", author=roma)
    note_create(sheet=sheet, column="problem", text="=HYPERLINK(\"x\") trūkst skolotāju",
                client_id="n2", author=expert)
    dup, _new = note_create(sheet=sheet, column="positive", text="Mediators skolā",
                            client_id="n3", author=expert)
    hidden, _new = note_create(sheet=sheet, column="problem", text="Off topic",
                               client_id="n4", author=roma, typed_by_facilitator=True)
    note_merge(note=dup, into=first, actor=facilitator)
    note_hide(note=hidden, actor=facilitator, reason="Nav par tēmu")
    reply_create(note=first, kind="comment", text="Pašvaldība to finansē",
                 client_id="r1", author=municipal)
    feedback: Sheet = sheets_ensure(item=item(meeting, "feedback"))[0]
    note_create(sheet=feedback, column="suggestion", text="Vairāk laika grupām",
                client_id="f1", author=roma)


def _speaking(meeting: Meeting) -> None:
    tour = round_get_or_create(item=item(meeting, "tour_de_table"))
    tour = turn_next(round_=tour, expected=None, now=T0)
    turn_next(round_=tour, expected=tour.current_id, now=T0 + dt.timedelta(seconds=200))
    talk = round_get_or_create(item=item(meeting, "discussion"))
    hand = hand_raise(round_=talk, participant_id=person(meeting, ROMA, 1).pk,
                      now=T0 + dt.timedelta(hours=3))
    turn_call(round_=talk, expected=None, hand_id=hand.pk, now=T0 + dt.timedelta(hours=3))
    talk.refresh_from_db()
    if talk.current_id is not None:
        turn_write(round_=talk, turn_id=talk.current_id, minutes="Mediatori vajadzīgi.",
                   key_points=["mediatori"])


def _groups(meeting: Meeting) -> None:
    group_set = groups_draw(item=item(meeting, "group_work"), seed=7, everyone=True)
    texts = {"random": ["Valodas barjera", "Skolotāju trūkums"],
             "dedicated": ["Valodas barjera skolā", "Nabadzība"]}
    for group in Group.objects.filter(group_set=group_set).order_by("number"):
        for i, text in enumerate(texts[group.kind]):
            factor = factor_add(group=group, text=text, client_id=f"g{group.number}-{i}")
            factor_weigh(factor=factor, municipality=3, state=2, community=i)
            solution_add(factor=factor, text=f"Risinājums {group.number}.{i}",
                         client_id=f"s{group.number}-{i}")
    themes = comparison_propose(group_set=group_set)
    if not themes:  # the engine found nothing: make one theme by hand
        first = group_set.groups.order_by("number").first()
        assert first is not None
        factor_set_theme(factor=first.factors.order_by("pk")[0], theme=None)
    showing = showing_get_or_create(item=item(meeting, "group_presentations"))
    showing_next(showing=showing, expected=None, now=T0 + dt.timedelta(hours=7))


def _attendance(meeting: Meeting) -> None:
    """Rows of the models being added by others, made directly when they exist."""
    try:
        attendance = apps.get_model("participants", "Attendance")
        runs = apps.get_model("programme", "ItemRun")
    except LookupError:
        return
    for p in Participant.objects.filter(meeting=meeting).order_by("pk")[:5]:
        attendance._default_manager.create(participant=p, date=meeting.ends_on,
                                           first_seen_at=T0)
    runs._default_manager.create(meeting=meeting, item=item(meeting, "brainstorm"),
                                 started_at=T0, ended_at=T0 + dt.timedelta(minutes=80))


def note_count(meeting: Meeting) -> int:
    return Note.objects.filter(meeting=meeting).count()
