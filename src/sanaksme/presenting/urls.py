from django.urls import path

from . import views

app_name = "presenting"

urlpatterns = [
    path("console/m/<slug:slug>/items/<int:item_id>/materials/", views.materials,
         name="materials"),
    path("console/m/<slug:slug>/items/<int:item_id>/materials/<str:kind>/<int:pk>/remove/",
         views.remove, name="remove"),
    path("console/m/<slug:slug>/media/<path:key>", views.console_file, name="console-file"),
    path("projector/<slug:slug>/<str:token>/media/<path:key>", views.projector_file,
         name="projector-file"),
]
