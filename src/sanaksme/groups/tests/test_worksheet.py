"""Worksheet rules: responsibility shares from taps, taps within limits, the order in
which groups present. Pure domain: no database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanaksme.groups.domain.worksheet import (
    MAX_WEIGHT,
    PARTS,
    Presenter,
    Shares,
    average_shares,
    presentation_order,
    shares,
    weight_step,
)

weights = st.tuples(*(st.integers(min_value=0, max_value=1000) for _ in PARTS))
taps = st.tuples(*(st.integers(min_value=0, max_value=MAX_WEIGHT) for _ in PARTS))


def as_list(split: Shares) -> list[int]:
    return [split.municipality, split.state, split.community]


def presenters(*kinds: str) -> list[Presenter]:
    """Groups numbered 1, 2, … with ids 101, 102, …; "d" is a dedicated group."""
    return [Presenter(100 + number, number, kind == "d")
            for number, kind in enumerate(kinds, start=1)]


# Shares -------------------------------------------------------------------------------


def test_nothing_weighed_has_no_shares() -> None:
    assert shares((0, 0, 0)) is None


def test_one_part_takes_everything() -> None:
    assert shares((0, 4, 0)) == Shares(0, 100, 0)


def test_shares_follow_the_weights() -> None:
    assert shares((2, 1, 1)) == Shares(50, 25, 25)


def test_only_the_proportion_matters() -> None:
    assert shares((10, 5, 5)) == shares((2, 1, 1))


def test_equal_thirds_give_the_spare_point_to_the_first_part() -> None:
    assert shares((1, 1, 1)) == Shares(34, 33, 33)


def test_spare_points_go_to_the_largest_remainders() -> None:
    # 42.86, 42.86 and 14.29: the two ,86 parts are rounded up.
    assert shares((3, 3, 1)) == Shares(43, 43, 14)


def test_a_small_part_is_not_rounded_away() -> None:
    # 1/21 = 4.76 %: rounded up, it keeps 5 %.
    assert shares((10, 10, 1)) == Shares(48, 47, 5)


@pytest.mark.parametrize("given_weights", [(1, 1), (1, 1, 1, 1), (), (1, -1, 1)])
def test_anything_but_three_non_negative_weights_is_refused(
    given_weights: tuple[int, ...],
) -> None:
    with pytest.raises(ValueError, match="three non-negative weights"):
        shares(given_weights)


def test_shares_as_a_dict_name_the_three_parts() -> None:
    assert Shares(50, 30, 20).as_dict() == {"municipality": 50, "state": 30,
                                            "community": 20}


@given(weights)
def test_shares_always_sum_to_100_and_are_proportional_within_1(
    given_weights: tuple[int, int, int],
) -> None:
    split = shares(given_weights)

    total = sum(given_weights)
    if total == 0:
        assert split is None
        return
    assert split is not None
    assert sum(as_list(split)) == 100
    for share, weight in zip(as_list(split), given_weights, strict=True):
        assert abs(share - weight * 100 / total) < 1


@given(weights)
def test_a_part_never_weighed_gets_no_share(given_weights: tuple[int, int, int]) -> None:
    split = shares(given_weights)

    if split is not None:
        for share, weight in zip(as_list(split), given_weights, strict=True):
            assert weight > 0 or share == 0


@given(taps)
def test_every_part_tapped_on_a_phone_gets_a_share(given_taps: tuple[int, int, int]) -> None:
    split = shares(given_taps)

    if split is not None:
        for share, tapped in zip(as_list(split), given_taps, strict=True):
            assert (share > 0) == (tapped > 0)


@given(weights)
def test_rounding_up_goes_to_the_largest_remainders(
    given_weights: tuple[int, int, int],
) -> None:
    split = shares(given_weights)

    if split is None:
        return
    total = sum(given_weights)
    exact = [w * 100 / total for w in given_weights]
    up = [i for i, s in enumerate(as_list(split)) if s > exact[i]]
    down = [i for i, s in enumerate(as_list(split)) if s < exact[i]]
    for i in up:
        for j in down:
            assert exact[i] % 1 >= exact[j] % 1


@given(taps)
def test_taps_on_a_phone_always_give_whole_shares_summing_to_100(
    given_taps: tuple[int, int, int],
) -> None:
    split = shares(given_taps)

    assert split is None or sum(split.as_dict().values()) == 100


# Average shares ---------------------------------------------------------------------


def test_no_shares_have_no_average() -> None:
    assert average_shares([]) is None


def test_factors_not_weighed_have_no_average() -> None:
    assert average_shares([None, None]) is None


def test_factors_not_weighed_do_not_count_in_the_average() -> None:
    assert average_shares([Shares(100, 0, 0), None, Shares(0, 0, 100)]) == Shares(50, 0, 50)


def test_the_average_of_one_is_itself() -> None:
    assert average_shares([Shares(43, 43, 14)]) == Shares(43, 43, 14)


@given(st.lists(weights, max_size=12))
def test_the_average_always_sums_to_100(all_weights: list[tuple[int, int, int]]) -> None:
    average = average_shares([shares(w) for w in all_weights])

    if any(sum(w) for w in all_weights):
        assert average is not None
        assert sum(as_list(average)) == 100
    else:
        assert average is None


@given(st.lists(taps, min_size=1, max_size=12))
def test_the_average_lies_between_the_smallest_and_largest_share(
    all_taps: list[tuple[int, int, int]],
) -> None:
    given_shares = [s for s in (shares(t) for t in all_taps) if s is not None]

    average = average_shares(given_shares)

    if average is not None:
        for part in range(len(PARTS)):
            values = [as_list(s)[part] for s in given_shares]
            assert min(values) - 1 <= as_list(average)[part] <= max(values) + 1


# Taps ----------------------------------------------------------------------------


def test_a_tap_up_adds_one() -> None:
    assert weight_step(3, 1) == 4


def test_a_tap_down_takes_one() -> None:
    assert weight_step(3, -1) == 2


def test_a_tap_down_stops_at_zero() -> None:
    assert weight_step(0, -1) == 0


def test_a_tap_up_stops_at_the_maximum() -> None:
    assert weight_step(MAX_WEIGHT, 1) == MAX_WEIGHT


@given(st.integers(min_value=-50, max_value=50), st.integers(min_value=-50, max_value=50))
def test_taps_stay_within_0_and_the_maximum(current: int, delta: int) -> None:
    assert 0 <= weight_step(current, delta) <= MAX_WEIGHT


# Presentation order ------------------------------------------------------------------


def test_by_default_the_random_groups_present_first_and_the_own_group_last() -> None:
    groups = presenters("r", "d", "r", "r")

    assert presentation_order(groups, "random_first") == [101, 103, 104, 102]


def test_dedicated_first_lets_the_own_groups_present_first() -> None:
    groups = presenters("r", "d", "r", "d")

    assert presentation_order(groups, "dedicated_first") == [102, 104, 101, 103]


def test_as_formed_follows_the_group_numbers() -> None:
    groups = presenters("d", "r", "r")

    assert presentation_order(groups, "as_formed") == [101, 102, 103]


def test_within_each_kind_the_groups_go_by_number() -> None:
    groups = list(reversed(presenters("r", "r", "d", "r", "d")))

    assert presentation_order(groups, "random_first") == [101, 102, 104, 103, 105]


def test_an_unknown_order_falls_back_to_random_groups_first() -> None:
    groups = presenters("d", "r")

    assert presentation_order(groups, "alphabetical") == [102, 101]


def test_no_groups_no_presentations() -> None:
    assert presentation_order([], "random_first") == []


@pytest.mark.parametrize("order", ["random_first", "dedicated_first", "as_formed"])
@given(groups=st.lists(st.sampled_from("rd"), max_size=10).map(
    lambda kinds: presenters(*kinds)).flatmap(st.permutations))
def test_every_group_presents_exactly_once(order: str, groups: list[Presenter]) -> None:
    ids = presentation_order(groups, order)

    assert sorted(ids) == sorted(g.group_id for g in groups)
