"""How many phones are connected to a meeting: a count on the console, never names.

The phone consumer counts its sockets in the cache (Redis when several processes run,
so the count is the meeting's, not one process's). A burst of joins — a room scanning
the QR code at once — is counted, recorded for today's attendance and announced once:
the first change starts a short wait, then one database step adds up the burst and
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

from sanaksme.participants.services import attendance_record_seen_many
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
_delta: dict[int, int] = {}  # meeting → sockets opened minus closed, not yet counted
_seen: dict[int, set[int]] = {}  # meeting → participants connected, not yet recorded


def phones_record(*, meeting_id: int, delta: int, seen: set[int],
                  announce: bool) -> None:
    """Count `delta` more sockets, record who was seen today, and (if `announce`)
    tell the console: one trip to the cache and the database for a whole burst."""
    if delta:
        key = _count_key(meeting_id)
        cache.add(key, 0, KEPT)
        try:
            cache.incr(key, delta)
        except ValueError:  # expired between the two calls
            cache.set(key, max(delta, 0), KEPT)
    if seen:
        attendance_record_seen_many(participant_ids=seen)
    if announce:
        phones_announce(meeting_id=meeting_id)


async def phone_counted(meeting_id: int, step: int,
                        participant_id: int | None = None) -> None:
    """A phone's socket opened (+1) or closed (-1). Counted, with the participant
    recorded as attending today, after the wait (`SANAKSME_PHONES_WAIT` seconds),
    together with every other phone of the burst: a room scanning the QR code at once
    costs one database step, not one per phone (docs/performance.md). None: at once
    and never announced, as in the consumer tests, whose phones must not see extra
    seqs."""
    _delta[meeting_id] = _delta.get(meeting_id, 0) + step
    if participant_id is not None and step > 0:
        _seen.setdefault(meeting_id, set()).add(participant_id)
    wait = getattr(settings, "SANAKSME_PHONES_WAIT", DEFAULT_WAIT)
    if wait is None:
        await _record(meeting_id, announce=False)
        return
    if meeting_id in _waiting:
        return
    loop = asyncio.get_running_loop()
    _waiting[meeting_id] = loop.call_later(wait, _start_record, loop, meeting_id)


def _start_record(loop: asyncio.AbstractEventLoop, meeting_id: int) -> None:
    _waiting.pop(meeting_id, None)
    task = loop.create_task(_record(meeting_id, announce=True))
    _running.add(task)
    task.add_done_callback(_running.discard)


async def _record(meeting_id: int, *, announce: bool) -> None:
    delta, seen = _delta.pop(meeting_id, 0), _seen.pop(meeting_id, set())
    try:
        await database_sync_to_async(phones_record)(
            meeting_id=meeting_id, delta=delta, seen=seen, announce=announce)
    except Exception:  # a deleted meeting, a busy database: the next change tells it
        logger.warning("could not record the phones", exc_info=True)
        _delta[meeting_id] = _delta.get(meeting_id, 0) + delta


@state_part("presence")
def presence(screen: Screen) -> Any:
    """The console's count of connected phones."""
    if not screen.console:
        return OMIT
    return {"phones": phones_connected(screen.meeting.pk)}
