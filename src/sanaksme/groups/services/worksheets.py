"""A group's worksheet: factors in order of significance, solutions, responsibility.

Every member of a group can write; nothing is deleted, only hidden and shown again.
A factor or solution sent twice with the same client id is stored once.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sanaksme.boards.domain.notes import NoteProblem, clean_note_text
from sanaksme.core.exceptions import DomainError

from ..domain.worksheet import MAX_WEIGHT, TEXT_LIMIT
from ..models import Factor, Group, Solution
from .common import announce


def clean_text(text: str) -> str:
    """One line of worksheet text: spaces collapsed, then checked (empty, too long,
    characters that cannot be shown) with a user-safe message."""
    cleaned, problem = clean_note_text(" ".join(text.split()), TEXT_LIMIT)
    if problem is NoteProblem.EMPTY:
        raise DomainError(_("Write something first."), field="text")
    if problem is NoteProblem.TOO_LONG:
        raise DomainError(_("At most %(limit)d characters, please.") % {"limit": TEXT_LIMIT},
                          field="text")
    if problem is not None:
        raise DomainError(_("The text contains characters that cannot be shown."),
                          field="text")
    return cleaned


def _client_id(client_id: str) -> str:
    client_id = client_id.strip()
    if not client_id or len(client_id) > 64:
        raise DomainError(_("The message is incomplete."))
    return client_id


def _announce(group: Group) -> None:
    set_ = group.group_set
    announce(meeting_id=set_.meeting_id, item_id=set_.item_id)


def factor_add(*, group: Group, text: str, client_id: str,
               author_id: int | None = None) -> Factor:
    """Add a factor at the end of the group's list; the same client id is kept once."""
    text, client_id = clean_text(text), _client_id(client_id)
    existing = Factor.objects.filter(group=group, client_id=client_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            Group.objects.select_for_update().filter(pk=group.pk).first()
            last = group.factors.aggregate(m=Max("position"))["m"]
            factor = Factor.objects.create(group=group, text=text, client_id=client_id,
                                           position=(last or 0) + 1, author_id=author_id)
            _announce(group)
    except IntegrityError:  # the same client id raced in from a second connection
        return Factor.objects.get(group=group, client_id=client_id)
    return factor


def factor_edit(*, factor: Factor, text: str) -> Factor:
    """Correct a factor's wording."""
    text = clean_text(text)
    with transaction.atomic():
        Factor.objects.filter(pk=factor.pk).update(text=text)
        factor.text = text
        _announce(factor.group)
    return factor


def factor_hide(*, factor: Factor, hidden: bool) -> Factor:
    """Take a factor off the worksheet (it stays stored), or bring it back."""
    with transaction.atomic():
        Factor.objects.filter(pk=factor.pk).update(hidden=hidden)
        factor.hidden = hidden
        _announce(factor.group)
    return factor


def factor_arrange(*, group: Group, order: Sequence[int]) -> Group:
    """Put the group's factors in this order of significance (first = most)."""
    with transaction.atomic():
        Group.objects.select_for_update().filter(pk=group.pk).first()
        ids = list(group.factors.values_list("pk", flat=True))
        if sorted(order) != sorted(ids):
            raise DomainError(_("The list changed meanwhile; try again."))
        for position, pk in enumerate(order, start=1):
            Factor.objects.filter(pk=pk).update(position=position)
        _announce(group)
    return group


def factor_weigh(*, factor: Factor, municipality: int, state: int, community: int
                 ) -> Factor:
    """Set who can change this factor, as taps 0–10 per part (shares follow)."""
    weights = (municipality, state, community)
    if any(not 0 <= w <= MAX_WEIGHT for w in weights):
        raise DomainError(_("Each part takes 0 to %(max)d taps.") % {"max": MAX_WEIGHT})
    with transaction.atomic():
        Factor.objects.filter(pk=factor.pk).update(
            municipality=municipality, state=state, community=community)
        factor.municipality, factor.state, factor.community = weights
        _announce(factor.group)
    return factor


def solution_add(*, factor: Factor, text: str, client_id: str) -> Solution:
    """Add a solution under a factor; the same client id is kept once."""
    text, client_id = clean_text(text), _client_id(client_id)
    existing = Solution.objects.filter(factor=factor, client_id=client_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            solution = Solution.objects.create(factor=factor, text=text,
                                               client_id=client_id)
            _announce(factor.group)
    except IntegrityError:
        return Solution.objects.get(factor=factor, client_id=client_id)
    return solution


def solution_edit(*, solution: Solution, text: str) -> Solution:
    """Correct a solution's wording."""
    text = clean_text(text)
    with transaction.atomic():
        Solution.objects.filter(pk=solution.pk).update(text=text)
        solution.text = text
        _announce(solution.factor.group)
    return solution


def solution_hide(*, solution: Solution, hidden: bool) -> Solution:
    """Take a solution off the worksheet (it stays stored), or bring it back."""
    with transaction.atomic():
        Solution.objects.filter(pk=solution.pk).update(hidden=hidden)
        solution.hidden = hidden
        _announce(solution.factor.group)
    return solution
