"""Small-group work: composition by category, worksheets; the comparison of results."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.utils.translation import gettext as _

from sanaksme.groups.domain.worksheet import TOP, Shares, average_shares, shares
from sanaksme.groups.models import Factor, Group, GroupSet, Membership, Showing
from sanaksme.groups.selectors import comparison_state, group_name
from sanaksme.groups.services.showing import showing_order
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem

from ..data import Comparison, Count, FactorLine, GroupSection, GroupWork, ThemeLine
from .meeting import CATEGORY_ORDER, category_label


def _group_sets(items: list[AgendaItem]) -> list[tuple[AgendaItem, GroupSet]]:
    wanted = [i for i in items if i.method == Method.GROUP_WORK.value]
    sets = {s.item_id: s for s in GroupSet.objects.filter(item__in=wanted)}
    return [(item, sets[item.pk]) for item in wanted if item.pk in sets]


def _factors(group_set: GroupSet) -> dict[int, list[Factor]]:
    by_group: dict[int, list[Factor]] = defaultdict(list)
    for f in (Factor.objects.filter(group__group_set=group_set)
              .prefetch_related("solutions").order_by("position", "pk")):
        by_group[f.group_id].append(f)
    return by_group


def _split(f: Factor) -> Shares | None:
    return shares((f.municipality, f.state, f.community))


def _factor_lines(factors: list[Factor]) -> tuple[FactorLine, ...]:
    shown = [f for f in factors if not f.hidden]
    return tuple(FactorLine(
        text=f.text, top=rank < TOP,
        solutions=tuple(s.text for s in f.solutions.all() if not s.hidden),
        shares=_split(f)) for rank, f in enumerate(shown))


def _order(items: list[AgendaItem], group_set: GroupSet, groups: list[Group]) -> list[Group]:
    """The presenting order when the groups presented, else experts first, own group last."""
    showing = Showing.objects.filter(group_set=group_set).select_related("item").first()
    if showing is not None:
        by_id = {g.pk: g for g in groups}
        ordered = [by_id[i] for i in showing_order(showing) if i in by_id]
        return ordered + [g for g in groups if g not in ordered]
    return sorted(groups, key=lambda g: (g.kind == "dedicated", g.number))


def _composition(group_set: GroupSet) -> dict[int, Counter[str]]:
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    for group_id, category in Membership.objects.filter(group_set=group_set).values_list(
            "group_id", "participant__category"):
        counts[group_id][category] += 1
    return counts


def _section(group: Group, factors: list[Factor], counts: Counter[str]) -> GroupSection:
    order = [c for c in CATEGORY_ORDER if c in counts] + sorted(
        c for c in counts if c not in CATEGORY_ORDER)
    shown = [f for f in factors if not f.hidden]
    return GroupSection(
        name=group_name(group), dedicated=group.kind == "dedicated",
        composition=tuple(Count(category_label(c), counts[c]) for c in order),
        members=sum(counts.values()), factors=_factor_lines(factors),
        average=average_shares([_split(f) for f in shown]),
        presented_seconds=round(group.presented_seconds))


def group_work(items: list[AgendaItem]) -> tuple[GroupWork, ...]:
    """Each group-work item with its groups in the presenting order."""
    found = []
    for item, group_set in _group_sets(items):
        groups = list(group_set.groups.order_by("number"))
        by_group = _factors(group_set)
        counts = _composition(group_set)
        found.append(GroupWork(
            title=item.title, question=str(item.params.get("question", "") or ""),
            groups=tuple(_section(g, by_group.get(g.pk, []), counts[g.pk])
                         for g in _order(items, group_set, groups)),
            seed=group_set.seed))
    return tuple(found)


def _shares(value: dict[str, int] | None) -> Shares | None:
    return Shares(**value) if value else None


def _theme(theme: dict[str, Any]) -> ThemeLine:
    return ThemeLine(
        label=theme["label"], status=theme["status"],
        factors=tuple(f"{f['text']} ({_('Group %(number)d') % {'number': f['group']}})"
                      for f in theme["factors"]),
        experts=_shares(theme["experts"]), community=_shares(theme["community"]),
        confirmed=theme["confirmed"])


def comparisons(items: list[AgendaItem]) -> tuple[Comparison, ...]:
    """Common / experts-only / community-only themes with each side's responsibility view."""
    found = []
    for item, group_set in _group_sets(items):
        groups = list(group_set.groups.order_by("number"))
        by_group = _factors(group_set)
        state = comparison_state(group_set, groups, by_group)
        if not state["themes"]:
            continue
        themes = [_theme(t) for t in state["themes"]]
        dedicated = {g.pk for g in groups if g.kind == "dedicated"}
        shown = [(gid, f) for gid, fs in by_group.items() for f in fs if not f.hidden]
        parts = tuple(option_label(str(p)) for p in item.params.get(
            "responsibility", ["municipality", "state", "community"]))
        found.append(Comparison(
            common=tuple(t for t in themes if t.status == "common"),
            experts_only=tuple(t for t in themes if t.status == "experts_only"),
            community_only=tuple(t for t in themes if t.status == "community_only"),
            experts_overall=average_shares([_split(f) for g, f in shown if g not in dedicated]),
            community_overall=average_shares([_split(f) for g, f in shown if g in dedicated]),
            confirmed=state["confirmed"], parts=parts))
    return tuple(found)
