"""Small groups in the database: forming them, their worksheets, the presentations and
the comparison. Each change is announced once, after commit, as `groups.changed`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sanaksme.core.exceptions import DomainError
from sanaksme.groups.models import (
    Factor,
    Group,
    GroupSet,
    LearnedConcept,
    Membership,
    Showing,
    Solution,
    Theme,
)
from sanaksme.groups.selectors import groups_state
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    comparison_propose,
    factor_set_theme,
    lexicon_current,
    theme_merge,
    theme_rename,
    theme_unconfirm,
)
from sanaksme.groups.services.formation import (
    group_move,
    group_set_place,
    groups_add_late,
    groups_draw,
    pool_for,
    worksheets_set_open,
)
from sanaksme.groups.services.showing import (
    comparison_show,
    group_set_for,
    showing_add_time,
    showing_get_or_create,
    showing_next,
    showing_order,
    showing_pause,
)
from sanaksme.groups.services.worksheets import (
    factor_add,
    factor_arrange,
    factor_hide,
    factor_weigh,
    solution_add,
    solution_hide,
)
from sanaksme.live.events import Event, GroupsChanged
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

SEED = 1
T0 = dt.datetime(2017, 1, 27, 16, 35, tzinfo=dt.UTC)
ELIGIBLE = 28  # everyone registered but the two organisers
ROMA = 8  # the Roma community representatives: their own group
LATE = "Zane Ēvalde"  # a municipal representative
LATE_ROMA = "Roberts Kozlovskis"  # a Roma mediator


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


# Data -------------------------------------------------------------------------------


@pytest.fixture
def group_work(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")


@pytest.fixture
def presentations(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_presentations")


@pytest.fixture
def group_set(group_work: AgendaItem) -> GroupSet:
    """Three groups drawn at random and the Roma community's own group (number 4)."""
    return groups_draw(item=group_work, seed=SEED)


@pytest.fixture
def showing(group_set: GroupSet, presentations: AgendaItem) -> Showing:
    return showing_get_or_create(item=presentations)


@pytest.fixture
def presenting(showing: Showing) -> Showing:
    """Group 1 presents since T0."""
    return showing_next(showing=showing, expected=None, now=T0)


@pytest.fixture
def factor(group_set: GroupSet) -> Factor:
    return factor_add(group=group(group_set, 1), text="Zema motivācija mācīties",
                      client_id="f1")


@pytest.fixture
def worksheets(group_set: GroupSet) -> dict[str, Factor]:
    """What the groups wrote in Daugavpils (in their words, typos and all)."""
    written = {
        1: ["Zema motivācija mācīties", "Trūkst romu mediatoru skolās"],
        2: ["Nabadzība ģimenēs", "Valodas barjera"],
        3: ["Bērniem nav motivācijas mācīties"],
        4: ["bērni negrib iet uz skolu, neredz jēgu", "Nav naudas apģērbam un grāmatām"],
    }
    return {text: factor_add(group=group(group_set, number), text=text,
                             client_id=f"{number}-{i}")
            for number, texts in written.items() for i, text in enumerate(texts)}


def group(group_set: GroupSet, number: int) -> Group:
    return Group.objects.get(group_set=group_set, number=number)


def members(group: Group) -> set[int]:
    return set(Membership.objects.filter(group=group).values_list("participant_id",
                                                                   flat=True))


def person(meeting_id: int, name: str) -> Participant:
    return Participant.objects.get(meeting_id=meeting_id, name=name)


def eligible(meeting_id: int) -> Any:
    return Participant.objects.filter(meeting_id=meeting_id).exclude(category="organiser")


def changed(item: AgendaItem) -> GroupsChanged:
    """The event the last change of this item's groups announced."""
    meeting = Meeting.objects.get(pk=item.day.meeting_id)
    return GroupsChanged(meeting_id=meeting.pk, seq=meeting.last_seq, item_id=item.pk)


def current(showing: Showing) -> int | None:
    return Showing.objects.get(pk=showing.pk).current_id


# Forming the groups ------------------------------------------------------------------


def test_the_draw_puts_everyone_eligible_into_exactly_one_group(
    group_set: GroupSet, demo_meeting: Meeting,
) -> None:
    placed = list(Membership.objects.filter(group_set=group_set).values_list(
        "participant_id", flat=True))

    assert len(placed) == len(set(placed)) == ELIGIBLE
    assert set(placed) == set(eligible(demo_meeting.pk).values_list("pk", flat=True))


def test_the_draw_makes_three_random_groups_and_the_communitys_own_group(
    group_set: GroupSet,
) -> None:
    groups = list(group_set.groups.order_by("number"))

    assert [(g.number, g.kind) for g in groups] == [
        (1, "random"), (2, "random"), (3, "random"), (4, "dedicated")]
    assert groups[3].category == "roma_community"
    assert len(members(groups[3])) == ROMA
    assert sorted(len(members(g)) for g in groups[:3]) == [6, 7, 7]


def test_the_draw_stores_its_seed_and_announces_the_groups(
    group_work: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        group_set = groups_draw(item=group_work, seed=1234)

    assert GroupSet.objects.get(pk=group_set.pk).seed == 1234
    assert broadcasts == [changed(group_work)]


def test_the_same_seed_draws_the_same_groups(group_set: GroupSet,
                                             group_work: AgendaItem) -> None:
    before = [members(g) for g in group_set.groups.order_by("number")]

    groups_draw(item=group_work, seed=SEED)

    assert [members(g) for g in group_set.groups.order_by("number")] == before


def test_without_a_seed_a_new_one_is_drawn_and_kept(group_work: AgendaItem) -> None:
    group_set = groups_draw(item=group_work)

    assert GroupSet.objects.get(pk=group_set.pk).seed == group_set.seed
    assert 0 <= group_set.seed < 2**31


def test_drawing_again_keeps_the_groups_places(group_set: GroupSet,
                                               group_work: AgendaItem) -> None:
    group_set_place(group=group(group_set, 2), place="Zaļā zāle")

    groups_draw(item=group_work, seed=SEED + 1)

    assert group(group_set, 2).place == "Zaļā zāle"
    assert GroupSet.objects.filter(item=group_work).count() == 1


def test_drawing_again_is_refused_once_a_group_has_written(
    factor: Factor, group_set: GroupSet, group_work: AgendaItem,
    broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    before = {g.number: members(g) for g in group_set.groups.all()}

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        groups_draw(item=group_work, seed=SEED + 1)

    assert GroupSet.objects.get(pk=group_set.pk).seed == SEED
    assert {g.number: members(g) for g in group_set.groups.all()} == before
    assert Factor.objects.filter(pk=factor.pk).exists()
    assert broadcasts == []


def test_an_item_without_small_groups_cannot_draw(demo_meeting: Meeting) -> None:
    brainstorm = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")

    with pytest.raises(DomainError):
        groups_draw(item=brainstorm)

    assert not GroupSet.objects.exists()


def test_a_rule_that_cannot_be_used_is_refused(group_work: AgendaItem) -> None:
    group_work.params = {**group_work.params, "random_groups": 0}
    group_work.save()

    with pytest.raises(DomainError):
        groups_draw(item=group_work, seed=SEED)

    assert not GroupSet.objects.exists()


def test_before_anyone_is_present_everyone_registered_is_drawn(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    people, present = pool_for(group_work)

    assert present is False
    assert len(people) == Participant.objects.filter(meeting=demo_meeting).count()


def test_once_people_are_present_only_they_are_drawn(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    here = eligible(demo_meeting.pk).exclude(name=LATE)
    here.update(present=True)

    group_set = groups_draw(item=group_work, seed=SEED)

    assert pool_for(group_work)[1] is True
    assert Membership.objects.filter(group_set=group_set).count() == ELIGIBLE - 1
    assert not Membership.objects.filter(
        group_set=group_set, participant=person(demo_meeting.pk, LATE)).exists()


def test_everyone_registered_can_be_drawn_although_some_are_present(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    eligible(demo_meeting.pk).exclude(name=LATE).update(present=True)

    group_set = groups_draw(item=group_work, seed=SEED, everyone=True)

    assert pool_for(group_work, everyone=True)[1] is False
    assert Membership.objects.filter(group_set=group_set).count() == ELIGIBLE


def test_the_facilitator_moves_a_person_to_another_group(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    mover = min(members(group(group_set, 1)))

    with django_capture_on_commit_callbacks(execute=True):
        group_move(group_set=group_set, participant_id=mover,
                   group_id=group(group_set, 2).pk)

    assert mover in members(group(group_set, 2))
    assert mover not in members(group(group_set, 1))
    assert Membership.objects.filter(group_set=group_set).count() == ELIGIBLE
    assert broadcasts == [changed(group_set.item)]


def test_a_person_of_another_meeting_cannot_be_moved_in(
    group_set: GroupSet, participant_factory: Any,
) -> None:
    stranger = participant_factory()

    with pytest.raises(DomainError):
        group_move(group_set=group_set, participant_id=stranger.pk,
                   group_id=group(group_set, 1).pk)

    assert not Membership.objects.filter(participant=stranger).exists()


def test_a_person_cannot_be_moved_into_another_items_group(
    group_set: GroupSet, group_factory_set: Group,
) -> None:
    mover = min(members(group(group_set, 1)))

    with pytest.raises(DomainError):
        group_move(group_set=group_set, participant_id=mover,
                   group_id=group_factory_set.pk)

    assert mover in members(group(group_set, 1))


@pytest.fixture
def group_factory_set(demo_meeting: Meeting, agenda_item_factory: Any) -> Group:
    """A group of another group-work item of the same meeting."""
    day = demo_meeting.days.order_by("date").first()
    other = agenda_item_factory(day=day, method="group_work",
                                params={"random_groups": 1,
                                        "random_categories": ["expert"]})
    return groups_draw(item=other, seed=SEED).groups.get()


def test_a_late_arrival_joins_a_group_drawn_at_random(
    group_work: AgendaItem, demo_meeting: Meeting, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    eligible(demo_meeting.pk).exclude(name=LATE).update(present=True)
    group_set = groups_draw(item=group_work, seed=SEED)
    late = person(demo_meeting.pk, LATE)
    late.present = True
    late.save()

    with django_capture_on_commit_callbacks(execute=True):
        added = groups_add_late(group_set=group_set)

    assert added == [late.pk]
    joined = Membership.objects.get(group_set=group_set, participant=late).group
    assert joined.kind == "random"
    sizes = [len(members(g)) for g in group_set.groups.filter(kind="random")]
    assert max(sizes) - min(sizes) <= 1
    assert broadcasts == [changed(group_work)]


def test_a_late_roma_representative_joins_the_communitys_own_group(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    eligible(demo_meeting.pk).exclude(name=LATE_ROMA).update(present=True)
    group_set = groups_draw(item=group_work, seed=SEED)
    late = person(demo_meeting.pk, LATE_ROMA)
    Participant.objects.filter(pk=late.pk).update(present=True)

    groups_add_late(group_set=group_set)

    joined = Membership.objects.get(group_set=group_set, participant=late).group
    assert (joined.kind, joined.category) == ("dedicated", "roma_community")


def test_a_late_arrival_opens_the_random_group_the_draw_could_not_fill(
    group_work: AgendaItem, demo_meeting: Meeting,
) -> None:
    early = ["Anita Bērziņa", "Dace Liepiņa"]  # two people for three random groups
    Participant.objects.filter(meeting=demo_meeting, name__in=early).update(present=True)
    group_set = groups_draw(item=group_work, seed=SEED)
    late = person(demo_meeting.pk, LATE)
    Participant.objects.filter(pk=late.pk).update(present=True)

    groups_add_late(group_set=group_set)

    joined = Membership.objects.get(group_set=group_set, participant=late).group
    assert joined.kind == "random"
    assert members(joined) == {late.pk}
    assert group_set.groups.filter(kind="random").count() == 3
    numbers = list(group_set.groups.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 4


def test_with_nobody_waiting_no_one_is_added_and_nothing_is_announced(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        added = groups_add_late(group_set=group_set)

    assert added == []
    assert Membership.objects.filter(group_set=group_set).count() == ELIGIBLE
    assert broadcasts == []


def test_people_not_present_are_not_added_late(group_set: GroupSet,
                                               demo_meeting: Meeting) -> None:
    Membership.objects.filter(participant=person(demo_meeting.pk, LATE)).delete()

    added = groups_add_late(group_set=group_set)

    assert added == []


def test_a_groups_place_is_stored_tidied_and_announced(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        group_set_place(group=group(group_set, 3), place="  Telpa   2.07 \n")

    assert group(group_set, 3).place == "Telpa 2.07"
    assert broadcasts == [changed(group_set.item)]


def test_a_place_is_cut_to_100_characters(group_set: GroupSet) -> None:
    group_set_place(group=group(group_set, 3), place="x" * 150)

    assert group(group_set, 3).place == "x" * 100


def test_opening_the_worksheets_is_stored_and_announced(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        worksheets_set_open(group_set=group_set, is_open=True)

    assert GroupSet.objects.get(pk=group_set.pk).worksheets_open is True
    assert broadcasts == [changed(group_set.item)]


def test_closing_the_worksheets_again(group_set: GroupSet) -> None:
    worksheets_set_open(group_set=group_set, is_open=True)

    worksheets_set_open(group_set=group_set, is_open=False)

    assert GroupSet.objects.get(pk=group_set.pk).worksheets_open is False


# Worksheets ----------------------------------------------------------------------


def test_a_factor_is_added_at_the_end_and_announced(
    group_set: GroupSet, demo_meeting: Meeting, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    first = factor_add(group=group(group_set, 1), text="Valodas barjera", client_id="a")
    author = min(members(group(group_set, 1)))

    with django_capture_on_commit_callbacks(execute=True):
        second = factor_add(group=group(group_set, 1), text="Nabadzība ģimenēs",
                            client_id="b", author_id=author)

    stored = Factor.objects.get(pk=second.pk)
    assert (stored.text, stored.author_id, stored.hidden) == (
        "Nabadzība ģimenēs", author, False)
    assert stored.position > first.position
    assert broadcasts == [changed(group_set.item)]


def test_a_factor_sent_twice_with_one_client_id_is_stored_and_announced_once(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = factor_add(group=group(group_set, 1), text="Valodas barjera",
                           client_id="c1")
        again = factor_add(group=group(group_set, 1), text="Valodas barjera",
                           client_id="c1")

    assert again.pk == first.pk
    assert Factor.objects.filter(group__group_set=group_set).count() == 1
    assert len(broadcasts) == 1


def test_two_groups_may_use_the_same_client_id(group_set: GroupSet) -> None:
    factor_add(group=group(group_set, 1), text="Valodas barjera", client_id="c1")

    factor_add(group=group(group_set, 2), text="Valodas barjera", client_id="c1")

    assert Factor.objects.filter(group__group_set=group_set).count() == 2


def test_a_factors_spaces_are_tidied(group_set: GroupSet) -> None:
    factor = factor_add(group=group(group_set, 1), text="  Zema \n motivācija\tmācīties ",
                        client_id="c1")

    assert Factor.objects.get(pk=factor.pk).text == "Zema motivācija mācīties"


def test_a_factor_of_300_characters_is_accepted(group_set: GroupSet) -> None:
    factor = factor_add(group=group(group_set, 1), text="ā" * 300, client_id="c1")

    assert len(Factor.objects.get(pk=factor.pk).text) == 300


@pytest.mark.parametrize("text", ["", "   ", "\n\t", "x" * 301, "Zema\x07 motivācija",
                                  "nulle\x00"])
def test_an_empty_too_long_or_unprintable_factor_is_refused(
    group_set: GroupSet, text: str, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        factor_add(group=group(group_set, 1), text=text, client_id="c1")

    assert not Factor.objects.exists()
    assert broadcasts == []


@pytest.mark.parametrize("client_id", ["", "   ", "x" * 65])
def test_a_factor_without_a_usable_client_id_is_refused(group_set: GroupSet,
                                                        client_id: str) -> None:
    with pytest.raises(DomainError):
        factor_add(group=group(group_set, 1), text="Valodas barjera", client_id=client_id)

    assert not Factor.objects.exists()


def test_a_hidden_factor_stays_stored_and_is_announced(
    factor: Factor, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        factor_hide(factor=factor, hidden=True)

    assert Factor.objects.get(pk=factor.pk).hidden is True
    assert broadcasts == [changed(group_set.item)]


def test_a_hidden_factor_can_be_shown_again(factor: Factor) -> None:
    factor_hide(factor=factor, hidden=True)

    factor_hide(factor=factor, hidden=False)

    assert Factor.objects.get(pk=factor.pk).hidden is False


def test_the_group_puts_its_factors_in_order_of_significance(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    first, second, third = (
        factor_add(group=group(group_set, 1), text=text, client_id=text)
        for text in ("Valodas barjera", "Nabadzība", "Zema motivācija"))

    with django_capture_on_commit_callbacks(execute=True):
        factor_arrange(group=group(group_set, 1), order=[third.pk, first.pk, second.pk])

    assert list(Factor.objects.filter(group=group(group_set, 1)).values_list(
        "pk", flat=True)) == [third.pk, first.pk, second.pk]
    assert broadcasts == [changed(group_set.item)]


@pytest.mark.parametrize("change", ["missing", "extra", "twice", "other group"])
def test_an_order_that_is_not_the_groups_list_is_refused(
    group_set: GroupSet, change: str,
) -> None:
    mine = [factor_add(group=group(group_set, 1), text=t, client_id=t).pk
            for t in ("Valodas barjera", "Nabadzība")]
    theirs = factor_add(group=group(group_set, 2), text="Aizspriedumi", client_id="x").pk
    order = {"missing": mine[:1], "extra": [*mine, 999_999], "twice": [mine[0], mine[0]],
             "other group": [mine[0], theirs]}[change]

    with pytest.raises(DomainError):
        factor_arrange(group=group(group_set, 1), order=order)

    assert list(Factor.objects.filter(group=group(group_set, 1)).values_list(
        "pk", flat=True)) == mine


def test_responsibility_taps_are_stored_and_announced(
    factor: Factor, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        factor_weigh(factor=factor, municipality=3, state=1, community=6)

    stored = Factor.objects.get(pk=factor.pk)
    assert (stored.municipality, stored.state, stored.community) == (3, 1, 6)
    assert broadcasts == [changed(group_set.item)]


@pytest.mark.parametrize("taps", [(11, 0, 0), (0, -1, 0), (0, 0, 100)])
def test_taps_beyond_0_to_10_are_refused(factor: Factor,
                                         taps: tuple[int, int, int]) -> None:
    with pytest.raises(DomainError):
        factor_weigh(factor=factor, municipality=taps[0], state=taps[1],
                     community=taps[2])

    stored = Factor.objects.get(pk=factor.pk)
    assert (stored.municipality, stored.state, stored.community) == (0, 0, 0)


def test_a_solution_is_added_under_a_factor_and_announced(
    factor: Factor, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        solution = solution_add(factor=factor, text="Romu mediatori katrā skolā",
                                client_id="s1")

    stored = Solution.objects.get(pk=solution.pk)
    assert (stored.factor_id, stored.text) == (factor.pk, "Romu mediatori katrā skolā")
    assert broadcasts == [changed(group_set.item)]


def test_a_solution_sent_twice_with_one_client_id_is_stored_once(
    factor: Factor, broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = solution_add(factor=factor, text="Pulciņi pēc stundām", client_id="s1")
        again = solution_add(factor=factor, text="Pulciņi pēc stundām", client_id="s1")

    assert again.pk == first.pk
    assert Solution.objects.count() == 1
    assert len(broadcasts) == 1


def test_an_empty_solution_is_refused(factor: Factor) -> None:
    with pytest.raises(DomainError):
        solution_add(factor=factor, text=" ", client_id="s1")

    assert not Solution.objects.exists()


def test_a_hidden_solution_stays_stored_and_is_announced(
    factor: Factor, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    solution = solution_add(factor=factor, text="Pulciņi", client_id="s1")

    with django_capture_on_commit_callbacks(execute=True):
        solution_hide(solution=solution, hidden=True)

    assert Solution.objects.get(pk=solution.pk).hidden is True
    assert broadcasts == [changed(group_set.item)]


# Presentations -----------------------------------------------------------------------


def test_the_presentations_use_the_groups_of_the_group_work_before_them(
    group_set: GroupSet, presentations: AgendaItem,
) -> None:
    assert group_set_for(presentations) == group_set


def test_a_group_work_item_uses_its_own_groups(group_set: GroupSet,
                                               group_work: AgendaItem) -> None:
    assert group_set_for(group_work) == group_set


def test_other_items_have_no_groups(group_set: GroupSet, demo_meeting: Meeting) -> None:
    brainstorm = AgendaItem.objects.get(day__meeting=demo_meeting, method="brainstorm")

    assert group_set_for(brainstorm) is None


def test_presentations_before_the_groups_are_drawn_have_no_groups(
    presentations: AgendaItem,
) -> None:
    assert group_set_for(presentations) is None


def test_presentations_cannot_start_before_the_groups_are_drawn(
    presentations: AgendaItem,
) -> None:
    with pytest.raises(DomainError):
        showing_get_or_create(item=presentations)

    assert not Showing.objects.exists()


def test_presentations_ignore_a_group_work_that_comes_after_them(
    group_set: GroupSet, presentations: AgendaItem, agenda_item_factory: Any,
) -> None:
    later = agenda_item_factory(day=presentations.day, method="group_work",
                                position=presentations.position + 5,
                                params={"random_groups": 1,
                                        "random_categories": ["expert"]})
    groups_draw(item=later, seed=SEED)

    assert group_set_for(presentations) == group_set


def test_presentations_use_the_latest_group_work_before_them(
    group_set: GroupSet, presentations: AgendaItem, group_work: AgendaItem,
    agenda_item_factory: Any,
) -> None:
    AgendaItem.objects.filter(pk=presentations.pk).update(position=presentations.position + 1)
    between = agenda_item_factory(day=presentations.day, method="group_work",
                                  position=group_work.position + 1,
                                  params={"random_groups": 1,
                                          "random_categories": ["expert"]})
    newer = groups_draw(item=between, seed=SEED)

    assert group_set_for(AgendaItem.objects.get(pk=presentations.pk)) == newer


def test_each_group_has_the_items_minutes(showing: Showing) -> None:
    assert showing.allowed_seconds == 7 * 60
    assert showing.current_id is None


def test_showing_get_or_create_returns_the_same_presentations(
    showing: Showing, presentations: AgendaItem,
) -> None:
    assert showing_get_or_create(item=presentations).pk == showing.pk


def test_the_random_groups_present_first_and_the_own_group_last(
    showing: Showing, group_set: GroupSet,
) -> None:
    assert showing_order(showing) == [group(group_set, n).pk for n in (1, 2, 3, 4)]


def test_the_first_next_lets_the_first_group_present_for_7_minutes(
    showing: Showing, group_set: GroupSet, presentations: AgendaItem,
    broadcasts: list[Event], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        showing_next(showing=showing, expected=None, now=T0)

    stored = Showing.objects.get(pk=showing.pk)
    assert stored.current_id == group(group_set, 1).pk
    assert (stored.started_at, stored.ends_at, stored.left_seconds) == (T0, at(420), None)
    assert broadcasts == [changed(presentations)]


def test_next_records_how_long_the_group_presented(presenting: Showing,
                                                   group_set: GroupSet) -> None:
    showing_next(showing=presenting, expected=group(group_set, 1).pk, now=at(400))

    assert group(group_set, 1).presented_seconds == 400
    assert current(presenting) == group(group_set, 2).pk


def test_two_consoles_pressing_next_at_once_move_one_step(
    presenting: Showing, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    seen = group(group_set, 1).pk

    with django_capture_on_commit_callbacks(execute=True):
        showing_next(showing=presenting, expected=seen, now=at(300))
        showing_next(showing=presenting, expected=seen, now=at(301))

    assert current(presenting) == group(group_set, 2).pk
    assert group(group_set, 1).presented_seconds == 300
    assert len(broadcasts) == 1


def test_back_lets_the_previous_group_present_again(presenting: Showing,
                                                    group_set: GroupSet) -> None:
    showing_next(showing=presenting, expected=group(group_set, 1).pk, now=at(100))

    showing_next(showing=presenting, expected=group(group_set, 2).pk, step=-1,
                 now=at(150))

    stored = Showing.objects.get(pk=presenting.pk)
    assert stored.current_id == group(group_set, 1).pk
    assert stored.ends_at == at(150 + 420)
    assert group(group_set, 2).presented_seconds == 50


def test_back_from_the_first_group_starts_it_again(presenting: Showing,
                                                   group_set: GroupSet) -> None:
    showing_next(showing=presenting, expected=group(group_set, 1).pk, step=-1,
                 now=at(30))

    stored = Showing.objects.get(pk=presenting.pk)
    assert stored.current_id == group(group_set, 1).pk
    assert stored.started_at == at(30)


def test_after_the_last_group_the_presentations_are_finished(
    presenting: Showing, group_set: GroupSet,
) -> None:
    for number in (1, 2, 3):
        showing_next(showing=presenting, expected=group(group_set, number).pk,
                     now=at(number * 420))

    showing_next(showing=presenting, expected=group(group_set, 4).pk, now=at(2000))

    stored = Showing.objects.get(pk=presenting.pk)
    assert stored.finished is True
    assert (stored.current_id, stored.ends_at, stored.started_at) == (None, None, None)
    assert group(group_set, 4).presented_seconds == 2000 - 3 * 420


def test_back_after_the_end_lets_the_last_group_present_again(
    presenting: Showing, group_set: GroupSet,
) -> None:
    for number in (1, 2, 3, 4):
        showing_next(showing=presenting, expected=group(group_set, number).pk,
                     now=at(number * 100))

    showing_next(showing=presenting, expected=None, step=-1, now=at(500))

    stored = Showing.objects.get(pk=presenting.pk)
    assert (stored.current_id, stored.finished) == (group(group_set, 4).pk, False)


def test_a_pause_freezes_the_time_left_and_is_announced(
    presenting: Showing, presentations: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        showing_pause(showing=presenting, paused=True, now=at(60))

    stored = Showing.objects.get(pk=presenting.pk)
    assert (stored.ends_at, stored.left_seconds, stored.resumed_at) == (None, 360, None)
    assert broadcasts == [changed(presentations)]


def test_a_pause_stops_the_groups_presenting_time(presenting: Showing,
                                                  group_set: GroupSet) -> None:
    showing_pause(showing=presenting, paused=True, now=at(60))
    showing_pause(showing=presenting, paused=False, now=at(500))

    showing_next(showing=presenting, expected=group(group_set, 1).pk, now=at(530))

    assert group(group_set, 1).presented_seconds == 90


def test_resuming_goes_on_from_the_time_left(presenting: Showing) -> None:
    showing_pause(showing=presenting, paused=True, now=at(60))

    showing_pause(showing=presenting, paused=False, now=at(500))

    stored = Showing.objects.get(pk=presenting.pk)
    assert (stored.ends_at, stored.left_seconds, stored.resumed_at) == (
        at(500 + 360), None, at(500))


def test_pausing_twice_changes_nothing(presenting: Showing, group_set: GroupSet) -> None:
    showing_pause(showing=presenting, paused=True, now=at(60))

    showing_pause(showing=presenting, paused=True, now=at(90))

    stored = Showing.objects.get(pk=presenting.pk)
    assert stored.left_seconds == 360
    assert group(group_set, 1).presented_seconds == 60


def test_nothing_to_pause_before_a_group_presents(showing: Showing) -> None:
    with pytest.raises(DomainError):
        showing_pause(showing=showing, paused=True, now=T0)


def test_extra_time_moves_the_end_and_is_announced(
    presenting: Showing, presentations: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        showing_add_time(showing=presenting, seconds=60)

    stored = Showing.objects.get(pk=presenting.pk)
    assert (stored.allowed_seconds, stored.ends_at) == (480, at(480))
    assert broadcasts == [changed(presentations)]


def test_extra_time_while_paused_adds_to_the_time_left(presenting: Showing) -> None:
    showing_pause(showing=presenting, paused=True, now=at(60))

    showing_add_time(showing=presenting, seconds=120)

    assert Showing.objects.get(pk=presenting.pk).left_seconds == 480


def test_extra_time_was_for_one_group_only(presenting: Showing, group_set: GroupSet) -> None:
    showing_add_time(showing=presenting, seconds=120)

    showing_next(showing=presenting, expected=group(group_set, 1).pk, now=at(540))

    stored = Showing.objects.get(pk=presenting.pk)
    assert (stored.allowed_seconds, stored.ends_at) == (420, at(540 + 420))


@pytest.mark.parametrize("seconds", [601, -601])
def test_more_than_ten_minutes_at_a_time_is_refused(presenting: Showing,
                                                    seconds: int) -> None:
    with pytest.raises(DomainError):
        showing_add_time(showing=presenting, seconds=seconds)

    assert Showing.objects.get(pk=presenting.pk).ends_at == at(420)


def test_no_extra_time_before_a_group_presents(showing: Showing) -> None:
    with pytest.raises(DomainError):
        showing_add_time(showing=showing, seconds=60)


def test_the_comparison_goes_on_the_projector_and_is_announced(
    showing: Showing, presentations: AgendaItem, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        comparison_show(showing=showing, shown=True)

    assert Showing.objects.get(pk=showing.pk).comparison_shown is True
    assert broadcasts == [changed(presentations)]


# Comparison ----------------------------------------------------------------------------


def test_the_same_factor_in_the_experts_and_community_words_makes_one_theme(
    worksheets: dict[str, Factor], group_set: GroupSet,
) -> None:
    comparison_propose(group_set=group_set)

    experts = Factor.objects.get(pk=worksheets["Zema motivācija mācīties"].pk)
    community = Factor.objects.get(pk=worksheets["bērni negrib iet uz skolu, neredz jēgu"].pk)
    assert experts.theme_id is not None
    assert experts.theme_id == community.theme_id


def test_a_theme_shared_by_both_sides_is_common(
    worksheets: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    comparison_propose(group_set=group_set)

    themes = groups_state(presentations, audience="console")["comparison"]["themes"]
    motivation = next(t for t in themes
                      if worksheets["Zema motivācija mācīties"].pk
                      in [f["id"] for f in t["factors"]])
    assert motivation["status"] == "common"
    assert {f["side"] for f in motivation["factors"]} == {"experts", "community"}


def test_the_proposal_gives_every_visible_factor_a_theme_and_is_announced(
    worksheets: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        created = comparison_propose(group_set=group_set)

    assert not Factor.objects.filter(group__group_set=group_set, theme=None).exists()
    assert Theme.objects.filter(group_set=group_set).count() == len(created)
    assert 1 <= len(created) < len(worksheets)
    assert broadcasts == [changed(group_set.item)]


def test_hidden_factors_are_left_out_of_the_comparison(
    worksheets: dict[str, Factor], group_set: GroupSet,
) -> None:
    hidden = worksheets["Valodas barjera"]
    factor_hide(factor=hidden, hidden=True)

    comparison_propose(group_set=group_set)

    assert Factor.objects.get(pk=hidden.pk).theme_id is None


def test_proposing_again_keeps_the_confirmed_themes(
    worksheets: dict[str, Factor], group_set: GroupSet,
) -> None:
    comparison_propose(group_set=group_set)
    comparison_confirm(group_set=group_set)
    confirmed = dict(Factor.objects.filter(group__group_set=group_set).values_list(
        "pk", "theme_id"))
    added = factor_add(group=group(group_set, 2), text="Trūkst mācību līdzekļu",
                       client_id="late")

    comparison_propose(group_set=group_set)

    assert dict(Factor.objects.filter(group__group_set=group_set).exclude(
        pk=added.pk).values_list("pk", "theme_id")) == confirmed
    assert Theme.objects.filter(group_set=group_set, confirmed=True).count() == len(
        set(confirmed.values()))
    assert Factor.objects.get(pk=added.pk).theme_id is not None


def test_an_unconfirmed_theme_is_proposed_again_and_the_confirmed_ones_stay(
    worksheets: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    comparison_propose(group_set=group_set)
    comparison_confirm(group_set=group_set)
    themes = list(Theme.objects.filter(group_set=group_set))
    taken_back, kept = themes[0], themes[1:]
    kept_factors = dict(Factor.objects.filter(theme__in=kept).values_list("pk", "theme_id"))
    its_factors = set(taken_back.factors.values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        theme_unconfirm(theme=taken_back)
    assert Theme.objects.get(pk=taken_back.pk).confirmed is False
    assert broadcasts == [changed(group_set.item)]
    comparison_propose(group_set=group_set)

    assert set(Factor.objects.filter(pk__in=its_factors).values_list(
        "theme__confirmed", flat=True)) == {False}
    assert dict(Factor.objects.filter(pk__in=kept_factors).values_list(
        "pk", "theme_id")) == kept_factors
    assert Theme.objects.filter(group_set=group_set, confirmed=True).count() == len(kept)


def test_the_comparison_is_confirmed_only_while_every_theme_is(
    worksheets: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    comparison_propose(group_set=group_set)
    comparison_confirm(group_set=group_set)

    theme_unconfirm(theme=Theme.objects.filter(group_set=group_set).first())  # type: ignore[arg-type]

    state = groups_state(presentations, audience="console")["comparison"]
    assert state["confirmed"] is False
    assert [t["confirmed"] for t in state["themes"]].count(False) == 1


def test_proposing_again_keeps_the_theme_rows_of_the_same_themes(
    worksheets: dict[str, Factor], group_set: GroupSet,
) -> None:
    first = {t.pk for t in comparison_propose(group_set=group_set)}

    second = {t.pk for t in comparison_propose(group_set=group_set)}

    assert first == second
    assert set(Theme.objects.filter(group_set=group_set).values_list("pk", flat=True)
               ) == second


def test_with_nothing_written_there_is_nothing_to_compare(
    group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        created = comparison_propose(group_set=group_set)

    assert created == []
    assert not Theme.objects.exists()
    assert broadcasts == [changed(group_set.item)]


def test_merging_moves_the_factors_and_drops_the_empty_theme(
    group_set: GroupSet, worksheets: dict[str, Factor], broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    poverty = factor_set_theme(factor=worksheets["Nabadzība ģimenēs"], theme=None)
    language = factor_set_theme(factor=worksheets["Valodas barjera"], theme=None)

    with django_capture_on_commit_callbacks(execute=True):
        theme_merge(theme=language, into=poverty)

    assert set(Factor.objects.filter(theme=poverty).values_list("text", flat=True)) == {
        "Nabadzība ģimenēs", "Valodas barjera"}
    assert not Theme.objects.filter(pk=language.pk).exists()
    assert broadcasts == [changed(group_set.item)]


def test_a_theme_cannot_be_merged_into_itself(group_set: GroupSet,
                                              factor: Factor) -> None:
    theme = factor_set_theme(factor=factor, theme=None)

    with pytest.raises(DomainError):
        theme_merge(theme=theme, into=theme)

    assert Factor.objects.get(pk=factor.pk).theme_id == theme.pk


def test_a_factor_split_off_gets_a_theme_of_its_own_named_after_it(
    worksheets: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    comparison_propose(group_set=group_set)
    split = worksheets["bērni negrib iet uz skolu, neredz jēgu"]
    old = Factor.objects.get(pk=split.pk).theme_id

    with django_capture_on_commit_callbacks(execute=True):
        theme = factor_set_theme(factor=split, theme=None)

    assert theme.pk != old
    assert theme.label == "bērni negrib iet uz skolu, neredz jēgu"
    assert list(Factor.objects.filter(theme=theme).values_list("pk", flat=True)) == [
        split.pk]
    assert broadcasts == [changed(group_set.item)]


def test_a_theme_left_without_factors_is_dropped(group_set: GroupSet,
                                                 worksheets: dict[str, Factor]) -> None:
    alone = factor_set_theme(factor=worksheets["Valodas barjera"], theme=None)
    poverty = factor_set_theme(factor=worksheets["Nabadzība ģimenēs"], theme=None)

    factor_set_theme(factor=worksheets["Valodas barjera"], theme=poverty)

    assert not Theme.objects.filter(pk=alone.pk).exists()


def test_a_factor_cannot_join_another_group_sets_theme(
    factor: Factor, group_factory_set: Group,
) -> None:
    elsewhere = factor_add(group=group_factory_set, text="Valodas barjera",
                           client_id="x")
    foreign = factor_set_theme(factor=elsewhere, theme=None)

    with pytest.raises(DomainError):
        factor_set_theme(factor=factor, theme=foreign)

    assert Factor.objects.get(pk=factor.pk).theme_id is None


def test_a_theme_is_renamed_and_announced(
    factor: Factor, group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    theme = factor_set_theme(factor=factor, theme=None)

    with django_capture_on_commit_callbacks(execute=True):
        theme_rename(theme=theme, label="  Motivācija   mācīties ")

    assert Theme.objects.get(pk=theme.pk).label == "Motivācija mācīties"
    assert broadcasts == [changed(group_set.item)]


def test_a_theme_cannot_be_renamed_to_nothing(factor: Factor) -> None:
    theme = factor_set_theme(factor=factor, theme=None)

    with pytest.raises(DomainError):
        theme_rename(theme=theme, label=" \n ")

    assert Theme.objects.get(pk=theme.pk).label == factor.text


def test_confirming_marks_every_theme_confirmed_and_is_announced(
    worksheets: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    comparison_propose(group_set=group_set)

    with django_capture_on_commit_callbacks(execute=True):
        comparison_confirm(group_set=group_set)

    assert not Theme.objects.filter(group_set=group_set, confirmed=False).exists()
    assert broadcasts == [changed(group_set.item)]


def test_a_confirmed_new_theme_teaches_the_lexicon(
    group_set: GroupSet,
) -> None:
    # Words the built-in lexicon does not know.
    experts = factor_add(group=group(group_set, 1), text="Nav kur spēlēt šahu",
                         client_id="a")
    community = factor_add(group=group(group_set, 4), text="Šaha spēles vakaros",
                           client_id="b")
    theme = factor_set_theme(factor=experts, theme=None)
    factor_set_theme(factor=community, theme=theme)
    theme_rename(theme=theme, label="Galda spēles")

    learned = comparison_confirm(group_set=group_set)

    assert learned == 1
    concept = LearnedConcept.objects.get(label="Galda spēles")
    assert concept.learned is True
    assert "šahu" in concept.terms
    assert concept.organisation_id == group_set.meeting.organisation_id
    assert concept.key in {c.key for c in lexicon_current(concept.organisation_id).concepts}


def test_a_theme_of_one_factor_teaches_nothing(factor: Factor,
                                               group_set: GroupSet) -> None:
    factor_set_theme(factor=factor, theme=None)

    learned = comparison_confirm(group_set=group_set)

    assert learned == 0
    assert not LearnedConcept.objects.exists()
