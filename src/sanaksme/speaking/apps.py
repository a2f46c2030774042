from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SpeakingConfig(AppConfig):
    name = "sanaksme.speaking"
    verbose_name = _("Speaking")
