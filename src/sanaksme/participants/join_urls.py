"""The phone's way in: /j/ (code form), /j/<code>/... (name, PIN, personal link)."""

from django.urls import path

from . import join

urlpatterns = [
    path("", join.join_start, name="join-start"),
    path("<str:code>/", join.join_meeting, name="join-meeting"),
    path("<str:code>/wait/", join.join_wait, name="join-wait"),
    path("<str:code>/new/", join.join_self_register, name="join-register"),
    path("<str:code>/consent/", join.join_consent, name="join-consent"),
    path("<str:code>/me/", join.join_me, name="join-me"),
    path("<str:code>/leave/", join.join_leave, name="join-leave"),
    # Last: a personal link's key never equals one of the words above (16 characters).
    path("<str:code>/<str:token>/", join.join_token, name="join-token"),
]
