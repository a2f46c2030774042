"""Template helpers shared by every app: dates and swap-target ids."""

from __future__ import annotations

import datetime as dt

from django import template
from django.db.models import Model
from django.utils.translation import get_language

from sanaksme.core.dates import format_date, format_date_range
from sanaksme.core.dom import dom_id as _dom_id

register = template.Library()


@register.filter
def long_date(value: dt.date | None) -> str:
    return format_date(value, get_language() or "lv") if value else ""


@register.simple_tag
def date_range(start: dt.date, end: dt.date | None) -> str:
    return format_date_range(start, end, get_language() or "lv")


@register.simple_tag
def dom_id(obj: Model, prefix: str = "") -> str:
    return _dom_id(obj, prefix)
