"""Helpers for boards tests: meetings of a series with feedback and brainstorm sheets."""

# factory_boy's declarations are untyped.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import datetime as dt
import itertools

from factory.declarations import Sequence, SubFactory
from factory.django import DjangoModelFactory

from sanaksme.boards.models import Note, Sheet
from sanaksme.boards.services import note_create, sheets_ensure
from sanaksme.programme.domain.methods import Method, default_params
from sanaksme.programme.models import AgendaItem, Meeting, Organisation, Series
from sanaksme.programme.tests.factories import (
    AgendaItemFactory,
    DayFactory,
    MeetingFactory,
    OrganisationFactory,
)

_client_ids = itertools.count(1)


class SeriesFactory(DjangoModelFactory[Series]):
    class Meta:
        model = Series

    organisation = SubFactory(OrganisationFactory)
    slug = Sequence(lambda n: f"series-{n}")
    title = Sequence(lambda n: f"Series {n}")


def series_meeting(series: Series, starts_on: dt.date, *, organisation: Organisation
                   | None = None, **fields: object) -> Meeting:
    """A one-day meeting of `series` on `starts_on`."""
    meeting: Meeting = MeetingFactory.create(
        organisation=organisation or series.organisation, series=series,
        starts_on=starts_on, ends_on=starts_on, **fields)
    return meeting


def method_item(meeting: Meeting, method: Method, **params: object) -> AgendaItem:
    """An agenda item of `method` with its default parameters (some overridden)."""
    item: AgendaItem = AgendaItemFactory.create(
        day=DayFactory.create(meeting=meeting), method=method.value,
        params=default_params(method) | params)
    return item


def feedback_sheet(meeting: Meeting) -> Sheet:
    return sheets_ensure(item=method_item(meeting, Method.FEEDBACK))[0]


def add_note(sheet: Sheet, column: str, text: str) -> Note:
    note, _created = note_create(sheet=sheet, column=column, text=text,
                                 client_id=f"c{next(_client_ids)}",
                                 typed_by_facilitator=True)
    return note
