"""A group's worksheet: factors in order of significance, solutions, responsibility.

Every member of a group can write; nothing is deleted, only hidden and shown again.
A factor or solution sent twice with the same client id is stored once.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.boards.domain.notes import NoteProblem, clean_note_text
from sanaksme.core.exceptions import DomainError
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import GroupsChanged, WorksheetChanged
from sanaksme.programme.models import Meeting
from sanaksme.programme.services import meeting_next_seq

from ..domain.worksheet import MAX_WEIGHT, TEXT_LIMIT
from ..models import Factor, Group, GroupSet, Solution


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
    """Send the group's worksheet as each audience's groups state holds it, while its
    group work is on the screens; otherwise (the presentations, whose comparison a
    worksheet feeds) every screen re-syncs."""
    from ..selectors import worksheet  # the selectors import the services

    meeting_id = GroupSet.objects.values_list("meeting_id", flat=True).get(
        pk=group.group_set_id)
    seq = meeting_next_seq(meeting_id=meeting_id)
    # Read after the seq is taken: a concurrent open or item change is ordered with it.
    set_ = GroupSet.objects.get(pk=group.group_set_id)
    current, language = Meeting.objects.values_list("current_item_id", "language").get(
        pk=meeting_id)
    if current != set_.item_id:
        broadcast_on_commit(GroupsChanged(meeting_id=meeting_id, seq=seq,
                                          item_id=set_.item_id))
        return
    group = Group.objects.get(pk=group.pk)
    factors = list(group.factors.prefetch_related("solutions").order_by("position", "pk"))
    with translation.override(language):  # the group's name, as in the screens' state
        # The projector sees the worksheets once they are open; phones re-sync.
        sheets = {Audience.CONSOLE: worksheet(group, factors, with_hidden=True),
                  Audience.PROJECTOR: (worksheet(group, factors, with_hidden=False)
                                       if set_.worksheets_open else None),
                  Audience.PHONE: None}
    visible = sum(1 for f in factors if not f.hidden)
    for audience, sheet in sheets.items():
        broadcast_on_commit(WorksheetChanged(
            meeting_id=meeting_id, seq=seq, item_id=set_.item_id, group_id=group.pk,
            factors=visible, worksheet=sheet), [audience])


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


def solution_hide(*, solution: Solution, hidden: bool) -> Solution:
    """Take a solution off the worksheet (it stays stored), or bring it back."""
    with transaction.atomic():
        Solution.objects.filter(pk=solution.pk).update(hidden=hidden)
        solution.hidden = hidden
        _announce(solution.factor.group)
    return solution
