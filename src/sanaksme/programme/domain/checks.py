"""Planning checks: what in a programme will not work as planned, with the numbers.

Pure Python: takes frozen dataclasses, returns `Finding`s with a code and values;
the console turns them into sentences.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import pairwise
from typing import Any

from .methods import Method


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


class Code(StrEnum):
    TOUR_TOO_LONG = "tour_too_long"
    OVERLAP = "overlap"
    ENDS_BEFORE_START = "ends_before_start"
    OUTSIDE_DAY_HOURS = "outside_day_hours"
    DAY_OUTSIDE_MEETING = "day_outside_meeting"
    DEDICATED_GROUP_EMPTY = "dedicated_group_empty"
    TOO_FEW_FOR_GROUPS = "too_few_for_groups"
    PRESENTATIONS_WITHOUT_GROUPS = "presentations_without_groups"
    NO_TIME = "no_time"


@dataclass(frozen=True)
class PlanItem:
    id: int
    day: dt.date
    title: str
    method: Method
    params: Mapping[str, Any]
    starts_at: dt.time | None
    ends_at: dt.time | None


@dataclass(frozen=True)
class PlanDay:
    date: dt.date
    starts_at: dt.time | None = None
    ends_at: dt.time | None = None


@dataclass(frozen=True)
class Plan:
    starts_on: dt.date
    ends_on: dt.date
    days: Sequence[PlanDay]
    items: Sequence[PlanItem]  # in programme order
    categories: Mapping[str, int]  # registered participants per category


@dataclass(frozen=True)
class Finding:
    code: Code
    severity: Severity
    item_id: int | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def _slot(item: PlanItem) -> int | None:
    if item.starts_at is None or item.ends_at is None:
        return None
    return _minutes(item.ends_at) - _minutes(item.starts_at)


def _check_times(plan: Plan) -> list[Finding]:
    found: list[Finding] = []
    hours = {d.date: d for d in plan.days}
    for day in plan.days:
        if not plan.starts_on <= day.date <= plan.ends_on:
            found.append(Finding(Code.DAY_OUTSIDE_MEETING, Severity.ERROR,
                                 values={"date": day.date}))
    by_day: dict[dt.date, list[PlanItem]] = {}
    for item in plan.items:
        slot = _slot(item)
        if slot is not None and slot <= 0:
            found.append(Finding(Code.ENDS_BEFORE_START, Severity.ERROR, item.id,
                                 {"title": item.title}))
            continue
        if slot is None and item.method is not Method.BREAK:
            found.append(Finding(Code.NO_TIME, Severity.WARNING, item.id,
                                 {"title": item.title}))
        if slot is not None:
            by_day.setdefault(item.day, []).append(item)
            found.extend(_outside_hours(item, hours.get(item.day)))
    for items in by_day.values():
        spans = sorted(((_minutes(i.starts_at), _minutes(i.ends_at), i.id), i)  # type: ignore[arg-type]
                       for i in items)
        for ((_s1, end1, _id1), first), ((start2, _e2, _id2), second) in pairwise(spans):
            if start2 < end1:
                found.append(Finding(Code.OVERLAP, Severity.WARNING, second.id,
                                     {"title": second.title, "other": first.title,
                                      "minutes": end1 - start2}))
    return found


def _outside_hours(item: PlanItem, day: PlanDay | None) -> list[Finding]:
    if day is None or item.starts_at is None or item.ends_at is None:
        return []
    early = day.starts_at is not None and item.starts_at < day.starts_at
    late = day.ends_at is not None and item.ends_at > day.ends_at
    if not (early or late):
        return []
    return [Finding(Code.OUTSIDE_DAY_HOURS, Severity.WARNING, item.id,
                    {"title": item.title, "day_starts": day.starts_at,
                     "day_ends": day.ends_at})]


def _check_tour(item: PlanItem, registered: int) -> list[Finding]:
    per_speaker = int(item.params.get("minutes_per_speaker", 3))
    needed = registered * per_speaker
    slot = _slot(item)
    if slot is None or slot <= 0 or needed <= slot:
        return []
    return [Finding(Code.TOUR_TOO_LONG, Severity.WARNING, item.id,
                    {"registered": registered, "minutes": per_speaker,
                     "needed": needed, "slot": slot})]


def _check_groups(item: PlanItem, categories: Mapping[str, int]) -> list[Finding]:
    found: list[Finding] = []
    for category in item.params.get("dedicated_categories", []):
        if categories.get(category, 0) < 2:
            found.append(Finding(Code.DEDICATED_GROUP_EMPTY, Severity.WARNING, item.id,
                                 {"category": category,
                                  "registered": categories.get(category, 0)}))
    groups = int(item.params.get("random_groups", 0))
    pool = sum(categories.get(c, 0) for c in item.params.get("random_categories", []))
    if groups and pool < groups * 2:
        found.append(Finding(Code.TOO_FEW_FOR_GROUPS, Severity.WARNING, item.id,
                             {"groups": groups, "pool": pool, "needed": groups * 2}))
    return found


def check_plan(plan: Plan) -> list[Finding]:
    """Every planning problem found in `plan`, in programme order."""
    found = _check_times(plan)
    registered = sum(count for cat, count in plan.categories.items() if cat != "organiser")
    seen_group_work = False
    for item in plan.items:
        if item.method is Method.TOUR_DE_TABLE:
            found.extend(_check_tour(item, registered))
        elif item.method is Method.GROUP_WORK:
            seen_group_work = True
            found.extend(_check_groups(item, plan.categories))
        elif item.method is Method.GROUP_PRESENTATIONS and not seen_group_work:
            found.append(Finding(Code.PRESENTATIONS_WITHOUT_GROUPS, Severity.WARNING,
                                 item.id, {"title": item.title}))
    return found


def count_categories(categories: Sequence[str]) -> dict[str, int]:
    return dict(Counter(categories))
