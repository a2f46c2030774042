"""The comparison: themes proposed by the engine, corrected by the facilitator.

Confirmed themes are kept when the engine runs again; confirming teaches the lexicon
(`LearnedConcept`), so the next meeting's proposal is better.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting

from ..domain.comparison import (
    GroupKind,
    GroupResult,
    Item,
    compare_results,
)
from ..domain.lexicon import Concept, Lexicon, lexicon_learn
from ..lexicon_data import default_lexicon
from ..models import Factor, Group, GroupSet, LearnedConcept, Theme
from .common import announce
from .worksheets import clean_text


def lexicon_current(organisation_id: int | None) -> Lexicon:
    """The built-in lexicon with what this organisation added or learned.

    Learned terms of a built-in concept are added to its own; other organisations'
    concepts are never read (their terms are their participants' words)."""
    base = default_lexicon()
    learned = {c.key: Concept(c.key, c.label, tuple(c.terms))
               for c in LearnedConcept.objects.filter(organisation_id=organisation_id)
               } if organisation_id is not None else {}
    kept = [_added(c, learned.pop(c.key, None)) for c in base.concepts]
    return Lexicon(tuple(kept + sorted(learned.values(), key=lambda c: c.key)))


def _added(builtin: Concept, learned: Concept | None) -> Concept:
    if learned is None:
        return builtin
    extra = tuple(t for t in learned.terms if t not in set(builtin.terms))
    return Concept(builtin.key, builtin.label, builtin.terms + extra)


def _engine_input(groups: Iterable[Group], factors: Iterable[Factor]) -> list[GroupResult]:
    by_group: dict[int, list[Item]] = {}
    for f in factors:
        by_group.setdefault(f.group_id, []).append(
            Item(str(f.pk), f.text))
    return [GroupResult(str(g.number),
                        GroupKind.COMMUNITY if g.kind == "dedicated" else GroupKind.EXPERTS,
                        tuple(by_group.get(g.pk, ())))
            for g in groups]


def _organisation_id(group_set: GroupSet) -> int:
    return int(Meeting.objects.values_list("organisation_id", flat=True)
               .get(pk=group_set.meeting_id))


def _locked(group_set: GroupSet) -> GroupSet:
    return GroupSet.objects.select_for_update().get(pk=group_set.pk)


def comparison_propose(*, group_set: GroupSet) -> list[Theme]:
    """Group the factors into themes again; confirmed themes and their factors stay."""
    with transaction.atomic():
        group_set = _locked(group_set)
        group_set.themes.filter(confirmed=False).delete()
        factors = list(Factor.objects.filter(group__group_set=group_set, hidden=False,
                                             theme__isnull=True).order_by("pk"))
        groups = list(group_set.groups.order_by("number"))
        themes = compare_results(_engine_input(groups, factors),
                                 lexicon=lexicon_current(_organisation_id(group_set)))
        start = group_set.themes.count()
        created = []
        for position, found in enumerate(themes, start=start):
            theme = Theme.objects.create(group_set=group_set, label=found.label[:200],
                                         position=position)
            Factor.objects.filter(pk__in=[int(i) for i in found.items]).update(theme=theme)
            created.append(theme)
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return created


def _drop_empty(group_set: GroupSet) -> None:
    group_set.themes.filter(factors__isnull=True).delete()


def theme_merge(*, theme: Theme, into: Theme) -> Theme:
    """Put all of `theme`'s factors into `into` (the facilitator drops one on another)."""
    if theme.pk == into.pk or theme.group_set_id != into.group_set_id:
        raise DomainError(_("Choose another theme to merge into."))
    with transaction.atomic():
        group_set = _locked(theme.group_set)
        Factor.objects.filter(theme=theme).update(theme=into)
        _drop_empty(group_set)
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return into


def factor_set_theme(*, factor: Factor, theme: Theme | None) -> Theme:
    """Move a factor to another theme, or (None) split it off into a theme of its own."""
    group_set = factor.group.group_set
    if theme is not None and theme.group_set_id != group_set.pk:
        raise DomainError(_("Choose another theme to merge into."))
    with transaction.atomic():
        group_set = _locked(group_set)
        if theme is None:
            last = group_set.themes.order_by("-position").first()
            theme = Theme.objects.create(group_set=group_set, label=factor.text[:200],
                                         position=(last.position + 1) if last else 0)
        Factor.objects.filter(pk=factor.pk).update(theme=theme)
        _drop_empty(group_set)
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return theme


def theme_rename(*, theme: Theme, label: str) -> Theme:
    """Give a theme the name the room agrees on."""
    label = clean_text(label)[:200]
    with transaction.atomic():
        Theme.objects.filter(pk=theme.pk).update(label=label)
        theme.label = label
        announce(meeting_id=theme.group_set.meeting_id, item_id=theme.group_set.item_id)
    return theme


def theme_unconfirm(*, theme: Theme) -> Theme:
    """Take back the confirmation of one theme: the next proposal may regroup its
    factors. What the lexicon learned from it stays (it names the same things)."""
    with transaction.atomic():
        Theme.objects.filter(pk=theme.pk).update(confirmed=False)
        theme.confirmed = False
        announce(meeting_id=theme.group_set.meeting_id, item_id=theme.group_set.item_id)
    return theme


def comparison_confirm(*, group_set: GroupSet) -> int:
    """Confirm every theme and teach the lexicon from the ones with several factors.
    Returns how many concepts were learned or extended."""
    with transaction.atomic():
        group_set = _locked(group_set)
        themes = list(group_set.themes.prefetch_related("factors"))
        group_set.themes.update(confirmed=True)
        confirmed = [(t.label, [f.text for f in t.factors.all() if not f.hidden])
                     for t in themes]
        confirmed = [(label, texts) for label, texts in confirmed if len(texts) > 1]
        organisation_id = _organisation_id(group_set)
        before = lexicon_current(organisation_id)
        after = lexicon_learn(before, confirmed)
        old = {c.key: c for c in before.concepts}
        changed = [c for c in after.concepts if old.get(c.key) != c]
        builtin = {c.key: set(c.terms) for c in default_lexicon().concepts}
        for concept in changed:
            own = [t for t in concept.terms if t not in builtin.get(concept.key, ())]
            LearnedConcept.objects.update_or_create(
                organisation_id=organisation_id, key=concept.key[:100],
                defaults={"label": concept.label[:200], "terms": own, "learned": True})
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return len(changed)
