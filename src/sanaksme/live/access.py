"""The synchronous side of the consumers: who may connect, the state, note intents.

Consumers call these through `database_sync_to_async`; they call services and
selectors only, never write models themselves.
"""

from __future__ import annotations

import json
import secrets
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import DatabaseError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.boards.permissions import access_note, access_sheet
from sanaksme.boards.selectors import live_state
from sanaksme.boards.services import (
    note_hide,
    note_merge,
    note_show,
    note_submit,
    note_unmerge,
    reply_create,
    reply_submit,
    sheet_reveal,
)
from sanaksme.core.clients import Throttle, session_device
from sanaksme.core.exceptions import DomainError, Retryable
from sanaksme.groups.selectors import GROUP_METHODS, groups_state, my_group_id
from sanaksme.participants.selectors import session_participant
from sanaksme.participants.services import attendance_record_seen
from sanaksme.presenting.selectors import has_presenting, presenting_state
from sanaksme.presenting.services import (
    screen_clear,
    slide_show,
    summary_show,
    summary_write,
    video_play,
    video_show,
)
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.selectors import meeting_list_for_user
from sanaksme.speaking.selectors import speaking_state
from sanaksme.speaking.services import (
    SPEAKING_METHODS,
    hand_lower,
    hand_raise,
    round_arrange,
    round_get_or_create,
    round_show_key_points,
    round_skip,
    turn_add_time,
    turn_call,
    turn_next,
    turn_pause,
    turn_resume,
    turn_write,
)

from .channel_groups import Audience


@dataclass(frozen=True)
class Admission:
    """Who a new connection is, and the state to send it first (one database hop)."""

    meeting_id: int
    language: str
    state: str
    participant_id: int | None = None
    category: str | None = None


_Entry = tuple[dict[str, Any], str]
_Key = tuple[int, str, str, int, bool | None, int | None]
_STATES: OrderedDict[_Key, _Entry] = OrderedDict()
_STATES_KEPT = 64
_MEETING_BY_CODE: dict[str, int] = {}  # join codes never change
JOIN_THROTTLE = Throttle("join")  # the same counters as the join pages


def meeting_seq(meeting_id: int) -> int:
    return int(Meeting.objects.values_list("last_seq", flat=True).get(pk=meeting_id))


def state_for(meeting_id: int, audience: Audience, category: str | None = None,
              participant_id: int | None = None) -> tuple[str, str]:
    """The screen's full state as JSON, and the meeting's language.

    Built once per meeting, audience, language and `seq` (for phones, also per "may
    reply" and per small group): when 500 phones (re)connect at once they share one
    build. Every change takes a new seq, so a stored state never goes stale.
    """
    seq, language = Meeting.objects.values_list("last_seq", "language").get(pk=meeting_id)
    base = (meeting_id, audience.value, language, seq)
    entry = _STATES.get((*base, None, None))
    if entry is None:
        with translation.override(language):
            meeting = Meeting.objects.select_related("current_item__day").get(pk=meeting_id)
            data = live_state(meeting, console=audience is Audience.CONSOLE)
            item = meeting.current_item
            if item is not None and item.method in SPEAKING_METHODS:
                data["speaking"] = speaking_state(item, console=audience is Audience.CONSOLE)
            if item is not None and has_presenting(item):
                data["presenting"] = presenting_state(
                    item, url_for=_file_url(meeting, audience),
                    console=audience is Audience.CONSOLE)
                if audience is Audience.CONSOLE:
                    data["presenting"]["materials_url"] = reverse(
                        "presenting:materials", args=[meeting.slug, item.pk])
            if item is not None and item.method in GROUP_METHODS:
                # Phones get their own group's part below, never the others'.
                data["groups"] = (None if audience is Audience.PHONE
                                  else groups_state(item, audience=audience.value))
        entry = (data, json.dumps(data, ensure_ascii=False))
        if data["seq"] == seq:
            _remember((*base, None, None), entry)
    data, text = entry
    if category is None:
        return text, language
    can_reply = category in (data.get("item") or {}).get("repliers", [])
    group_id = None
    if "groups" in data and participant_id is not None:
        group_id = _my_group(meeting_id, participant_id)
    personal = _STATES.get((*base, can_reply, group_id))
    if personal is None:
        extra: dict[str, Any] = {"can_reply": can_reply}
        if "groups" in data:
            with translation.override(language):
                item = AgendaItem.objects.select_related("day").get(pk=data["item"]["id"])
                extra["groups"] = groups_state(item, audience="phone", group_id=group_id)
        personal = (data, json.dumps({**data, **extra}, ensure_ascii=False))
        if data["seq"] == seq:
            _remember((*base, can_reply, group_id), personal)
    return personal[1], language


def _my_group(meeting_id: int, participant_id: int) -> int | None:
    item = Meeting.objects.select_related("current_item__day").get(pk=meeting_id).current_item
    return None if item is None else my_group_id(item, participant_id)


def _file_url(meeting: Meeting, audience: Audience) -> Callable[[str], str]:
    """Slide and video addresses for this screen: the console's need a login, the
    projector's carry its token; phones get none (they show the slide number only)."""
    def url(key: str) -> str:
        if audience is Audience.CONSOLE:
            return reverse("presenting:console-file", args=[meeting.slug, key])
        if audience is Audience.PROJECTOR:
            return reverse("presenting:projector-file",
                           args=[meeting.slug, meeting.projector_token, key])
        return ""
    return url


def _remember(key: _Key, entry: _Entry) -> None:
    _STATES[key] = entry
    while len(_STATES) > _STATES_KEPT:
        _STATES.popitem(last=False)


def projector_connect(slug: str, token: str) -> Admission | None:
    meeting = Meeting.objects.filter(slug=slug).only("pk", "projector_token").first()
    if meeting is None or not secrets.compare_digest(meeting.projector_token, token):
        return None
    state, language = state_for(meeting.pk, Audience.PROJECTOR)
    return Admission(meeting.pk, language, state)


def console_connect(user: Any, slug: str) -> Admission | None:
    if user is None or not user.is_authenticated:
        return None
    meeting_id = meeting_list_for_user(user).filter(slug=slug).values_list(
        "pk", flat=True).first()
    if meeting_id is None:
        return None
    state, language = state_for(meeting_id, Audience.CONSOLE)
    return Admission(meeting_id, language, state)


def phone_connect(session: Any, code: str, address: str = "") -> Admission | None:
    """A phone holding a registered identity in an open meeting; anything else is
    refused alike. Unknown codes count against the client (core.clients.Throttle)."""
    code = code.upper()
    device = session_device(session)
    if JOIN_THROTTLE.locked(address, device):
        return None
    meeting_id = _MEETING_BY_CODE.get(code)
    if meeting_id is None:
        meeting_id = Meeting.objects.filter(join_code=code).values_list(
            "pk", flat=True).first()
        if meeting_id is None:
            JOIN_THROTTLE.wrong(address, device)
            return None
        _MEETING_BY_CODE[code] = meeting_id
    # Only the phone that holds the identity, and only while the meeting is open.
    person = session_participant(session, meeting_id) if session is not None else None
    if person is None:
        return None
    attendance_record_seen(participant_id=person[0])
    state, language = state_for(meeting_id, Audience.PHONE, person[1], person[0])
    return Admission(meeting_id, language, state, *person)


def _ack(note: Any, client_id: Any) -> dict[str, Any]:
    return {"type": "ack", "client_id": client_id, "note_id": note.pk, "seq": note.seq}


def phone_note(meeting_id: int, participant_id: int, data: dict[str, Any]) -> dict[str, Any]:
    try:
        note = note_submit(meeting_id=meeting_id, sheet_id=data.get("sheet"),
                           column=data.get("column"), text=data.get("text"),
                           client_id=data.get("client_id"), author_id=participant_id,
                           anonymous=bool(data.get("anonymous")))
    except DatabaseError as error:  # busy, locked, failing over: nothing was stored
        raise Retryable(_("The server is busy; the note is sent again by itself."),
                        retry_after=2) from error
    return _ack(note, data.get("client_id"))


def console_moderate(meeting_id: int, user: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Hide, show, merge, unmerge, reply or reveal, from the console."""
    action = data["action"]
    if action == "sheet.reveal":
        sheet = access_sheet(meeting_id, data.get("sheet"))
        sheet_reveal(sheet=sheet, revealed=bool(data.get("revealed")))
        return {"type": "done", "action": action}
    note = access_note(meeting_id, data.get("note"))
    if action == "note.hide":
        note_hide(note=note, actor=user, reason=str(data.get("reason") or ""))
    elif action == "note.show":
        note_show(note=note, actor=user)
    elif action == "note.merge":
        note_merge(note=note, into=access_note(meeting_id, data.get("into")), actor=user)
    elif action == "note.unmerge":
        note_unmerge(note=note, actor=user)
    elif action == "reply.add":
        reply_create(note=note, kind=str(data.get("kind") or ""),
                     text=str(data.get("text") or ""),
                     client_id=str(data.get("client_id") or "")[:64] or _missing_id())
    else:
        raise DomainError(_("Unknown action."))
    return {"type": "done", "action": action, "client_id": data.get("client_id")}


def _missing_id() -> str:
    raise DomainError(_("The message is incomplete."))


def phone_reply(meeting_id: int, participant_id: int, data: dict[str, Any]) -> dict[str, Any]:
    reply = reply_submit(meeting_id=meeting_id, note_id=data.get("note"),
                         kind=data.get("kind"), text=data.get("text"),
                         client_id=data.get("client_id"), author_id=participant_id)
    return {"type": "done", "action": "reply.add", "client_id": data.get("client_id"),
            "reply_id": reply.pk}


SPEAKING_ACTIONS = ("turn.next", "turn.back", "turn.pause", "turn.resume", "turn.add",
                    "turn.call", "turn.write", "hand.add", "round.key_points",
                    "round.arrange", "round.skip")


def console_speaking(meeting_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Next / back / pause / resume / extra time in the current tour de table."""
    round_ = _current_round(meeting_id)
    action = data["action"]
    expected = data.get("expected")
    expected = expected if isinstance(expected, int) and not isinstance(expected, bool) else None
    if action == "turn.call":
        turn_call(round_=round_, expected=expected, hand_id=as_int(data.get("hand")))
    elif action == "turn.write":
        points = data.get("key_points")
        turn_write(round_=round_, turn_id=as_int(data.get("turn")),
                   minutes=str(data.get("minutes") or ""),
                   key_points=[str(p) for p in points] if isinstance(points, list) else [])
    elif action == "hand.add":
        hand_raise(round_=round_, participant_id=as_int(data.get("participant")),
                   by_facilitator=True)
    elif action == "round.arrange":
        order = data.get("order")
        if not isinstance(order, list) or len(order) > 1000:
            raise DomainError(_("The message is incomplete."))
        round_arrange(round_=round_, order=[as_int(pid) for pid in order])
    elif action == "round.skip":
        round_skip(round_=round_, participant_id=as_int(data.get("participant")),
                   skipped=as_bool(data.get("skipped")))
    elif action == "round.key_points":
        round_show_key_points(round_=round_, show=as_bool(data.get("show")))
    elif action in ("turn.next", "turn.back"):
        turn_next(round_=round_, expected=expected, step=1 if action == "turn.next" else -1)
    elif action == "turn.pause":
        turn_pause(round_=round_)
    elif action == "turn.resume":
        turn_resume(round_=round_)
    else:
        seconds = data.get("seconds")
        if not isinstance(seconds, int) or isinstance(seconds, bool):
            raise DomainError(_("The message is incomplete."))
        turn_add_time(round_=round_, seconds=seconds)
    return {"type": "done", "action": action}


def as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise DomainError(_("The message is incomplete."))


def as_int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise DomainError(_("The message is incomplete."))


def _current_round(meeting_id: int) -> Any:
    item = Meeting.objects.select_related("current_item__day").get(
        pk=meeting_id).current_item
    if item is None:
        raise DomainError(_("No agenda item is on the screens."))
    return round_get_or_create(item=item)


PRESENTING_ACTIONS = ("slide.show", "video.show", "video.play", "screen.clear",
                      "summary.write", "summary.show")


def console_presenting(meeting_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Slides, video and summary on the projector, from the console."""
    item = Meeting.objects.select_related("current_item__day").get(pk=meeting_id).current_item
    if item is None:
        raise DomainError(_("No agenda item is on the screens."))
    action = data["action"]
    if action == "slide.show":
        slide_show(item=item, deck_id=as_int(data.get("deck")), page=as_int(data.get("page")))
    elif action == "video.show":
        video_show(item=item, video_id=as_int(data.get("video")))
    elif action == "video.play":
        video_play(item=item, playing=as_bool(data.get("playing")))
    elif action == "screen.clear":
        screen_clear(item=item)
    elif action == "summary.write":
        text = data.get("text")
        if not isinstance(text, str):
            raise DomainError(_("The message is incomplete."))
        summary_write(item=item, text=text)
    else:
        summary_show(item=item, shown=as_bool(data.get("shown")))
    return {"type": "done", "action": action}


def phone_hand(meeting_id: int, participant_id: int, data: dict[str, Any]) -> dict[str, Any]:
    """Raise or lower this phone's hand in the current discussion."""
    round_ = _current_round(meeting_id)
    if data["action"] == "hand.raise":
        hand_raise(round_=round_, participant_id=participant_id)
    else:
        hand_lower(round_=round_, participant_id=participant_id)
    return {"type": "done", "action": data["action"]}


def console_note(meeting_id: int, data: dict[str, Any]) -> dict[str, Any]:
    author = data.get("author")
    note = note_submit(meeting_id=meeting_id, sheet_id=data.get("sheet"),
                       column=data.get("column"), text=data.get("text"),
                       client_id=data.get("client_id"),
                       author_id=author if isinstance(author, int) else None,
                       anonymous=not isinstance(author, int), typed_by_facilitator=True)
    return _ack(note, data.get("client_id"))
