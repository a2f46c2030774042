"""WebSocket routes: one consumer per audience."""

from django.urls import path

from . import consumers

websocket_urlpatterns = [
    path("ws/console/<slug:slug>/", consumers.ConsoleConsumer.as_asgi()),
    path("ws/projector/<slug:slug>/<str:token>/", consumers.ProjectorConsumer.as_asgi()),
    path("ws/phone/<str:code>/", consumers.PhoneConsumer.as_asgi()),
]
