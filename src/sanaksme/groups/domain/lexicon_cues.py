"""Cue words: single everyday words that on their own point to one concept. Pure data.

Written from general knowledge of Latvian and of Roma children's education and inclusion
in Latvia, not from any benchmark case. Most terms of the other modules are phrases
("nav interneta", "vājš internets"), so a note of one or two words ("klēpjdators",
"defektologs") could miss its concept. These cues fill that gap: nouns, verbs and
adjectives of experts' policy vocabulary, the community's everyday and colloquial words,
Russian loanwords in Latvian transliteration heard in Latgale Roma families, and a few
well-known Romani words.

A cue is a single word (or a fixed two-word expression) that in a note at such a meeting
says one concept and no other. Words common in notes about several concepts ("skola",
"bērni", "vecāki", "atbalsts", "mācības", "darbs") are not cues, and a word is a cue of
only one concept. Each cue was checked against the lexicon without cues: a cue that on
its own already matched a different concept, or whose stem is the stem of another
concept's cue, was left out. Longer terms of other concepts still win over a cue when
the whole phrase matches. Merged into the default lexicon's concepts next to
`lexicon_field.FIELD_TERMS`; the format is the same (terms separated by semicolons).
"""

from __future__ import annotations

CUE_TERMS: dict[str, str] = {
    "poverty": """
        trūkumcietēji; nabadzīgākie; taupība; ekonomēt; lombards; ķīlu nams; parādnieki;
        maksātnespēja; inflācija; humpalas; ziedotas; paciņas; taloni; Sarkanais Krusts;
        Pārtikas banka; ubagošana; kapeikas; santīmi; graši; cimdi; šalle; mētelis; virsjaka;
        kombinezons; zeķubikses; čības; maiņas apavi; pildspalvas; flomāsteri; lineāls;
        kalkulators; ēdnīca; brokastis; vakariņas; produkti; ledusskapis; bednost; bednye;
        golodnye; posobije; niščie; mazturība; mazturīgie; mazturīgas personas statuss
    """,
    "parents_education": """
        pusanalfabēti; mazizglītotība; negramotnye; bezgramotnye; rakstpratība; nerakstpratēji;
        krustiņš; zemizglītoti; bezgramotnost; negramotnost
    """,
    "parents_attitude": """
        pofigisms; pofigisti; bezatbildība; nolaidība; piesedz; zīmītes; ravnodušie; ravnodušno;
        nenužno; neobjazatelno; atrunas; bezrūpība; vieglprātība
    """,
    "motivation": """
        gribasspēks; aizrautība; entuziasms; ambīcijas; mērķtiecība; centība; necenšas;
        neatlaidība; padodas; pašpārliecība; demotivēti; skučno; neinteresno; nadojelo; sapņo;
        zinātkāre; ziņkāre; uzslava; laiskums; neveiksmes; pašmotivācija; bezcerība;
        bezperspektīvība
    """,
    "absences": """
        kavētāji; absentisms; neierašanās; progulšiki; nehodjat; bastotāji; propuski
    """,
    "early_marriage": """
        jaunlaulātie; vīramāte; sievasmāte; vedekla; ženih; beremennaja; bjav; aborts; zīdainis;
        laulātie; ženitba
    """,
    "language": """
        vārdnīca; krievvalodīgie; sarunvaloda; dzimtvaloda; svešvaloda; leksika; latgaliski;
        runātprasme; valodprasme; russkij; lingvistiskā; tulkotājs; latviešvalodīgie; ponimajut;
        perevodčik
    """,
    "special_schools": """
        oligofrēnija; internātpamatskola; specprogramma; specklase; IQ; intelekts; specinternāts
    """,
    "discrimination": """
        rasisti; atraidīšana; nievāšana; zākāšana; grūstīšanās; spārda; nošķiršana; antipātija;
        aizvainojums; pazemojums; obzyvajut; draznjat; ķengāšana; šovinisms; izspiešana; bojkots
    """,
    "preschool": """
        pirmsskolnieki; grupiņa; nulltā klase; jasli; rotaļgrupa; rotaļnodarbības; pirmsskolēni;
        dārziņnieki; vospitatel; bērnudārznieki
    """,
    "support_staff": """
        speciālisti; defektologs; surdopedagogs; tiflopedagogs; specpedagogs; fizioterapeits;
        terapeits; skolotājpalīgs; tjutors; sociālpedagogs
    """,
    "mediators": """
        tilts; posrednik; mediācijas pakalpojumi; mediācijas programma
    """,
    "cooperation": """
        Mykoob; pārpratumi; domstarpības; atklātība; sazvanīties; savstarpējība; komunicēšana;
        pretimnākšana; kopsapulce
    """,
    "housing": """
        istaba; kurināmais; pelējums; remonts; īre; ateja; vanna; pirts; santehnika; ūdensvads;
        aka; gāze; hruščovka; pečka; drova; syrost; tesno; dzīvojamā platība; krāsns; plīts; jumts
    """,
    "transport": """
        velosipēds; ritenis; mopēds; maršrutka; mikriņš; tramvajs; trolejbuss; degviela;
        pārsēšanās; električka; poezd; daleko; autostops; šoferis; braukšanas karte
    """,
    "health": """
        medikamenti; klepus; iesnas; temperatūra; gripa; saaukstēšanās; astma; alerģija; diabēts;
        epilepsija; tuberkuloze; hepatīts; feldšeris; medpunkts; receptes; pedikuloze; kašķis;
        blaktis; traumas; anēmija; mazasinība; vājredzība; vājdzirdība; kurlums; alkoholisms;
        dzērājs; narkomāni; spaiss; veipi; enerģētiķi; bolnica; lekarstva; boleet; nasvalo; sāpes;
        infekcijas
    """,
    "role_models": """
        varoņi; slavenības; celmlauži; veiksminieki; vēstnieki; influenceri; zvaigznes; pionieri;
        inteliģence
    """,
    "low_expectations": """
        trijnieks; potenciāls; iežēlošanās; novārtā; trojka
    """,
    "teachers": """
        didaktika; klasvadība; inkluzīvā; multikulturālisms; semināri; pilnveide; izdegšana;
        mācībspēki; metodoloģija; atalgojums; skolotāju trūkums; pedagogu kolektīvs
    """,
    "learning_gaps": """
        pārgadnieki; divnieki; disleksija; diskalkulija; privātstundas; zilbes; pareizrakstība;
        robi; temps; otstajet; dvojki; papildstundas; diktāti; dvoječņiki; reizināšana
    """,
    "household": """
        trauki; lopi; govis; cūkas; ravēšana; brāļi; ņaņķēties; hozjajstvo; rynok; tirgotāji;
        kartupeļi
    """,
    "information": """
        ēnošana; profesionālā orientācija; infodiena
    """,
    "social_services": """
        sociāldarbinieks; sociāldienests; sobes; socrabotnik; rehabilitācija; ārpusģimenes;
        bērnunams; audžuvecāki
    """,
    "extracurricular": """
        sekcija; treniņi; treneris; basketbols; volejbols; hokejs; robotika; skauti; mazpulki;
        jaunsargi; hobiji; vaļasprieks; trenirovka; stadions; sporta zāle; pārgājieni; brīvlaiks;
        džudo; karatē
    """,
    "migration": """
        viesstrādnieki; gastarbaiteri; nomadi; Lietuva; Polija; Baltkrievija; uezžajut; zagranica;
        emigranti; imigranti; diaspora; bēgļi
    """,
    "behaviour": """
        nerātni; palaidnības; ADHD; UDHS; nepakļaujas; nepieklājība; spītība; vandalisms;
        izaicinoši; provokācijas; derutsja; materitsja; slušajetsja; izlēcieni; dusmas; histērija;
        nemiers; bļaušana; draiskulība
    """,
    "curriculum": """
        standarts; vēsture; literatūra; kultūrizglītība
    """,
    "employment": """
        darbavieta; strādnieki; darbaspēks; būvniecība; celtniecība; rūpnīca; fabrika; noliktava;
        darbdevēji; trudoustrojstvo; rabotodatel
    """,
    "informal_work": """
        aploksne; nodokļi; levaks; melnā alga; gadījumdarbi
    """,
    "benefit_trap": """
        slazds; lamatas; izdevīgāk
    """,
    "employment_service": """
        birža; darba birža; kuponi; vakansija
    """,
    "second_chance": """
        zaočno; večernjaja
    """,
    "connections": """
        nepotisms; kumovstvo; znakomstvo; čomi; protekcionisms
    """,
    "documents": """
        vīza; pasport; svidetelstvo; prava; dzimtsaraksti; bezvalstnieki; kategorija; notārs;
        pilnvara
    """,
    "monitoring": """
        naudassods; starpinstitucionālā
    """,
    "funding": """
        granti; sponsori; tāme; EEZ; SIF; investīcijas; mecenāti
    """,
    "safety": """
        suņi; ietve; luksofors; atstarotājs; negadījums; opasno; videonovērošana; uzbrucēji
    """,
    "institutional_trust": """
        represijas
    """,
    "public_image": """
        prese; Delfi; TVNet; komentāri; raidījums; reportāža; sižets; virsraksti; reputācija;
        imidžs; anekdotes; TV; LTV; avīzes; laikraksts; dezinformācija; ziņu portāli
    """,
    "digital": """
        klēpjdators; portatīvais; noutbuks; viedierīces; rūteris; epasts; Skype; smartfons;
        skeneris; tehnoloģijas; digitalizācija; lejupielādēt; paroles; lietotne; aplikācija;
        karantīna; ierīces; kompjuters; pandēmija; tīmeklis; Classroom; austiņas; mikrofons;
        planšetdators
    """,
    "kinship_care": """
        vecmamma; vectētiņš; vectēvs; deduška; krustmāte; krustvecāki; onkulis; tēvocis; bāreņi;
        mazbērni; mazdēls; mazmeita; opekun; radinieki; omīte; aizgādnība; tante; babulja
    """,
    "further_education": """
        universitāte; abiturienti; desmitklasnieki; bakalaurs; diploms; PIKC; amatskola; učilišče;
        augstskola; akadēmija; iestājeksāmeni; proftehnikums
    """,
    "parent_learning": """
        pieaugušo apmācība
    """,
    "parenting": """
        pēršana; pēriens; siksna; visatļautība; pieķeršanās; vospitanie; balujet; nakazyvajut;
        bezuzraudzība
    """,
    "municipal_contact": """
        kurators; referents
    """,
    "outreach": """
        vizīte; mājvizītes; mājapmeklējumi; patronāža; apsekojums
    """,
    "municipal_dialogue": """
        priekšsēdētājs; izpilddirektors; forums; domes sēde; komiteja
    """,
    "community_organisations": """
        nodibinājums; pašpalīdzība; šķelšanās; barons; klani; advokācija; lobijs; asociācija;
        aktīvisms
    """,
    "cultural_events": """
        svētki; dziesmas; romances; folklora; tautastērpi; gelem; skatuve; estrāde; kultūrvakars;
        svinības; dziedātāji; dejotāji
    """,
    "follow_up": """
        pēctecība; ķeksītis; tukšvārdība; pļāpāšana; deklaratīvi; solījumi; ieviešana; realizācija;
        īstenošana
    """,
    "plain_information": """
        instrukcijas; iesniegumi; žargons; saprotamība; skaidrojums
    """,
    "data": """
        skaitļi; indikatori; pētnieki; sociologi; tautskaite; GDPR; monitorings; datu bāze; dati
    """,
    "enrolment": """
        pirmklasnieki
    """,
    "daily_routine": """
        miegs; bezmiegs; izgulēties; modinātājs; ritms; Instagram; spat; pusnakts; snaust;
        miegains; ekrānlaiks
    """,
    "identity": """
        etnicitāte; pašidentifikācija; lepnums; romanipen; saknes; uzvārds; identificējas
    """,
    "girls": """
        patriarhāts; dzimumlīdztiesība; svārki; diskotēkas; ballītes; emancipācija; līdztiesība
    """,
    "crime": """
        apcietinājums; dīleri; kabatzagļi; zagšana; laupīšana; kriminogēns; recidīvs; noziedznieki;
        menti; tjurma; kontrabanda; tiesāti; narkodīleri; krāpšana; krāpnieki; nozagt; policists;
        arests
    """,
    "national_policy": """
        likumprojekts; direktīva; stratēģija; Brisele; rīcībpolitika; likumdevējs
    """,
}
