"""Average-linkage agglomerative clustering over a sparse similarity graph. Pure Python."""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence


def average_linkage(size: int, similarities: Mapping[tuple[int, int], float], *,
                    threshold: float,
                    apart: Sequence[Hashable | frozenset[Hashable]] | None = None,
                    ) -> list[list[int]]:
    """Clusters of 0..size-1: merge the closest pair while its mean similarity ≥ threshold.

    Pairs missing from `similarities` count as 0. With `apart` (a label, or a frozenset of
    labels, per element), two clusters that share a label are never merged. Ties merge the
    pair with the smaller first members, so the result depends only on the input. Each
    cluster is sorted; clusters come in order of their first member.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    labels: dict[int, frozenset[Hashable]] = {
        i: frozenset() if apart is None else _labels(apart[i]) for i in range(size)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(size)}
    for (a, b), value in similarities.items():
        if a != b and value > 0:
            links[a][b] = links[a].get(b, 0.0) + value
            links[b][a] = links[b].get(a, 0.0) + value
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        mean = links[a][b] / (len(members[a]) * len(members[b]))
        if mean >= threshold and not labels[a] & labels[b]:
            first, second = sorted((a, b), key=lambda c: members[c][0])
            heapq.heappush(heap, (-mean, members[first][0], members[second][0], first, second))

    for a in range(size):
        for b in links[a]:
            if a < b:
                push(a, b)
    next_id = size
    while heap:
        negative, _, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if links[a].get(b, 0.0) / (len(members[a]) * len(members[b])) != -negative:
            continue
        merged = next_id
        next_id += 1
        members[merged] = sorted(members.pop(a) + members.pop(b))
        labels[merged] = labels.pop(a) | labels.pop(b)
        combined: dict[int, float] = {}
        for old in (a, b):
            for other, total in links.pop(old).items():
                if other not in (a, b):
                    combined[other] = combined.get(other, 0.0) + total
                    del links[other][old]
        links[merged] = combined
        for other, total in combined.items():
            links[other][merged] = total
            push(merged, other)
    return sorted(members.values(), key=lambda cluster: cluster[0])


def _labels(value: Hashable | frozenset[Hashable]) -> frozenset[Hashable]:
    return value if isinstance(value, frozenset) else frozenset((value,))
