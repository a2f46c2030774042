"""The printable facilitation programme: its data, the PDF and the DOCX."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.utils import translation
from pypdf import PdfReader

from sanaksme.programme.document import programme_document, render_docx, render_pdf
from sanaksme.programme.document.data import MethodEntry, ProgrammeDocument
from sanaksme.programme.models import AgendaItem, Meeting, Organisation
from sanaksme.programme.selectors import meeting_get_full

pytestmark = pytest.mark.django_db

PROJECT_NUMBER = "JUST/2015/RDIS/AG/NRP2/8793"
SITE_NAMES = (
    "J. Raiņa Daugavpils 6. vidusskola",
    "Daugavpils 26. pirmsskolas izglītības iestāde",
    "Daugavpils pilsētas Sociālo lietu pārvalde",
    "Tikšanās ar romu ģimenēm un divu romu NVO aktīvistiem",
)


@pytest.fixture
def demo(demo: Meeting) -> Meeting:
    """The Daugavpils 2017 demo meeting, loaded as the renderers get it."""
    return meeting_get_full(demo.slug)


@pytest.fixture
def demo_en(demo: Meeting) -> Meeting:
    """The demo meeting set to English: its generated text does not need a catalogue."""
    demo.language = "en"
    return demo


def flat(text: str) -> str:
    """Whitespace (line breaks, no-break spaces) collapsed to single spaces."""
    return " ".join(text.split())


def pdf_text(content: bytes) -> str:
    return flat(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows
              for cell in row.cells]
    parts += [p.text for section in document.sections for p in section.footer.paragraphs]
    return flat(" ".join(parts))


def entry(doc: ProgrammeDocument, title: str) -> MethodEntry:
    return next(e for e in doc.methods if e.title == title)


def entry_text(doc: ProgrammeDocument, title: str) -> str:
    return flat(" ".join(entry(doc, title).paragraphs))


def set_params(meeting: Meeting, method: str, **params: object) -> Meeting:
    item = AgendaItem.objects.get(day__meeting=meeting, method=method)
    item.params = {**item.params, **params}
    item.save()
    return meeting_get_full(meeting.slug)


def test_document_has_the_goal_five_tasks_and_four_sites(demo: Meeting) -> None:
    doc = programme_document(demo)

    assert doc.goal.startswith("Uzlabot romu situāciju reģionālo ekspertu pārstāvētajās")
    assert len(doc.tasks) == 5
    assert [s.name for s in doc.sites] == list(SITE_NAMES)
    assert doc.project_number == PROJECT_NUMBER
    assert doc.date_range == "2017. gada 26.–27. janvāris"


def test_methods_skip_breaks_and_fold_a_days_visits_into_one_entry(demo: Meeting) -> None:
    doc = programme_document(demo)

    assert len(doc.methods) == 11
    assert [s.name for s in doc.methods[0].sites] == list(SITE_NAMES)
    assert all(e.title not in ("Pusdienas", "Kafijas pauze") for e in doc.methods)


def test_each_visit_carries_its_address_host_and_what_to_look_at(demo: Meeting) -> None:
    demo.sites.filter(key="pii-26").update(address="Aveņu iela 40, Daugavpils")
    demo = meeting_get_full(demo.slug)

    school, preschool = programme_document(demo).methods[0].sites[:2]

    assert school.host == "Skolas direktora vietniece izglītības jomā"
    assert school.look_for.startswith("Kā romu skolotāja palīgs strādā stundā")
    assert "\n" not in school.look_for
    assert (preschool.address, preschool.host) == ("Aveņu iela 40, Daugavpils",
                                                   "Iestādes vadītāja")


def test_agenda_lists_every_item_of_each_day(demo: Meeting) -> None:
    doc = programme_document(demo)

    assert [len(day.rows) for day in doc.days] == [5, 13]
    assert doc.days[1].rows[1].time == "10:00–11:30"
    assert doc.days[1].rows[1].title == "Dalībnieku iepazīšanās"


def test_tour_de_table_text_follows_minutes_per_speaker(demo_en: Meeting) -> None:
    before = entry_text(programme_document(demo_en), "Dalībnieku iepazīšanās")

    changed = set_params(demo_en, "tour_de_table", minutes_per_speaker=4)
    changed.language = "en"
    after = entry_text(programme_document(changed), "Dalībnieku iepazīšanās")

    assert "no more than 3 minutes per participant" in before
    assert "no more than 4 minutes per participant" in after
    assert "Visi dalībnieki secīgi viens pēc otra" in after


def test_tour_de_table_one_minute_is_singular(demo_en: Meeting) -> None:
    changed = set_params(demo_en, "tour_de_table", minutes_per_speaker=1)
    changed.language = "en"

    text = entry_text(programme_document(changed), "Dalībnieku iepazīšanās")

    assert "no more than 1 minute per participant" in text


def test_group_work_counts_random_and_dedicated_groups(demo_en: Meeting) -> None:
    text = entry_text(programme_document(demo_en), "Darbs mazās grupās")

    assert ("The participants are divided into 4 small groups – 3 groups are formed "
            "from regional experts, municipal representatives and experts, grouped at "
            "random, but one group is formed by bringing together all Roma community "
            "representatives.") in text
    assert "depend on the municipality, the state or the Roma community" in text


def test_group_work_total_follows_random_groups(demo_en: Meeting) -> None:
    changed = set_params(demo_en, "group_work", random_groups=2)
    changed.language = "en"

    text = entry_text(programme_document(changed), "Darbs mazās grupās")

    assert "divided into 3 small groups – 2 groups are formed" in text


def test_group_presentations_put_the_dedicated_group_last(demo_en: Meeting) -> None:
    text = entry_text(programme_document(demo_en),
                      "Grupu darba rezultātu prezentācijas un salīdzinājums")

    assert ("starting with the groups of regional experts, municipal representatives "
            "and experts and ending with the group of Roma community representatives"
            ) in text
    assert "no more than 7 minutes per group" in text
    assert "what is common and what differs" in text


def test_discussion_invites_mediators_first(demo_en: Meeting) -> None:
    text = entry_text(programme_document(demo_en),
                      "Diskusija par romu mediatoru darba nepieciešamību pašvaldībās")

    assert ("Representatives of the municipalities where Roma mediators have worked, as "
            "well as the Roma mediators present, are especially invited") in text
    assert "Question for discussion: Vai un kāpēc" in text


def test_brainstorm_names_sites_columns_sheets_and_replies(demo_en: Meeting) -> None:
    text = entry_text(programme_document(demo_en),
                      "Viedokļu apkopojums par labās prakses vizītēs redzēto")

    assert "; ".join(SITE_NAMES) in text
    assert "positive aspects, problems, existing solutions, possible solutions" in text
    assert "All views are accepted and recorded on A2 sheets." in text
    assert ("(comments, clarifications, explanations, additions) may be given by the "
            "municipal representatives present") in text


def test_feedback_is_anonymous_on_sticky_notes(demo_en: Meeting) -> None:
    text = entry_text(programme_document(demo_en),
                      "Atgriezeniskā saite un ieteikumi nākamajai tikšanās reizei")

    assert "feedback and suggestions for the next meeting" in text
    assert "sticky notes (anonymously)" in text


def test_pdf_has_goal_place_sites_tasks_and_project_number(demo: Meeting) -> None:
    text = pdf_text(render_pdf(demo))

    assert "Uzlabot romu situāciju reģionālo ekspertu" in text
    assert "Daugavpils" in text
    for name in SITE_NAMES:
        assert name in text
    assert "iepazīt romu situāciju vietējā līmenī" in text
    assert PROJECT_NUMBER in text
    assert "1 / " in text


def test_pdf_of_english_meeting_has_english_headings_and_rules(demo_en: Meeting) -> None:
    with translation.override("lv"):
        text = pdf_text(render_pdf(demo_en))

    assert "Facilitation programme" in text
    assert "26–27 January 2017, Daugavpils" in text
    for heading in ("Goal", "Tasks", "Participants", "Plan", "Structure of the meeting",
                    "Methods used in facilitating the meeting"):
        assert heading in text
    assert "no more than 3 minutes per participant" in text
    assert "4 small groups" in text


def test_pdf_and_docx_print_each_visits_host_and_what_to_look_at(demo_en: Meeting) -> None:
    pdf = pdf_text(render_pdf(demo_en))
    word = docx_text(render_docx(demo_en))

    for text in (pdf, word):
        assert "Host: Skolas direktora vietniece izglītības jomā" in text
        assert "Host: Romu biedrības valdes priekšsēdētājs" in text
        assert ("What to look at: Kā romu bērnus sagatavo skolai; kā notiek vecāku vakari"
                in text)


def test_a_site_without_host_or_look_for_prints_neither_label(demo_en: Meeting) -> None:
    demo_en.save(update_fields=["language"])
    demo_en.sites.update(host="", look_for="")

    pdf = pdf_text(render_pdf(meeting_get_full(demo_en.slug)))

    assert SITE_NAMES[0] in pdf
    assert "Host:" not in pdf
    assert "What to look at" not in pdf


def test_pdf_shows_user_markup_as_text(demo: Meeting) -> None:
    demo.goal = "<script>alert(1)</script> & <b>bold</b>"

    text = pdf_text(render_pdf(demo))

    assert "<script>alert(1)</script> & <b>bold</b>" in text


def test_docx_has_goal_tasks_agenda_and_project_number(demo: Meeting) -> None:
    text = docx_text(render_docx(demo))

    assert "Uzlabot romu situāciju reģionālo ekspertu" in text
    for task in demo.task_list:
        assert flat(task) in text
    assert "Dalībnieku iepazīšanās" in text
    assert PROJECT_NUMBER in text


def test_meeting_without_project_or_agenda_still_renders() -> None:
    meeting = Meeting.objects.create(
        organisation=Organisation.objects.create(name="Biedrība"), slug="tuksa",
        title="Darbnīca", language="en", place="Viļaka",
        starts_on=dt.date(2024, 3, 1), ends_on=dt.date(2024, 3, 1))

    pdf = pdf_text(render_pdf(meeting_get_full(meeting.slug)))
    word = docx_text(render_docx(meeting_get_full(meeting.slug)))

    assert "Darbnīca" in pdf
    assert "1 March 2024, Viļaka" in pdf
    assert "Darbnīca" in word


def test_pdf_reads_like_the_seed_in_latvian(demo: Meeting) -> None:
    text = pdf_text(render_pdf(demo))
    four = flat(" ".join(entry(programme_document(
        set_params(demo, "tour_de_table", minutes_per_speaker=4)),
        "Dalībnieku iepazīšanās").paragraphs))
    twenty_one = flat(" ".join(entry(programme_document(
        set_params(demo, "tour_de_table", minutes_per_speaker=21)),
        "Dalībnieku iepazīšanās").paragraphs))

    for expected in (
        "Vadīšanas programma",
        "2017. gada 26.–27. janvāris, Daugavpils",
        "Mērķis", "Uzdevumi", "Dalībnieki", "Plānojums", "Sanāksmes struktūra",
        "Sanāksmes vadīšanā izmantoto metožu apraksts",
        "Dalībnieku iepazīšanās īstenošanai tiek izmantota tour de table metode.",
        "Prezentēšanas laiks – ne vairāk kā 3 minūtes katram dalībniekam.",
        "Dalībnieku viedokļu apkopošanai tiek izmantota „prāta vētras” metode.",
        "Visi viedokļi tiek pieņemti un fiksēti uz A2 lapām.",
        "pozitīvais, problēmas, esošie risinājumi, iespējamie risinājumi",
        "(komentāri, precizējumi, skaidrojumi, papildinājumi) var sniegt klātesošie "
        "pašvaldību pārstāvji",
        "Tiek rādīts video: Izglītības iniciatīvu centra video",
        "Īpaši tiek aicināti izteikties un dalīties savā pieredzē to pašvaldību "
        "pārstāvji, kurās ir strādājuši romu mediatori, kā arī paši klātesošie romu "
        "mediatori.",
        "Dalībnieki tiek sadalīti 4 mazās grupās – 3 grupas tiek veidotas no "
        "reģionālajiem ekspertiem, pašvaldību pārstāvjiem un ekspertiem, tos grupējot "
        "pēc nejaušības principa, bet viena grupa tiek veidota, apvienojot visus romu "
        "kopienas pārstāvjus.",
        "cik lielā mērā iespējamie uzlabojumi ir atkarīgi no pašvaldības, valsts vai "
        "romu kopienas",
        "sākot ar reģionālo ekspertu, pašvaldību pārstāvju un ekspertu grupu "
        "prezentācijām un noslēdzot ar romu kopienas pārstāvju grupas prezentāciju",
        "salīdzina iegūtos rezultātus, īpaši meklējot kopīgo un atšķirīgo",
        "sniegt atgriezenisko saiti un ieteikumus nākamajai tikšanās reizei, uzrakstot "
        "tos uz līmlapiņām (anonīmi)",
        "Labās prakses vizītes",
    ):
        assert expected in text, expected
    assert "ne vairāk kā 4 minūtes katram dalībniekam" in four
    assert "ne vairāk kā 21 minūte katram dalībniekam" in twenty_one
