"""Learned terms are stored per organisation and added to the built-in concept: a term a
release adds to the built-in concept still counts after a confirmation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sanaksme.groups import lexicon_data
from sanaksme.groups.domain.lexicon import Lexicon
from sanaksme.groups.domain.matching import analyse, compile_lexicon, match_concepts
from sanaksme.groups.lexicon_data import default_lexicon
from sanaksme.groups.models import Factor, GroupSet, LearnedConcept
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    comparison_propose,
    factor_set_theme,
    lexicon_current,
    theme_rename,
)
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add
from sanaksme.programme.models import AgendaItem, Meeting, Organisation

LEARNED_TEXTS = ("Bērni nāk bez cepures", "Ziemā nav cepures")
NEW_TERM = "nav zābaciņu pavasarim"  # what a release adds to poverty's file
NEW_TEXT = "Mazajam nav zābaciņu pavasarim"


def concepts_of(text: str, lexicon: Lexicon) -> set[str]:
    compiled = compile_lexicon(lexicon)
    found = match_concepts(analyse(text, known_stems=compiled.known_stems), compiled)
    return {lexicon.concepts[index].key for index in found}


def poverty_label() -> str:
    return next(c.label for c in default_lexicon().concepts if c.key == "poverty")


def poverty_terms(organisation_id: int) -> tuple[str, ...]:
    return next(c.terms for c in lexicon_current(organisation_id).concepts
                if c.key == "poverty")


def confirm_a_poverty_theme(meeting: Meeting) -> GroupSet:
    item = AgendaItem.objects.get(day__meeting=meeting, method="group_work")
    group_set = groups_draw(item=item, seed=7)
    groups = list(group_set.groups.order_by("number"))
    first, second = (factor_add(group=g, text=t, client_id=str(n))
                     for n, (g, t) in enumerate(zip(groups, LEARNED_TEXTS, strict=False)))
    theme = factor_set_theme(factor=first, theme=None)
    factor_set_theme(factor=second, theme=theme)
    theme_rename(theme=theme, label=poverty_label())
    comparison_confirm(group_set=group_set)
    return group_set


def release_with_new_term(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The built-in files of a later release: poverty's file has one more term."""
    directory = tmp_path / "lexicon"
    shutil.copytree(lexicon_data.LEXICON_DIR, directory)
    poverty = next(directory.glob("*-poverty.yaml"))
    poverty.write_text(poverty.read_text(encoding="utf-8") + f"    - {NEW_TERM}\n",
                       encoding="utf-8")
    monkeypatch.setattr(lexicon_data, "LEXICON_DIR", directory)


def test_a_term_added_in_a_release_still_matches_after_a_confirmation(
    demo_meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    group_set = confirm_a_poverty_theme(demo_meeting)
    assert LearnedConcept.objects.get(key="poverty").terms
    assert "poverty" not in concepts_of(NEW_TEXT, lexicon_current(demo_meeting.organisation_id))

    release_with_new_term(tmp_path, monkeypatch)
    factor = factor_add(group=group_set.groups.order_by("number")[0], text=NEW_TEXT,
                        client_id="new")
    comparison_propose(group_set=group_set)

    terms = poverty_terms(demo_meeting.organisation_id)
    assert NEW_TERM in terms
    assert set(LearnedConcept.objects.get(key="poverty").terms) <= set(terms)
    assert Factor.objects.get(pk=factor.pk).theme_id is not None
    # The confirmed theme keeps poverty's label (labels are unique), so the new
    # factor's theme cannot show it: check the match itself.
    assert "poverty" in concepts_of(NEW_TEXT, lexicon_current(demo_meeting.organisation_id))


def test_another_organisation_gets_the_release_but_not_the_learned_terms(
    demo_meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    confirm_a_poverty_theme(demo_meeting)
    other = Organisation.objects.create(name="Organisation B")

    release_with_new_term(tmp_path, monkeypatch)

    learned = LearnedConcept.objects.get(key="poverty")
    assert learned.organisation_id == demo_meeting.organisation_id
    assert NEW_TERM in poverty_terms(other.pk)
    assert not set(learned.terms) & set(poverty_terms(other.pk))
    assert "poverty" in concepts_of(LEARNED_TEXTS[0], lexicon_current(demo_meeting.organisation_id))
    assert "poverty" not in concepts_of(LEARNED_TEXTS[0], lexicon_current(other.pk))
