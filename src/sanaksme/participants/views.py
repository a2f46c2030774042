"""Participant registration pages for the facilitator."""

from __future__ import annotations

import hashlib

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.programme.models import Meeting
from sanaksme.programme.permissions import access_meeting
from sanaksme.programme.services import meeting_close, meeting_reopen

from . import identity, services
from .forms import ParticipantForm
from .models import JoinClaim, Participant
from .selectors import (
    claim_list_pending,
    participant_list_for_badges,
    participants_by_name,
)


def _page(request: HttpRequest, meeting: Meeting, form: ParticipantForm,
          csv_errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    people = sorted(participants_by_name(Participant.objects.filter(meeting=meeting)),
                    key=lambda p: p.category)  # stable: by name within a category
    return render(request, "participants/list.html", {
        "meeting": meeting, "people": people, "form": form, "csv_errors": csv_errors,
    }, status=status)


@login_required
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_save(meeting=meeting, actor=request.user,
                                      **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None,
                           error.message)
        else:
            messages.success(request, _("Registered."))
            return redirect("participants:list", slug=slug)
    return _page(request, meeting, form, status=400 if form.errors else 200)


@login_required
def participant_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    person = Participant.objects.filter(meeting=meeting, pk=pk).first()
    if person is None:
        raise Http404
    form = ParticipantForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_save(meeting=meeting, participant=person,
                                      actor=request.user, **form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None,
                           error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("participants:list", slug=slug)
    return render(request, "programme/simple_form.html", {
        "form": form, "meeting": meeting, "heading": _("Edit participant")})


@login_required
@require_POST
def participant_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    person = Participant.objects.filter(meeting=meeting, pk=pk).first()
    if person is None:
        raise Http404
    services.participant_delete(participant=person)
    messages.success(request, _("The registration was removed."))
    return redirect("participants:list", slug=slug)


@login_required
@require_POST
def participant_import(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    upload = request.FILES.get("file")
    errors: list[str]
    if upload is None:
        errors = [_("Choose a CSV file to upload.")]
    elif upload.size and upload.size > settings.SANAKSME_MAX_IMPORT_BYTES:
        errors = [_("The file is too large.")]
    else:
        try:
            count = services.participants_import_csv(
                meeting=meeting, text=upload.read().decode("utf-8-sig"))
        except UnicodeDecodeError:
            errors = [_("The file is not UTF-8 text.")]
        except ImportRejected as rejected:
            errors = rejected.errors
        else:
            messages.success(request, _("%(count)d participants registered.")
                             % {"count": count})
            return redirect("participants:list", slug=slug)
    return _page(request, meeting, ParticipantForm(), csv_errors=errors, status=400)


def _person(meeting: Meeting, pk: int) -> Participant:
    person = Participant.objects.filter(meeting=meeting, pk=pk).first()
    if person is None:
        raise Http404
    return person


@login_required
@require_POST
def participant_consent_withdraw(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    services.participant_consent_withdraw(participant=_person(meeting, pk),
                                          actor=request.user)
    messages.success(request, _("Consent withdrawn: the category was removed."))
    return redirect("participants:list", slug=slug)


# Joining: claims to approve, badges to print, closing the meeting ----------------------


def _claims(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    claims = claim_list_pending(meeting)
    version = hashlib.sha256(",".join(str(c.pk) for c in claims).encode()).hexdigest()[:12]
    if request.GET.get("v") == version:
        return HttpResponse(status=204)  # nothing changed: htmx keeps what is shown
    return render(request, "participants/partials/claims.html", {
        "meeting": meeting, "claims": claims, "version": version,
        "people": participants_by_name(Participant.objects.filter(meeting=meeting)
                                       .only("pk", "name", "institution", "device")),
    })


@login_required
def claim_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The phones waiting for the facilitator (an HTMX fragment that polls itself)."""
    return _claims(request, access_meeting(request.user, slug))


@login_required
@require_POST
def claim_decide(request: HttpRequest, slug: str, pk: int, decision: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    claim = JoinClaim.objects.filter(meeting=meeting, pk=pk).first()
    if claim is None:
        raise Http404
    try:
        if decision == "approve":
            raw = request.POST.get("participant") or ""
            identity.claim_approve(claim=claim, participant=_person(
                meeting, int(raw) if raw.isdigit() else 0))
        else:
            identity.claim_refuse(claim=claim)
    except DomainError as error:
        messages.error(request, error.message)
    if request.htmx:  # type: ignore[attr-defined]
        return _claims(request, meeting)
    return redirect("participants:list", slug=slug)


def personal_link(request: HttpRequest, meeting: Meeting, person: Participant) -> str:
    return request.build_absolute_uri(
        reverse("join-token", args=[meeting.join_code, person.join_token]))


@login_required
def badges(request: HttpRequest, slug: str) -> HttpResponse:
    """One card per person to print: name, the personal link's QR code and the PIN."""
    meeting = access_meeting(request.user, slug)
    cards = []
    for person in participant_list_for_badges(meeting):
        link = personal_link(request, meeting, person)
        cards.append({"person": person, "link": link, "qr": segno.make(
            link, error="m").svg_inline(scale=4, border=2, dark="#111", omitsize=True)})
    return render(request, "participants/badges.html",
                  {"meeting": meeting, "cards": cards})


@login_required
@require_POST
def meeting_open_close(request: HttpRequest, slug: str, action: str) -> HttpResponse:
    """Close the meeting (the code and personal links stop working) or reopen it."""
    meeting = access_meeting(request.user, slug)
    if action == "close":
        meeting_close(meeting=meeting)
        messages.success(request, _("The meeting is closed: its code no longer works."))
    else:
        meeting_reopen(meeting=meeting)
        messages.success(request, _("The meeting is open again."))
    target = "live:console" if request.POST.get("next") == "live" else "participants:list"
    return redirect(target, slug=slug)
