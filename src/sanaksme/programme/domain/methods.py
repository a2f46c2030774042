"""The method library: which methods an agenda item can use, and their parameters.

Pure Python. `clean_params` returns cleaned values plus error codes; the caller
turns codes into words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Method(StrEnum):
    SITE_VISIT = "site_visit"
    TOUR_DE_TABLE = "tour_de_table"
    BRAINSTORM = "brainstorm"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    GROUP_WORK = "group_work"
    GROUP_PRESENTATIONS = "group_presentations"
    SUMMARY = "summary"
    FEEDBACK = "feedback"
    BREAK = "break"


class Category(StrEnum):
    """Participant categories (glossary)."""

    REGIONAL_EXPERT = "regional_expert"
    MUNICIPAL = "municipal"
    EXPERT = "expert"
    ROMA_COMMUNITY = "roma_community"
    ORGANISER = "organiser"


# A person who withdrew consent for a category that reveals ethnic origin: no category
# is kept. Not a Category a facilitator picks; small groups seat them at random.
NOT_STATED = "not_stated"


BRAINSTORM_COLUMNS = ("positive", "problem", "existing_solution", "possible_solution")
REPLY_KINDS = ("comment", "clarification", "explanation", "addition")
FEEDBACK_KINDS = ("feedback", "suggestion")
PRIORITY_MARKS = ("roma_mediator", "mediator_municipality")
PRESENTATION_ORDERS = ("random_first", "dedicated_first", "as_formed")
RESPONSIBILITY_PARTS = ("municipality", "state", "community")


class Kind(StrEnum):
    INT = "int"
    TEXT = "text"
    BOOL = "bool"
    CHOICE = "choice"  # one value from `options`
    CHOICES = "choices"  # a list, each value from `options`
    CATEGORIES = "categories"  # a list of Category values
    SITES = "sites"  # a list of site keys of the meeting
    SITE = "site"  # one site key
    LINES = "lines"  # a list of free texts


@dataclass(frozen=True)
class Param:
    name: str
    kind: Kind
    default: Any
    minimum: int | None = None
    maximum: int | None = None
    options: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class ParamError:
    param: str
    code: str  # "required", "not_int", "too_small", "too_large", "unknown_option", ...
    value: Any = None
    limit: Any = None


@dataclass(frozen=True)
class MethodSpec:
    method: Method
    params: tuple[Param, ...] = field(default_factory=tuple)
    # Whether the method is run live with people's input (vs. a plain slot).
    interactive: bool = True


CATEGORY_VALUES = tuple(c.value for c in Category)

METHODS: dict[Method, MethodSpec] = {
    Method.SITE_VISIT: MethodSpec(
        Method.SITE_VISIT, (Param("site", Kind.SITE, "", required=True),), False
    ),
    Method.TOUR_DE_TABLE: MethodSpec(
        Method.TOUR_DE_TABLE,
        (Param("minutes_per_speaker", Kind.INT, 3, minimum=1, maximum=30),),
    ),
    Method.BRAINSTORM: MethodSpec(
        Method.BRAINSTORM,
        (
            Param("sites", Kind.SITES, []),
            Param("prompts", Kind.LINES, []),
            Param("columns", Kind.CHOICES, list(BRAINSTORM_COLUMNS),
                  options=BRAINSTORM_COLUMNS),
            Param("reply_kinds", Kind.CHOICES, list(REPLY_KINDS), options=REPLY_KINDS),
            Param("repliers", Kind.CATEGORIES, [Category.MUNICIPAL.value],
                  options=CATEGORY_VALUES),
        ),
    ),
    Method.PRESENTATION: MethodSpec(
        Method.PRESENTATION,
        (
            Param("topic", Kind.TEXT, ""),
            Param("videos", Kind.LINES, []),
        ),
        False,
    ),
    Method.DISCUSSION: MethodSpec(
        Method.DISCUSSION,
        (
            Param("question", Kind.TEXT, ""),
            Param("priority", Kind.CHOICES, [], options=PRIORITY_MARKS),
            Param("minutes_per_speaker", Kind.INT, 0, minimum=0, maximum=30),
        ),
    ),
    Method.GROUP_WORK: MethodSpec(
        Method.GROUP_WORK,
        (
            Param("random_groups", Kind.INT, 3, minimum=1, maximum=20),
            Param("random_categories", Kind.CATEGORIES,
                  [Category.REGIONAL_EXPERT.value, Category.MUNICIPAL.value,
                   Category.EXPERT.value], options=CATEGORY_VALUES),
            Param("dedicated_categories", Kind.CATEGORIES,
                  [Category.ROMA_COMMUNITY.value], options=CATEGORY_VALUES),
            Param("question", Kind.TEXT, ""),
            Param("responsibility", Kind.CHOICES, list(RESPONSIBILITY_PARTS),
                  options=RESPONSIBILITY_PARTS),
        ),
    ),
    Method.GROUP_PRESENTATIONS: MethodSpec(
        Method.GROUP_PRESENTATIONS,
        (
            Param("order", Kind.CHOICE, "random_first", options=PRESENTATION_ORDERS),
            Param("minutes_per_group", Kind.INT, 5, minimum=1, maximum=60),
            Param("compare", Kind.BOOL, True),
        ),
    ),
    Method.SUMMARY: MethodSpec(Method.SUMMARY, (), False),
    Method.FEEDBACK: MethodSpec(
        Method.FEEDBACK,
        (
            Param("kinds", Kind.CHOICES, list(FEEDBACK_KINDS), options=FEEDBACK_KINDS),
            Param("anonymous", Kind.BOOL, True),
        ),
    ),
    Method.BREAK: MethodSpec(Method.BREAK, (), False),
}

def default_params(method: Method) -> dict[str, Any]:
    """A fresh copy of the method's default parameters."""
    return {p.name: _copy(p.default) for p in METHODS[method].params}


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


def _clean_int(p: Param, value: Any) -> tuple[Any, ParamError | None]:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None, ParamError(p.name, "not_int", value)
    try:
        number = int(value)
    except ValueError:
        return None, ParamError(p.name, "not_int", value)
    if p.minimum is not None and number < p.minimum:
        return None, ParamError(p.name, "too_small", number, p.minimum)
    if p.maximum is not None and number > p.maximum:
        return None, ParamError(p.name, "too_large", number, p.maximum)
    return number, None


def _clean_list(
    p: Param, value: Any, allowed: tuple[str, ...] | None
) -> tuple[Any, ParamError | None]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None, ParamError(p.name, "not_list", value)
    items = [v.strip() for v in value if v.strip()]
    if allowed is not None:
        for v in items:
            if v not in allowed:
                return None, ParamError(p.name, "unknown_option", v, allowed)
    # Keep order, drop repeats.
    return list(dict.fromkeys(items)), None


def _clean_one(
    p: Param, value: Any, site_keys: frozenset[str]
) -> tuple[Any, ParamError | None]:
    if p.kind is Kind.INT:
        return _clean_int(p, value)
    if p.kind is Kind.BOOL:
        if isinstance(value, bool):
            return value, None
        return None, ParamError(p.name, "not_bool", value)
    if p.kind is Kind.TEXT:
        if not isinstance(value, str):
            return None, ParamError(p.name, "not_text", value)
        return value.strip(), None
    if p.kind is Kind.CHOICE:
        if value not in p.options:
            return None, ParamError(p.name, "unknown_option", value, p.options)
        return value, None
    if p.kind is Kind.SITE:
        if not isinstance(value, str) or value not in site_keys:
            return None, ParamError(p.name, "unknown_site", value)
        return value, None
    if p.kind is Kind.SITES:
        return _clean_list(p, value, tuple(sorted(site_keys)))
    if p.kind is Kind.LINES:
        return _clean_list(p, value, None)
    return _clean_list(p, value, p.options)


def clean_params(
    method: Method, raw: Mapping[str, Any], *, site_keys: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], list[ParamError]]:
    """Validate `raw` against the method's parameters; unknown names are errors."""
    spec = METHODS[method]
    known = {p.name for p in spec.params}
    errors = [ParamError(name, "unknown_param", name) for name in raw if name not in known]
    cleaned: dict[str, Any] = {}
    for p in spec.params:
        if p.name not in raw or raw[p.name] is None:
            if p.required:
                errors.append(ParamError(p.name, "required"))
            cleaned[p.name] = _copy(p.default)
            continue
        value, error = _clean_one(p, raw[p.name], site_keys)
        if error is not None:
            errors.append(error)
            cleaned[p.name] = _copy(p.default)
        else:
            cleaned[p.name] = value
    return cleaned, errors
