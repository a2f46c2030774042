"""Planning checks on plain plan data, and the sentences the console shows for them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sanaksme.programme.domain.checks import (
    Code,
    Finding,
    Plan,
    PlanDay,
    PlanItem,
    Severity,
    check_plan,
    count_categories,
)
from sanaksme.programme.domain.methods import Method, default_params
from sanaksme.programme.labels import finding_message

DAY = dt.date(2017, 1, 27)
ENOUGH_PEOPLE = {"regional_expert": 10, "municipal": 7, "expert": 3, "roma_community": 8,
                 "organiser": 2}


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def item(item_id: int, method: Method, start: str | None, end: str | None,
         params: Mapping[str, Any] | None = None, title: str = "") -> PlanItem:
    return PlanItem(
        id=item_id, day=DAY, title=title or f"Item {item_id}", method=method,
        params=default_params(method) | dict(params or {}),
        starts_at=t(start) if start else None, ends_at=t(end) if end else None)


def plan(items: Sequence[PlanItem], categories: Mapping[str, int] | None = None,
         day: PlanDay | None = None) -> Plan:
    return Plan(starts_on=DAY, ends_on=DAY,
                days=[day or PlanDay(DAY, t("09:00"), t("18:00"))], items=items,
                categories=ENOUGH_PEOPLE if categories is None else categories)


def codes(findings: list[Finding]) -> list[Code]:
    return [f.code for f in findings]


def test_a_clean_plan_has_no_findings() -> None:
    clean = plan([
        item(1, Method.TOUR_DE_TABLE, "09:00", "10:30"),
        item(2, Method.BREAK, "10:30", "10:45"),
        item(3, Method.GROUP_WORK, "10:45", "12:00"),
        item(4, Method.GROUP_PRESENTATIONS, "12:00", "12:45"),
    ])

    findings = check_plan(clean)

    assert findings == []


def test_tour_longer_than_its_slot_reports_the_numbers() -> None:
    people = {"regional_expert": 20, "municipal": 11, "organiser": 2}
    tour = item(7, Method.TOUR_DE_TABLE, "10:00", "11:00", {"minutes_per_speaker": 3})

    findings = check_plan(plan([tour], people))

    assert findings == [Finding(Code.TOUR_TOO_LONG, Severity.WARNING, 7,
                                {"registered": 31, "minutes": 3, "needed": 93,
                                 "slot": 60})]


def test_organisers_are_not_counted_as_tour_speakers() -> None:
    people = {"regional_expert": 20, "organiser": 5}
    tour = item(1, Method.TOUR_DE_TABLE, "10:00", "11:00", {"minutes_per_speaker": 3})

    findings = check_plan(plan([tour], people))

    assert findings == []


def test_tour_that_just_fits_is_fine() -> None:
    people = {"regional_expert": 20}
    tour = item(1, Method.TOUR_DE_TABLE, "10:00", "11:00", {"minutes_per_speaker": 3})

    findings = check_plan(plan([tour], people))

    assert findings == []


def test_overlapping_items_report_the_overlap_in_minutes() -> None:
    items = [item(1, Method.BREAK, "10:00", "11:00", title="Coffee"),
             item(2, Method.PRESENTATION, "10:45", "11:30", title="Talk")]

    findings = check_plan(plan(items))

    assert findings == [Finding(Code.OVERLAP, Severity.WARNING, 2,
                                {"title": "Talk", "other": "Coffee", "minutes": 15})]


def test_two_items_at_exactly_the_same_time_overlap_fully() -> None:
    items = [item(1, Method.BREAK, "10:00", "11:00", title="Coffee"),
             item(2, Method.BREAK, "10:00", "11:00", title="Tea")]

    findings = check_plan(plan(items))

    assert findings == [Finding(Code.OVERLAP, Severity.WARNING, 2,
                                {"title": "Tea", "other": "Coffee", "minutes": 60})]


def test_items_are_checked_for_overlap_in_time_order_not_list_order() -> None:
    items = [item(1, Method.PRESENTATION, "11:00", "12:00"),
             item(2, Method.PRESENTATION, "10:00", "11:00")]

    findings = check_plan(plan(items))

    assert findings == []


def test_item_that_ends_before_it_starts_is_an_error() -> None:
    backwards = item(3, Method.PRESENTATION, "11:00", "10:00", title="Talk")

    findings = check_plan(plan([backwards]))

    assert findings == [Finding(Code.ENDS_BEFORE_START, Severity.ERROR, 3,
                                {"title": "Talk"})]


def test_item_before_the_day_starts_is_outside_day_hours() -> None:
    early = item(1, Method.PRESENTATION, "08:00", "09:30")

    findings = check_plan(plan([early]))

    assert codes(findings) == [Code.OUTSIDE_DAY_HOURS]
    assert findings[0].item_id == 1


def test_item_after_the_day_ends_is_outside_day_hours() -> None:
    late = item(1, Method.PRESENTATION, "17:30", "18:30")

    findings = check_plan(plan([late]))

    assert codes(findings) == [Code.OUTSIDE_DAY_HOURS]


def test_item_without_times_is_reported_unless_a_break() -> None:
    items = [item(1, Method.PRESENTATION, None, None), item(2, Method.BREAK, None, None)]

    findings = check_plan(plan(items))

    assert [(f.code, f.item_id) for f in findings] == [(Code.NO_TIME, 1)]


def test_day_outside_the_meeting_dates_is_an_error() -> None:
    other_day = PlanDay(DAY + dt.timedelta(days=3))

    findings = check_plan(plan([], day=other_day))

    assert findings == [Finding(Code.DAY_OUTSIDE_MEETING, Severity.ERROR,
                                values={"date": other_day.date})]


def test_dedicated_group_with_nobody_registered_is_reported() -> None:
    people = {"regional_expert": 10, "municipal": 7, "expert": 3}
    work = item(5, Method.GROUP_WORK, "10:00", "11:00")

    findings = check_plan(plan([work], people))

    assert findings == [Finding(Code.DEDICATED_GROUP_EMPTY, Severity.WARNING, 5,
                                {"category": "roma_community", "registered": 0})]


def test_too_few_people_for_the_random_groups_is_reported() -> None:
    people = {"regional_expert": 3, "municipal": 2, "roma_community": 4}
    work = item(5, Method.GROUP_WORK, "10:00", "11:00", {"random_groups": 3})

    findings = check_plan(plan([work], people))

    assert findings == [Finding(Code.TOO_FEW_FOR_GROUPS, Severity.WARNING, 5,
                                {"groups": 3, "pool": 5, "needed": 6})]


def test_group_presentations_without_earlier_group_work_are_reported() -> None:
    items = [item(1, Method.GROUP_PRESENTATIONS, "10:00", "10:30", title="Results"),
             item(2, Method.GROUP_WORK, "10:30", "11:30")]

    findings = check_plan(plan(items))

    assert findings == [Finding(Code.PRESENTATIONS_WITHOUT_GROUPS, Severity.WARNING, 1,
                                {"title": "Results"})]


def test_count_categories_counts_each_category() -> None:
    counts = count_categories(["expert", "municipal", "expert"])

    assert counts == {"expert": 2, "municipal": 1}


def test_tour_message_names_registered_needed_and_slot_minutes() -> None:
    finding = Finding(Code.TOUR_TOO_LONG, Severity.WARNING, 7,
                      {"registered": 31, "minutes": 3, "needed": 93, "slot": 60})

    message = finding_message(finding)

    assert "31" in message
    assert "93" in message
    assert "60" in message


def test_every_finding_code_has_a_message() -> None:
    values: dict[str, Any] = {
        "registered": 1, "minutes": 1, "needed": 1, "slot": 1, "title": "T", "other": "O",
        "day_starts": t("09:00"), "day_ends": None, "date": DAY, "category": "expert",
        "groups": 1, "pool": 1}

    messages = [finding_message(Finding(code, Severity.WARNING, 1, values)) for code in Code]

    assert all(messages)
    assert len(set(messages)) == len(Code)
