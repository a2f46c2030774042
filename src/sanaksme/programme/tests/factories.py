"""factory_boy factories for programme models; registered as fixtures in conftest.py."""

# factory_boy's declarations are untyped.
# mypy: disable-error-code="no-untyped-call, untyped-decorator"

from __future__ import annotations

import datetime as dt
from typing import Any

from factory.declarations import LazyAttribute, LazyFunction, Sequence, SubFactory
from factory.django import DjangoModelFactory
from factory.helpers import post_generation

from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem, Day, Meeting, Organisation, Site


class OrganisationFactory(DjangoModelFactory[Organisation]):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = Sequence(lambda n: f"Organisation {n}")


class MeetingFactory(DjangoModelFactory[Meeting]):
    """A two-day meeting; one Day row per date unless built with `days=False`."""

    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    organisation = SubFactory(OrganisationFactory)
    slug = Sequence(lambda n: f"meeting-{n}")
    title = Sequence(lambda n: f"Meeting {n}")
    place = "Daugavpils"
    language = "lv"
    starts_on = dt.date(2017, 1, 26)
    ends_on = dt.date(2017, 1, 27)

    @post_generation
    def days(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not create or extracted is False:
            return
        date = self.starts_on
        while date <= self.ends_on:
            Day.objects.get_or_create(meeting=self, date=date)
            date += dt.timedelta(days=1)


class DayFactory(DjangoModelFactory[Day]):
    """The meeting's first day (reused if the meeting already has it)."""

    class Meta:
        model = Day
        django_get_or_create = ("meeting", "date")

    meeting = SubFactory(MeetingFactory)
    date = LazyAttribute(lambda o: o.meeting.starts_on)
    starts_at = dt.time(9, 0)
    ends_at = dt.time(18, 0)


class SiteFactory(DjangoModelFactory[Site]):
    class Meta:
        model = Site

    meeting = SubFactory(MeetingFactory)
    key = Sequence(lambda n: f"site-{n}")
    name = Sequence(lambda n: f"Site {n}")
    position = LazyAttribute(lambda o: o.meeting.sites.count())


class AgendaItemFactory(DjangoModelFactory[AgendaItem]):
    """A break, appended at the end of its day."""

    class Meta:
        model = AgendaItem

    day = SubFactory(DayFactory)
    title = Sequence(lambda n: f"Item {n}")
    method = Method.BREAK.value
    params = LazyFunction(dict)
    position = LazyAttribute(lambda o: o.day.items.count())
    starts_at = None
    ends_at = None
