"""Dates written the way each language writes them on a programme.

Latvian: "2017. gada 26. janvāris", a range "2017. gada 26.–27. janvāris"; inside a
sentence ("notika 2017. gada 26. janvārī") the month takes the locative (`locative=True`).
English: "26 January 2017", a range "26–27 January 2017".
Russian: "26 января 2017 г.", a range "26–27 января 2017 г.".
"""

from __future__ import annotations

import datetime as dt

LV_MONTHS = (
    "janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs",
    "jūlijs", "augusts", "septembris", "oktobris", "novembris", "decembris",
)
LV_MONTHS_LOCATIVE = (
    "janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā",
    "jūlijā", "augustā", "septembrī", "oktobrī", "novembrī", "decembrī",
)
RU_MONTHS = (  # genitive: "26 января"
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
LV_WEEKDAYS = (
    "pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena",
    "svētdiena",
)
RU_WEEKDAYS = (
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
)
EN_WEEKDAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)


def _lang(language: str) -> str:
    code = language.lower()[:2]
    return code if code in ("lv", "ru") else "en"


def _lv_month(month: int, locative: bool) -> str:
    return (LV_MONTHS_LOCATIVE if locative else LV_MONTHS)[month - 1]


def format_date(day: dt.date, language: str, *, locative: bool = False) -> str:
    """One date in the language's long form; `locative` inside a Latvian sentence."""
    lang = _lang(language)
    if lang == "lv":
        return f"{day.year}. gada {day.day}. {_lv_month(day.month, locative)}"
    if lang == "ru":
        return f"{day.day} {RU_MONTHS[day.month - 1]} {day.year} г."
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def format_date_range(start: dt.date, end: dt.date | None, language: str, *,
                      locative: bool = False) -> str:
    """A range of dates, sharing the month and year where they are the same."""
    if end is None or end == start:
        return format_date(start, language, locative=locative)
    lang = _lang(language)
    if (start.year, start.month) == (end.year, end.month):
        if lang == "lv":
            return (f"{start.year}. gada {start.day}.–{end.day}. "
                    f"{_lv_month(start.month, locative)}")
        if lang == "ru":
            return f"{start.day}–{end.day} {RU_MONTHS[start.month - 1]} {start.year} г."
        return f"{start.day}–{end.day} {EN_MONTHS[start.month - 1]} {start.year}"
    return (f"{format_date(start, language, locative=locative)} – "
            f"{format_date(end, language, locative=locative)}")


def format_weekday(day: dt.date, language: str) -> str:
    names = {"lv": LV_WEEKDAYS, "ru": RU_WEEKDAYS}.get(_lang(language), EN_WEEKDAYS)
    return names[day.weekday()]


def format_time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""
