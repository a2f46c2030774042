"""The concept lexicon: the built-in concepts match, learning extends (no database)."""

from __future__ import annotations

import pytest

from sanaksme.groups.domain.lexicon import Concept, Lexicon, lexicon_learn
from sanaksme.groups.domain.matching import analyse, compile_lexicon, match_concepts
from sanaksme.groups.lexicon_data import default_lexicon


def concepts_of(text: str, lexicon: Lexicon) -> set[str]:
    compiled = compile_lexicon(lexicon)
    found = match_concepts(analyse(text, known_stems=compiled.known_stems), compiled)
    return {lexicon.concepts[index].key for index in found}


def test_default_lexicon_has_unique_keys_labels_and_terms() -> None:
    concepts = default_lexicon().concepts

    assert len({c.key for c in concepts}) == len(concepts)
    assert len({c.label for c in concepts}) == len(concepts)
    assert all(c.terms for c in concepts)


@pytest.mark.parametrize(("text", "key"), [
    ("Zema motivācija mācīties", "motivation"),
    ("bērni negrib iet uz skolu, neredz jēgu", "motivation"),
    ("nav naudas drēbēm", "poverty"),
    ("meitenes agri apprecas", "early_marriage"),
    ("mūsu bērnus liek spec skolā", "special_schools"),
    ("skolā bērnus apsaukā par čigāniem", "discrimination"),
    ("mājās runājam čigāniski", "language"),
    ("nav skolotāja palīga", "support_staff"),
    ("vajag mediatoru katrā skolā", "mediators"),
    ("bērni neiet bērnudārzā", "preschool"),
    # colloquial, phone and Russian-influenced wordings
    ("nav deneg uz kurpem un jakam", "poverty"),
    ("naudas nepietiek pat ēdienam", "poverty"),
    ("dels neiet uz skolu jau meenesi, sez maajaas", "absences"),
    ("Izglītības neturpināšana pēc pamatskolas", "absences"),
    ("tēvs saka meitai pietiek ar 4 klasēm", "parents_attitude"),
    ("Vecāki nepietiekami novērtē izglītības lomu", "parents_attitude"),
    ("Romu bērnu neieinteresētība mācībās", "motivation"),
    ("16 gadu meitene jau precējusies", "early_marriage"),
    ("mazie runā tikai romani, latviski nesaprot", "language"),
    ("mani bērni ielikti spec klase, lai gan normāli", "special_schools"),
    ("klasē par mūsējiem smejas, saka čigāni smird", "discrimination"),
    ("mēs skolai neticam", "cooperation"),
    ("dzīvojam 7 cilvēki divās istabās", "housing"),
    ("Skolēnu pārvadājumu trūkums", "transport"),
    ("bez papīriem nepieņem skolā", "documents"),
    ("skolotāja saka ka no čigāniem tāpat nekas nesanāks", "low_expectations"),
    ("Pedagogiem trūkst prasmju strādāt ar atšķirīgiem skolēniem", "teachers"),
    ("mēs nevaram palīdzēt ar uzdevumiem", "learning_gaps"),
    ("lielākajai meitai jāpaliek mājās ar mazajiem", "household"),
    ("vajag cilvēku no mūsējiem, kas runātu ar skolu", "mediators"),
])
def test_default_lexicon_recognises_common_phrasings(text: str, key: str) -> None:
    assert key in concepts_of(text, default_lexicon())


def test_words_far_apart_do_not_make_a_phrase() -> None:
    assert "poverty" not in concepts_of("Skolotājiem nav pieredzes darbā ar romu bērniem",
                                        default_lexicon())


@pytest.mark.parametrize(("text", "key", "not_key"), [
    ("autobuss neiet", "transport", "absences"),
    ("Vecāku neieinteresētība", "parents_attitude", "motivation"),
    ("Pirmsskolas izglītības neapmeklēšana", "preschool", "absences"),
    ("Veselības problēmas, neregulāras ārstu pārbaudes", "health", "absences"),
])
def test_a_longer_phrase_of_another_concept_wins(text: str, key: str, not_key: str) -> None:
    found = concepts_of(text, default_lexicon())

    assert key in found
    assert not_key not in found


def test_a_word_of_a_longer_term_is_weak_evidence_for_its_only_concept() -> None:
    compiled = compile_lexicon(default_lexicon())
    analysed = analyse("Ģimeņu ekonomiskā nestabilitāte", known_stems=compiled.known_stems)
    poverty = next(i for i, c in enumerate(default_lexicon().concepts) if c.key == "poverty")

    assert match_concepts(analysed, compiled) == {poverty: 0.5}
    assert match_concepts(analysed, compiled, partial=0) == {}


def test_a_long_term_may_miss_a_shared_word_but_not_its_own_concepts_word() -> None:
    lexicon = Lexicon((
        Concept("kinship_care", "Vecvecāku aprūpē", ("vecvecāki neprot lietot e-klasi",)),
        Concept("digital", "Digitālās prasmes", ("neprot lietot datoru", "e-klase")),
    ))
    compiled = compile_lexicon(lexicon)

    def whole_terms(text: str) -> set[str]:
        analysed = analyse(text, known_stems=compiled.known_stems)
        return {lexicon.concepts[i].key for i in match_concepts(analysed, compiled, partial=0)}

    assert "kinship_care" in whole_terms("Vecvecāki neprot e-klasi")
    assert whole_terms("Vecāki neprot lietot e-klasi") == {"digital"}


def test_a_longer_phrase_wins_over_a_word_it_contains() -> None:
    found = concepts_of("Romu bērnu garīga atpalicība tiek pārvērtēta", default_lexicon())

    assert "special_schools" in found
    assert "learning_gaps" not in found


def test_learning_adds_an_unmatched_text_to_the_concept_with_that_label() -> None:
    lexicon = default_lexicon()
    label = "Nabadzība un materiālās grūtības"

    learned = lexicon_learn(lexicon, [(label, ["Nabadzība", "bērni skolā iet bez cepures"])])

    assert "poverty" not in concepts_of("bērni skolā iet bez cepures", lexicon)
    assert "poverty" in concepts_of("bērni skolā iet bez cepures", learned)
    assert len(learned.concepts) == len(lexicon.concepts)


def test_learning_creates_a_concept_for_a_new_theme() -> None:
    learned = lexicon_learn(default_lexicon(), [
        ("Telefoni un ekrāni", ["Bērni pārāk ilgi sēž pie ekrāniem",
                                "telefoni un ekrāni traucē mācīties"])])

    concept = learned.concepts[-1]
    assert concept.key == "learned-telefoni-un-ekrani"
    assert concept.label == "Telefoni un ekrāni"
    assert "ekrāniem" in concept.terms


def test_learning_joins_the_concept_most_texts_already_match() -> None:
    learned = lexicon_learn(default_lexicon(), [
        ("Naudas trūkums", ["nav naudas", "trūcīgas ģimenes", "bērni iet skolā neēduši"])])

    assert len(learned.concepts) == len(default_lexicon().concepts)
    assert "poverty" in concepts_of("iet skolā neēduši", learned)
    assert learned.concepts[0].terms[:3] == default_lexicon().concepts[0].terms[:3]


def test_learning_leaves_the_input_unchanged_and_repeats_nothing() -> None:
    lexicon = Lexicon((Concept("a", "Valoda", ("valoda",)),))
    confirmed = [("Valoda", ["nesaprot skolotāju"])]

    once = lexicon_learn(lexicon, confirmed)
    twice = lexicon_learn(once, confirmed)

    assert lexicon.concepts[0].terms == ("valoda",)
    assert once == twice


def test_learning_ignores_empty_themes() -> None:
    lexicon = default_lexicon()

    assert lexicon_learn(lexicon, [("", ["x"]), ("Tēma", []), ("Tēma", ["  "])]) == lexicon


@pytest.mark.parametrize(("text", "concept"), [
    ("pusaudži nemotivēti", "motivation"),  # negation: motivēti is a term's word
    ("meita apprecējās 15 gados", "early_marriage"),  # verb prefix: precas
    ("mamma neprot lasīt", "parents_education"),  # synonym ring: mamma ~ vecāki
    ("PII nav vietu", "preschool"),  # abbreviation
])
def test_new_wordings_meet_their_concept(text: str, concept: str) -> None:
    assert concept in concepts_of(text, default_lexicon())


@pytest.mark.parametrize(("text", "key"), [
    ("Vecāki strādā maiņās", "parents_time"),
    ("strādāju no rīta līdz vakaram, nav laika", "parents_time"),
    ("mājās pieci mazie, nav kam atstāt", "younger_children"),
])
def test_meetings_on_parents_involvement_have_their_own_concepts(text: str, key: str) -> None:
    assert key in concepts_of(text, default_lexicon())


def test_a_term_that_also_matches_another_note_of_the_meeting_is_not_learned() -> None:
    lexicon = Lexicon(())
    confirmed = [("Zorbi", ["zorbu problēma ciemā", "zorbu nelaime ciemā"])]

    alone = lexicon_learn(lexicon, confirmed)
    among = lexicon_learn(lexicon, confirmed, others=["ciemā nav veikala"])

    assert "ciemā" in alone.concepts[0].terms
    assert "ciemā" not in among.concepts[0].terms
    assert "zorbu" in among.concepts[0].terms
