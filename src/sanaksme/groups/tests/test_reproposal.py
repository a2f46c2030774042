"""Corrections of the comparison: each is a recorded decision, the unconfirmed rest is
proposed again honouring all of them, and the last one can be undone."""

from __future__ import annotations

from typing import Any

import pytest

from sanaksme.core.exceptions import DomainError
from sanaksme.groups.models import (
    Factor,
    Group,
    GroupSet,
    LearnedConcept,
    Theme,
    ThemeDecision,
)
from sanaksme.groups.selectors import groups_state
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    comparison_propose,
    comparison_undo,
    factor_set_theme,
    lexicon_current,
    theme_confirm,
    theme_merge,
    theme_rename,
    theme_unconfirm,
)
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.reproposal import snapshot
from sanaksme.groups.services.worksheets import factor_add, factor_hide
from sanaksme.live.events import Event
from sanaksme.programme.models import AgendaItem, Meeting, Organisation

pytestmark = pytest.mark.django_db

MOTIVATION = "Zema motivācija mācīties"
NO_SENSE = "bērni negrib iet uz skolu, neredz jēgu"
POVERTY = "Nabadzība ģimenēs"
CLOTHES = "Nav naudas apģērbam un grāmatām"
LANGUAGE = "Valodas barjera"
MEDIATORS = "Trūkst romu mediatoru skolās"


@pytest.fixture
def group_set(demo_meeting: Meeting) -> GroupSet:
    item = AgendaItem.objects.get(day__meeting=demo_meeting, method="group_work")
    return groups_draw(item=item, seed=1)


@pytest.fixture
def presentations(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="group_presentations")


@pytest.fixture
def written(group_set: GroupSet) -> dict[str, Factor]:
    """What the groups wrote in Daugavpils; proposed, it gives motivation (3 factors),
    poverty (2), mediators and language."""
    texts = {1: [MOTIVATION, MEDIATORS], 2: [POVERTY, LANGUAGE],
             3: ["Bērniem nav motivācijas mācīties"], 4: [NO_SENSE, CLOTHES]}
    return {text: factor_add(group=Group.objects.get(group_set=group_set, number=number),
                             text=text, client_id=f"{number}-{i}")
            for number, group_texts in texts.items() for i, text in enumerate(group_texts)}


@pytest.fixture
def proposed(written: dict[str, Factor], group_set: GroupSet) -> dict[str, Factor]:
    comparison_propose(group_set=group_set)
    return written


def theme_of(factor: Factor) -> Theme:
    theme = Factor.objects.get(pk=factor.pk).theme
    assert theme is not None
    return theme


def mates(factor: Factor) -> set[str]:
    """The visible factors in the same theme."""
    return set(Factor.objects.filter(theme=theme_of(factor), hidden=False).exclude(
        pk=factor.pk).values_list("text", flat=True))


def last(group_set: GroupSet) -> ThemeDecision:
    decision = group_set.decisions.filter(undone=False).order_by("-number").first()
    assert decision is not None
    return decision


def test_the_first_proposal_is_recorded(proposed: dict[str, Factor],
                                        group_set: GroupSet) -> None:
    decision = last(group_set)

    assert (decision.number, decision.action, decision.before) == (1, "propose", [])
    assert decision.replaced == []  # every factor was placed, none re-placed
    assert Factor.objects.filter(pk__in=[f.pk for f in proposed.values()],
                                 theme__isnull=True).count() == 0


def test_a_move_is_recorded_with_its_pairs(proposed: dict[str, Factor],
                                           group_set: GroupSet) -> None:
    moved, into = proposed[NO_SENSE], theme_of(proposed[POVERTY])
    before = snapshot(group_set)
    old_mates = [str(f.pk) for f in Factor.objects.filter(theme=theme_of(moved)).exclude(
        pk=moved.pk)]
    new_mates = [str(f.pk) for f in Factor.objects.filter(theme=into)]

    factor_set_theme(factor=moved, theme=into)

    decision = last(group_set)
    assert (decision.number, decision.action, decision.moved) == (2, "move", [str(moved.pk)])
    assert sorted(b for a, b in decision.together) == sorted(new_mates)
    assert sorted(b for a, b in decision.apart) == sorted(old_mates)
    assert {a for a, b in decision.together + decision.apart} == {str(moved.pk)}
    assert decision.before == before
    assert str(moved.pk) not in decision.replaced


def test_the_moved_factor_stays_where_it_was_put(proposed: dict[str, Factor],
                                                 group_set: GroupSet) -> None:
    into = theme_of(proposed[POVERTY])

    placed = factor_set_theme(factor=proposed[NO_SENSE], theme=into)

    assert placed.pk == into.pk
    assert mates(proposed[NO_SENSE]) == {POVERTY, CLOTHES}


def test_a_later_proposal_honours_the_decisions_stored(proposed: dict[str, Factor],
                                                       group_set: GroupSet) -> None:
    factor_set_theme(factor=proposed[NO_SENSE], theme=theme_of(proposed[POVERTY]))
    factor_add(group=Group.objects.get(group_set=group_set, number=3),
               text="Trūkst naudas skolas piederumiem", client_id="late")

    comparison_propose(group_set=group_set)

    assert {POVERTY, CLOTHES} <= mates(proposed[NO_SENSE])
    assert MOTIVATION not in mates(proposed[NO_SENSE])


def test_a_reload_shows_the_decision_and_where_the_factor_went(
    proposed: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    moved, into = proposed[NO_SENSE], theme_of(proposed[POVERTY])

    factor_set_theme(factor=moved, theme=into)

    comparison = groups_state(presentations, audience="projector")["comparison"]
    [theme] = [t for t in comparison["themes"] if t["id"] == into.pk]
    assert moved.pk in [f["id"] for f in theme["factors"]]
    assert comparison["last"]["number"] == 2
    assert comparison["last"]["action"] == "move"
    assert comparison["last"]["moved"] == [moved.pk]
    assert all(isinstance(i, int) for i in comparison["last"]["replaced"])
    assert comparison["undo"] is True


def test_a_split_factor_leaves_its_theme(proposed: dict[str, Factor],
                                         group_set: GroupSet) -> None:
    split = proposed[NO_SENSE]

    factor_set_theme(factor=split, theme=None)

    assert last(group_set).action == "split"
    assert not {MOTIVATION, "Bērniem nav motivācijas mācīties"} & mates(split)


def test_a_merge_keeps_the_target_row_and_its_pairs(proposed: dict[str, Factor],
                                                    group_set: GroupSet) -> None:
    language, mediators = theme_of(proposed[LANGUAGE]), theme_of(proposed[MEDIATORS])

    merged = theme_merge(theme=language, into=mediators)

    assert merged.pk == mediators.pk
    assert theme_of(proposed[LANGUAGE]).pk == mediators.pk
    assert not Theme.objects.filter(pk=language.pk).exists()
    decision = last(group_set)
    assert (decision.action, decision.moved) == ("merge", [str(proposed[LANGUAGE].pk)])
    assert decision.together == [[str(proposed[MEDIATORS].pk), str(proposed[LANGUAGE].pk)]]


def test_undo_puts_the_themes_back_exactly(proposed: dict[str, Factor],
                                           group_set: GroupSet) -> None:
    before = snapshot(group_set)
    factor_set_theme(factor=proposed[NO_SENSE], theme=None)
    theme_merge(theme=theme_of(proposed[LANGUAGE]), into=theme_of(proposed[MEDIATORS]))

    comparison_undo(group_set=group_set)
    comparison_undo(group_set=group_set)

    assert snapshot(group_set) == before
    assert list(group_set.decisions.order_by("number").values_list("action", "undone")) == [
        ("propose", False), ("split", True), ("merge", True)]


def test_undo_of_the_first_proposal_leaves_every_factor_without_a_theme(
    proposed: dict[str, Factor], group_set: GroupSet, presentations: AgendaItem,
) -> None:
    comparison_undo(group_set=group_set)

    assert not Theme.objects.filter(group_set=group_set).exists()
    assert not Factor.objects.filter(group__group_set=group_set, theme__isnull=False).exists()
    comparison = groups_state(presentations, audience="console")["comparison"]
    assert (comparison["last"], comparison["undo"]) == (None, False)


def test_nothing_to_undo_is_refused(written: dict[str, Factor],
                                    group_set: GroupSet) -> None:
    with pytest.raises(DomainError, match="Nav ko atsaukt"):  # Latvian first
        comparison_undo(group_set=group_set)


def test_undo_is_announced_once(
    proposed: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        comparison_undo(group_set=group_set)

    assert len(broadcasts) == 1


def test_every_correction_is_announced_once(
    proposed: dict[str, Factor], group_set: GroupSet, broadcasts: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        factor_set_theme(factor=proposed[NO_SENSE], theme=theme_of(proposed[POVERTY]))

    assert len(broadcasts) == 1


def test_pairs_naming_a_hidden_factor_are_left_out(proposed: dict[str, Factor],
                                                   group_set: GroupSet) -> None:
    factor_set_theme(factor=proposed[NO_SENSE], theme=theme_of(proposed[POVERTY]))
    factor_hide(factor=proposed[POVERTY], hidden=True)

    comparison_propose(group_set=group_set)

    assert CLOTHES in mates(proposed[NO_SENSE])
    assert POVERTY not in mates(proposed[NO_SENSE])


def test_a_confirmed_theme_is_not_changed_by_later_proposals(
    proposed: dict[str, Factor], group_set: GroupSet,
) -> None:
    motivation = theme_confirm(theme=theme_of(proposed[MOTIVATION]))
    kept = set(Factor.objects.filter(theme=motivation).values_list("pk", flat=True))
    label = Theme.objects.get(pk=motivation.pk).label

    factor_set_theme(factor=proposed[LANGUAGE], theme=None)
    theme_merge(theme=theme_of(proposed[MEDIATORS]), into=theme_of(proposed[POVERTY]))
    comparison_propose(group_set=group_set)

    row = Theme.objects.get(pk=motivation.pk)
    assert (row.label, row.confirmed) == (label, True)
    assert set(Factor.objects.filter(theme=row).values_list("pk", flat=True)) == kept


def test_a_factor_moved_into_a_confirmed_theme_joins_it(proposed: dict[str, Factor],
                                                        group_set: GroupSet) -> None:
    poverty = theme_confirm(theme=theme_of(proposed[POVERTY]))

    factor_set_theme(factor=proposed[LANGUAGE], theme=poverty)

    assert Theme.objects.get(pk=poverty.pk).confirmed is True
    assert mates(proposed[LANGUAGE]) == {POVERTY, CLOTHES}


def test_an_unconfirmed_theme_is_proposed_again(proposed: dict[str, Factor],
                                                group_set: GroupSet) -> None:
    poverty = theme_confirm(theme=theme_of(proposed[POVERTY]))

    theme_unconfirm(theme=poverty)

    assert last(group_set).action == "unconfirm"
    assert Theme.objects.get(pk=theme_of(proposed[POVERTY]).pk).confirmed is False


def test_confirming_one_theme_teaches_only_the_meetings_organisation(
    group_set: GroupSet, demo_meeting: Meeting,
) -> None:
    other = Organisation.objects.create(name="Organisation B")
    groups = list(group_set.groups.order_by("number"))
    experts = factor_add(group=groups[0], text="Nav kur spēlēt šahu", client_id="a")
    community = factor_add(group=groups[3], text="Šaha spēles vakaros", client_id="b")
    comparison_propose(group_set=group_set)
    factor_set_theme(factor=community, theme=theme_of(experts))
    theme = theme_rename(theme=theme_of(experts), label="Galda spēles")

    theme_confirm(theme=theme)

    concept = LearnedConcept.objects.get(label="Galda spēles")
    assert concept.organisation_id == demo_meeting.organisation_id
    assert "šahu" in concept.terms
    assert LearnedConcept.objects.count() == 1
    assert concept.key not in {c.key for c in lexicon_current(other.pk).concepts}
    assert last(group_set).action == "confirm"


def test_a_renamed_theme_keeps_its_name_when_the_rest_is_proposed_again(
    proposed: dict[str, Factor], group_set: GroupSet,
) -> None:
    poverty = theme_rename(theme=theme_of(proposed[POVERTY]), label="Nauda")

    factor_set_theme(factor=proposed[LANGUAGE], theme=theme_of(proposed[MEDIATORS]))

    row = Theme.objects.get(pk=poverty.pk)
    assert (row.label, row.named, row.confirmed) == ("Nauda", True, False)


def test_confirming_every_theme_is_one_decision(proposed: dict[str, Factor],
                                                group_set: GroupSet) -> None:
    comparison_confirm(group_set=group_set)

    assert last(group_set).action == "confirm_all"
    assert not Theme.objects.filter(group_set=group_set, confirmed=False).exists()


def test_a_correction_leaves_the_themes_it_does_not_touch_as_they_were(
    proposed: dict[str, Factor], group_set: GroupSet,
) -> None:
    before = {frozenset(theme["items"]) for theme in snapshot(group_set)}
    moved = proposed[LANGUAGE]
    source = {str(f) for f in Factor.objects.filter(theme=theme_of(moved)).values_list(
        "pk", flat=True)}
    target = theme_of(proposed[MEDIATORS])
    touched = source | {str(f) for f in target.factors.values_list("pk", flat=True)}

    factor_set_theme(factor=moved, theme=target)

    after = {frozenset(theme["items"]) for theme in snapshot(group_set)}
    untouched = {theme for theme in before if not theme & touched}
    assert untouched <= after
    assert last(group_set).replaced == []


def test_a_factor_written_after_the_proposal_joins_its_theme_at_the_next_one(
    proposed: dict[str, Factor], group_set: GroupSet,
) -> None:
    late = factor_add(group=Group.objects.get(group_set=group_set, number=3),
                      text="Ģimenēm trūkst naudas", client_id="late")

    comparison_propose(group_set=group_set)

    assert POVERTY in mates(late)


def test_what_an_organisation_learned_links_its_next_meetings_notes(
    group_set: GroupSet,
) -> None:
    groups = list(group_set.groups.order_by("number"))
    LearnedConcept.objects.create(organisation_id=group_set.meeting.organisation_id,
                                  key="learned-sahs", label="Galda spēles",
                                  terms=["šahs", "dambrete"], learned=True)
    chess = factor_add(group=groups[0], text="Nav kur spēlēt šahu", client_id="a")
    draughts = factor_add(group=groups[3], text="dambretes pulciņš slēgts", client_id="b")

    comparison_propose(group_set=group_set)

    assert theme_of(chess) == theme_of(draughts)


def test_a_confirmed_word_other_notes_also_use_is_not_learned(group_set: GroupSet) -> None:
    groups = list(group_set.groups.order_by("number"))
    experts = factor_add(group=groups[0], text="Nav kur spēlēt šahu vakaros", client_id="a")
    community = factor_add(group=groups[3], text="Šaha spēles vakaros", client_id="b")
    factor_add(group=groups[1], text="Vakaros nav sabiedriskā transporta", client_id="c")
    comparison_propose(group_set=group_set)
    factor_set_theme(factor=community, theme=theme_of(experts))

    theme_confirm(theme=theme_rename(theme=theme_of(experts), label="Galda spēles"))

    terms = [t for c in LearnedConcept.objects.all() for t in c.terms]
    assert "šahu" in terms
    assert not any("vakar" in term.lower() for term in terms)
