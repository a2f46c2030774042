"""The concept lexicon: what themes are about, in the words people use. Pure Python.

A concept is a factor (poverty, language, early marriage…) with a Latvian label and the
terms that signal it. The lexicon is plain data: stored as JSON, edited by people, and
extended by `lexicon_learn` from themes that facilitators confirmed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sanaksme.groups.domain.lexicon_cues import CUE_TERMS
from sanaksme.groups.domain.lexicon_default import DEFAULT_CONCEPTS, split_terms
from sanaksme.groups.domain.lexicon_domain import DOMAIN_TERMS
from sanaksme.groups.domain.lexicon_family import FAMILY_CONCEPTS
from sanaksme.groups.domain.lexicon_field import FIELD_CONCEPTS, FIELD_TERMS
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


# More wordings of the built-in concepts (lexicon_default.py): synonyms, colloquial,
# Russian-influenced and phone spellings, paraphrases without the concept's key word.
# Merged into the default lexicon's terms; kept here to keep each module short.
VARIANT_TERMS: dict[str, str] = {
    "poverty": """
        nepietiek līdzekļu; mazas algas; nav par ko nopirkt; nevar atļauties; skolas forma; jaka;
        bikses; zeķes; botas; kedas; mugursoma; penālis; kladītes; kladēs; paēst; atkarība no
        pabalstiem; nespēj nodrošināt; nevar nodrošināt; nespēj iegādāties; nevar iegādāties;
        iegādāties; materiāls trūkums; ekonomiskās grūtības; finansiālās problēmas; dengi; maksas
        pulciņi; nav naudas mācību līdzekļiem; brīvpusdienas; ģimenes budžets; vecāki bez darba;
        sociāli mazaizsargātas; mazaizsargāti; iztika; GMI; deneg; nav iespēju nopirkt; jāmaksā;
        nav ar ko samaksāt; samaksāt; maksa; grūti iztikt; iztikt; knapi; naudiņas; materiālie
        resursi; labklājība; zema labklājība; labklājības līmenis; maksas ekskursijas; ekskursijas
        par maksu
    """,
    "parents_education": """
        vecāku pamatizglītība; vecāku nepabeigta pamatizglītība; vecāki mācījušies maz;
        vecāki beiguši dažas klases; paši neesam mācījušies; neizglītoti; mazizglītoti;
        vecāki negramatiski; vecāki nav pabeiguši skolu; nepabeigta skola vecākiem
    """,
    "parents_attitude": """
        neuzskata izglītību; neuzskata par nozīmīgu; izglītība nav nozīmīga; nenovērtē; novērtē
        izglītību; izglītības loma; nevērtē izglītību; skola nav svarīga; meitenēm skola nav
        vajadzīga; neatbalsta izglītību; neatbalsta mācības; vecāki neatbalsta meiteņu izglītību;
        vecāki nerūpējas; vecāki neinteresējas par mācībām; vecāki nepārbauda;
        vecāki neseko; vecāki neuzskata; nevajag mācīties; nav jāmācās; vecāku motivācija; vecāku
        atbalsta trūkums; ģimenes atbalsta trūkums; paliek mājās vecāku dēļ; vecāki neredz nozīmi;
        vecāki nesaprot izglītības nozīmi; pietiek ar dažām klasēm; pietiek prast lasīt; izglītība
        nav vajadzīga; vecāki nemudina; nemudina mācīties; neuzmudina; vecāki neuzrauga; vecāki
        attaisno kavējumus; pasīvi vecāki; izglītība nav prioritāte; vecāki neiedrošina; vecāki
        neuzstāj; vecāku ieinteresētība; pietiek ar pamatskolu; pietiek prast rakstīt; vecākiem
        skola nav svarīga; vecāki neliek iet; vecāki pieļauj; mājās neviens neprasa; neviens
        neprasa par skolu; vecāki nejautā; vecāki nepārbauda mājasdarbus; vecāku nevērība;
        nevērība; vecāki nepievērš uzmanību; vecāku loma; vecāku pienākumi; ģimenes attieksme;
        neredz saikni; saikne starp izglītību un darbu; nav izpratnes; izpratnes trūkums;
        neizpratne
    """,
    "motivation": """
        neredz vajadzību; nezina ko grib; mazvērtība; nepārliecinātība; neticība saviem spēkiem;
        neinteresanti; interesanti; bezmērķīgi; apātija; netic ka izglītība palīdzēs; neiet skolā
        jo negrib; nehočet; neohota; neohotno; nav vēlmes; vēlme; grib ātri pelnīt; grib nopelnīt;
        mācības neko nedod; mācības nav vajadzīgas; nākotnes redzējums; pašcieņa; nejūtas labi
        skolā; neiederas; nejūtas piederīgi; neieinteresētība; nākotnes plāni; skola nav
        interesanta; nesaista; negrib sēdēt stundās; nejūtas vajadzīgi; apkaunojums; bailes no
        neveiksmes
    """,
    "absences": """
        neiet stundās; bastojas; bastot; neattaisnoti; nebeidz skolu; pamet mācības;
        izglītības pārtraukšana; ziemā neiet; ziemā sēž mājās; sēž mājās; progulki;
        progul; proguljajet; kavēto stundu; reti nāk; mēnešiem neiet; nāk kad grib;
        nepabeigta izglītība; bez pamatizglītības; mācības pārtrauktas; pameta mācības;
        pametuši; nedēļām neiet; izkrituši; nepabeigta pamatskola; neiet; puikas neiet;
        neturpināšana; izglītības neturpināšana
    """,
    "early_marriage": """
        izprecina; agri kļūst par māti; jaunas mātes; pusaudžu mātes; stāvoklī; pieaugušo dzīve;
        agrīnā pieaugšana; agra mātes loma; kopdzīve; dzīvo kopā ar puisi; aiziet pie puiša; iet
        dzīvot pie puiša; laulību tradīcija; precēti; jaunas mammas; bērna kopšana
    """,
    "language": """
        latyshskij; latiški; po latyshski; latiskij; jazyk; slikti saprot;
        mazākumtautību; mājās nerunā latviski; po russki; latysh
    """,
    "special_schools": """
        nonāk speciālajās; atzīst par atpalikušu; durakov škola; vspomogatelnaja; nepamatoti
        speciālajā; korekcijas programma; ieliek speciālajās; testi nav piemēroti; pedagoģiski
        medicīnisks; nepamatoti diagnosticē; spec klase; spec programma; ielikti spec; ieliek spec;
        palīgklase; attīstības traucējumi; intelekta traucējumi; diagnosticē; normāli bērni
        speciālajā; ievirza speciālajā; aizsūta uz palīgskolu; aizsūta uz speciālo; aizsūtīja uz
        palīgskolu; aizsūtīja uz speciālo
    """,
    "discrimination": """
        sabiedrības attieksme; aizspriedumaina attieksme; aizspriedumains; sliktāka attieksme;
        izturas citādi; izturas savādāk; apsmej; čigāni smird; smird; sauc vārdos; piekauj; nav
        draugu; sēž vieni; sēž atsevišķi; iebiedē; diskriminējoša; tautības dēļ; izcelsmes dēļ;
        cygane; cyganka; neļauj draudzēties; nevēlas mācīties kopā ar romiem; neuzņem skolā;
        atteikums uzņemt; vaino romus; apvaino zādzībā; skatās kā uz zagļiem; neņem pulkā; neņem
        grupā; kaitina; apvaino; aizskar; ādas krāsas dēļ; vientulība; sauc par dumjiem; piekāva
    """,
    "preschool": """
        pirmsskolas izglītības neapmeklēšana; pirmsskolas izglītības iestāžu apmeklētība;
        neapmeklē pirmsskolu; pirmsskolas apmeklētība; neapmeklē bērnudārzu;
        nesagatavoti skolai; detskij sad; detsad; sadik; neapmeklē dārziņu;
        piecgadnieki; sešgadnieki; agrīnā bērnība; nav sociālo prasmju;
        neapmeklē sagatavošanas; neiet sagatavošanas grupā; neiet dārziņā;
        neiet sagatavošanas
    """,
    "support_staff": """
        palīgu trūkums; palīgs stundās; individuāli strādā; individuāls atbalsts klasē;
        nav palīga; otrs skolotājs klasē; otrais pedagogs; individuālais palīgs;
        atbalsta pedagogs
    """,
    "mediators": """
        cilvēks no mūsējiem; kāds no mūsējiem; kas runātu ar skolu;
        saikne starp skolu un kopienu; kopienas pārstāvis; romu koordinators;
        koordinators; starpniecība; tilts starp skolu; tilts starp ģimeni un skolu;
        uzticības persona; romu konsultants; romu kopienas pārstāvji; strādā ar kopienu;
        sadarbības starpnieks
    """,
    "cooperation": """
        neticam skolai; atsvešinātība; nezinām kas notiek; nesaprotam ko skola grib; neapmeklē
        sapulces; neapmeklē vecāku sapulces; vecāki nepiedalās; nepiedalās skolas dzīvē; vecāki
        neatnāk; skolotāji nezvana; nesaprot skolas prasības; savstarpēja sapratne; atgriezeniskā
        saite; nesapratne; sapratne; skola nezvana; nezvana; vecākiem nav kontakta ar skolu;
        attiecības ar vecākiem; skolotāji tikai sūdzas
    """,
    "housing": """
        pārblīvēts; daudz cilvēku istabā; divās istabās; mazā istabā;
        nav kur pildīt uzdevumus; nav gaismas; sveces; sadzīves; dzīvo pie radiem;
        graustos; vecā mājā; kvartira; komunalka; dzīvo daudz cilvēku; nav dušas;
        nav kur mazgāties; avārijas mājas; nav savas istabas; nav sava stūra;
        troksnis mājās; nolietoti; bez ērtībām; nav labierīcību; labierīcības;
        nav savas gultas; nav kur pildīt mājasdarbus
    """,
    "transport": """
        autobuss neiet; autobuss nebrauc; autobusi neiet;
        nav kā tikt; mašīna; benzīns; ceļa nauda; avtobus; transporta izmaksas;
        nav kas aizved; neviens neaizved; nav kā aizvest; ārpus pilsētas; pārvadājumi;
        skolas autobusa nav; jāiet pa tumsu; biļetes dārgas; kompensācija par ceļu
    """,
    "health": """
        neregulāras ārsta pārbaudes; neregulāri apmeklē ārstu;
        ārsta apmeklējums; slimojam; saslimšana; brilles; nav naudas zālēm; vrač;
        nevakcinēti; redzes traucējumi; dzirdes traucējumi; psiholoģiskas problēmas;
        neregulāras pārbaudes; profilaktiskās pārbaudes; nav apdrošināšanas; slimnīca;
        vitamīni
    """,
    "role_models": """
        ieguvuši izglītību; neviens no mūsējiem nav beidzis; neviens nav beidzis skolu;
        veiksmīgi cilvēki; nav ar ko lepoties; romu speciālisti;
        izglītoti cilvēki no kopienas; nav veiksmīgu
    """,
    "low_expectations": """
        sagaida mazāk; sagaida no romu; maz sagaida; neko nesagaida; nekas nesanāks; pazeminātas
        prasības; zemākas prasības; mazāk prasa; pārceļ bez zināšanām; izliek trijniekus; vilkt uz
        nākamo klasi; atmet ar roku; nav vērts ieguldīt; nevērtē objektīvi; zemas ekspektācijas;
        ekspektācijas; neiemācīsies; neko neiemācīs; atvieglojumi; pazemināta latiņa; latiņa;
        dumji; stulbi; muļķi; uzskata par dumjiem; no čigāniem nekas nesanāks
    """,
    "teachers": """
        pedagogiem trūkst prasmju; skolotājiem trūkst prasmju; trūkst prasmju strādāt; prasmes
        strādāt; darbs ar atšķirīgiem; atšķirīgiem skolēniem; nezina romu tradīcijas; pedagogu
        tālākizglītība; apmācība skolotājiem; semināri skolotājiem; skolotāju izdegšana; skolotāji
        nemāk; skolotāji nav gatavi; pedagogi nav gatavi; nezina kā strādāt; nemāk strādāt; nav
        metožu; mācību materiāli; kursi pedagogiem; skolotāji nesaprot romu; interkulturāla;
        starpkulturāla; kultūras kompetence; kultūrjutīga; skolotāju noslodze; pārslogoti
        skolotāji; skolotāju profesionālā sagatavotība; skolotāji nav sagatavoti darbam;
        daudzkultūru; kultūras daudzveidība; skolotāju tālākizglītība
    """,
    "learning_gaps": """
        atpalikšana; sliktas atzīmes; nemāk lasīt; nemāk rēķināt; neprot rakstīt;
        lasītprasme bērniem; izpildīt mājas; nepalīdz mācīties; papildu palīdzība;
        atstāj uz otru; grūti saprast; nesaprot mācību vielu; mācību viela; domašku;
        domašnee; nokārtot eksāmenus; eksāmeni; nevar nokārtot; nespēj sekot līdzi;
        neseko līdzi; nepaspēj līdzi; grūti sekot; papildu atbalsts;
        individuālais plāns; korepetitors; repetitors; pamāca; nav kas iemāca; iemācīt;
        nav atbalsta mācībām; slikti vērtējumi; korepetīcijas; papildu stundas
    """,
    "household": """
        jāpaliek ar mazajiem; paliek ar mazajiem; mazie brāļi; palīdz mammai;
        palīdz tēvam; strādā ar tēvu; jānopelna; bērnu nodarbinātība;
        mājas darbi ģimenē; meitenes mājsaimniecībā; mājsaimniecība;
        tradicionālās lomas; jāpalīdz vecākiem; rūpēties par jaunākajiem; lauku darbi;
        vāc metālu; metāllūžņi; strādā tirgū; palīdz tirgot; puikas strādā;
        palīdz ģimenei; jāpalīdz ģimenei; jāiet strādāt; iet peļņā; peļņā
    """,
    "documents": """
        dokumenti; papīri; dzīvesvieta nav deklarēta; deklarētas dzīvesvietas;
        deklarācija; reģistrācija; personas kods; dzimšanas apliecība; propiska;
        dokumenty; nav dzimšanas apliecības; nav pierakstīti; uzturēšanās atļauja;
        pilsonība; nepilsoņi; nav ID kartes; ID karte
    """,
    "employment": """
        nevar atrast darbu; nevar dabūt darbu; darbu neatrod; darbā neņem;
        darbā nepieņem; izglītība nepalīdz atrast darbu; arī ar izglītību nav darba;
        iekārtoties darbā; nevar iekārtoties; atrast darbu
    """,
    "extracurricular": """
        ārpusstundu; pēc stundām; kružki; kruzhok
    """,
}


def _with_variants(key: str, terms: tuple[str, ...]) -> tuple[str, ...]:
    extra = (split_terms(more.get(key, ""))
             for more in (VARIANT_TERMS, DOMAIN_TERMS, FIELD_TERMS, CUE_TERMS))
    return tuple(dict.fromkeys([*terms, *(t for found in extra for t in found)]))


_DEFAULT = Lexicon(tuple(Concept(key, label, _with_variants(key, terms))
                         for key, label, terms in (*DEFAULT_CONCEPTS, *(
                             (key, label, split_terms(terms))
                             for key, label, terms in (*FIELD_CONCEPTS, *FAMILY_CONCEPTS)))))


def default_lexicon() -> Lexicon:
    """The built-in lexicon of factors that hurt Roma children's education."""
    return _DEFAULT


def lexicon_to_data(lexicon: Lexicon) -> list[dict[str, Any]]:
    """The lexicon as JSON-safe data: a list of {key, label, terms}."""
    return [{"key": c.key, "label": c.label, "terms": list(c.terms)}
            for c in lexicon.concepts]


def lexicon_from_data(data: Any) -> Lexicon:
    """A lexicon from `lexicon_to_data` output; ValueError names the bad field."""
    if not isinstance(data, list):
        raise ValueError("lexicon: expected a list of concepts")
    concepts: list[Concept] = []
    keys: set[str] = set()
    for index, entry in enumerate(data):
        where = f"[{index}]"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected an object")
        unknown = sorted(set(entry) - {"key", "label", "terms"})
        if unknown:
            raise ValueError(f"{where}: unknown field {unknown[0]!r}")
        key, label = _text(entry, "key", where), _text(entry, "label", where)
        if key in keys:
            raise ValueError(f"{where}.key: duplicate {key!r}")
        keys.add(key)
        terms = entry.get("terms")
        if not isinstance(terms, list):
            raise ValueError(f"{where}.terms: expected a list of strings")
        for number, term in enumerate(terms):
            if not isinstance(term, str) or not term.strip():
                raise ValueError(f"{where}.terms[{number}]: expected a non-empty string")
        concepts.append(Concept(key, label, tuple(t.strip() for t in terms)))
    return Lexicon(tuple(concepts))


def _text(entry: dict[str, Any], field: str, where: str) -> str:
    value = entry.get(field)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}.{field}: expected a non-empty string")
    return value.strip()


def lexicon_learn(lexicon: Lexicon,
                  confirmed: Sequence[tuple[str, Sequence[str]]]) -> Lexicon:
    """The lexicon extended by confirmed themes (label, item texts); the input is unchanged.

    A theme joins the concept with the same label, or the concept most of its texts
    already match; otherwise it becomes a new concept. Each text the concept did not
    yet match adds a short phrase of its content words, and words shared by two or
    more texts of the theme are added on their own.
    """
    concepts = list(lexicon.concepts)
    for label, texts in confirmed:
        label = label.strip()
        texts = [t for t in texts if t.strip()]
        if not label or not texts:
            continue
        current = Lexicon(tuple(concepts))
        target = _target_concept(current, label, texts)
        old_terms = concepts[target].terms if target is not None else ()
        terms = _extend(old_terms, _learned_terms(current, target, texts))
        if target is None:
            if terms:
                concepts.append(Concept(_new_key(label, concepts), label, terms))
        else:
            concepts[target] = Concept(concepts[target].key, concepts[target].label, terms)
    return Lexicon(tuple(concepts))


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
