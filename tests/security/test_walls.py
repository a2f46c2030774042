"""Organisation walls: a facilitator reaches only their own organisations' data.

Organisation A runs the demo meeting (series, project, notes, a report job). Organisation
B has a facilitator (the intruder) and a meeting of its own. Every URL of the project is
walked as an anonymous visitor and as the intruder with A's real ids filled in; every
WebSocket consumer is tried with the intruder's cookie and with ids of another meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.http.response import HttpResponseBase
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from sanaksme.boards.models import Note
from sanaksme.boards.tests.factories import add_note, feedback_sheet
from sanaksme.config.asgi import application
from sanaksme.groups.lexicon_data import default_lexicon
from sanaksme.groups.models import GroupSet, LearnedConcept
from sanaksme.groups.services.comparison import (
    comparison_confirm,
    factor_set_theme,
    lexicon_current,
    theme_rename,
)
from sanaksme.groups.services.formation import groups_draw
from sanaksme.groups.services.worksheets import factor_add
from sanaksme.programme.models import AgendaItem, Meeting, Organisation
from sanaksme.programme.tests.factories import MeetingFactory
from sanaksme.reports.models import ReportJob
from sanaksme.reports.series import series_data

pytestmark = pytest.mark.django_db

SECRET = "Skolas direktore Līvānos atsakās runāt ar mediatoru"  # A's words: never in B's view


@pytest.fixture
def home(demo_meeting: Meeting) -> Meeting:
    """Organisation A's demo meeting with a suggestion for the next meeting."""
    add_note(feedback_sheet(demo_meeting), "suggestion", SECRET)
    return demo_meeting


@pytest.fixture
def intruder(db: None) -> Any:
    """A facilitator of organisation B (not a member of A, no admin rights)."""
    user = get_user_model().objects.create_user("intruder", password="b-pass-123")
    Organisation.objects.create(name="Organisation B").members.add(user)
    return user


@pytest.fixture
def intruder_client(intruder: Any) -> Client:
    client = Client()
    client.force_login(intruder)
    return client


@pytest.fixture
def foreign(intruder: Any) -> Meeting:
    """B's own meeting, later than A's."""
    meeting: Meeting = MeetingFactory.create(
        organisation=intruder.organisations.get(), slug="b-meeting",
        starts_on=dt.date(2017, 5, 18), ends_on=dt.date(2017, 5, 18))
    return meeting


def meeting_post(**changes: Any) -> dict[str, Any]:
    return {"slug": "b-new", "title": "B", "language": "lv", "place": "Rēzekne",
            "starts_on": "2017-06-01", "ends_on": "2017-06-01", **changes}


# Choices and writes ---------------------------------------------------------------


def test_new_meeting_form_offers_no_other_organisations_series_or_project(
    home: Meeting, intruder_client: Client,
) -> None:
    assert home.series is not None
    assert home.project is not None

    page = intruder_client.get("/console/new/").content.decode()

    assert home.series.title not in page
    assert home.project.name not in page


def test_new_meeting_in_another_organisations_series_is_refused(
    home: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.post("/console/new/", meeting_post(series=home.series_id))

    assert response.status_code == 200  # the form again, with the error
    assert not Meeting.objects.filter(slug="b-new").exists()


def test_new_meeting_in_another_organisations_project_is_refused(
    home: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.post("/console/new/", meeting_post(project=home.project_id))

    assert response.status_code == 200
    assert not Meeting.objects.filter(slug="b-new").exists()


def test_editing_a_meeting_into_another_organisations_series_is_refused(
    home: Meeting, foreign: Meeting, intruder_client: Client,
) -> None:
    intruder_client.post(f"/console/m/{foreign.slug}/edit/",
                         meeting_post(slug=foreign.slug, series=home.series_id))

    foreign.refresh_from_db()
    assert foreign.series_id is None


def test_programme_upload_naming_another_organisations_series_is_refused(
    home: Meeting, intruder_client: Client, demo_text: str,
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = demo_text.replace("slug: daugavpils-2017", "slug: b-upload")
    upload = SimpleUploadedFile("p.yaml", text.encode(), content_type="application/yaml")

    response = intruder_client.post("/console/import/", {"file": upload})

    assert response.status_code == 400
    assert not Meeting.objects.filter(slug="b-upload").exists()


# Reads through a series that points across the wall (data from before the walls) ----


@pytest.fixture
def smuggled(home: Meeting, foreign: Meeting) -> Meeting:
    """B's meeting attached to A's series, as the old form allowed."""
    Meeting.objects.filter(pk=foreign.pk).update(series=home.series)
    return Meeting.objects.get(pk=foreign.pk)


def test_suggestions_panel_shows_no_other_organisations_suggestions(
    smuggled: Meeting, intruder_client: Client,
) -> None:
    response = intruder_client.get(f"/console/m/{smuggled.slug}/suggestions/")

    assert SECRET not in response.content.decode()


def test_series_report_of_a_smuggled_meeting_carries_no_other_organisations_data(
    smuggled: Meeting, intruder_client: Client,
) -> None:
    intruder_client.post(f"/console/m/{smuggled.slug}/reports/jobs/", {"fmt": "series-md"})

    job = ReportJob.objects.get(meeting=smuggled)
    assert SECRET.encode() not in bytes(job.content or b"")
    assert job.error


def test_series_report_leaves_out_a_smuggled_meeting(smuggled: Meeting,
                                                     home: Meeting) -> None:
    assert home.series is not None

    data = series_data(home.series)

    assert [m.title for m in data.meetings] == [home.full_title]


def test_reports_page_does_not_name_another_organisations_series(
    smuggled: Meeting, home: Meeting, intruder_client: Client,
) -> None:
    assert home.series is not None

    page = intruder_client.get(f"/console/m/{smuggled.slug}/reports/").content.decode()

    assert home.series.title not in page


# The learned comparison lexicon ------------------------------------------------------


def _confirm_chess_theme(meeting: Meeting) -> GroupSet:
    item = AgendaItem.objects.get(day__meeting=meeting, method="group_work")
    group_set = groups_draw(item=item, seed=7)
    groups = list(group_set.groups.order_by("number"))
    first = factor_add(group=groups[0], text="Nav kur spēlēt šahu", client_id="a")
    second = factor_add(group=groups[1], text="Šaha spēles vakaros", client_id="b")
    theme = factor_set_theme(factor=first, theme=None)
    factor_set_theme(factor=second, theme=theme)
    theme_rename(theme=theme, label="Galda spēles")
    comparison_confirm(group_set=group_set)
    return group_set


def test_confirmed_themes_teach_only_their_own_organisation(
    home: Meeting, foreign: Meeting,
) -> None:
    _confirm_chess_theme(home)

    mine = {c.label for c in lexicon_current(home.organisation_id).concepts}
    theirs = {c.label for c in lexicon_current(foreign.organisation_id).concepts}
    assert "Galda spēles" in mine
    assert "Galda spēles" not in theirs


def test_learned_terms_add_to_a_builtin_concept(home: Meeting) -> None:
    builtin = default_lexicon().concepts[0]
    LearnedConcept.objects.create(organisation=home.organisation, key=builtin.key,
                                  label=builtin.label, terms=["jauns vārds"])

    concept = next(c for c in lexicon_current(home.organisation_id).concepts
                   if c.key == builtin.key)

    assert set(builtin.terms) <= set(concept.terms)
    assert "jauns vārds" in concept.terms


def test_learning_stores_only_the_terms_added_to_a_builtin_concept(home: Meeting) -> None:
    builtin = default_lexicon().concepts[0]
    item = AgendaItem.objects.get(day__meeting=home, method="group_work")
    group_set = groups_draw(item=item, seed=7)
    groups = list(group_set.groups.order_by("number"))
    first = factor_add(group=groups[0], text="Šaha pulciņš skolā", client_id="a")
    second = factor_add(group=groups[1], text="Šaha turnīri vakaros", client_id="b")
    theme = factor_set_theme(factor=first, theme=None)
    factor_set_theme(factor=second, theme=theme)
    theme_rename(theme=theme, label=builtin.label)

    comparison_confirm(group_set=group_set)

    learned = LearnedConcept.objects.get(key=builtin.key)
    assert learned.terms
    assert not set(learned.terms) & set(builtin.terms)


# Every URL of the project ------------------------------------------------------------
#
# Each named URL pattern has one row. "scoped": a facilitator page of one meeting (its
# ids come from the path, the query or the body) - anonymous visitors go to the login,
# another organisation's facilitator gets 403/404 with A's ids, also when they put their
# own meeting's slug next to A's object ids. "own": a facilitator page with no meeting
# in the path - it may answer, but never with A's data. "public": reachable without a
# login on purpose (the reason says why). The admin is the operator's site.


@dataclass(frozen=True)
class World:
    home: Meeting  # organisation A's run meeting
    foreign: Meeting  # organisation B's own meeting (the intruder's)
    values: dict[str, Any]  # a value of A for every path parameter name


@dataclass(frozen=True)
class Row:
    kind: str  # "scoped" | "own" | "public"
    reason: str = ""
    values: dict[str, str] = field(default_factory=dict)  # this row's own meaning of a name
    get: dict[str, str] = field(default_factory=dict)  # query ids, e.g. {"item": "item_id"}
    post: dict[str, str] = field(default_factory=dict)  # body ids
    owner_may_404: str = ""  # why A's own facilitator may get 404 (no such row in A)


SCOPED = Row("scoped")
JOIN = Row("public", "phones join with the code shown in the room; no facilitator data")
ROUTES: dict[str, Row] = {
    "home": Row("public", "a redirect to the meeting list, which needs a login"),
    "login": Row("public", "the login form"),
    "logout": Row("public", "ends the caller's own session only"),
    "set_language": Row("public", "sets the caller's own language cookie"),
    "healthz": Row("public", "liveness probe for the load balancer; says only ok"),
    "readyz": Row("public", "readiness probe for the load balancer; says only which "
                            "kind of service is unreachable, never a host"),
    "programme:meeting-list": Row("own"),
    "programme:meeting-create": Row("own", post={"series": "series_id",
                                                 "project": "project_id"}),
    "programme:meeting-import": Row("own"),
    "programme:meeting-detail": SCOPED,
    "programme:meeting-edit": SCOPED,
    "programme:meeting-export": SCOPED,
    "programme:item-create": SCOPED,
    "programme:item-params": Row("scoped", get={"item": "item_id"}),
    "programme:item-edit": SCOPED,
    "programme:item-move": SCOPED,
    "programme:item-delete": SCOPED,
    "programme:day-edit": SCOPED,
    "programme:site-create": SCOPED,
    "programme:site-edit": SCOPED,
    "participants:list": SCOPED,
    "participants:import": SCOPED,
    "participants:badges": SCOPED,
    "participants:claims": SCOPED,
    "participants:claim-approve": Row("scoped", values={"pk": "claim_id"}),
    "participants:claim-refuse": Row("scoped", values={"pk": "claim_id"}),
    "participants:edit": SCOPED,
    "participants:delete": SCOPED,
    "participants:person-export": SCOPED,
    "participants:person-erase": SCOPED,
    "participants:consent-withdraw": SCOPED,
    "participants:meeting-close": SCOPED,
    "participants:meeting-reopen": SCOPED,
    "reports:page": SCOPED,
    "reports:preview": SCOPED,
    "reports:job-start": Row("scoped", post={"fmt": "fmt_series"}),
    "reports:job": SCOPED,
    "reports:job-download": SCOPED,
    "reports:suggestions": SCOPED,
    "reports:suggestion-toggle": SCOPED,
    "join-start": JOIN,
    "join-meeting": JOIN,
    "join-wait": JOIN,
    "join-register": JOIN,
    "join-consent": JOIN,
    "join-me": JOIN,
    "join-leave": JOIN,
    "join-token": Row("public", "a personal link: its token is the credential (tried "
                      "here with a wrong one)", values={"token": "wrong_token"}),
    "presenting:materials": SCOPED,
    "presenting:remove": Row("scoped", values={"pk": "deck_id"}),
    "presenting:console-file": Row("scoped", values={"key": "media_key"},
                                   owner_may_404="the deck row has no file on disk"),
    "presenting:projector-file": Row("public", "the projector token is the credential "
                                     "(tried here with a wrong one)",
                                     values={"token": "wrong_token", "key": "media_key"}),
    "live:console": SCOPED,
    "live:current": Row("scoped", post={"item": "item_id"}),
    "live:projector": Row("public", "the projector token is the credential (tried "
                          "here with a wrong one)", values={"token": "wrong_token"}),
    "live:phone": JOIN,
    "live:phone-worker": Row("public", "the phone's service worker: the same script for "
                             "everyone, no meeting's data"),
}
ADMIN_PUBLIC = {"admin:login", "admin:logout"}  # the admin's own login form
NOT_IDS = {"slug", "fmt", "direction", "kind"}  # path parameters that name no object
ADMIN = Row("public", "the operator's admin site: staff only; facilitators are no staff")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = "",
          params: tuple[str, ...] = ()) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    for pattern in patterns:
        own = tuple(getattr(pattern.pattern, "converters", {}) or
                    pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = ":".join(n for n in (namespace, pattern.namespace or "") if n)
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner,
                             params + own)
        else:
            name = pattern.name or ""
            yield (f"{namespace}:{name}" if namespace and name else name,
                   prefix + str(pattern.pattern), params + own)


PATTERNS = sorted(set(_walk(get_resolver().url_patterns)))


def _url(name: str, route: str, params: tuple[str, ...], row: Row,
         values: dict[str, Any]) -> str:
    kwargs = {p: values[row.values.get(p, p)] for p in params}
    if name:
        return reverse(name, kwargs=kwargs)
    # An unnamed pattern (the admin's own redirects): fill the route text in by hand.
    filled = re.sub(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)",
                    lambda m: str(kwargs.get(m[1] or m[2], "x")), route)
    return "/" + filled.replace("^", "").replace("$", "")


@pytest.fixture
def world(home: Meeting, foreign: Meeting, facilitator: Any) -> World:
    from sanaksme.participants.models import JoinClaim
    from sanaksme.presenting.models import Deck
    from sanaksme.reports.jobs import report_job_start

    item = AgendaItem.objects.get(day__meeting=home, method="brainstorm")
    person = home.participants.order_by("pk").first()
    assert person is not None
    deck = Deck.objects.create(meeting=home, item=item, title="A's slides")
    claim = JoinClaim.objects.create(meeting=home, participant=person,
                                     typed_name=person.name, device="x")
    job = report_job_start(meeting=home, user=facilitator, fmt="md")
    note = Note.objects.get(meeting=home, text=SECRET)
    values = {
        "slug": home.slug, "item_id": item.pk, "day_id": item.day_id,
        "site_id": home.sites.order_by("pk").first().pk,  # type: ignore[union-attr]
        "pk": person.pk, "claim_id": claim.pk, "deck_id": deck.pk, "kind": "deck",
        "fmt": "yaml", "direction": "up", "key": job.key, "note_id": note.pk,
        "media_key": f"slides/{deck.key}/original.pdf", "code": home.join_code,
        "token": home.projector_token,
        "wrong_token": "not-the-token", "series_id": home.series_id,
        "project_id": home.project_id, "fmt_series": "series-md",
        "object_id": home.pk, "app_label": "programme",
        "content_type_id": ContentType.objects.get_for_model(Meeting).pk,
        "url": "programme/meeting/", "id": home.pk,
    }
    return World(home=home, foreign=foreign, values=values)


def _snapshot(meeting: Meeting) -> dict[str, Any]:
    """Everything of A's meeting that the exchange file carries, and its series."""
    from sanaksme.reports.exchange import meeting_export

    data = meeting_export(Meeting.objects.get(pk=meeting.pk), include_names=True)
    data.pop("exported_at")
    return data


def _leaks(response: HttpResponseBase, world: World) -> bool:
    """Whether the response carries A's words: a note, or its meeting, series or project."""
    body = b"".join(response) if response.streaming else response.content  # type: ignore[attr-defined]
    home = world.home
    secrets = (SECRET, home.title, home.series.title if home.series else SECRET,
               home.project.name if home.project else SECRET)
    return any(secret.encode() in body for secret in secrets)


def _refused(response: HttpResponseBase, *, anonymous: bool) -> bool:
    if response.status_code == 302:
        return "/login/" in response["Location"]
    return response.status_code in (403, 404, 405) or (
        anonymous and response.status_code == 401)


def test_every_url_pattern_has_a_row() -> None:
    missing = [(name, route) for name, route, _params in PATTERNS
               if name not in ROUTES and not _is_admin(route)]

    assert missing == []


def _is_admin(route: str) -> bool:
    return route.startswith("admin/")


@pytest.mark.parametrize(("name", "route", "params"),
                         [p for p in PATTERNS if not _is_admin(p[1])],
                         ids=[p[0] or p[1] for p in PATTERNS if not _is_admin(p[1])])
def test_url_is_walled(name: str, route: str, params: tuple[str, ...], world: World,
                       intruder_client: Client, facilitator_client: Client) -> None:
    row = ROUTES[name]
    values = world.values
    url = _url(name, route, params, row, values)
    query = {k: values[v] for k, v in row.get.items()}
    body = {k: values[v] for k, v in row.post.items()}
    before = _snapshot(world.home)
    mixed = None
    if row.kind == "scoped" and set(params) - NOT_IDS:
        mixed = _url(name, route, params, row, {**values, "slug": world.foreign.slug})

    for who, client in (("anonymous", Client()), ("intruder", intruder_client)):
        for address in filter(None, (url, mixed)):
            got = client.get(address, query)
            sent = client.post(address, body)
            for response in (got, sent):
                assert response.status_code < 500, (who, address)
                if row.kind == "public":
                    continue
                if who == "anonymous" or row.kind == "scoped":
                    assert _refused(response, anonymous=who == "anonymous"), (
                        who, address, response.status_code)
                assert not _leaks(response, world), (who, address)

    assert _snapshot(world.home) == before
    if row.kind == "scoped" and not row.owner_may_404:
        assert facilitator_client.get(url, query).status_code != 404  # the ids are real


def test_admin_urls_refuse_facilitators_and_visitors(world: World,
                                                     intruder_client: Client) -> None:
    admin = [p for p in PATTERNS if _is_admin(p[1])]
    assert admin  # the admin is mounted

    for name, route, params in admin:
        url = _url(name, route, params, ADMIN, world.values)
        for client in (Client(), intruder_client):
            response = client.get(url)
            assert not _leaks(response, world), url
            if name in ADMIN_PUBLIC:
                assert response.status_code < 500, url
                continue
            assert response.status_code == 302, url
            assert response["Location"].startswith("/admin/login/"), url


# Every WebSocket consumer and action ---------------------------------------------------
#
# Organisation B's console (the intruder) and a phone of B's meeting send every action
# that takes an id from the client, with organisation A's ids; each must be refused and
# A's meeting must not change. Actions that take no id act on the connection's own
# meeting only; they are listed with that reason.

ORIGIN = [(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000")]
LIVE_SECRET = "A's brainstorm note that B must never touch"


@dataclass(frozen=True)
class Live:
    home: Meeting
    rival: Meeting  # B's meeting with the whole demo programme
    intruder: Any
    phone_person: Any  # a participant of B's meeting, in one of its groups
    a: dict[str, int]  # A's ids
    b: dict[str, int]  # B's own ids, where a frame needs one of each


def _run(home: Meeting) -> dict[str, int]:
    """A's meeting after it ran: notes, hands, turns, groups, worksheets, slides."""
    from sanaksme.boards.services import sheets_ensure
    from sanaksme.groups.models import Group, Solution
    from sanaksme.presenting.models import Deck, Video
    from sanaksme.speaking.models import Turn
    from sanaksme.speaking.services import hand_raise, round_get_or_create, turn_next

    def item(method: str) -> AgendaItem:
        return AgendaItem.objects.filter(day__meeting=home, method=method).first()  # type: ignore[return-value]

    home.participants.update(present=True)
    person = home.participants.exclude(category="organiser").order_by("pk").first()
    assert person is not None
    sheet = sheets_ensure(item=item("brainstorm"))[0]
    note = add_note(sheet, "problem", LIVE_SECRET)
    hand = hand_raise(round_=round_get_or_create(item=item("discussion")),
                      participant_id=person.pk)
    tour = turn_next(round_=round_get_or_create(item=item("tour_de_table")), expected=None)
    group_set = groups_draw(item=item("group_work"), seed=7, everyone=True)
    first, second = list(Group.objects.filter(group_set=group_set).order_by("number"))[:2]
    factor = factor_add(group=first, text="Trūkst mediatoru", client_id="fa")
    other = factor_add(group=second, text="Nav transporta", client_id="fb")
    from sanaksme.groups.services.worksheets import solution_add

    solution_add(factor=factor, text="Algot mediatorus", client_id="sa")
    theme = factor_set_theme(factor=factor, theme=None)
    into = factor_set_theme(factor=other, theme=None)
    presentation = item("presentation")
    deck = Deck.objects.create(meeting=home, item=presentation, title="Slaidi")
    video = Video.objects.create(meeting=home, item=presentation, title="Video",
                                 kind=Video.Kind.LINK, url="https://example.org/v")
    return {"sheet": sheet.pk, "note": note.pk, "hand": hand.pk,
            "turn": Turn.objects.get(round=tour, participant__isnull=False).pk
            if Turn.objects.filter(round=tour, participant__isnull=False).exists()
            else Turn.objects.filter(round=tour).get().pk,
            "person": person.pk, "group": first.pk, "factor": factor.pk,
            "solution": Solution.objects.get(factor=factor).pk, "theme": theme.pk,
            "into": into.pk, "deck": deck.pk, "video": video.pk}


@pytest.fixture
def live(demo_meeting: Meeting, demo_text: str, intruder: Any) -> Live:
    from sanaksme.boards.services import sheets_ensure
    from sanaksme.groups.models import Membership
    from sanaksme.programme.services import programme_import

    add_note(feedback_sheet(demo_meeting), "suggestion", SECRET)
    a = _run(demo_meeting)
    text = (demo_text.replace("slug: daugavpils-2017", "slug: b-live")
            .replace("slug: regionalo-ekspertu", "slug: b-regionalo-ekspertu"))
    rival = programme_import(text=text, organisation=intruder.organisations.get())
    brainstorm = AgendaItem.objects.get(day__meeting=rival, method="brainstorm")
    own_note = add_note(sheets_ensure(item=brainstorm)[0], "problem", "B's note")
    group_work = AgendaItem.objects.get(day__meeting=rival, method="group_work")
    group_set = groups_draw(item=group_work, seed=7, everyone=True)
    member = Membership.objects.filter(group_set=group_set).select_related(
        "participant", "group").first()
    assert member is not None
    return Live(home=demo_meeting, rival=rival, intruder=intruder,
                phone_person=member.participant, a=a,
                b={"note": own_note.pk, "group": member.group_id,
                   "person": member.participant_id})


@dataclass(frozen=True)
class Action:
    audience: str  # "console" | "phone"
    action: str
    method: str  # what B's meeting has on the screens
    frame: Callable[[Live], dict[str, Any]]


IDS: list[Action] = [
    Action("console", "note_submit", "brainstorm", lambda w: {
        "sheet": w.a["sheet"], "column": "problem", "text": "x", "client_id": "c"}),
    Action("console", "sheet_reveal", "brainstorm", lambda w: {
        "sheet": w.a["sheet"], "revealed": True}),
    Action("console", "note_hide", "brainstorm", lambda w: {"note": w.a["note"],
                                                            "reason": "x"}),
    Action("console", "note_show", "brainstorm", lambda w: {"note": w.a["note"]}),
    Action("console", "note_merge", "brainstorm", lambda w: {"note": w.b["note"],
                                                             "into": w.a["note"]}),
    Action("console", "note_unmerge", "brainstorm", lambda w: {"note": w.a["note"]}),
    Action("console", "reply_create", "brainstorm", lambda w: {
        "note": w.a["note"], "kind": "question", "text": "x", "client_id": "c"}),
    Action("console", "turn_call", "discussion", lambda w: {"hand": w.a["hand"],
                                                            "expected": None}),
    Action("console", "turn_write", "tour_de_table", lambda w: {
        "turn": w.a["turn"], "minutes": "x", "key_points": ["x"]}),
    Action("console", "hand_raise", "discussion", lambda w: {"participant": w.a["person"]}),
    Action("console", "round_arrange", "tour_de_table", lambda w: {
        "order": [w.a["person"]]}),
    Action("console", "round_skip", "tour_de_table", lambda w: {
        "participant": w.a["person"], "skipped": True}),
    Action("console", "slide_show", "presentation", lambda w: {"deck": w.a["deck"],
                                                               "page": 1}),
    Action("console", "video_show", "presentation", lambda w: {"video": w.a["video"]}),
    Action("console", "group_move", "group_work", lambda w: {
        "participant": w.a["person"], "group": w.b["group"]}),
    Action("console", "group_move", "group_work", lambda w: {
        "participant": w.b["person"], "group": w.a["group"]}),
    Action("console", "group_set_place", "group_work", lambda w: {"group": w.a["group"],
                                                               "place": "x"}),
    Action("console", "factor_add", "group_work", lambda w: {
        "group": w.a["group"], "text": "x", "client_id": "c"}),
    Action("console", "factor_arrange", "group_work", lambda w: {
        "group": w.a["group"], "order": [w.a["factor"]]}),
    Action("console", "factor_hide", "group_work", lambda w: {"factor": w.a["factor"],
                                                              "hidden": True}),
    Action("console", "factor_weigh", "group_work", lambda w: {
        "factor": w.a["factor"], "weights": {"municipality": 1, "state": 1,
                                             "community": 1}}),
    Action("console", "factor_set_theme", "group_work", lambda w: {"factor": w.a["factor"],
                                                               "theme": None}),
    Action("console", "solution_add", "group_work", lambda w: {
        "factor": w.a["factor"], "text": "x", "client_id": "c"}),
    Action("console", "solution_hide", "group_work", lambda w: {
        "solution": w.a["solution"], "hidden": True}),
    Action("console", "theme_merge", "group_work", lambda w: {"theme": w.a["theme"],
                                                              "into": w.a["into"]}),
    Action("console", "theme_rename", "group_work", lambda w: {"theme": w.a["theme"],
                                                               "label": "x"}),
    Action("console", "theme_unconfirm", "group_work", lambda w: {"theme": w.a["theme"]}),
    Action("console", "theme_confirm", "group_work", lambda w: {"theme": w.a["theme"]}),
    Action("console", "projector_show", "brainstorm", lambda w: {"mode": "sheet",
                                                                 "sheet": w.a["sheet"]}),
    Action("console", "visit_note_type", "site_visit", lambda w: {
        "sheet": w.a["sheet"], "column": "problem", "text": "x", "client_id": "c",
        "author": None}),
    Action("console", "visit_note_type", "site_visit", lambda w: {
        "sheet": w.a["sheet"], "column": "problem", "text": "x", "client_id": "c",
        "author": w.b["person"]}),
    Action("console", "visit_reveal", "brainstorm", lambda w: {
        "sheet": w.a["sheet"], "revealed": True}),
    Action("phone", "note_submit", "brainstorm", lambda w: {
        "sheet": w.a["sheet"], "column": "problem", "text": "x", "client_id": "c"}),
    Action("phone", "visit_note_add", "site_visit", lambda w: {
        "sheet": w.a["sheet"], "column": "problem", "text": "x", "client_id": "c",
        "written_at": "2017-05-18T10:00:00+03:00"}),
    Action("phone", "reply_submit", "brainstorm", lambda w: {
        "note": w.a["note"], "kind": "question", "text": "x", "client_id": "c"}),
    Action("phone", "factor_arrange", "group_work", lambda w: {
        "order": [w.a["factor"]]}),
    Action("phone", "factor_hide", "group_work", lambda w: {"factor": w.a["factor"],
                                                            "hidden": True}),
    Action("phone", "factor_weigh", "group_work", lambda w: {
        "factor": w.a["factor"], "weights": {"municipality": 1, "state": 1,
                                             "community": 1}}),
    Action("phone", "solution_add", "group_work", lambda w: {
        "factor": w.a["factor"], "text": "x", "client_id": "c"}),
    Action("phone", "solution_hide", "group_work", lambda w: {
        "solution": w.a["solution"], "hidden": True}),
]
# Actions that take no object id: they act on the connection's own meeting only.
NO_IDS = {
    "console": {"groups_draw", "groups_add_late", "worksheets_set_open", "showing_next",
                "showing_pause", "showing_add_time", "comparison_propose",
                "comparison_confirm", "comparison_undo", "comparison_show",
                "summary_add_draft", "turn_next",
                "turn_pause", "turn_resume", "turn_add_time", "round_show_key_points",
                "video_play", "screen_clear", "summary_write", "summary_show"},
    # factor_add: a phone always writes on its own group (a group id is ignored);
    # hand_raise / hand_lower: a phone raises and lowers its own hand.
    "phone": {"hand_raise", "hand_lower", "factor_add"},
}


def test_every_live_action_has_a_row() -> None:
    """Walks the registry: every action each audience may send has a row above (sent
    with another meeting's ids) or takes no id at all."""
    from sanaksme.live.actions import ACTIONS

    declared = {(audience.value, a.name) for a in ACTIONS.values()
                for audience in a.audiences}
    rows = {(a.audience, a.action) for a in IDS}
    no_ids = {(audience, name) for audience, names in NO_IDS.items() for name in names}

    assert declared - rows == no_ids
    assert rows <= declared


def _communicator(live: Live, audience: str) -> WebsocketCommunicator:
    from sanaksme.participants.tests.factories import phone_session

    if audience == "phone":
        session_id = phone_session(live.phone_person)
        path = f"/ws/phone/{live.rival.join_code}/"
    else:
        client = Client()
        client.force_login(live.intruder)
        session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
        path = f"/ws/console/{live.rival.slug}/"
    cookie = (b"cookie", f"{settings.SESSION_COOKIE_NAME}={session_id}".encode())
    return WebsocketCommunicator(application, path, headers=[*ORIGIN, cookie])


async def _answer(communicator: WebsocketCommunicator, frame: dict[str, Any]
                  ) -> dict[str, Any]:
    connected, _code = await communicator.connect()
    assert connected
    state = await communicator.receive_json_from()
    assert state["type"] == "state"
    await communicator.send_json_to(frame)
    while True:  # skip events until the answer to this frame
        answer: dict[str, Any] = await communicator.receive_json_from(timeout=30)
        if answer.get("type") in ("error", "ack", "done"):
            await communicator.disconnect()
            return answer


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("row", IDS, ids=[f"{a.audience}-{a.action}-{i}"
                                          for i, a in enumerate(IDS)])
def test_live_action_with_another_meetings_ids_is_refused(row: Action, live: Live) -> None:
    from sanaksme.programme.services import meeting_set_current_item

    item = AgendaItem.objects.filter(day__meeting=live.rival, method=row.method).first()
    meeting_set_current_item(meeting=live.rival, item=item)
    communicator = _communicator(live, row.audience)
    before = _snapshot(live.home)

    answer = async_to_sync(_answer)(communicator, {"action": row.action, **row.frame(live)})

    assert answer["type"] == "error", answer
    assert _snapshot(live.home) == before


@pytest.mark.django_db(transaction=True)
def test_console_with_another_organisations_cookie_is_refused_at_connect(
    live: Live,
) -> None:
    client = Client()
    client.force_login(live.intruder)
    cookie = (b"cookie", f"{settings.SESSION_COOKIE_NAME}="
              f"{client.cookies[settings.SESSION_COOKIE_NAME].value}".encode())
    communicator = WebsocketCommunicator(application, f"/ws/console/{live.home.slug}/",
                                         headers=[*ORIGIN, cookie])

    connected, _code = async_to_sync(communicator.connect)()

    assert connected is False


@pytest.mark.django_db(transaction=True)
def test_phone_of_another_meeting_is_refused_at_connect(live: Live) -> None:
    from sanaksme.participants.tests.factories import phone_session

    cookie = (b"cookie", f"{settings.SESSION_COOKIE_NAME}="
              f"{phone_session(live.phone_person)}".encode())
    communicator = WebsocketCommunicator(application, f"/ws/phone/{live.home.join_code}/",
                                         headers=[*ORIGIN, cookie])

    connected, _code = async_to_sync(communicator.connect)()

    assert connected is False


@pytest.mark.django_db(transaction=True)
def test_projector_with_another_meetings_token_is_refused_at_connect(live: Live) -> None:
    path = f"/ws/projector/{live.home.slug}/{live.rival.projector_token}/"
    communicator = WebsocketCommunicator(application, path, headers=ORIGIN)

    connected, _code = async_to_sync(communicator.connect)()

    assert connected is False


def test_meeting_file_naming_another_organisations_series_gets_a_series_of_its_own(
    home: Meeting, foreign: Meeting,
) -> None:
    from sanaksme.reports.exchange import meeting_export, meeting_import

    data = meeting_export(foreign)
    data["series"] = {"slug": home.series.slug if home.series else "", "title": "B"}

    moved = meeting_import(data, slug="b-moved", organisation=foreign.organisation)

    assert moved.series is not None
    assert moved.series.organisation_id == foreign.organisation_id


def test_the_admin_refuses_a_staff_facilitator_who_is_no_superuser(
    world: World, client: Client,
) -> None:
    user = get_user_model().objects.create_user("staff-b", password="pw-staff-b",
                                                is_staff=True)
    user.user_permissions.set(Permission.objects.filter(
        content_type__app_label="participants"))
    client.force_login(user)

    response = client.get("/admin/participants/participant/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
