"""More terms for the built-in concepts: the field's general vocabulary. Pure data.

Written from general knowledge of Roma inclusion in Latvia (education, social services,
employment, health, housing, documents), in the words of policy papers, school staff
and families, not from any benchmark case. Merged into the default lexicon's concepts
next to `lexicon.VARIANT_TERMS`; the format is the same (terms separated by
semicolons).
"""

from __future__ import annotations

DOMAIN_TERMS: dict[str, str] = {
    "poverty": """
        zemi ienākumi; ienākumu trūkums; trūcīgas ģimenes; trūcīgā ģimene; maznodrošinātas ģimenes;
        nabadzības risks; dzīvo nabadzībā; iztikas minimums; komunālie maksājumi; īres parāds;
        nespēj samaksāt; bērnu pabalsts; sociālais pabalsts; pabalsti nepietiek; finansiāls slogs;
        mācību piederumu iegāde; ēdināšanas maksa; maksa par pusdienām; nav naudas apģērbam; nav
        naudas ēdienam; apavu trūkums; apģērba trūkums; nav ko ēst mājās; materiāli nenodrošināti
    """,
    "parents_education": """
        vecāku analfabētisms; vecāku lasītprasme; vecāki bez izglītības;
        vecākiem nav vidējās izglītības; vecāki nepabeidza skolu;
        vecāki mācījušies dažas klases; vecāki paši neprot; vecāki ar zemu izglītību;
        paaudžu izglītība; vecāku zināšanas
    """,
    "parents_attitude": """
        vecāku vienaldzība; vienaldzīgi vecāki; izglītības vērtība;
        izglītība kā vērtība; izglītību nenovērtē; vecāki nelaiž skolā;
        vecāki tur mājās; tradicionāli uzskati; vecāku atbildība;
        vecāki neuzskata skolu par vajadzīgu; vecāku prioritātes; vecāki nemotivē;
        izglītība nav vajadzīga meitenēm
    """,
    "motivation": """
        neinteresē mācības; mācīties negribas; nav vēlmes mācīties; vēlmes trūkums;
        nav jēgas mācīties; bezjēdzīgi; nākotnes perspektīvas; nav mērķu; mērķu trūkums;
        zems pašvērtējums; pašapziņa; nepārliecinātība; neticība saviem spēkiem;
        neveiksmes pieredze; iekšējā motivācija; mācību motivācija; garlaicība;
        nepatīk mācīties
    """,
    "absences": """
        stundu kavēšana; skolas neapmeklēšana; neregulāra apmeklēšana;
        izkrišana no izglītības; priekšlaicīga mācību pārtraukšana;
        agrīna skolas pamešana; mācību pārtraukšana; neattaisnotas stundas; prombūtne;
        klaiņošana; neiet uz stundām; kavētās stundas
    """,
    "early_marriage": """
        agrīnās laulības; precības; kāzas; pusaudžu grūtniecība;
        nepilngadīgo grūtniecība; agrīna grūtniecība; jaunas māmiņas; līgava;
        līgavainis; kopdzīve; aiziet pie vīra; apprecināt; nepilngadīgo laulības
    """,
    "language": """
        valodas prasme; valsts valoda; mācību valoda; dzimtā valoda; divvalodība;
        bilingvāli; valodas atšķirības; runā romu valodā; valodas apguve; vārdu krājums;
        latviešu valodas zināšanas; nesaprot stundā; valodas barjera;
        mājās runā citā valodā
    """,
    "special_schools": """
        speciālā izglītības programma; speciālās programmas; palīgskola; internātskola;
        pedagoģiski medicīniskā komisija; komisijas atzinums; diagnoze;
        garīgās attīstības traucējumi; korekcijas klase; speciālā klase;
        novirza uz speciālo; nepamatota diagnoze; testē latviešu valodā
    """,
    "discrimination": """
        aizspriedumi; stereotipi; negatīva attieksme; nevienlīdzīga attieksme; rasisms;
        naidīgums; segregācija; atsevišķas klases; neiecietība; apvainojumi; pazemošana;
        vienaudžu vardarbība; sauc vārdos; negrib sēdēt blakus; neņem pretī
    """,
    "preschool": """
        pirmsskolas izglītība; obligātā sagatavošana;
        piecgadīgo un sešgadīgo sagatavošana; sagatavošanas grupa; sagatavošanas klase;
        rinda uz bērnudārzu; vietu trūkums bērnudārzā; agrīnā izglītība;
        agrīnā attīstība
    """,
    "support_staff": """
        pedagoga palīgs; skolotāja palīgs; asistents; atbalsta personāls;
        speciālais pedagogs; atbalsta komanda; atbalsta speciālisti;
        speciālistu trūkums; nav speciālistu; skolas psihologs;
        skolas sociālais pedagogs
    """,
    "mediators": """
        romu mediators; starpnieks starp skolu un ģimeni; kopienas pārstāvis skolā;
        cilvēks no kopienas; romu darbinieks skolā
    """,
    "cooperation": """
        saziņa ar vecākiem; komunikācija ar ģimeni; komunikācija ar vecākiem;
        vecāku sapulces; e-klase; informācija vecākiem; uzticēšanās trūkums;
        neuzticēšanās; savstarpēja neuzticēšanās; dialogs; skola nesazinās;
        vecāki nenāk uz skolu; nav kontakta
    """,
    "housing": """
        dzīves apstākļi; slikti dzīves apstākļi; mājokļa apstākļi; pārapdzīvotība;
        šaurība; nav elektrības; nav ūdens; nav apkures; auksts dzīvoklis; mitrums;
        sociālais dzīvoklis; sociālā dzīvojamā platība; izlikšana; bez pajumtes;
        nav mācību vietas; nav galda; nav kur mācīties mājās
    """,
    "transport": """
        attālums; tālu no skolas; sabiedriskais transports; skolēnu autobuss;
        autobusu grafiks; reisi; lauku apvidi; nomale; dzīvo tālu; ceļš uz skolu;
        nav transporta; transporta pieejamība; kilometri; nokļūšana skolā
    """,
    "health": """
        veselības problēmas; hroniskas slimības; ģimenes ārsts; ārsta apmeklējums;
        medicīniskā aprūpe; vakcinācija; zobi; higiēna; alkohols; smēķēšana; narkotikas;
        psihoaktīvās vielas; garīgā veselība; veselības aprūpe
    """,
    "role_models": """
        pozitīvi piemēri; veiksmes stāsti; iedvesma; nav ar ko līdzināties; veiksmīgi romi;
        autoritāte
    """,
    "low_expectations": """
        zemas gaidas; neko negaida; nenotic spējām; pazemināti vērtējumi;
        pārceļ uz nākamo klasi; atvieglotas prasības; pielaiž
    """,
    "teachers": """
        pedagogu kompetence; skolotāju zināšanas; multikulturāla izglītība; starpkultūru
        kompetence; kultūras atšķirības; skolotāju apmācība; kursi skolotājiem; nepazīst romu
        kultūru; skolotāju noslodze; darbs ar dažādību; iekļaujošā izglītība
    """,
    "learning_gaps": """
        mācību atpalicība; atpaliek; nesekmība; zemas sekmes; sliktas atzīmes;
        nesekmīgi; atkārto klasi; paliek uz otru gadu; individuāla pieeja;
        individuālais plāns; papildnodarbības; palīdzība mācībās; mājasdarbu pildīšana;
        neviens nepalīdz; pagarinātā dienas grupa; mācību vielas apguve;
        mācīšanās grūtības
    """,
    "household": """
        pieskata jaunākos; jāpieskata brāļi un māsas; bērnu pieskatīšana; palīdz vecākiem; strādā
        kopā ar vecākiem; lauku darbi
    """,
    "information": """
        neinformēti; karjeras izglītība; karjeras konsultācijas; profesijas izvēle;
        profesionālā izglītība; arodskola; tālākā izglītība; iespējas turpināt mācības;
        nezina par iespējām
    """,
    "social_services": """
        sociālais dienests; sociālie darbinieki; sociālais darbinieks;
        sociālais atbalsts; sociālā rehabilitācija; krīzes centrs;
        sociālā riska ģimenes; nelabvēlīgas ģimenes; sociālie pakalpojumi;
        pakalpojumu pieejamība; sociālā darba
    """,
    "extracurricular": """
        interešu izglītība; pulciņi; ārpusstundu nodarbības; sporta nodarbības;
        mūzikas skola; nometnes; brīvais laiks; brīvā laika pavadīšana; jauniešu centrs;
        nav kur pavadīt laiku; sporta sekcija
    """,
    "migration": """
        emigrācija; izbraukšana; dzīvo ārzemēs; atgriežas no ārzemēm; darbs ārzemēs;
        dzīvesvietas maiņa; klejojošs dzīvesveids; bieži pārceļas; pārcelšanās
    """,
    "behaviour": """
        uzvedība; disciplīna; agresija; konflikti; nepaklausība; neievēro noteikumus;
        huligānisms; traucē stundas; uzvedības problēmas
    """,
    "curriculum": """
        romu vēsture; mācību saturs; mācību programma; kultūras identitāte;
        mācību materiāli romu valodā
    """,
    "employment": """
        darba tirgus; darba iespējas; kvalifikācija; nav profesijas; darba devēji;
        darba pieredze; jauniešu bezdarbs; pieņemt darbā; darba meklēšana;
        nepieņem darbā
    """,
    "informal_work": """
        darbs bez līguma; gadījuma darbi; nelegāli darbi; neoficiāls darbs
    """,
    "benefit_trap": """
        zaudēt pabalstu; pabalsta zaudēšana; izdevīgāk nestrādāt
    """,
    "employment_service": """
        NVA kursi; apmācības bezdarbniekiem; subsidētās darba vietas; prakse
    """,
    "second_chance": """
        otrā iespēja; jauniešu garantija; profesionālā apmācība;
        pabeigt pamatskolu pieaugušā vecumā
    """,
    "connections": """
        paziņas; ieteikums
    """,
    "documents": """
        personas kods; personas apliecība; dzimšanas apliecība; deklarētā dzīvesvieta;
        deklarēšana; dokumentu kārtošana; izziņas; nepilsoņi
    """,
    "monitoring": """
        obligātās izglītības vecuma bērnu uzskaite; kavējumu uzraudzība;
        ziņošana par kavējumiem; sodi vecākiem; institūciju sadarbība;
        informācijas apmaiņa starp iestādēm; datu apmaiņa;
        izglītības informācijas sistēma
    """,
    "funding": """
        projektu finansējums; valsts finansējums; pašvaldības budžets;
        līdzekļi programmām
    """,
    "safety": """
        bīstams ceļš; satiksmes drošība; droša vide
    """,
}
