"""The speaking part of a live screen's state: who speaks, their clock, the round."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import participants_by_name
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem

from .domain.queue import Turn as QueueTurn
from .domain.queue import speaking_totals
from .models import Round, Turn
from .services import queue, round_order


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def speaking_state(item: AgendaItem, *, console: bool = False) -> dict[str, Any] | None:
    """Current and next speaker (name and institution only, never a category), the
    countdown as absolute times, how long the speaker has spoken (`spoken` up to
    `resumed_at`, from when the clock runs again), the item's question, and the
    round's totals."""
    state = _speaking_state(item, console=console)
    if state is not None:
        state["question"] = str(item.params.get("question", "") or "")
    return state


def _speaking_state(item: AgendaItem, *, console: bool) -> dict[str, Any] | None:
    round_ = Round.objects.filter(item=item).select_related("current").first()
    if round_ is None and item.method != Method.DISCUSSION.value:
        # Not started yet: the planned order, which the console may still rearrange.
        round_ = Round(item=item, meeting_id=item.day.meeting_id)
    if round_ is None:
        empty: dict[str, Any] = {"started": False, "finished": False, "current": None,
                                 "next": None, "done": 0, "total": 0, "order": [],
                                 "spoken_total": 0, "slot_seconds": None,
                                 "speakers_left": 0}
        if item.method == Method.DISCUSSION.value:
            empty.update(kind="discussion", queue=[], show_key_points=False, key_points=[])
            if console:
                empty.update(totals={"categories": [], "people": []}, minutes=[], people=_people(item))
        return empty
    order = round_order(round_)
    people = {p.pk: p for p in Participant.objects.filter(pk__in=order)}
    turns = list(Turn.objects.filter(round=round_).values(
        "participant_id", "spoken_seconds", "ended_at")) if round_.pk else []
    spoken: dict[int, float] = {}
    for turn in turns:
        if turn["ended_at"] is not None and turn["participant_id"] is not None:
            spoken[turn["participant_id"]] = (spoken.get(turn["participant_id"], 0.0)
                                              + turn["spoken_seconds"])
    current = round_.current if round_.current and not round_.current.ended_at else None
    here = order.index(current.participant_id) if current and current.participant_id in order else -1
    following = order[here + 1] if 0 <= here + 1 < len(order) and current else None
    slot = item.minutes
    state: dict[str, Any] = {
        # A round row alone (made by a refused action) is not a start: only turns are.
        "started": bool(turns) or round_.finished, "finished": round_.finished,
        "current": _turn(current, people) if current else None,
        "next": _person(people.get(following)) if following else None,
        "done": len(spoken), "total": len(order),
        "spoken_total": round(sum(spoken.values())),
        "slot_seconds": slot * 60 if slot else None,
        # The screen works out the projected end with its own clock (the state is
        # cached per seq): now + what the speaker has left + everyone after in full.
        "speakers_left": len(order) - here - 1 if current else 0,
    }
    if round_.item.method == Method.DISCUSSION.value:
        state.update(_discussion_state(round_, console=console))
        state["next"] = ({"name": state["queue"][0]["name"], "institution": ""}
                         if state["queue"] else None)
    if console:
        state["order"] = [{"name": people[pid].name,
                           "institution": people[pid].institution, "id": pid,
                           "spoken": round(spoken[pid]) if pid in spoken else None}
                          for pid in order]
        state["skipped"] = [{"id": p.pk, "name": p.name} for p in participants_by_name(
            Participant.objects.filter(pk__in=round_.skipped))]
    return state


def _person(person: Participant | None) -> dict[str, Any] | None:
    if person is None:
        return None
    return {"name": person.name, "institution": person.institution}


def _turn(turn: Turn, people: dict[int, Participant]) -> dict[str, Any]:
    person = people.get(turn.participant_id or 0)
    return {"turn_id": turn.pk, "participant_id": turn.participant_id,
            **(_person(person) or {"name": "", "institution": ""}),
            "allowed": turn.allowed_seconds, "started_at": _iso(turn.started_at),
            "ends_at": _iso(turn.ends_at), "left": turn.left_seconds,
            "paused": turn.resumed_at is None,
            # Elapsed time: `spoken` seconds until `resumed_at`, plus the time since.
            "spoken": round(turn.spoken_seconds, 1), "resumed_at": _iso(turn.resumed_at)}


def _discussion_state(round_: Round, *, console: bool) -> dict[str, Any]:
    """The queue (names; the invited-first mark only on the console), the key points,
    and for the console the minutes and who had the floor, per category."""
    turns = list(Turn.objects.filter(round=round_).select_related("participant")
                 .order_by("started_at"))
    data: dict[str, Any] = {
        "kind": "discussion",
        "queue": queue_state(round_, console=console),
        "show_key_points": round_.show_key_points,
        "key_points": [{"name": t.participant.name if t.participant else "",
                        "points": t.key_points} for t in turns
                       if t.key_points and (console or round_.show_key_points)],
    }
    if console:
        ended = [t for t in turns if t.ended_at and t.participant]
        per_person, per_category = speaking_totals(
            QueueTurn(t.participant_id or 0, t.participant.category if t.participant else "",
                      t.spoken_seconds) for t in ended)
        names = {t.participant_id: t.participant.name for t in ended if t.participant}
        data["totals"] = {"categories": [{"category": c, "label": option_label(c),
                                          "seconds": round(v)}
                                         for c, v in sorted(per_category.items())],
                          "people": [{"name": names[pid], "seconds": round(v)}
                                     for pid, v in sorted(per_person.items(),
                                                          key=lambda kv: -kv[1])]}
        data["minutes"] = [{"turn_id": t.pk, "name": t.participant.name if t.participant
                            else "", "minutes": t.minutes, "key_points": t.key_points,
                            "spoken": round(t.spoken_seconds)} for t in turns]
        data["people"] = _people(round_.item)
    return data


def queue_state(round_: Round, *, console: bool) -> list[dict[str, Any]]:
    """The waiting hands in speaking order (names; the invited-first mark only on the
    console): the state's `queue` and `speaking.hands_changed`'s."""
    return [{"hand_id": h.pk, "participant_id": h.participant_id,
             "name": h.participant.name, **({"priority": h.priority} if console else {})}
            for h in queue(round_)]


def _people(item: AgendaItem) -> list[dict[str, Any]]:
    return [{"id": p.pk, "name": p.name} for p in participants_by_name(
        Participant.objects.filter(meeting_id=item.day.meeting_id))]
