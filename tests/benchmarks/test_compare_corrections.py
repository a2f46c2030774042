"""The correction-cost benchmark: partition distance and the simulated facilitator."""

from __future__ import annotations

from itertools import permutations

from compare_corrections import (
    Engine,
    partition_distance,
    same_partition,
    simulate,
    singletons,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from sanaksme.groups.domain.comparison import GroupKind, GroupResult, Item


def _partition(labels: list[int]) -> list[list[str]]:
    themes: dict[int, list[str]] = {}
    for number, label in enumerate(labels):
        themes.setdefault(label, []).append(f"x{number}")
    return list(themes.values())


def _brute_force(a: list[list[str]], b: list[list[str]]) -> int:
    """n minus the best overlap over every one-to-one matching (small inputs only)."""
    n = sum(len(theme) for theme in a)
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return n - max(sum(len(set(x) & set(large[j])) for x, j in zip(small, chosen, strict=True))
                   for chosen in permutations(range(len(large)), len(small)))


two_partitions = st.integers(1, 7).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, n - 1), min_size=n, max_size=n),
    st.lists(st.integers(0, n - 1), min_size=n, max_size=n)))


def test_identical_partitions_are_zero_apart() -> None:
    themes = [["a", "b"], ["c"], ["d", "e", "f"]]
    assert partition_distance(themes, [["c"], ["f", "e", "d"], ["b", "a"]]) == 0


def test_one_misplaced_item_is_one_move() -> None:
    assert partition_distance([["a", "b", "c"], ["d", "e"]], [["a", "b"], ["c", "d", "e"]]) == 1


def test_singletons_to_one_theme_of_four_is_three_moves() -> None:
    assert partition_distance([["a"], ["b"], ["c"], ["d"]], [["a", "b", "c", "d"]]) == 3
    assert partition_distance([["a", "b", "c", "d"]], [["a"], ["b"], ["c"], ["d"]]) == 3


def test_tangled_themes_need_the_matching() -> None:
    # Overlaps [[3, 2], [2, 0]]: the largest first (3) keeps 3 items; the best matching
    # keeps 2 + 2.
    predicted = [["a", "b", "c", "d", "e"], ["f", "g"]]
    gold = [["a", "b", "c", "f", "g"], ["d", "e"]]
    assert partition_distance(predicted, gold) == _brute_force(predicted, gold) == 3


@settings(max_examples=150, deadline=None)
@given(two_partitions)
def test_partition_distance_properties(labels: tuple[list[int], list[int]]) -> None:
    a, b = _partition(labels[0]), _partition(labels[1])
    n = len(labels[0])
    distance = partition_distance(a, b)
    assert distance == partition_distance(b, a)
    assert (distance == 0) == same_partition(a, b)
    assert 0 <= distance <= n - 1
    assert distance == _brute_force(a, b)


@settings(max_examples=60, deadline=None)
@given(two_partitions)
def test_facilitator_always_reaches_the_gold(labels: tuple[list[int], list[int]]) -> None:
    start, gold = _partition(labels[0]), _partition(labels[1])
    run = simulate(start, gold)
    assert not run.capped
    assert same_partition(run.trace[-1].after if run.trace else start, gold)
    assert all(later.distance < earlier.distance
               for earlier, later in zip(run.trace, run.trace[1:], strict=False))


def test_from_singletons_within_the_floor() -> None:
    gold = [["a", "b", "c", "d"], ["e", "f"], ["g"]]
    run = simulate(singletons(gold), gold)
    assert run.moves <= partition_distance(singletons(gold), gold) == 4


GROUPS = [
    GroupResult("1. grupa", GroupKind.EXPERTS, (
        Item("e1-1", "Trūkst transporta uz skolu"),
        Item("e1-2", "Zemi ienākumi ģimenēs"),
        Item("e1-3", "Vecāki nenovērtē izglītību"))),
    GroupResult("2. grupa", GroupKind.EXPERTS, (
        Item("e2-1", "Nav sabiedriskā transporta"),
        Item("e2-2", "Nabadzība"),
        Item("e2-3", "Diskriminācija skolā"))),
    GroupResult("Romu grupa", GroupKind.COMMUNITY, (
        Item("r-1", "Autobuss nekursē"),
        Item("r-2", "Nav naudas"),
        Item("r-3", "Skolotāji pret romiem izturas slikti"))),
]
# A made-up gold far from what the engine proposes: it takes moves and splits.
GOLD = [["e1-1", "e2-2", "e1-3"], ["e2-1", "r-2"], ["r-1"], ["e1-2"], ["e2-3", "r-3"]]


def test_facilitator_reaches_the_gold_without_re_proposal() -> None:
    first = Engine().first(GROUPS)
    assert partition_distance(first, GOLD) >= 2
    run = simulate(first, GOLD)
    assert not run.capped
    assert run.moves >= 2
    assert same_partition(run.trace[-1].after, GOLD)


def test_facilitator_reaches_the_gold_with_re_proposal_and_each_step_holds() -> None:
    engine = Engine()
    first = engine.first(GROUPS)
    run = simulate(first, GOLD, propose=engine.proposer(GROUPS))
    assert not run.capped
    assert run.moves >= 2
    assert engine.calls == run.moves
    assert same_partition(run.trace[-1].after, GOLD)
    for entry in run.trace:
        theme_of = {item: n for n, theme in enumerate(entry.after) for item in theme}
        assert entry.step.moved
        for a, b in entry.step.together:
            assert theme_of[a] == theme_of[b], (entry.move, entry.after)
        for a, b in entry.step.apart:
            assert theme_of[a] != theme_of[b], (entry.move, entry.after)
        if entry.move.kind == "move":
            assert entry.move.target is not None
            target = set(entry.before[entry.move.target])
            assert target | {entry.move.items[0]} <= set(entry.after[theme_of[entry.move.items[0]]])
        if entry.move.kind == "split":
            source = set(entry.before[entry.move.source]) - {entry.move.items[0]}
            assert not source & set(entry.after[theme_of[entry.move.items[0]]])
