"""Latvian normalisation for the comparison engine (no database)."""

from __future__ import annotations

import pytest

from sanaksme.groups.domain.normalise import (
    correct_typos,
    fold,
    folded_function_words,
    stem,
    tokens,
    unprefixed,
    within_distance,
)
from sanaksme.groups.domain.thesaurus import ABBREVIATIONS, SYNONYMS


def test_fold_lowercases_and_drops_diacritics() -> None:
    assert fold("Motivācija ĢIMENĒ, ķēķis, šūpoles, žogs, čigāni") == (
        "motivacija gimene, kekis, supoles, zogs, cigani")


def test_fold_collapses_doubled_letters_and_phone_digraphs() -> None:
    assert fold("skolaa") == fold("skolā")
    assert fold("nabadziiba") == fold("nabadzība")
    assert fold("shis") == fold("šis")


@pytest.mark.parametrize("forms", [
    ("motivācija", "motivācijas", "motivāciju", "motivācijā", "motivēti", "motivacija"),
    ("kavējumi", "kavējumu", "kavē", "kavēšana", "kavēt"),
    ("mācīties", "mācīt", "mācības", "mācību", "mācās"),
    ("nabadzība", "nabadzības", "nabadzīgi", "nabadzīgās", "nabadziba"),
    ("vecāki", "vecākiem", "vecāku", "vecākus"),
    ("diskriminācija", "diskriminē", "diskriminēti"),
    ("speciālā", "speciālās", "speciālajās", "speciālo", "specialas"),
    ("skolotājs", "skolotāja", "skolotāju", "skolotājiem", "skolotāji"),
    ("pameta", "pametuši", "pametušo", "pametusi"),
    ("pabeigta", "pabeiguši", "pabeigt", "pabeigusi"),
    ("atstumti", "atstumtība", "atstumts"),
])
def test_stem_gives_inflected_forms_one_stem(forms: tuple[str, ...]) -> None:
    stems = {stem(fold(form)) for form in forms}

    assert len(stems) == 1, stems


def test_stem_keeps_different_words_apart() -> None:
    assert stem(fold("pamet")) != stem(fold("pamatota"))
    assert stem(fold("prasības")) != stem(fold("prasmes"))
    assert stem(fold("skolotāja")) != stem(fold("skola"))


def test_tokens_drop_function_words_and_keep_negations() -> None:
    assert tokens("Bērni negrib iet uz skolu, jo nav jēgas") == [
        "berni", "negrib", "iet", "skolu", "nav", "jegas"]


def test_within_distance_counts_substitutions_and_transpositions() -> None:
    assert within_distance("motivacija", "motivacjia", 1)
    assert within_distance("motivacija", "motivacija", 0)
    assert not within_distance("pabalsti", "atbalsti", 1)


def test_correct_typos_maps_a_typo_to_the_lexicon_word() -> None:
    mapping = correct_typos({"motivacjia": 1, "diskriminacia": 1},
                            anchors={"motivacija", "diskriminacija"})

    assert mapping["motivacjia"] == "motivacija"
    assert mapping["diskriminacia"] == "diskriminacija"


def test_correct_typos_leaves_short_words_and_other_first_letters_alone() -> None:
    mapping = correct_typos({"ieliek": 1, "pabalsti": 1},
                            anchors={"izliek", "atbalsti"})

    assert mapping["ieliek"] == "ieliek"
    assert mapping["pabalsti"] == "pabalsti"


def test_correct_typos_prefers_the_more_frequent_spelling() -> None:
    mapping = correct_typos({"sapulces": 3, "sapulcse": 1})

    assert mapping["sapulcse"] == "sapulces"
    assert mapping["sapulces"] == "sapulces"


def test_quantifiers_and_reported_speech_carry_no_meaning() -> None:
    assert tokens("daudzi vecāki saka, ka man pietiek ar dažām klasēm") == [
        "vecaki", "pietiek", "klasem"]


@pytest.mark.parametrize("ring", [
    ("vecāki", "mamma", "māte", "tēvs", "tētis"),
    ("skolotājs", "skolotāja", "pedagogs", "pedagogi"),
    ("bērnudārzs", "dārziņš", "pirmsskola"),
    ("ārzemes", "ārvalstīs", "Anglijā", "Īrija"),
])
def test_stem_gives_synonyms_one_stem(ring: tuple[str, ...]) -> None:
    stems = {stem(fold(word)) for word in ring}

    assert len(stems) == 1, stems


def test_the_pronoun_tev_is_not_a_father() -> None:
    assert tokens("tev jau tāpat nevajag") == ["nevajag"]
    assert stem(fold("tēvs")) == stem(fold("vecāki"))


def test_synonym_rings_hold_single_words() -> None:
    words = [w.strip() for w in SYNONYMS.replace("\n", ";").split(";") if w.strip()]

    assert words
    assert all(" " not in word for word in words), [w for w in words if " " in w]


def test_abbreviations_expand_into_words() -> None:
    assert tokens("PII un NVO, pašv. soc. dienests") == [
        "pirmskolas", "izglitibas", "iestade", "nevalstiska", "organizacija",
        "pasvaldiba", "socialais", "dienests"]


def test_abbreviations_do_not_shadow_function_words() -> None:
    assert not {fold(short) for short in ABBREVIATIONS} & folded_function_words()


def test_unprefixed_strips_negation_and_verb_prefixes() -> None:
    assert unprefixed("nemotiv") == ("motiv",)
    assert "prec" in unprefixed("aprec")  # "apprecas": folding collapsed the "pp"
    assert "uzskat" in unprefixed("neuzskat")


def test_unprefixed_leaves_short_rests_out() -> None:
    assert unprefixed("nedel") == ()
    assert unprefixed("motiv") == ()
