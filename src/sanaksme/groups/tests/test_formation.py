"""Small-group formation: balance, affiliation spread, reproducibility, late arrivals,
the facilitator's moves. Pure domain: no database."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sanaksme.groups.domain.formation import (
    DEMO_RULE,
    Formation,
    FormationError,
    FormationErrorCode,
    GroupKind,
    Member,
    PlannedGroup,
    Rule,
    add_member,
    form_groups,
    group_balance,
    move_member,
    normalise_affiliation,
)

CATEGORIES = ("regional_expert", "municipal", "expert", "roma_community", "organiser")
PLACES = ("Daugavpils", " daugavpils", "Rēzekne", "RĒZEKNE ", "Jelgava", "Valka",
          "Ludza", "")
INSTITUTIONS = ("Social services", "social  services", "School", "NGO", "")


# -- helpers ------------------------------------------------------------------------


def random_groups(formation: Formation) -> list[tuple[int, ...]]:
    return [g.members for g in formation.groups if g.kind is GroupKind.RANDOM]


def dedicated(formation: Formation, category: str) -> tuple[int, ...]:
    [group] = [g for g in formation.groups
               if g.kind is GroupKind.DEDICATED and g.category == category]
    return group.members


def places(formation: Formation) -> dict[int, int | None]:
    """Where each member is: a group index, or None when unassigned."""
    where: dict[int, int | None] = dict.fromkeys(formation.unassigned)
    for index, group in enumerate(formation.groups):
        where.update(dict.fromkeys(group.members, index))
    return where


def placed_ids(formation: Formation) -> list[int]:
    return [i for g in formation.groups for i in g.members] + list(formation.unassigned)


def primary(member: Member) -> str | None:
    name = normalise_affiliation(member.affiliations[0]) if member.affiliations else ""
    return name or None


def eligible(members: Sequence[Member], rule: Rule) -> list[Member]:
    return [m for m in members if rule.kind_for(m.category) is GroupKind.RANDOM]


def person(member_id: int, category: str = "expert", *affiliations: str) -> Member:
    return Member(member_id, category, tuple(affiliations))


# -- strategies ---------------------------------------------------------------------

affiliation_tuples = st.one_of(
    st.just(()),
    st.tuples(st.sampled_from(PLACES)),
    st.tuples(st.sampled_from(PLACES), st.sampled_from(INSTITUTIONS)),
)


@st.composite
def member_lists(draw: st.DrawFn, max_size: int = 30) -> list[Member]:
    ids = draw(st.lists(st.integers(1, 10_000), unique=True, max_size=max_size))
    return [Member(i, draw(st.sampled_from(CATEGORIES)), draw(affiliation_tuples))
            for i in ids]


@st.composite
def any_rules(draw: st.DrawFn) -> Rule:
    return Rule(
        random_groups=draw(st.integers(1, 5)),
        random_categories=draw(st.frozensets(st.sampled_from(CATEGORIES))),
        dedicated_categories=tuple(
            draw(st.lists(st.sampled_from(CATEGORIES), unique=True, max_size=2))),
    )


rules = st.one_of(st.just(DEMO_RULE), any_rules())
seeds = st.integers(0, 2**32)


# -- form_groups: properties --------------------------------------------------------


@given(member_lists(), rules, seeds)
def test_every_eligible_member_is_in_exactly_one_group(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    grouped = Counter(i for g in formation.groups for i in g.members)
    wanted = {m.id for m in members if rule.kind_for(m.category) is not None}
    assert set(grouped) == wanted
    assert all(n == 1 for n in grouped.values())


@given(member_lists(), rules, seeds)
def test_nobody_ineligible_is_placed_in_a_group(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    grouped = {i for g in formation.groups for i in g.members}
    ineligible = sorted(m.id for m in members if rule.kind_for(m.category) is None)
    assert list(formation.unassigned) == ineligible
    assert grouped.isdisjoint(ineligible)


@given(member_lists(), rules, seeds)
def test_members_land_in_the_group_of_their_kind(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    for member in members:
        kind = rule.kind_for(member.category)
        if kind is GroupKind.DEDICATED:
            assert member.id in dedicated(formation, member.category)
        elif kind is GroupKind.RANDOM:
            assert any(member.id in g for g in random_groups(formation))


@given(member_lists(), rules, seeds)
def test_random_groups_differ_in_size_by_at_most_one(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    assert group_balance(formation).random_spread <= 1


@given(member_lists(), rules, seeds)
def test_there_are_k_random_groups_or_one_per_eligible_person_if_fewer(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    expected = min(rule.random_groups, len(eligible(members, rule)))
    assert len(random_groups(formation)) == expected
    assert all(random_groups(formation))


@given(member_lists(), rules, seeds)
def test_groups_are_ordered_random_first_then_dedicated_in_rule_order(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    kinds = [g.kind for g in formation.groups]
    assert kinds == sorted(kinds, key=lambda k: k is GroupKind.DEDICATED)
    dedicated_order = [g.category for g in formation.groups
                       if g.kind is GroupKind.DEDICATED]
    assert tuple(dedicated_order) == rule.dedicated_categories
    assert all(list(g.members) == sorted(g.members) for g in formation.groups)


@given(member_lists(), rules, seeds)
def test_no_group_has_more_than_its_share_of_one_primary_affiliation(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    groups = random_groups(formation)
    pool = eligible(members, rule)
    totals = Counter(primary(m) for m in pool)
    for group in groups:
        here = Counter(primary(m) for m in pool if m.id in group)
        for name, count in here.items():
            if name is not None:
                assert count <= math.ceil(totals[name] / len(groups))


@given(member_lists(), rules, seeds)
def test_each_primary_affiliation_is_spread_as_evenly_as_possible(
        members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups(members, rule, seed=seed)

    groups = random_groups(formation)
    pool = eligible(members, rule)
    for name in {primary(m) for m in pool} - {None}:
        counts = [sum(primary(m) == name for m in pool if m.id in g) for g in groups]
        assert max(counts) - min(counts) <= 1


@given(st.data(), member_lists(), rules, seeds)
def test_the_same_members_in_any_order_give_the_same_formation(
        data: st.DataObject, members: list[Member], rule: Rule, seed: int) -> None:
    shuffled = data.draw(st.permutations(members))

    assert form_groups(shuffled, rule, seed=seed) == form_groups(members, rule, seed=seed)


# -- form_groups: examples ----------------------------------------------------------

MUNICIPALITIES = {"Daugavpils": 4, "Rēzekne": 3, "Jelgava": 2, "Valka": 2, "Ludza": 2,
                  "Preiļi": 2, "Krāslava": 2, "Jēkabpils": 1}


def daugavpils_room() -> list[Member]:
    """The demo shape: 18 experts and municipal staff from 8 municipalities, 8 Roma
    (2 of them mediators, also `roma_community`) and 2 organisers."""
    kinds = ("regional_expert", "municipal", "expert")
    towns = [town for town, n in MUNICIPALITIES.items() for _ in range(n)]
    room = [person(i, kinds[i % 3], town, f"institution {i % 5}")
            for i, town in enumerate(towns, start=1)]
    room += [person(100 + i, "roma_community", "Daugavpils") for i in range(8)]
    return [*room, person(200, "organiser"), person(201, "organiser")]


def test_the_daugavpils_demo_gives_three_groups_of_six_and_a_roma_group_of_eight() -> None:
    formation = form_groups(daugavpils_room(), DEMO_RULE, seed=2017)

    balance = group_balance(formation)
    assert balance.random_sizes == (6, 6, 6)
    assert balance.dedicated_sizes == (8,)
    assert dedicated(formation, "roma_community") == tuple(range(100, 108))
    assert formation.unassigned == (200, 201)


@pytest.mark.parametrize("seed", range(10))
def test_the_daugavpils_demo_spreads_each_municipality_across_the_groups(
        seed: int) -> None:
    room = daugavpils_room()

    formation = form_groups(room, DEMO_RULE, seed=seed)

    for group in random_groups(formation):
        towns = Counter(m.affiliations[0] for m in room if m.id in group)
        assert towns["Daugavpils"] == 2 or towns["Daugavpils"] == 1
        assert towns["Rēzekne"] == 1
        assert max(towns.values()) <= 2


def test_different_seeds_give_different_draws() -> None:
    room = daugavpils_room()

    draws = {form_groups(room, DEMO_RULE, seed=seed) for seed in range(10)}

    assert len(draws) > 1


def test_the_same_seed_gives_the_same_draw() -> None:
    room = daugavpils_room()

    first = form_groups(room, DEMO_RULE, seed=7)

    assert form_groups(list(reversed(room)), DEMO_RULE, seed=7) == first


def test_fewer_eligible_people_than_groups_gives_one_group_per_person() -> None:
    members = [person(1), person(2), person(3, "roma_community")]

    formation = form_groups(members, DEMO_RULE, seed=1)

    assert sorted(random_groups(formation)) == [(1,), (2,)]


def test_a_dedicated_group_exists_even_when_nobody_is_in_it() -> None:
    formation = form_groups([person(1), person(2)], DEMO_RULE, seed=1)

    assert dedicated(formation, "roma_community") == ()


def test_nobody_eligible_gives_no_random_groups() -> None:
    formation = form_groups([person(1, "organiser")], DEMO_RULE, seed=1)

    assert random_groups(formation) == []
    assert formation.unassigned == (1,)


def test_a_category_in_both_lists_goes_to_its_dedicated_group() -> None:
    rule = Rule(2, frozenset({"expert", "roma_community"}), ("roma_community",))

    formation = form_groups([person(1), person(2, "roma_community")], rule, seed=1)

    assert dedicated(formation, "roma_community") == (2,)
    assert random_groups(formation) == [(1,)]


def test_organisers_are_left_unassigned_in_the_demo_rule() -> None:
    members = [person(3, "organiser"), person(1), person(2, "organiser")]

    formation = form_groups(members, DEMO_RULE, seed=1)

    assert formation.unassigned == (2, 3)


def test_affiliations_are_compared_ignoring_case_and_spaces() -> None:
    members = [person(1, "expert", "Rēzekne"), person(2, "expert", " rēzekne "),
               person(3, "expert", "RĒZEKNE"), person(4), person(5), person(6)]

    formation = form_groups(members, DEMO_RULE, seed=3)

    assert all(len({1, 2, 3} & set(g)) == 1 for g in random_groups(formation))


@pytest.mark.parametrize("seed", range(20))
def test_a_shared_secondary_affiliation_is_spread_when_the_primary_allows(
        seed: int) -> None:
    members = [person(1, "expert", "Ludza", "NGO"), person(2, "expert", "Valka", "ngo"),
               person(3, "expert", "Jelgava", "School"), person(4, "expert", "Preiļi")]
    rule = Rule(2, frozenset({"expert"}), ())

    formation = form_groups(members, rule, seed=seed)

    assert all(len({1, 2} & set(g)) == 1 for g in random_groups(formation))


def test_a_negative_number_of_groups_is_an_invalid_rule() -> None:
    rule = Rule(-1, frozenset({"expert"}), ())

    with pytest.raises(FormationError) as caught:
        form_groups([], rule, seed=1)

    assert caught.value.code is FormationErrorCode.INVALID_RULE


def test_a_repeated_dedicated_category_is_an_invalid_rule() -> None:
    rule = Rule(1, frozenset(), ("roma_community", "roma_community"))

    with pytest.raises(FormationError) as caught:
        form_groups([], rule, seed=1)

    assert caught.value.code is FormationErrorCode.INVALID_RULE


def test_zero_random_groups_with_random_categories_is_an_invalid_rule() -> None:
    rule = Rule(0, frozenset({"expert"}), ())

    with pytest.raises(FormationError) as caught:
        form_groups([], rule, seed=1)

    assert caught.value.code is FormationErrorCode.INVALID_RULE


def test_zero_random_groups_is_fine_with_only_dedicated_categories() -> None:
    rule = Rule(0, frozenset({"roma_community"}), ("roma_community",))

    formation = form_groups([person(1, "roma_community")], rule, seed=1)

    assert formation.groups == (PlannedGroup(GroupKind.DEDICATED, "roma_community", (1,)),)


def test_a_member_given_twice_is_refused() -> None:
    with pytest.raises(FormationError) as caught:
        form_groups([person(1), person(1, "municipal")], DEMO_RULE, seed=1)

    assert caught.value.code is FormationErrorCode.DUPLICATE_MEMBER


# -- add_member ---------------------------------------------------------------------


@given(member_lists(), member_lists(max_size=6), rules, seeds)
def test_late_arrivals_keep_random_groups_within_one_of_each_other(
        early: list[Member], late: list[Member], rule: Rule, seed: int) -> None:
    late = [m for m in late if m.id not in {e.id for e in early}]
    formation = form_groups(early, rule, seed=seed)

    placed = list(early)
    for member in late:
        formation = add_member(formation, member, rule, placed, seed=seed)
        placed.append(member)

    assert group_balance(formation).random_spread <= 1
    assert len(random_groups(formation)) <= rule.random_groups
    assert sorted(placed_ids(formation)) == sorted(m.id for m in placed)


@given(member_lists(), st.sampled_from(CATEGORIES), rules, seeds)
def test_a_late_arrival_goes_where_their_category_belongs(
        early: list[Member], category: str, rule: Rule, seed: int) -> None:
    late = Member(20_000, category, ("Daugavpils",))
    formation = form_groups(early, rule, seed=seed)

    after = add_member(formation, late, rule, early, seed=seed)

    kind = rule.kind_for(category)
    if kind is GroupKind.DEDICATED:
        assert late.id in dedicated(after, category)
    elif kind is GroupKind.RANDOM:
        assert any(late.id in g for g in random_groups(after))
    else:
        assert late.id in after.unassigned


def test_a_late_roma_participant_joins_the_roma_group() -> None:
    room = daugavpils_room()
    formation = form_groups(room, DEMO_RULE, seed=1)

    after = add_member(formation, person(300, "roma_community"), DEMO_RULE, room, seed=1)

    assert 300 in dedicated(after, "roma_community")


def test_a_late_expert_joins_the_smallest_random_group() -> None:
    formation = Formation(groups=(PlannedGroup(GroupKind.RANDOM, None, (1, 2)),
                                  PlannedGroup(GroupKind.RANDOM, None, (3,)),
                                  PlannedGroup(GroupKind.RANDOM, None, (4, 5))),
                          unassigned=())
    room = [person(i) for i in range(1, 6)]

    after = add_member(formation, person(6), DEMO_RULE, room, seed=1)

    assert random_groups(after)[1] == (3, 6)


def test_a_late_arrival_avoids_a_group_with_their_municipality_among_equals() -> None:
    formation = Formation(groups=(PlannedGroup(GroupKind.RANDOM, None, (1,)),
                                  PlannedGroup(GroupKind.RANDOM, None, (2,)),
                                  PlannedGroup(GroupKind.RANDOM, None, (3,))),
                          unassigned=())
    room = [person(1, "expert", "Ludza"), person(2, "expert", "Valka", "School"),
            person(3, "expert", "Jelgava")]

    after = add_member(formation, person(4, "expert", "ludza", "school"), DEMO_RULE,
                       room, seed=1)

    assert random_groups(after) == [(1,), (2,), (3, 4)]


def test_a_late_arrival_takes_the_lowest_index_when_all_else_is_equal() -> None:
    formation = Formation(groups=(PlannedGroup(GroupKind.RANDOM, None, (1,)),
                                  PlannedGroup(GroupKind.RANDOM, None, (2,)),
                                  PlannedGroup(GroupKind.RANDOM, None, (3,))),
                          unassigned=())

    after = add_member(formation, person(4), DEMO_RULE, [], seed=1)

    assert random_groups(after)[0] == (1, 4)


def test_a_late_arrival_opens_a_random_group_while_fewer_than_k_exist() -> None:
    members = [person(1), person(2, "roma_community")]
    formation = form_groups(members, DEMO_RULE, seed=1)

    after = add_member(formation, person(3), DEMO_RULE, members, seed=1)

    assert random_groups(after) == [(1,), (3,)]
    assert after.groups[-1].kind is GroupKind.DEDICATED


def test_a_late_organiser_is_left_unassigned() -> None:
    formation = form_groups([person(5, "organiser")], DEMO_RULE, seed=1)

    after = add_member(formation, person(2, "organiser"), DEMO_RULE, [], seed=1)

    assert after.unassigned == (2, 5)


def test_adding_someone_already_placed_is_refused() -> None:
    members = [person(1)]
    formation = form_groups(members, DEMO_RULE, seed=1)

    with pytest.raises(FormationError) as caught:
        add_member(formation, person(1), DEMO_RULE, members, seed=1)

    assert caught.value.code is FormationErrorCode.ALREADY_PLACED


def test_adding_to_a_dedicated_group_that_does_not_exist_is_refused() -> None:
    formation = form_groups([person(1)], Rule(1, frozenset({"expert"}), ()), seed=1)

    with pytest.raises(FormationError) as caught:
        add_member(formation, person(2, "roma_community"), DEMO_RULE, [], seed=1)

    assert caught.value.code is FormationErrorCode.UNKNOWN_GROUP


# -- move_member --------------------------------------------------------------------


@given(st.data(), member_lists(), rules, seeds)
def test_moving_a_member_moves_exactly_that_one_person(
        data: st.DataObject, members: list[Member], rule: Rule, seed: int) -> None:
    formation = form_groups([*members, person(20_000)], rule, seed=seed)
    assume(formation.groups)
    member_id = data.draw(st.sampled_from(placed_ids(formation)))
    to_index = data.draw(st.integers(0, len(formation.groups) - 1))
    before = places(formation)

    after = places(move_member(formation, member_id, to_index))

    assert after[member_id] == to_index
    assert {i for i in before if before[i] != after[i]} <= {member_id}
    assert set(after) == set(before)


def test_moving_ignores_balance() -> None:
    formation = form_groups(daugavpils_room(), DEMO_RULE, seed=1)
    member_id = random_groups(formation)[0][0]

    after = move_member(formation, member_id, 1)

    assert group_balance(after).random_sizes == (5, 7, 6)


def test_moving_an_unassigned_member_into_a_group_takes_them_off_the_list() -> None:
    formation = form_groups([person(1), person(2, "organiser")], DEMO_RULE, seed=1)

    after = move_member(formation, 2, 0)

    assert after.groups[0].members == (1, 2)
    assert after.unassigned == ()


def test_moving_a_member_to_their_own_group_changes_nothing() -> None:
    formation = form_groups(daugavpils_room(), DEMO_RULE, seed=1)

    assert move_member(formation, 100, 3) == formation


def test_moving_an_unknown_member_is_refused() -> None:
    formation = form_groups([person(1)], DEMO_RULE, seed=1)

    with pytest.raises(FormationError) as caught:
        move_member(formation, 99, 0)

    assert caught.value.code is FormationErrorCode.UNKNOWN_MEMBER


@pytest.mark.parametrize("to_index", [-1, 2])
def test_moving_to_an_unknown_group_is_refused(to_index: int) -> None:
    formation = form_groups([person(1)], DEMO_RULE, seed=1)

    with pytest.raises(FormationError) as caught:
        move_member(formation, 1, to_index)

    assert caught.value.code is FormationErrorCode.UNKNOWN_GROUP


# -- group_balance ------------------------------------------------------------------


def test_group_balance_reports_sizes_per_kind_in_formation_order() -> None:
    formation = Formation(groups=(PlannedGroup(GroupKind.RANDOM, None, (1, 2)),
                                  PlannedGroup(GroupKind.RANDOM, None, (3,)),
                                  PlannedGroup(GroupKind.DEDICATED, "roma_community", ())),
                          unassigned=(4,))

    balance = group_balance(formation)

    assert (balance.random_sizes, balance.dedicated_sizes) == ((2, 1), (0,))
    assert balance.random_spread == 1


def test_group_balance_spread_is_zero_without_random_groups() -> None:
    assert group_balance(Formation(groups=(), unassigned=())).random_spread == 0


def test_a_person_who_withdrew_their_category_sits_in_a_random_group() -> None:
    members = [Member(1, "regional_expert"), Member(2, "roma_community"),
               Member(3, "not_stated")]

    formation = form_groups(members, DEMO_RULE, seed=7)

    placed = {i: g.kind for g in formation.groups for i in g.members}
    assert placed[3] is GroupKind.RANDOM
    assert formation.unassigned == ()
