"""What each screen is told about the small groups.

The privacy rules: the projector never names the members of a dedicated group (being
in it reveals a category); a phone sees only its own group's members (none of a
dedicated group, only its size), and only its
own worksheet until the worksheets are opened or the presentations begin; the console
sees everything, with the pool and the seed.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sanaksme.groups.models import Factor, Group, GroupSet, Membership
from sanaksme.groups.selectors import groups_state, my_group_id
from sanaksme.groups.services.comparison import factor_set_theme
from sanaksme.groups.services.formation import groups_draw, worksheets_set_open
from sanaksme.groups.services.showing import showing_get_or_create, showing_next
from sanaksme.groups.services.worksheets import (
    factor_add,
    factor_hide,
    factor_weigh,
    solution_add,
    solution_hide,
)
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

SEED = 1
ROMA_GROUP = 4  # the draw makes three random groups, then the community's own
WRITTEN = {
    1: ["Zema motivācija mācīties", "Trūkst romu mediatoru skolās"],
    2: ["Nabadzība ģimenēs"],
    4: ["bērni negrib iet uz skolu, neredz jēgu"],
}
HIDDEN = "Nepietiek laika"  # written by group 1, then hidden


@pytest.fixture
def group_work(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")


@pytest.fixture
def presentations(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_presentations")


@pytest.fixture
def group_set(group_work: AgendaItem) -> GroupSet:
    return groups_draw(item=group_work, seed=SEED)


@pytest.fixture
def written(group_set: GroupSet) -> dict[str, Factor]:
    factors = {text: factor_add(group=group(group_set, number), text=text,
                                client_id=f"{number}-{i}")
               for number, texts in WRITTEN.items() for i, text in enumerate(texts)}
    hidden = factor_add(group=group(group_set, 1), text=HIDDEN, client_id="1-hidden")
    factor_hide(factor=hidden, hidden=True)
    return {**factors, HIDDEN: hidden}


def group(group_set: GroupSet, number: int) -> Group:
    return Group.objects.get(group_set=group_set, number=number)


def names(group: Group) -> set[str]:
    return set(Membership.objects.filter(group=group).values_list("participant__name",
                                                                  flat=True))


def by_number(state: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {g["number"]: g for g in state["groups"]}


def sheets(state: dict[str, Any]) -> dict[int, list[str]]:
    """Each worksheet in the state: its factors' texts, by group number."""
    return {w["number"]: [f["text"] for f in w["factors"]] for w in state["worksheets"]}


def text_of(state: dict[str, Any]) -> str:
    return json.dumps(state, ensure_ascii=False)


# Before the draw ---------------------------------------------------------------------


def test_before_the_draw_there_are_no_groups(group_work: AgendaItem) -> None:
    state = groups_state(group_work, audience="projector")

    assert (state["drawn"], state["groups"], state["worksheets"]) == (False, [], [])
    assert state["question"].startswith("Kuri ir nozīmīgākie faktori")


def test_before_the_draw_the_console_sees_who_would_be_drawn(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    state = groups_state(group_work, audience="console")

    registered = Participant.objects.filter(meeting=demo_meeting).count()
    assert state["pool"] == {"present": 0, "registered": registered,
                             "eligible_present": 0, "eligible_all": registered - 2,
                             "waiting": []}


# The console ------------------------------------------------------------------------


def test_the_console_names_every_groups_members(group_set: GroupSet,
                                                group_work: AgendaItem) -> None:
    state = groups_state(group_work, audience="console")

    for number, shown in by_number(state).items():
        assert {m["name"] for m in shown["members"]} == names(group(group_set, number))


def test_the_console_sees_the_dedicated_groups_category_and_the_seed(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="console")

    roma = by_number(state)[ROMA_GROUP]
    assert roma["dedicated"] is True
    assert roma["label"]
    assert by_number(state)[1]["label"] == ""
    assert state["seed"] == SEED


def test_the_console_sees_every_worksheet_with_hidden_factors(
    written: dict[str, Factor], group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="console")

    assert sheets(state) == {1: [*WRITTEN[1], HIDDEN], 2: WRITTEN[2], 3: [],
                             4: WRITTEN[4]}


def test_the_console_sees_who_is_present_but_not_in_a_group(
    group_set: GroupSet, group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    late = Participant.objects.create(meeting=demo_meeting, name="Vēlā Viešņa",
                                      category="expert", present=True)

    pool = groups_state(group_work, audience="console")["pool"]

    assert pool["waiting"] == [{"id": late.pk, "name": "Vēlā Viešņa"}]
    assert (pool["present"], pool["eligible_present"]) == (1, 1)


# The projector -----------------------------------------------------------------------


def test_the_projector_only_counts_the_members_of_the_communitys_own_group(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="projector")

    roma = by_number(state)[ROMA_GROUP]
    assert roma["members"] == []
    assert roma["size"] == len(names(group(group_set, ROMA_GROUP))) == 8


def test_the_projector_never_names_a_member_of_the_communitys_own_group(
    group_set: GroupSet, written: dict[str, Factor], group_work: AgendaItem,
    presentations: AgendaItem,
) -> None:
    showing_next(showing=showing_get_or_create(item=presentations), expected=None)
    worksheets_set_open(group_set=group_set, is_open=True)

    shown = text_of(groups_state(group_work, audience="projector")) + text_of(
        groups_state(presentations, audience="projector"))

    for name in names(group(group_set, ROMA_GROUP)):
        assert name not in shown
    assert "roma_community" not in shown


def test_the_projector_names_the_members_of_groups_drawn_at_random(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="projector")

    for number in (1, 2, 3):
        assert {m["name"] for m in by_number(state)[number]["members"]} == names(
            group(group_set, number))


def test_the_projector_gets_neither_the_pool_nor_the_seed(group_set: GroupSet,
                                                          group_work: AgendaItem) -> None:
    state = groups_state(group_work, audience="projector")

    assert "pool" not in state
    assert state["seed"] is None
    assert all(g["label"] == "" for g in state["groups"])


def test_the_projector_shows_no_worksheet_while_the_groups_write(
    written: dict[str, Factor], group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="projector")

    assert state["worksheets"] == []
    assert by_number(state)[1]["factors"] == 2  # only how many, the hidden one not


def test_the_projector_shows_the_worksheets_without_hidden_factors_once_open(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    worksheets_set_open(group_set=group_set, is_open=True)

    state = groups_state(group_work, audience="projector")

    assert sheets(state) == {1: WRITTEN[1], 2: WRITTEN[2], 3: [], 4: WRITTEN[4]}


# Phones ------------------------------------------------------------------------------


def first_member(group_set: GroupSet, number: int) -> int:
    pid: int = Membership.objects.filter(group=group(group_set, number)).values_list(
        "participant_id", flat=True).order_by("participant_id")[0]
    return pid


def phone_state(item: AgendaItem, group_set: GroupSet, number: int) -> dict[str, Any]:
    return groups_state(item, audience="phone", group_id=group(group_set, number).pk)


def test_a_phone_knows_its_group(group_set: GroupSet, group_work: AgendaItem,
                                 presentations: AgendaItem) -> None:
    pid = first_member(group_set, 2)

    assert my_group_id(group_work, pid) == group(group_set, 2).pk
    assert my_group_id(presentations, pid) == group(group_set, 2).pk


def test_a_phone_sees_only_its_own_groups_members(group_set: GroupSet,
                                                  group_work: AgendaItem) -> None:
    state = phone_state(group_work, group_set, 2)

    assert state["my_group"] == group(group_set, 2).pk
    assert {m["name"] for m in by_number(state)[2]["members"]} == names(group(group_set, 2))
    assert all(by_number(state)[n]["members"] == [] for n in (1, 3, 4))
    assert by_number(state)[1]["size"] == len(names(group(group_set, 1)))


def test_a_phone_in_the_communitys_own_group_gets_only_its_size(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = phone_state(group_work, group_set, ROMA_GROUP)

    assert by_number(state)[ROMA_GROUP]["members"] == []
    assert by_number(state)[ROMA_GROUP]["size"] == len(names(group(group_set, ROMA_GROUP)))


def test_a_phone_gets_only_its_own_worksheet_while_the_groups_write(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = phone_state(group_work, group_set, 2)

    assert sheets(state) == {2: WRITTEN[2]}
    shown = text_of(state)
    assert not any(text in shown for number in (1, 4) for text in WRITTEN[number])


def test_a_phone_sees_its_own_hidden_factors_to_show_them_again(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = phone_state(group_work, group_set, 1)

    [sheet] = state["worksheets"]
    assert [(f["text"], f["hidden"]) for f in sheet["factors"]] == [
        (WRITTEN[1][0], False), (WRITTEN[1][1], False), (HIDDEN, True)]


def test_a_phone_sees_every_worksheet_once_they_are_open(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    worksheets_set_open(group_set=group_set, is_open=True)

    state = phone_state(group_work, group_set, 2)

    assert sheets(state) == {1: WRITTEN[1], 2: WRITTEN[2], 3: [], 4: WRITTEN[4]}
    assert all(by_number(state)[n]["members"] == [] for n in (1, 3, 4))


def test_a_phone_sees_every_worksheet_during_the_presentations(
    written: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    state = phone_state(presentations, group_set, 2)

    assert sheets(state) == {1: WRITTEN[1], 2: WRITTEN[2], 3: [], 4: WRITTEN[4]}
    assert all(by_number(state)[n]["members"] == [] for n in (1, 3, 4))


def test_closing_the_worksheets_again_hides_the_others_from_phones(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    worksheets_set_open(group_set=group_set, is_open=True)
    worksheets_set_open(group_set=group_set, is_open=False)

    state = phone_state(group_work, group_set, 2)

    assert list(sheets(state)) == [2]


def test_a_phone_not_in_a_group_sees_no_worksheet_and_no_names(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = groups_state(group_work, audience="phone", group_id=None)

    assert state["worksheets"] == []
    assert all(g["members"] == [] for g in state["groups"])
    assert state["my_group"] is None


def test_a_phone_gets_neither_the_pool_the_seed_nor_a_category(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    state = phone_state(group_work, group_set, 1)

    assert "pool" not in state
    assert state["seed"] is None
    assert all(g["label"] == "" for g in state["groups"])
    assert "roma_community" not in text_of(state)


# Worksheet contents ------------------------------------------------------------------


def test_a_worksheet_gives_each_factor_its_shares_and_rank(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    factor_weigh(factor=written[WRITTEN[1][0]], municipality=1, state=1, community=1)

    [sheet] = phone_state(group_work, group_set, 1)["worksheets"]

    first, second, hidden = sheet["factors"]
    assert first["weights"] == {"municipality": 1, "state": 1, "community": 1}
    assert first["shares"] == {"municipality": 34, "state": 33, "community": 33}
    assert second["shares"] is None
    assert [(f["rank"], f["top"]) for f in (first, second, hidden)] == [
        (1, True), (2, True), (None, False)]


def test_only_the_three_most_significant_factors_are_top(
    group_set: GroupSet, group_work: AgendaItem,
) -> None:
    for i in range(4):
        factor_add(group=group(group_set, 3), text=f"Faktors {i}", client_id=str(i))

    [sheet] = phone_state(group_work, group_set, 3)["worksheets"]

    assert [f["top"] for f in sheet["factors"]] == [True, True, True, False]


def test_hidden_solutions_are_shown_only_to_their_own_group(
    written: dict[str, Factor], group_set: GroupSet, group_work: AgendaItem,
) -> None:
    factor = written[WRITTEN[1][0]]
    solution_add(factor=factor, text="Romu mediatori", client_id="s1")
    solution_hide(solution=solution_add(factor=factor, text="Atcelts", client_id="s2"),
                  hidden=True)
    worksheets_set_open(group_set=group_set, is_open=True)

    own = sheets_solutions(phone_state(group_work, group_set, 1), 1)
    other = sheets_solutions(phone_state(group_work, group_set, 2), 1)

    assert own == ["Romu mediatori", "Atcelts"]
    assert other == ["Romu mediatori"]


def sheets_solutions(state: dict[str, Any], number: int) -> list[str]:
    [sheet] = [w for w in state["worksheets"] if w["number"] == number]
    return [s["text"] for s in sheet["factors"][0]["solutions"]]


# Presentations and the comparison -----------------------------------------------------


def test_before_the_first_group_presents_the_order_is_planned(
    group_set: GroupSet, presentations: AgendaItem,
) -> None:
    showing = groups_state(presentations, audience="projector")["showing"]

    assert [g["number"] for g in showing["order"]] == [1, 2, 3, 4]
    assert (showing["current"], showing["allowed"], showing["paused"]) == (None, 420, False)


def test_the_presenting_group_and_its_clock_are_shown(
    group_set: GroupSet, presentations: AgendaItem,
) -> None:
    showing_next(showing=showing_get_or_create(item=presentations), expected=None)

    showing = groups_state(presentations, audience="projector")["showing"]

    assert showing["current"] == group(group_set, 1).pk
    assert showing["ends_at"] is not None
    assert showing["paused"] is False


def test_the_comparison_shows_common_themes_with_each_sides_shares(
    written: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    experts, community = written[WRITTEN[1][0]], written[WRITTEN[4][0]]
    factor_weigh(factor=experts, municipality=1, state=0, community=0)
    factor_weigh(factor=community, municipality=0, state=0, community=1)
    theme = factor_set_theme(factor=experts, theme=None)
    factor_set_theme(factor=community, theme=theme)
    factor_set_theme(factor=written[WRITTEN[2][0]], theme=None)

    comparison = groups_state(presentations, audience="projector")["comparison"]

    common, alone = comparison["themes"]
    assert (common["id"], common["status"]) == (theme.pk, "common")
    assert common["experts"] == {"municipality": 100, "state": 0, "community": 0}
    assert common["community"] == {"municipality": 0, "state": 0, "community": 100}
    assert alone["status"] == "experts_only"
    assert comparison["unthemed"] == 1
    assert (comparison["shown"], comparison["enabled"], comparison["confirmed"]) == (
        False, True, False)


def test_hidden_factors_are_left_out_of_the_comparison(
    written: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    factor_set_theme(factor=written[HIDDEN], theme=None)

    comparison = groups_state(presentations, audience="projector")["comparison"]

    assert comparison["themes"] == []
    assert HIDDEN not in text_of(comparison)
