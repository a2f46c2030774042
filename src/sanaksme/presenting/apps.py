from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresentingConfig(AppConfig):
    name = "sanaksme.presenting"
    verbose_name = _("Presenting")
