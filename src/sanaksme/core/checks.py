"""System checks of the hosted mode (`sanaksme check`; registered in core/apps.py).

Several web processes (`SANAKSME_WORKERS` > 1) must share what one process keeps in
memory in the embedded mode: the channel layer (a note sent to one worker reaches the
phones on the others only through Redis), the cache (rate limits, join throttles) and
the database (SQLite's single writer). docs/operations.md, "System checks".
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register


def _workers() -> int:
    value = getattr(settings, "SANAKSME_WORKERS", 1)
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


@register()
def check_workers(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W001: several workers with the in-memory channel layer; W002: with a cache in
    each process's memory; E001: several workers on SQLite."""
    workers = _workers()
    if workers <= 1:
        return []
    messages: list[CheckMessage] = []
    layer = str(settings.CHANNEL_LAYERS.get("default", {}).get("BACKEND", ""))
    if "redis" not in layer.lower():
        messages.append(Warning(
            f"SANAKSME_WORKERS is {workers} but the channel layer lives in one "
            "process's memory: phones on one worker would not see notes sent on "
            "another.",
            hint="Set REDIS_URL (docs/deploy.md), or run one worker.",
            id="sanaksme.W001"))
    cache = str(settings.CACHES.get("default", {}).get("BACKEND", ""))
    if "locmem" in cache.lower() or "filebased" in cache.lower():
        messages.append(Warning(
            f"SANAKSME_WORKERS is {workers} but the cache is per process: each worker "
            "would count wrong join codes and rate limits on its own.",
            hint="Set REDIS_URL (docs/deploy.md), or run one worker.",
            id="sanaksme.W002"))
    engine = str(settings.DATABASES.get("default", {}).get("ENGINE", ""))
    if "sqlite" in engine:
        messages.append(Error(
            f"SANAKSME_WORKERS is {workers} but the database is SQLite, which has one "
            "writer at a time and lives on one machine.",
            hint="Set DATABASE_URL to a PostgreSQL database (docs/deploy.md), or run "
                 "one worker.",
            id="sanaksme.E001"))
    return messages
