"""The comparison: themes proposed by the engine, corrected by the facilitator.

Every correction is a recorded decision (services/reproposal.py): it survives a reload,
reaches every screen and can be undone; once the comparison is proposed, the engine
groups the unconfirmed rest again after each one, honouring all of them. Confirmed
themes are kept exactly; confirming teaches the organisation's lexicon
(`LearnedConcept`), so the next meeting's proposal is better.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError

from ..domain.decisions import step_merge, step_move
from ..domain.lexicon import lexicon_learn
from ..lexicon_data import default_lexicon
from ..models import Factor, GroupSet, LearnedConcept, Theme, ThemeDecision
from . import reproposal as rp
from .common import announce
from .engine import lexicon_current as lexicon_current
from .engine import organisation_id
from .worksheets import clean_text


def _locked(group_set: GroupSet) -> GroupSet:
    return GroupSet.objects.select_for_update().get(pk=group_set.pk)


def comparison_propose(*, group_set: GroupSet) -> list[Theme]:
    """Group every visible factor into themes (those added since too), honouring the
    decisions so far; confirmed themes and their factors stay. Recorded as a decision."""
    with transaction.atomic():
        group_set = _locked(group_set)
        rp.record(group_set, action="propose", before=rp.snapshot(group_set))
        return list(group_set.themes.order_by("position", "pk"))


def theme_merge(*, theme: Theme, into: Theme) -> Theme:
    """Put all of `theme`'s factors into `into` (the facilitator drops one on another)."""
    if theme.pk == into.pk or theme.group_set_id != into.group_set_id:
        raise DomainError(_("Choose another theme to merge into."))
    with transaction.atomic():
        group_set = _locked(theme.group_set)
        before = rp.snapshot(group_set)
        themes = rp.partition(before, rp.visible_ids(group_set))
        step = step_merge(themes, rp.index_of(before, theme.pk), rp.index_of(before, into.pk))
        Factor.objects.filter(theme=theme).update(theme=into)
        rp.drop_empty(group_set)
        rp.record(group_set, action="merge", before=before, step=step)
    return Theme.objects.filter(pk=into.pk).first() or into


def factor_set_theme(*, factor: Factor, theme: Theme | None) -> Theme:
    """Move a factor to another theme, or (None) split it off into a theme of its own;
    returns the theme it is in after the rest was proposed again."""
    group_set = factor.group.group_set
    if theme is not None and theme.group_set_id != group_set.pk:
        raise DomainError(_("Choose another theme to merge into."))
    with transaction.atomic():
        group_set = _locked(group_set)
        current = Factor.objects.filter(pk=factor.pk).values_list("theme_id", flat=True).get()
        if theme is not None and current == theme.pk:
            return theme
        before = rp.snapshot(group_set)
        themes = rp.partition(before, rp.visible_ids(group_set))
        if theme is None:
            step = step_move(themes, str(factor.pk), None)
            theme = Theme.objects.create(group_set=group_set, label=factor.text[:200],
                                         position=rp.next_position(group_set))
        else:
            step = step_move(themes, str(factor.pk), rp.index_of(before, theme.pk))
        Factor.objects.filter(pk=factor.pk).update(theme=theme)
        rp.drop_empty(group_set)
        rp.record(group_set, action="move" if step.together else "split", before=before,
                  step=step)
        placed = Factor.objects.filter(pk=factor.pk).values_list("theme_id", flat=True).get()
    return Theme.objects.filter(pk=placed).first() or theme


def theme_rename(*, theme: Theme, label: str) -> Theme:
    """Give a theme the name the room agrees on; later proposals keep it."""
    label = clean_text(label)[:200]
    with transaction.atomic():
        Theme.objects.filter(pk=theme.pk).update(label=label, named=True)
        theme.label, theme.named = label, True
        announce(meeting_id=theme.group_set.meeting_id, item_id=theme.group_set.item_id)
    return theme


def theme_confirm(*, theme: Theme) -> Theme:
    """Confirm one theme (later proposals keep it exactly) and teach the organisation's
    lexicon from it."""
    with transaction.atomic():
        group_set = _locked(theme.group_set)
        before = rp.snapshot(group_set)
        Theme.objects.filter(pk=theme.pk).update(confirmed=True)
        theme.confirmed = True
        _teach(group_set, [theme])
        rp.record(group_set, action="confirm", before=before)
    return theme


def theme_unconfirm(*, theme: Theme) -> Theme:
    """Take back the confirmation of one theme: its factors are proposed again. What
    the lexicon learned from it stays (it names the same things)."""
    with transaction.atomic():
        group_set = _locked(theme.group_set)
        before = rp.snapshot(group_set)
        Theme.objects.filter(pk=theme.pk).update(confirmed=False)
        theme.confirmed = False
        rp.record(group_set, action="unconfirm", before=before)
    return theme


def comparison_confirm(*, group_set: GroupSet) -> int:
    """Confirm every theme and teach the lexicon from the ones with several factors.
    Returns how many concepts were learned or extended."""
    with transaction.atomic():
        group_set = _locked(group_set)
        before = rp.snapshot(group_set)
        themes = list(group_set.themes.all())
        group_set.themes.update(confirmed=True)
        learned = _teach(group_set, themes)
        rp.record(group_set, action="confirm_all", before=before)
    return learned


def comparison_undo(*, group_set: GroupSet) -> ThemeDecision:
    """Undo the last decision not undone yet: the themes are put back exactly as they
    were before it (nothing is proposed again)."""
    with transaction.atomic():
        group_set = _locked(group_set)
        last = group_set.decisions.filter(undone=False).order_by("-number").first()
        if last is None:
            raise DomainError(_("There is nothing to undo."))
        rp.restore(group_set, last.before)
        last.undone = True
        last.save(update_fields=["undone", "updated_at"])
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return last


def _teach(group_set: GroupSet, themes: Sequence[Theme]) -> int:
    """Teach the organisation's lexicon from the confirmed `themes` with several visible
    factors; returns how many concepts were learned or extended."""
    texts: dict[int, list[str]] = {t.pk: [] for t in themes}
    others: list[str] = []
    for theme_id, text in Factor.objects.filter(
            group__group_set=group_set, hidden=False).order_by("pk").values_list(
            "theme_id", "text"):
        texts.get(theme_id, others).append(text)
    confirmed = [(t.label, texts[t.pk]) for t in themes if len(texts[t.pk]) > 1]
    others += [text for t in themes if len(texts[t.pk]) == 1 for text in texts[t.pk]]
    owner = organisation_id(group_set)
    before = lexicon_current(owner)
    # The meeting's other notes tell which new terms would say too little to learn.
    after = lexicon_learn(before, confirmed, others=others)
    old = {c.key: c for c in before.concepts}
    changed = [c for c in after.concepts if old.get(c.key) != c]
    builtin = {c.key: set(c.terms) for c in default_lexicon().concepts}
    for concept in changed:
        own = [t for t in concept.terms if t not in builtin.get(concept.key, ())]
        LearnedConcept.objects.update_or_create(
            organisation_id=owner, key=concept.key[:100],
            defaults={"label": concept.label[:200], "terms": own, "learned": True})
    return len(changed)
