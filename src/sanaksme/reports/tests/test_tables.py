"""The export tables: what each row holds, and that nobody is named by default."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sanaksme.boards.models import Note
from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting
from sanaksme.reports.tables import (
    RIGA,
    TABLES,
    export_columns,
    export_rows,
    value_label,
)

from .builders import ROMA, roma_names, run_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo_meeting: Meeting, facilitator: Any) -> Meeting:
    return run_meeting(demo_meeting, facilitator)


def _values(rows: dict[str, list[dict[str, Any]]]) -> str:
    return repr(rows)


def test_every_table_is_there_with_the_keys_of_its_columns(meeting: Meeting) -> None:
    rows = export_rows(meeting)

    assert list(rows) == list(TABLES)
    for table, table_rows in rows.items():
        keys = [c.key for c in export_columns(table)]
        assert table_rows, table
        assert all(list(row) == keys for row in table_rows)


def test_by_default_no_row_has_a_name_column_or_a_community_name(meeting: Meeting) -> None:
    rows = export_rows(meeting)

    assert all("author_name" not in row for table in rows.values() for row in table)
    text = _values(rows)
    assert roma_names(meeting)
    assert not [name for name in roma_names(meeting) if name in text]


def test_the_author_category_is_given_without_names(meeting: Meeting) -> None:
    note = export_rows(meeting)["notes"][0]

    assert note["author_category"] == ROMA


def test_with_names_every_author_is_named(meeting: Meeting) -> None:
    rows = export_rows(meeting, include_names=True)

    author = Note.objects.get(meeting=meeting, client_id="n1").author
    assert author is not None
    assert rows["notes"][0]["author_name"] == author.name
    assert rows["replies"][0]["author_name"]


def test_an_anonymous_feedback_note_has_no_author_even_with_names(meeting: Meeting) -> None:
    rows = export_rows(meeting, include_names=True)

    feedback = next(n for n in rows["notes"] if n["method"] == "feedback")
    assert feedback["anonymous"] is True
    assert feedback["author_category"] is None
    assert feedback["author_name"] is None
    assert feedback["sheet_key"] == "feedback"


def test_a_note_row_names_its_sheet_site_and_column_and_a_riga_time(
    meeting: Meeting,
) -> None:
    note = export_rows(meeting)["notes"][0]

    assert note["sheet_key"] == "site-raina-6-vidusskola"
    assert note["site"] == note["sheet"]
    assert note["column"] == "positive"
    written = dt.datetime.fromisoformat(note["created_at"])
    assert written.utcoffset() == written.astimezone(RIGA).utcoffset()


def test_hidden_and_merged_notes_are_kept_with_the_reason_and_target(
    meeting: Meeting,
) -> None:
    notes = {n["text"]: n for n in export_rows(meeting)["notes"]}

    assert notes["Off topic"]["hidden"] is True
    assert notes["Off topic"]["hidden_reason"] == "Nav par tēmu"
    assert notes["Off topic"]["typed_by_facilitator"] is True
    assert notes["Mediators skolā"]["merged_into"] == notes["Romu mediators skolā"]["id"]


def test_a_reply_points_to_its_note_with_its_kind(meeting: Meeting) -> None:
    rows = export_rows(meeting)

    reply = rows["replies"][0]
    assert reply["note_id"] == rows["notes"][0]["id"]
    assert (reply["kind"], reply["author_category"]) == ("comment", "municipal")


def test_factor_shares_are_per_cent_and_sum_to_100(meeting: Meeting) -> None:
    factors = export_rows(meeting)["factors"]

    assert all(f["municipality"] + f["state"] + f["community"] == 100 for f in factors)
    assert {f["group_kind"] for f in factors} == {"random", "dedicated"}
    assert {f["group_category"] for f in factors if f["group_kind"] == "dedicated"} == {ROMA}


def test_solutions_point_to_their_factor(meeting: Meeting) -> None:
    rows = export_rows(meeting)

    factor_ids = {f["id"] for f in rows["factors"]}
    assert rows["solutions"]
    assert all(s["factor_id"] in factor_ids for s in rows["solutions"])


def test_theme_status_follows_the_kinds_of_groups_of_its_factors(meeting: Meeting) -> None:
    rows = export_rows(meeting)

    for theme in rows["themes"]:
        kinds = {f["group_kind"] for f in rows["factors"]
                 if f["theme_id"] == theme["id"] and not f["hidden"]}
        expected = ("common" if kinds == {"random", "dedicated"} else
                    "experts_only" if kinds == {"random"} else "community_only")
        assert theme["status"] == expected
        assert theme["factors"] == sum(1 for f in rows["factors"]
                                       if f["theme_id"] == theme["id"])


def test_codes_become_words_for_people(meeting: Meeting, english: None) -> None:
    column = next(c for c in export_columns("notes") if c.key == "author_category")

    assert value_label(column, ROMA) == "Roma community representative"


def test_a_participant_who_wrote_nothing_is_in_no_table(meeting: Meeting) -> None:
    silent = Participant.objects.filter(meeting=meeting, notes__isnull=True,
                                        replies__isnull=True).first()

    assert silent is not None
    assert silent.name not in _values(export_rows(meeting, include_names=True))
