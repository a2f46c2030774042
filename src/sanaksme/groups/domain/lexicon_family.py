"""A family lexicon: parents' involvement, school absences and preschool. Pure data.

Written from general knowledge of Latvian schools and preschools (PII), municipalities,
orphans' courts (BT), social services (SD), e-klase and VIIS, and of Roma families'
everyday life, for meetings on questions next to the seed question: how parents take
part in their children's education, why children miss school, and why small children
do not attend preschool. It is in the words of both municipal specialists and experts
and of community members (plain, spoken, first person, Russian loanwords). It was not
written from any benchmark case.

`FAMILY_CONCEPTS` adds concepts for factors that facilitators treat as themes of their
own (key, Latvian label, terms): parents' working hours, no one to mind the younger
children, parents' own school experience, the school contacting parents only about
problems, and parents not knowing how the school system works. Terms are kept specific:
where an existing concept owns a short phrase ("pieskata mazos"), the new concept uses
longer phrases, which win over the shorter term when both match.

The same helper also wrote about 240 terms for existing concepts (absences, preschool,
monitoring, cooperation, ...). On the development sets they lowered pair-F1 (pooled
0.727 → 0.719; the new concepts alone: 0.736), so they are not shipped.
"""

from __future__ import annotations

FAMILY_CONCEPTS: tuple[tuple[str, str, str], ...] = (
    ("parents_time", "Vecāku darba laiks un laika trūkums", """
        vecāki strādā maiņās; strādā maiņās; nakts maiņas; strādā naktīs;
        strādā divos darbos; garas darba stundas; strādā no rīta līdz vakaram;
        darba laiks nesakrīt; darba grafiks; maiņu grafiks; nevar atprasīties no darba;
        darba devējs neatlaiž; zaudēs darbu ja atprasīsies; vecāki sezonā strādā laukos;
        sezonas darbu laikā vecāki nav mājās; vasarā vecāki prom uz laukiem;
        nav laika pasākumiem; nav laika iet uz sapulcēm; nepaspējam uz sapulci;
        sapulces darba laikā; sapulces notiek kad strādājam; pasākumi darba laikā;
        sapulce dienā kad esam darbā; vecāki pārnāk mājās vēlu vakarā;
        vecāki mājās tikai vakarā; noguruši pēc darba; vecāki aizņemti darbā;
        vecāku aizņemtība; strādājošiem vecākiem nav laika; vecākiem nav laika; darba dēļ nav laika;
        bērni paliek vieni kamēr vecāki strādā; nevaram paņemt brīvu dienu;
        atvaļinājumu nedod; strādā pilnu slodzi; strādā ārpus pilsētas;
        agri no rīta uz darbu; aiziet uz darbu pirms bērni pamostas; strādā arī sestdienās;
        strādā bez brīvdienām; tikšanās jārīko vakarā; elastīgs tikšanās laiks; smena;
        nočnaja smena; grafik raboty; darbā līdz vēlam vakaram; net vremeni; nekogda;
        vsjo vremja na rabote
    """),
    ("younger_children", "Nav kam atstāt mazākos bērnus", """
        nav kam atstāt; nav kam atstāt bērnus; nav ar ko atstāt mazos; nav kur atstāt mazuli; nevaru atstāt mazo vienu;
        mazuli nav kur likt; zīdainis mājās; mazulis rokās; zīdainis rokās;
        jāņem līdzi mazie uz skolu; nāk uz sapulci ar mazajiem; mazie traucē sapulcē;
        ar ratiem uz sapulci; ratiņi; jaunākie bērni bez uzraudzības; nav naudas auklei;
        aukles pakalpojums; pieskatīšanas pakalpojums; bērnu stūrītis sapulcē;
        rotaļu stūrītis vecāku tikšanās laikā; krūts barošana; dekrēta atvaļinājums;
        bērnu kopšanas atvaļinājums; mamma dekrētā; jaundzimušais mājās;
        mazie slimo un mamma nevar atnākt; mazo nav kur likt kamēr esmu sapulcē;
        pieskatīšana sapulces laikā; ne s kem ostavitj malenkih; njanja
    """),
    ("parents_school_experience", "Vecāku pašu skolas pieredze", """
        vecāku pašu skolas pieredze; vecāku slikta pieredze; slikta pieredze skolā;
        vecāku traumatiskā skolas pieredze; vecāku atmiņas par skolu;
        vecāki ar bailēm atceras savus skolas gadus; paaudžu trauma;
        paši piedzīvojām pazemojumu skolā; mani pašu savulaik aizsūtīja uz palīgskolu;
        mūs savulaik ielika specklasē; vecāki savulaik mācījušies speciālajā skolā;
        savulaik skolotāji sita; skolotāja sita ar lineālu; skolotāja sita pa rokām;
        stāvēt kaktā; padomju skolā apsaukāja; padomju skolā romus sēdināja pēdējā solā;
        savulaik izmesti no skolas; vecākus savulaik izslēdza no skolas;
        pieredzētā netaisnība skolā; atkārtojas vēsture; padomju laika skola;
        internātā pavadītā bērnība; nas bili v škole
    """),
    ("problem_contact", "Skola sazinās tikai par problēmām", """
        skola zvana tikai par problēmām; zvana tikai pēc starpgadījuma;
        zvana tikai sliktu ziņu dēļ; labu neko nestāsta; nekad nepasaka labu par bērnu;
        neuzslavē bērnu vecākiem; pozitīva informācija vecākiem; pozitīvas ziņas par bērnu;
        nav pozitīvas saziņas; tikai negatīva informācija; vecāki dzird tikai sūdzības;
        e-klasē tikai negatīvi ieraksti; izsauc tikai kad bērns sastrādājis;
        uz skolu sauc tikai sodīt; sapulcēs tikai par problēmām;
        sapulcē nolasa sliktās atzīmes; sapulcē kaunina visu klases priekšā;
        formāla vecāku sapulce; sapulce ir formalitāte; sapulce notiek steigā;
        sapulcē jautājumus uzdot nevar; sapulcē tikai monologs;
        sapulcē runā tikai skolotāja; individuālas sarunas nav;
        individuālām sarunām nepietiek laika; saruna gaitenī starp stundām;
        zvans no skolas nozīmē nepatikšanas; baidāmies kad zvana no skolas;
        zvana kad kas slikts; zvana sliktā gadījumā; zvonjat tolko kogda ploho
    """),
    ("school_system", "Vecāki nepārzina izglītības sistēmu", """
        nesaprot izglītības sistēmu; nepārzina izglītības sistēmu;
        izglītības sistēmas izpratne; nesaprot vērtēšanas sistēmu; nesaprot atzīmes;
        ko nozīmē atzīme; desmit ballu sistēma; ballu sistēma; vērtējums procentos;
        apguvis padziļināti; snieguma līmeņi; sasniegumu līmeņi; kompetenču pieeja;
        nezina kādas ir mācību programmas; nesaprot izglītības programmu atšķirības;
        obligātā izglītība līdz astoņpadsmit gadiem; nezina par obligāto izglītību;
        nesaprot kas rakstīts liecībā; nezina kas ir klases audzinātājs;
        nezina vecāku tiesības; nezina skolēna tiesības; nezina skolas kārtību;
        izglītības sistēma mainās; nezina kā darbojas skola;
        skolas sistēmas skaidrošana vecākiem; mācību gada struktūra; starpvērtējums;
        nesaprot atzīmes e-klasē; ne ponimaju ocenki; sistema obrazovanija
    """),
)
