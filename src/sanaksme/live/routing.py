"""WebSocket routes: one consumer per audience, each with only the middleware it needs.

Only the console needs the logged-in user: resolving it costs a database step per
connection, which a room of phones joining at once would queue behind each other
(docs/performance.md, "The 2,000-phone connect cliff"). A phone needs its session,
read in the same step as its admission; a projector proves itself by its token.
"""

from channels.auth import AuthMiddlewareStack
from channels.sessions import SessionMiddlewareStack
from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/console/<slug:slug>/", AuthMiddlewareStack(consumers.ConsoleConsumer.as_asgi())),
    path("ws/projector/<slug:slug>/<str:token>/", consumers.ProjectorConsumer.as_asgi()),
    path("ws/phone/<str:code>/", SessionMiddlewareStack(consumers.PhoneConsumer.as_asgi())),
]
