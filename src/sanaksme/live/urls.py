from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("console/m/<slug:slug>/live/", views.console, name="console"),
    path("console/m/<slug:slug>/live/current/", views.set_current_item, name="current"),
    path("projector/<slug:slug>/<str:token>/", views.projector, name="projector"),
    path("p/sw.js", views.phone_worker, name="phone-worker"),
    path("p/<str:code>/", views.phone, name="phone"),
]
