"""Steps for the small groups: the draw, the worksheets, the presentations, the
comparison and the day's summary."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sanaksme.groups.models import Group
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    comparison_propose,
    factor_set_theme,
    theme_rename,
)
from sanaksme.groups.services.formation import group_set_place, groups_draw
from sanaksme.groups.services.showing import (
    comparison_show,
    showing_get_or_create,
    showing_next,
)
from sanaksme.groups.services.summary import summary_add_draft
from sanaksme.groups.services.worksheets import factor_add, factor_weigh, solution_add
from sanaksme.presenting.services import summary_show, summary_write

from .record import FactorEntry, GroupWork, Presentations, Summary, ThemeEdit
from .sections import SECOND, Action, Context
from .timeline import ReplayError, Timeline, spread


def group_work_steps(t: Timeline, work: GroupWork) -> None:
    """Draw with the recorded seed, name the places, then each group writes its
    factors (solutions under each, then the responsibility taps)."""
    t.at(t.on(work.item, work.drawn), "group_work.drawn", _draw(work), work.item)
    start, end = t.on(work.item, work.start), t.on(work.item, work.end)
    for i, sheet in enumerate(work.worksheets):
        label = f"group_work.worksheets[{i}]"
        if sheet.place:
            t.at(t.on(work.item, work.drawn) + 30 * SECOND, f"{label}.place",
                 _place(sheet.group, sheet.place), work.item)
        moments = spread(start + i * 7 * SECOND, end - 30 * SECOND, len(sheet.factors))
        step = (end - start) / max(len(sheet.factors), 1)
        for k, (when, factor) in enumerate(zip(moments, sheet.factors, strict=True)):
            parts = len(factor.solutions) + 2
            t.at(when, f"{label}.factors[{k}]", _factor(sheet.group, k, factor), work.item)
            for s in range(len(factor.solutions)):
                t.at(when + step * (s + 1) / parts, f"{label}.factors[{k}].solutions[{s}]",
                     _solution(sheet.group, k, factor, s), work.item)
            t.at(when + step * (parts - 1) / parts, f"{label}.factors[{k}].responsibility",
                 _weigh(sheet.group, k, factor), work.item)


def _draw(work: GroupWork) -> Action:
    def step(ctx: Context) -> None:
        ctx.group_set = groups_draw(item=ctx.items[work.item], seed=work.seed)
    return step


def _place(number: int, place: str) -> Action:
    def step(ctx: Context) -> None:
        group_set_place(group=ctx.group(number), place=place)
    return step


def _factor(number: int, k: int, factor: FactorEntry) -> Action:
    def step(ctx: Context) -> None:
        ctx.factors[(number, k + 1)] = factor_add(
            group=ctx.group(number), text=factor.text, client_id=ctx.client_id("g", number, k))
    return step


def _solution(number: int, k: int, factor: FactorEntry, s: int) -> Action:
    def step(ctx: Context) -> None:
        solution_add(factor=ctx.factors[(number, k + 1)], text=factor.solutions[s],
                     client_id=ctx.client_id("s", number, k, s))
    return step


def _weigh(number: int, k: int, factor: FactorEntry) -> Action:
    def step(ctx: Context) -> None:
        municipality, state, community = factor.responsibility
        factor_weigh(factor=ctx.factors[(number, k + 1)], municipality=municipality,
                     state=state, community=community)
    return step


def presentation_steps(t: Timeline, shows: Presentations) -> None:
    """The groups present in the service's order (checked against the record), then the
    comparison is proposed, shown, corrected and confirmed."""
    window = t.window(shows.item)

    def setup(ctx: Context) -> None:
        ctx.showing = showing_get_or_create(item=ctx.items[shows.item])

    t.at(window.start + SECOND, "presentations.item", setup, shows.item)
    when = t.on(shows.item, shows.start)
    for j, turn in enumerate(shows.groups):
        t.at(when, f"presentations.groups[{j}]", _present(turn.group), shows.item)
        when += dt.timedelta(seconds=turn.seconds)
    t.at(when, "presentations.groups", _present(None), shows.item)
    compared = t.on(shows.item, shows.compared)
    t.at(compared, "presentations.compared", _compare, shows.item)
    for i, theme in enumerate(shows.themes):
        t.at(compared + (i + 1) * 20 * SECOND, f"presentations.themes[{i}]",
             _theme(theme), shows.item)
    t.at(t.on(shows.item, shows.confirmed), "presentations.confirmed", _confirm, shows.item)


def _present(number: int | None) -> Action:
    def step(ctx: Context) -> None:
        showing = ctx.shown()
        ctx.showing = showing_next(showing=showing, expected=showing.current_id,
                                   now=ctx.clock.now)
        current = (Group.objects.filter(pk=ctx.showing.current_id).values_list(
            "number", flat=True).first() if ctx.showing.current_id else None)
        if current != number:
            raise ReplayError(_("The service lets group %(current)s present; the record "
                                "says group %(number)s.")
                              % {"current": current, "number": number})
    return step


def _compare(ctx: Context) -> None:
    comparison_propose(group_set=ctx.drawn())
    comparison_show(showing=ctx.shown(), shown=True)


def _theme(edit: ThemeEdit) -> Action:
    """Gather the listed factors into the first one's theme and name it."""
    def step(ctx: Context) -> None:
        first = ctx.factors[edit.factors[0]]
        first.refresh_from_db()
        theme = first.theme or factor_set_theme(factor=first, theme=None)
        for ref in edit.factors[1:]:
            factor = ctx.factors[ref]
            factor.refresh_from_db()
            if factor.theme_id != theme.pk:
                factor_set_theme(factor=factor, theme=theme)
        theme_rename(theme=theme, label=edit.label)
    return step


def _confirm(ctx: Context) -> None:
    comparison_confirm(group_set=ctx.drawn())


def summary_steps(t: Timeline, summary: Summary) -> None:
    """The draft from the comparison, then the facilitator's text, shown."""
    def draft(ctx: Context) -> None:
        summary_add_draft(item=ctx.items[summary.item])

    def write(ctx: Context) -> None:
        summary_write(item=ctx.items[summary.item], text=summary.text)
        summary_show(item=ctx.items[summary.item], shown=True)

    t.at(t.on(summary.item, summary.drafted), "summary.drafted", draft, summary.item)
    t.at(t.on(summary.item, summary.written), "summary.written", write, summary.item)
