"""The comparison engine on small cases (pure Python, no database)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanaksme.groups.domain import comparison as engine
from sanaksme.groups.domain.comparison import (
    GroupKind,
    GroupResult,
    Item,
    Theme,
    ThemeStatus,
    Tuning,
    theme_status,
)
from sanaksme.groups.domain.lexicon import lexicon_learn
from sanaksme.groups.lexicon_data import default_lexicon

# The engine with the built-in lexicon unless a test passes its own.
compare_results = partial(engine.compare_results, lexicon=default_lexicon())


def meeting(*experts: Sequence[str], community: Sequence[str] = ()) -> list[GroupResult]:
    """Expert groups e1, e2, … and one community group r; item ids e1-1, r-2, …"""
    groups = [GroupResult(f"{n}. grupa", GroupKind.EXPERTS,
                          tuple(Item(f"e{n}-{i}", text) for i, text in enumerate(texts, 1)))
              for n, texts in enumerate(experts, 1)]
    groups.append(GroupResult("Romu grupa", GroupKind.COMMUNITY,
                              tuple(Item(f"r-{i}", text) for i, text in enumerate(community, 1))))
    return groups


def theme_of(themes: Sequence[Theme], item_id: str) -> Theme:
    return next(theme for theme in themes if item_id in theme.items)


def together(themes: Sequence[Theme], *item_ids: str) -> bool:
    return len({theme_of(themes, i).items for i in item_ids}) == 1


def test_inflected_forms_share_a_theme() -> None:
    groups = meeting(["Zema motivācija"], ["Motivācijas trūkums"],
                     community=["nav motivāciju mācīties"])

    themes = compare_results(groups)

    assert together(themes, "e1-1", "e2-1", "r-1")


def test_text_without_diacritics_matches() -> None:
    themes = compare_results(meeting(["Zema mācību motivācija"],
                                     community=["berniem nav motivacijas macities"]))

    assert together(themes, "e1-1", "r-1")


def test_typos_are_tolerated() -> None:
    themes = compare_results(meeting(["Diskriminācija skolā"],
                                     community=["diskriminacia no skolotajiem"]))

    assert together(themes, "e1-1", "r-1")


def test_synonyms_meet_through_the_lexicon() -> None:
    themes = compare_results(meeting(["Nabadzība ģimenēs"],
                                     community=["nav naudas drēbēm un zābakiem"]))

    assert together(themes, "e1-1", "r-1")
    assert theme_of(themes, "r-1").label == "Nabadzība un materiālās grūtības"


def test_experts_and_community_wording_for_motivation_is_one_common_theme() -> None:
    themes = compare_results(meeting(["zema motivācija mācīties"],
                                     community=["bērni negrib iet uz skolu, neredz jēgu"]))

    assert themes[0].items == ("e1-1", "r-1")
    assert themes[0].status is ThemeStatus.COMMON


def test_colloquial_community_wording_meets_the_experts_wording() -> None:
    themes = compare_results(meeting(
        ["Ģimeņu zemie ienākumi", "Agrīna mācību pārtraukšana"],
        ["Mācību valodas nepietiekama pārvaldīšana"],
        community=["nav deneg uz kurpem", "dels pameta skolu 14 gados",
                   "mājās runājam čigāniski, latviski grūti"]))

    assert together(themes, "e1-1", "r-1")
    assert together(themes, "e1-2", "r-2")
    assert together(themes, "e2-1", "r-3")
    assert not together(themes, "e1-1", "e1-2")


def test_unrelated_items_stay_apart() -> None:
    themes = compare_results(meeting(
        ["Agrīnas laulības", "Valodas barjera"],
        ["Transports līdz skolai"],
        community=["skolā bērnus apsaukā", "bērni bieži slimo"]))

    assert len(themes) == 5


def test_same_texts_join_across_groups_but_not_within_one_group() -> None:
    texts = ["Nabadzība ģimenēs", "Trūcīgas ģimenes"]

    across = compare_results(meeting([texts[0]], [texts[1]]))
    within = compare_results(meeting(texts))

    assert together(across, "e1-1", "e2-1")
    assert not together(within, "e1-1", "e1-2")


def test_a_theme_never_proposes_two_items_of_one_group() -> None:
    themes = compare_results(meeting(
        ["Nabadzība", "Trūkst naudas apģērbam"], ["Nabadzība un bezdarbs"],
        community=["nav naudas, nav darba"]))

    assert together(themes, "e1-1", "e2-1")
    assert not together(themes, "e1-1", "e1-2")


def test_the_one_item_per_group_rule_can_be_switched_off() -> None:
    themes = compare_results(meeting(
        ["Nabadzība", "Trūkst naudas apģērbam"], ["Nabadzība un bezdarbs"],
        community=["nav naudas, nav darba"]), tuning=Tuning(one_per_group=False))

    assert together(themes, "e1-1", "e1-2", "e2-1", "r-1")


def test_every_item_is_in_exactly_one_theme() -> None:
    groups = meeting(["Nabadzība", "Valoda", "Kavējumi"], ["Bezdarbs", "Latviešu valoda"],
                     community=["nav naudas", "bērni nerunā latviski", "mūsu bērni kaunas"])

    themes = compare_results(groups)

    ids = [i for theme in themes for i in theme.items]
    assert sorted(ids) == sorted(item.id for group in groups for item in group.items)


def test_the_same_input_gives_the_same_themes() -> None:
    groups = meeting(["Nabadzība", "Vecāku attieksme"], ["Zema motivācija"],
                     community=["nav jēgas mācīties", "vecākiem vienalga"])

    assert compare_results(groups) == compare_results(groups)


def test_themes_come_common_first_then_experts_only_then_community_only() -> None:
    themes = compare_results(meeting(
        ["Valodas barjera", "Nabadzība"], ["Latviešu valodas nezināšana"],
        community=["nav naudas", "meitenes agri precas"]))

    assert [t.status for t in themes] == [
        ThemeStatus.COMMON, ThemeStatus.EXPERTS_ONLY, ThemeStatus.COMMUNITY_ONLY]
    assert themes[1].items == ("e1-1", "e2-1")


def test_larger_themes_come_first_within_a_status() -> None:
    themes = compare_results(meeting(["Valoda", "Kavējumi"],
                                     ["Skolas kavējumi"], ["Bieži kavē skolu"]))

    assert themes[0].items == ("e1-2", "e2-1", "e3-1")


@pytest.mark.parametrize(("kinds", "status"), [
    ([GroupKind.EXPERTS, GroupKind.COMMUNITY], ThemeStatus.COMMON),
    ([GroupKind.EXPERTS, GroupKind.EXPERTS], ThemeStatus.EXPERTS_ONLY),
    ([GroupKind.COMMUNITY], ThemeStatus.COMMUNITY_ONLY),
])
def test_theme_status_follows_the_kinds(kinds: list[GroupKind], status: ThemeStatus) -> None:
    assert theme_status(kinds) is status


def test_theme_status_needs_an_item() -> None:
    with pytest.raises(ValueError, match="at least one"):
        theme_status([])


def test_label_is_a_short_item_text_when_no_concept_matches() -> None:
    themes = compare_results(meeting(["Skolas ēkā nav lifta"]))

    assert themes[0].label == "Skolas ēkā nav lifta"


def test_long_labels_are_cut_at_a_word() -> None:
    text = "Skolas ēkā nav lifta ratiņkrēslam " * 5

    label = compare_results(meeting([text]))[0].label

    assert len(label) <= 81
    assert label.endswith("…")


def test_duplicate_item_ids_are_refused() -> None:
    groups = [GroupResult("1. grupa", GroupKind.EXPERTS, (Item("x", "Nabadzība"),)),
              GroupResult("Romu grupa", GroupKind.COMMUNITY, (Item("x", "nav naudas"),))]

    with pytest.raises(ValueError, match="duplicate item id 'x'"):
        compare_results(groups)


def test_no_items_give_no_themes() -> None:
    assert compare_results(meeting([], community=[])) == []


def test_learning_makes_a_missed_pair_join() -> None:
    groups = meeting(["Skolas ēkā nav lifta"], community=["ar ratiņkrēslu uz otro stāvu netikt"])
    before = compare_results(groups)
    confirmed = [("Vides pieejamība", ["Skolā nav lifta", "ar ratiņkrēslu iekšā netikt",
                                       "lifts un ratiņkrēsls"])]

    after = compare_results(groups, lexicon=lexicon_learn(default_lexicon(), confirmed))

    assert not together(before, "e1-1", "r-1")
    assert together(after, "e1-1", "r-1")
    assert theme_of(after, "r-1").label == "Vides pieejamība"


def test_a_stronger_backend_can_join_what_the_lexicon_misses() -> None:
    groups = meeting(["Pārmērīgs laiks pie ekrāniem"], community=["visu nakti sēž telefonā"])

    def backend(texts: Sequence[str]) -> list[list[float]]:
        return [[1.0 for _ in texts] for _ in texts]

    assert together(compare_results(groups, similarity=backend), "e1-1", "r-1")


WORDS = ["nabadzība", "naudas", "valoda", "latviski", "kavē", "skolu", "vecāki",
         "motivācija", "jēgu", "laulības", "precas", "telefoni", "ziemā", "mediatori",
         "bērni", "nav", "un", "romu", "dārziņš", "ārsts", "diskriminācija"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(texts, max_size=6), min_size=1, max_size=4), st.lists(texts, max_size=6))
def test_any_input_is_split_into_a_partition_with_correct_statuses(
        experts: list[list[str]], community: list[str]) -> None:
    groups = meeting(*experts, community=community)
    kinds = {item.id: group.kind for group in groups for item in group.items}

    themes = compare_results(groups)

    ids = [i for theme in themes for i in theme.items]
    assert sorted(ids) == sorted(kinds)
    assert all(t.status is theme_status(kinds[i] for i in t.items) for t in themes)
    assert all(t.label for t in themes)
    order = [list(ThemeStatus).index(t.status) for t in themes]
    assert order == sorted(order)
    group_of = {item.id: group.name for group in groups for item in group.items}
    assert all(len({group_of[i] for i in t.items}) == len(t.items) for t in themes)


def test_two_groups_closest_notes_join_on_weak_evidence() -> None:
    # A backend gives weak evidence (blended: 0.25, under the 0.4 threshold): e1-1 and
    # r-1 are each other's closest note in the other's group; e1-2 is nobody's closest.
    groups = meeting(["Pirmais punkts", "Otrais punkts"],
                     community=["trešais punkts", "ceturtais punkts"])
    weak = {frozenset((0, 2)): 0.5, frozenset((1, 2)): 0.35}

    def backend(texts: Sequence[str]) -> list[list[float]]:
        return [[weak.get(frozenset((a, b)), 0.0) for b in range(len(texts))]
                for a in range(len(texts))]

    linked = compare_results(groups, similarity=backend)
    unlinked = compare_results(groups, similarity=backend, tuning=Tuning(mutual_floor=None))

    assert together(linked, "e1-1", "r-1")
    assert not together(linked, "e1-2", "r-1")
    assert not together(unlinked, "e1-1", "r-1")


def test_the_meetings_topic_does_not_join_everything() -> None:
    # A meeting on pre-school: every note names it; the themes are what else they say.
    groups = meeting(["Bērni neapmeklē PII"], ["PII bērni nesaprot latviski"],
                     ["PII ēdināšana dārga"],
                     community=["dārziņā nesaprot valodu", "dārziņā dārgi paēst"])

    themes = compare_results(groups, tuning=Tuning(mutual_floor=None))
    without_rarity = compare_results(groups, tuning=Tuning(concept_idf=0, mutual_floor=None))

    assert together(themes, "e2-1", "r-1")
    assert together(themes, "e3-1", "r-2")
    assert not together(themes, "e1-1", "e2-1")
    assert together(without_rarity, "e1-1", "e2-1")
