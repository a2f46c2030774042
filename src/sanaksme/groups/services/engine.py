"""What the comparison engine is given: the organisation's lexicon and the factors."""

from __future__ import annotations

from collections.abc import Iterable

from sanaksme.programme.models import Meeting

from ..domain.comparison import GroupKind, GroupResult, Item
from ..domain.lexicon import Concept, Lexicon
from ..lexicon_data import default_lexicon
from ..models import Factor, Group, GroupSet, LearnedConcept


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


def lexicon_learned(organisation_id: int | None) -> Lexicon:
    """Only what this organisation learned or added (its `LearnedConcept` rows): the
    engine gets it apart from the built-in lexicon (`compare_results(learned=…)`), so
    it can only add evidence, never dilute a built-in concept's."""
    if organisation_id is None:
        return Lexicon(())
    return Lexicon(tuple(Concept(c.key, c.label, tuple(c.terms)) for c in
                         LearnedConcept.objects.filter(organisation_id=organisation_id)
                         .order_by("key") if c.terms))


def _added(builtin: Concept, learned: Concept | None) -> Concept:
    if learned is None:
        return builtin
    extra = tuple(t for t in learned.terms if t not in set(builtin.terms))
    return Concept(builtin.key, builtin.label, builtin.terms + extra)


def engine_input(groups: Iterable[Group], factors: Iterable[Factor]) -> list[GroupResult]:
    """Each group's factors as the engine's items (ids are the factors' pks as strings)."""
    by_group: dict[int, list[Item]] = {}
    for f in factors:
        by_group.setdefault(f.group_id, []).append(Item(str(f.pk), f.text))
    return [GroupResult(str(g.number),
                        GroupKind.COMMUNITY if g.kind == "dedicated" else GroupKind.EXPERTS,
                        tuple(by_group.get(g.pk, ())))
            for g in groups]


def organisation_id(group_set: GroupSet) -> int:
    return int(Meeting.objects.values_list("organisation_id", flat=True)
               .get(pk=group_set.meeting_id))
