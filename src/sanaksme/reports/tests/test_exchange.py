"""The meeting as JSON and back: a faithful round trip, privacy, and bad files that
change nothing."""

from __future__ import annotations

import copy
import json
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from sanaksme.boards.models import Note
from sanaksme.boards.services import note_create
from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.groups.models import GroupSet, Theme, ThemeDecision
from sanaksme.groups.services.comparison import (
    comparison_undo,
    theme_confirm,
    theme_rename,
)
from sanaksme.programme.models import Meeting, Organisation, Project, Series
from sanaksme.reports.exchange import SCHEMA, meeting_export, meeting_import
from sanaksme.reports.exchange.spec import READABLE, tables

from .builders import roma_names, run_meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
VOLATILE = ("exported_at",)


@pytest.fixture
def meeting(demo_meeting: Meeting, facilitator: Any) -> Meeting:
    return run_meeting(demo_meeting, facilitator)


@pytest.fixture
def exported(meeting: Meeting) -> dict[str, Any]:
    return meeting_export(meeting, include_names=True)


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    data = {k: v for k, v in copy.deepcopy(data).items() if k not in VOLATILE}
    data["meeting"].pop("slug")
    return data


def _counts() -> dict[str, int]:
    counts = {t.name: t.model._default_manager.count() for t in tables()}
    for model in (Meeting, Organisation, Project, Series):
        counts[model.__name__] = model._default_manager.count()
    return counts


def _rejected(data: Any, **kwargs: Any) -> list[str]:
    before = _counts()
    with pytest.raises(ImportRejected) as caught:
        meeting_import(data, **kwargs)
    assert _counts() == before
    return caught.value.errors


def test_export_then_import_then_export_gives_the_same_data(
    exported: dict[str, Any],
) -> None:
    copied = meeting_import(json.dumps(exported), slug="daugavpils-copy")

    again = meeting_export(copied, include_names=True)
    assert again["meeting"]["slug"] == "daugavpils-copy"
    assert _comparable(again) == _comparable(exported)


def test_the_file_has_the_schema_tag_and_every_table(exported: dict[str, Any]) -> None:
    assert exported["schema"] == SCHEMA == "sanaksme/meeting@3"
    assert {t.name for t in tables()} <= set(exported)
    assert all(exported[name] for name in ("notes", "factors", "turns", "memberships"))


def test_without_names_participants_are_numbered_and_have_no_contacts(
    meeting: Meeting,
) -> None:
    meeting.participants.update(email="someone@example.org", phone="+371 20000000")
    meeting.language = "en"  # pseudonyms are in the meeting's language

    data = meeting_export(meeting)
    assert data["names_included"] is False
    assert data["participants"][6]["name"] == "Participant 7"
    assert all(p["email"] == "" and p["phone"] == "" for p in data["participants"])


def test_no_community_name_anywhere_in_the_default_file(meeting: Meeting) -> None:
    text = json.dumps(meeting_export(meeting), ensure_ascii=False)

    assert roma_names(meeting)
    assert not [name for name in roma_names(meeting) if name in text]


def test_with_names_the_names_travel(exported: dict[str, Any], meeting: Meeting) -> None:
    names = {p["name"] for p in exported["participants"]}

    assert set(roma_names(meeting)) <= names


def test_an_anonymous_note_never_points_to_its_author(meeting: Meeting) -> None:
    Note.objects.filter(meeting=meeting, client_id="n1").update(anonymous=True)

    data = meeting_export(meeting, include_names=True)
    assert data["notes"][0]["anonymous"] is True
    assert data["notes"][0]["author"] is None


def test_ids_are_local_to_the_file(exported: dict[str, Any]) -> None:
    assert [n["id"] for n in exported["notes"]] == list(range(1, len(exported["notes"]) + 1))
    assert exported["notes"][2]["merged_into"] == 1


def test_the_copy_has_a_new_join_code_and_projector_token(
    exported: dict[str, Any], meeting: Meeting,
) -> None:
    copied = meeting_import(exported, slug="daugavpils-copy")

    assert copied.join_code != meeting.join_code
    assert copied.projector_token != meeting.projector_token
    assert "projector_token" not in json.dumps(exported)


def test_the_copy_keeps_when_things_were_written(
    exported: dict[str, Any], meeting: Meeting,
) -> None:
    copied = meeting_import(exported, slug="daugavpils-copy")

    old = Note.objects.get(meeting=meeting, client_id="n1")
    new = Note.objects.get(meeting=copied, client_id="n1")
    assert new.created_at == old.created_at
    assert new.pk != old.pk


def test_new_events_continue_after_the_imported_ones(exported: dict[str, Any]) -> None:
    copied = meeting_import(exported, slug="daugavpils-copy")

    sheet = copied.sheets.order_by("position", "pk").first()
    assert sheet is not None
    note, _created = note_create(sheet=sheet, column="positive", text="Jauna",
                                 client_id="new-1", typed_by_facilitator=True)
    assert note.seq > max(n["seq"] for n in exported["notes"])


def test_the_copy_can_land_in_another_organisation(exported: dict[str, Any]) -> None:
    other = Organisation.objects.create(name="Biedrība")

    copied = meeting_import(exported, slug="daugavpils-copy", organisation=other)

    assert copied.organisation == other
    assert copied.project is not None
    assert copied.project.organisation == other


def test_an_existing_short_name_is_refused(exported: dict[str, Any]) -> None:
    errors = _rejected(exported)

    assert "daugavpils-2017" in errors[0]


def test_an_unknown_schema_is_refused_and_nothing_is_made(exported: dict[str, Any]) -> None:
    exported["schema"] = "sanaksme/meeting@99"

    errors = _rejected(exported, slug="copy")

    assert "sanaksme/meeting@99" in errors[0]


def _themes(meeting: Meeting) -> list[tuple[str, bool]]:
    return list(Theme.objects.filter(group_set__meeting=meeting)
                .order_by("position", "pk").values_list("label", "named"))


def test_a_renamed_theme_keeps_its_named_mark_in_the_copy(meeting: Meeting) -> None:
    theme = Theme.objects.filter(group_set__meeting=meeting).order_by("pk").first()
    assert theme is not None
    theme_rename(theme=theme, label="Valoda")

    data = meeting_export(meeting, include_names=True)
    copied = meeting_import(json.dumps(data), slug="daugavpils-copy")

    assert ("Valoda", True) in _themes(copied)
    assert _themes(copied) == _themes(meeting)
    assert any(t["named"] for t in data["themes"])


def test_an_older_file_without_named_imports_with_every_theme_unnamed(
    exported: dict[str, Any],
) -> None:
    assert READABLE == ("sanaksme/meeting@1", "sanaksme/meeting@2", SCHEMA)
    exported["schema"] = "sanaksme/meeting@1"
    _drop_later_fields(exported)

    copied = meeting_import(json.dumps(exported), slug="daugavpils-copy")

    assert _themes(copied)
    assert all(named is False for _label, named in _themes(copied))


def test_an_older_file_cannot_have_a_field_added_later(exported: dict[str, Any]) -> None:
    exported["schema"] = "sanaksme/meeting@1"

    errors = _rejected(exported, slug="copy")

    assert any(e.startswith("themes[0].named: unknown field") for e in errors)
    assert any(e.startswith("notes[0].from_visit: unknown field") for e in errors)
    assert any(e.startswith("sheets[0].visit_revealed: unknown field") for e in errors)


def _sites(meeting: Meeting) -> list[tuple[str, str, str]]:
    return list(meeting.sites.values_list("key", "host", "look_for"))


def test_the_sites_host_and_what_to_look_at_travel(
    meeting: Meeting, exported: dict[str, Any],
) -> None:
    copied = meeting_import(exported, slug="daugavpils-copy")

    assert exported["sites"][0]["host"] == "Skolas direktora vietniece izglītības jomā"
    assert _sites(copied) == _sites(meeting)
    assert all(host and look_for for _key, host, look_for in _sites(copied))


def test_an_older_file_without_host_or_look_for_imports_with_both_empty(
    exported: dict[str, Any],
) -> None:
    exported["schema"] = "sanaksme/meeting@1"
    _drop_later_fields(exported)
    assert "host" not in exported["sites"][0]

    copied = meeting_import(json.dumps(exported), slug="daugavpils-copy")

    assert [key for key, _host, _look in _sites(copied)] == [s["key"] for s in exported["sites"]]
    assert all(host == look_for == "" for _key, host, look_for in _sites(copied))


def test_an_older_file_cannot_have_a_sites_host(exported: dict[str, Any]) -> None:
    exported["schema"] = "sanaksme/meeting@1"
    _drop_later_fields(exported)
    exported["sites"][1]["host"] = "Iestādes vadītāja"

    errors = _rejected(exported, slug="copy")

    assert errors == [errors[0]]
    assert errors[0].startswith("sites[1].host: unknown field")


def test_a_too_long_look_for_is_refused(exported: dict[str, Any]) -> None:
    exported["sites"][0]["look_for"] = "ā" * 1001

    errors = _rejected(exported, slug="copy")

    assert errors[0].startswith("sites[0].look_for: ")
    assert "1000" in errors[0]


def _drop_later_fields(exported: dict[str, Any]) -> None:
    """Make an exported file look like one of format version 1."""
    for table in tables():
        if table.added > 1:
            exported.pop(table.name, None)
        for row in exported.get(table.name) or []:
            for name in table.since:
                row.pop(name, None)


def _theme_rows(meeting: Meeting) -> list[tuple[str, bool, bool, int, list[str]]]:
    """The themes as the facilitator sees them, by factor text (ids differ in a copy)."""
    return [(t.label, t.confirmed, t.named, t.position,
             sorted(t.factors.values_list("text", flat=True)))
            for t in Theme.objects.filter(group_set__meeting=meeting).order_by("position", "pk")]


def _confirm_one(meeting: Meeting) -> tuple[GroupSet, Theme]:
    """A correction with a snapshot of the themes before it (the demo has only the
    proposal)."""
    group_set = GroupSet.objects.get(meeting=meeting)
    theme = group_set.themes.order_by("pk").first()
    assert theme is not None
    theme_confirm(theme=theme)
    return group_set, theme


def test_the_comparison_decisions_travel_and_undo_works_in_the_copy(
    meeting: Meeting,
) -> None:
    group_set, theme = _confirm_one(meeting)
    decisions = list(group_set.decisions.order_by("number").values_list("action", "undone"))
    data = meeting_export(meeting, include_names=True)
    assert [(d["action"], d["undone"]) for d in data["theme_decisions"]] == decisions
    assert all(isinstance(i, int) for d in data["theme_decisions"]
               for t in d["before"] for i in t["items"])

    copied = meeting_import(json.dumps(data), slug="daugavpils-copy")

    copy_set = GroupSet.objects.get(meeting=copied)
    assert list(copy_set.decisions.order_by("number").values_list(
        "action", "undone")) == decisions
    assert _theme_rows(copied) == _theme_rows(meeting)
    for _step in range(2):  # the confirmation, then the correction before it
        comparison_undo(group_set=group_set)
        comparison_undo(group_set=copy_set)
        assert _theme_rows(copied) == _theme_rows(meeting)
    assert not Theme.objects.filter(group_set=copy_set, label=theme.label,
                                    confirmed=True).exists()


def test_a_decision_naming_a_theme_deleted_before_the_export_is_undone_with_a_new_theme(
    meeting: Meeting,
) -> None:
    group_set, _theme = _confirm_one(meeting)
    last = group_set.decisions.filter(undone=False).order_by("number").last()
    assert last is not None
    assert last.before
    ThemeDecision.objects.filter(pk=last.pk).update(
        before=[{**t, "id": 10**9 + n} for n, t in enumerate(last.before)])
    data = meeting_export(meeting, include_names=True)
    assert all(t["id"] is None for t in data["theme_decisions"][-1]["before"])

    copied = meeting_import(data, slug="daugavpils-copy")
    copy_set = GroupSet.objects.get(meeting=copied)
    comparison_undo(group_set=copy_set)

    labels = [t["label"] for t in last.before]
    assert [label for label, *_rest in _theme_rows(copied)] == labels


def test_an_older_file_cannot_have_decisions(exported: dict[str, Any]) -> None:
    exported["schema"] = "sanaksme/meeting@2"
    assert exported["theme_decisions"]

    errors = _rejected(exported, slug="copy")

    assert errors == ["theme_decisions: unknown section"]


def test_a_decision_naming_a_factor_not_in_the_file_is_refused(meeting: Meeting) -> None:
    _confirm_one(meeting)
    exported = meeting_export(meeting)
    decision = exported["theme_decisions"][-1]
    decision["before"][0]["items"] = [999999]
    decision["moved"] = ["x"]
    decision["together"] = [[1]]

    errors = _rejected(exported, slug="copy")

    at = f"theme_decisions[{len(exported['theme_decisions']) - 1}]"
    assert f"{at}.before[0].items[0]: must be the id of a row of “factors”" in errors
    assert f"{at}.moved[0]: must be the id of a row of “factors”" in errors
    assert f"{at}.together[0]: must be a pair of ids" in errors


def test_a_decision_snapshot_position_beyond_the_column_is_refused(meeting: Meeting) -> None:
    _confirm_one(meeting)
    exported = meeting_export(meeting)
    exported["theme_decisions"][-1]["before"][0]["position"] = 10**30

    errors = _rejected(exported, slug="copy")

    assert errors == ["theme_decisions[1].before[0].position: must be a whole number "
                      "from 0 to 2147483647"]


def test_a_decision_snapshot_with_other_keys_is_refused(meeting: Meeting) -> None:
    _confirm_one(meeting)
    exported = meeting_export(meeting)
    exported["theme_decisions"][-1]["before"][0]["html"] = "<b>x</b>"

    errors = _rejected(exported, slug="copy")

    assert errors[0].startswith("theme_decisions[1].before[0]: must be an object with exactly")


def test_a_dangling_reference_is_named_and_nothing_is_made(
    exported: dict[str, Any],
) -> None:
    exported["notes"][1]["sheet"] = 999

    errors = _rejected(exported, slug="copy")

    assert errors == ["notes[1].sheet: refers to sheets id 999, which is not in the file"]


def test_a_wrong_type_is_named_and_nothing_is_made(exported: dict[str, Any]) -> None:
    exported["factors"][0]["municipality"] = "a lot"
    exported["days"][0]["date"] = "26.01.2017"

    errors = _rejected(exported, slug="copy")

    assert any(e.startswith("factors[0].municipality:") for e in errors)
    assert any(e.startswith("days[0].date:") for e in errors)


def test_a_repeated_unique_key_is_refused(exported: dict[str, Any]) -> None:
    exported["replies"].append({**exported["replies"][0], "id": 99})

    errors = _rejected(exported, slug="copy")

    assert errors == ["replies[1]: client_id repeats row 0"]


def test_a_note_merged_into_a_note_of_another_sheet_is_refused(
    exported: dict[str, Any],
) -> None:
    feedback = next(n["id"] for n in exported["notes"] if n["column"] == "suggestion")
    exported["notes"][2]["merged_into"] = feedback

    errors = _rejected(exported, slug="copy")

    assert errors == ["notes[2].merged_into: refers to a row that belongs to another sheet"]


def test_a_speaking_round_on_a_brainstorm_item_is_refused(exported: dict[str, Any]) -> None:
    brainstorm = next(i["id"] for i in exported["items"] if i["method"] == "brainstorm")
    exported["rounds"][0]["item"] = brainstorm

    errors = _rejected(exported, slug="copy")

    assert errors[0].startswith("rounds[0].item: is a “brainstorm” item")


def test_a_file_that_is_not_json_is_refused(exported: dict[str, Any]) -> None:
    errors = _rejected("{not json", slug="copy")

    assert errors[0].startswith("The file is not valid JSON")


def test_an_unknown_field_is_refused(exported: dict[str, Any]) -> None:
    exported["notes"][0]["colour"] = "yellow"

    errors = _rejected(exported, slug="copy")

    assert errors[0].startswith("notes[0].colour: unknown field")


def test_bad_method_parameters_are_refused(exported: dict[str, Any]) -> None:
    tour = next(i for i, item in enumerate(exported["items"])
                if item["method"] == "tour_de_table")
    exported["items"][tour]["params"]["minutes_per_speaker"] = 500

    errors = _rejected(exported, slug="copy")

    assert errors[0].startswith(f"items[{tour}].params.minutes_per_speaker:")


def test_the_errors_are_a_domain_error(exported: dict[str, Any]) -> None:
    with pytest.raises(DomainError):
        meeting_import({"schema": SCHEMA}, slug="copy")


def test_the_command_imports_a_file_under_a_new_short_name(
    exported: dict[str, Any], tmp_path: Path,
) -> None:
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    out = StringIO()

    call_command("import_meeting", str(path), "--slug", "copy", stdout=out)

    assert Meeting.objects.filter(slug="copy").exists()
    assert "as copy" in out.getvalue()


def test_the_command_lists_the_problems_and_changes_nothing(
    exported: dict[str, Any], tmp_path: Path,
) -> None:
    exported["notes"][0]["sheet"] = 999
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("import_meeting", str(path), "--slug", "copy", stderr=err)

    assert "notes[0].sheet" in err.getvalue()
    assert not Meeting.objects.filter(slug="copy").exists()
