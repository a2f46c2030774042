from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="programme:meeting-list"), name="home"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="core/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("sanaksme.core.urls")),  # healthz, readyz
    path("console/", include("sanaksme.programme.urls")),
    path("console/", include("sanaksme.participants.urls")),
    path("console/", include("sanaksme.reports.urls")),
    path("j/", include("sanaksme.participants.join_urls")),
    path("", include("sanaksme.presenting.urls")),
    path("", include("sanaksme.live.urls")),
]
