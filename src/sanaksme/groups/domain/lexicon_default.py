"""The built-in concept lexicon: factors that hurt Roma children's education in Latvia.

Edit freely. Each concept is (key, label, terms separated by semicolons). The label is
shown to people as a theme's name. A term is a word or a short phrase; it matches a text when all its words
occur next to each other in any order and any inflection (function words and very
common words such as "romu" or "bērni" may sit between them). Phrases of four or more
words may miss one word, though not a word that no other concept's terms use. Write
diacritics as usual; texts without them still match.
Keep phrases short: two words are precise, one word is broad. Colloquial, phone and
Russian-influenced wordings of the same concepts are in `lexicon.VARIANT_TERMS`.
"""

from __future__ import annotations

_CONCEPTS: tuple[tuple[str, str, str], ...] = (
    ("poverty", "Nabadzība un materiālās grūtības", """
        nabadzība; trūcīgs; maznodrošināts; nauda; bezdarbs; bezdarbnieki; nestrādā; nav darba;
        pabalsti; kredīti; finansiālas grūtības; sociālā atstumtība; materiālās grūtības;
        materiālais stāvoklis; materiālais nodrošinājums; sociāli ekonomiskā; ekonomiskā situācija;
        nav līdzekļu; līdzekļu trūkums; nevar nopirkt; nav par ko dzīvot; dārgi; apģērbs; drēbes;
        drēbju; apavi; zābaki; kurpes; piederumi; burtnīcas; kancelejas preces; ēdiens; ēdināšana;
        izsalkuši; bads; pusdienas; nav ko ēst; nav ko vilkt; finanšu resursi; finansiālie resursi;
        resursu trūkums; nevienlīdzība; izmaksas; mācību līdzekļi; skolas lietas; maize; trūkst
        naudas; dzīvo no pabalstiem; trūcīgā statuss; nabags; nav ko ģērbt; nav ko uzvilkt; vecas
        drēbes; sporta tērps; sporta forma; ziemas apģērbs; pārtika; nepaēduši; izsalcis; nespēj
        nopirkt; nespēj segt; pelnīt; nopelnīt; jāpelna; pelnīt iztiku; naudas braukt; nav naudas
        braukšanai; naudas biļetēm; nav naudas transportam; materiālā situācija; sociālekonomiskā;
        sociālekonomiskā situācija; sociālā palīdzība; ģimenes ienākumi; ienākumu līmenis;
        nepietiekami ienākumi; mazi ienākumi; naudas grāmatām; nopirkt grāmatas; skolas soma;
        naudas somai; segt izdevumus; mācību izdevumi; ar skolu saistītie izdevumi
    """),
    ("parents_education", "Vecāku zemā izglītība", """
        vecāku izglītība; vecāku izglītības līmenis; vecāki nav mācījušies;
        nav mācījušies; nav gājuši skolā; vecākiem nav izglītības; vecāki neprot lasīt;
        vecāki neprot rakstīt; vecāki ir analfabēti; analfabēti; analfabētisms;
        lasītprasme; nav beiguši skolu; neizglītoti vecāki; vecāku izglītības trūkums;
        vecāki nemāk lasīt; nemāk lasīt; nemāk rakstīt; nav skolas izglītības;
        izglītības līmenis; vecākiem nav pamatizglītības; vecāki nav gājuši skolā;
        vecāki nav ieguvuši pamatizglītību
    """),
    ("parents_attitude", "Vecāku attieksme pret izglītību", """
        vecāku attieksme; attieksme pret izglītību; vecāki neatbalsta; vecāki nesūta;
        nesūta uz skolu; nelaiž uz skolu; vecāki neinteresējas; vecāku neieinteresētība;
        vecāku līdzdalība; vecāki neiesaistās; vecāku iesaiste; vienaldzība;
        vecākiem vienalga; vecāki nemotivē; nenovērtē izglītību; izglītības vērtība;
        izglītība nav vērtība; izglītība nav svarīga; nav vajadzīga; nav prioritāte;
        nav svarīgi; vecāku atbildība; vecāki nekontrolē; vecāki atļauj;
        vecāki ļauj neiet; izglītības nozīme; neizprot izglītības nozīmi;
        izglītība netiek veicināta; neveicina izglītību; vecāki neliek mācīties;
        vecāki nepiespiež; vecāki neved uz skolu; vecāki atstāj mājās; prioritāte;
        vecāki neredz vajadzību; skola nav vajadzīga; nevajag skolu; ģimenes vērtības;
        vecāku kontrole; vecāku interese; vecāku intereses trūkums; vecāku vienaldzība;
        uzskata par vērtību; vienaldzīga attieksme
    """),
    ("motivation", "Zema motivācija un pašvērtējums", """
        motivācija; nemotivēti; nav intereses; neinteresē; zūd interese;
        negrib mācīties; negrib iet; negrib skolā; nevēlas mācīties; neredz jēgu;
        nav jēgas; nav jēgas mācīties; jēga; bezjēdzīgi; garlaicīgi; nepatīk skola;
        nepatīk mācīties; slinkums; neredz perspektīvu; perspektīva; nav nākotnes;
        neredz nākotni; neredz izglītības nozīmi; neredz izglītības vērtību;
        neredz mācību jēgu; neredz nozīmi; nesaprot izglītības nozīmi;
        mācīties nav vērts; interese par mācībām; interese; intereses trūkums;
        nav motivācijas; garlaikojas; nesaprot kāpēc jāmācās; nav vēlmes mācīties;
        vēlme mācīties; vēlēšanās mācīties; nepatīk; skola neinteresē;
        neredz vajadzību mācīties; izglītība neko nedod; nav perspektīvu; grib strādāt;
        labāk strādāt; nav mērķu; mērķis; pašapziņa; pašvērtējums; kaunas;
        slēpj izcelsmi; identitāte; nedrošība; kautrīgi; nedrošs; slēpj;
        netic ka sasniegs; zems pašvērtējums
    """),
    ("absences", "Kavējumi un skolas pamešana", """
        kavējumi; neapmeklē; skolas apmeklējums; neregulāri apmeklē; neiet uz skolu; nenāk uz
        skolu; neierodas; izlaiž stundas; pamet skolu; pārtrauc mācības; mācību pārtraukšana;
        nepabeidz skolu; nepabeidz pamatskolu; atbirums; priekšlaicīga; beidz mācīties; izstāšanās;
        izkrīt; atskaitīti; atskaita no skolas; neapmeklē stundas; stundu kavējumi; bez
        attaisnojuma; paliek mājās; ilgstoši kavē; neregulāri; pametuši skolu; neturpina mācības;
        pārtrauc; nepabeidz; agrīna skolas pamešana; nenokārto; nav pamatizglītības; nav ieguvuši
        pamatizglītību; nav iegūta pamatizglītība; nepabeigta pamatizglītība; pamatizglītības
        apliecība; apliecība; nav apliecības; deviņas klases; skolas apmeklētība; stundu
        apmeklētība
    """),
    ("early_marriage", "Agrīnas laulības", """
        laulības; precas; apprecas; iziet pie vīra; grūtniecība; dzemdē; dzīves uzsākšana; ģimenes
        veidošana; sāk ģimeni; kāzas; līgava; nepilngadīgas mātes; jaunās māmiņas; aiziet pie vīra;
        pie vīra; iet pie vīra; agri precas; agra laulība; pusaudžu grūtniecība; dzimšana pusaudžu
        vecumā; sāk dzīvot kopā; saderināšanās; nolaupa līgavu; agri kļūst par vecākiem; agrīna
        ģimenes dzīve; ģimenes izveide; agrīna ģimenes izveide; bērnu aprūpe; apvienot mācības ar
        bērnu
    """),
    ("language", "Valodas barjera", """
        valoda; valodas barjera; latviešu valoda; valsts valoda; latviski;
        nezina latviešu; neprot latviski; romu valoda; čigānu valoda; čigāniski; romāni;
        krieviski; krievu valoda; nesaprot skolotāju; nesaprot ko saka; divvalodība;
        bilingvāli; mācību valoda; dzimtā valoda; nerunā latviski; nerunā latviešu;
        slikti runā latviski; valodas zināšanas; valodu neprot; valodas prasmes;
        valodas apguve; runā mājās; tulks; nesaprot uzdevumus; krievu; latviešu
    """),
    ("special_schools", "Novirzīšana uz speciālajām skolām", """
        speciālā skola; specskola; speciālā izglītība; speciālā programma; speciālās izglītības
        programma; internātskola; palīgskola; korekcijas klase; pedagoģiski medicīniskā komisija;
        medicīniskā komisija; komisija; diagnoze; garīga atpalicība; novirzīšana; ievieto
        speciālajā; sūta uz palīgskolu; speciālās klases; garīgi atpalikuši; mācīšanās traucējumi;
        speciālās izglītības iestādes; nosūtīšana uz speciālo; nosūta uz speciālo skolu; nosūta uz
        palīgskolu
    """),
    ("discrimination", "Diskriminācija, aizspriedumi un ņirgāšanās", """
        diskriminācija; aizspriedumi; stereotipi; negatīva attieksme; neiecietība;
        rasisms; segregācija; atsevišķas klases; mācās atsevišķi; atstumtība; izolācija;
        nicina; apsaukā; sauc par čigāniem; ņirgājas; izsmiešana; smejas par; pazemo;
        aizvaino; pāridarījumi; kaujas; mobings; bulings; sēdēt blakus; izturas sliktāk;
        izturas slikti; neciena; netaisnīgi; citāda attieksme; nespēlējas;
        negrib draudzēties; nedraudzējas; netīri; atgrūž; atstumj; izstumj; izslēgšana;
        naidīgums; lamā; apvainojumi; ķircina; apceļ; nepieņem; skatās šķībi;
        stigmatizācija; stigma; klasesbiedru attieksme; attieksme pret romiem;
        rasistiski; nevienlīdzīga attieksme; nelabvēlīga attieksme; sit bērnus; sitieni;
        vardarbība; fiziska vardarbība; darba devēju aizspriedumi; darba devēji;
        neņem darbā; neņems darbā; nepieņem darbā; atsaka darbu; vieta aizņemta;
        diskriminācija darba tirgū; sēdina atsevišķi; pēdējā solā;
        koncentrēšana atsevišķās klasēs; romu klases
    """),
    ("preschool", "Pirmsskolas izglītības trūkums", """
        pirmsskola; pirmsskolas izglītība; bērnudārzs; dārziņš; pii;
        sagatavošanas grupa; nav sagatavoti skolai; sagatavoti skolai; gatavi skolai;
        obligātā sagatavošana; piecgadīgie; sešgadīgie; agrīnā attīstība; sagatavošana;
        nav gatavi skolai; nav vietu bērnudārzā; rinda uz bērnudārzu; agrīnā izglītība;
        sagatavošanas klase; pirmsskolas vecums
    """),
    ("support_staff", "Skolotāju palīgi un atbalsta personāls", """
        skolotāja palīgs; pedagoga palīgs; asistents; atbalsta personāls;
        atbalsta speciālisti; psihologs; logopēds; sociālais pedagogs;
        speciālais pedagogs; atbalsta komanda; skolotāja asistents; palīgs klasē;
        palīgu skaits; auklīte; mentors; tutors; atbalsta speciālistu trūkums
    """),
    ("mediators", "Romu mediatori", """
        mediators; starpnieks; vidutājs; savējais skolā; mūsējais skolā; cilvēks skolā;
        kopienas pārstāvis skolā; romu pārstāvis skolā; cilvēks no kopienas;
        darbs ar kopienu; darbam ar romu kopienu; kopienas darbinieks; romu asistents
    """),
    ("cooperation", "Sadarbība un uzticēšanās starp skolu un ģimeni", """
        sadarbība; sadarbojas; nesadarbojas; komunikācija; kontakts; vecāku sapulces; sapulces;
        nerunā ar vecākiem; skolotāji nerunā; informācija vecākiem; neinformē; nezinām ko skola
        grib; neizskaidro; neuzticas; uzticēšanās; e-klase; dienasgrāmata; zvana tikai; saikne;
        saikne ar vecākiem; neaicina; neuzaicina; nestāsta; nezina kas notiek skolā; informācijas
        apmaiņa; dialogs; attiecības ar skolu; neprot runāt; nesarunājas; vecāki neiet uz skolu;
        vecāki nenāk uz skolu; aizdomas; bailes no skolas; baidās no skolas; neuzticas
        institūcijām; skola ar mums nerunā; saziņa starp skolu; skola sazinās; saziņa ar ģimeni
    """),
    ("housing", "Dzīves apstākļi un mājoklis", """
        dzīves apstākļi; sadzīves apstākļi; apstākļi mājās; mājoklis; dzīvoklis;
        nav elektrības; elektrība; nav ūdens; apkure; auksts; mitrs; pārapdzīvotība;
        cilvēku vienā istabā; nav kur mācīties; nav vietas mācīties; nav kur pildīt;
        nav sava galda; īrēti; izlikšana; slikti dzīvokļi; barakas; viena istaba; šauri;
        nav vietas; nav sava stūrīša; mājā auksts; mājokļa apstākļi; dzīvo barakās;
        nav tualetes; nav siltā ūdens; nav kanalizācijas; malka; izlikti;
        dzīvokļa apstākļi; sliktos apstākļos
    """),
    ("transport", "Transports un attālums līdz skolai", """
        transports; autobuss; skolas autobuss; tālu; tāls ceļš; attālums; nokļūšana;
        aizbraukt; braukšana; ceļš uz skolu; biļetes; ceļa izdevumi; nomalē; laukos;
        dzīvo tālu; kājām; jāiet kājām; kilometri; km; sabiedriskais transports;
        nav autobusa; reti kursē; lauku teritorijās; attālums līdz skolai;
        nav ar ko aizbraukt; tehnikums tālu; jābrauc tālu; autobuss reti
    """),
    ("health", "Veselība", """
        veselība; veselības problēmas; slimības; ārsts; ģimenes ārsts; vakcinācija; higiēna; zobi;
        medicīniskā aprūpe; veselības aprūpe; alkohols; narkotikas; smēķē; invaliditāte; saslimst;
        zobārsts; utis; uzturs; nepilnvērtīgs uzturs; psihiskā veselība; potes; redzes problēmas;
        spravka; izziņa; ārsta izziņa; zīme no ārsta; atkarības problēmas; atkarības ģimenē;
        alkohola atkarība; narkotiku atkarība
    """),
    ("role_models", "Pozitīvu paraugu trūkums", """
        pozitīvi piemēri; rādīt piemēru; lomu modeļi; nav ar ko līdzināties; izglītoti romi;
        veiksmes stāsti; veiksmīgi romi; neviens nav pabeidzis; elks; nav izglītotu; izglītoti
        cilvēki; līderi; autoritāte; iedvesma; nav ko atdarināt; romu paraugi; paraugs jauniešiem;
        kalpo par paraugu; nav paraugu; paraugu trūkums; romu piemēri; piemērs jauniešiem; kalpo
        par piemēru; nav piemēru
    """),
    ("low_expectations", "Zemas gaidas un prasības pret romu bērniem", """
        zemas gaidas; zemas prasības; neko negaida; netic spējām; neko nevar iemācīties;
        atvieglotas prasības; pārceļ nākamajā klasē; izliek atzīmes; ļauj nemācīties; nepieprasa;
        zemas cerības; neuzskata par spējīgiem; nenovērtē spējas; ļauj neko nedarīt; neprasa;
        vieglāki uzdevumi; pārcelti uz nākamo klasi; žēlo; atlaides; prasības pret romu; prasības
        romu bērniem; nenotic romu bērniem; pedagogu gaidas
    """),
    ("teachers", "Skolotāju sagatavotība darbam ar romu bērniem", """
        skolotāju kompetence; skolotāju zināšanas; skolotājiem trūkst zināšanu;
        nav pieredzes; pieredze; skolotāju sagatavotība; skolotāji nav sagatavoti;
        skolotāju izglītošana; kursi skolotājiem; profesionālā pilnveide;
        iekļaujošā izglītība; starpkultūru; romu kultūra; multikulturāla;
        daudzveidīga klase; individuāla pieeja; metodika; metodes;
        pedagogi nav sagatavoti; nav apmācīti; pedagogu apmācība; pedagogu kompetence;
        metodiskie materiāli; multikulturāla vide; kultūras atšķirības;
        izpratne par romu kultūru; zināšanas par romu kultūru; darbs ar romu bērniem;
        skolotāju pārslodze; lielas klases; daudz skolēnu klasē; skolotāji nezina;
        pedagogu sagatavotība; pedagogu metodiskā sagatavotība; metodiku trūkums;
        pedagogu motivācija; skolotāju motivācija; skolotāju attieksme;
        pedagogu attieksme
    """),
    ("learning_gaps", "Mācību grūtības un atbalsts mācībās", """
        atpalicība mācībās; atpaliek; atpalicība; sekmes; nesekmība; otrgadniecība; otrgadnieki;
        paliek uz otru gadu; klases atkārtošana; vecums neatbilst klasei; zināšanu robi; grūtības
        mācībās; mājasdarbi; uzdevumi; palīdzība mācībās; individuālas nodarbības; konsultācijas;
        papildu nodarbības; pagarinātā grupa; neprot lasīt; neprot rēķināt; atbalsts mācībās;
        atbalsta mācību procesā; zināšanu līmenis; zināšanu trūkums; zemas zināšanas; mācību
        rezultāti; slikti mācās; atpaliek no vienaudžiem; palīdzība ar mājasdarbiem; neviens
        nepalīdz mācīties; fakultatīvi; nevar palīdzēt; nespēj palīdzēt; nav kas palīdz; neviens
        nepalīdz; uroki; otru gadu; atstāšana uz otru gadu; matemātika; sliktie rezultāti; mācību
        sasniegumi; zemi sasniegumi
    """),
    ("household", "Mājas pienākumi, bērnu darbs un tradīcijas", """
        mājas pienākumi; pieskata jaunākos; pieskata; pieskatīšana; jāpieskata; brāļi un māsas;
        jāpalīdz mājās; palīdz mājās; paražas; dzimumu lomas; jāpaliek mājās; jāstrādā; brauc
        strādāt; strādā kopā ar vecākiem; ienākumu gūšana; palīdz vecākiem; pieskata mazos; rūpējas
        par mazajiem; auklē; saimniecība; pienākumi ģimenē; meitenes paliek mājās
    """),
    ("information", "Informācija par iespējām un karjeras izglītība", """
        nezina par iespējām; informācijas trūkums; nav informācijas; nezina tiesības;
        nezina kur vērsties; iespējas; karjeras izglītība; karjeras konsultants;
        karjeras konsultācijas; profesijas izvēle;
        informācija par profesionālo izglītību; informācijas par iespējām;
        nezina kur mācīties tālāk
    """),
    ("social_services", "Sociālā atbalsta trūkums ģimenēm", """
        sociālais dienests; sociālais darbinieks; atbalsts ģimenēm; ģimenes asistents;
        sociālais atbalsts; sociālā rehabilitācija; sociālie pakalpojumi
    """),
    ("extracurricular", "Ārpusskolas nodarbību trūkums", """
        interešu izglītība; pulciņi; ārpusskolas; nodarbības pēc skolas; brīvais laiks;
        nometnes; sports; mūzikas skola; dienas centrs; ārpus skolas; aktivitātes;
        jauniešu centrs; bibliotēka
    """),
    ("migration", "Pārcelšanās un migrācija", """
        pārceļas; maina dzīvesvietu; maina skolas; ārzemes; emigrācija; migrācija;
        mobilitāte; nav pastāvīgas dzīvesvietas; aizbrauc uz ārzemēm; klejo;
        aizbraukuši; Anglija; Lielbritānija; Īrija; strādā ārzemēs; atgriežas
    """),
    ("behaviour", "Uzvedības problēmas", """
        uzvedība; uzvedības problēmas; disciplīna; agresija; konflikti; nevar nosēdēt; iekļauties
        klasē; nedisciplinēti; agresīvi; trokšņo; neklausa; nepilda noteikumus; adaptācija; grūti
        pielāgoties
    """),
    ("curriculum", "Romu kultūra un valoda mācību saturā", """
        mācību saturs; romu vēsture; kultūras neiekļaušana; mācību grāmatās;
        mācību programma; romu kultūra mācību; nav romu valodas; romu valodas mācīšana
    """),
    ("employment", "Nodarbinātība un darba tirgus", """
        bezdarbs jauniešu vidū; darba pieredze; nav darba pieredzes; kvalifikācija; nav
        kvalifikācijas; nav profesijas; profesija; darba iespējas; darba vietas; darba piedāvājumi
    """),
    ("informal_work", "Neformālā nodarbinātība", """
        neformālā nodarbinātība; bez darba līguma; ēnu ekonomika; nelegāls darbs;
        nelegāli strādā; aplokšņu alga; strādā melnā; melnais darbs; gadījuma darbi;
        sezonas darbi; bez līguma
    """),
    ("benefit_trap", "Bailes zaudēt pabalstus", """
        samazina pabalstus; zaudē pabalstu; legāls darbs; oficiāls darbs;
        pabalstu slazds; izdevīgāk saņemt pabalstu
    """),
    ("employment_service", "Nodarbinātības valsts aģentūras atbalsts", """
        NVA; nodarbinātības valsts aģentūra; nodarbinātības aģentūra;
        bezdarbnieka statuss; reģistrējas NVA; aktīvie nodarbinātības pasākumi;
        kursi bezdarbniekiem
    """),
    ("second_chance", "Otrās iespējas izglītība", """
        otrās iespējas izglītība; otrās iespējas; vakarskola; tālmācība; neklātiene;
        pieaugušo izglītība; mūžizglītība; mācīties pieaugušā vecumā
    """),
    ("connections", "Pazīšanās un sakaru trūkums", """
        blats; caur paziņām; sakari; pazīstami cilvēki
    """),
    ("documents", "Dokumenti un autovadītāja tiesības", """
        autovadītāja tiesības; vadītāja apliecība; braukšanas tiesības; tiesības braukt;
        personu apliecinošs dokuments; dokumentu trūkums; nav dokumentu
    """),
    ("monitoring", "Bērnu uzskaite un institūciju reakcija", """
        bērnu uzskaite; uzskaite; apzināšana; obligātās izglītības vecuma;
        starpinstitūciju; starpinstitūciju sadarbība; mehānisms; bāriņtiesa;
        reakcija uz kavējumiem; vāja reakcija; sankcijas; sodi;
        administratīvā atbildība; uzraudzība; kontrole; pašvaldības kontrole
    """),
    ("funding", "Finansējums un pasākumu ilgtspēja", """
        finansējums; finansējuma trūkums; projektu ietvaros; projekti; ilgtspēja;
        nav ilgtspējīgi; budžets; integrācijas pasākumi; valsts atbalsts
    """),
    ("safety", "Drošība ceļā un skolā", """
        bail laist; bīstami; drošība; uzbrūk; apdraud; vienas uz skolu laist
    """),
)



def split_terms(terms: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(
        t.strip() for t in " ".join(terms.split()).split(";") if t.strip()))


DEFAULT_CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (key, label, split_terms(terms)) for key, label, terms in _CONCEPTS
)
