"""Fan-out per process: one channel-layer message per process, one JSON per event.

Stock Channels gives every WebSocket its own channel: an event for 500 phones is 500
channel-layer messages, 500 consumer dispatches (each with a database-thread hop), and
a full per-channel buffer silently drops messages. Here each process subscribes ONE
channel of its own to a meeting's channel group while it has local screens of that
audience, and writes the already-serialised JSON straight to each local socket.
With Redis this is one message per process and audience, whatever the number of phones.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from typing import Any, Protocol

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)
RETRY_FIRST, RETRY_MAX = 0.2, 5.0  # seconds between receive attempts after a failure

class Screen(Protocol):
    async def send(self, text_data: str | None = None) -> None: ...


class ProcessFanout:
    """The local screens of this process, by channel-group name."""

    def __init__(self) -> None:
        self.members: dict[str, set[Screen]] = defaultdict(set)
        # The highest seq this process delivered per group: a screen that joins after
        # its state was read can tell whether it missed an event (`join`).
        self.seen: dict[str, int] = {}
        self.channel: str | None = None
        self.pump: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self.lock = asyncio.Lock()

    async def _start(self) -> None:
        loop = asyncio.get_running_loop()
        if self.channel is not None and self.loop is loop and self.pump and not self.pump.done():
            return
        # A new event loop (tests run each in its own) needs a fresh channel and pump.
        self.members.clear()
        self.seen.clear()
        self.loop = loop
        # The default prefix matters with Redis: channels_redis reads all of a process's
        # channels through one receive loop per prefix, and a second prefix would wait.
        self.channel = await get_channel_layer().new_channel()
        self.pump = loop.create_task(self._run(self.channel))

    async def join(self, group: str, screen: Screen) -> int | None:
        """Add a local screen to its group. Returns the highest seq this process has
        delivered to the group, or None when this process has only now subscribed
        (events sent before that never reached it: the caller reads the seq itself)."""
        async with self._lock():
            await self._start()
            first = not self.members[group]
            self.members[group].add(screen)
            if first:
                await get_channel_layer().group_add(group, self.channel)
                return None
            return self.seen.get(group, 0)

    async def leave(self, group: str, screen: Screen) -> None:
        async with self._lock():
            screens = self.members.get(group)
            if not screens:
                return
            screens.discard(screen)
            if not screens:
                del self.members[group]
                self.seen.pop(group, None)
                if self.channel is not None:
                    await get_channel_layer().group_discard(group, self.channel)

    def _lock(self) -> asyncio.Lock:
        if self.loop is not asyncio.get_running_loop():
            self.lock = asyncio.Lock()
        return self.lock

    async def _run(self, channel: str) -> None:
        """Deliver until cancelled. A failing channel layer (a Redis read timeout on a
        loaded machine, a restart) must not end the pump: wait, then carry on, and let
        every local screen rebuild from the database, as events may have been missed."""
        layer = get_channel_layer()
        pause = RETRY_FIRST
        while True:
            try:
                message = await layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception:  # any layer failure: keep the pump alive
                logger.warning("channel layer receive failed; retrying", exc_info=True)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RETRY_MAX)
                await self.heal_all()
                continue
            pause = RETRY_FIRST
            await self.deliver(message)

    async def heal_all(self) -> None:
        """Every local screen gets its full state again from the database."""
        for screen in {s for screens in list(self.members.values()) for s in screens}:
            heal = getattr(screen, "send_state", None)
            if heal is None:
                continue
            try:
                await heal()
            except Exception:  # a closing socket must not stop the others
                logger.debug("could not heal a screen", exc_info=True)

    async def deliver(self, message: dict[str, Any]) -> None:
        """Write one event's JSON to every local screen of its channel group."""
        data = message.get("json")
        group = message.get("group", "")
        seq = message.get("seq")
        if isinstance(seq, int) and group in self.members:
            self.seen[group] = max(seq, self.seen.get(group, 0))
        for screen in list(self.members.get(group, ())):
            try:
                await screen.send(text_data=data)
            except Exception:  # a socket closing mid-write must not stop the others
                logger.debug("dropping a closed screen", exc_info=True)


fanout = ProcessFanout()
