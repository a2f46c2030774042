"""programme_import: the demo file, lossless round trips, and refused files."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sanaksme.core.exceptions import ImportRejected
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Day, Meeting, Site
from sanaksme.programme.selectors import meeting_get_full, programme_as_dict
from sanaksme.programme.services import programme_import
from sanaksme.programme.yaml_io import dump_programme, parse_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def export(meeting: Meeting) -> str:
    return dump_programme(programme_as_dict(meeting_get_full(meeting.slug)))


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count()
            for model in (Meeting, Day, Site, AgendaItem, Participant)}


def test_demo_imports_the_meeting_with_project_and_series(demo: Meeting) -> None:
    meeting = demo  # imported from the demo file once per session (root conftest)

    assert meeting.slug == "daugavpils-2017"
    assert meeting.full_title == ("II Reģionālo ekspertu sanāksme un pieredzes apmaiņas "
                                  "vizīte")
    assert meeting.project is not None
    assert meeting.project.number == "JUST/2015/RDIS/AG/NRP2/8793"
    assert meeting.series is not None
    assert meeting.series.slug == "regionalo-ekspertu-sanaksmes"


def test_demo_imports_30_participants_2_days_18_items_4_sites(demo: Meeting) -> None:
    meeting = demo

    assert meeting.participants.count() == 30
    assert meeting.days.count() == 2
    assert AgendaItem.objects.filter(day__meeting=meeting).count() == 18
    assert meeting.sites.count() == 4


def test_demo_items_keep_their_order_and_params(demo: Meeting) -> None:
    meeting = demo

    second_day = meeting.days.get(date="2017-01-27")
    titles = list(second_day.items.order_by("position").values_list("method", flat=True))
    tour = second_day.items.get(method="tour_de_table")
    assert titles[:3] == ["break", "tour_de_table", "brainstorm"]
    assert tour.params == {"minutes_per_speaker": 3}


def test_export_import_export_is_byte_identical(demo: Meeting) -> None:
    first = export(demo)

    second = export(programme_import(text=first, replace=True))

    assert second == first


def test_export_says_everything_the_demo_file_says(demo: Meeting, demo_text: str) -> None:
    exported = export(demo)

    assert parse_programme(exported) == parse_programme(demo_text)


def test_existing_slug_is_refused_without_replace(demo_meeting: Meeting,
                                                  demo_text: str) -> None:
    before = counts()

    with pytest.raises(ImportRejected) as rejected:
        programme_import(text=demo_text)

    assert "meeting.slug" in rejected.value.errors[0]
    assert "already exists" in rejected.value.errors[0]
    assert counts() == before


def test_existing_slug_is_rebuilt_with_replace(demo_meeting: Meeting,
                                               demo_text: str) -> None:
    changed = demo_text.replace("minutes_per_speaker: 3", "minutes_per_speaker: 2")

    meeting = programme_import(text=changed, replace=True)

    assert not Meeting.objects.filter(pk=demo_meeting.pk).exists()
    assert counts() == {"Meeting": 1, "Day": 2, "Site": 4, "AgendaItem": 18,
                        "Participant": 30}
    assert meeting.days.get(date="2017-01-27").items.get(
        method="tour_de_table").params == {"minutes_per_speaker": 2}


def test_day_not_listed_in_the_file_is_created_empty(demo_text: str, no_demo: None) -> None:
    longer = demo_text.replace("ends: 2017-01-27", "ends: 2017-01-28")

    meeting = programme_import(text=longer)

    assert list(meeting.days.values_list("date", flat=True).order_by("date"))[-1].day == 28
    assert not meeting.days.get(date="2017-01-28").items.exists()


# Sites: host and what to look at ---------------------------------------------------

OLD_SITES_FILE = """\
organisation:
  name: Biedrība
meeting:
  slug: vizites-2016
  title: Pieredzes apmaiņa
  place: Rēzekne
  starts: 2016-05-10
sites:
- key: skola
  name: Rēzeknes 2. vidusskola
  address: Skolas iela 1
  description: Skolotāju palīgi.
days:
- date: 2016-05-10
  items:
  - start: '10:00'
    title: Vizīte skolā
    method: site_visit
    params:
      site: skola
"""


def test_demo_sites_carry_a_host_and_what_to_look_at(demo: Meeting) -> None:
    sites = list(demo.sites.all())

    assert [s.host for s in sites][:2] == ["Skolas direktora vietniece izglītības jomā",
                                           "Iestādes vadītāja"]
    assert all(s.host and s.look_for for s in sites)
    assert "vecāku vakari" in sites[1].look_for


def test_host_and_look_for_travel_in_the_exported_file(demo: Meeting) -> None:
    site = parse_programme(export(demo)).sites[2]

    assert site["host"] == "Pārvaldes romu integrācijas speciāliste"
    assert site["look_for"].startswith("Kā ģimene piesakās atbalstam")


def test_a_file_without_host_or_look_for_still_imports(no_demo: None) -> None:
    meeting = programme_import(text=OLD_SITES_FILE)

    site = meeting.sites.get()
    assert (site.address, site.host, site.look_for) == ("Skolas iela 1", "", "")
    exported = programme_as_dict(meeting_get_full(meeting.slug))["sites"][0]
    assert "host" not in exported
    assert "look_for" not in exported


# Bad files -----------------------------------------------------------------------

Edit = Callable[[str], str]


def replace(old: str, new: str) -> Edit:
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} must occur once in the demo file"
        return text.replace(old, new)
    return edit


def append(extra: str) -> Edit:
    return lambda text: text + extra


BAD_FILES = [
    # id, edit, field named, line marker (the line that starts with it), fragments
    pytest.param(lambda text: "meeting: [unclosed", None, None, ["not valid YAML"],
                 id="not-yaml"),
    pytest.param(replace("  title: Reģionālo ekspertu sanāksme un pieredzes apmaiņas "
                         "vizīte\n", ""),
                 # A missing field points at where its mapping's value starts.
                 "meeting.title", "slug: daugavpils-2017", ["is required"],
                 id="missing-title"),
    pytest.param(replace("starts: 2017-01-26", "starts: 26.01.2017"),
                 "meeting.starts", "starts: 26.01.2017", ["YYYY-MM-DD"], id="bad-date"),
    pytest.param(replace("  ends: 2017-01-27", "  ends: 2017-01-25"),
                 "meeting.ends", "ends: 2017-01-25", ["is before the first day"],
                 id="ends-before-starts"),
    pytest.param(replace("method: summary", "method: karaoke"),
                 "days[1].items[11].method", "method: karaoke", ["“karaoke”", "tour_de_table"],
                 id="unknown-method"),
    pytest.param(replace("minutes_per_speaker: 3", "minutes_per_speaker: 0"),
                 "days[1].items[1].params.minutes_per_speaker", "minutes_per_speaker: 0",
                 ["must be at least 1"], id="minutes-per-speaker-zero"),
    pytest.param(replace("minutes_per_speaker: 3", "minutes_per_speaker: three"),
                 "days[1].items[1].params.minutes_per_speaker", "minutes_per_speaker: three",
                 ["must be a whole number"], id="minutes-per-speaker-word"),
    pytest.param(replace("site: pii-26", "site: pii-99"),
                 "days[0].items[1].params.site", "site: pii-99",
                 ["“pii-99”", "not a site key"], id="unknown-site"),
    pytest.param(replace("schema: sanaksme/programme@1\n",
                         "schema: sanaksme/programme@1\nvenue: Daugavpils\n"),
                 "venue", "venue:", ["unknown field"], id="unknown-top-level-field"),
    pytest.param(replace("category: expert\n  institution: Latvijas Universitāte",
                         "category: professor\n  institution: Latvijas Universitāte"),
                 "participants[20].category", "category: professor",
                 ["“professor”", "roma_community"], id="unknown-category"),
    pytest.param(append("- name: Diāna Ruņģe\n  category: roma_community\n"),
                 "participants[30].name", "- name: Diāna Ruņģe", ["listed twice"],
                 id="duplicate-participant"),
    pytest.param(replace("- date: 2017-01-27", "- date: 2017-01-28"),
                 "days[1].date", "- date: 2017-01-28",
                 ["is not between the meeting's first and last day"], id="day-outside"),
    pytest.param(replace("key: pii-26", "key: raina-6-vidusskola"),
                 "sites[1].key", "- key: raina-6-vidusskola", ["used twice"],
                 id="duplicate-site-key"),
    pytest.param(replace("      minutes_per_speaker: 3\n",
                         "      minutes_per_speaker: 3\n      speakers: 5\n"),
                 "days[1].items[1].params.speakers", "speakers: 5",
                 ["is not a parameter of this method"], id="unknown-param"),
    pytest.param(replace("language: lv", "language: de"),
                 "meeting.language", "language: de", ["“de”", "lv, en"],
                 id="unknown-language"),
    pytest.param(replace("host: Iestādes vadītāja", "host: " + "ā" * 301),
                 "sites[1].host", "host: āāā", ["301 characters, at most 300"],
                 id="host-too-long"),
    pytest.param(replace("look_for: Kā romu bērnus", "look_for: " + "ā" * 1000 + " Kā"),
                 "sites[1].look_for", "look_for: āāā", ["at most 1000"],
                 id="look-for-too-long"),
]


def line_of(text: str, marker: str) -> int:
    """1-based number of the last line that starts (after indentation) with `marker`."""
    numbers = [n for n, line in enumerate(text.splitlines(), start=1)
               if line.strip().startswith(marker)]
    assert numbers, marker
    return numbers[-1]


@pytest.mark.parametrize(("edit", "field", "marker", "fragments"), BAD_FILES)
def test_bad_file_is_rejected_with_field_line_and_reason(
    demo_text: str, edit: Edit, field: str | None, marker: str | None,
    fragments: list[str],
) -> None:
    bad = edit(demo_text)

    with pytest.raises(ImportRejected) as rejected:
        programme_import(text=bad)

    if field is None:
        expected_start = ""
        assert "(line 1)" in rejected.value.errors[0]
    else:
        assert marker is not None
        expected_start = f"{field} (line {line_of(bad, marker)}): "
    matching = [e for e in rejected.value.errors if e.startswith(expected_start)]
    assert matching, rejected.value.errors
    assert all(fragment in matching[0] for fragment in fragments), matching[0]


@pytest.mark.parametrize(("edit", "field", "marker", "fragments"), BAD_FILES)
def test_bad_file_changes_nothing_even_with_replace(
    demo_meeting: Meeting, demo_text: str, edit: Edit, field: str | None,
    marker: str | None, fragments: list[str],
) -> None:
    before = counts()

    with pytest.raises(ImportRejected):
        programme_import(text=edit(demo_text), replace=True)

    assert counts() == before
    assert Meeting.objects.filter(pk=demo_meeting.pk).exists()


def test_every_problem_in_a_file_is_reported_at_once(demo_text: str) -> None:
    bad = (demo_text.replace("language: lv", "language: de")
           .replace("method: summary", "method: karaoke")
           .replace("minutes_per_speaker: 3", "minutes_per_speaker: 0"))

    with pytest.raises(ImportRejected) as rejected:
        programme_import(text=bad)

    fields = [e.split(" (line")[0] for e in rejected.value.errors]
    assert fields == ["meeting.language", "days[1].items[1].params.minutes_per_speaker",
                      "days[1].items[11].method"]


def test_file_that_is_a_list_is_refused() -> None:
    with pytest.raises(ImportRejected) as rejected:
        programme_import(text="- meeting\n")

    assert "mapping" in rejected.value.errors[0]
