"""How a correction of the comparison is recorded, honoured and undone.

Every correction (move, split, merge, confirm, ...) is stored as a `ThemeDecision` with
a snapshot of the themes before it. Once the comparison has been proposed, the engine
then groups the unconfirmed remainder again, honouring every decision not undone (the
engine's `Step`s, newest wins), the confirmed themes exactly and the names the
facilitator gave, starting from the themes as they are (the engine changes them only on
strong evidence; a factor added since joins at the usual threshold). The result is written back onto the existing `Theme` rows where they
overlap most, so ids stay stable and the screens can show what was re-placed. The
callers (services/comparison.py) hold the transaction and the group set's lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Max

from ..domain.comparison import Theme as Proposed
from ..domain.comparison import compare_results
from ..domain.decisions import DecidedTheme, Step, decisions_from_steps
from ..lexicon_data import default_lexicon
from ..models import Factor, GroupSet, Theme, ThemeDecision
from .common import announce
from .engine import engine_input, lexicon_learned, organisation_id

Snapshot = list[dict[str, Any]]


def snapshot(group_set: GroupSet) -> Snapshot:
    """The themes as they are: label, factor ids (hidden ones too), confirmed, named,
    position and the row's id (so an undo gives the same rows back)."""
    items: dict[int, list[str]] = defaultdict(list)
    for factor_id, theme_id in Factor.objects.filter(
            group__group_set=group_set, theme__isnull=False).order_by("pk").values_list(
            "pk", "theme_id"):
        items[theme_id].append(str(factor_id))
    return [{"id": t.pk, "label": t.label, "items": items[t.pk], "confirmed": t.confirmed,
             "named": t.named, "position": t.position}
            for t in group_set.themes.order_by("position", "pk")]


def visible_ids(group_set: GroupSet) -> set[str]:
    return {str(pk) for pk in Factor.objects.filter(
        group__group_set=group_set, hidden=False).values_list("pk", flat=True)}


def partition(before: Snapshot, visible: set[str]) -> list[list[str]]:
    """The themes' visible factor ids, in the snapshot's order (the engine's `themes`)."""
    return [[i for i in theme["items"] if i in visible] for theme in before]


def index_of(before: Snapshot, theme_id: int) -> int:
    return next(n for n, theme in enumerate(before) if theme["id"] == theme_id)


def next_position(group_set: GroupSet) -> int:
    last = group_set.themes.aggregate(last=Max("position"))["last"]
    return 0 if last is None else int(last) + 1


def drop_empty(group_set: GroupSet) -> None:
    group_set.themes.filter(factors__isnull=True).delete()


def proposed(group_set: GroupSet) -> bool:
    """Whether the comparison has been proposed (and that not undone): only then does a
    correction re-propose the rest."""
    return group_set.decisions.filter(action="propose", undone=False).exists()


def record(group_set: GroupSet, *, action: str, before: Snapshot,
           step: Step | None = None) -> ThemeDecision:
    """Store the decision (the facilitator's change is already written), re-propose the
    unconfirmed remainder if the comparison is proposed, announce once."""
    step = step or Step()
    last = group_set.decisions.aggregate(last=Max("number"))["last"]
    decision = ThemeDecision.objects.create(
        group_set=group_set, number=(last or 0) + 1, action=action,
        together=[list(p) for p in step.together], apart=[list(p) for p in step.apart],
        moved=list(step.moved), before=before)
    if proposed(group_set):
        moved = set(step.moved)
        replaced = repropose(group_set)
        # The first proposal places every factor: nothing was re-placed.
        decision.replaced = [i for i in replaced if i not in moved] if before else []
        decision.save(update_fields=["replaced"])
    announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return decision


def _steps(group_set: GroupSet, known: set[str]) -> list[Step]:
    """The steps of the decisions not undone, oldest first, without pairs that name
    factors no longer compared (hidden or deleted)."""
    def kept(pairs: Iterable[Sequence[str]]) -> tuple[tuple[str, str], ...]:
        return tuple((a, b) for a, b in pairs if a in known and b in known and a != b)

    return [Step(together=kept(t), apart=kept(a))
            for t, a in group_set.decisions.filter(undone=False).order_by(
                "number").values_list("together", "apart")]


def _mates(themes: Iterable[Iterable[str]]) -> dict[str, frozenset[str]]:
    found: dict[str, frozenset[str]] = {}
    for theme in themes:
        members = frozenset(theme)
        for item in members:
            found[item] = members - {item}
    return found


def repropose(group_set: GroupSet) -> list[str]:
    """Group every visible factor again, honouring the decisions; write the result back
    onto the theme rows. Returns the factors whose theme-mates changed."""
    factors = list(Factor.objects.filter(group__group_set=group_set, hidden=False)
                   .only("pk", "group_id", "text", "theme_id").order_by("pk"))
    known = {str(f.pk) for f in factors}
    rows = {t.pk: t for t in group_set.themes.all()}
    current: dict[int, list[str]] = defaultdict(list)
    for f in factors:
        if f.theme_id is not None:
            current[f.theme_id].append(str(f.pk))
    # Every theme as the facilitator left it: confirmed ones are kept exactly; the
    # others are the proposal the engine starts from (a name the facilitator gave goes
    # with the theme that keeps most of its factors).
    decided = [DecidedTheme(rows[tid].label if rows[tid].confirmed or rows[tid].named
                            else "", tuple(items), rows[tid].confirmed)
               for tid, items in current.items()]
    decisions = decisions_from_steps(_steps(group_set, known), decided)
    found = compare_results(engine_input(group_set.groups.order_by("number"), factors),
                            lexicon=default_lexicon(),
                            learned=lexicon_learned(organisation_id(group_set)),
                            decisions=decisions)
    targets = _match_rows(found, rows, current)
    _write(group_set, found, targets, rows, {str(f.pk): f.theme_id for f in factors})
    before, after = _mates(current.values()), _mates(t.items for t in found)
    return sorted((i for i in known if before.get(i) != after.get(i)), key=int)


def _match_rows(found: Sequence[Proposed], rows: dict[int, Theme],
                current: dict[int, list[str]]) -> list[int | None]:
    """For each proposed theme, the row it reuses: a confirmed theme its own; otherwise
    the unconfirmed row it overlaps most (each row once), or None (a new row)."""
    targets: list[int | None] = [None] * len(found)
    confirmed = {frozenset(items): tid for tid, items in current.items()
                 if rows[tid].confirmed}
    free = []
    for number, theme in enumerate(found):
        tid = confirmed.pop(frozenset(theme.items), None)
        if tid is None:
            free.append(number)
        targets[number] = tid
    sets = {tid: set(items) for tid, items in current.items() if not rows[tid].confirmed}
    overlaps = sorted(((len(sets[tid] & set(found[n].items)), n, tid)
                       for n in free for tid in sets), key=lambda o: (-o[0], o[1], o[2]))
    used: set[int] = set()
    for overlap, number, tid in overlaps:
        if overlap and targets[number] is None and tid not in used:
            targets[number] = tid
            used.add(tid)
    return targets


def _write(group_set: GroupSet, found: Sequence[Proposed], targets: list[int | None],
           rows: dict[int, Theme], theme_of: dict[str, int | None]) -> None:
    position = next_position(group_set)
    kept: set[int] = set()
    for theme, tid in zip(found, targets, strict=True):
        row = rows[tid] if tid is not None else None
        label = theme.label[:200]
        if row is None:
            row = Theme.objects.create(group_set=group_set, label=label, position=position)
            position += 1
        elif not row.confirmed and not row.named and row.label != label:
            Theme.objects.filter(pk=row.pk).update(label=label)
        kept.add(row.pk)
        moving = [int(i) for i in theme.items if theme_of.get(i) != row.pk]
        if moving:
            Factor.objects.filter(pk__in=moving).update(theme=row)
    group_set.themes.filter(confirmed=False).exclude(pk__in=kept).delete()
    drop_empty(group_set)


def restore(group_set: GroupSet, before: Snapshot) -> None:
    """Put the themes back exactly as in `before` (same rows); factors it does not name
    are left without a theme. A theme with no id (an imported decision's theme that was
    deleted before the export) gets a new row."""
    Factor.objects.filter(group__group_set=group_set, theme__isnull=False).update(theme=None)
    ids = [theme["id"] for theme in before if theme["id"] is not None]
    group_set.themes.exclude(pk__in=ids).delete()
    rows = {t.pk: t for t in group_set.themes.filter(pk__in=ids)}
    for theme in before:
        fields = {"label": theme["label"], "confirmed": theme["confirmed"],
                  "named": theme["named"], "position": theme["position"]}
        row = rows.get(theme["id"])
        if row is not None:
            Theme.objects.filter(pk=row.pk).update(**fields)
        elif theme["id"] is None or Theme.objects.filter(pk=theme["id"]).exists():
            # not ours, or a theme the meeting file had no row for: a new row
            row = Theme.objects.create(group_set=group_set, **fields)
        else:
            row = Theme.objects.create(pk=theme["id"], group_set=group_set, **fields)
        Factor.objects.filter(group__group_set=group_set,
                              pk__in=[int(i) for i in theme["items"]]).update(theme=row)
