"""The programme designer pages, as the facilitator's browser (and HTMX) uses them."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting, Organisation, Site
from sanaksme.programme.selectors import meeting_get_full, programme_as_dict

pytestmark = pytest.mark.django_db

DEMO = "/console/m/daugavpils-2017/"


def tour(meeting: Meeting) -> AgendaItem:
    return AgendaItem.objects.get(day__meeting=meeting, method="tour_de_table")


def item_post_data(item: AgendaItem, **changes: Any) -> dict[str, Any]:
    """What the item form posts when saved unchanged, with `changes` applied."""
    data = {
        "day": item.day_id, "title": item.title, "method": item.method,
        "starts_at": item.starts_at.strftime("%H:%M") if item.starts_at else "",
        "ends_at": item.ends_at.strftime("%H:%M") if item.ends_at else "",
        "location": item.location, "description": item.description,
        "materials": "\n".join(item.material_list),
        **{f"param_{name}": value for name, value in item.params.items()},
    }
    return data | changes


def counts() -> tuple[int, int, int]:
    return (Meeting.objects.count(), Participant.objects.count(),
            AgendaItem.objects.count())


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("programme.yaml", text.encode("utf-8"),
                              content_type="application/yaml")


# Access ---------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(DEMO)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_facilitator_sees_the_meeting_list(facilitator_client: Client,
                                           demo_meeting: Meeting) -> None:
    response = facilitator_client.get("/console/")

    assert response.status_code == 200
    assert demo_meeting.title in response.content.decode()


def test_facilitator_sees_the_meeting_page(facilitator_client: Client,
                                           demo_meeting: Meeting) -> None:
    response = facilitator_client.get(DEMO)

    assert response.status_code == 200
    page = response.content.decode()
    assert demo_meeting.title in page
    assert "Dalībnieku iepazīšanās" in page


def test_meeting_list_leaves_out_other_organisations_meetings(
    facilitator_client: Client, meeting_factory: Any,
) -> None:
    meeting_factory(title="Another organisation's meeting",
                    organisation=Organisation.objects.create(name="Other"))

    response = facilitator_client.get("/console/")

    assert "Another organisation" not in response.content.decode()


def test_user_outside_the_organisation_gets_404(client: Client,
                                                demo_meeting: Meeting) -> None:
    outsider = get_user_model().objects.create_user("outsider", password="x")
    client.force_login(outsider)

    response = client.get(DEMO)

    assert response.status_code == 404


def test_user_outside_the_organisation_cannot_edit_an_item(
    client: Client, demo_meeting: Meeting,
) -> None:
    item = tour(demo_meeting)
    client.force_login(get_user_model().objects.create_user("outsider", password="x"))

    response = client.post(f"{DEMO}items/{item.pk}/",
                           item_post_data(item, param_minutes_per_speaker=9))

    assert response.status_code == 404
    item.refresh_from_db()
    assert item.params == {"minutes_per_speaker": 3}


# Editing items --------------------------------------------------------------------


def test_item_edit_page_shows_the_method_params(facilitator_client: Client,
                                                demo_meeting: Meeting) -> None:
    item = tour(demo_meeting)

    response = facilitator_client.get(f"{DEMO}items/{item.pk}/")

    assert response.status_code == 200
    assert 'name="param_minutes_per_speaker"' in response.content.decode()


def test_editing_minutes_per_speaker_changes_the_params(facilitator_client: Client,
                                                        demo_meeting: Meeting) -> None:
    item = tour(demo_meeting)

    response = facilitator_client.post(f"{DEMO}items/{item.pk}/",
                                       item_post_data(item, param_minutes_per_speaker=4))

    assert response.status_code == 302
    assert response["Location"] == f"{DEMO}#agendaitem-{item.pk}"
    item.refresh_from_db()
    assert item.params == {"minutes_per_speaker": 4}


def test_zero_minutes_per_speaker_re_renders_with_an_error(facilitator_client: Client,
                                                           demo_meeting: Meeting) -> None:
    item = tour(demo_meeting)

    response = facilitator_client.post(f"{DEMO}items/{item.pk}/",
                                       item_post_data(item, param_minutes_per_speaker=0))

    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert response.context["form"].errors["param_minutes_per_speaker"]
    item.refresh_from_db()
    assert item.params == {"minutes_per_speaker": 3}


def test_params_partial_follows_the_chosen_method(facilitator_client: Client,
                                                  demo_meeting: Meeting) -> None:
    response = facilitator_client.get(f"{DEMO}items/params/?method=group_work",
                                      headers={"HX-Request": "true"})

    page = response.content.decode()
    assert page.startswith('<fieldset id="params"')
    assert 'name="param_random_groups"' in page


def test_new_item_is_appended_to_the_chosen_day(facilitator_client: Client,
                                                demo_meeting: Meeting) -> None:
    day = demo_meeting.days.get(date="2017-01-26")
    data = {"day": day.pk, "title": "Photo", "method": "break", "starts_at": "17:30",
            "ends_at": "17:40", "location": "", "description": "", "materials": ""}

    response = facilitator_client.post(f"{DEMO}items/new/", data)

    assert response.status_code == 302
    assert list(day.items.order_by("position").values_list("title", flat=True))[-1] == "Photo"


def test_htmx_move_returns_the_day_and_an_out_of_band_checks_panel(
    facilitator_client: Client, demo_meeting: Meeting,
) -> None:
    item = tour(demo_meeting)

    response = facilitator_client.post(f"{DEMO}items/{item.pk}/move/up/",
                                       headers={"HX-Request": "true"})

    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="day-{item.day_id}"' in page
    assert 'id="checks"' in page
    assert 'hx-swap-oob="true"' in page
    assert "<html" not in page
    item.refresh_from_db()
    assert item.position == 0


def test_move_without_htmx_redirects_to_the_item(facilitator_client: Client,
                                                 demo_meeting: Meeting) -> None:
    item = tour(demo_meeting)

    response = facilitator_client.post(f"{DEMO}items/{item.pk}/move/down/")

    assert response.status_code == 302
    item.refresh_from_db()
    assert item.position == 2


# Import and export ----------------------------------------------------------------


def test_bad_upload_returns_400_with_the_messages_and_changes_nothing(
    facilitator_client: Client, demo_meeting: Meeting, demo_text: str,
) -> None:
    before = counts()
    bad = demo_text.replace("slug: daugavpils-2017", "slug: daugavpils-2018").replace(
        "minutes_per_speaker: 3", "minutes_per_speaker: 0")

    response = facilitator_client.post("/console/import/", {"file": upload(bad)})

    assert response.status_code == 400
    assert "days[1].items[1].params.minutes_per_speaker" in response.content.decode()
    assert counts() == before


def test_upload_without_a_file_returns_400(facilitator_client: Client) -> None:
    response = facilitator_client.post("/console/import/", {})

    assert response.status_code == 400
    assert response.context["import_errors"]


def test_good_upload_creates_the_meeting_for_the_uploader(
    facilitator_client: Client, facilitator: Any, demo_text: str, no_demo: None,
) -> None:
    response = facilitator_client.post("/console/import/", {"file": upload(demo_text)})

    assert response.status_code == 302
    assert response["Location"] == DEMO
    meeting = Meeting.objects.get(slug="daugavpils-2017")
    assert meeting.participants.count() == 30
    assert meeting.organisation.members.filter(pk=facilitator.pk).exists()


def test_upload_cannot_replace_another_organisations_meeting(
    demo_meeting: Meeting, demo_text: str,
) -> None:
    outsider = get_user_model().objects.create_user("outsider", password="x-pass-123")
    client = Client()
    client.force_login(outsider)
    before = counts()

    response = client.post("/console/import/", {"file": upload(demo_text), "replace": "1"})

    assert response.status_code == 400
    assert "daugavpils-2017" in response.content.decode()
    assert counts() == before
    demo_meeting.refresh_from_db()
    assert not demo_meeting.organisation.members.filter(pk=outsider.pk).exists()


def test_upload_lands_in_the_uploaders_organisation_whatever_the_file_says(
    demo_meeting: Meeting, demo_text: str,
) -> None:
    outsider = get_user_model().objects.create_user("outsider", password="x-pass-123")
    client = Client()
    client.force_login(outsider)
    other = (demo_text.replace("slug: daugavpils-2017", "slug: daugavpils-2018")
             .replace("slug: regionalo-ekspertu", "slug: cits-regionalo-ekspertu"))

    response = client.post("/console/import/", {"file": upload(other)})

    assert response.status_code == 302
    meeting = Meeting.objects.get(slug="daugavpils-2018")
    assert meeting.organisation != demo_meeting.organisation
    assert meeting.organisation.members.filter(pk=outsider.pk).exists()
    assert not demo_meeting.organisation.members.filter(pk=outsider.pk).exists()


def test_yaml_export_with_names_and_contacts_is_the_whole_programme_file(
        facilitator_client: Client, demo_meeting: Meeting) -> None:
    response = facilitator_client.get(f"{DEMO}programme.yaml?names=1&contacts=1")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/yaml")
    assert ('filename="daugavpils-2017-programme-with-names.yaml"'
            in response["Content-Disposition"])
    data = yaml.safe_load(response.content.decode("utf-8"))
    assert data == programme_as_dict(meeting_get_full("daugavpils-2017"))


def test_unknown_export_format_is_404(facilitator_client: Client,
                                      demo_meeting: Meeting) -> None:
    response = facilitator_client.get(f"{DEMO}programme.exe")

    assert response.status_code == 404


# Sites ------------------------------------------------------------------------------

def site_post_data(site: Site, **changes: Any) -> dict[str, Any]:
    """What the site form posts when saved unchanged, with `changes` applied."""
    return {"key": site.key, "name": site.name, "address": site.address,
            "host": site.host, "description": site.description,
            "look_for": site.look_for} | changes


def test_site_page_edits_host_and_what_to_look_at(facilitator_client: Client,
                                                  demo_meeting: Meeting) -> None:
    site = demo_meeting.sites.get(key="pii-26")
    url = f"{DEMO}sites/{site.pk}/"

    page = facilitator_client.get(url).content.decode()
    response = facilitator_client.post(url, site_post_data(
        site, host="Vadītājas vietniece", look_for="Vecāku vakars ceturtdienās."))

    assert 'name="host"' in page
    assert 'name="look_for"' in page
    assert 'maxlength="1000"' in page
    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.host, site.look_for) == ("Vadītājas vietniece",
                                          "Vecāku vakars ceturtdienās.")
    assert "Vadītājas vietniece" in facilitator_client.get(DEMO).content.decode()


def test_new_site_without_host_or_look_for_is_saved(facilitator_client: Client,
                                                    demo_meeting: Meeting) -> None:
    response = facilitator_client.post(f"{DEMO}sites/new/", {
        "key": "biblioteka", "name": "Latgales Centrālā bibliotēka"})

    assert response.status_code == 302
    site = demo_meeting.sites.get(key="biblioteka")
    assert (site.host, site.look_for) == ("", "")


@pytest.mark.parametrize(("field", "value", "fragment"), [
    ("host", "ā" * 301, "300"),
    ("look_for", "ā" * 1001, "1000"),
    ("look_for", "Stunda\x07", "control characters"),
])
def test_a_bad_host_or_look_for_re_renders_with_an_error(
        facilitator_client: Client, demo_meeting: Meeting, field: str, value: str,
        fragment: str) -> None:
    facilitator_client.post("/i18n/setlang/", {"language": "en", "next": "/console/"})
    site = demo_meeting.sites.get(key="pii-26")
    before = (site.host, site.look_for)

    response = facilitator_client.post(f"{DEMO}sites/{site.pk}/",
                                       site_post_data(site, **{field: value}))

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert len(errors) == 1
    assert fragment in errors[0]
    site.refresh_from_db()
    assert (site.host, site.look_for) == before


# Language and escaping ------------------------------------------------------------


def test_page_is_latvian_by_default(facilitator_client: Client,
                                    demo_meeting: Meeting) -> None:
    response = facilitator_client.get("/console/", headers={"Accept-Language": "en"})

    assert '<html lang="lv"' in response.content.decode()


def test_page_is_english_after_choosing_english(facilitator_client: Client,
                                                demo_meeting: Meeting) -> None:
    facilitator_client.post("/i18n/setlang/", {"language": "en", "next": "/console/"})

    response = facilitator_client.get("/console/")

    page = response.content.decode()
    assert '<html lang="en"' in page
    assert "<h1>Meetings</h1>" in page


def test_meeting_title_is_shown_as_text(facilitator_client: Client,
                                        meeting_factory: Any,
                                        organisation: Organisation) -> None:
    meeting = meeting_factory(organisation=organisation,
                              title="<script>alert(1)</script>")

    response = facilitator_client.get(f"/console/m/{meeting.slug}/")

    page = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page
