"""Dates written the way each language writes them on a programme.

Latvian: "2017. gada 26. janvāris", a range "2017. gada 26.–27. janvāris".
English: "26 January 2017", a range "26–27 January 2017".
"""

from __future__ import annotations

import datetime as dt

LV_MONTHS = (
    "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
    "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
LV_WEEKDAYS = (
    "pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena",
    "svētdiena",
)
EN_WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)


def _lang(language: str) -> str:
    return "lv" if language.lower().startswith("lv") else "en"


def format_date(day: dt.date, language: str) -> str:
    """One date in the language's long form."""
    if _lang(language) == "lv":
        return f"{day.year}. gada {day.day}. {LV_MONTHS[day.month - 1]}"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: dt.date, end: dt.date | None, language: str) -> str:
    """A range of dates, sharing the month and year where they are the same."""
    if end is None or end == start:
        return format_date(start, language)
    lv = _lang(language) == "lv"
    if (start.year, start.month) == (end.year, end.month):
        if lv:
            return f"{start.year}. gada {start.day}.–{end.day}. {LV_MONTHS[start.month - 1]}"
        return f"{start.day}–{end.day} {EN_MONTHS[start.month - 1]} {start.year}"
    return f"{format_date(start, language)} – {format_date(end, language)}"


def format_weekday(day: dt.date, language: str) -> str:
    names = LV_WEEKDAYS if _lang(language) == "lv" else EN_WEEKDAYS
    return names[day.weekday()]


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""
