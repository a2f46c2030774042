"""Average-linkage agglomerative clustering over a sparse similarity graph. Pure Python."""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence


def average_linkage(size: int, similarities: Mapping[tuple[int, int], float], *,
                    threshold: float,
                    apart: Sequence[Hashable | frozenset[Hashable]] | None = None,
                    start: Sequence[Sequence[int]] = (),
                    settled: Sequence[bool] | None = None,
                    settled_threshold: float | None = None) -> list[list[int]]:
    """Clusters of 0..size-1: merge the closest pair while its mean similarity ≥ threshold.

    Pairs missing from `similarities` count as 0. With `apart` (a label, or a frozenset of
    labels, per element), two clusters that share a label are never merged. Ties merge the
    pair with the smaller first members, so the result depends only on the input. Each
    cluster is sorted; clusters come in order of their first member. `start` clusters
    (disjoint) are merged before anything else, whatever their similarity or labels.
    Two clusters that both hold a `settled` element (one already placed, say on the
    board the facilitator is correcting) merge only at `settled_threshold`.
    """
    element_labels = [frozenset() if apart is None else _labels(apart[i])
                      for i in range(size)]
    cluster_of = list(range(size))
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    for number, cluster in enumerate(start):
        if len(cluster) > 1:
            key = size + number
            members[key] = sorted(cluster)
            for i in cluster:
                del members[i]
                cluster_of[i] = key
    labels: dict[int, frozenset[Hashable]] = {
        key: frozenset().union(*(element_labels[i] for i in cluster))
        for key, cluster in members.items()}
    fixed: dict[int, bool] = {key: settled is not None and any(settled[i] for i in cluster)
                              for key, cluster in members.items()}
    strict = threshold if settled_threshold is None else settled_threshold
    links: dict[int, dict[int, float]] = {key: {} for key in members}
    for (a, b), value in similarities.items():
        ca, cb = cluster_of[a], cluster_of[b]
        if ca != cb and value > 0:
            links[ca][cb] = links[ca].get(cb, 0.0) + value
            links[cb][ca] = links[cb].get(ca, 0.0) + value
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        mean = links[a][b] / (len(members[a]) * len(members[b]))
        needed = strict if fixed[a] and fixed[b] else threshold
        if mean >= needed and not labels[a] & labels[b]:
            first, second = sorted((a, b), key=lambda c: members[c][0])
            heapq.heappush(heap, (-mean, members[first][0], members[second][0], first, second))

    for a in links:
        for b in links[a]:
            if a < b:
                push(a, b)
    next_id = size + len(start)
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
        settled_a, settled_b = fixed.pop(a), fixed.pop(b)
        fixed[merged] = settled_a or settled_b
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
