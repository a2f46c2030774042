"""The three live screens: the facilitator's console, the projector and the phone."""

from __future__ import annotations

import hashlib
import json
import secrets
from functools import cache

import segno
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from sanaksme.core.dates import format_date_range
from sanaksme.participants.join import meeting_or_refusal
from sanaksme.participants.selectors import participant_list_for_joining, session_person
from sanaksme.programme.models import AgendaItem, Meeting
from sanaksme.programme.permissions import access_meeting
from sanaksme.programme.selectors import agenda_items, meeting_get_full

from .opening import current_item_set
from .templatetags.live import module_graph


def _join_url(request: HttpRequest, meeting: Meeting) -> str:
    return request.build_absolute_uri(reverse("join-meeting", args=[meeting.join_code]))


def _qr_svg(url: str) -> str:
    """The join link as an inline SVG QR code (no user text inside)."""
    return str(segno.make(url, error="m").svg_inline(scale=10, border=2, dark="#111", omitsize=True))


@login_required
def console(request: HttpRequest, slug: str) -> HttpResponse:
    access_meeting(request.user, slug)
    meeting = meeting_get_full(slug)
    projector_url = reverse("live:projector", args=[meeting.slug, meeting.projector_token])
    return render(request, "live/console.html", {
        "meeting": meeting, "items": agenda_items(meeting),
        "projector_url": request.build_absolute_uri(projector_url),
        "join_url": _join_url(request, meeting),
        "local_only": request.get_host().split(":")[0] in {"127.0.0.1", "localhost"},
        "ws_url": f"/ws/console/{meeting.slug}/",
        "people": participant_list_for_joining(meeting),
    })


@login_required
@require_POST
def set_current_item(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    raw = request.POST.get("item") or ""
    item = None
    if raw:
        item = AgendaItem.objects.filter(pk=int(raw) if raw.isdigit() else 0,
                                         day__meeting=meeting).first()
        if item is None:
            raise Http404
    current_item_set(meeting=meeting, item=item)
    return redirect("live:console", slug=slug)


def projector(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    meeting = Meeting.objects.filter(slug=slug).first()
    if meeting is None or not secrets.compare_digest(meeting.projector_token, token):
        raise Http404
    join_url = _join_url(request, meeting)
    return render(request, "live/projector.html", {
        "meeting": meeting, "join_url": join_url, "qr": _qr_svg(join_url),
        "dates": format_date_range(meeting.starts_on, meeting.ends_on, meeting.language),
        "ws_url": f"/ws/projector/{meeting.slug}/{meeting.projector_token}/",
    })


def phone(request: HttpRequest, code: str) -> HttpResponse:
    meeting = Meeting.objects.filter(join_code=code.upper()).first()
    person = session_person(request.session, meeting) if meeting is not None else None
    if person is None:
        found = meeting_or_refusal(request, code)  # throttled, like the join pages
        if isinstance(found, HttpResponse):
            return found
        return redirect("join-meeting", code=found.join_code)
    if person.needs_consent:
        return redirect("join-consent", code=person.meeting.join_code)
    return render(request, "live/phone.html", {
        "meeting": meeting, "ws_url": f"/ws/phone/{person.meeting.join_code}/",
        "me": person.pk, "person": person, "worker": reverse("live:phone-worker"),
    })


# What the phone's service worker keeps besides the phone pages: the page's styles and
# every module the phone loads (the simple view's too).
PHONE_ASSETS = ("css/phone.css", "css/easy.css", "js/live/phone.js")
PHONE_SCOPE = "/p/"


def _phone_worker() -> str:
    # While developing, the scripts change under a running server: read them every time.
    return _phone_worker_source() if settings.DEBUG else _phone_worker_cached()


@cache
def _phone_worker_cached() -> str:
    return _phone_worker_source()


def _phone_worker_source() -> str:
    """The worker's source with its settings first; its version is a digest of the
    assets it keeps, so a deployment that changes one replaces the phones' cache."""
    paths = [*PHONE_ASSETS, *module_graph("js/live/phone.js", dynamic=True)]
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.encode() + b"\0" + _static_bytes(path))
    source = _static_bytes("js/live/worker.js").decode("utf-8")
    own = {"version": digest.hexdigest()[:16], "scope": PHONE_SCOPE,
           "assets": [static(path) for path in paths]}
    return f"self.SANAKSME_WORKER = {json.dumps(own)};\n{source}"


def _static_bytes(path: str) -> bytes:
    located = finders.find(path)
    if not isinstance(located, str):
        raise ValueError(f"{path}: static file not found")
    with open(located, "rb") as handle:
        return handle.read()


@require_GET
def phone_worker(request: HttpRequest) -> HttpResponse:
    """The phone's service worker at /p/sw.js: its scope, /p/, covers every phone page."""
    response = HttpResponse(_phone_worker(), content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # a new deployment's worker is found at once
    response["Service-Worker-Allowed"] = PHONE_SCOPE
    return response
