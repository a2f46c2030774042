"""ASGI entry point: HTTP through Django, WebSockets through Channels.

Request bodies are limited by route before they are read (`core.asgi_limits`, in
Daphne itself and as middleware); sockets must come from our own origin
(`core.origin`).
"""

import os

from django.core.asgi import get_asgi_application

from sanaksme.config.environment import environment, prepare_data_dir, settings_module

os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module())
prepare_data_dir(generate_secret_key=environment() != "production")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from sanaksme.core.asgi_limits import (  # noqa: E402
    BodyLimitMiddleware,
    install_daphne_limits,
)
from sanaksme.core.origin import SameOriginValidator  # noqa: E402
from sanaksme.live.routing import websocket_urlpatterns  # noqa: E402

install_daphne_limits()

application = ProtocolTypeRouter(
    {
        "http": BodyLimitMiddleware(django_asgi_app),
        # Sessions and the user are resolved per route (live/routing.py).
        "websocket": SameOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)
