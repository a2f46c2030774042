"""The registry of live actions: what a screen may ask for over its WebSocket.

Each action is declared once, in the app that owns it (`<app>/live.py`), by decorating
its handler:

    @live_action("note_submit", audiences={CONSOLE, PHONE})
    def note_submit(ctx: ActionContext, payload: NoteSubmit) -> Reply:
        ...

The wire name is the name of the service the handler calls; `payload` is a frozen
dataclass read strictly by `live.payload.parse`. A consumer looks the action up here,
checks the audience, parses the payload and runs the handler in a database thread.
The handler returns the answer frame, or None for `{"type": "done", "action": name}`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any, TypeVar, get_type_hints

from django.db import DatabaseError
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError, Retryable
from sanaksme.programme.models import AgendaItem, Meeting

from .channel_groups import Audience

CONSOLE, PHONE = Audience.CONSOLE, Audience.PHONE
Reply = dict[str, Any] | None
P = TypeVar("P")


@dataclass(frozen=True)
class ActionContext:
    """Who is asking: the connection's meeting, audience and person."""

    meeting_id: int
    audience: Audience
    participant_id: int | None = None
    user: Any = None

    @property
    def from_phone(self) -> bool:
        return self.audience is PHONE

    @property
    def phone_participant_id(self) -> int:
        """The participant holding this phone (phones only)."""
        if self.participant_id is None:
            raise DomainError(_("Unknown action."))
        return self.participant_id

    def current_item(self, *, methods: Collection[str] = (),
                     refusal: str | None = None) -> AgendaItem:
        """The agenda item on the screens now (of one of `methods`, if given)."""
        item = Meeting.objects.select_related("current_item__day__meeting").get(
            pk=self.meeting_id).current_item
        if item is None or (methods and item.method not in methods):
            raise DomainError(refusal or _("No agenda item is on the screens."))
        return item


@dataclass(frozen=True)
class LiveAction:
    name: str
    audiences: frozenset[Audience]
    payload: type[Any]
    handler: Callable[[ActionContext, Any], Reply]
    retry_on_database_error: bool = False

    def run(self, ctx: ActionContext, payload: Any) -> dict[str, Any]:
        """Call the handler; the answer frame."""
        try:
            reply = self.handler(ctx, payload)
        except DatabaseError as error:
            if not self.retry_on_database_error:
                raise
            # Busy, locked, failing over: nothing was stored; the client sends it again.
            raise Retryable(_("The server is busy; the note is sent again by itself."),
                            retry_after=2) from error
        return {"type": "done", "action": self.name} if reply is None else reply


ACTIONS: dict[str, LiveAction] = {}


def live_action(name: str, *, audiences: Collection[Audience],
                retry_on_database_error: bool = False,
                ) -> Callable[[Callable[[ActionContext, P], Reply]],
                              Callable[[ActionContext, P], Reply]]:
    """Register the decorated handler as the live action `name`; its payload type is
    the annotation of its second parameter."""
    def register(handler: Callable[[ActionContext, P], Reply]
                 ) -> Callable[[ActionContext, P], Reply]:
        if name in ACTIONS:
            raise ValueError(f"live action {name!r} is declared twice")
        payload = get_type_hints(handler)["payload"]
        ACTIONS[name] = LiveAction(name, frozenset(audiences), payload, handler,
                                   retry_on_database_error)
        return handler
    return register


def lookup(name: str, audience: Audience) -> LiveAction:
    """The action `name` if this audience may send it."""
    if audience is Audience.PROJECTOR:
        raise DomainError(_("This screen is read-only."))
    action = ACTIONS.get(name)
    if action is None or audience not in action.audiences:
        raise DomainError(_("Unknown action."))
    return action


def error_frame(message: str, client_id: Any = None, *, retry: bool = False,
                retry_after: float | None = None) -> dict[str, Any]:
    """An `error` answer; `retry` tells a client to keep the request and send it again
    (after `retry_after` seconds), otherwise it drops it and shows the message."""
    frame: dict[str, Any] = {"type": "error", "message": message,
                             "client_id": client_id if isinstance(client_id, str) else None,
                             "retry": retry}
    if retry and retry_after is not None:
        frame["retry_after"] = retry_after
    return frame


def done(name: str, **extra: Any) -> dict[str, Any]:
    """A `done` answer with extra fields (`client_id`, `reply_id`)."""
    return {"type": "done", "action": name, **extra}
