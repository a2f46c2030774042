from django.urls import path

from . import views

app_name = "programme"

urlpatterns = [
    path("", views.meeting_list, name="meeting-list"),
    path("new/", views.meeting_create, name="meeting-create"),
    path("import/", views.meeting_import, name="meeting-import"),
    path("m/<slug:slug>/", views.meeting_detail, name="meeting-detail"),
    path("m/<slug:slug>/edit/", views.meeting_edit, name="meeting-edit"),
    path("m/<slug:slug>/programme.<str:fmt>", views.meeting_export, name="meeting-export"),
    path("m/<slug:slug>/items/new/", views.item_create, name="item-create"),
    path("m/<slug:slug>/items/params/", views.item_params, name="item-params"),
    path("m/<slug:slug>/items/<int:item_id>/", views.item_edit, name="item-edit"),
    path("m/<slug:slug>/items/<int:item_id>/move/<str:direction>/", views.item_move,
         name="item-move"),
    path("m/<slug:slug>/items/<int:item_id>/delete/", views.item_delete,
         name="item-delete"),
    path("m/<slug:slug>/days/<int:day_id>/", views.day_edit, name="day-edit"),
    path("m/<slug:slug>/sites/new/", views.site_edit, name="site-create"),
    path("m/<slug:slug>/sites/<int:site_id>/", views.site_edit, name="site-edit"),
]
