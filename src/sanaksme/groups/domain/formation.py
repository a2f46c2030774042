"""Small-group formation: K balanced random groups plus one group per dedicated category.

Pure Python (no Django, no I/O). Takes frozen dataclasses and a seed, returns member
ids. Errors carry a `FormationErrorCode`; templates turn codes into words.
The rules, the algorithm and its guarantees: docs/domain/formation.md.
"""

from __future__ import annotations

import random
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import combinations, product

from sanaksme.programme.domain.methods import NOT_STATED


class GroupKind(StrEnum):
    RANDOM = "random"
    DEDICATED = "dedicated"


class FormationErrorCode(StrEnum):
    INVALID_RULE = "invalid_rule"  # negative K, a repeated dedicated category, or K = 0
    # while some category still needs a random group
    DUPLICATE_MEMBER = "duplicate_member"  # one id given twice
    ALREADY_PLACED = "already_placed"  # add_member for someone already in the formation
    UNKNOWN_MEMBER = "unknown_member"  # move_member for someone not in the formation
    UNKNOWN_GROUP = "unknown_group"  # no such group index / no dedicated group to join


class FormationError(Exception):
    """A formation request broke a rule; `code` says which (no text: callers word it)."""

    def __init__(self, code: FormationErrorCode) -> None:
        super().__init__(code.value)
        self.code = code


@dataclass(frozen=True)
class Member:
    id: int
    category: str
    # e.g. (municipality, institution); the first is the primary key for spreading
    affiliations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    random_groups: int
    random_categories: frozenset[str]
    dedicated_categories: tuple[str, ...]

    def kind_for(self, category: str) -> GroupKind | None:
        """Where a category goes: a category in both lists goes to its dedicated group;
        a person with no category (consent withdrawn) to a random group, if any."""
        if category in self.dedicated_categories:
            return GroupKind.DEDICATED
        if category in self.random_categories:
            return GroupKind.RANDOM
        if category == NOT_STATED and self.random_groups and self.random_categories:
            return GroupKind.RANDOM
        return None


DEMO_RULE = Rule(
    random_groups=3,
    random_categories=frozenset({"regional_expert", "municipal", "expert"}),
    dedicated_categories=("roma_community",),
)


@dataclass(frozen=True)
class PlannedGroup:
    kind: GroupKind
    category: str | None  # set for dedicated groups
    members: tuple[int, ...]  # member ids, sorted


@dataclass(frozen=True)
class Formation:
    # random groups first (numbered 1..K in the UI), then dedicated groups in rule order
    groups: tuple[PlannedGroup, ...]
    unassigned: tuple[int, ...]  # members whose category is in neither list, sorted


@dataclass(frozen=True)
class Balance:
    random_sizes: tuple[int, ...]
    dedicated_sizes: tuple[int, ...]

    @property
    def random_spread(self) -> int:
        """Largest minus smallest random group (0 without random groups)."""
        if not self.random_sizes:
            return 0
        return max(self.random_sizes) - min(self.random_sizes)


def normalise_affiliation(text: str) -> str:
    """The comparison form of an affiliation: NFC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class _Profile:
    """A member as the spreading rules see them: normalised affiliations."""

    id: int
    primary: str | None
    secondary: frozenset[str]

    @classmethod
    def of(cls, member: Member) -> _Profile:
        names = [normalise_affiliation(a) for a in member.affiliations]
        primary = names[0] if names and names[0] else None
        secondary = frozenset(n for n in names[1:] if n and n != primary)
        return cls(member.id, primary, secondary)

    @property
    def all(self) -> frozenset[str]:
        return self.secondary if self.primary is None else self.secondary | {self.primary}


def _check_rule(rule: Rule) -> None:
    dedicated = rule.dedicated_categories
    needs_random = bool(rule.random_categories - set(dedicated))
    if (rule.random_groups < 0 or len(set(dedicated)) != len(dedicated)
            or (needs_random and rule.random_groups == 0)):
        raise FormationError(FormationErrorCode.INVALID_RULE)


def form_groups(members: Sequence[Member], rule: Rule, *, seed: int) -> Formation:
    """Random groups differing in size by at most one, each primary affiliation spread
    (at most ceil(c/K) per group), plus one group per dedicated category; the same
    members in any order, rule and seed always give the same formation."""
    _check_rule(rule)
    ordered = sorted(members, key=lambda m: m.id)
    if len({m.id for m in ordered}) != len(ordered):
        raise FormationError(FormationErrorCode.DUPLICATE_MEMBER)
    pool = [_Profile.of(m) for m in ordered if rule.kind_for(m.category) is GroupKind.RANDOM]
    rng = random.Random(seed)  # noqa: S311 (a fair, reproducible draw, not a secret)
    drawn = _draw(pool, min(rule.random_groups, len(pool)), rng)
    dedicated = tuple(
        PlannedGroup(GroupKind.DEDICATED, category,
                     tuple(m.id for m in ordered if m.category == category))
        for category in rule.dedicated_categories)
    unassigned = tuple(m.id for m in ordered if rule.kind_for(m.category) is None)
    return Formation(groups=drawn + dedicated, unassigned=unassigned)


def _draw(pool: list[_Profile], count: int, rng: random.Random) -> tuple[PlannedGroup, ...]:
    """Deal the pool round-robin into `count` groups, people of one primary affiliation
    next to each other, so the c people of one affiliation get at most ceil(c/count)
    places in any group."""
    if count == 0:
        return ()
    by_primary: dict[str | None, list[_Profile]] = {}
    for profile in pool:  # pool is sorted by id, so this order is reproducible
        by_primary.setdefault(profile.primary, []).append(profile)
    blocks = [b for key, b in by_primary.items() if key is not None]
    blocks += [[p] for p in by_primary.get(None, [])]  # nothing to spread: one block each
    rng.shuffle(blocks)
    for block in blocks:
        rng.shuffle(block)
    dealt = [profile for block in blocks for profile in block]
    groups = [dealt[start::count] for start in range(count)]
    _spread_secondary(groups)
    rng.shuffle(groups)
    return tuple(PlannedGroup(GroupKind.RANDOM, None, tuple(sorted(p.id for p in g)))
                 for g in groups)


class _Tally:
    """How many people in one group have each primary and each secondary affiliation."""

    def __init__(self, group: Iterable[_Profile]) -> None:
        self.primary: Counter[str] = Counter()
        self.secondary: Counter[str] = Counter()
        for profile in group:
            self.add(profile, 1)

    def add(self, profile: _Profile, step: int) -> None:
        if profile.primary is not None:
            self.primary[profile.primary] += step
        for name in profile.secondary:
            self.secondary[name] += step

    def shares(self, profile: _Profile, leaving: _Profile) -> tuple[int, int]:
        """Pairs `profile` would form here (primary, secondary) once `leaving` has left."""
        same = 0
        if profile.primary is not None:
            same = self.primary[profile.primary] - (leaving.primary == profile.primary)
        other = sum(self.secondary[n] - (n in leaving.secondary) for n in profile.secondary)
        return same, other


def _spread_secondary(groups: list[list[_Profile]]) -> None:
    """Swap people between groups while that strictly lowers the pairs sharing an
    affiliation, compared as (primary pairs, secondary pairs). Sizes never change and
    the round-robin deal already has the fewest primary pairs, so only secondary
    pairs can fall: the primary bound is kept (docs/domain/formation.md)."""
    tallies = [_Tally(g) for g in groups]
    while swap := _improving_swap(groups, tallies):
        a, i, b, j = swap
        x, y = groups[a][i], groups[b][j]
        groups[a][i], groups[b][j] = y, x
        tallies[a].add(x, -1)
        tallies[a].add(y, 1)
        tallies[b].add(y, -1)
        tallies[b].add(x, 1)


def _improving_swap(groups: list[list[_Profile]],
                    tallies: list[_Tally]) -> tuple[int, int, int, int] | None:
    for a, b in combinations(range(len(groups)), 2):
        for (i, x), (j, y) in product(enumerate(groups[a]), enumerate(groups[b])):
            before = [*tallies[a].shares(x, x), *tallies[b].shares(y, y)]
            after = [*tallies[b].shares(x, y), *tallies[a].shares(y, x)]
            gain = (before[0] + before[2] - after[0] - after[2],
                    before[1] + before[3] - after[1] - after[3])
            if gain > (0, 0):
                return a, i, b, j
    return None


def add_member(formation: Formation, member: Member, rule: Rule,
               members: Sequence[Member], *, seed: int) -> Formation:
    """Place a late arrival: into their category's dedicated group, else into the
    smallest random group, else (category in neither list) among the unassigned.

    Ties between random groups go to the one with the fewest people of the same
    primary affiliation, then sharing any affiliation, then the lowest index. As the
    index settles every tie, `seed` is accepted for a stable signature but not used.
    While there are fewer random groups than the rule asks for (few people at the
    draw), a missing group counts as an empty one, so the newcomer opens it.
    `members` is everybody already placed, for their affiliations; placed ids missing
    from it count as sharing nothing."""
    del seed  # lowest index breaks every remaining tie
    _check_rule(rule)
    placed = {i for g in formation.groups for i in g.members} | set(formation.unassigned)
    if member.id in placed:
        raise FormationError(FormationErrorCode.ALREADY_PLACED)
    kind = rule.kind_for(member.category)
    if kind is None:
        return replace(formation, unassigned=tuple(sorted((*formation.unassigned, member.id))))
    if kind is GroupKind.DEDICATED:
        index = next((i for i, g in enumerate(formation.groups)
                      if g.kind is GroupKind.DEDICATED and g.category == member.category), None)
        if index is None:
            raise FormationError(FormationErrorCode.UNKNOWN_GROUP)
        return _with_member(formation, member.id, index)
    return _join_random(formation, member, rule, members)


def _join_random(formation: Formation, member: Member, rule: Rule,
                 members: Sequence[Member]) -> Formation:
    profiles = {m.id: _Profile.of(m) for m in members}
    newcomer = _Profile.of(member)
    indexes = [i for i, g in enumerate(formation.groups) if g.kind is GroupKind.RANDOM]

    def key(index: int) -> tuple[int, int, int, int]:
        others = [profiles[i] for i in formation.groups[index].members if i in profiles]
        same = sum(newcomer.primary is not None and p.primary == newcomer.primary
                   for p in others)
        sharing = sum(bool(newcomer.all & p.all) for p in others)
        return len(formation.groups[index].members), same, sharing, index

    best = min(indexes, key=key, default=None)
    # _check_rule ensures random_groups >= 1 here, so with no random group yet we open one
    if best is None or (len(indexes) < rule.random_groups and key(best)[0] > 0):
        at = indexes[-1] + 1 if indexes else 0
        opened = PlannedGroup(GroupKind.RANDOM, None, (member.id,))
        groups = (*formation.groups[:at], opened, *formation.groups[at:])
        return replace(formation, groups=groups)
    return _with_member(formation, member.id, best)


def _with_member(formation: Formation, member_id: int, index: int) -> Formation:
    groups = list(formation.groups)
    target = groups[index]
    groups[index] = replace(target, members=tuple(sorted((*target.members, member_id))))
    return replace(formation, groups=tuple(groups))


def move_member(formation: Formation, member_id: int, to_index: int) -> Formation:
    """Move one member (grouped or unassigned) into `formation.groups[to_index]`,
    0-based, with no balance rule; everybody else stays where they are."""
    grouped = any(member_id in g.members for g in formation.groups)
    if not grouped and member_id not in formation.unassigned:
        raise FormationError(FormationErrorCode.UNKNOWN_MEMBER)
    if not 0 <= to_index < len(formation.groups):
        raise FormationError(FormationErrorCode.UNKNOWN_GROUP)
    without = Formation(
        groups=tuple(replace(g, members=tuple(i for i in g.members if i != member_id))
                     for g in formation.groups),
        unassigned=tuple(i for i in formation.unassigned if i != member_id))
    return _with_member(without, member_id, to_index)


def group_balance(formation: Formation) -> Balance:
    """Group sizes, random and dedicated, in formation order."""
    return Balance(
        random_sizes=tuple(len(g.members) for g in formation.groups
                           if g.kind is GroupKind.RANDOM),
        dedicated_sizes=tuple(len(g.members) for g in formation.groups
                              if g.kind is GroupKind.DEDICATED))
