"""Which lexicon concepts a text is about: terms matched on stems, next to each other."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sanaksme.groups.domain.normalise import (
    folded_generic_words,
    stem,
    tagged_tokens,
    tokens,
    unprefixed,
)

if TYPE_CHECKING:
    from sanaksme.groups.domain.lexicon import Lexicon

MIN_COMPOUND = 8  # "bērnu dārzs" → "bērnudārzs" only when the joined word is known
MAX_SKIPPED = 2  # function or generic words allowed between a term's words
FUZZY_PREFIX = 6  # "garlaikojas" meets "garlaicīgi": long stems sharing six letters
PARTIAL_WEIGHT = 0.5  # a word of a longer term, found alone (see match_concepts)
PARTIAL_CONCEPTS = 3  # ... and only when at most this many concepts use the word
PARTIAL_MIN_STEM = 5  # ... and only for stems this long: "jaun" (young) says too little
CONTENT, GENERIC, FUNCTION = 0, 1, 2


@dataclass(frozen=True)
class Analysed:
    """A text as the engine sees it: stems in order, each tagged CONTENT, GENERIC or
    FUNCTION (function words only keep their place, for the distance between words)."""

    stems: tuple[str, ...]
    tags: tuple[int, ...]

    def content(self) -> set[str]:
        """Stems of the content words."""
        return {s for s, tag in zip(self.stems, self.tags, strict=True) if tag == CONTENT}


@dataclass(frozen=True)
class CompiledTerm:
    concept: int
    stems: tuple[str, ...]
    # Stems no other concept's terms use: a term of four or more words may miss one word,
    # but not one of these ("vecvecāki neprot e-klasi" must not match without "vecvecāki").
    key_stems: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CompiledLexicon:
    """A lexicon prepared for matching; built once per lexicon and cached."""

    anchors: frozenset[str]
    known_stems: frozenset[str]
    terms: tuple[CompiledTerm, ...]
    by_stem: Mapping[str, tuple[int, ...]]
    by_prefix: Mapping[str, tuple[str, ...]]

    def similar_stems(self, text_stem: str) -> tuple[str, ...]:
        """Lexicon stems this text stem stands for: itself; long stems that share all
        but the last letter of the shorter one (a derivation the stemmer does not know);
        else the same after a negation or verb prefix ("nemotivēti" → motiv-,
        "apprecas" → prec-)."""
        if text_stem in self.by_stem:
            return (text_stem,)
        found = self._near(text_stem)
        if not found:
            for rest in unprefixed(text_stem):
                found = (rest,) if rest in self.by_stem else self._near(rest)
                if found:
                    break
        return found or (text_stem,)

    def _near(self, text_stem: str) -> tuple[str, ...]:
        if len(text_stem) <= FUZZY_PREFIX:
            return ()
        return tuple(other for other in self.by_prefix.get(text_stem[:FUZZY_PREFIX], ())
                     if min(len(other), len(text_stem)) <= _common(other, text_stem) + 1)


def _common(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        length += 1
    return length


def analyse(text: str, *, typos: Mapping[str, str] | None = None,
            known_stems: frozenset[str] = frozenset()) -> Analysed:
    """Stems of a text after typo correction, joining split compounds that are known."""
    generic_words = folded_generic_words()
    fixed = [(typos.get(tok, tok) if typos and not function else tok, function)
             for tok, function in tagged_tokens(text)]
    stems: list[str] = []
    tags: list[int] = []
    i = 0
    while i < len(fixed):
        token, function = fixed[i]
        if not function and i + 1 < len(fixed) and not fixed[i + 1][1]:
            joined = token + fixed[i + 1][0]
            if (len(joined) >= MIN_COMPOUND and stem(joined) in known_stems
                    and stem(joined) not in (stem(token), stem(fixed[i + 1][0]))):
                stems.append(stem(joined))
                tags.append(CONTENT)
                i += 2
                continue
        stems.append(stem(token))
        tags.append(FUNCTION if function else GENERIC if token in generic_words else CONTENT)
        i += 1
    return Analysed(tuple(stems), tuple(tags))


@lru_cache(maxsize=16)
def compile_lexicon(lexicon: Lexicon) -> CompiledLexicon:
    """Stems of every term, and an index from stem to the terms that use it."""
    anchors = frozenset(tok for concept in lexicon.concepts for term in concept.terms
                        for tok in tokens(term))
    known = frozenset(stem(tok) for tok in anchors)
    terms: list[CompiledTerm] = []
    seen: set[tuple[int, tuple[str, ...]]] = set()
    for index, concept in enumerate(lexicon.concepts):
        for term in concept.terms:
            analysed = analyse(term, known_stems=known)
            stems = tuple(dict.fromkeys(s for s, tag in zip(
                analysed.stems, analysed.tags, strict=True) if tag != FUNCTION))
            if CONTENT in analysed.tags and (index, stems) not in seen:
                seen.add((index, stems))
                terms.append(CompiledTerm(index, stems))
    owners: dict[str, set[int]] = {}
    for compiled_term in terms:
        for term_stem in compiled_term.stems:
            owners.setdefault(term_stem, set()).add(compiled_term.concept)
    terms = [_with_key_stems(compiled_term, owners) for compiled_term in terms]
    by_stem: dict[str, list[int]] = {}
    for number, compiled_term in enumerate(terms):
        for term_stem in compiled_term.stems:
            by_stem.setdefault(term_stem, []).append(number)
    by_prefix: dict[str, list[str]] = {}
    for term_stem in sorted(by_stem):
        if len(term_stem) > FUZZY_PREFIX:
            by_prefix.setdefault(term_stem[:FUZZY_PREFIX], []).append(term_stem)
    return CompiledLexicon(anchors, known, tuple(terms),
                           {key: tuple(value) for key, value in by_stem.items()},
                           {key: tuple(value) for key, value in by_prefix.items()})


def _with_key_stems(term: CompiledTerm, owners: Mapping[str, set[int]]) -> CompiledTerm:
    """The term with its key stems: those that only its own concept's terms use."""
    return CompiledTerm(term.concept, term.stems,
                        frozenset(s for s in term.stems if len(owners[s]) == 1))


@dataclass(frozen=True)
class _Match:
    concept: int
    stems: frozenset[str]
    positions: frozenset[int]


def _best_window(term: CompiledTerm, where: Mapping[str, list[int]],
                 tags: Sequence[int]) -> frozenset[int] | None:
    present = [s for s in term.stems if s in where]
    missing = len(term.stems) - len(present)
    if missing > (1 if len(term.stems) >= 4 else 0) or not present:
        return None
    if missing and not term.key_stems.issubset(present):
        return None
    allowed = 0 if len(term.stems) <= 2 else 1
    best: tuple[int, frozenset[int]] | None = None
    for combo in itertools.islice(itertools.product(*(where[s] for s in present)), 64):
        chosen = frozenset(combo)
        between = [tags[p] for p in range(min(combo), max(combo) + 1) if p not in chosen]
        content = between.count(CONTENT)
        skipped = len(between) - content
        if content <= allowed and skipped <= MAX_SKIPPED \
                and (best is None or len(between) < best[0]):
            best = (len(between), chosen)
    return None if best is None else best[1]


def match_concepts(analysed: Analysed, compiled: CompiledLexicon, *,
                   partial: float = PARTIAL_WEIGHT) -> dict[int, float]:
    """Concept index → weight (content words of the text the concept's terms cover).

    A content word that no matched term covers but that belongs to terms of one to three
    concepts ("neturpināšana" of "neturpina mācības") adds `partial` (split between
    them): weaker evidence that lets new phrasings meet the concept's usual ones.
    """
    where: dict[str, list[int]] = {}
    for position, (text_stem, tag) in enumerate(zip(analysed.stems, analysed.tags,
                                                    strict=True)):
        if tag != FUNCTION:
            for lexicon_stem in compiled.similar_stems(text_stem):
                where.setdefault(lexicon_stem, []).append(position)
    candidates = sorted({n for s in where for n in compiled.by_stem.get(s, ())})
    matches: list[_Match] = []
    for number in candidates:
        term = compiled.terms[number]
        positions = _best_window(term, where, analysed.tags)
        if positions is not None:
            matches.append(_Match(term.concept, frozenset(term.stems), positions))
    kept = [m for m in matches if not any(
        other.concept != m.concept and m.stems < other.stems
        and m.positions <= other.positions for other in matches)]
    covered: dict[int, set[int]] = {}
    for match in kept:
        covered.setdefault(match.concept, set()).update(match.positions)
    weights = {concept: float(max(1, sum(1 for p in spots if analysed.tags[p] == CONTENT)))
               for concept, spots in covered.items()}
    if partial > 0:
        _add_partial(weights, analysed, compiled, covered, partial)
    return weights


def _add_partial(weights: dict[int, float], analysed: Analysed, compiled: CompiledLexicon,
                 covered: Mapping[int, set[int]], partial: float) -> None:
    taken = set().union(*covered.values()) if covered else set()
    seen: set[str] = set()
    for position, (text_stem, tag) in enumerate(zip(analysed.stems, analysed.tags,
                                                    strict=True)):
        if (tag != CONTENT or position in taken or text_stem in seen
                or len(text_stem) < PARTIAL_MIN_STEM):
            continue
        seen.add(text_stem)
        owners = {compiled.terms[n].concept for s in compiled.similar_stems(text_stem)
                  for n in compiled.by_stem.get(s, ())}
        if 0 < len(owners) <= PARTIAL_CONCEPTS:
            for concept in owners:
                weights[concept] = weights.get(concept, 0.0) + partial / len(owners)
