"""WebSocket consumers, one per audience. Thin: authorise, join, heal, forward.

On every (re)connect a screen gets the full current state from the database; events
then carry a per-meeting `seq`, and a client that sees a gap asks for `sync`.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.core.clients import client_address
from sanaksme.core.exceptions import DomainError
from sanaksme.core.jsonsafe import loads_bounded
from sanaksme.core.text import contains_control_chars, control_chars_message

from . import actions
from .actions import ActionContext
from .admission import Admission, console_connect, phone_connect, projector_connect
from .channel_groups import Audience, meeting_group
from .fanout import fanout
from .payload import parse
from .state import meeting_seq, state_for

logger = logging.getLogger(__name__)

MAX_FRAME = 4096
MAX_CONSOLE_FRAME = 64 * 1024  # the console sends minutes and the day's summary
MAX_FRAME_DEPTH = 8  # client actions nest a few levels; deeper frames are refused


class MeetingConsumer(AsyncWebsocketConsumer):  # type: ignore[misc]
    # No channel of its own: events reach a socket through the process's fan-out
    # channel (live/fanout.py). A per-socket channel would sit idle, and a Redis read
    # timeout on it closed the socket (an alias that names no layer gives none).
    channel_layer_alias = None
    audience: Audience
    meeting_id: int | None = None
    participant_id: int | None = None
    category: str | None = None
    language: str = "lv"
    max_frame: int = MAX_FRAME
    context: ActionContext  # who sends this screen's actions

    async def admit(self) -> Admission | None:
        """Who this connection is, with its first state; None closes it (deny by default)."""
        return None

    async def connect(self) -> None:
        admission = await self.admit()  # one database hop: authorise and build the state
        if admission is None:
            await self.close(code=4403)
            return
        self.meeting_id, self.language = admission.meeting_id, admission.language
        self.participant_id, self.category = admission.participant_id, admission.category
        self.context = ActionContext(self.meeting_id, self.audience, self.participant_id,
                                     self.scope.get("user"))
        self.group = meeting_group(self.meeting_id, self.audience)
        await self.accept()
        await fanout.join(self.group, self)
        await self.send(text_data=admission.state)

    async def disconnect(self, code: int) -> None:
        if self.meeting_id is not None:
            await fanout.leave(self.group, self)

    async def send_state(self) -> None:
        state, self.language = await database_sync_to_async(state_for)(
            self.meeting_id, self.audience, self.category, self.participant_id)
        await self.send(text_data=state)

    async def send_error(self, message: str, client_id: Any = None, *,
                         retry: bool = False, retry_after: float | None = None) -> None:
        """An error frame; `retry` tells a client to keep the request and send it again
        (after `retry_after` seconds), otherwise it drops it and shows the message."""
        frame: dict[str, Any] = {
            "type": "error", "message": message,
            "client_id": client_id if isinstance(client_id, str) else None,
            "retry": retry}
        if retry and retry_after is not None:
            frame["retry_after"] = retry_after
        await self.send(text_data=json.dumps(frame, ensure_ascii=False))

    async def receive(self, text_data: str | None = None,
                      bytes_data: bytes | None = None) -> None:
        with translation.override(self.language):
            try:
                if text_data is None or len(text_data) > self.max_frame:
                    raise ValueError
                data = loads_bounded(text_data, max_depth=MAX_FRAME_DEPTH)
                if not isinstance(data, dict) or not isinstance(data.get("action"), str):
                    raise ValueError
            except ValueError:
                await self.send_error(_("The message could not be read."))
                return
            if contains_control_chars(data):
                await self.send_error(control_chars_message(), data.get("client_id"))
                return
            if data["action"] == "sync":
                await self.send_state()
                return
            if data["action"] == "ping":
                # The seq lets a client notice events it missed at the end of a burst;
                # the time lets it count down against the server's clock.
                seq = await database_sync_to_async(meeting_seq)(self.meeting_id)
                await self.send(text_data=json.dumps(
                    {"type": "pong", "seq": seq, "now": datetime.now(UTC).isoformat()}))
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

    async def act(self, data: dict[str, Any]) -> None:
        """Look the action up, check who may send it, read its payload strictly, and
        run its handler in a database thread (live/actions.py)."""
        action = actions.lookup(data["action"], self.audience)
        payload = parse(action.payload, {k: v for k, v in data.items() if k != "action"})
        reply = await database_sync_to_async(action.run)(self.context, payload)
        await self.send(text_data=json.dumps(reply))


class ProjectorConsumer(MeetingConsumer):
    audience = Audience.PROJECTOR

    async def admit(self) -> Admission | None:
        kwargs = self.scope["url_route"]["kwargs"]
        admission: Admission | None = await database_sync_to_async(projector_connect)(
            kwargs["slug"], kwargs["token"])
        return admission


class ConsoleConsumer(MeetingConsumer):
    audience = Audience.CONSOLE
    max_frame = MAX_CONSOLE_FRAME

    async def admit(self) -> Admission | None:
        admission: Admission | None = await database_sync_to_async(console_connect)(
            self.scope.get("user"), self.scope["url_route"]["kwargs"]["slug"])
        return admission


class PhoneConsumer(MeetingConsumer):
    audience = Audience.PHONE

    async def admit(self) -> Admission | None:
        admission: Admission | None = await database_sync_to_async(phone_connect)(
            self.scope.get("session"), self.scope["url_route"]["kwargs"]["code"],
            client_address(self.scope))
        return admission
