"""Correction cost of the comparison engine: how many moves a facilitator needs.

For each case (benchmarks/compare/<set>/*.json, as in compare_quality.py) a simulated
facilitator turns the engine's themes into the gold themes, one correction at a time:
move an item into another theme, split it off on its own, or merge two themes. Each
correction counts as one move. Columns:

    floor        moves from no proposal (every item alone): the partition distance from
                 singletons to the gold; "floor sim" is the simulated facilitator's count
                 from there (merges move several items at once, so it can be lower)
    first        the partition distance from the engine's first proposal to the gold
                 (the fewest single-item moves without re-proposal)
    sim          the simulated facilitator's moves from the first proposal, without
                 re-proposal: its corrections only edit the themes
    re-proposal  the same facilitator, but after each correction its `Step` joins the
                 steps so far and the engine proposes again with those decisions
    learning     as re-proposal, with one set's cases run in name order (one
                 organisation's meetings) and the lexicon learning each case's confirmed
                 gold themes (`lexicon_learn`) before the next; "first L" is the partition
                 distance of the first proposal with the learned lexicon

"per 20 items" is moves × 20 / items. The verdicts at the end: re-proposal on the FRESH
sets ≤ 2 moves per 20 items; re-proposal never takes more moves than editing alone (sim);
learning does not raise a set's later meetings; and (checks of the benchmark itself) the
facilitator from no proposal stays within the floor, and each correction holds in the
re-proposal right after it. The partition distance is n minus the largest
total overlap of a one-to-one matching of predicted and gold themes (Hungarian method).

    .venv/bin/python benchmarks/compare_corrections.py [--sets tune holdout] [--markdown]
        [--details]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from compare_quality import CASES, FRESH, LEXICON, SETS, load_cases, print_table

from sanaksme.groups.domain.compare_io import parse_compare_input
from sanaksme.groups.domain.comparison import GroupResult, compare_results
from sanaksme.groups.domain.decisions import (
    DecidedTheme,
    Step,
    decisions_from_steps,
    step_merge,
    step_move,
)
from sanaksme.groups.domain.lexicon import Lexicon, lexicon_additions, lexicon_learn
from sanaksme.groups.lexicon_data import default_lexicon

Partition = list[list[str]]
TARGET_PER_20 = 2.0
CAP_FACTOR = 3  # the facilitator gives up after 3 × items moves


# --- partition distance ---------------------------------------------------------------

def max_assignment(weights: Sequence[Sequence[int]]) -> int:
    """The largest total weight of a one-to-one matching of rows and columns (Hungarian
    method with potentials, O(rows² · columns)); weights are non-negative."""
    if not weights or not weights[0]:
        return 0
    rows, columns = len(weights), len(weights[0])
    if rows > columns:
        weights = [list(column) for column in zip(*weights, strict=True)]
        rows, columns = columns, rows
    top = max(max(row) for row in weights)
    cost = [[top - value for value in row] for row in weights]
    inf = float("inf")
    u = [0.0] * (rows + 1)
    v = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)  # owner[j]: the row (1-based) matched to column j
    way = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        j0 = 0
        least = [inf] * (columns + 1)
        used = [False] * (columns + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = owner[j0], inf, 0
            for j in range(1, columns + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < least[j]:
                        least[j], way[j] = current, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(columns + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sum(weights[owner[j] - 1][j - 1] for j in range(1, columns + 1) if owner[j])


def partition_distance(predicted: Sequence[Sequence[str]],
                       gold: Sequence[Sequence[str]]) -> int:
    """The fewest items to move (each into another theme or a new one) to turn
    `predicted` into `gold`: n minus the largest overlap of a one-to-one matching of
    their themes. Both must partition the same items."""
    where = {item: number for number, theme in enumerate(gold) for item in theme}
    n = len(where)
    if sum(len(theme) for theme in predicted) != n or any(
            item not in where for theme in predicted for item in theme):
        raise ValueError("the partitions do not hold the same items")
    overlap: dict[tuple[int, int], int] = Counter(
        (row, where[item]) for row, theme in enumerate(predicted) for item in theme)
    # The matching decomposes over the connected parts of the overlap graph; most are
    # a single pair, so the Hungarian method only runs on the tangled ones.
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])
            node = parent[node]
        return node

    for row, column in overlap:
        a, b = find(("p", row)), find(("g", column))
        if a != b:
            parent[a] = b
    parts: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for pair in overlap:
        parts.setdefault(find(("g", pair[1])), []).append(pair)
    matched = 0
    for pairs in parts.values():
        rows = sorted({row for row, _ in pairs})
        columns = sorted({column for _, column in pairs})
        if len(rows) == 1 or len(columns) == 1:
            matched += max(overlap[pair] for pair in pairs)
            continue
        matched += max_assignment([[overlap.get((row, column), 0) for column in columns]
                                   for row in rows])
    return n - matched


def same_partition(a: Sequence[Sequence[str]], b: Sequence[Sequence[str]]) -> bool:
    return {frozenset(theme) for theme in a} == {frozenset(theme) for theme in b}


# --- the simulated facilitator --------------------------------------------------------

def natural_key(item: str) -> tuple[tuple[int, int | str], ...]:
    """Item ids in reading order: e1-2 before e1-10."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", item) if part)


@dataclass(frozen=True)
class Move:
    """One correction on `themes`: "move" `items[0]` from `source` into `target`,
    "split" it off (target None), or "merge" `themes[source]` into `themes[target]`."""

    kind: str
    items: tuple[str, ...]
    source: int
    target: int | None

    def step(self, themes: Sequence[Sequence[str]]) -> Step:
        if self.kind == "merge":
            assert self.target is not None
            return step_merge(themes, self.source, self.target)
        return step_move(themes, self.items[0], self.target)

    def apply(self, themes: Sequence[Sequence[str]]) -> Partition:
        result = [list(theme) for theme in themes]
        if self.kind == "merge":
            assert self.target is not None
            result[self.target].extend(result[self.source])
            result[self.source] = []
        else:
            item = self.items[0]
            result[self.source].remove(item)
            if self.target is None:
                result.append([item])
            else:
                result[self.target].append(item)
        return [theme for theme in result if theme]

    def describe(self, themes: Sequence[Sequence[str]]) -> str:
        def name(index: int | None) -> str:
            if index is None:
                return "(alone)"
            shown = ",".join(themes[index][:4])
            more = ",…" if len(themes[index]) > 4 else ""
            return f"#{index}[{shown}{more}]"

        if self.kind == "merge":
            return f"merge {name(self.source)} → {name(self.target)}"
        return f"{self.kind} {self.items[0]}: {name(self.source)} → {name(self.target)}"


_KIND_ORDER = {"merge": 0, "move": 1, "split": 2}


def candidate_moves(themes: Sequence[Sequence[str]],
                    gold: Sequence[Sequence[str]]) -> list[Move]:
    """(a) each item into the theme (not its own) holding most of its gold theme-mates;
    (b) each item of a theme of two or more split off; (c) each two themes that share a
    gold theme merged (into the larger)."""
    gold_of = {item: number for number, theme in enumerate(gold) for item in theme}
    theme_of = {item: number for number, theme in enumerate(themes) for item in theme}
    moves: list[Move] = []
    for source, theme in enumerate(themes):
        for item in theme:
            mates = Counter(theme_of[other] for other in gold[gold_of[item]]
                            if other != item and theme_of[other] != source)
            if mates:
                target = min(mates, key=lambda t: (-mates[t], t))
                moves.append(Move("move", (item,), source, target))
            if len(theme) > 1:
                moves.append(Move("split", (item,), source, None))
    linked: set[tuple[int, int]] = set()
    for gold_theme in gold:
        holders = sorted({theme_of[item] for item in gold_theme})
        linked.update(combinations(holders, 2))
    for a, b in sorted(linked):
        into, merged = (a, b) if len(themes[a]) >= len(themes[b]) else (b, a)
        moves.append(Move("merge", tuple(themes[merged]), merged, into))
    return moves


def _move_key(move: Move, themes: Sequence[Sequence[str]]) -> tuple[object, ...]:
    if move.kind == "merge":
        assert move.target is not None
        first = sorted((min(themes[move.source], key=natural_key),
                        min(themes[move.target], key=natural_key)), key=natural_key)
        return (_KIND_ORDER[move.kind], [natural_key(i) for i in first])
    return (_KIND_ORDER[move.kind], [natural_key(move.items[0])],
            -1 if move.target is None else move.target)


def best_move(themes: Sequence[Sequence[str]],
              gold: Sequence[Sequence[str]]) -> tuple[Move, bool] | None:
    """The correction that lowers the partition distance most (ties: merges, then moves,
    then splits; then item id order), and whether it came from the fallback: when no
    (a)–(c) candidate lowers the distance, every item is tried in every theme and on
    its own (a move along an optimal matching always lowers it by one). None when the
    themes already are the gold."""
    distance = partition_distance(themes, gold)
    if distance == 0:
        return None
    for fallback in (False, True):
        moves = _all_moves(themes) if fallback else candidate_moves(themes, gold)
        scored = [(partition_distance(move.apply(themes), gold), _move_key(move, themes),
                   move) for move in moves]
        scored = [entry for entry in scored if entry[0] < distance]
        if scored:
            return min(scored, key=lambda entry: entry[:2])[2], fallback
    raise AssertionError("no move lowers the partition distance")  # cannot happen


def _all_moves(themes: Sequence[Sequence[str]]) -> list[Move]:
    moves: list[Move] = []
    for source, theme in enumerate(themes):
        for item in theme:
            moves.extend(Move("move", (item,), source, target)
                         for target in range(len(themes)) if target != source)
            if len(theme) > 1:
                moves.append(Move("split", (item,), source, None))
    return moves


@dataclass
class Trace:
    """One correction as made: the move, its step, the themes it was made on and the
    themes after it (re-proposed, when the engine proposes again)."""

    move: Move
    step: Step
    before: Partition
    after: Partition
    fallback: bool
    distance: int  # from `after` to the gold


@dataclass
class Run:
    moves: int = 0
    capped: bool = False
    trace: list[Trace] = field(default_factory=list)


# The steps so far and the themes as the facilitator just left them → the next themes.
Proposer = Callable[[Sequence[Step], Partition], Partition]


def simulate(themes: Sequence[Sequence[str]], gold: Sequence[Sequence[str]], *,
             propose: Proposer | None = None, cap: int | None = None) -> Run:
    """The facilitator's corrections from `themes` until they are the gold. Without
    `propose` each correction edits the themes; with it, each correction's `Step` joins
    the steps so far and `propose(steps)` gives the next themes. Stops after `cap`
    moves (default 3 × items) with `capped` set."""
    limit = cap if cap is not None else CAP_FACTOR * sum(len(theme) for theme in gold)
    current: Partition = [list(theme) for theme in themes]
    steps: list[Step] = []
    run = Run()
    while not same_partition(current, gold):
        if run.moves >= limit:
            run.capped = True
            break
        found = best_move(current, gold)
        assert found is not None
        move, fallback = found
        step = move.step(current)
        after = move.apply(current)
        if propose is not None:
            steps.append(step)
            after = propose(steps, after)
        run.trace.append(Trace(move, step, current, after, fallback,
                               partition_distance(after, gold)))
        run.moves += 1
        current = after
    return run


def broken_steps(run: Run) -> int:
    """Corrections whose own "together" or "apart" pairs the themes right after them
    (the re-proposal's) do not hold."""
    broken = 0
    for entry in run.trace:
        theme_of = {item: n for n, theme in enumerate(entry.after) for item in theme}
        broken += any(theme_of[a] != theme_of[b] for a, b in entry.step.together) or any(
            theme_of[a] == theme_of[b] for a, b in entry.step.apart)
    return broken


def singletons(gold: Sequence[Sequence[str]]) -> Partition:
    return [[item] for theme in gold for item in theme]


class Engine:
    """`compare_results` on one case's groups; times each call made with decisions."""

    def __init__(self, keep_board: bool = True) -> None:
        self.keep_board = keep_board  # pass the edited themes as the proposal to start from
        self.calls = 0
        self.seconds = 0.0

    def first(self, groups: Sequence[GroupResult], learned: Lexicon | None = None
              ) -> Partition:
        return [list(theme.items)
                for theme in compare_results(groups, lexicon=LEXICON, learned=learned)]

    def proposer(self, groups: Sequence[GroupResult], learned: Lexicon | None = None
                 ) -> Proposer:
        def propose(steps: Sequence[Step], edited: Partition) -> Partition:
            board = [DecidedTheme("", tuple(theme), confirmed=False) for theme in edited]
            decisions = decisions_from_steps(steps, board if self.keep_board else ())
            start = time.perf_counter()
            themes = compare_results(groups, lexicon=LEXICON, decisions=decisions,
                                     learned=learned)
            self.seconds += time.perf_counter() - start
            self.calls += 1
            return [list(theme.items) for theme in themes]

        return propose


# --- the benchmark --------------------------------------------------------------------

@dataclass
class CaseResult:
    name: str
    items: int
    floor: int
    floor_sim: int
    first: int
    sim: int
    reproposal: int
    first_learning: int
    learning: int
    capped: list[str] = field(default_factory=list)  # the columns that hit the cap
    fallbacks: int = 0  # moves that needed the fallback (not an (a)–(c) candidate)
    broken: int = 0  # corrections the next re-proposal did not honour
    details: list[str] = field(default_factory=list)

    COLUMNS = ("floor", "floor_sim", "first", "sim", "reproposal", "first_learning",
               "learning")


def _gold(data: dict[str, object], groups: Sequence[GroupResult]) -> Partition:
    gold = [list(theme["items"]) for theme in data["gold"]]  # type: ignore[attr-defined]
    placed = {item for theme in gold for item in theme}
    # An item the gold leaves out is a theme of its own.
    gold += [[item.id] for group in groups for item in group.items if item.id not in placed]
    return gold


def _describe(label: str, run: Run) -> list[str]:
    lines = [f"  {label}: {run.moves} moves{' (cap hit)' if run.capped else ''}"]
    for number, entry in enumerate(run.trace, 1):
        note = " [fallback]" if entry.fallback else ""
        lines.append(f"    {number}. {entry.move.describe(entry.before)}{note}"
                     f"  → distance {entry.distance}")
    return lines


def score_case(name: str, data: dict[str, object], engine: Engine,
               learned: Lexicon, details: bool = False) -> CaseResult:
    groups = parse_compare_input(data)
    gold = _gold(data, groups)
    items = sum(len(theme) for theme in gold)
    floor_run = simulate(singletons(gold), gold)
    first = engine.first(groups)
    sim = simulate(first, gold)
    reproposal = simulate(first, gold, propose=engine.proposer(groups))
    additions = lexicon_additions(LEXICON, learned)
    first_learning = engine.first(groups, additions)
    learning = simulate(first_learning, gold, propose=engine.proposer(groups, additions))
    runs = {"floor sim": floor_run, "sim": sim, "re-proposal": reproposal,
            "learning": learning}
    result = CaseResult(
        name, items, partition_distance(singletons(gold), gold), floor_run.moves,
        partition_distance(first, gold), sim.moves, reproposal.moves,
        partition_distance(first_learning, gold), learning.moves,
        capped=[label for label, run in runs.items() if run.capped],
        fallbacks=sum(entry.fallback for run in runs.values() for entry in run.trace),
        broken=broken_steps(reproposal) + broken_steps(learning))
    if details:
        result.details.append(f"== {name}: {items} items, first proposal "
                              f"{len(first)} themes, gold {len(gold)} themes")
        for label in ("sim", "re-proposal", "learning"):
            result.details.extend(_describe(label, runs[label]))
    return result


def _per20(moves: int, items: int) -> str:
    return f"{moves * 20 / items:.2f}" if items else "-"


HEADER = ["case", "items", "floor", "floor sim", "first", "sim", "re-proposal",
          "first L", "learning"]


def _row(label: str, cases: Sequence[CaseResult]) -> list[str]:
    items = sum(case.items for case in cases)
    cells = [label, str(items)]
    for column in CaseResult.COLUMNS:
        moves = sum(getattr(case, column) for case in cases)
        cells.append(str(moves) if len(cases) == 1 else f"{moves} ({_per20(moves, items)})")
    if any(case.capped for case in cases):
        cells[0] += " (cap hit)"
    return cells


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS),
                        help=f"sets to run, space- or comma-separated ({', '.join(SETS)}); "
                             "a missing folder is skipped")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--details", action="store_true",
                        help="print each case's moves (item, from → to)")
    parser.add_argument("--from-scratch", action="store_true",
                        help="re-propose from the decisions alone, not from the themes "
                             "the facilitator just edited (an ablation)")
    args = parser.parse_args(argv)
    names = [n for part in args.sets for n in part.split(",") if n]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        parser.error(f"unknown set {unknown[0]!r} (use {', '.join(SETS)})")

    start = time.perf_counter()
    engine = Engine(keep_board=not args.from_scratch)
    rows: list[list[str]] = []
    results: dict[str, list[CaseResult]] = {}
    for name in names:
        if not (CASES / name).is_dir():
            print(f"{name}: no folder {CASES / name}, skipped")
            continue
        learned = default_lexicon()
        cases: list[CaseResult] = []
        for case_name, data in load_cases(CASES / name):  # sorted by name
            result = score_case(f"{name}/{case_name}", data, engine, learned,
                                details=args.details)
            for line in result.details:
                print(line)
            cases.append(result)
            rows.append(_row(result.name, [result]))
            groups = parse_compare_input(data)
            text = {item.id: item.text for group in groups for item in group.items}
            # What the facilitator confirms: the gold themes of two or more notes; the
            # other notes of the meeting tell which new terms would say too little.
            confirmed = [theme for theme in data["gold"]  # type: ignore[attr-defined]
                         if len(theme["items"]) >= 2]
            inside = {i for theme in confirmed for i in theme["items"]}
            learned = lexicon_learn(
                learned, [(str(theme["label"]), [text[i] for i in theme["items"]])
                          for theme in confirmed],
                others=[t for i, t in text.items() if i not in inside])
        results[name] = cases
        rows.append(_row(f"**{name} overall**" if args.markdown else f"{name} overall",
                         cases))
    everything = [case for cases in results.values() for case in cases]
    if everything:
        rows.append(_row("**all**" if args.markdown else "all", everything))
    if args.details:
        print()
    print_table(rows, args.markdown, HEADER)
    print("\n(set rows: moves (moves per 20 items))")
    capped = [f"{case.name} ({', '.join(case.capped)})" for case in everything if case.capped]
    if capped:
        print(f"cap of {CAP_FACTOR} × items moves hit: {'; '.join(capped)}")
    fallbacks = sum(case.fallbacks for case in everything)
    if fallbacks:
        print(f"moves outside the (a)–(c) candidates (fallback): {fallbacks}")
    floor_worse = [case.name for case in everything if case.floor_sim > case.floor]
    print(f"simulated facilitator from no proposal within the floor on every case: "
          f"{'PASS' if not floor_worse else 'FAIL ' + ', '.join(floor_worse)}")

    broken = [f"{case.name} ({case.broken})" for case in everything if case.broken]
    print("every correction holds in the re-proposal right after it: "
          + ("PASS" if not broken else "FAIL " + ", ".join(broken)))
    fresh = [name for name in FRESH if results.get(name)]
    if fresh:
        cases = [case for name in fresh for case in results[name]]
        moves, items = sum(c.reproposal for c in cases), sum(c.items for c in cases)
        per20 = moves * 20 / items if items else 0.0
        verdict = "PASS" if per20 <= TARGET_PER_20 else "FAIL"
        print(f"fresh sets ({', '.join(fresh)}): with re-proposal {per20:.2f} moves per "
              f"20 items (target ≤ {TARGET_PER_20:g}): {verdict}")
    else:
        print(f"fresh sets: none in this run (fresh: {', '.join(FRESH) or 'none'}); "
              "no verdict on the target")
    worse = [f"{c.name} ({c.reproposal} > {c.sim})" for c in everything
             if c.reproposal > c.sim]
    print("never more moves with re-proposal than without (sim) on any case: "
          + ("PASS" if not worse else "FAIL"))
    for line in worse:
        print(f"  {line}")
    raised = []
    for name, cases in results.items():
        later = cases[1:]
        with_learning = sum(c.learning for c in later)
        without = sum(c.reproposal for c in later)
        if with_learning > without:
            raised.append(f"{name} ({with_learning} > {without} over {len(later)} "
                          "later meetings)")
    print("learning does not raise the moves of a set's later meetings: "
          + ("PASS" if not raised else "FAIL"))
    for line in raised:
        print(f"  {line}")
    wall = time.perf_counter() - start
    mean = engine.seconds / engine.calls * 1000 if engine.calls else 0.0
    print(f"\nwall time {wall:.1f} s; {engine.calls} compare_results calls with decisions, "
          f"mean {mean:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
