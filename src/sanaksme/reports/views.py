"""The Reports page: choose a document, watch it being produced, download it."""

from __future__ import annotations

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.permissions import access_meeting

from .data import report_data
from .jobs import report_job_refresh, report_job_start, report_jobs_purge
from .models import ReportJob
from .produce import FORMATS
from .render.html import render_html, screen_css_source
from .series import series_of

PAGE_FORMATS = ("pdf", "docx", "md", "xlsx", "csv", "json")


def _job(request: HttpRequest, slug: str, key: str) -> ReportJob:
    meeting = access_meeting(request.user, slug)
    job = ReportJob.objects.filter(key=key, meeting=meeting,
                                   requested_by_id=request.user.pk).first()
    if job is None:
        raise Http404
    return report_job_refresh(job)


@login_required
def reports_page(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    report_jobs_purge()
    return render(request, "reports/page.html", {
        "meeting": meeting,
        "formats": [(code, FORMATS[code][0]) for code in PAGE_FORMATS],
        "series": series_of(meeting),
        "days": list(meeting.days.order_by("date")),
    })


@login_required
@xframe_options_sameorigin
@csp_update({"style-src": [screen_css_source()]})  # type: ignore[arg-type]  # its <style>
def report_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """The report as the PDF will print it (no names), for the page's preview frame."""
    meeting = access_meeting(request.user, slug)
    return HttpResponse(render_html(report_data(meeting), screen=True))


@login_required
@require_POST
def job_start(request: HttpRequest, slug: str) -> HttpResponse:
    meeting = access_meeting(request.user, slug)
    fmt = request.POST.get("fmt", "")
    try:
        job = report_job_start(meeting=meeting, user=request.user, fmt=fmt,
                               include_names=request.POST.get("names") == "1",
                               include_affiliations=request.POST.get("affiliations") == "1",
                               from_presence=request.POST.get("presence") == "1")
    except DomainError as error:
        return render(request, "reports/partials/job.html",
                      {"meeting": meeting, "error": error.message}, status=400)
    return render(request, "reports/partials/job.html", {"meeting": meeting, "job": job})


@login_required
def job_status(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    job = _job(request, slug, key)
    if job.is_expired():
        return _expired(request, job)
    return render(request, "reports/partials/job.html", {"meeting": job.meeting, "job": job})


def _expired(request: HttpRequest, job: ReportJob) -> HttpResponse:
    """410: the file was kept for SANAKSME_REPORT_JOB_DAYS days and is gone (or going)."""
    return render(request, "reports/partials/job.html", {
        "meeting": job.meeting,
        "error": _("This file has expired and was deleted. Produce the report again."),
    }, status=410)


@login_required
def job_download(request: HttpRequest, slug: str, key: str) -> HttpResponse:
    job = _job(request, slug, key)
    if job.is_expired():
        return _expired(request, job)
    if not job.done or job.error:
        raise Http404
    response = HttpResponse(bytes(job.content), content_type=job.content_type)
    response["Content-Disposition"] = f'attachment; filename="{job.filename}"'
    return response
