from django.urls import path

from . import views
from .privacy_views import privacy_urlpatterns

app_name = "participants"

urlpatterns = [
    path("m/<slug:slug>/participants/", views.participant_list, name="list"),
    path("m/<slug:slug>/participants/import/", views.participant_import, name="import"),
    path("m/<slug:slug>/participants/<int:pk>/", views.participant_edit, name="edit"),
    path("m/<slug:slug>/participants/<int:pk>/delete/", views.participant_delete,
         name="delete"),
    *privacy_urlpatterns,  # a person's data: export and erasure (docs/privacy.md)
]
