"""Participant registration pages for the facilitator."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanaksme.core.exceptions import DomainError, ImportRejected
from sanaksme.programme.models import Meeting
from sanaksme.programme.permissions import access_meeting

from . import services
from .forms import ParticipantForm
from .models import Participant


def _page(request: HttpRequest, meeting: Meeting, form: ParticipantForm,
          csv_errors: list[str] | None = None, status: int = 200) -> HttpResponse:
    people = Participant.objects.filter(meeting=meeting).order_by("category", "name")
    return render(request, "participants/list.html", {
        "meeting": meeting, "people": people, "form": form, "csv_errors": csv_errors,
    }, status=status)


@login_required
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_save(meeting=meeting, **form.cleaned_data)
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
                                      **form.cleaned_data)
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
