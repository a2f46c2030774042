"""Latvian text normalisation for the comparison engine: folding, tokens, stems, typos.

Pure Python. Everything works on *folded* text (lower case, no diacritics), so that a
phone user's "motivacija" and an expert's "motivācija" meet. The stemmer is a light
suffix stripper: it only has to give every inflected form of a word the same stem,
not a linguistically correct one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

from sanaksme.groups.domain.thesaurus import ABBREVIATIONS, SYNONYMS

_WORD = re.compile(r"[^\W\d_]+")
_REPEAT = re.compile(r"(.)\1+")
_PHONE_DIGRAPHS = (("sh", "s"), ("ch", "c"), ("zh", "z"))

# Function words. Negations stay as content words: "nav", "neiet", "negrib".
FUNCTION_WORDS = frozenset([
    "a", "ar", "arī", "ari", "bet", "bez", "bija", "bijis", "bus", "būs", "būt", "but",
    "caur", "da", "daudz", "daži", "dazi", "gan", "ir", "it", "ja", "jā", "jau", "jeb",
    "jo", "ka", "kā", "kad", "kaut", "kur", "kura", "kuri", "kuram", "kuras", "kurs",
    "kurš", "kas", "kam", "ko", "lai", "līdz", "lidz", "maz", "mazliet", "mes", "mēs",
    "mums", "mūsu", "musu", "ne", "nē", "neko", "nekas", "nekad", "no", "nu", "pa",
    "par", "pat", "pēc", "pec", "pie", "pret", "priekš", "priekss", "sev", "savs",
    "sava", "savu", "savi", "savas", "savā", "savos", "savam", "savām", "savus", "šis",
    "sis", "šī", "si", "šo", "so", "šie", "sie", "šeit", "seit", "ta", "tā", "tad",
    "tagad", "tai", "tam", "tām", "tas", "tās", "te", "tie", "tiem", "tik", "tikai",
    "tiek", "tika", "tiks", "to", "tur", "tu", "un", "uz", "vai", "var", "varētu",
    "vien", "viņi", "vini", "viņš", "vins", "viņa", "vina", "viņu", "vinu", "viņiem",
    "viniem", "viņas", "vinas", "viss", "visi", "visu", "vēl", "vel", "es", "jūs",
    "jus", "ļoti", "loti", "īpaši", "ipasi", "arvien", "piemēram", "piemeram", "utt",
    "u", "c", "citi", "cits", "cita", "citu", "citiem", "tāpēc", "tapec", "tādēļ",
    "tadel", "esam", "esot", "bieži", "biezi", "dēļ", "del", "starp", "pats", "pati",
    "paši", "pasi", "pašas", "pasas", "pašiem", "pasiem", "pašu", "pasu", "mūs", "mus",
    "viņus", "vinus", "netiek", "būtu", "butu", "nebūtu", "nebutu", "esat", "vajag",
    "vajadzētu", "vajadzetu", "katrs", "katrā", "katra", "kāpēc", "kapec", "tāpat",
    "tapat", "kamēr", "kamer", "nevis", "vairs", "man", "mani", "manam", "manai",
    "manu", "saka", "teica", "teic", "kādreiz", "kadreiz", "dažām", "dazam",
    "dažas", "dazas", "dažiem", "daziem", "dažus", "dazus", "daudzi", "daudzas",
    "tev", "tevi", "tavs", "tava", "tavu", "tavi", "tavas", "tavam", "jums", "jūsu",
    "jusu", "mans", "mana", "manas", "mani", "mūsējie", "musejie"
])

# Frequent in every answer about Roma children's education; they say little on their own.
GENERIC_WORDS = frozenset([
    "roms", "romi", "romu", "romiem", "romus", "romā", "romas", "romām", "bērns",
    "berns", "bērni", "berni", "bērnu", "bernu", "bērniem", "berniem", "bērnus",
    "bernus", "skolēni", "skoleni", "skolēnu", "skolenu", "skolēniem", "skoleniem",
    "skolēns", "skolens", "ģimene", "gimene", "ģimenes", "gimenes", "ģimenēm",
    "gimenem", "ģimenē", "ģimeņu", "gimenu", "ģimeni", "gimeni", "ģimenei", "gimenei", "problēma", "problema", "problēmas",
    "problemas", "problēmu", "problemu", "trūkums", "trukums", "trūkst", "trukst",
    "trūkuma", "trukuma", "nepietiekams", "nepietiekama", "nepietiekami",
    "nepietiekamas", "nepietiekamu", "zems", "zema", "zemais", "zemā", "zemi", "zemas",
    "zemu", "zemo", "zemās", "nav", "skola", "skolas", "skolu", "skolā", "skolai",
    "skolām", "skolās"
])


def fold(text: str) -> str:
    """Lower case without diacritics; phone digraphs ("sh") and doubled letters collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for digraph, letter in _PHONE_DIGRAPHS:
        plain = plain.replace(digraph, letter)
    return _REPEAT.sub(r"\1", plain)


_fold_word = lru_cache(maxsize=65536)(fold)


def words(text: str) -> list[str]:
    """The words of a text as written (lower case, diacritics kept), digits dropped."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=64)
def _fold_set(items: frozenset[str]) -> frozenset[str]:
    return frozenset(fold(item) for item in items)


def folded_function_words() -> frozenset[str]:
    """FUNCTION_WORDS, folded."""
    return _fold_set(FUNCTION_WORDS)


def folded_generic_words() -> frozenset[str]:
    """GENERIC_WORDS, folded."""
    return _fold_set(GENERIC_WORDS)


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, tuple[str, ...]]:
    return {fold(short): tuple(fold(word) for word in words(full))
            for short, full in ABBREVIATIONS.items()}


def folded_words(text: str) -> list[str]:
    """Folded words of a text in order, abbreviations expanded ("PII" → three words)."""
    expand = _abbreviations()
    found: list[str] = []
    for tok in map(_fold_word, words(text)):
        found.extend(expand.get(tok, (tok,)))
    return [tok for tok in found if tok]


def tokens(text: str) -> list[str]:
    """Folded content tokens of a text, function words removed, in order."""
    stop = folded_function_words()
    return [tok for tok in folded_words(text) if tok not in stop]


def tagged_tokens(text: str) -> list[tuple[str, bool]]:
    """Folded tokens of a text in order, each with whether it is a function word."""
    stop = folded_function_words()
    return [(tok, tok in stop) for tok in folded_words(text)]


_VOWELS = frozenset("aeiou")
_INFLECTIONS = tuple(sorted((
    "ajiem", "ajam", "ajai", "ajos", "ajas", "amies", "imies", "usies", "oties", "aties",
    "ties", "iem", "ais",
    "aja", "ies", "am", "em", "im", "um", "us", "as", "es", "os", "is", "ai", "ei",
    "ie", "u", "a", "i", "e", "o", "s",
), key=len, reverse=True))
# Derivation suffixes with the shortest stem each may leave behind.
_DERIVATIONS = (("sana", 3), ("san", 3), ("acij", 3), ("ib", 3), ("ig", 4), ("um", 3),
                ("ej", 3), ("aj", 4), ("ij", 4), ("us", 4), ("et", 5), ("it", 5), ("at", 5),
                ("ot", 5))


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """A light Latvian stem of a folded token: inflection, then derivation suffixes off;
    a word of a synonym ring (thesaurus.py) gets the stem of the ring's first word.

    "motivācija", "motivācijas", "motivēti" → "motiv"; "kavējumi", "kavēšana" → "kav";
    "mamma", "tēvs" → "vecak".
    """
    raw = _suffix_stem(token)
    return _synonym_stems().get(raw, raw)


@lru_cache(maxsize=1)
def _synonym_stems() -> dict[str, str]:
    canonical: dict[str, str] = {}
    for line in SYNONYMS.replace("\n        ", " ").strip().splitlines():
        ring = [_suffix_stem(fold(word.strip())) for word in line.split(";") if word.strip()]
        for word_stem in ring[1:]:
            if word_stem != ring[0]:
                canonical.setdefault(word_stem, ring[0])
    return canonical


def _suffix_stem(token: str) -> str:
    word = token
    if len(word) <= 3:
        return word
    if len(word) >= 5 and word[-1] == "t" and word[-2] in _VOWELS:
        word = word[:-1]  # infinitive: mācīt, kavēt
    for suffix in _INFLECTIONS:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    for _ in range(2):
        for suffix, shortest in _DERIVATIONS:
            if (word.endswith(suffix) and len(word) - len(suffix) >= shortest
                    and not (suffix == "ig" and word[-3] in _VOWELS)):  # "pabeig" keeps "eig"
                word = word[: -len(suffix)]
                break
        else:
            break
    while len(word) > 3 and word[-1] in _VOWELS:
        word = word[:-1]
    if len(word) >= 6 and word[-1] == "t" and word[-2] not in _VOWELS:
        word = word[:-1]  # passive participle after a consonant: pabeigt-a, atstumt-i
    return word


# Verb prefixes (folded), and the negation that may stand before them.
_PREFIXES = ("aiz", "ap", "at", "ie", "iz", "no", "pa", "par", "pie", "sa", "uz")
MIN_UNPREFIXED = 4


@lru_cache(maxsize=65536)
def unprefixed(word_stem: str) -> tuple[str, ...]:
    """A stem without its negation and/or verb prefix, longest prefix first:
    "nemotiv" → ("motiv",), "aizsut" → ("sut",) is too short and left out. A doubled
    letter that folding collapsed is tried both ways ("aprec" → "prec", "rec")."""
    found: list[str] = []
    bases = [word_stem[2:], word_stem] if word_stem.startswith("ne") else [word_stem]
    for base in bases:
        if base != word_stem:
            found.append(base)
        for prefix in sorted(_PREFIXES, key=len, reverse=True):
            if base.startswith(prefix):
                found.append(base[len(prefix):])
                found.append(base[len(prefix) - 1:])
    return tuple(dict.fromkeys(rest for rest in found if len(rest) >= MIN_UNPREFIXED))


def within_distance(a: str, b: str, limit: int) -> bool:
    """Whether the optimal-string-alignment distance of a and b is at most limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if (i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]):
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return False
        previous2, previous = previous, current
    return previous[len(b)] <= limit


def _deletions(token: str) -> set[str]:
    return {token} | {token[:i] + token[i + 1:] for i in range(len(token))}


def typo_limit(token: str) -> int:
    """How many typos a token of this length may carry and still be recognised."""
    return 0 if len(token) < 7 else 1 if len(token) < 11 else 2


def correct_typos(counts: Mapping[str, int], *, anchors: Iterable[str] = ()) -> dict[str, str]:
    """Map each folded token to a likely intended spelling within its typo limit.

    Anchors (the lexicon's words) are trusted and map to themselves; otherwise a token
    maps to a more frequent neighbour (ties: alphabetical), chains followed to the end.
    Tokens must share their first letter: people rarely mistype the first one. Words
    under seven letters are left alone: too many real words differ by one letter.
    """
    anchor_set = set(anchors)
    vocabulary = sorted(anchor_set | set(counts))
    index: dict[str, list[str]] = {}
    for token in vocabulary:
        if len(token) >= 7:
            for key in _deletions(token):
                index.setdefault(key, []).append(token)

    def rank(token: str) -> tuple[int, int, str]:
        return (0 if token in anchor_set else 1, -counts.get(token, 0), token)

    target: dict[str, str] = {}
    for token in vocabulary:
        if token in anchor_set or len(token) < 7:
            continue
        candidates = {other for key in _deletions(token) for other in index.get(key, ())}
        best = token
        for other in sorted(candidates, key=rank):
            if other == token or other[0] != token[0]:
                continue
            if rank(other) >= rank(token):
                break
            limit = min(typo_limit(token), typo_limit(other))
            if limit and within_distance(token, other, limit):
                best = other
                break
        if best != token:
            target[token] = best
    resolved: dict[str, str] = {}
    for token in vocabulary:
        seen = token
        while seen in target:
            seen = target[seen]
        resolved[token] = seen
    return resolved
