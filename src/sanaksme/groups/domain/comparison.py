"""Compare small groups' results: propose themes shared by experts and the community.

Pure Python (no Django, no I/O). Items from different groups that mean the same thing
form a theme. Similarity combines shared lexicon concepts with shared (typo-corrected,
stemmed) words; themes are found by average-linkage clustering. The facilitator's
decisions so far (`decisions.Decisions`) are honoured exactly and only the rest is
proposed again. See docs/domain/comparison.md.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from sanaksme.groups.domain.clustering import average_linkage
from sanaksme.groups.domain.decisions import Decisions, components
from sanaksme.groups.domain.lexicon import Lexicon
from sanaksme.groups.domain.matching import (
    Analysed,
    CompiledLexicon,
    analyse,
    compile_lexicon,
    match_concepts,
)
from sanaksme.groups.domain.normalise import correct_typos, stem, tokens

LABEL_LENGTH = 80


class GroupKind(StrEnum):
    EXPERTS = "experts"
    COMMUNITY = "community"


class ThemeStatus(StrEnum):
    COMMON = "common"
    EXPERTS_ONLY = "experts_only"
    COMMUNITY_ONLY = "community_only"


@dataclass(frozen=True)
class Item:
    id: str
    text: str


@dataclass(frozen=True)
class GroupResult:
    name: str
    kind: GroupKind
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Theme:
    label: str
    items: tuple[str, ...]
    status: ThemeStatus
    confirmed: bool = False  # a confirmed theme of the decisions, returned unchanged


class TextSimilarity(Protocol):
    """An optional stronger backend: an n×n matrix of similarities in [0, 1]."""

    def __call__(self, texts: Sequence[str], /) -> Sequence[Sequence[float]]: ...


@dataclass(frozen=True)
class Tuning:
    """The engine's knobs; the defaults were tuned on benchmarks/compare/tune/."""

    concept_weight: float = 0.7
    threshold: float = 0.4
    same_group_penalty: float = 0.5
    backend_weight: float = 0.5
    common_stem_share: float = 0.2
    partial_weight: float = 0.5
    one_per_group: bool = True  # a proposed theme holds at most one item of a group
    concept_idf: float = 1.0  # weight of a concept's rarity in the input (0: off)
    # Two items of different groups that are each other's closest item in the other
    # group are linked when their similarity reaches this floor (None: off).
    mutual_floor: float | None = 0.15
    # Decisions: words and concepts two items share that the facilitator put apart count
    # this much (1: as before) wherever else they appear...
    apart_discount: float = 0.3
    # ... and items decided to be together are one node whose similarity to another is
    # the largest of its members' ("max": each member's words pull its neighbours) or
    # their mean ("mean").
    decided_linkage: str = "max"
    # Starting from the proposal the facilitator is correcting (unconfirmed decided
    # themes), merging two clusters that both hold items already on it needs this mean
    # similarity (None: the threshold); a new note joins at the threshold.
    repropose_threshold: float | None = 0.7
    # An organisation's learned concepts only add: two notes that match one learned
    # concept are at least this similar (times the cosine of their learned concepts).
    learned_weight: float = 0.5
    # ... only a learned concept that at most this many notes of the meeting match (a
    # concept many notes match is the meeting's topic, not a theme).
    learned_cap: int = 2


_STATUS_ORDER = {ThemeStatus.COMMON: 0, ThemeStatus.EXPERTS_ONLY: 1,
                 ThemeStatus.COMMUNITY_ONLY: 2}


def theme_status(kinds: Iterable[GroupKind]) -> ThemeStatus:
    """Common when experts and the community both have items in it, else whose it is."""
    present = set(kinds)
    if not present:
        raise ValueError("a theme needs at least one item")
    if GroupKind.EXPERTS in present and GroupKind.COMMUNITY in present:
        return ThemeStatus.COMMON
    return ThemeStatus.EXPERTS_ONLY if GroupKind.EXPERTS in present else ThemeStatus.COMMUNITY_ONLY


@dataclass(frozen=True)
class _Entry:
    item: Item
    group: int
    kind: GroupKind


def compare_results(groups: Sequence[GroupResult], *, lexicon: Lexicon,
                    tuning: Tuning | None = None,
                    similarity: TextSimilarity | None = None,
                    decisions: Decisions | None = None,
                    learned: Lexicon | None = None) -> list[Theme]:
    """Themes over all items: each item in exactly one theme; the same input gives the
    same output. Order: common, experts only, community only; larger first. The lexicon
    is passed in (`groups.lexicon_data` loads the built-in one), so this stays pure.

    With `decisions`, confirmed themes come back unchanged, every "together" pair shares
    a theme, no "apart" pair does, and only the other items are grouped again
    (`DecisionError` if the decisions cannot all hold or name unknown items).

    `learned` is what an organisation's confirmed themes taught (`lexicon_learn`'s
    additions, kept apart from the built-in lexicon): it can raise the similarity of two
    notes that match one learned concept, never lower any."""
    entries = [_Entry(item, number, group.kind)
               for number, group in enumerate(groups) for item in group.items]
    ids = Counter(entry.item.id for entry in entries)
    duplicates = sorted(item_id for item_id, count in ids.items() if count > 1)
    if duplicates:
        raise ValueError(f"duplicate item id {duplicates[0]!r}")
    decided = decisions or Decisions()
    decided.check(ids)
    if not entries:
        return []
    knobs = tuning or Tuning()
    compiled = compile_lexicon(lexicon)
    texts = [entry.item.text for entry in entries]
    analysed = _analyse_all(texts, compiled)
    concepts = [match_concepts(a, compiled, partial=knobs.partial_weight)
                for a in analysed]
    index = {entry.item.id: number for number, entry in enumerate(entries)}
    discount = _apart_discount(decided, index, analysed, concepts, knobs.apart_discount)
    similarities = _similarities(entries, analysed, concepts, knobs, discount)
    if similarity is not None:
        _blend(similarities, similarity(texts), knobs.backend_weight)
    fixed = [sorted(index[i] for i in theme.items) for theme in decided.confirmed()]
    taken = {i for theme in fixed for i in theme}
    if taken:
        similarities = {pair: value for pair, value in similarities.items()
                        if pair[0] not in taken and pair[1] not in taken}
    if knobs.mutual_floor is not None:
        _link_mutual_best(similarities, [entry.group for entry in entries],
                          floor=knobs.mutual_floor, link=knobs.threshold)
    if learned is not None and learned.concepts and knobs.learned_weight > 0:
        _add_learned(similarities, analysed, compile_lexicon(learned), knobs, taken)
    free = [number for number in range(len(entries)) if number not in taken]
    proposed = _cluster(free, entries, similarities, decided, index, knobs)
    labels = [theme.label for theme in decided.confirmed()] + _hinted_labels(
        proposed, decided, index)
    return _themes(fixed + proposed, labels, len(fixed), entries, concepts, similarities,
                   lexicon)


def _cluster(free: Sequence[int], entries: Sequence[_Entry],
             similarities: dict[tuple[int, int], float], decided: Decisions,
             index: dict[str, int], knobs: Tuning) -> list[list[int]]:
    """Average-linkage clusters of the free items; items decided to be together start
    as one node, items decided apart never meet, and the unconfirmed decided themes (the
    proposal the facilitator is correcting) are where clustering starts from."""
    pairs = [(index[a], index[b]) for a, b in decided.together]
    nodes = [sorted(node) for node in components(free, pairs)]
    nodes.sort(key=lambda node: node[0])
    node_of = {item: number for number, node in enumerate(nodes) for item in node}
    labels: list[set[object]] = [
        {("g", entries[i].group) for i in node} if knobs.one_per_group else set()
        for node in nodes]
    for number, pair in enumerate(decided.apart):
        for item in (index[pair[0]], index[pair[1]]):
            if item in node_of:
                labels[node_of[item]].add(("apart", number))
    combined: dict[tuple[int, int], float] = {}
    for (a, b), value in similarities.items():
        na, nb = node_of.get(a), node_of.get(b)
        if na is None or nb is None or na == nb:
            continue
        key = (min(na, nb), max(na, nb))
        if knobs.decided_linkage == "max":
            combined[key] = max(combined.get(key, 0.0), value)
        else:
            combined[key] = combined.get(key, 0.0) + value / (len(nodes[na]) * len(nodes[nb]))
    frozen = [frozenset(node_labels) for node_labels in labels]
    start = _start(decided, index, node_of, frozen)
    board = {index[i] for theme in decided.themes if not theme.confirmed for i in theme.items}
    clusters = average_linkage(
        len(nodes), combined, threshold=knobs.threshold, apart=frozen, start=start,
        settled=[any(i in board for i in node) for node in nodes],
        settled_threshold=knobs.repropose_threshold)
    return [sorted(i for node in cluster for i in nodes[node]) for cluster in clusters]


def _start(decided: Decisions, index: dict[str, int], node_of: dict[int, int],
           labels: Sequence[frozenset[object]]) -> list[list[int]]:
    """Node clusters of the unconfirmed decided themes: the proposal as the facilitator
    left it. A node goes with the first theme that names one of its items; a theme
    whose nodes were decided apart from each other does not hold together and starts as
    single nodes. (Clustering again a theme an item was taken out of, on its own, was
    tried: what stays behind nearly always still belongs together.)"""
    taken: set[int] = set()
    start: list[list[int]] = []
    for theme in decided.themes:
        if theme.confirmed:
            continue
        nodes = sorted({node_of[index[i]] for i in theme.items if index[i] in node_of}
                       - taken)
        apart = [{label for label in labels[n] if _is_apart(label)} for n in nodes]
        if any(apart[x] & apart[y] for x in range(len(nodes)) for y in range(x)):
            continue
        taken.update(nodes)
        start.append(nodes)
    return start


def _is_apart(label: object) -> bool:
    return isinstance(label, tuple) and label[0] == "apart"


def _hinted_labels(clusters: Sequence[Sequence[int]], decided: Decisions,
                   index: dict[str, int]) -> list[str | None]:
    """The label of an unconfirmed decided theme, for the proposed cluster that holds
    more than half of its items (each label once)."""
    labels: list[str | None] = [None] * len(clusters)
    where = {item: number for number, cluster in enumerate(clusters) for item in cluster}
    for theme in decided.themes:
        if theme.confirmed or not theme.label.strip():
            continue
        overlap = Counter(where[index[i]] for i in theme.items if index[i] in where)
        if not overlap:
            continue
        cluster, count = min(overlap.items(), key=lambda kv: (-kv[1], kv[0]))
        if count * 2 > len(theme.items) and labels[cluster] is None:
            labels[cluster] = theme.label.strip()
    return labels


def _apart_discount(decided: Decisions, index: dict[str, int],
                    analysed: Sequence[Analysed], concepts: Sequence[dict[int, float]],
                    factor: float) -> dict[object, float]:
    """Stems ("w", stem) and concepts ("c", index) that two items decided apart share,
    and that no two items decided together share: they count `factor` as much."""
    if not decided.apart or factor == 1.0:
        return {}

    def shared(a: int, b: int) -> set[object]:
        words: set[object] = {("w", s) for s in analysed[a].content() & analysed[b].content()}
        return words | {("c", c) for c in concepts[a].keys() & concepts[b].keys()}

    separating: set[object] = set()
    for pair in decided.apart:
        separating |= shared(index[pair[0]], index[pair[1]])
    joining: set[object] = set()
    groups = [[index[i] for i in theme.items] for theme in decided.confirmed()]
    groups += [[index[i] for i in node] for node in components(list(index), decided.together)]
    for members in groups:
        for position, a in enumerate(members):
            for b in members[position + 1:]:
                joining |= shared(a, b)
    return dict.fromkeys(separating - joining, factor)


def _analyse_all(texts: Sequence[str], compiled: CompiledLexicon) -> list[Analysed]:
    counts = Counter(tok for text in texts for tok in tokens(text))
    typos = correct_typos(counts, anchors=compiled.anchors)
    known = compiled.known_stems | {stem(typos.get(tok, tok)) for tok in counts}
    return [analyse(text, typos=typos, known_stems=known) for text in texts]


def _lexical_vectors(analysed: Sequence[Analysed],
                     discount: dict[object, float]) -> list[dict[str, float]]:
    documents = [a.content() for a in analysed]
    frequency = Counter(s for document in documents for s in document)
    total = len(documents)
    vectors: list[dict[str, float]] = []
    for document in documents:
        weights = {s: (1.0 + math.log(total / frequency[s])) * discount.get(("w", s), 1.0)
                   for s in document}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({s: w / norm for s, w in weights.items()})
    return vectors


def _unit(vector: dict[int, float]) -> dict[int, float]:
    norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {key: w / norm for key, w in vector.items()}


def _similarities(entries: Sequence[_Entry], analysed: Sequence[Analysed],
                  concepts: Sequence[dict[int, float]],
                  knobs: Tuning,
                  discount: dict[object, float]) -> dict[tuple[int, int], float]:
    lexical = _lexical_vectors(analysed, discount)
    # A concept most items match is the meeting's topic, not a theme (a meeting on
    # pre-school education mentions pre-school everywhere): weigh concepts like words.
    df = Counter(c for found in concepts for c in found)
    rarity = {c: (1.0 + knobs.concept_idf * math.log(len(concepts) / n))
              * discount.get(("c", c), 1.0) for c, n in df.items()}
    concept_units = [_unit({c: w * rarity[c] for c, w in found.items()}) for found in concepts]
    postings: dict[tuple[str, object], list[int]] = {}
    for index, (words, found) in enumerate(zip(lexical, concepts, strict=True)):
        for word in words:
            postings.setdefault(("w", word), []).append(index)
        for concept in found:
            postings.setdefault(("c", concept), []).append(index)
    cap = max(40, int(len(entries) * knobs.common_stem_share))
    pairs: set[tuple[int, int]] = set()
    for (kind, _), indices in postings.items():
        if kind == "w" and len(indices) > cap:
            continue
        for position, a in enumerate(indices):
            for b in indices[position + 1:]:
                pairs.add((a, b))
    result: dict[tuple[int, int], float] = {}
    for a, b in sorted(pairs):
        words_a, words_b = lexical[a], lexical[b]
        if len(words_b) < len(words_a):
            words_a, words_b = words_b, words_a
        value = sum(w * words_b.get(s, 0.0) for s, w in words_a.items())
        if concepts[a] and concepts[b]:
            ca, cb = concept_units[a], concept_units[b]
            shared = sum(w * cb.get(c, 0.0) for c, w in ca.items())
            value = knobs.concept_weight * shared + (1 - knobs.concept_weight) * value
        if entries[a].group == entries[b].group:
            value *= 1 - knobs.same_group_penalty
        if value > 0:
            result[(a, b)] = value
    return result


def _add_learned(similarities: dict[tuple[int, int], float], analysed: Sequence[Analysed],
                 learned: CompiledLexicon, knobs: Tuning, taken: set[int]) -> None:
    """Raise pairs that match one learned concept to `weight` × their learned cosine
    (after the mutual-closest link, so learned evidence alone must reach the threshold);
    items of confirmed themes (`taken`) stay out."""
    found = [_unit(match_concepts(a, learned, partial=0)) for a in analysed]
    postings: dict[int, list[int]] = {}
    for number, concepts in enumerate(found):
        for concept in concepts:
            postings.setdefault(concept, []).append(number)
    pairs = {(a, b) for indices in postings.values() if len(indices) <= knobs.learned_cap
             for position, a in enumerate(indices) for b in indices[position + 1:]}
    for a, b in sorted(pairs):
        if a in taken or b in taken:
            continue
        value = knobs.learned_weight * sum(w * found[b].get(c, 0.0) for c, w in found[a].items())
        if value > similarities.get((a, b), 0.0):
            similarities[(a, b)] = value


def _blend(similarities: dict[tuple[int, int], float],
           matrix: Sequence[Sequence[float]], weight: float) -> None:
    size = len(matrix)
    for a in range(size):
        for b in range(a + 1, size):
            own = similarities.get((a, b), 0.0)
            value = (1 - weight) * own + weight * max(0.0, min(1.0, float(matrix[a][b])))
            if value > 0:
                similarities[(a, b)] = value


def _link_mutual_best(similarities: dict[tuple[int, int], float], groups: Sequence[int], *,
                      floor: float, link: float) -> None:
    """Raise to `link` the similarity of two items of different groups that are each
    other's closest item in the other's group, when it reaches `floor`.

    Each group writes a factor once, so when two notes of two groups share only weak
    evidence (a word, a partly matched concept) but neither has anything closer in the
    other's group, they are most likely one factor in the two groups' words.
    """
    closest: dict[tuple[int, int], tuple[float, int]] = {}  # (item, other group) → best
    for (a, b), value in sorted(similarities.items()):
        if groups[a] == groups[b]:
            continue
        for item, other in ((a, b), (b, a)):
            key = (item, groups[other])
            if value > closest.get(key, (0.0, -1))[0]:
                closest[key] = (value, other)
    for (a, _), (value, b) in closest.items():
        if a < b and value >= floor and closest.get((b, groups[a]), (0.0, -1))[1] == a:
            similarities[(a, b)] = max(value, link)


def _themes(clusters: Sequence[Sequence[int]], given: Sequence[str | None], confirmed: int,
            entries: Sequence[_Entry], concepts: Sequence[dict[int, float]],
            similarities: dict[tuple[int, int], float], lexicon: Lexicon) -> list[Theme]:
    """Themes in output order; a cluster keeps its given label (a decided theme's); the
    first `confirmed` clusters are the confirmed themes."""
    drafts = []
    for number, (cluster, label) in enumerate(zip(clusters, given, strict=True)):
        status = theme_status(entries[i].kind for i in cluster)
        drafts.append((_STATUS_ORDER[status], -len(cluster), cluster[0], status, cluster,
                       label, number < confirmed))
    drafts.sort(key=lambda draft: draft[:3])
    used = {label for label in given if label}
    themes: list[Theme] = []
    for *_, status, cluster, label, fixed in drafts:
        if label:
            themes.append(Theme(label, tuple(entries[i].item.id for i in cluster), status,
                                fixed))
            continue
        concept = _main_concept(cluster, concepts)
        label = lexicon.concepts[concept].label if concept is not None else ""
        if not label or label in used:
            label = _short(entries[_medoid(cluster, entries, similarities)].item.text)
        used.add(label)
        themes.append(Theme(label, tuple(entries[i].item.id for i in cluster), status))
    return themes


def _main_concept(cluster: Sequence[int], concepts: Sequence[dict[int, float]]) -> int | None:
    support: Counter[int] = Counter()
    weight: Counter[int] = Counter()
    for index in cluster:
        for concept, value in concepts[index].items():
            support[concept] += 1
            weight[concept] += int(value * 1000)
    if not support:
        return None
    best = min(support, key=lambda c: (-support[c], -weight[c], c))
    return best if support[best] * 2 >= len(cluster) else None


def _medoid(cluster: Sequence[int], entries: Sequence[_Entry],
            similarities: dict[tuple[int, int], float]) -> int:
    def closeness(index: int) -> tuple[float, int, int]:
        total = sum(similarities.get((min(index, other), max(index, other)), 0.0)
                    for other in cluster if other != index)
        return (-total, len(entries[index].item.text), index)

    return min(cluster, key=closeness)


def _short(text: str) -> str:
    clean = " ".join(text.split()).rstrip(" .,;:–-")
    if len(clean) <= LABEL_LENGTH:
        return clean
    cut = clean[:LABEL_LENGTH].rsplit(" ", 1)[0].rstrip(" .,;:–-")
    return cut + "…"
