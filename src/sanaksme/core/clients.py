"""Who a client is (its real address behind a proxy) and throttles of wrong guesses.

A throttle counts only *wrong* attempts (a wrong code, token or PIN). Two counters
keep a hall that shares one public address usable while still bounding a guesser:

- per client (address + the session's device id): a phone that guessed wrong too
  often is locked out alone; the other phones behind the same address still get in
  with the right code;
- per address: a guesser that drops its cookies to look like a new client each time
  is bounded by a larger limit for the whole address.

Limits and windows are settings (`SANAKSME_THROTTLE_*`, read in settings/base.py).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any, cast

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

DEVICE_SESSION_KEY = "sanaksme.device"


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def _forwarded_client(forwarded_for: str, remote: str) -> str:
    """The address the outermost trusted proxy saw (X-Forwarded-For, read from the right).

    With N trusted proxies in front of the server, the last N entries were written by
    them; the entry N from the right is the client. Entries further left are whatever
    the client sent, so they are never trusted.
    """
    proxies = int(getattr(settings, "SANAKSME_TRUSTED_PROXIES", 0) or 0)
    if proxies <= 0:
        return remote
    hops = [h for h in forwarded_for.split(",") if h.strip()]
    if len(hops) < proxies:
        return remote
    return _valid_ip(hops[-proxies]) or remote


def client_address(source: HttpRequest | Mapping[str, Any]) -> str:
    """The client's address, from a request or an ASGI (WebSocket) scope."""
    header = str(getattr(settings, "SANAKSME_FORWARDED_HEADER", "X-Forwarded-For"))
    if isinstance(source, HttpRequest):
        remote = str(source.META.get("REMOTE_ADDR") or "")
        forwarded = str(source.headers.get(header) or "")
    else:
        scope = cast("Mapping[str, Any]", source)
        client = scope.get("client") or ("", 0)
        remote = str(client[0] or "")
        wanted = header.lower().encode("latin-1")
        forwarded = ",".join(value.decode("latin-1") for name, value
                             in scope.get("headers") or [] if name.lower() == wanted)
    return _forwarded_client(forwarded, remote)


def session_device(session: Any) -> str:
    """This browser session's device id, or "" when it has none yet."""
    value = session.get(DEVICE_SESSION_KEY) if session is not None else None
    return value if isinstance(value, str) else ""


class Throttle:
    """Counts wrong attempts per client and per address within a window (cache-backed)."""

    def __init__(self, name: str) -> None:
        self.name = name

    @property
    def per_client(self) -> int:
        return int(settings.SANAKSME_THROTTLE_WRONG_PER_CLIENT)

    @property
    def per_address(self) -> int:
        return int(settings.SANAKSME_THROTTLE_WRONG_PER_ADDRESS)

    @property
    def window(self) -> int:
        return int(settings.SANAKSME_THROTTLE_WINDOW)

    def _keys(self, address: str, device: str) -> tuple[str, str]:
        return (f"throttle:{self.name}:c:{address}:{device}",
                f"throttle:{self.name}:a:{address}")

    def locked(self, address: str, device: str) -> bool:
        """True once this client, or its whole address, guessed wrong too often."""
        client_key, address_key = self._keys(address, device)
        counts = cache.get_many([client_key, address_key])
        return (int(counts.get(client_key, 0)) >= self.per_client
                or int(counts.get(address_key, 0)) >= self.per_address)

    def wrong(self, address: str, device: str) -> None:
        """Count one wrong attempt for the client and its address."""
        for key in self._keys(address, device):
            count_in_window(key, self.window)


def count_in_window(key: str, window: int) -> int:
    """Add one to a cache counter that lives `window` seconds; the new count."""
    cache.add(key, 0, window)
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def within_quota(name: str, address: str, limit: int, window: int) -> bool:
    """Take one of `limit` actions allowed per address and window; False when spent."""
    key = f"quota:{name}:{address}"
    if int(cache.get(key, 0)) >= limit:
        return False
    count_in_window(key, window)
    return True
