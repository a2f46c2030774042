from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Each app declares its live actions (live/actions.py), its part of a screen's state
# (live/state.py) and what it prepares when an item opens (live/opening.py) in its own
# live.py. They are registered here, in this order (the order of the state's keys).
LIVE_MODULES = (
    "sanaksme.programme.live",
    "sanaksme.boards.live",
    "sanaksme.speaking.live",
    "sanaksme.presenting.live",
    "sanaksme.groups.live",
    "sanaksme.live.presence",
)


class LiveConfig(AppConfig):
    name = "sanaksme.live"
    verbose_name = _("Live")

    def ready(self) -> None:
        for module in LIVE_MODULES:
            import_module(module)
