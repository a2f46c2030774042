"""A small meeting run end to end through the real services, on a controlled clock.

The report tests read it back: every number below is known, so `ReportData` can be
checked field by field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from unittest import mock

from sanaksme.boards import services as boards
from sanaksme.boards.models import Note
from sanaksme.groups.models import GroupSet
from sanaksme.groups.services import comparison, formation, worksheets
from sanaksme.participants.models import Participant
from sanaksme.participants.services import participant_join
from sanaksme.presenting.services import summary_write
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item
from sanaksme.speaking import services as speaking

RIGA = dt.timezone(dt.timedelta(hours=2))  # January: EET
DAY_2 = dt.date(2017, 1, 27)
ABSENT = ("Laila Siliņa", "Valentīna Karpova")  # one regional expert, one Roma representative
SUMMARY = "Kopīgais: zema motivācija mācīties.\n\nAtšķirīgais: atbildības sadalījums."


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime.combine(DAY_2, dt.time(10, 5), RIGA)

    def at(self, hh: int, mm: int) -> None:
        self.now = dt.datetime.combine(DAY_2, dt.time(hh, mm), RIGA)

    def wait(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@contextmanager
def clock() -> Iterator[Clock]:
    c = Clock()
    with mock.patch("django.utils.timezone.now", side_effect=lambda: c.now):
        yield c


@dataclass
class Ran:
    meeting: Meeting
    hidden: Note
    merged: Note


def _item(meeting: Meeting, method: str, index: int = 0) -> AgendaItem:
    return list(AgendaItem.objects.filter(day__meeting=meeting, method=method)
                .order_by("day__date", "position"))[index]


def _person(meeting: Meeting, name: str) -> Participant:
    return Participant.objects.get(meeting=meeting, name=name)


def _tour(meeting: Meeting, c: Clock) -> None:
    round_ = speaking.round_get_or_create(item=_item(meeting, "tour_de_table"))
    expected = None
    for seconds in (120, 200, 90):  # the second speaker goes over 3 minutes
        round_ = speaking.turn_next(round_=round_, expected=expected)
        expected = round_.current_id
        c.wait(seconds)
    speaking.turn_next(round_=round_, expected=expected)


def _brainstorm(meeting: Meeting) -> tuple[Note, Note]:
    sheets = boards.sheets_ensure(item=_item(meeting, "brainstorm"))
    expert = _person(meeting, "Anita Bērziņa")
    official = _person(meeting, "Olga Ivanova")
    texts = [(0, "positive", "Skolotāju palīgi strādā ar ģimenēm"),
             (0, "positive", "Skolotāja palīgi palīdz ģimenēm"),
             (0, "problem", "Bērni bieži kavē <b>stundas</b>"),
             (0, "problem", "Nepiederīga piezīme"),
             (1, "possible_solution", "Vairāk vietu pirmsskolā")]
    notes = [boards.note_create(sheet=sheets[s], column=col, text=text, client_id=f"c{i}",
                                author=expert)[0] for i, (s, col, text) in enumerate(texts)]
    boards.reply_create(note=notes[2], kind="clarification", client_id="r1", author=official,
                        text="Kavējumi samazinājušies par trešdaļu")
    boards.note_hide(note=notes[3], actor=None, reason="Ne par tēmu")
    boards.note_merge(note=notes[1], into=notes[0], actor=None)
    return notes[3], notes[1]


def _discussion(meeting: Meeting, c: Clock) -> None:
    round_ = speaking.round_get_or_create(item=_item(meeting, "discussion"))
    for name, seconds in (("Roberts Kozlovskis", 150), ("Olga Ivanova", 60)):
        hand = speaking.hand_raise(round_=round_, participant_id=_person(meeting, name).pk)
        round_ = speaking.turn_call(round_=round_, expected=round_.current_id, hand_id=hand.pk)
        c.wait(seconds)
    speaking.turn_write(round_=round_, turn_id=round_.current_id or 0, minutes="",
                        key_points=["Mediators vajadzīgs katrā pašvaldībā"])
    speaking.turn_next(round_=round_, expected=round_.current_id)


def _groups(meeting: Meeting) -> None:
    group_set = formation.groups_draw(item=_item(meeting, "group_work"), seed=7)
    groups = {g.kind: g for g in group_set.groups.order_by("number")}
    expert_group, roma_group = groups["random"], groups["dedicated"]
    for group, text, weights in ((expert_group, "Zema motivācija mācīties", (5, 3, 2)),
                                 (roma_group, "Bērni negrib iet uz skolu, neredz jēgu",
                                  (2, 2, 6))):
        factor = worksheets.factor_add(group=group, text=text, client_id=f"f{group.pk}")
        worksheets.factor_weigh(factor=factor, municipality=weights[0], state=weights[1],
                                community=weights[2])
        worksheets.solution_add(factor=factor, text="Mentori skolā", client_id=f"s{group.pk}")
    comparison.comparison_propose(group_set=GroupSet.objects.get(pk=group_set.pk))
    comparison.comparison_confirm(group_set=GroupSet.objects.get(pk=group_set.pk))


def _feedback(meeting: Meeting) -> None:
    sheet = boards.sheets_ensure(item=_item(meeting, "feedback"))[0]
    for i, (column, text) in enumerate((("feedback", "Ļoti noderīgas vizītes"),
                                        ("suggestion", "Vairāk laika grupu darbam"))):
        boards.note_create(sheet=sheet, column=column, text=text, client_id=f"fb{i}",
                           anonymous=True)


def run_meeting(meeting: Meeting) -> Ran:
    """Day 2 of the demo meeting: who came, the tour, a brainstorm, a discussion, groups,
    the summary and feedback. The tour runs 10:05–11:40 (planned 10:00–11:30)."""
    with clock() as c:
        for person in meeting.participants.exclude(name__in=ABSENT):
            participant_join(meeting=meeting, participant_id=person.pk)
        meeting_set_current_item(meeting=meeting, item=_item(meeting, "tour_de_table"))
        _tour(meeting, c)
        c.at(11, 40)
        meeting_set_current_item(meeting=meeting, item=_item(meeting, "brainstorm"))
        hidden, merged = _brainstorm(meeting)
        c.at(13, 20)
        meeting_set_current_item(meeting=meeting, item=_item(meeting, "discussion"))
        _discussion(meeting, c)
        c.at(15, 35)
        meeting_set_current_item(meeting=meeting, item=_item(meeting, "group_work"))
        _groups(meeting)
        summary_write(item=_item(meeting, "summary"), text=SUMMARY)
        _feedback(meeting)
        c.at(17, 45)
        meeting_set_current_item(meeting=meeting, item=None)
    return Ran(meeting, hidden, merged)
