"""How many phones are connected to a meeting: a count on the console, never names.

The phone consumer counts its sockets in the cache (Redis when several processes run,
so the count is the meeting's, not one process's). A burst of joins — a room scanning
the QR code at once — is announced once: the first change starts a short wait, then
`phones_announce` tells the console the count if it differs from the last one told.
It takes a seq like any change, so the console's cached state (built per seq) never
shows an old count for long; the other screens only see their seq move on.

A process that dies without closing its sockets leaves its phones counted until the
count key expires (a day); the count never goes below zero.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from channels.db import database_sync_to_async
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from sanaksme.programme.services import meeting_next_seq

from .broadcast import broadcast_on_commit
from .channel_groups import Audience
from .events import PresenceChanged, SeqAdvanced
from .state import OMIT, Screen, state_part

logger = logging.getLogger(__name__)
KEPT = 24 * 3600  # seconds the count and the last announced count are kept
DEFAULT_WAIT = 2.0  # seconds from the first change of a burst to its announcement


def _count_key(meeting_id: int) -> str:
    return f"sanaksme:phones:{meeting_id}"


def _told_key(meeting_id: int) -> str:
    return f"sanaksme:phones-told:{meeting_id}"


def phones_connected(meeting_id: int) -> int:
    """The meeting's connected phones (sockets) now."""
    return max(0, int(cache.get(_count_key(meeting_id), 0)))


def phones_announce(*, meeting_id: int) -> int | None:
    """Tell the console how many phones are connected, if that changed since it was
    last told; returns the seq taken (None: nothing to tell)."""
    count = phones_connected(meeting_id)
    if cache.get(_told_key(meeting_id)) == count:
        return None
    with transaction.atomic():
        seq = meeting_next_seq(meeting_id=meeting_id)
        broadcast_on_commit(PresenceChanged(meeting_id=meeting_id, seq=seq, phones=count),
                            [Audience.CONSOLE])
        broadcast_on_commit(SeqAdvanced(meeting_id=meeting_id, seq=seq),
                            [Audience.PROJECTOR, Audience.PHONE])
    cache.set(_told_key(meeting_id), count, KEPT)
    return seq


_waiting: dict[int, asyncio.TimerHandle] = {}
_running: set[asyncio.Task[Any]] = set()


async def phone_counted(meeting_id: int, step: int) -> None:
    """A phone's socket opened (+1) or closed (-1): count it, and announce the new
    count after the wait (`SANAKSME_PHONES_WAIT` seconds; None: never, as in the
    consumer tests, whose phones must not see extra seqs)."""
    key = _count_key(meeting_id)
    await cache.aadd(key, 0, KEPT)
    try:
        await cache.aincr(key, step)
    except ValueError:  # expired between the two calls
        await cache.aset(key, max(step, 0), KEPT)
    wait = getattr(settings, "SANAKSME_PHONES_WAIT", DEFAULT_WAIT)
    if wait is None or meeting_id in _waiting:
        return
    loop = asyncio.get_running_loop()
    _waiting[meeting_id] = loop.call_later(wait, _start_announce, loop, meeting_id)


def _start_announce(loop: asyncio.AbstractEventLoop, meeting_id: int) -> None:
    _waiting.pop(meeting_id, None)
    task = loop.create_task(_announce(meeting_id))
    _running.add(task)
    task.add_done_callback(_running.discard)


async def _announce(meeting_id: int) -> None:
    try:
        await database_sync_to_async(phones_announce)(meeting_id=meeting_id)
    except Exception:  # a deleted meeting, a busy database: the next change tells it
        logger.warning("could not announce the phone count", exc_info=True)


@state_part("presence")
def presence(screen: Screen) -> Any:
    """The console's count of connected phones."""
    if not screen.console:
        return OMIT
    return {"phones": phones_connected(screen.meeting.pk)}
