"""WebSocket consumers, one per audience. Thin: authorise, join, heal, forward.

On every (re)connect a screen gets the full current state from the database; events
then carry a per-meeting `seq`, and a client that sees a gap asks for `sync`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.core.clients import client_address
from sanaksme.core.exceptions import DomainError
from sanaksme.core.logs import log_socket
from sanaksme.core.text import contains_control_chars, control_chars_message

from . import actions
from .actions import ActionContext
from .admission import Admission, console_connect, phone_connect, projector_connect
from .channel_groups import Audience, meeting_group
from .fanout import fanout
from .languages import Wish
from .payload import parse, read_frame, unreadable
from .presence import phone_counted
from .state import meeting_seq, pong_for, pong_frame, state_for

logger = logging.getLogger(__name__)

MAX_FRAME = 4096
MAX_CONSOLE_FRAME = 64 * 1024  # the console sends minutes and the day's summary
MAX_FRAME_DEPTH = 8  # client actions nest a few levels; deeper frames are refused
# Connections waiting for their admission (a database step each, in arrival order on
# Channels' database thread) beyond which new ones are refused at once: past it a
# handshake would wait longer than Daphne lets it (core serve.py), and time out.
MAX_ADMITTING = 10_000
_admitting = 0
# A pong's seq may be this many seconds old: a client that missed the last event of a
# burst learns it from a later ping instead (docs/events.md).
PONG_SEQ_SECONDS = 1.0
_seqs: dict[int, tuple[float, int]] = {}  # meeting → (when read, its seq then)


class MeetingConsumer(AsyncWebsocketConsumer):  # type: ignore[misc]
    # No channel of its own: events reach a socket through the process's fan-out
    # channel (live/fanout.py). A per-socket channel would sit idle, and a Redis read
    # timeout on it closed the socket (an alias that names no layer gives none).
    channel_layer_alias = None
    audience: Audience
    meeting_id: int | None = None
    slug: str = ""
    participant_id: int | None = None
    category: str | None = None
    language: str = "lv"
    max_frame: int = MAX_FRAME
    context: ActionContext  # who sends this screen's actions

    async def admit(self) -> Admission | None:
        """Who this connection is, with its first state; None closes it (deny by default)."""
        return None

    async def dispatch(self, message: dict[str, Any]) -> None:
        """As Channels' own, without its `aclose_old_connections()` before each message:
        a hop to the one database thread for every connect, ping and note, queued
        behind the room's other steps. Every database step here goes through
        `database_sync_to_async`, which closes old connections around itself."""
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self) -> None:
        global _admitting  # per process, touched only on its event loop
        started = time.perf_counter()
        if _admitting >= int(getattr(settings, "SANAKSME_MAX_ADMITTING", MAX_ADMITTING)):
            # Shed, early and cheaply: refused before the handshake ends, the phone
            # tries again after a growing, jittered wait (live/connection.js).
            await self.close()
            log_socket("shed", meeting=None, audience=self.audience.value)
            return
        _admitting += 1
        try:  # one database hop: authorise and build the state
            admission = await self.admit()
        finally:
            _admitting -= 1
        if admission is None:
            await self.close(code=4403)
            log_socket("refused", meeting=None, audience=self.audience.value, code=4403)
            return
        self.slug = admission.slug
        self.meeting_id, self.language = admission.meeting_id, admission.language
        self.participant_id, self.category = admission.participant_id, admission.category
        self.context = ActionContext(self.meeting_id, self.audience, self.participant_id,
                                     self.scope.get("user"))
        self.group = meeting_group(self.meeting_id, self.audience)
        await self.accept()
        seen = await fanout.join(self.group, self)
        await self.send(text_data=admission.state)
        await self._catch_up(admission.seq, seen)
        log_socket("connect", meeting=self.slug, audience=self.audience.value,
                   ms=round((time.perf_counter() - started) * 1000, 1))

    async def _catch_up(self, read: int, seen: int | None) -> None:
        """Events committed after the admission read the state but before this socket
        joined its group never reach it, and the client would wait for the next ping
        (15 s) to notice. So: if this process has delivered a later event to the group
        (`seen`), or, when it has only now subscribed, the meeting's seq has moved since,
        the state is sent again. The extra database read happens only for the first
        screen of a meeting and audience in a process."""
        if seen is None:
            seen = await database_sync_to_async(meeting_seq)(int(self.meeting_id or 0))
        if seen > read:
            await self.send_state()

    async def disconnect(self, code: int) -> None:
        if self.meeting_id is not None:
            await fanout.leave(self.group, self)
            log_socket("close", meeting=self.slug, audience=self.audience.value, code=code)

    async def send_state(self) -> None:
        state, self.language = await database_sync_to_async(state_for)(
            self.meeting_id, self.audience, self.category, self.participant_id,
            Wish.from_scope(self.scope))
        await self.send(text_data=state)

    async def send_error(self, message: str, client_id: Any = None, *,
                         retry: bool = False, retry_after: float | None = None) -> None:
        await self.send(text_data=json.dumps(actions.error_frame(
            message, client_id, retry=retry, retry_after=retry_after), ensure_ascii=False))

    async def receive(self, text_data: str | None = None,
                      bytes_data: bytes | None = None) -> None:
        with translation.override(self.language):
            data = read_frame(text_data, max_size=self.max_frame, max_depth=MAX_FRAME_DEPTH)
            if data is None:
                await self.send_error(unreadable(text_data, max_size=self.max_frame))
                return
            if contains_control_chars(data):
                await self.send_error(control_chars_message(), data.get("client_id"))
                return
            if data["action"] == "sync":
                await self.send_state()
                return
            if data["action"] == "ping":
                await self.send(text_data=json.dumps(await self.pong()))
                return
            try:
                await self.act(data)
            except DomainError as error:
                await self.send_error(error.message, data.get("client_id"),
                                      retry=error.retry, retry_after=error.retry_after)
            except Exception:  # answered, not crashed: the client sends it again
                logger.exception("Live action %r failed", data.get("action"))
                await self.send_error(
                    _("Something went wrong on the server; try again in a moment."),
                    data.get("client_id"), retry=True, retry_after=5)

    async def pong(self) -> dict[str, Any]:
        """The answer to a ping. Every phone pings every 15 s: the meeting's seq is
        read at most once per PONG_SEQ_SECONDS per process, not once per ping."""
        meeting_id = int(self.meeting_id or 0)  # set: a socket speaks once admitted
        age = float(getattr(settings, "SANAKSME_PONG_SEQ_SECONDS", PONG_SEQ_SECONDS))
        now = time.monotonic()
        seen = _seqs.get(meeting_id)
        if seen is not None and now - seen[0] < age:
            return pong_frame(seen[1])
        pong: dict[str, Any] = await database_sync_to_async(pong_for)(meeting_id)
        _seqs[meeting_id] = (now, pong["seq"])
        return pong

    async def act(self, data: dict[str, Any]) -> None:
        """Look the action up, check the audience, read the payload strictly, and run
        the handler in a database thread (live/actions.py)."""
        action = actions.lookup(data["action"], self.audience)
        payload = parse(action.payload, {k: v for k, v in data.items() if k != "action"})
        reply = await database_sync_to_async(action.run)(self.context, payload)
        await self.send(text_data=json.dumps(reply))


async def _admit(connect: Callable[..., Admission | None], *args: Any) -> Admission | None:
    admission: Admission | None = await database_sync_to_async(connect)(*args)
    return admission


class ProjectorConsumer(MeetingConsumer):
    audience = Audience.PROJECTOR

    async def admit(self) -> Admission | None:
        kwargs = self.scope["url_route"]["kwargs"]
        return await _admit(projector_connect, kwargs["slug"], kwargs["token"],
                            Wish.from_scope(self.scope))


class ConsoleConsumer(MeetingConsumer):
    audience = Audience.CONSOLE
    max_frame = MAX_CONSOLE_FRAME

    async def admit(self) -> Admission | None:
        return await _admit(console_connect, self.scope.get("user"),
                            self.scope["url_route"]["kwargs"]["slug"],
                            Wish.from_scope(self.scope))


class PhoneConsumer(MeetingConsumer):
    audience = Audience.PHONE

    async def connect(self) -> None:
        await super().connect()
        if self.meeting_id is not None:  # admitted: counted, and attending today
            await phone_counted(self.meeting_id, +1, self.participant_id)

    async def disconnect(self, code: int) -> None:
        await super().disconnect(code)
        if self.meeting_id is not None:
            await phone_counted(self.meeting_id, -1)

    async def admit(self) -> Admission | None:
        return await _admit(phone_connect, self.scope.get("session"),
                            self.scope["url_route"]["kwargs"]["code"],
                            client_address(self.scope), Wish.from_scope(self.scope))
