from django.urls import path

from . import views
from .privacy_views import privacy_urlpatterns

app_name = "participants"

urlpatterns = [
    path("m/<slug:slug>/participants/", views.participant_list, name="list"),
    path("m/<slug:slug>/participants/import/", views.participant_import, name="import"),
    path("m/<slug:slug>/participants/badges/", views.badges, name="badges"),
    path("m/<slug:slug>/participants/claims/", views.claim_list, name="claims"),
    path("m/<slug:slug>/participants/claims/<int:pk>/approve/", views.claim_decide,
         {"decision": "approve"}, name="claim-approve"),
    path("m/<slug:slug>/participants/claims/<int:pk>/refuse/", views.claim_decide,
         {"decision": "refuse"}, name="claim-refuse"),
    path("m/<slug:slug>/participants/<int:pk>/", views.participant_edit, name="edit"),
    path("m/<slug:slug>/participants/<int:pk>/delete/", views.participant_delete,
         name="delete"),
    *privacy_urlpatterns,  # a person's data: export and erasure (docs/privacy.md)
    path("m/<slug:slug>/participants/<int:pk>/consent/withdraw/",
         views.participant_consent_withdraw, name="consent-withdraw"),
    path("m/<slug:slug>/join/close/", views.meeting_open_close, {"action": "close"},
         name="meeting-close"),
    path("m/<slug:slug>/join/reopen/", views.meeting_open_close, {"action": "reopen"},
         name="meeting-reopen"),
]
