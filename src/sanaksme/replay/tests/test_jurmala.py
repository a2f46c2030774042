"""The compact Jūrmala 2016 record: an earlier meeting of the same series."""

from __future__ import annotations

import pytest

from sanaksme.boards.models import Note
from sanaksme.groups.models import Factor, Group
from sanaksme.replay.record import parse_record
from sanaksme.replay.run import EXAMPLES_DIR, replay_record

pytestmark = pytest.mark.django_db
TEXT = (EXAMPLES_DIR / "jurmala-2016-record.yaml").read_text(encoding="utf-8")


def test_jurmala_replays_into_the_same_series_as_daugavpils() -> None:
    record = parse_record(TEXT)

    meeting = replay_record(TEXT)
    daugavpils = replay_record((EXAMPLES_DIR / "daugavpils-2017-record.yaml")
                               .read_text(encoding="utf-8"))

    assert meeting.ordinal == "I"
    assert meeting.series_id == daugavpils.series_id is not None
    assert meeting.participants.count() == 15
    assert Note.objects.filter(meeting=meeting).count() == len(record.brainstorm_notes) + len(
        record.feedback.notes if record.feedback else ()) == 60
    assert Group.objects.filter(group_set__meeting=meeting).count() == 3
    assert Factor.objects.filter(group__group_set__meeting=meeting).count() == 14


def test_jurmala_suggestions_are_ones_daugavpils_took_up() -> None:
    record = parse_record(TEXT)

    assert record.feedback is not None
    suggestions = " ".join(t for kind, t in record.feedback.notes if kind == "suggestion")
    assert "grupu darbam" in suggestions
    assert "mediatorus" in suggestions
    assert "skolas un bērnudārzus" in suggestions
