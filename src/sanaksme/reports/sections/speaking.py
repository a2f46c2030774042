"""The tour de table and the discussions: counts and times per category, key points."""

from __future__ import annotations

from collections import defaultdict

from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem
from sanaksme.speaking.models import Round, Turn

from ..data import CategoryTime, Discussion, TourStats
from .meeting import CATEGORY_ORDER, category_label


def _rounds(items: list[AgendaItem], method: Method) -> list[tuple[AgendaItem, Round | None]]:
    wanted = [i for i in items if i.method == method.value]
    rounds = {r.item_id: r for r in Round.objects.filter(item__in=wanted)}
    return [(item, rounds.get(item.pk)) for item in wanted]


def _turns(round_: Round) -> list[Turn]:
    return list(round_.turns.select_related("participant").order_by("started_at", "id"))


def tours(items: list[AgendaItem]) -> tuple[TourStats, ...]:
    """Speakers, total and average time of each tour de table that was run."""
    found = []
    for item, round_ in _rounds(items, Method.TOUR_DE_TABLE):
        if round_ is None:
            continue
        turns = [t for t in _turns(round_) if t.spoken_seconds > 0]
        if not turns:
            continue
        seconds = [round(t.spoken_seconds) for t in turns]
        speakers = len({t.participant_id or -t.pk for t in turns})
        found.append(TourStats(
            title=item.title, speakers=speakers, total_seconds=sum(seconds),
            average_seconds=round(sum(seconds) / speakers),
            allowed_seconds=int(item.params.get("minutes_per_speaker", 0) or 0) * 60,
            overruns=sum(1 for t in turns
                         if t.allowed_seconds and t.spoken_seconds > t.allowed_seconds + 0.5),
            skipped=len(round_.skipped or []),
        ))
    return tuple(found)


def _by_category(turns: list[Turn]) -> tuple[CategoryTime, ...]:
    count: dict[str, int] = defaultdict(int)
    seconds: dict[str, float] = defaultdict(float)
    for turn in turns:
        code = turn.participant.category if turn.participant else ""
        count[code] += 1
        seconds[code] += turn.spoken_seconds
    order = [c for c in CATEGORY_ORDER if c in count] + sorted(
        c for c in count if c not in CATEGORY_ORDER)
    return tuple(CategoryTime(category_label(c), count[c], round(seconds[c])) for c in order)


def discussions(items: list[AgendaItem]) -> tuple[Discussion, ...]:
    """Each discussion: its question, key points and speaking time per category."""
    found = []
    for item, round_ in _rounds(items, Method.DISCUSSION):
        every = _turns(round_) if round_ else []
        turns = [t for t in every if t.spoken_seconds > 0]
        points = tuple(" ".join(str(p).split()) for t in every
                       for p in (t.key_points or []) if str(p).strip())
        found.append(Discussion(
            title=item.title, question=str(item.params.get("question", "") or ""),
            turns=len(turns), seconds=round(sum(t.spoken_seconds for t in turns)),
            by_category=_by_category(turns), key_points=points))
    return tuple(d for d in found if d.turns or d.key_points)
