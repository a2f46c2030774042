"""Who speaks next: the tour de table order and the discussion queue. Pure Python."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    id: int
    category: str
    present: bool = True


def tour_order(people: Sequence[Person], *, arranged: Sequence[int] = (),
               excluded_categories: frozenset[str] = frozenset({"organiser"})) -> list[int]:
    """Present people in the arranged order; anyone not arranged yet (a late arrival)
    comes after, in registration order; absent people are skipped."""
    eligible = {p.id: p for p in people
                if p.present and p.category not in excluded_categories}
    ordered = [pid for pid in dict.fromkeys(arranged) if pid in eligible]
    ordered += [p.id for p in people if p.id in eligible and p.id not in ordered]
    return ordered


@dataclass(frozen=True)
class Hand:
    person_id: int
    raised_at: dt.datetime
    priority: bool = False


def queue_order(hands: Iterable[Hand]) -> list[int]:
    """Invited speakers first (by when they raised a hand), then first come, first served.
    A person is in the queue once, at their earliest hand."""
    first: dict[int, Hand] = {}
    for hand in sorted(hands, key=lambda h: h.raised_at):
        first.setdefault(hand.person_id, hand)
    return [h.person_id for h in sorted(first.values(),
                                        key=lambda h: (not h.priority, h.raised_at))]


@dataclass(frozen=True)
class Turn:
    person_id: int
    category: str
    seconds: float


def speaking_totals(turns: Iterable[Turn]) -> tuple[dict[int, float], dict[str, float]]:
    """Seconds of speaking per person and per category."""
    per_person: dict[int, float] = defaultdict(float)
    per_category: dict[str, float] = defaultdict(float)
    for turn in turns:
        per_person[turn.person_id] += turn.seconds
        per_category[turn.category] += turn.seconds
    return dict(per_person), dict(per_category)


def projected_end(*, now: dt.datetime, speakers_left: int, per_speaker: dt.timedelta,
                  current_left: dt.timedelta) -> dt.datetime:
    """When the round ends if everyone still to speak takes their full time."""
    return now + max(current_left, dt.timedelta(0)) + per_speaker * speakers_left


def is_priority(*, is_mediator: bool, municipality_had_mediators: bool,
                marks: Mapping[str, bool] | Sequence[str]) -> bool:
    """Whether the discussion's priority marks invite this person to speak first."""
    wanted = set(marks)
    return ("roma_mediator" in wanted and is_mediator) or (
        "mediator_municipality" in wanted and municipality_had_mediators)
