from django.urls import path

from . import views
from .series_views import series_urlpatterns

app_name = "reports"
urlpatterns = [
    path("m/<slug:slug>/reports/", views.reports_page, name="page"),
    path("m/<slug:slug>/reports/preview/", views.report_preview, name="preview"),
    path("m/<slug:slug>/reports/jobs/", views.job_start, name="job-start"),
    path("m/<slug:slug>/reports/jobs/<uuid:key>/", views.job_status, name="job"),
    path("m/<slug:slug>/reports/jobs/<uuid:key>/file/", views.job_download,
         name="job-download"),
    *series_urlpatterns,  # the designer's panel of the previous meeting's suggestions
]
