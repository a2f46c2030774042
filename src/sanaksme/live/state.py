"""A screen's full state, assembled from the parts the apps register, and cached.

Each app contributes its part once, in its `live.py`:

    @state_part("speaking")
    def speaking(screen: Screen) -> Any:   # OMIT leaves the key out
        ...

    @phone_part("can_reply")
    def can_reply(phone: Phone) -> Hashable:   # a phone's own part: its cache key
        ...

The state is built once per meeting, audience, language and `seq`; a phone's personal
parts once more per distinct set of their keys (e.g. "may reply" and its small group):
when 500 phones (re)connect at once they share a few builds. Every change takes a new
seq, so a stored state never goes stale. Reads never write.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any

from django.utils import translation

from sanaksme.programme.models import AgendaItem, Meeting

from .channel_groups import Audience
from .languages import Wish


class Omit:
    """What a part returns to be left out of the state."""


OMIT = Omit()


@dataclass(frozen=True)
class Screen:
    """What a state part reads: the meeting, its current item and the audience."""

    meeting: Meeting
    item: AgendaItem | None
    audience: Audience

    @property
    def console(self) -> bool:
        return self.audience is Audience.CONSOLE


class Phone:
    """One phone's facts, for its personal parts; `shared` is the audience's state."""

    def __init__(self, shared: dict[str, Any], participant_id: int | None,
                 category: str) -> None:
        self.shared, self.participant_id, self.category = shared, participant_id, category

    @cached_property
    def item(self) -> AgendaItem | None:
        found = self.shared.get("item")
        return None if found is None else AgendaItem.objects.select_related(
            "day__meeting").get(pk=found["id"])


@dataclass(frozen=True)
class PhonePart:
    name: str
    key: Callable[[Phone], Hashable]
    build: Callable[[Phone, Any], Any] | None  # None: the key is the value


STATE_PARTS: dict[str, Callable[[Screen], Any]] = {}
PHONE_PARTS: dict[str, PhonePart] = {}


def state_part(name: str) -> Callable[[Callable[[Screen], Any]], Callable[[Screen], Any]]:
    """Register the decorated function as the part `name` of every screen's state."""
    def register(build: Callable[[Screen], Any]) -> Callable[[Screen], Any]:
        if name in STATE_PARTS:
            raise ValueError(f"state part {name!r} is declared twice")
        STATE_PARTS[name] = build
        return build
    return register


def phone_part(name: str, *, build: Callable[[Phone, Any], Any] | None = None
               ) -> Callable[[Callable[[Phone], Hashable]], Callable[[Phone], Hashable]]:
    """Register a phone's own part `name`: the decorated function gives its cache key
    (OMIT: no such part); `build(phone, key)` its value (default: the key itself)."""
    def register(key: Callable[[Phone], Hashable]) -> Callable[[Phone], Hashable]:
        PHONE_PARTS[name] = PhonePart(name, key, build)
        return key
    return register


_Entry = tuple[dict[str, Any], str]
_STATES: OrderedDict[tuple[Hashable, ...], _Entry] = OrderedDict()
_STATES_KEPT = 64


def meeting_seq(meeting_id: int) -> int:
    return int(Meeting.objects.values_list("last_seq", flat=True).get(pk=meeting_id))


def pong_for(meeting_id: int) -> dict[str, Any]:
    """The answer to `ping`: the seq lets a client notice events it missed at the end
    of a burst; the time lets it count down against the server's clock."""
    return pong_frame(meeting_seq(meeting_id))


def pong_frame(seq: int) -> dict[str, Any]:
    return {"type": "pong", "seq": seq, "now": datetime.now(UTC).isoformat()}


# The meeting's fields state_for reads (seq, language, languages): an admission that
# reads its meeting anyway reads them with it and passes them on as `now`.
NOW_FIELDS = ("last_seq", "language", "languages")


def state_for(meeting_id: int, audience: Audience, category: str | None = None,
              participant_id: int | None = None, wish: Wish | None = None,
              now: Sequence[Any] | None = None) -> tuple[str, str]:
    """The screen's full state as JSON, and its language: the one `wish` (the
    connection's cookie and Accept-Language) gets for this audience (live/languages.py);
    without a wish, the meeting's language. `now`: the meeting's NOW_FIELDS, if the
    caller has just read them."""
    seq, language, offered = now or Meeting.objects.values_list(
        *NOW_FIELDS).get(pk=meeting_id)
    if wish is not None:
        language = wish.language(audience, language, offered or ())
    base = (meeting_id, audience.value, language, seq)
    with translation.override(language):
        entry = _STATES.get((*base, ()))
        if entry is None:
            data = state_data(meeting_id, audience)
            entry = _remember((*base, ()), data, data["seq"] == seq)
        if category is None:
            return entry[1], language
        phone = Phone(entry[0], participant_id, category)
        keys = {name: part.key(phone) for name, part in PHONE_PARTS.items()}
        key = (*base, tuple(keys.values()))
        personal = _STATES.get(key)
        if personal is None:
            extra = {name: (value if PHONE_PARTS[name].build is None
                            else PHONE_PARTS[name].build(phone, value))  # type: ignore[misc]
                     for name, value in keys.items() if value is not OMIT}
            personal = _remember(key, {**entry[0], **extra}, entry[0]["seq"] == seq)
    return personal[1], language


def state_data(meeting_id: int, audience: Audience) -> dict[str, Any]:
    """The audience's state, freshly built from its registered parts (not cached)."""
    meeting = Meeting.objects.select_related("current_item__day__meeting").get(pk=meeting_id)
    screen = Screen(meeting, meeting.current_item, audience)
    data: dict[str, Any] = {"type": "state", "seq": meeting.last_seq}
    for name, build in STATE_PARTS.items():
        value = build(screen)
        if value is not OMIT:
            data[name] = value
    return data


def _remember(key: tuple[Hashable, ...], data: dict[str, Any], keep: bool) -> _Entry:
    entry = (data, json.dumps(data, ensure_ascii=False))
    if keep:  # only a state of the seq the key names
        _STATES[key] = entry
        while len(_STATES) > _STATES_KEPT:
            _STATES.popitem(last=False)
    return entry
