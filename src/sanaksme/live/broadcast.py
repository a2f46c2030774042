"""Announce events after the transaction that caused them commits.

A rolled-back change is never announced (Zulip's send_event_on_commit idea).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from asgiref.sync import SyncToAsync, async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

from .channel_groups import Audience, meeting_group
from .events import Event

ALL_AUDIENCES = (Audience.CONSOLE, Audience.PROJECTOR, Audience.PHONE)


def _send(event: Event, audiences: Iterable[Audience]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    message = event.to_message()  # the client JSON, serialised once
    # Members of each group are processes (live.fanout), not single sockets.
    sends = [(group, {**message, "type": "fanout.deliver", "group": group})
             for group in (meeting_group(event.meeting_id, a) for a in audiences)]
    loop = getattr(SyncToAsync.threadlocal, "main_event_loop", None)
    if isinstance(layer, InMemoryChannelLayer) and loop is not None and loop.is_running():
        # Inside a consumer's database thread: hand the sends to the event loop and go
        # on writing; the in-memory layer queues them in call order, so order holds.
        for group, body in sends:
            loop.call_soon_threadsafe(_schedule, loop, layer, group, body)
        return
    for group, body in sends:
        async_to_sync(layer.group_send)(group, body)


def _schedule(loop: asyncio.AbstractEventLoop, layer: InMemoryChannelLayer, group: str,
              body: dict[str, Any]) -> None:
    task = loop.create_task(layer.group_send(group, body))
    _pending.add(task)
    task.add_done_callback(_pending.discard)


_pending: set[asyncio.Task[None]] = set()  # keep references until the sends are done


def broadcast_on_commit(
    event: Event, audiences: Iterable[Audience] = ALL_AUDIENCES
) -> None:
    """Send `event` to each audience's channel group once the transaction commits."""
    chosen = tuple(audiences)
    transaction.on_commit(lambda: _send(event, chosen))
