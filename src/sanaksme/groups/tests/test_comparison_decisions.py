"""The engine honours the facilitator's decisions and uses them as evidence (no database)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanaksme.groups.domain.comparison import (
    GroupResult,
    Theme,
    Tuning,
)
from sanaksme.groups.domain.decisions import (
    DecidedTheme,
    DecisionError,
    Decisions,
    Step,
    decisions_from_steps,
    step_merge,
    step_move,
)
from sanaksme.groups.domain.lexicon import Concept, Lexicon, lexicon_additions
from sanaksme.groups.tests.test_comparison import compare_results, meeting, theme_of

TEXTS = [
    "Zema motivācija mācīties", "bērni negrib iet uz skolu", "Valodas barjera",
    "neprot latviešu valodu", "Nabadzība ģimenēs", "nav naudas apģērbam",
    "Agrīnas laulības", "meitenes apprecas 15 gados", "Diskriminācija skolā",
    "skolotāja mūs neciena", "Vecāku zemā izglītība", "vecāki neprot lasīt",
    "Kavējumi", "bērns bieži slimo", "Nav transporta līdz skolai", "autobuss neiet",
    "Alkohola lietošana ģimenē", "tēvs daudz dzer", "Trūkst romu mediatoru",
    "nav neviena, kas palīdz ar mājasdarbiem",
]


def ids_of(groups: Sequence[GroupResult]) -> list[str]:
    return [item.id for group in groups for item in group.items]


@st.composite
def decided_meetings(draw: st.DrawFn) -> tuple[list[GroupResult], Decisions]:
    """A meeting and decisions a facilitator could have made: drawn from an intended
    partition, so they can all hold."""
    sizes = draw(st.lists(st.integers(0, 5), min_size=2, max_size=4))
    texts = draw(st.lists(st.sampled_from(TEXTS), min_size=sum(sizes) + 2,
                          max_size=sum(sizes) + 2))
    lists, position = [], 0
    for size in [*sizes[:-1], sizes[-1] + 2]:
        lists.append(texts[position:position + size])
        position += size
    groups = meeting(*lists[:-1], community=lists[-1])
    ids = ids_of(groups)
    intended = {i: draw(st.integers(0, 4)) for i in ids}
    confirmed_labels = draw(st.sets(st.integers(0, 4), max_size=2))
    themes = tuple(DecidedTheme(f"Tēma {label}", tuple(i for i in ids if intended[i] == label))
                   for label in sorted(confirmed_labels)
                   if any(intended[i] == label for i in ids))
    fixed = {i for theme in themes for i in theme.items}
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    drawn = draw(st.lists(pairs, max_size=8))
    together = tuple((a, b) for a, b in drawn if a != b and intended[a] == intended[b]
                     and a not in fixed and b not in fixed)
    apart = tuple((a, b) for a, b in drawn if intended[a] != intended[b])
    hints = tuple(DecidedTheme("Mans nosaukums", tuple(draw(st.sets(st.sampled_from(ids),
                                                                    min_size=1, max_size=3))),
                               confirmed=False) for _ in range(draw(st.integers(0, 1))))
    return groups, Decisions(together, apart, themes + hints)


@settings(max_examples=120, deadline=None)
@given(decided_meetings())
def test_random_decisions_are_always_honoured(case: tuple[list[GroupResult], Decisions]) -> None:
    groups, decisions = case

    themes = compare_results(groups, decisions=decisions)

    placed = [i for theme in themes for i in theme.items]
    assert sorted(placed) == sorted(ids_of(groups))  # every item in exactly one theme
    for decided in decisions.confirmed():
        kept = theme_of(themes, decided.items[0])
        assert set(kept.items) == set(decided.items)
        assert kept.label == decided.label
        assert kept.confirmed
    for a, b in decisions.together:
        assert theme_of(themes, a) == theme_of(themes, b)
    for a, b in decisions.apart:
        assert theme_of(themes, a) != theme_of(themes, b)
    assert sum(theme.confirmed for theme in themes) == len(decisions.confirmed())


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_any_sequence_of_corrections_resolves_to_decisions_that_hold(data: st.DataObject) -> None:
    groups = meeting(TEXTS[0:4], TEXTS[4:8], TEXTS[8:11], community=TEXTS[11:16])
    ids = ids_of(groups)
    themes = [list(t.items) for t in compare_results(groups)]
    steps: list[Step] = []
    for _ in range(data.draw(st.integers(1, 8))):
        if data.draw(st.booleans()) or len(themes) < 2:
            item = data.draw(st.sampled_from(ids))
            target = data.draw(st.none() | st.integers(0, len(themes) - 1))
            steps.append(step_move(themes, item, target))
        else:
            first, second = data.draw(st.lists(st.integers(0, len(themes) - 1), min_size=2,
                                               max_size=2, unique=True))
            steps.append(step_merge(themes, first, second))
        decisions = decisions_from_steps(steps)
        decisions.check(ids)  # consistent, whatever the order of corrections
        result = compare_results(groups, decisions=decisions)
        themes = [list(t.items) for t in result]
        last = steps[-1]
        for a, b in last.together:  # the newest correction always holds in full
            assert theme_of(result, a) == theme_of(result, b)
        for a, b in last.apart:
            assert theme_of(result, a) != theme_of(result, b)


def test_a_moved_item_stays_where_it_was_put_and_leaves_its_old_mates() -> None:
    themes = [["e1-1", "r-1", "e2-1"], ["e3-1"]]

    step = step_move(themes, "e2-1", 1)

    assert step.together == (("e2-1", "e3-1"),)
    assert set(step.apart) == {("e2-1", "e1-1"), ("e2-1", "r-1")}
    assert step.moved == ("e2-1",)


def test_splitting_off_says_apart_from_every_old_mate() -> None:
    step = step_move([["a", "b", "c"]], "b", None)

    assert step.together == ()
    assert set(step.apart) == {("b", "a"), ("b", "c")}


def test_merging_says_every_item_belongs_with_every_other() -> None:
    step = step_merge([["a", "b"], ["c"]], 1, 0)

    assert {frozenset(p) for p in step.together} == {frozenset(p) for p in
                                                     [("a", "b"), ("a", "c"), ("b", "c")]}


def test_the_newest_correction_wins_over_an_older_one() -> None:
    first = Step(together=(("a", "b"),))
    second = Step(apart=(("a", "b"),))

    assert decisions_from_steps([first, second]) == Decisions(apart=(("a", "b"),))
    assert decisions_from_steps([second, first]) == Decisions(together=(("a", "b"),))


def test_an_older_apart_pair_joined_by_newer_together_pairs_is_dropped() -> None:
    steps = [Step(apart=(("a", "c"),)), Step(together=(("a", "b"),)),
             Step(together=(("b", "c"),))]

    decisions = decisions_from_steps(steps)

    assert decisions.apart == ()
    assert set(decisions.together) == {("a", "b"), ("b", "c")}


def test_a_confirmed_theme_wins_over_every_step() -> None:
    confirmed = DecidedTheme("Valoda", ("a", "b"))
    steps = [Step(together=(("a", "c"),), apart=(("a", "b"),))]

    decisions = decisions_from_steps(steps, [confirmed])

    assert decisions.together == ()
    assert decisions.apart == ()
    assert decisions.themes == (confirmed,)


def test_contradicting_decisions_are_refused_with_the_place() -> None:
    groups = meeting(["Valodas barjera"], community=["neprot latviski", "nav naudas"])

    with pytest.raises(DecisionError, match=r"decisions.apart\[0\]"):
        compare_results(groups, decisions=Decisions(together=(("e1-1", "r-1"),),
                                                    apart=(("r-1", "e1-1"),)))
    with pytest.raises(DecisionError, match="unknown item 'r-9'"):
        compare_results(groups, decisions=Decisions(apart=(("r-9", "e1-1"),)))


def test_together_may_put_two_items_of_one_group_in_a_theme() -> None:
    groups = meeting(["Valodas barjera", "Nabadzība"], community=["neprot latviski"])

    themes = compare_results(groups, decisions=Decisions(together=(("e1-1", "e1-2"),)))

    assert theme_of(themes, "e1-1") == theme_of(themes, "e1-2")


def test_words_of_items_decided_together_pull_their_neighbours() -> None:
    # "zorb" is only in e1-1 and r-1; the facilitator puts e1-1 with e2-1.
    groups = meeting(["zorbu plānošana"], ["klimpu vārīšana"], ["klimpu un putras gatavošana"],
                     community=["zorbu un kvašu plānošana"])
    decisions = Decisions(together=(("e1-1", "e2-1"),))

    pulled = compare_results(groups, decisions=decisions)
    by_mean = compare_results(groups, decisions=decisions,
                              tuning=Tuning(decided_linkage="mean"))

    assert set(theme_of(pulled, "e2-1").items) >= {"e1-1", "e2-1", "r-1"}
    assert "r-1" not in theme_of(by_mean, "e2-1").items


def test_words_that_separated_two_items_stop_joining_others() -> None:
    # Every note shares only "kvarks"; the facilitator says the first two differ.
    groups = meeting(["kvarka problēma"], ["kvarka trūkums"], ["kvarka lieta"],
                     community=["kvarka jautājums"])
    decisions = Decisions(apart=(("e1-1", "e2-1"),))

    discounted = compare_results(groups, decisions=decisions)
    kept = compare_results(groups, decisions=decisions, tuning=Tuning(apart_discount=1.0))

    assert all(len(theme.items) == 1 for theme in discounted)
    assert any(len(theme.items) > 1 for theme in kept)


def test_an_unconfirmed_decided_theme_lends_its_label_to_where_most_of_it_went() -> None:
    groups = meeting(["Valodas barjera"], community=["neprot latviešu valodu", "nav naudas"])
    hint = DecidedTheme("Latviešu valoda", ("e1-1", "r-1"), confirmed=False)

    themes = compare_results(groups, decisions=Decisions(themes=(hint,)))

    assert theme_of(themes, "e1-1").label == "Latviešu valoda"
    assert not theme_of(themes, "e1-1").confirmed


def test_without_decisions_nothing_changes() -> None:
    groups = meeting(TEXTS[0:5], TEXTS[5:10], community=TEXTS[10:16])

    assert compare_results(groups) == compare_results(groups, decisions=Decisions())


def test_the_proposal_being_corrected_stays_unless_the_evidence_is_strong() -> None:
    groups = meeting(["Zema motivācija mācīties", "Valodas barjera"],
                     ["bērni negrib iet uz skolu"], community=["neprot latviešu valodu"])
    board = (DecidedTheme("", ("e1-1",), confirmed=False),
             DecidedTheme("", ("e2-1",), confirmed=False),
             DecidedTheme("", ("e1-2", "r-1"), confirmed=False))

    def on_board(threshold: float) -> list[Theme]:
        return compare_results(groups, decisions=Decisions(themes=board),
                               tuning=Tuning(repropose_threshold=threshold))

    fresh = compare_results(groups)
    assert theme_of(fresh, "e1-1") == theme_of(fresh, "e2-1")  # similar enough from scratch
    assert theme_of(on_board(1.5), "e1-1") != theme_of(on_board(1.5), "e2-1")  # kept apart
    assert theme_of(on_board(0.7), "e1-1") == theme_of(on_board(0.7), "e2-1")  # strong: joined
    assert set(theme_of(on_board(1.5), "r-1").items) == {"e1-2", "r-1"}


def test_a_new_note_joins_the_proposal_being_corrected_at_the_usual_threshold() -> None:
    groups = meeting(["Valodas barjera"], ["Nabadzība ģimenēs"],
                     community=["neprot latviešu valodu"])
    board = (DecidedTheme("", ("e1-1",), confirmed=False),
             DecidedTheme("", ("e2-1",), confirmed=False))  # r-1 came later

    themes = compare_results(groups, decisions=Decisions(themes=board))

    assert theme_of(themes, "r-1") == theme_of(themes, "e1-1")


def test_learned_concepts_only_add_and_only_when_they_tell_two_notes_apart() -> None:
    groups = meeting(["zorbu problēma"], ["klimpu nelaime"],
                     community=["kvašu bēdas", "putras lieta"])
    learned = Lexicon((Concept("learned-x", "X", ("zorbs", "klimpa")),))
    broad = Lexicon((Concept("learned-y", "Y", ("zorbs", "klimpa", "kvaša")),))

    plain = compare_results(groups)
    linked = compare_results(groups, learned=learned)
    capped = compare_results(groups, learned=broad)  # three notes: the topic, not a theme

    assert theme_of(plain, "e1-1") != theme_of(plain, "e2-1")
    assert theme_of(linked, "e1-1") == theme_of(linked, "e2-1")
    assert all(len(theme.items) == 1 for theme in capped)


def test_what_an_organisation_learned_is_its_additions_to_the_built_in_lexicon() -> None:
    base = Lexicon((Concept("poverty", "Nabadzība", ("nabadzība",)),))
    grown = Lexicon((Concept("poverty", "Nabadzība", ("nabadzība", "nav naudas")),
                     Concept("learned-z", "Z", ("zorbs",))))

    assert lexicon_additions(base, grown) == Lexicon((
        Concept("poverty", "Nabadzība", ("nav naudas",)), Concept("learned-z", "Z", ("zorbs",))))
    assert lexicon_additions(base, base) == Lexicon(())
