"""The programme designer: facilitator pages for meetings, days, items and sites."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sanaksme.core.exceptions import DomainError, ImportRejected

from . import services
from .domain.methods import Method
from .exports import EXPORT_FORMATS, export_programme
from .forms import AgendaItemForm, DayForm, MeetingForm, SiteForm
from .labels import finding_message
from .models import Day, Site
from .permissions import access_agenda_item, access_meeting
from .selectors import (
    meeting_get_full,
    meeting_list_for_user,
    organisation_of_user,
    planning_findings,
)


def _checks(meeting: Any) -> list[dict[str, Any]]:
    return [{"severity": f.severity.value, "item_id": f.item_id,
             "message": finding_message(f)} for f in planning_findings(meeting)]


def _form_error(form: Any, error: DomainError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = meeting_list_for_user(request.user)
    return render(request, "programme/meeting_list.html", {"meetings": meetings})


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    form = MeetingForm(request.POST or None, organisation=organisation_of_user(request.user))
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_for(request.user)
        try:
            meeting = services.meeting_create(organisation=organisation, **form.cleaned_data)
        except DomainError as error:
            _form_error(form, error)
        else:
            return redirect("programme:meeting-detail", slug=meeting.slug)
    return render(request, "programme/meeting_form.html", {"form": form, "meeting": None})


@login_required
@require_POST
def meeting_import(request: HttpRequest) -> HttpResponse:
    upload = request.FILES.get("file")
    errors: list[str] = []
    if upload is None:
        errors = [_("Choose a programme file (.yaml) to upload.")]
    elif upload.size and upload.size > settings.SANAKSME_MAX_IMPORT_BYTES:
        errors = [_("The file is too large (at most %(kb)d KB).")
                  % {"kb": settings.SANAKSME_MAX_IMPORT_BYTES // 1024}]
    else:
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            errors = [_("The file is not UTF-8 text.")]
        else:
            try:
                meeting = services.programme_import(
                    text=text, replace=bool(request.POST.get("replace")),
                    organisation=None if request.user.is_superuser
                    else services.organisation_for(request.user))
            except ImportRejected as rejected:
                errors = rejected.errors
            else:
                messages.success(request, _("The programme was imported."))
                return redirect("programme:meeting-detail", slug=meeting.slug)
    meetings = meeting_list_for_user(request.user)
    return render(request, "programme/meeting_list.html",
                  {"meetings": meetings, "import_errors": errors}, status=400)


@login_required
def meeting_detail(request: HttpRequest, slug: str) -> HttpResponse:
    access_meeting(request.user, slug)
    meeting = meeting_get_full(slug)
    return render(request, "programme/meeting_detail.html", {
        "meeting": meeting, "checks": _checks(meeting),
        "participant_count": meeting.participants.count(),
        "formats": EXPORT_FORMATS,
    })


@login_required
def meeting_edit(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    form = MeetingForm(request.POST or None, instance=meeting,
                       organisation=meeting.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_update(meeting=access_meeting(request.user, slug),
                                              **form.cleaned_data)
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("programme:meeting-detail", slug=meeting.slug)
    return render(request, "programme/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    if fmt not in EXPORT_FORMATS:
        raise Http404
    export = export_programme(meeting, fmt, names=request.GET.get("names") == "1",
                              contacts=request.GET.get("contacts") == "1")
    response = HttpResponse(export.content, content_type=export.content_type)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    return response


def _item_form_page(request: HttpRequest, form: AgendaItemForm, meeting: Any,
                    item: Any = None) -> HttpResponse:
    return render(request, "programme/item_form.html",
                  {"form": form, "meeting": meeting, "item": item})


def _save_item(form: AgendaItemForm, item: Any = None) -> Any:
    data = dict(form.cleaned_data)
    params = form.params()
    fields = {k: v for k, v in data.items() if not k.startswith("param_")}
    method = Method(fields.pop("method"))
    if item is None:
        return services.agenda_item_create(method=method, params=params, **fields)
    return services.agenda_item_update(item=item, method=method, params=params, **fields)


@login_required
def item_create(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    day = meeting.days.filter(pk=request.GET.get("day") or 0).first() or meeting.days.first()
    form = AgendaItemForm(request.POST or None, meeting=meeting,
                          initial={"day": day, "method": Method.BREAK.value})
    if request.method == "POST" and form.is_valid():
        try:
            item = _save_item(form)
        except DomainError as error:
            _form_error(form, error)
        else:
            return redirect(f"/console/m/{slug}/#agendaitem-{item.pk}")
    return _item_form_page(request, form, meeting)


@login_required
def item_edit(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    item = access_agenda_item(request.user, slug, item_id)
    meeting = item.day.meeting
    form = AgendaItemForm(request.POST or None, instance=item, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            _save_item(form, access_agenda_item(request.user, slug, item_id))
        except DomainError as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"/console/m/{slug}/#agendaitem-{item.pk}")
    return _item_form_page(request, form, meeting, item)


@login_required
def item_params(request: HttpRequest, slug: str) -> HttpResponse:
    """The parameter fields for the method picked in the item form (HTMX)."""
    meeting = access_meeting(request.user, slug)
    item_id = request.GET.get("item")
    item = access_agenda_item(request.user, slug, int(item_id)) if item_id else None
    form = AgendaItemForm(instance=item, meeting=meeting,
                          method=request.GET.get("method"))
    return render(request, "programme/partials/params.html", {"form": form})


def _day_response(request: HttpRequest, day: Day) -> HttpResponse:
    meeting = meeting_get_full(day.meeting.slug)
    fresh = next(d for d in meeting.days.all() if d.pk == day.pk)
    return render(request, "programme/partials/day_response.html",
                  {"day": fresh, "meeting": meeting, "checks": _checks(meeting)})


@login_required
@require_POST
def item_move(request: HttpRequest, slug: str, item_id: int, direction: str) -> HttpResponse:
    item = access_agenda_item(request.user, slug, item_id)
    item = services.agenda_item_move(item=item, offset=-1 if direction == "up" else 1)
    if request.htmx:  # type: ignore[attr-defined]
        return _day_response(request, item.day)
    return redirect(f"/console/m/{slug}/#agendaitem-{item.pk}")


@login_required
@require_POST
def item_delete(request: HttpRequest, slug: str, item_id: int) -> HttpResponse:
    item = access_agenda_item(request.user, slug, item_id)
    day = item.day
    services.agenda_item_delete(item=item)
    messages.success(request, _("The agenda item was removed."))
    if request.htmx:  # type: ignore[attr-defined]
        return _day_response(request, day)
    return redirect("programme:meeting-detail", slug=slug)


@login_required
def day_edit(request: HttpRequest, slug: str, day_id: int) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    day = meeting.days.filter(pk=day_id).first()
    if day is None:
        raise Http404
    form = DayForm(request.POST or None, instance=day)
    if request.method == "POST" and form.is_valid():
        services.day_update(day=day, **form.cleaned_data)
        return redirect(f"/console/m/{slug}/#day-{day.pk}")
    return render(request, "programme/simple_form.html",
                  {"form": form, "meeting": meeting, "heading": _("Edit day")})


@login_required
def site_edit(request: HttpRequest, slug: str, site_id: int | None = None) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    site = None
    if site_id is not None:
        site = Site.objects.filter(meeting=meeting, pk=site_id).first()
        if site is None:
            raise Http404
    form = SiteForm(request.POST or None, instance=site)
    if request.method == "POST" and form.is_valid():
        try:
            services.site_save(meeting=meeting, site=site, **form.cleaned_data)
        except DomainError as error:
            _form_error(form, error)
        else:
            return redirect(f"/console/m/{slug}/#sites")
    heading = _("Edit visit site") if site else _("New visit site")
    return render(request, "programme/simple_form.html",
                  {"form": form, "meeting": meeting, "heading": heading})
