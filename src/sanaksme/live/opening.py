"""Putting an agenda item on the screens, and preparing what it needs.

An app that must write something when an item opens (the boards create the item's
sheets) or when it leaves the screens (a speaking turn ends) registers it once, in its
`live.py`:

    @item_opened
    def sheets(item: AgendaItem) -> None: ...

    @item_closed
    def turn_end(item: AgendaItem) -> None: ...

Every path that makes an item current (the console, the replay) goes through
`current_item_set`, so reads of the state never write.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.services import meeting_set_current_item

ITEM_OPENED: list[Callable[[AgendaItem], None]] = []
ITEM_CLOSED: list[Callable[[AgendaItem], None]] = []


def item_opened(hook: Callable[[AgendaItem], None]) -> Callable[[AgendaItem], None]:
    """Run the decorated function whenever an item becomes the current one."""
    ITEM_OPENED.append(hook)
    return hook


def item_closed(hook: Callable[[AgendaItem], None]) -> Callable[[AgendaItem], None]:
    """Run the decorated function whenever the current item leaves the screens (for
    another item or for none)."""
    ITEM_CLOSED.append(hook)
    return hook


def current_item_set(*, meeting: Meeting, item: AgendaItem | None) -> Meeting:
    """`meeting_set_current_item`, and the hooks, in one transaction: screens are told
    after commit, so the state they fetch has what the hooks made."""
    with transaction.atomic():
        previous = (Meeting.objects.select_for_update(of=("self",))
                    .select_related("current_item__day")
                    .get(pk=meeting.pk).current_item)
        meeting = meeting_set_current_item(meeting=meeting, item=item)
        if previous is not None and (item is None or previous.pk != item.pk):
            for hook in ITEM_CLOSED:
                hook(previous)
        if item is not None:
            for hook in ITEM_OPENED:
                hook(item)
    return meeting
