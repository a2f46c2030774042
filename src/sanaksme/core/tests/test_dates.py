"""Dates as each language writes them on a programme."""

from __future__ import annotations

import datetime as dt

from sanaksme.core.dates import (
    format_date,
    format_date_range,
    format_time,
    format_weekday,
)

JAN_26 = dt.date(2017, 1, 26)
JAN_27 = dt.date(2017, 1, 27)


def test_latvian_date_puts_year_first_and_day_with_a_dot() -> None:
    text = format_date(JAN_26, "lv")

    assert text == "2017. gada 26. janvāris"


def test_english_date_is_day_month_year() -> None:
    text = format_date(JAN_26, "en")

    assert text == "26 January 2017"


def test_regional_language_codes_use_their_language() -> None:
    text = format_date(JAN_26, "en-gb")

    assert text == "26 January 2017"


def test_latvian_range_in_one_month_shares_year_and_month() -> None:
    text = format_date_range(JAN_26, JAN_27, "lv")

    assert text == "2017. gada 26.–27. janvāris"


def test_english_range_in_one_month_shares_month_and_year() -> None:
    text = format_date_range(JAN_26, JAN_27, "en")

    assert text == "26–27 January 2017"


def test_range_of_one_day_is_that_date() -> None:
    text = format_date_range(JAN_26, JAN_26, "lv")

    assert text == "2017. gada 26. janvāris"


def test_range_without_end_is_the_start_date() -> None:
    text = format_date_range(JAN_26, None, "en")

    assert text == "26 January 2017"


def test_latvian_range_across_months_writes_both_dates() -> None:
    text = format_date_range(dt.date(2017, 1, 31), dt.date(2017, 2, 1), "lv")

    assert text == "2017. gada 31. janvāris – 2017. gada 1. februāris"


def test_english_range_across_months_writes_both_dates() -> None:
    text = format_date_range(dt.date(2017, 1, 31), dt.date(2017, 2, 1), "en")

    assert text == "31 January 2017 – 1 February 2017"


def test_english_range_across_years_writes_both_dates() -> None:
    text = format_date_range(dt.date(2016, 12, 31), dt.date(2017, 1, 1), "en")

    assert text == "31 December 2016 – 1 January 2017"


def test_weekday_is_named_in_the_language() -> None:
    names = (format_weekday(JAN_26, "lv"), format_weekday(JAN_26, "en"))

    assert names == ("ceturtdiena", "Thursday")


def test_time_is_hours_and_minutes_and_empty_when_missing() -> None:
    texts = (format_time(dt.time(9, 5)), format_time(None))

    assert texts == ("09:05", "")
