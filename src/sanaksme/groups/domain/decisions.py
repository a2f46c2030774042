"""The facilitator's decisions on a comparison, and how each correction becomes one.

Pure Python. A correction on the console (move a factor into a theme, split it off,
merge two themes) is a `Step`: pairs of items that must share a theme ("together") and
pairs that must not ("apart"). The steps of a comparison, newest first, are resolved
into one consistent set of `Decisions` (`decisions_from_steps`): a newer step overrides
an older one it contradicts, so the facilitator can always change their mind. Confirmed
themes are decisions too: the engine never changes them. See docs/domain/comparison.md.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Pair = tuple[str, str]
Key = TypeVar("Key", str, int)


class DecisionError(ValueError):
    """Decisions that cannot all hold, or that name unknown items; `path` names where."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class DecidedTheme:
    """A theme the facilitator has seen. Confirmed: kept exactly as it is. Not
    confirmed: only its label is kept, for the proposed theme holding most of it."""

    label: str
    items: tuple[str, ...]
    confirmed: bool = True


@dataclass(frozen=True)
class Decisions:
    together: tuple[Pair, ...] = ()
    apart: tuple[Pair, ...] = ()
    themes: tuple[DecidedTheme, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.together or self.apart or self.themes)

    def confirmed(self) -> tuple[DecidedTheme, ...]:
        return tuple(t for t in self.themes if t.confirmed)

    def check(self, ids: Collection[str]) -> None:
        """Raise DecisionError unless every decision names known items and all can hold:
        an item in at most one confirmed theme; no "together" pair that would change a
        confirmed theme; no "apart" pair inside one confirmed theme or inside items that
        "together" pairs join."""
        known = set(ids)
        fixed: dict[str, int] = {}
        for number, theme in enumerate(self.themes):
            path = f"decisions.themes[{number}]"
            if not theme.items:
                raise DecisionError(f"{path}.items", "empty")
            seen: set[str] = set()
            for position, item in enumerate(theme.items):
                _known(item, known, f"{path}.items[{position}]")
                if item in seen:
                    raise DecisionError(f"{path}.items[{position}]", f"{item!r} twice")
                seen.add(item)
                if theme.confirmed:
                    if item in fixed:
                        raise DecisionError(
                            f"{path}.items[{position}]",
                            f"{item!r} is already in decisions.themes[{fixed[item]}]")
                    fixed[item] = number
        joined: _Components[str] = _Components()
        for number, (a, b) in enumerate(self.together):
            path = f"decisions.together[{number}]"
            _pair(a, b, known, path)
            if fixed.get(a) != fixed.get(b):
                raise DecisionError(path, "would change a confirmed theme")
            joined.union(a, b)
        for number, (a, b) in enumerate(self.apart):
            path = f"decisions.apart[{number}]"
            _pair(a, b, known, path)
            if a in fixed and fixed.get(a) == fixed.get(b):
                raise DecisionError(path, "both items are in one confirmed theme")
            if joined.find(a) == joined.find(b):
                raise DecisionError(path, "\"together\" decisions join these items")


def _known(item: str, known: set[str], path: str) -> None:
    if item not in known:
        raise DecisionError(path, f"unknown item {item!r}")


def _pair(a: str, b: str, known: set[str], path: str) -> None:
    _known(a, known, f"{path}[0]")
    _known(b, known, f"{path}[1]")
    if a == b:
        raise DecisionError(path, "the same item twice")


class _Components(Generic[Key]):
    """Union-find over item ids (or indices)."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def find(self, item: Key) -> Key:
        root = item
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while item != root:
            item, self.parent[item] = self.parent.get(item, item), root
        return root

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self, items: Iterable[Key]) -> list[list[Key]]:
        by_root: dict[Key, list[Key]] = {}
        for item in items:
            by_root.setdefault(self.find(item), []).append(item)
        return list(by_root.values())


@dataclass(frozen=True)
class Step:
    """One correction: what it says must be together and apart."""

    together: tuple[Pair, ...] = ()
    apart: tuple[Pair, ...] = ()
    moved: tuple[str, ...] = field(default=())  # the items the facilitator moved


def step_move(themes: Sequence[Sequence[str]], item: str, target: int | None) -> Step:
    """Move `item` into `themes[target]`, or (None) split it off on its own: it belongs
    with every item of the target and with none of the theme it leaves."""
    source = next((theme for theme in themes if item in theme), ())
    mates = [other for other in source if other != item]
    joined = [] if target is None else [other for other in themes[target] if other != item]
    return Step(together=tuple(_pairs_with(item, joined)),
                apart=tuple(_pairs_with(item, [m for m in mates if m not in joined])),
                moved=(item,))


def step_merge(themes: Sequence[Sequence[str]], theme: int, into: int) -> Step:
    """Put every item of `themes[theme]` into `themes[into]`: all of them belong together."""
    items = list(themes[into]) + [i for i in themes[theme] if i not in themes[into]]
    pairs = tuple((a, b) for position, a in enumerate(items) for b in items[position + 1:])
    return Step(together=pairs, moved=tuple(themes[theme]))


def _pairs_with(item: str, others: Iterable[str]) -> list[Pair]:
    return [(item, other) for other in others]


def decisions_from_steps(steps: Sequence[Step],
                         themes: Sequence[DecidedTheme] = ()) -> Decisions:
    """The decisions that hold after `steps` (oldest first) and the decided themes.

    Confirmed themes win over every step; among steps the newest wins: a pair is kept
    unless a newer step already decided otherwise, directly or through "together"
    pairs (if a~b and b~c were decided later, an older "a apart from c" is dropped).
    Pairs that touch a confirmed theme's items are implied by the theme: "together"
    pairs are dropped, "apart" pairs kept (they are evidence: these items differ).
    """
    fixed = {item: number for number, theme in enumerate(themes) if theme.confirmed
             for item in theme.items}
    joined: _Components[str] = _Components()
    together: list[Pair] = []
    apart: list[Pair] = []
    seen: set[frozenset[str]] = set()
    for step in reversed(steps):
        for a, b in step.together:
            if a == b or a in fixed or b in fixed or frozenset((a, b)) in seen:
                continue
            ra, rb = joined.find(a), joined.find(b)
            if ra != rb and any({joined.find(x), joined.find(y)} == {ra, rb}
                                for x, y in apart):
                continue
            joined.union(a, b)
            together.append((a, b))
            seen.add(frozenset((a, b)))
        for a, b in step.apart:
            if a == b or frozenset((a, b)) in seen:
                continue
            if a in fixed and fixed.get(a) == fixed.get(b):
                continue
            if joined.find(a) == joined.find(b):
                continue
            apart.append((a, b))
            seen.add(frozenset((a, b)))
    together.reverse()
    apart.reverse()
    return Decisions(tuple(together), tuple(apart), tuple(themes))


def components(items: Sequence[Key], together: Iterable[tuple[Key, Key]]) -> list[list[Key]]:
    """The items grouped by "together" pairs, each group in input order, groups in
    order of their first item."""
    joined: _Components[Key] = _Components()
    for a, b in together:
        joined.union(a, b)
    return joined.groups(items)
