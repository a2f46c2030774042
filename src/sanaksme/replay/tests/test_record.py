"""A malformed record: a clear error naming the field, and nothing written."""

from __future__ import annotations

import pytest

from sanaksme.boards.models import Note
from sanaksme.participants.models import Participant
from sanaksme.programme.models import Meeting
from sanaksme.replay.record import RecordError, parse_record
from sanaksme.replay.run import EXAMPLES_DIR, replay_record
from sanaksme.replay.timeline import ReplayError

RECORD = (EXAMPLES_DIR / "daugavpils-2017-record.yaml").read_text(encoding="utf-8")
OTHER_SLUG = RECORD.replace("slug: daugavpils-2017-ieraksts", "slug: cits-ieraksts")


def test_the_shipped_record_parses() -> None:
    record = parse_record(RECORD)

    assert record.slug == "daugavpils-2017-ieraksts"
    assert len(record.participants) == 12


def test_a_wrong_value_names_the_field_and_its_line(english: None) -> None:
    text = RECORD.replace("{name: Rita Kalēja, seconds: 172}", "{name: Rita Kalēja, seconds: daudz}")

    with pytest.raises(RecordError) as caught:
        parse_record(text)

    assert len(caught.value.errors) == 1
    assert caught.value.errors[0].startswith("tour_de_table.turns[0].seconds (line ")


def test_an_unknown_field_is_named(english: None) -> None:
    text = RECORD.replace("  opening: 150\n", "  opening: 150\n  speed: fast\n")

    with pytest.raises(RecordError, match=r"tour_de_table\.speed .*unknown field"):
        parse_record(text)


def test_a_time_without_quotes_is_refused(english: None) -> None:
    text = RECORD.replace("drawn: '15:31'", "drawn: 15:31")

    with pytest.raises(RecordError, match=r"group_work\.drawn .*in quotes"):
        parse_record(text)


@pytest.mark.django_db
def test_an_unregistered_author_is_named_and_nothing_is_written() -> None:
    text = OTHER_SLUG.replace("      - by: Inese Zariņa\n        text: Skolotāja palīgs zina",
                              "      - by: Nezināma Persona\n        text: Skolotāja palīgs zina")

    with pytest.raises(RecordError, match=r"brainstorm\.sheets\[0\]\.notes\.positive\[1\]\.by"):
        replay_record(text)

    assert not Meeting.objects.filter(slug="cits-ieraksts").exists()


@pytest.mark.django_db
def test_a_step_outside_its_agenda_item_is_refused_before_writing(english: None) -> None:
    text = OTHER_SLUG.replace("    from: '12:30'\n    to: '12:48'", "    from: '12:30'\n    to: '13:30'")

    with pytest.raises(RecordError, match="outside “Viedokļu apkopojums"):
        replay_record(text)

    assert not Meeting.objects.filter(slug="cits-ieraksts").exists()


@pytest.mark.django_db
def test_a_step_a_service_refuses_rolls_everything_back(english: None) -> None:
    text = OTHER_SLUG.replace("- Vajadzēja pārtraukumu pēcpusdienā.",
                              "- " + "Ļoti gara piezīme. " * 20)

    with pytest.raises(ReplayError, match=r"^feedback\.notes\.feedback at 2017-01-27 "):
        replay_record(text)

    assert not Meeting.objects.filter(slug="cits-ieraksts").exists()
    assert not Participant.objects.filter(meeting__slug="cits-ieraksts").exists()
    assert not Note.objects.exists()


@pytest.mark.django_db
def test_a_taken_short_name_is_refused(demo_text: str, english: None) -> None:
    from sanaksme.programme.services import programme_import

    programme_import(text=demo_text.replace("slug: daugavpils-2017", "slug: cits-ieraksts"))

    with pytest.raises(RecordError, match="already exists"):
        replay_record(OTHER_SLUG)
