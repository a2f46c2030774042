"""Words that mean the same for the comparison engine, and abbreviations. Pure data.

`SYNONYMS`: each line is a ring of words that people use for one thing ("mamma",
"tēvs" and "vecāki" all name the parents; "pedagogs" and "skolotājs" the teacher). The
stemmer gives every word of a ring the stem of the ring's first word, so the rings work
in lexicon terms, in word overlap and in learned concepts alike. Only true synonyms
belong here, in every sense the word is used: a ring joins words everywhere.

`ABBREVIATIONS`: written short forms, expanded into words before anything else.
Keys are folded (lower case, no diacritics), without the full stop.
"""

from __future__ import annotations

SYNONYMS = """
    vecāki; mamma; mammas; māte; mātes; mamuka; tēvs; tētis; tēti; tēta; tēvi;
        vecāks; mammai
    skolotājs; skolotāja; pedagogs; pedagoģe; učitelka; učiteļņica
    meitene; meitenes; meitas; meita
    zēni; zēns; puikas; puika; puiši; puisis
    pirmsskola; bērnudārzs; dārziņš; dārziņā; bērnudārzā; sadiks; detsads
    mājasdarbi; mājasdarbs; zadanija; zadanijas; zadanije; zadaņije
    izziņa; izziņas; spravka; spravkas; spravku; spravki
    ārzemes; ārvalstis; ārzemēs; ārvalstīs; ārzemēm; ārvalstīm; Anglija; Anglijā;
        Lielbritānija; Īrija; Īrijā; Vācija; Vācijā; Somija; Somijā; Zviedrija;
        Zviedrijā; Norvēģija; Norvēģijā; Londona; Londonā; Dānija; Beļģija
    slimība; slimības; slimo; saslimst; slimi; slims; slimīgs; saslimšana
    dzīvoklis; dzīvokļi; dzīvokļa; mājoklis; mājokļi; kvartira; kvartiras
    autobuss; autobusi; autobusa; avtobuss; busiņš; satiksme
    laulība; laulības; precas; precēties; apprecas; apprecēties; kāzas; kāzām;
        saderināšana; saderina; nosaderina; saderināšanās
    ņirgāšanās; ņirgājas; ņirgāties; apsaukā; apsaukāšana; apsaukāt; izsmej;
        izsmiešana; izsmiekls; apsmej; mobings; bulings
    mediators; mediatori; mediatore; starpnieks; starpnieki
    palīgs; palīgi; asistents; asistenti; asistente
    nauda; naudas; dengi; deneg; naudiņa; naudiņas
    pašvaldība; pašvaldības; novads; novada
    latviski; latviešu
    krieviski; krievu; krievs; krievi
    darbs; darba; darbu; rabota; raboti
"""

ABBREVIATIONS: dict[str, str] = {
    "pii": "pirmsskolas izglītības iestāde",
    "pirmssk": "pirmsskolas",
    "nvo": "nevalstiskā organizācija",
    "nva": "nodarbinātības valsts aģentūra",
    "slp": "sociālo lietu pārvalde",
    "sd": "sociālais dienests",
    "bt": "bāriņtiesa",
    "pasv": "pašvaldība",
    "pasvaldib": "pašvaldība",
    "soc": "sociālais",
    "ped": "pedagogs",
    "izgl": "izglītība",
    "izm": "izglītības un zinātnes ministrija",
    "pmk": "pedagoģiski medicīniskā komisija",
    "vbtai": "bērnu tiesību aizsardzības inspekcija",
    "vsaa": "sociālās apdrošināšanas aģentūra",
    "gmi": "garantētais minimālais ienākums",
    "pamatsk": "pamatskola",
    "vidussk": "vidusskola",
}
