"""The concept lexicon: what themes are about, in the words people use. Pure Python.

A concept is a factor (poverty, language, early marriage…) with a Latvian label and the
terms that signal it. The built-in concepts are YAML files in groups/data/lexicon/, read
by `groups.lexicon_data`; `lexicon_learn` extends a lexicon from themes that
facilitators confirmed, and each organisation's learned terms are stored as
`LearnedConcept` rows and added to the built-in concepts' terms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sanaksme.groups.domain.matching import analyse, compile_lexicon, match_concepts
from sanaksme.groups.domain.normalise import (
    fold,
    folded_function_words,
    folded_generic_words,
    stem,
    words,
)

LEARNED_PREFIX = "learned-"
MAX_LEARNED_WORDS = 4


@dataclass(frozen=True)
class Concept:
    key: str
    label: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[Concept, ...]


def lexicon_learn(lexicon: Lexicon,
                  confirmed: Sequence[tuple[str, Sequence[str]]], *,
                  others: Sequence[str] = ()) -> Lexicon:
    """The lexicon extended by confirmed themes (label, item texts); the input is unchanged.

    A theme joins the concept with the same label, or the concept most of its texts
    already match; otherwise it becomes a new concept. Each text the concept did not
    yet match adds a short phrase of its content words, and words shared by two or
    more texts of the theme are added on their own.

    A new term that matches a note of the meeting outside its theme (a text of another
    confirmed theme, or one of `others`, the meeting's notes in no confirmed theme) does
    not tell themes apart, and is not learned.
    """
    concepts = list(lexicon.concepts)
    meeting = [t for _, texts in confirmed for t in texts] + list(others)
    for label, texts in confirmed:
        label = label.strip()
        texts = [t for t in texts if t.strip()]
        if not label or not texts:
            continue
        current = Lexicon(tuple(concepts))
        target = _target_concept(current, label, texts)
        old_terms = concepts[target].terms if target is not None else ()
        own = set(texts)
        new_terms = _discriminating(_learned_terms(current, target, texts),
                                    [t for t in meeting if t not in own])
        terms = _extend(old_terms, new_terms)
        if target is None:
            if terms:
                concepts.append(Concept(_new_key(label, concepts), label, terms))
        else:
            concepts[target] = Concept(concepts[target].key, concepts[target].label, terms)
    return Lexicon(tuple(concepts))


def lexicon_additions(base: Lexicon, lexicon: Lexicon) -> Lexicon:
    """What `lexicon` adds to `base`: new concepts, and the terms added to base concepts
    (as concepts of their own, with the same key and label). This is what an
    organisation learned; the engine gets it apart from the built-in lexicon
    (`compare_results(learned=…)`), so it can only add evidence."""
    terms = {concept.key: set(concept.terms) for concept in base.concepts}
    added = []
    for concept in lexicon.concepts:
        extra = tuple(t for t in concept.terms if t not in terms.get(concept.key, ()))
        if extra:
            added.append(Concept(concept.key, concept.label, extra))
    return Lexicon(tuple(added))


def _target_concept(lexicon: Lexicon, label: str, texts: Sequence[str]) -> int | None:
    wanted = fold(label)
    for index, concept in enumerate(lexicon.concepts):
        if fold(concept.label) == wanted or concept.key == label:
            return index
    compiled = compile_lexicon(lexicon)
    votes: Counter[int] = Counter()
    for text in texts:
        found = match_concepts(analyse(text, known_stems=compiled.known_stems), compiled)
        if found:
            top = max(found.values())
            votes.update(c for c, weight in found.items() if weight == top)
    if not votes:
        return None
    winner, count = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    return winner if count * 2 > len(texts) else None


def _discriminating(terms: Sequence[str], outside: Sequence[str]) -> list[str]:
    """The terms that match none of the `outside` texts (as lexicon terms would)."""
    if not outside or not terms:
        return list(terms)
    probe = compile_lexicon(Lexicon(tuple(Concept(str(n), "", (term,))
                                          for n, term in enumerate(terms))))
    hit: set[int] = set()
    for text in outside:
        hit.update(match_concepts(analyse(text, known_stems=probe.known_stems), probe,
                                  partial=0))
    return [term for n, term in enumerate(terms) if n not in hit]


def _content_words(text: str) -> list[str]:
    stop, generic = folded_function_words(), folded_generic_words()
    seen: set[str] = set()
    out: list[str] = []
    for word in words(text):
        folded = fold(word)
        if len(folded) < 3 or folded in stop or folded in generic or stem(folded) in seen:
            continue
        seen.add(stem(folded))
        out.append(word)
    return out


def _learned_terms(lexicon: Lexicon, target: int | None, texts: Sequence[str]) -> list[str]:
    compiled = compile_lexicon(lexicon)
    learned: list[str] = []
    stem_texts: Counter[str] = Counter()
    first_word: dict[str, str] = {}
    for text in texts:
        content = _content_words(text)
        for word in content:
            word_stem = stem(fold(word))
            stem_texts[word_stem] += 1
            first_word.setdefault(word_stem, word)
        found = match_concepts(analyse(text, known_stems=compiled.known_stems), compiled)
        if (target is None or target not in found) and content:
            longest = sorted(content, key=len, reverse=True)[:MAX_LEARNED_WORDS]
            learned.append(" ".join(w for w in content if w in longest))
    learned += [first_word[s] for s, count in stem_texts.items() if count >= 2]
    return learned


def _extend(terms: Sequence[str], new_terms: Sequence[str]) -> tuple[str, ...]:
    """The terms plus those new terms that say something the terms do not yet say."""
    def key(term: str) -> str:
        return " ".join(sorted(stem(fold(w)) for w in words(term)))

    seen = {key(term) for term in terms}
    out = list(terms)
    for term in new_terms:
        if key(term) and key(term) not in seen:
            seen.add(key(term))
            out.append(term)
    return tuple(out)


def _new_key(label: str, concepts: Sequence[Concept]) -> str:
    base = LEARNED_PREFIX + (re.sub(r"[^a-z0-9]+", "-", fold(label)).strip("-") or "theme")
    taken = {c.key for c in concepts}
    key, number = base, 2
    while key in taken:
        key, number = f"{base}-{number}", number + 1
    return key
