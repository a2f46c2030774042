"""A person's data on request: download it as JSON, or erase it everywhere
(docs/privacy.md, "A person's data: export and erasure")."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from sanaksme.programme.permissions import access_meeting

from .models import Participant
from .privacy import person_erase, person_erasure_plan, person_export


def _person(request: HttpRequest, slug: str, pk: int) -> Participant:
    """The participant if this facilitator may act for the meeting's organisation."""
    meeting = access_meeting(request.user, slug)
    person = Participant.objects.filter(meeting=meeting, pk=pk).select_related(
        "meeting__organisation").first()
    if person is None:
        raise Http404
    return person


@login_required
@never_cache
def person_export_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    person = _person(request, slug, pk)
    data = person_export(organisation=person.meeting.organisation, participant=person)
    response = HttpResponse(json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False,
                                       indent=1), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.json"'
    return response


@login_required
@never_cache
def person_erase_view(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """GET: what will happen; POST (with CSRF): do it."""
    person = _person(request, slug, pk)
    organisation = person.meeting.organisation
    if request.method == "POST":
        plan = person_erase(organisation=organisation, participant=person,
                            by_user=request.user)
        count = len(plan.meetings)
        messages.success(request, ngettext(
            "The person was erased from %(count)d meeting.",
            "The person was erased from %(count)d meetings.", count) % {"count": count})
        return redirect("participants:list", slug=slug)
    plan = person_erasure_plan(organisation=organisation, participant=person)
    return render(request, "participants/person_erase.html",
                  {"meeting": person.meeting, "person": person, "plan": plan})


privacy_urlpatterns = [
    path("m/<slug:slug>/participants/<int:pk>/export.json", person_export_view,
         name="person-export"),
    path("m/<slug:slug>/participants/<int:pk>/erase/", person_erase_view,
         name="person-erase"),
]
