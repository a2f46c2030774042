"""The programme as run: `meeting_set_current_item` records when each item was live."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest

from sanaksme.programme import services
from sanaksme.programme.models import ItemRun, Meeting

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2017, 1, 27, 8, 0, tzinfo=dt.UTC)


def at(minutes: int) -> mock._patch[mock.MagicMock]:
    return mock.patch("django.utils.timezone.now", return_value=T0 + dt.timedelta(minutes=minutes))


def test_switching_items_closes_the_previous_run(demo_meeting: Meeting) -> None:
    first, second = demo_meeting.days.last().items.order_by("position")[:2]  # type: ignore[union-attr]

    with at(0):
        services.meeting_set_current_item(meeting=demo_meeting, item=first)
    with at(35):
        services.meeting_set_current_item(meeting=demo_meeting, item=second)

    runs = list(ItemRun.objects.order_by("started_at"))
    assert [(r.item_id, r.started_at, r.ended_at) for r in runs] == [
        (first.pk, T0, T0 + dt.timedelta(minutes=35)),
        (second.pk, T0 + dt.timedelta(minutes=35), None),
    ]


def test_clearing_the_current_item_ends_the_open_run(demo_meeting: Meeting) -> None:
    item = demo_meeting.days.first().items.first()  # type: ignore[union-attr]
    with at(0):
        services.meeting_set_current_item(meeting=demo_meeting, item=item)

    with at(10):
        services.meeting_set_current_item(meeting=demo_meeting, item=None)

    assert ItemRun.objects.get().ended_at == T0 + dt.timedelta(minutes=10)


def test_setting_the_same_item_again_keeps_one_run(demo_meeting: Meeting) -> None:
    item = demo_meeting.days.first().items.first()  # type: ignore[union-attr]

    with at(0):
        services.meeting_set_current_item(meeting=demo_meeting, item=item)
    with at(5):
        services.meeting_set_current_item(meeting=demo_meeting, item=item)

    assert ItemRun.objects.count() == 1
