"""Group presentations: groups present in the configured order, each with a timer.

The timer is stored as absolute times (speaking.domain.countdown); the time each group
actually took is added to `Group.presented_seconds`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem
from sanaksme.speaking.domain import countdown

from ..domain.worksheet import Presenter, presentation_order
from ..models import Group, GroupSet, Showing
from .common import announce


def group_set_for(item: AgendaItem) -> GroupSet | None:
    """The groups an item works with: its own (group work) or, for presentations, those
    of the latest group-work item before it in the programme."""
    if item.method == Method.GROUP_WORK.value:
        return GroupSet.objects.filter(item=item).first()
    if item.method != Method.GROUP_PRESENTATIONS.value:
        return None
    earlier = [i.pk for i in AgendaItem.objects.filter(
        day__meeting_id=item.day.meeting_id, method=Method.GROUP_WORK.value
    ).select_related("day").order_by("day__date", "position", "id")
        if (i.day.date, i.position, i.pk) < (item.day.date, item.position, item.pk)]
    return GroupSet.objects.filter(item_id__in=earlier).order_by("-item__day__date",
                                                                 "-item__position").first()


def showing_get_or_create(*, item: AgendaItem) -> Showing:
    """The presentations of a group-presentations item, ordered by its rule."""
    showing = Showing.objects.filter(item=item).first()
    if showing is not None:
        return showing
    group_set = group_set_for(item)
    if group_set is None:
        raise DomainError(_("Form the groups in the group-work item first."))
    showing, _created = Showing.objects.get_or_create(item=item, defaults={
        "group_set": group_set, "allowed_seconds": _allowed(item)})
    return showing


def _allowed(item: AgendaItem) -> int:
    return int(item.params.get("minutes_per_group", 0) or 0) * 60


def showing_order(showing: Showing) -> list[int]:
    """Group ids in presenting order (groups added since go by the rule too)."""
    groups = [Presenter(g.pk, g.number, g.kind == "dedicated")
              for g in Group.objects.filter(group_set_id=showing.group_set_id)]
    return presentation_order(groups, str(showing.item.params.get("order", "random_first")))


def _elapsed(showing: Showing, now: dt.datetime) -> float:
    """Seconds the presenting group has spoken since its clock last (re)started."""
    if showing.resumed_at is None:
        return 0.0
    return (now - showing.resumed_at).total_seconds()


def _locked(showing: Showing) -> Showing:
    return Showing.objects.select_for_update(of=("self",)).select_related("item__day").get(
        pk=showing.pk)


def showing_next(*, showing: Showing, expected: int | None, step: int = 1,
                 now: dt.datetime | None = None) -> Showing:
    """End the current group's time and let the next (step=-1: previous) present.
    `expected` is the group the console saw: a second press of the same click does
    nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        showing = _locked(showing)
        if showing.current_id != expected:
            return showing
        order = showing_order(showing)
        if showing.current_id is not None:
            Group.objects.filter(pk=showing.current_id).update(
                presented_seconds=showing.current.presented_seconds  # type: ignore[union-attr]
                + _elapsed(showing, now))
            here = order.index(showing.current_id) if showing.current_id in order else -1
        else:
            here = len(order) if showing.finished else -1
        target = max(0, here + step) if step < 0 else here + step
        if 0 <= target < len(order):
            showing.allowed_seconds = _allowed(showing.item)  # extra time was for one group
            timer = countdown.start(dt.timedelta(seconds=showing.allowed_seconds), now=now)
            showing.current_id, showing.finished = order[target], False
            showing.started_at, showing.resumed_at = now, now
            showing.ends_at, showing.left_seconds = timer.ends_at, None
        else:
            showing.current_id, showing.finished = None, True
            showing.started_at = showing.resumed_at = showing.ends_at = None
            showing.left_seconds = None
        showing.save()
        announce(meeting_id=showing.item.day.meeting_id, item_id=showing.item_id)
    return showing


def _timer(showing: Showing) -> countdown.Countdown:
    left = (None if showing.left_seconds is None
            else dt.timedelta(seconds=showing.left_seconds))
    return countdown.Countdown(allowed=dt.timedelta(seconds=showing.allowed_seconds),
                               started_at=showing.started_at, ends_at=showing.ends_at,
                               left=left)


def showing_pause(*, showing: Showing, paused: bool,
                  now: dt.datetime | None = None) -> Showing:
    """Stop (or restart) the presenting group's clock."""
    now = now or timezone.now()
    with transaction.atomic():
        showing = _locked(showing)
        if showing.current_id is None:
            raise DomainError(_("No group is presenting."))
        timer = _timer(showing)
        if paused and showing.resumed_at is not None:
            Group.objects.filter(pk=showing.current_id).update(
                presented_seconds=showing.current.presented_seconds  # type: ignore[union-attr]
                + _elapsed(showing, now))
            timer = countdown.pause(timer, now=now)
            showing.resumed_at = None
        elif not paused and showing.resumed_at is None:
            timer = countdown.resume(timer, now=now)
            showing.resumed_at = now
        showing.ends_at = timer.ends_at
        showing.left_seconds = None if timer.left is None else timer.left.total_seconds()
        showing.save()
        announce(meeting_id=showing.item.day.meeting_id, item_id=showing.item_id)
    return showing


def showing_add_time(*, showing: Showing, seconds: int) -> Showing:
    """Give the presenting group more time (at most ten minutes a press)."""
    if not -600 <= seconds <= 600:
        raise DomainError(_("At most ten minutes at a time."))
    with transaction.atomic():
        showing = _locked(showing)
        if showing.current_id is None:
            raise DomainError(_("No group is presenting."))
        timer = countdown.add_time(_timer(showing), dt.timedelta(seconds=seconds))
        showing.allowed_seconds = max(0, int(timer.allowed.total_seconds()))
        showing.ends_at = timer.ends_at
        showing.left_seconds = None if timer.left is None else timer.left.total_seconds()
        showing.save()
        announce(meeting_id=showing.item.day.meeting_id, item_id=showing.item_id)
    return showing


def comparison_show(*, showing: Showing, shown: bool) -> Showing:
    """Put the comparison (common / only experts / only community) on the projector."""
    with transaction.atomic():
        Showing.objects.filter(pk=showing.pk).update(comparison_shown=shown)
        showing.comparison_shown = shown
        announce(meeting_id=showing.group_set.meeting_id, item_id=showing.item_id)
    return showing
