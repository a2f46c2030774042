"""Programme services: the new state they leave and the events they announce."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction

from sanaksme.core.exceptions import DomainError
from sanaksme.live.events import Event, ProgrammeChanged
from sanaksme.programme import services
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem, Day, Meeting, Organisation, Site

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

JAN_26 = dt.date(2017, 1, 26)
JAN_27 = dt.date(2017, 1, 27)
JAN_28 = dt.date(2017, 1, 28)


def dates(meeting: Meeting) -> list[dt.date]:
    return list(meeting.days.order_by("date").values_list("date", flat=True))


def positions(day: Day) -> list[str]:
    return list(day.items.order_by("position").values_list("title", flat=True))


# Meetings -------------------------------------------------------------------------


def test_meeting_create_makes_one_day_per_date(organisation: Organisation) -> None:
    meeting = services.meeting_create(organisation=organisation, slug="riga-2018",
                                      title="Riga", place="Rīga", starts_on=JAN_26,
                                      ends_on=JAN_28)

    assert dates(meeting) == [JAN_26, JAN_27, JAN_28]


def test_meeting_create_refuses_end_before_start(organisation: Organisation) -> None:
    with pytest.raises(DomainError) as error:
        services.meeting_create(organisation=organisation, slug="riga-2018", title="Riga",
                                place="Rīga", starts_on=JAN_27, ends_on=JAN_26)

    assert error.value.field == "ends_on"
    assert not Meeting.objects.filter(slug="riga-2018").exists()


def test_meeting_create_refuses_a_taken_slug(meeting: Meeting,
                                             organisation: Organisation) -> None:
    with pytest.raises(DomainError) as error:
        services.meeting_create(organisation=organisation, slug=meeting.slug,
                                title="Again", place="Rīga", starts_on=JAN_26,
                                ends_on=JAN_26)

    assert error.value.field == "slug"
    assert Meeting.objects.filter(slug=meeting.slug).count() == 1


def test_meeting_update_refuses_to_drop_a_day_with_items(
    meeting: Meeting, agenda_item_factory: Any,
) -> None:
    agenda_item_factory(day=meeting.days.get(date=JAN_27))

    with pytest.raises(DomainError) as error:
        services.meeting_update(meeting=meeting, ends_on=JAN_26)

    assert "2017-01-27" in error.value.message
    meeting.refresh_from_db()
    assert meeting.ends_on == JAN_27
    assert dates(meeting) == [JAN_26, JAN_27]


def test_meeting_update_drops_empty_days_and_adds_new_ones(meeting: Meeting) -> None:
    services.meeting_update(meeting=meeting, starts_on=JAN_27, ends_on=JAN_28)

    assert dates(meeting) == [JAN_27, JAN_28]


def test_meeting_update_broadcasts_programme_changed(
    meeting: Meeting, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=meeting, title="New title")

    assert broadcasts == [ProgrammeChanged(meeting_id=meeting.pk, seq=last_seq(meeting.pk))]


# Agenda items ---------------------------------------------------------------------


def test_agenda_item_create_appends_with_default_params(
    day: Day, agenda_item_factory: Any,
) -> None:
    agenda_item_factory.create_batch(2, day=day)

    item = services.agenda_item_create(day=day, title="Introductions",
                                       method=Method.TOUR_DE_TABLE)

    assert item.position == 2
    assert item.params == {"minutes_per_speaker": 3}
    assert positions(day)[-1] == "Introductions"


def test_agenda_item_create_keeps_given_params(day: Day) -> None:
    item = services.agenda_item_create(day=day, title="Introductions",
                                       method=Method.TOUR_DE_TABLE,
                                       params={"minutes_per_speaker": 5})

    assert item.params == {"minutes_per_speaker": 5}


def test_agenda_item_create_broadcasts_after_commit(
    day: Day, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.agenda_item_create(day=day, title="Coffee", method=Method.BREAK)
        sent_before_commit = list(broadcasts)

    assert sent_before_commit == []
    assert len(callbacks) == 1
    assert broadcasts == [ProgrammeChanged(meeting_id=day.meeting_id, seq=last_seq(day.meeting_id))]


def test_agenda_item_create_refuses_bad_params(day: Day) -> None:
    with pytest.raises(DomainError) as error:
        services.agenda_item_create(day=day, title="Introductions",
                                    method=Method.TOUR_DE_TABLE,
                                    params={"minutes_per_speaker": 0})

    assert error.value.field == "param_minutes_per_speaker"
    assert not AgendaItem.objects.filter(day=day).exists()


def test_agenda_item_create_refuses_a_site_not_in_the_meeting(day: Day) -> None:
    with pytest.raises(DomainError) as error:
        services.agenda_item_create(day=day, title="Visit", method=Method.SITE_VISIT,
                                    params={"site": "nowhere"})

    assert "not a site key" in error.value.message


def test_rolled_back_change_broadcasts_nothing(
    day: Day, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    def create_then_fail() -> None:
        with transaction.atomic():
            services.agenda_item_create(day=day, title="Coffee", method=Method.BREAK)
            raise RuntimeError("rolled back")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        create_then_fail()

    assert broadcasts == []
    assert not AgendaItem.objects.filter(day=day).exists()


def test_agenda_item_update_to_another_method_resets_params_to_its_defaults(
    agenda_item_factory: Any, day: Day,
) -> None:
    item = agenda_item_factory(day=day, method=Method.TOUR_DE_TABLE.value,
                               params={"minutes_per_speaker": 5})

    services.agenda_item_update(item=item, method=Method.GROUP_PRESENTATIONS)

    item.refresh_from_db()
    assert item.method == "group_presentations"
    assert item.params == {"order": "random_first", "minutes_per_group": 5,
                           "compare": True}


def test_agenda_item_update_with_same_method_keeps_other_params(
    agenda_item_factory: Any, day: Day,
) -> None:
    item = agenda_item_factory(day=day, method=Method.GROUP_PRESENTATIONS.value,
                               params={"order": "as_formed", "minutes_per_group": 9,
                                       "compare": False})

    services.agenda_item_update(item=item, params={"minutes_per_group": 4})

    item.refresh_from_db()
    assert item.params == {"order": "as_formed", "minutes_per_group": 4, "compare": False}


def test_agenda_item_update_with_bad_params_changes_nothing(
    agenda_item_factory: Any, day: Day, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    item = agenda_item_factory(day=day, title="Introductions",
                               method=Method.TOUR_DE_TABLE.value,
                               params={"minutes_per_speaker": 3})

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        services.agenda_item_update(item=item, title="Renamed",
                                    params={"minutes_per_speaker": "three"})

    item.refresh_from_db()
    assert (item.title, item.params) == ("Introductions", {"minutes_per_speaker": 3})
    assert broadcasts == []


def test_agenda_item_update_refuses_a_day_of_another_meeting(
    agenda_item: AgendaItem, day_factory: Any,
) -> None:
    other_day = day_factory(meeting__slug="elsewhere")

    with pytest.raises(DomainError) as error:
        services.agenda_item_update(item=agenda_item, day=other_day)

    assert error.value.field == "day"
    agenda_item.refresh_from_db()
    assert agenda_item.day_id != other_day.pk


@pytest.fixture
def three_items(day: Day, agenda_item_factory: Any) -> list[AgendaItem]:
    return [agenda_item_factory(day=day, title=title) for title in ("A", "B", "C")]


def test_agenda_item_move_up_swaps_with_the_one_above(
    day: Day, three_items: list[AgendaItem],
) -> None:
    services.agenda_item_move(item=three_items[2], offset=-1)

    assert positions(day) == ["A", "C", "B"]


def test_agenda_item_move_down_swaps_with_the_one_below(
    day: Day, three_items: list[AgendaItem],
) -> None:
    services.agenda_item_move(item=three_items[0], offset=1)

    assert positions(day) == ["B", "A", "C"]


def test_agenda_item_move_up_from_the_top_stays_put(
    day: Day, three_items: list[AgendaItem],
) -> None:
    moved = services.agenda_item_move(item=three_items[0], offset=-1)

    assert positions(day) == ["A", "B", "C"]
    assert moved.position == 0


def test_agenda_item_delete_removes_it_and_broadcasts(
    agenda_item: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    meeting_id = agenda_item.day.meeting_id

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_item_delete(item=agenda_item)

    assert not AgendaItem.objects.filter(day__meeting_id=meeting_id).exists()
    assert broadcasts == [ProgrammeChanged(meeting_id=meeting_id, seq=last_seq(meeting_id))]


# Sites and days -------------------------------------------------------------------


def test_site_save_creates_a_site_at_the_end(meeting: Meeting, site_factory: Any) -> None:
    site_factory(meeting=meeting, key="school")

    site = services.site_save(meeting=meeting, key="kindergarten", name="Kindergarten")

    assert site.position == 1
    assert list(meeting.sites.values_list("key", flat=True)) == ["school", "kindergarten"]


def test_site_save_refuses_a_duplicate_key(meeting: Meeting, site_factory: Any) -> None:
    site_factory(meeting=meeting, key="school")

    with pytest.raises(DomainError) as error:
        services.site_save(meeting=meeting, key="school", name="Another school")

    assert error.value.field == "key"
    assert Site.objects.filter(meeting=meeting).count() == 1


def test_site_save_keeps_the_key_of_the_site_being_edited(
    meeting: Meeting, site_factory: Any,
) -> None:
    site = site_factory(meeting=meeting, key="school", name="School")

    services.site_save(meeting=meeting, site=site, key="school", name="Renamed")

    site.refresh_from_db()
    assert site.name == "Renamed"


def test_day_update_changes_hours_and_broadcasts(
    day: Day, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.day_update(day=day, starts_at=dt.time(10, 0), title="Visits")

    day.refresh_from_db()
    assert (day.starts_at, day.title) == (dt.time(10, 0), "Visits")
    assert broadcasts == [ProgrammeChanged(meeting_id=day.meeting_id, seq=last_seq(day.meeting_id))]


def last_seq(meeting_id: int) -> int:
    """The meeting's sequence number now: the event must carry the latest one."""
    return Meeting.objects.values_list("last_seq", flat=True).get(pk=meeting_id)
