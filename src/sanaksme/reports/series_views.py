"""The designer's side panel: the previous meeting's suggestions, marked as taken up.

It lives here, not in `programme`, because `boards` builds on `programme` and only
`reports` may read both; the designer page just loads the panel with `hx-get`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from sanaksme.boards.models import Note
from sanaksme.boards.selectors import suggestions_for_next
from sanaksme.boards.uptake import suggestion_drop, suggestion_take_up
from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting
from sanaksme.programme.permissions import access_meeting

PARTIAL = "reports/partials/suggestions.html"
PANEL_ID = "suggestions-panel"


def _panel(request: HttpRequest, meeting: Meeting, *, error: str = "",
           status: int = 200) -> HttpResponse:
    found = suggestions_for_next(meeting)
    return render(request, PARTIAL, {
        "meeting": meeting, "panel_id": PANEL_ID, "error": error,
        "previous": found.previous if found else None,
        "suggestions": found.suggestions if found else (),
    }, status=status)


@login_required
@require_GET
def suggestions_panel(request: HttpRequest, slug: str) -> HttpResponse:
    """The panel, or nothing when there is no earlier meeting with suggestions."""
    return _panel(request, access_meeting(request.user, slug))


@login_required
@require_POST
def suggestion_toggle(request: HttpRequest, slug: str, note_id: int) -> HttpResponse:
    """`action=take` (with an optional `comment`) or `action=drop`; answers the panel.

    A refused change is shown in the panel: with status 400, except to htmx, which does
    not swap error responses in, so it gets the panel with the message and 200.
    """
    meeting = access_meeting(request.user, slug)
    note = Note.objects.filter(pk=note_id,
                               meeting__organisation_id=meeting.organisation_id).first()
    if note is None:
        raise Http404
    action = request.POST.get("action")
    try:
        if action == "take":
            suggestion_take_up(meeting=meeting, note=note,
                               comment=request.POST.get("comment", ""), user=request.user)
        elif action == "drop":
            suggestion_drop(meeting=meeting, note=note)
        else:
            raise DomainError(_("Choose whether to take the suggestion up or undo it."))
    except DomainError as error:
        htmx = bool(request.htmx)  # type: ignore[attr-defined]
        return _panel(request, meeting, error=error.message, status=200 if htmx else 400)
    if not request.htmx:  # type: ignore[attr-defined]
        return redirect("programme:meeting-detail", slug=meeting.slug)
    return _panel(request, meeting)


series_urlpatterns = [
    path("m/<slug:slug>/suggestions/", suggestions_panel, name="suggestions"),
    path("m/<slug:slug>/suggestions/<int:note_id>/", suggestion_toggle,
         name="suggestion-toggle"),
]
