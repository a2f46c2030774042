"""Replaying the recorded Daugavpils meeting: what lands in the database.

The record is replayed once for the module, inside a transaction that is rolled back
at the end, so the other test modules never see it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sanaksme.boards.models import Note, Reply
from sanaksme.groups.models import Factor, Group, GroupSet, Solution, Theme
from sanaksme.participants.models import Attendance
from sanaksme.presenting.models import Projection
from sanaksme.programme.models import ItemRun, Meeting
from sanaksme.programme.yaml_io import parse_programme
from sanaksme.replay.record import Record, parse_record
from sanaksme.replay.run import EXAMPLES_DIR, replay_record
from sanaksme.replay.timeline import MEETING_ZONE
from sanaksme.speaking.models import Hand, Turn

pytestmark = pytest.mark.django_db
RECORD_FILE = EXAMPLES_DIR / "daugavpils-2017-record.yaml"
MEETING_DAYS = (dt.date(2017, 1, 26), dt.date(2017, 1, 27))


@pytest.fixture(scope="module")
def record() -> Record:
    return parse_record(RECORD_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def replayed(django_db_setup: None, django_db_blocker: object) -> Iterator[Meeting]:
    """The recorded meeting. (How long the replay takes: benchmarks/report_speed.py.)"""
    with django_db_blocker.unblock(), transaction.atomic():  # type: ignore[attr-defined]
        yield replay_record(RECORD_FILE.read_text(encoding="utf-8"))
        transaction.set_rollback(True)


@pytest.fixture
def meeting(replayed: Meeting) -> Meeting:
    return replayed


def _local_dates(*querysets_and_fields: tuple[object, str]) -> set[dt.date]:
    dates: set[dt.date] = set()
    for queryset, name in querysets_and_fields:
        for value in queryset.values_list(name, flat=True):  # type: ignore[attr-defined]
            if value is not None:
                dates.add(timezone.localtime(value, MEETING_ZONE).date())
    return dates


def test_the_record_replays_under_its_own_short_name(meeting: Meeting) -> None:
    assert meeting.slug == "daugavpils-2017-ieraksts"


def test_the_recorded_meeting_keeps_the_programmes_title(meeting: Meeting) -> None:
    programme = parse_programme((EXAMPLES_DIR / "daugavpils-2017.yaml").read_text("utf-8"))

    assert meeting.title == programme.meeting["title"]
    assert meeting.days.count() == 2


def test_participants_are_the_programmes_and_the_records(meeting: Meeting,
                                                         record: Record) -> None:
    programme = parse_programme((EXAMPLES_DIR / "daugavpils-2017.yaml").read_text("utf-8"))

    count = meeting.participants.count()

    assert count == len(programme.participants) + len(record.participants) == 42


def test_attendance_per_day_is_what_the_record_says(meeting: Meeting, record: Record) -> None:
    registered = meeting.participants.count()

    per_day = {day.date: Attendance.objects.filter(participant__meeting=meeting,
                                                   date=day.date).count()
               for day in record.days}

    assert per_day == {day.date: registered - len(day.absent) for day in record.days}
    assert per_day == {dt.date(2017, 1, 26): 34, dt.date(2017, 1, 27): 40}


def test_late_arrivals_are_first_seen_when_they_came(meeting: Meeting) -> None:
    seen = Attendance.objects.get(participant__meeting=meeting, date=MEETING_DAYS[1],
                                  participant__name="Sergejs Ļebedevs").first_seen_at

    assert timezone.localtime(seen, MEETING_ZONE).time() == dt.time(10, 52)


def test_brainstorm_notes_hidden_merged_and_replies_match(meeting: Meeting,
                                                          record: Record) -> None:
    notes = record.brainstorm_notes
    stored = Note.objects.filter(meeting=meeting, sheet__key__startswith="site-")

    assert stored.count() == len(notes) == 230
    assert stored.filter(hidden=True).count() == sum(1 for n in notes if n.hidden) == 5
    assert stored.filter(merged_into__isnull=False).count() == sum(
        1 for n in notes if n.merge_into) == 3
    assert Reply.objects.filter(meeting=meeting).count() == sum(
        len(n.replies) for n in notes) == 30
    assert stored.filter(typed_by_facilitator=True).count() == sum(1 for n in notes if n.typed)


def test_every_sheet_column_holds_its_notes(meeting: Meeting, record: Record) -> None:
    assert record.brainstorm is not None
    for sheet in record.brainstorm.sheets:
        for column in ("positive", "problem", "existing_solution", "possible_solution"):
            expected = sum(1 for n in sheet.notes if n.column == column)

            assert Note.objects.filter(meeting=meeting, sheet__key=sheet.sheet,
                                       column=column).count() == expected


def test_feedback_notes_are_anonymous(meeting: Meeting, record: Record) -> None:
    assert record.feedback is not None

    stored = Note.objects.filter(meeting=meeting, sheet__key="feedback")

    assert stored.count() == len(record.feedback.notes) == 40
    assert not stored.filter(Q(author__isnull=False) | Q(anonymous=False)).exists()
    assert stored.filter(column="suggestion").count() == 16


def test_about_three_hundred_notes_in_all(meeting: Meeting) -> None:
    assert Note.objects.filter(meeting=meeting).count() == 270


def test_tour_de_table_turns_are_the_recorded_seconds(meeting: Meeting,
                                                      record: Record) -> None:
    assert record.tour is not None

    turns = list(Turn.objects.filter(round__item__title=record.tour.item,
                                     round__meeting=meeting).order_by("started_at"))

    assert [(t.participant.name if t.participant else None, t.spoken_seconds)
            for t in turns] == [(x.name, x.seconds) for x in record.tour.turns]
    assert sum(1 for t in turns if t.spoken_seconds > t.allowed_seconds) >= 8
    assert turns[-1].participant is not None
    assert turns[-1].participant.name == "Sergejs Ļebedevs"  # came late, spoke last


def test_discussion_turns_hands_and_minutes(meeting: Meeting, record: Record) -> None:
    for discussion in record.discussions:
        turns = Turn.objects.filter(round__item__title=discussion.item,
                                    round__meeting=meeting).order_by("started_at")

        assert turns.count() == len(discussion.turns)
        assert [t.minutes for t in turns] == [t.minutes for t in discussion.turns]
    first = record.discussions[0]
    hands = Hand.objects.filter(round__item__title=first.item, round__meeting=meeting)
    assert hands.filter(priority=True).count() == 7
    assert [h.priority for h in hands.order_by("called_at")][:6] == [True] * 6


def test_groups_factors_and_themes(meeting: Meeting, record: Record) -> None:
    assert record.group_work is not None
    work = record.group_work

    group_set = GroupSet.objects.get(meeting=meeting)

    assert group_set.seed == work.seed
    assert list(Group.objects.filter(group_set=group_set).values_list("kind", flat=True)) == [
        "random", "random", "random", "dedicated"]
    factors = Factor.objects.filter(group__group_set=group_set)
    assert factors.count() == sum(len(w.factors) for w in work.worksheets) == 25
    assert Solution.objects.filter(factor__group__group_set=group_set).count() == sum(
        len(f.solutions) for w in work.worksheets for f in w.factors)
    themes = Theme.objects.filter(group_set=group_set)
    assert not themes.filter(confirmed=False).exists()
    assert record.presentations is not None
    labels = set(themes.values_list("label", flat=True))
    assert {t.label for t in record.presentations.themes} <= labels


def test_the_roma_group_presented_last(meeting: Meeting) -> None:
    groups = Group.objects.filter(group_set__meeting=meeting).order_by("number")

    assert [g.presented_seconds for g in groups] == [430, 470, 400, 520]
    assert groups.last().kind == "dedicated"  # type: ignore[union-attr]


def test_every_present_person_of_a_random_category_is_in_one_group(meeting: Meeting) -> None:
    placed = list(Group.objects.filter(group_set__meeting=meeting)
                  .values_list("memberships__participant_id", flat=True))

    expected = meeting.participants.filter(present=True).exclude(category="organiser")
    assert sorted(placed) == sorted(expected.values_list("pk", flat=True))


def test_the_summary_is_the_facilitators_text(meeting: Meeting, record: Record) -> None:
    assert record.summary is not None

    projection = Projection.objects.get(item__title=record.summary.item,
                                        item__day__meeting=meeting)

    assert projection.summary == record.summary.text
    assert projection.summary_shown


def test_item_runs_start_when_the_record_says(meeting: Meeting, record: Record) -> None:
    runs = ItemRun.objects.filter(meeting=meeting).order_by("started_at")

    started = [timezone.localtime(r.started_at, MEETING_ZONE) for r in runs]

    assert [(s.date(), s.time()) for s in started] == [
        (day.date, item.started) for day in record.days for item in day.items]
    assert not runs.filter(ended_at__isnull=True).exists()
    assert meeting.current_item is None


def test_every_time_falls_on_the_meeting_days(meeting: Meeting) -> None:
    dates = _local_dates(
        (Note.objects.filter(meeting=meeting), "created_at"),
        (Reply.objects.filter(meeting=meeting), "created_at"),
        (Turn.objects.filter(round__meeting=meeting), "started_at"),
        (Turn.objects.filter(round__meeting=meeting), "ended_at"),
        (Hand.objects.filter(round__meeting=meeting), "raised_at"),
        (Factor.objects.filter(group__group_set__meeting=meeting), "created_at"),
        (ItemRun.objects.filter(meeting=meeting), "started_at"),
        (Attendance.objects.filter(participant__meeting=meeting), "first_seen_at"),
    )

    assert dates <= set(MEETING_DAYS)
    assert timezone.localtime(meeting.created_at, MEETING_ZONE).date() == dt.date(2017, 1, 16)

