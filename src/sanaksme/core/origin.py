"""WebSockets only from our own pages: the Origin must be the address asked for.

Channels' `AllowedHostsOriginValidator` compares the Origin with ALLOWED_HOSTS; with
the embedded default `*` it lets any page (another port on the same laptop, a site on
the hall's Wi-Fi) open a socket with the facilitator's cookie. Here the Origin's host
and port must equal the request's Host header (same origin), or the whole origin must
be listed in `SANAKSME_WS_ALLOWED_ORIGINS` (e.g. behind a proxy that rewrites Host).
A socket without an Origin is refused: every browser sends one.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from channels.security.websocket import WebsocketDenier
from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def _header(scope: dict[str, Any], name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1").strip()
    return None


def _host_port(netloc: str, scheme: str) -> tuple[str, int] | None:
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        port = parts.port or DEFAULT_PORTS.get(scheme)
    except ValueError:
        return None
    if not parts.hostname or port is None:
        return None
    return parts.hostname.lower(), port


def same_origin(origin: str | None, host: str | None, *, secure: bool = False) -> bool:
    """True if `origin` (scheme://host[:port]) names the same host and port as the Host
    header, or is listed in SANAKSME_WS_ALLOWED_ORIGINS."""
    if not origin or origin == "null":
        return False
    allowed = {o.rstrip("/").lower() for o in settings.SANAKSME_WS_ALLOWED_ORIGINS}
    if origin.rstrip("/").lower() in allowed:
        return True
    if not host:
        return False
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or parts.path not in ("", "/"):
        return False
    theirs = _host_port(parts.netloc, parts.scheme)
    ours = _host_port(host, "https" if secure else parts.scheme)
    return theirs is not None and theirs == ours


class SameOriginValidator:
    """ASGI middleware for WebSocket scopes: refuse a socket from another origin."""

    def __init__(self, application: Any) -> None:
        self.application = application

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if scope["type"] == "websocket" and not same_origin(
                _header(scope, b"origin"), _header(scope, b"host"),
                secure=scope.get("scheme") == "wss"):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)
