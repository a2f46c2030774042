"""A broader field lexicon: more wordings and more concepts. Pure data.

Written from general knowledge of Roma children's education and inclusion in Latvia
(schools, preschool, social services, health, housing, employment, and co-operation
between municipalities and the Roma community), in the words of policy papers, school
and municipal staff, and families. It was not written from any benchmark case.

`FIELD_TERMS` adds terms to the built-in concepts (`lexicon_default`), in the same
format as `lexicon_domain.DOMAIN_TERMS` (terms separated by semicolons): experts'
policy and sticky-note phrasing ("iesaiste pirmsskolā", "nosacīti pārcelts") and the
community's plain, spoken phrasing ("mazie sēž mājās", "skolotāja vaino mūsējos").

`FIELD_CONCEPTS` adds concepts that the built-in ones do not cover or cover too
coarsely (key, Latvian label, terms). Their terms are kept specific so that they do
not share a wording with another concept; where a built-in concept already owns a
single word (e.g. "neuzticas", "koordinators", "identitāte"), the new concept uses
longer phrases, which win over the shorter term when both match.
"""

from __future__ import annotations

FIELD_TERMS: dict[str, str] = {
    "poverty": """
        bērnu nauda; dzīvo no bērnu naudas; ģimenes valsts pabalsts;
        trūcīgās personas statuss; maznodrošinātās personas statuss;
        nabadzības slieksnis; dziļa nabadzība; paaudžu nabadzība;
        nabadzības apburtais loks; bērnu nabadzība; ilgstošs bezdarbs; pārtikas pakas;
        pārtikas taloni; zupas virtuve; humānā palīdzība; labdarība; ziedojumi;
        lietotas drēbes; drēbes no labdarības; nav siltu drēbju; nav ziemas zābaku;
        nav ziemas jakas; nav ko uzvilkt kājās; neēduši brokastis; nāk izsalcis;
        tukšs ledusskapis; nav naudas ekskursijām; nevar samaksāt ekskursiju;
        maksas pasākumi; mācību piederumu komplekts; skolas somas akcija; ātrie kredīti;
        kredītu parādi; parādu piedziņa; tiesu izpildītājs; nauda beidzas;
        līdz algai nepietiek; no rokas mutē; bezmaksas ēdināšana; bezmaksas pusdienas;
        brokastis skolā; launags; skolas ēdnīca; maksa par launagu;
        ēdināšanas kompensācija; skolas ēdiens negaršo; neēd skolas pusdienas;
        krīzes pabalsts; apkures pabalsts; dārgi dzīvot; cenas aug; dārdzība; net deneg;
        nav deņgu; bednije
    """,
    "parents_education": """
        vecāki nevar izlasīt; nevar izlasīt vēstuli; paraksta ar krustiņu;
        vecāki mācījušies četras klases; vecāki gājuši palīgskolā; vāja lasītprasme;
        funkcionālais analfabētisms; paši neesam beiguši; paši neprotam lasīt;
        izglītības trūkums paaudzēs; vecāki nesaprot uzdevumus;
        vecākiem sākumskolas izglītība; mācījušies tikai sākumskolā;
        vecāki paši nemācījās; vecāki agri pameta skolu; vecāku lasīšanas prasmes;
        vecāki neprot rēķināt; vecāki nezina alfabētu; vecāki nepazīst burtus;
        vecāki nesaprot rakstīto; vecāki nepabeidza pamatskolu; vecāki nemāk rēķināt;
        pieaugušie neprot lasīt; paaudzēs nav mācījušies
    """,
    "parents_attitude": """
        vecāki neredz jēgu; vecāki neredz vērtību; vecāki nenovērtē skolu;
        ļauj palikt mājās; bērns pats izlemj; pats lemj iet vai neiet;
        vecāki nedomā par nākotni; nauda svarīgāka par skolu; darbs svarīgāks par skolu;
        vecāki neiegulda izglītībā; vecāki nepieskata mācības;
        vecāki nekontrolē apmeklējumu; vecāki saka nevajag; vecāki raksta zīmītes;
        vecāki piesedz kavējumus; vecāki slēpj kavējumus; roditeļiem vienalga;
        vecākiem pofig; tradicionāla izpratne par izglītību; pietiek ar lasītprasmi;
        pietiek ar četrām klasēm; pietiek ar sākumskolu; vecāki neseko līdzi;
        vecāki nepārbauda somu; vecāki neskatās dienasgrāmatā; mācības nav galvenais;
        skola otrajā vietā; vecāki nestimulē; vecāki nerosina mācīties;
        vecāki neuzmundrina
    """,
    "motivation": """
        neredz mērķi; nav mērķa dzīvē; dzīves mērķis; nav sapņu; sapņi par nākotni;
        nezina ko darīt dzīvē; nezina par ko kļūt; zūd motivācija; motivācija krītas;
        zaudē interesi; pazūd interese; vecākās klasēs negrib; nenovērtē sevi;
        nejūtas veiksmīgi; bailes kļūdīties; baidās atbildēt stundā; pasīvi stundās;
        nepiedalās stundās; nav stimula; ātri padodas; negrib pūlēties;
        neinteresantas stundas; mācību process neinteresē; mazvērtības sajūta;
        jūtas mazvērtīgi; jūtas sliktāki par citiem; kautrējas runāt; nav gribasspēka;
        pietrūkst neatlaidības; ārējā motivācija; nav uzslavas; pozitīvs novērtējums;
        veiksmes sajūta; panākumu sajūta; neticība nākotnei; jūtas dumjš
    """,
    "absences": """
        kavē bez iemesla; neattaisnoti kavējumi; nāk uz pusi stundām;
        aiziet pēc otrās stundas; aiziet no stundām; nāk reizi nedēļā; ierodas reti;
        pazūd no skolas; izkrīt no sistēmas; izkrituši no izglītības sistēmas;
        skolu pamet pusaudžu vecumā; pamet skolu agri; agri beidz skolu;
        liecība apliecības vietā; nepabeidz obligāto izglītību; kad salst neiet;
        aukstumā neiet; lietū neiet; neatgriežas pēc brīvdienām; septembrī neatnāk;
        neiegūst pamatizglītību; pārtrauc mācības pusaudžu vecumā;
        skolas gaitas beidzas; bēg no stundām; izmuk no stundām; pēc pusdienām aiziet;
        progulivajet; nehodit v školu
    """,
    "early_marriage": """
        civillaulība; nereģistrēta laulība; sarunāta laulība; meiteni apprecina;
        saderina bērnībā; grūtniece skolniece; skolniece gaida bērnu; mazgadīga māte;
        pēc kāzām neiet skolā; pēc kāzām pārtrauc mācības; dzīvo pie vīra vecākiem;
        vīramāte neļauj mācīties; vīrs neļauj mācīties; pūrs; līgavas maksa;
        jaunā sieva; kļūst par sievu; aizbēg ar puisi; nolaupa meiteni; laulības vecums;
        kontracepcija; seksuālā izglītība; dzimumaudzināšana; reproduktīvā veselība;
        zamužā; svadba; nevesta
    """,
    "language": """
        nesaprot terminus; mācību terminoloģija; nesaprot uzdevuma nosacījumus;
        teksta izpratne; runā tikai krieviski; pāreja uz latviešu valodu;
        mācības tikai latviešu valodā; valodas reforma; latviešu valoda kā otrā valoda;
        otrā valoda; valodas atbalsts; valodas nodarbības;
        papildu latviešu valodas stundas; nesaprot stāstīto; grūti izteikties;
        neprot izteikties; jaukta valoda; sajauc valodas; trīsvalodība; daudzvalodība;
        nezina vārdus; vārdu nozīme; valodas vide; nav latviešu vides;
        nav prakses runāt; valodas līmenis; runā ar akcentu; neponimajet
    """,
    "special_schools": """
        kļūdaina diagnoze; nepareiza diagnoze; psihologa atzinums;
        speciālās skolas apliecība; speciālās vajadzības;
        speciālās izglītības vajadzības; iekļaušana vispārējā skolā;
        pāriet uz parasto skolu; atgriezt vispārizglītojošā skolā; debilu skola;
        spec škola; pārvieto uz speciālo programmu; intelektuālās attīstības traucējumi;
        intelekta tests; nepareizi testē; zīmogs uz visu mūžu; speciālajā skolā vieglāk;
        speciālās skolas absolventi; pedagoģiskā izvērtēšana;
        vecāki piekrīt speciālajai; vecāki paši grib speciālo skolu
    """,
    "discrimination": """
        vienmēr vainīgi; skolotāja vaino; vaino mūsējos; izsmej apģērbu;
        rasu aizspriedumi; etniskie aizspriedumi; diskriminē pēc izcelsmes;
        otrās šķiras cilvēki; veikalā seko; apsargs seko; nelaiž veikalā;
        neizīrē dzīvokli; izslēdz no spēlēm; neaicina dzimšanas dienās;
        neuzaicina ciemos; kautiņi; kiberbulings; ņirgājas internetā;
        klasesbiedru vecāki iebilst; pārved bērnus uz citu skolu; aizdomas zādzībā;
        institucionālā diskriminācija; strukturālā diskriminācija;
        slēpta diskriminācija; nevienlīdzīgas iespējas; vienlīdzīgas iespējas;
        tiesībsargs; etniskā profilēšana; policija aptur; ksenofobija; antičigānisms;
        romofobija; naids pret romiem; izturas ar nicinājumu; nicinoši skatās;
        neaicina ciemos
    """,
    "preschool": """
        iesaiste pirmsskolā; mazie sēž mājās; neved uz dārziņu; maksa par dārziņu;
        agrīnās bērnības izglītība; rotaļu grupa; spēļu grupa;
        agrīnās attīstības centrs; mazo bērnu grupa; pirmsskolas programma;
        pirmsskolas pieejamība; vietas pirmsskolā; neuzticas bērnudārzam;
        bail atdot dārziņā; bērns raud dārziņā; adaptācija bērnudārzā;
        nesagatavoti pirmajai klasei; nepazīst krāsas; neprot turēt zīmuli;
        pamatprasmes pirms skolas; piecgadīgie mājās; obligātā pirmsskola
    """,
    "support_staff": """
        logopēda nodarbības; runas traucējumi; psihologa konsultācija;
        psihologa palīdzība; psiholoģiskais atbalsts; nav pieejams psihologs;
        speciālā pedagoga nodarbības; atbalsta speciālistu pieejamība;
        psihologs reizi nedēļā; psihologs uz pusslodzi; speciālistu slodze;
        otrs pieaugušais klasē; asistenta pakalpojums; mentoru programma;
        vienaudžu mentori; studenti mentori; tutora atbalsts; brīvprātīgie skolā;
        izglītības psihologs; ergoterapeits; mākslas terapija; skolas atbalsta centrs
    """,
    "mediators": """
        kāds kas iztulko; pazīst ģimenes; pazīst kopienu; romu izcelsmes darbinieks;
        romu tautības darbinieks; mediatora amats; mediatoru programma;
        mediatoru apmācība; skolu mediators; kopienas mediators; izglītības mediators;
        veselības mediators; mediatora pakalpojumi; starpniecības pakalpojums;
        tulko starp skolu un ģimeni; palīdz saprasties; mediators pašvaldībā;
        mediatoru tīkls; uzticams cilvēks no kopienas; kopienas cilvēks skolā;
        mediatora atbalsts ģimenēm
    """,
    "cooperation": """
        zvana tikai sūdzēties; aicina tikai problēmu gadījumā; izsauc uz skolu;
        izsauc vecākus; pārrunas ar vecākiem; individuālas sarunas ar vecākiem;
        tikšanās ar vecākiem; vecāku dienas; atvērto durvju dienas;
        vecāki nejūtas gaidīti; vecāki jūtas nevēlami;
        vecāku negatīvā pieredze; vecāki baidās nākt; kauns nākt uz skolu;
        savstarpēja cieņa; cieņpilna komunikācija; uzticības veidošana;
        nav telefona numura; neatbild uz zvaniem; neceļ telefonu; skolas vēstules;
        nesaprot skolas vēstules; skolas paziņojumi; audzinātāja sazinās;
        audzinātāja nezvana; skola neuzklausa; vecāku balss; vecāki netiek uzklausīti;
        neticam skolotājiem
    """,
    "housing": """
        komunālais dzīvoklis; kopīgā virtuve; tualete ārā; tualete pagalmā; ūdens jānes;
        krāsns apkure; sēnīte uz sienām; tek jumts; caurs jumts; sociālā māja;
        pašvaldības dzīvoklis; rinda uz dzīvokli; bezpajumtnieki; patversme;
        atslēdz elektrību; atslēgta elektrība; atslēdz ūdeni; nav karstā ūdens;
        īres dzīvoklis; kompakti dzīvo; romu apkaime; segregēta apkaime; geto;
        mājās nav klusuma; nav rakstāmgalda; guļ vienā gultā; dzīvokļa remonts;
        mājokļa pabalsts; mājokļa pieejamība; mājokļa jautājums; dzīvo kopmītnē;
        obščaga; paliek bez mājokļa; zaudē mājokli; mitras sienas
    """,
    "transport": """
        bezmaksas transports; bezmaksas braukšana; transporta kompensācija; braukšanas maksa;
        skolēna apliecība; stunda ceļā; garš ceļš; neizbraucams ceļš; skolas autobusa maršruts;
        maršruts; autobuss nepienāk; autobuss neapstājas; pietura tālu; nokavē autobusu; tālu no
        pilsētas; skolas slēgšana; skolu tīkla reforma; skolu optimizācija; slēgta skola; nav
        velosipēda; vilciens; taksis
    """,
    "health": """
        zobu ārstēšana; zobu aprūpe; zobi sāp; bojāti zobi; rinda pie zobārsta;
        bezmaksas zobārsts; zobārstniecība; rinda pie ārsta; ilgas rindas;
        rindas pie speciālistiem; nav ģimenes ārsta; nav pierakstīts pie ārsta;
        pieraksts pie ārsta; ārstēšanās izmaksas; pacienta iemaksa; maksas ārsts;
        zāles dārgas; kompensējamās zāles; ātrā palīdzība; slimības lapa; pediatrs;
        bērnu ārsts; acu ārsts; profilaktiskās apskates; veselības pārbaude;
        skolas medmāsa; medmāsa; veselības mācība; veselīgs uzturs;
        veselīgs dzīvesveids; aptaukošanās; psihiatrs; psihoterapeits; depresija;
        trauksme; enerģijas dzērieni; elektroniskās cigaretes; atkarīgi vecāki;
        invaliditātes grupa; veselības stāvoklis; poliklīnika; zubnoj vrač;
        traumatiska pieredze; pīpē un dzer
    """,
    "role_models": """
        vecāku piemērs; romi ar augstāko izglītību; romu studenti; veiksmīgi jaunieši;
        iedvesmojoši cilvēki; tikšanās ar veiksmīgiem romiem; pieredzes stāsti;
        dzīvesstāsti; slaveni romi; pazīstami romi; romu sportisti; iedvesmas stāsti;
        paraugs kopienā; nav ar ko lepoties kopienā; pozitīvs paraugs;
        pozitīvas romu personības; romu jaunieši studē; veiksmīgas karjeras piemēri;
        paraugi ģimenē; romi ar profesiju; bijušie skolēni stāsta; mentori no kopienas
    """,
    "low_expectations": """
        izlaiž cauri; velk cauri; velk uz nākamo klasi; uzliek trijnieku;
        žēlastības atzīme; atzīme par apmeklējumu; atzīme par sēdēšanu;
        skolotāja nemāca; neprasa mājasdarbus; ļauj sēdēt stundā; liek zīmēt stundā;
        skolotāja nepievērš uzmanību; atstāj novārtā; skolotāja ignorē; augstas gaidas;
        vienādas prasības visiem; stingrākas prasības; neiedziļinās romu bērnos;
        pieņēmums ka nemācīsies; skolotājiem vienalga; nemēģina iemācīt; gaida sliktāko;
        atzīme par klātbūtni
    """,
    "teachers": """
        metodiskais atbalsts; metodiskais atbalsts skolotājiem; labās prakses piemēri;
        pieredzes apmaiņa; supervīzija; skolotāju mainība; jauni skolotāji;
        skolotājiem nav laika; diferencēta mācīšana; diferencēti uzdevumi;
        diferencēta pieeja; iekļaujošas pieejas; interaktīvas metodes;
        vizuāli materiāli; skolotāja izpratne; pedagogu atalgojums; skolotāju algas;
        skolotāju profesionalitāte; nezina kā strādāt ar romiem;
        apmācības par romu kultūru; skolotāji baidās no romiem
    """,
    "learning_gaps": """
        mājasdarbu grupa; mājasdarbu klubs; pēcpusdienas grupa; mācību atbalsta centrs;
        mācību atbalsta nodarbības; atbalsta nodarbības; konsultācijas pēc stundām;
        nesaprot mājasdarbus; nepilda mājasdarbus; mājasdarbi netiek izpildīti;
        atkārtoti mācās klasē; nosacīti pārcelts; papildu mācību pasākumi;
        vasarā jāmācās; nesaprot tēmu; neprot reizrēķinu; reizrēķins; lasa zilbēs;
        lasīšanas prasmes; slikti lasa; nevar izlasīt uzdevumu; matemātikā vāji;
        diagnosticējošie darbi; valsts pārbaudes darbi; mācības nepadodas;
        privātskolotājs; domašku nedara; mācību palīdzība mājās; vasaras skoliņa
    """,
    "household": """
        auklē mazākos; vecākā meita pieskata; meitene kā otrā mamma; rūpes par ģimeni;
        jāgatavo ēst; gatavo ēst ģimenei; mazgā veļu; uzkopšana mājās; brauc uz tirgu;
        tirgošanās; lūžņi; sēņot; ogot; ogas lasīt; sezonas darbos ar vecākiem;
        pelna ģimenei; bērnam jāstrādā; pusaudži strādā; strādā no mazotnes;
        agri sāk strādāt; pieaugušo pienākumi; pieaugušo atbildība;
        vecākie bērni audzina jaunākos
    """,
    "information": """
        karjeras dienas; ēnu diena; profesiju iepazīšana; ekskursijas uz uzņēmumiem;
        karjeras plānošana; karjeras atbalsts; nezina kādas profesijas;
        nezina ko izvēlēties; profesiju daudzveidība; izglītības iespējas;
        nezina par stipendijām; nezina par kursiem; informācija nenonāk;
        informācija nesasniedz; informācijas kanāli; nezina par pakalpojumiem;
        nezina par pabalstiem; nezina kur mācīties; karjeras konsultanta pieejamība;
        nezina ko darīt pēc skolas
    """,
    "social_services": """
        sociālais darbinieks skolā; sociālais mentors; sociālais dienests nepalīdz;
        krīzes situācija; krīzes intervence; sociālā darba speciālists;
        sociālo darbinieku slodze; gadījuma vadīšana; ārpusģimenes aprūpe; audžuģimene;
        dienas aprūpes centrs; atbalsta grupas; atbalsta grupa mammām;
        psihosociālais atbalsts; ģimenes atbalsta centrs; ģimeņu atbalsta programma;
        sociālais darbs ar ģimenēm; sociālo lietu pārvalde;
        sociālās rehabilitācijas plāns; sociālā dienesta rinda
    """,
    "extracurricular": """
        bezmaksas pulciņi; sporta pulciņš; futbols; boks; deju pulciņš; mūzikas pulciņš;
        jauniešu iniciatīvas; jauniešu klubs; bērnu klubs; nav ko darīt brīvajā laikā;
        sporta laukums; rotaļu laukums; vasaras nometne; vasaras brīvlaiks;
        brīvlaika aktivitātes; brīvdienu pasākumi; interešu pulciņi;
        neformālā izglītība; jaunatnes darbinieks; jaunatnes darbs; brīvprātīgais darbs;
        pulciņos nepiedalās; dzīvo uz ielas brīvajā laikā
    """,
    "migration": """
        mācās ārzemēs; remigrācija; reemigranti; ārzemju skola; izbrauc vasarā;
        brauc uz Krieviju; pārceļas uz citu pilsētu; pārceļas pie radiem;
        sezonāli brauc; mēnešiem ārzemēs; brauc ciemos pie radiem; nomadisms;
        izbrauc uz ilgu laiku; ģimene izbrauc; brauc prom; brauc uz ārzemēm;
        bieži pārvācas; pārvākšanās; dzīvo divās valstīs; mācās divās valstīs;
        starp Latviju un Angliju
    """,
    "behaviour": """
        kliedz stundā; nerespektē skolotāju; nepaklausa skolotājam; necenzēti vārdi;
        rupjības; staigā pa klasi; uzmanības deficīts; hiperaktivitāte;
        emocionālie traucējumi; emociju regulācija; dusmu lēkmes; impulsivitāte;
        iekšējās kārtības noteikumi; piezīmes e-klasē; piezīmes par uzvedību;
        izsauc pie direktora; direktora kabinets; bojā skolas mantu; skolas noteikumi;
        strīdi klasē; nevar sadarboties grupā
    """,
    "curriculum": """
        romu holokausts; porajmos; romu kultūras stundas; romu valodas stundas;
        romu literatūra; romu pasakas; grāmatas romu valodā; ābece romu valodā;
        mazākumtautību kultūra mācību saturā; kultūras daudzveidība mācību saturā;
        vēstures stundās; sociālās zinības; klases stundas par romiem;
        iecietības stundas; multikulturālas stundas; romu tēma mācībās;
        mācību materiāli par romiem; romu valodas fakultatīvs; dzimtās valodas stundas;
        romu kultūras programma; mazākumtautību programma
    """,
    "employment": """
        darba meklēšanas prasmes; CV rakstīšana; darba intervija; pirmā darba vieta;
        pašnodarbinātība; savs bizness; uzņēmējdarbība; mikrouzņēmums; tirdzniecība;
        zemas kvalifikācijas darbi; mazkvalificēts darbs; fizisks darbs;
        neilgi nostrādā; darba disciplīna; noturēties darbā; ātri zaudē darbu;
        darba tirgus prasības; vīrieši bez darba; jaunieši bez darba;
        darba vietu nav pilsētā; darbs tālu; darba attiecības
    """,
    "informal_work": """
        alga rokā; nauda uz rokas; neoficiāli strādā; nelegāla nodarbinātība;
        nedeklarēti ienākumi; nedeklarēts darbs; nemaksā nodokļus; darba stāžs;
        nebūs pensijas; tirgojas bez atļaujas; būvdarbi bez līguma; gadījuma peļņa;
        haltūra; podrabotka; šabašķi; neoficiālie ienākumi; pelna neoficiāli;
        mutiska vienošanās; nav sociālo garantiju
    """,
    "benefit_trap": """
        atņems pabalstu; noņems pabalstu; pārtrauks pabalstu; trūcīgā statusa zaudēšana;
        alga mazāka par pabalstu; nav vērts strādāt; ienākumu slieksnis;
        pārsniedz ienākumu slieksni; dzīvokļa pabalsta zaudēšana;
        nevēlas oficiāli strādāt; pabalsta apmērs; baidās zaudēt pabalstu;
        pabalsts drošāks; strādājot zaudē atbalstu; oficiāli strādājot zaudē;
        pabalstu noņem; pabalstu slieksnis
    """,
    "employment_service": """
        NVA nepalīdz; NVA piedāvā; NVA vakances; vakances; pārkvalifikācija;
        profesionālās apmācības kursi; algotie pagaidu darbi; pagaidu darbi;
        simtlatnieki; bezdarbnieka pabalsts; NVA filiāle; NVA konsultants;
        NVA kursi nepiemēroti; NVA programmas; NVA prasības; NVA piedāvājumi neder;
        izslēdz no NVA; NVA jauniešiem
    """,
    "second_chance": """
        eksterns; kārtot eksternā; pieaugušo pamatizglītība; otrās iespējas skola;
        tālmācības vidusskola; atgriezties mācībās; atsākt mācības; kursi pieaugušajiem;
        pabeigt skolu vēlāk; mācīties vakaros; vakara maiņa; pieaugušo vidusskola;
        tālmācības programma; neklātienes vidusskola; pamatizglītības apguve vēlāk;
        izglītības atsākšana; mācīties strādājot
    """,
    "connections": """
        caur pazīšanos; rekomendācija; jāpazīst kāds; radi palīdz atrast darbu;
        bez paziņām neņem; ņem savējos; darbu dabū caur radiem; ieteikuma vēstule;
        protekcija; ieteicējs; kāds jāiesaka
    """,
    "documents": """
        derīga pase; pases izgatavošana; nederīgs dokuments; beidzies pases termiņš;
        pierakstīts; pilsonības iegūšana; naturalizācija; nepilsoņa pase; PMLP;
        autoskola; vadītāja eksāmens; CSDD; teorijas eksāmens; tiesību kārtošana;
        nav pases; ID kartes izgatavošana; nozaudēti dokumenti; dokumentu atjaunošana;
        bērns nav reģistrēts; pases cena
    """,
    "monitoring": """
        pazūd no uzskaites; nav zināms kur mācās; nav reģistrēts nevienā skolā; skolas vecuma bērni
        ārpus skolas; ārpus izglītības sistēmas; obligātās izglītības kontrole; kavējumu kontrole;
        ziņo sociālajam dienestam; ziņo bāriņtiesai; informē bāriņtiesu; rīcības algoritms;
        kavējumu algoritms; skolu un dienestu sadarbība; savlaicīga reakcija; sodi nestrādā; sodi
        nepalīdz; administratīvais sods; naudas sods vecākiem; neziņo par kavējumiem;
        starpinstitūciju komanda; izglītības pārvalde; kavējumu izskatīšana
    """,
    "funding": """
        projektu beigas; projekts beidzas; īslaicīgi projekti; projektu nauda; ES fondi;
        Eiropas fondi; ESF; ilgtermiņa finansējums; pastāvīgs finansējums;
        pašvaldībai nav naudas; pašvaldības līdzekļi; budžeta līdzekļi;
        finansējuma pārtraukums; mediatoru finansējums; līdzfinansējums;
        grantu programmas; projektu konkursi; atbalsta programmas;
        finansējums pašvaldībām; mērķdotācija; valsts dotācija; regulārs finansējums
    """,
    "safety": """
        bail laist vienus; bail par bērniem; klaiņojoši suņi; tumsā iet;
        nav apgaismojuma; nav ietves; jāiet gar šoseju; jāiet caur mežu; drošs ceļš;
        neapgaismots ceļš; pusaudžu grupas uzbrūk; apsardze; suņi uzbrūk;
        bail no suņiem; uzmākšanās; pieaugušie uzmācas; vecāki pavada uz skolu;
        nav gājēju celiņa; gājēju pāreja; nedroša apkārtne
    """,
}


FIELD_CONCEPTS: tuple[tuple[str, str, str], ...] = (
    ("institutional_trust", "Neuzticēšanās iestādēm un bailes no tām", """
        neuzticas iestādēm; neuzticas valstij; neuzticas pašvaldībai;
        neuzticas sociālajam dienestam; neuzticas policijai; bailes no policijas;
        bailes no iestādēm; baidās no iestādēm; baidās no sociālā dienesta;
        bailes no sociālā dienesta; bailes no bāriņtiesas; baidās no bāriņtiesas;
        atņems bērnus; bailes zaudēt bērnus; negrib ielaist mājās; neatver durvis;
        izvairās no iestādēm; izvairās no kontakta; slikta pieredze ar iestādēm;
        negatīva pieredze ar iestādēm; nejūtas droši iestādēs; baidās parakstīt;
        bail parakstīt papīrus; baidās no sodiem; baidās no pārbaudēm;
        iestādes nav draudzīgas; neticam valstij; neticam pašvaldībai;
        iestādes tikai soda; bail prasīt palīdzību; kauns prasīt palīdzību;
        neprasa palīdzību; nevēršas pēc palīdzības; zaberut detej; baidās no opekas;
        opeka atņems
    """),
    ("public_image", "Negatīvs tēls medijos un sabiedrībā", """
        negatīvs tēls; romu tēls; tēls sabiedrībā; tēls medijos; mediju attieksme;
        mediji raksta; ziņās rāda; negatīvas ziņas; sensacionālas ziņas; žurnālisti;
        mediji; plašsaziņas līdzekļi; televīzija rāda; raksti presē;
        komentāri internetā; naida runa; naida komentāri; sabiedrības stereotipi;
        sabiedrības viedoklis; visus liek vienā maisā; vienā maisā; vispārina;
        pārmet visiem romiem; pozitīvi stāsti medijos; pozitīvs tēls; tēla uzlabošana;
        sabiedrības informēšana; izpratnes veidošana sabiedrībā;
        sabiedrības izglītošana; informatīvā kampaņa; anekdotes par čigāniem;
        filmas par čigāniem; čigāni zagļi; ziņas par noziegumiem;
        sabiedrības neizpratne; sabiedrības iecietība; sabiedrības attieksmes maiņa;
        stāstīt sabiedrībai
    """),
    ("digital", "Digitālā pieejamība un attālinātās mācības", """
        attālinātās mācības; tiešsaistes stundas; mācības tiešsaistē; zoom stundas; zoom; teams;
        pandēmijas laikā; kovida laikā; covid; nav viedtālruņa; viens telefons visai ģimenei; viens
        dators visiem; interneta pieslēgums; vājš internets; slikts internets; mobilais internets;
        beidzas internets; nav wifi; wifi; datorprasmes; digitālās prasmes; digitālā pratība;
        neprot lietot datoru; neprot strādāt ar datoru; e-pakalpojumi; elektroniskā vide; viss
        notiek elektroniski; e-paraksts; pieteikties elektroniski; internetbanka; digitālie mācību
        līdzekļi; digitālā plaisa; tehnoloģiju pieejamība; datoru pieejamība skolā; datorklase;
        printeris; nav kur izdrukāt; mācās telefonā; pilda uzdevumus telefonā; dators; nav datora;
        nav interneta
    """),
    ("kinship_care", "Bērni vecvecāku un radu aprūpē", """
        vecvecāki audzina; vecvecāku aprūpē; vecmāmiņa audzina; dzīvo pie vecmāmiņas;
        dzīvo pie vecvecākiem; paliek pie vecmāmiņas; vecmāmiņa pieskata;
        vecmāmiņa nevar palīdzēt; vecmāmiņa neprot latviski; vecvecāki nespēj;
        veci cilvēki audzina; vecāki ārzemēs; vecāki strādā ārzemēs; aizbildnība;
        tante audzina; radi audzina; radinieku aprūpē; paliek bez vecākiem;
        vecāku prombūtne; emigrējušie vecāki; bērni ilgojas pēc vecākiem;
        vecāki atbrauc reizi gadā; vecmāmiņai grūti; vecmāmiņa slima; vecvecāku pensija;
        babuška audzina; dzīvo ar babušku; vectēvs audzina; vecvecāki neprot e-klasi
    """),
    ("further_education", "Mācību turpināšana pēc pamatskolas", """
        mācības tehnikumā; iestāties tehnikumā; pamet tehnikumu;
        atskaitīti no tehnikuma; profesionālā vidusskola; arodvidusskola; koledža;
        vidējā izglītība; vidējās izglītības ieguve; iestāties vidusskolā;
        turpināt vidusskolā; vidusskolu nepabeidz; arodizglītība; amata apguve;
        apgūt arodu; iegūt profesiju; profesionālā kvalifikācija; dienesta viesnīca;
        stipendija; uzņemšanas prasības; iestājpārbaudījumi; centralizētie eksāmeni;
        pāreja uz vidusskolu; pēc devītās klases; pamatskolas absolventi;
        jaunieši bez vidējās izglītības; vecāki nelaiž uz tehnikumu;
        dzīvot citā pilsētā mācību laikā; augstākā izglītība; studēt augstskolā;
        tehnikuma audzēkņi; tehnikumu nepabeidz
    """),
    ("parent_learning", "Mācības un kursi vecākiem", """
        kursi vecākiem; nodarbības vecākiem; vecāku apmācība;
        vecāki mācās kopā ar bērniem; mācīt vecākus lasīt; pieaugušo lasītprasmes kursi;
        lasītprasmes kursi; alfabetizācija; latviešu valodas kursi; valodas kursi;
        valodas kursi pieaugušajiem; datorkursi; datorprasmju kursi; finanšu pratība;
        budžeta plānošana; kursi sievietēm; romu sieviešu kursi;
        apmācības pieaugušajiem; bezmaksas kursi; kursi pašvaldībā; vakara kursi;
        mācību grupa pieaugušajiem; vecāki grib mācīties; vecāki gatavi mācīties;
        vecāku vēlme mācīties; iemācīt vecākiem palīdzēt
    """),
    ("parenting", "Audzināšana un vecāku prasmes", """
        audzināšanas prasmes; vecāku prasmes; pozitīvā audzināšana; audzināšanas stils;
        stingra audzināšana; fiziski soda; nav robežu; robežu noteikšana;
        bērni dara ko grib; pārāk lutina; izlutināti; neprot audzināt;
        nav noteikumu mājās; nepaklausa vecākiem; vecāku autoritāte; vecāki netiek galā;
        vecāku kompetence; atbalsts audzināšanā; vecāku konsultācijas; lasa priekšā;
        kopīgs laiks; emocionālais atbalsts; bērni bez uzraudzības; neuzraudzīti;
        pavada laiku ielās; vecāki spēlējas ar bērniem; bērnu audzināšana;
        audzināšana ģimenē
    """),
    ("municipal_contact", "Kontaktpersona romu jautājumos", """
        kontaktpersona; kontaktpersona pašvaldībā; kontaktpersona romu jautājumos;
        atbildīgais par romu jautājumiem; atbildīgā persona pašvaldībā;
        romu jautājumu koordinators; pašvaldības koordinators;
        integrācijas koordinators; sabiedrības integrācijas speciālists;
        speciālists romu jautājumos; cilvēks pašvaldībā; pastāvīgs kontakts;
        kam zvanīt pašvaldībā; pašvaldībā nav atbildīgā; romu lietu speciālists;
        vienots kontaktpunkts; viena kontaktpersona; pie kā vērsties pašvaldībā;
        atbildīgais speciālists; konkrēts cilvēks pašvaldībā; romu lietu koordinators;
        vienas pieturas princips; kas atbild par romiem; zināms cilvēks pašvaldībā;
        pašvaldības pārstāvis kopienai; pašvaldībā neviens neatbild
    """),
    ("outreach", "Ģimeņu apmeklēšana mājās", """
        mājas vizītes; apmeklēt ģimenes; apmeklē mājās; skolotāja atnāk mājās;
        sociālais darbinieks atnāk; iziet kopienā; ielu darbs; ielu sociālais darbs;
        mobilais darbs; mobilā brigāde; braukt uz apkaimi; apsekošana; apseko ģimenes;
        apsekot dzīvesvietā; klauvēt pie durvīm; meklē bērnus mājās; aprunāties mājās;
        izbraukuma konsultācijas; jāapmeklē ģimenes; jāiet pie ģimenēm;
        kopienas apmeklējumi; izbraukuma darbs; sociālā darbinieka vizīte;
        skolotāja vizīte; vizīte ģimenē; satikt ģimenes uz vietas
    """),
    ("municipal_dialogue", "Regulārs dialogs ar pašvaldību", """
        konsultatīvā padome; romu padome; padome pie pašvaldības; regulāras tikšanās; regulārs
        dialogs; apaļais galds; apaļā galda diskusija; diskusijas ar pašvaldību; sadarbība ar
        pašvaldību; pašvaldība uzklausa; pašvaldība neuzklausa; romu viedoklis; kopienas viedoklis;
        iesaistīt lēmumu pieņemšanā; lēmumu pieņemšana; līdzdalība lēmumos; romu līdzdalība;
        kopienas līdzdalība; darba grupa; tikšanās ar deputātiem; deputāti; domes deputāti;
        politiskā griba; pašvaldības griba; pašvaldības interese; pašvaldība neinteresējas;
        pašvaldības iesaiste; pašvaldības vadība; tikšanās ar mēru; regulāras sanāksmes; romu
        pārstāvji padomē; sadarbības tīkls
    """),
    ("community_organisations", "Romu NVO un kopienas aktivitāte", """
        romu organizācija; NVO; biedrība; kopienas organizācija; kopienas centrs;
        kopienas līderi; kopienas aktīvisti; aktīvisti; pašorganizēšanās;
        kopienas iniciatīva; iniciatīvas grupa; brīvprātīgie no kopienas;
        kopienas vienotība; nav vienotības; kopiena sašķelta; konflikti kopienā;
        nesaskaņas kopienā; kopienas resursi; NVO kapacitāte; biedrības finansējums;
        projekti biedrībām; organizāciju atbalsts; kopienas aktivitāte;
        kopiena neiesaistās; kopienas spēks; romu sieviešu biedrība; jauniešu biedrība
    """),
    ("cultural_events", "Kultūras pasākumi un romu kultūras redzamība", """
        kultūras pasākumi; kopīgi pasākumi; kopīgas aktivitātes;
        starptautiskā romu diena; holokausta piemiņa; piemiņas pasākums; romu mūzika;
        romu dziesmas; romu dejas; ansamblis; festivāls; koncerts; svētki kopā;
        kopīgi svētki; kultūras festivāls; romu kultūras centrs; kultūras redzamība;
        kultūras popularizēšana; kultūras mantojums; izstāde; romu valodas diena;
        teātris; kultūras apmaiņa; iepazīt romu kultūru; iepazīstināt ar romu kultūru;
        kultūras nams; romu tradīciju svētki
    """),
    ("follow_up", "Rezultāti un turpinājums pēc tikšanās", """
        sanāksmju rezultāti; tikšanās rezultāti; tikšanās turpinājums;
        atkārtotas tikšanās; lēmumu izpilde; ieteikumi netiek ieviesti;
        ieteikumu ieviešana; solījumi netiek pildīti; nepilda solījumus; tukši solījumi;
        solīja un neizdarīja; vārdi bez darbiem; rezultātu nav redzams;
        redzami rezultāti; konkrēti pasākumi; konkrēta rīcība; atbildīgie par izpildi;
        izpildes termiņi; izpildes kontrole; atskaite par paveikto;
        informēt par rezultātiem; nav jēgas tikties; katru gadu runā; nekas nemainās;
        runā un nedara; sanāksmes bez rezultāta
    """),
    ("plain_information", "Sarežģītas procedūras un saprotama informācija", """
        vienkāršā valodā; saprotamā valodā; saprotama informācija;
        sarežģīta informācija; sarežģīti dokumenti; sarežģīti iesniegumi;
        aizpildīt iesniegumu; nevar aizpildīt; veidlapas; anketas aizpildīt;
        informācija romu valodā; bukleti; informatīvie materiāli; skrejlapas; plakāti;
        informācija par pakalpojumiem; pakalpojumu apraksts; informācija mutiski;
        izskaidrot mutiski; ierēdņu valoda; birokrātija; birokrātiskā valoda;
        juridiskā valoda; sarežģītas procedūras; palīdzība aizpildīt;
        informācijas pieejamība; kur atrast informāciju; nesaprot ko prasa;
        nesaprot prasības iestādē; ilgi jāgaida atbilde
    """),
    ("data", "Dati un pētījumi par romu situāciju", """
        nav datu; datu trūkums; statistika; precīzu datu nav; cik romu dzīvo;
        etniskie dati; tautības uzskaite; dati par romiem; pētījumi; aptauja;
        rezultātu mērīšana; rādītāji; datu vākšana; datu apkopošana;
        tautība netiek norādīta; tautības dati; skaitliski dati; nav zināms cik;
        situācijas izpēte; vajadzību izpēte; situācijas analīze; pierādījumos balstīts;
        pētniecība; datu aizsardzība; ietekmes novērtējums; nezina cik bērnu;
        datu analīze
    """),
    ("enrolment", "Uzņemšana skolā un klases noteikšana", """
        uzņemšana skolā; uzņemšana pirmajā klasē; pieteikšana skolā;
        pieteikt bērnu skolā; klases noteikšana; kurā klasē mācīsies; ieskaita klasē;
        pāraudzis; vecuma atšķirība klasē; neatbilst vecumam; vēlu sāk skolu;
        vēlu uzsāk skolas gaitas; vēla skolas uzsākšana;
        iepriekšējo zināšanu novērtēšana; zināšanu pārbaude uzņemot; izlīdzinošā klase;
        izlīdzinošā programma; pārejas klase; adaptācijas klase; reintegrācija skolā;
        skolas izvēle; ievieto jaunākā klasē; iestāties pirmajā klasē;
        pāraudzis skolēns; pārāk vecs klasei; vecs bērns sākumskolā
    """),
    ("daily_routine", "Dienas režīms, miegs un ekrāni", """
        dienas režīms; režīms; miega režīms; neizgulējies; guļ stundās; aizmieg stundā;
        vēlu iet gulēt; guļ līdz pusdienlaikam; nevar piecelties; nepieceļas no rīta;
        no rīta neceļas; nav modinātāja; neviens nepamodina; vecāki nepamodina;
        nokavē pirmo stundu; sēž telefonā; visu nakti telefonā; telefona atkarība;
        datorspēles; spēlē spēles naktīs; ekrāni; ekrāna laiks; sociālie tīkli; tiktok;
        youtube; naktīs staigā; naktī neguļ; nav dienas ritma; haotisks dienas režīms;
        nogurums; guļ ilgi; noguris stundās
    """),
    ("identity", "Romu identitāte un tās slēpšana", """
        romu identitāte; etniskā identitāte; identitātes saglabāšana;
        kultūras saglabāšana; valodas saglabāšana; tradīciju saglabāšana; slēpj tautību;
        neatzīst tautību; uzdodas par latvieti; uzdodas par krievu; kaunas no tautības;
        kauns par izcelsmi; lepojas ar izcelsmi; lepnums par izcelsmi;
        piederība kopienai; asimilācija; zaudē valodu; nerunā romu valodā;
        divas identitātes; jaukta identitāte; dubultā identitāte; maina uzvārdu;
        noliedz izcelsmi; slēpj ka ir romi; slēpj romu izcelsmi
    """),
    ("girls", "Meiteņu ierobežojumi un dzimumu lomas", """
        meitenes nelaiž; meitenes nelaiž ekskursijās; nelaiž ekskursijā; nelaiž nometnē;
        nelaiž peldēties; peldēšanas nodarbības; meitenes nepiedalās; meitenēm nedrīkst;
        meitenēm aizliegts; meitenes gods; jaunavība; nevainība; meitenes kontrolē;
        meitenes jāsargā; sargā meitenes; meitenes nedrīkst vienas; meiteņu brīvība;
        meiteņu izglītība; dzimumu nevienlīdzība; sievietes loma; sieviete mājās;
        sievietes vieta; vīrietis pelna; vīrs pelna; sievai jāklausa;
        puikām atļauts vairāk; zēniem brīvāk; nelaiž uz diskotēkām; nelaiž ballītēs;
        ģērbšanās noteikumi; garie svārki; nevar vilkt bikses; sporta stunda meitenēm;
        meitenes izņem no skolas; romu sievietes; sieviešu iespējas; sieviešu izglītība;
        sieviešu nodarbinātība; dzimumu stereotipi; patriarhāls; meitenes tur mājās
    """),
    ("crime", "Likumpārkāpumi un policija", """
        likumpārkāpumi; nepilngadīgo likumpārkāpumi; zādzības; zog veikalā; policija;
        policijas uzskaitē; nonāk policijā; probācija; cietums; ieslodzījums;
        vecāki cietumā; kriminālā vide; noziedzība; administratīvie pārkāpumi;
        sods no policijas; ielas ietekme; slikta kompānija; narkotiku tirdzniecība;
        nepilngadīgo lietu inspektors; pašvaldības policija;
        sociālās korekcijas iestāde; kolonija; sodāmība; krimināllieta; nonāk uz ielas
    """),
    ("national_policy", "Valsts politika un plānošana", """
        romu integrācijas plāns; rīcības plāns; romu stratēģija; nacionālā stratēģija;
        valsts politika; pamatnostādnes; Kultūras ministrija; ministrija; IZM;
        valsts līmenī; valsts programma; nacionālais romu kontaktpunkts; kontaktpunkts;
        romu platforma; Eiropas Savienība; likumdošana; normatīvie akti;
        likumu izmaiņas; valsts pārvalde; Saeima; politiķi; integrācijas politika;
        valsts institūcijas; ministriju sadarbība; Eiropas Komisija;
        valsts un pašvaldību sadarbība
    """),
)
