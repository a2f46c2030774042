"""The day-summary draft: pure facts from themes, then words added to the summary."""

from __future__ import annotations

from typing import Any

import pytest

from sanaksme.core.exceptions import DomainError
from sanaksme.groups.domain.comparison import ThemeStatus
from sanaksme.groups.domain.summary import ThemeFacts, summary_draft
from sanaksme.groups.domain.worksheet import Shares
from sanaksme.groups.models import Group
from sanaksme.groups.services.comparison import comparison_propose
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.summary import summary_add_draft
from sanaksme.groups.services.worksheets import factor_add, factor_weigh
from sanaksme.presenting.models import Projection
from sanaksme.presenting.services import summary_write
from sanaksme.programme.models import AgendaItem, Meeting

MOTIVATION = ThemeFacts("Motivācija", ThemeStatus.COMMON, Shares(20, 20, 60), Shares(60, 20, 20))
POVERTY = ThemeFacts("Nabadzība", ThemeStatus.COMMON, Shares(30, 40, 30), Shares(30, 35, 35))


def test_the_draft_lists_themes_by_side() -> None:
    themes = [MOTIVATION, ThemeFacts("Mediatori", ThemeStatus.EXPERTS_ONLY),
              ThemeFacts("Apavi", ThemeStatus.COMMUNITY_ONLY)]

    draft = summary_draft(themes)

    assert (draft.common, draft.experts_only, draft.community_only) == (
        ("Motivācija",), ("Mediatori",), ("Apavi",))


def test_the_largest_difference_in_responsibility_is_named() -> None:
    draft = summary_draft([MOTIVATION])

    assert len(draft.differences) == 1
    difference = draft.differences[0]
    assert (difference.label, difference.experts, difference.community) in {
        ("Motivācija", 20, 60), ("Motivācija", 60, 20)}


def test_small_differences_are_left_out() -> None:
    draft = summary_draft([POVERTY])

    assert draft.differences == ()


def test_a_theme_weighed_by_one_side_only_has_no_difference() -> None:
    draft = summary_draft([ThemeFacts("Valoda", ThemeStatus.COMMON, Shares(50, 50, 0), None)])

    assert draft.differences == ()


@pytest.fixture
def summary_item(demo_meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=demo_meeting, method="summary")


def _compared(meeting: Meeting) -> None:
    item = AgendaItem.objects.get(day__meeting=meeting, method="group_work")
    group_set = groups_draw(item=item, seed=7)
    expert = Group.objects.filter(group_set=group_set, kind="random").first()
    roma = Group.objects.get(group_set=group_set, kind="dedicated")
    assert expert is not None
    one = factor_add(group=expert, text="Zema motivācija mācīties", client_id="a")
    two = factor_add(group=roma, text="Bērni negrib iet uz skolu, neredz jēgu",
                     client_id="b")
    factor_weigh(factor=one, municipality=2, state=2, community=6)
    factor_weigh(factor=two, municipality=6, state=2, community=2)
    comparison_propose(group_set=group_set)


@pytest.mark.django_db
def test_the_draft_is_added_to_the_summary_notes(demo_meeting: Meeting,
                                                 summary_item: AgendaItem,
                                                 broadcasts: Any) -> None:
    _compared(demo_meeting)
    summary_write(item=summary_item, text="Mūsu piezīmes.")

    projection = summary_add_draft(item=summary_item)

    text = Projection.objects.get(pk=projection.pk).summary
    assert text.startswith("Mūsu piezīmes.\n\n")
    assert "Zema motivācija" in text or "Motivācija" in text
    assert "60 %" in text
    assert "20 %" in text


@pytest.mark.django_db
def test_without_a_comparison_there_is_no_draft(summary_item: AgendaItem) -> None:
    with pytest.raises(DomainError):
        summary_add_draft(item=summary_item)
