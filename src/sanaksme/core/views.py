"""Health (`/healthz`: the process answers and its database too) and readiness
(`/readyz`: everything a worker needs is reachable). docs/operations.md."""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.utils import load_backend
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

log = logging.getLogger("sanaksme.readiness")

# Each check gets this long; they run side by side, so /readyz answers within it.
CHECK_TIMEOUT_S = 2.0
OK = "ok"
NOT_USED = "not used"


def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness for scripts and load balancers: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"ok": True})


@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when the database, Redis (cache and channel layer, when used) and
    the job queue are reachable, else 503. Each check is bounded in time; the answer
    names what failed by kind, never a host, a user or a password:

        {"ready": false, "checks": {"database": "ok", "cache": "ok",
         "channel_layer": "ok", "queue": "failed: ConnectionError"}}
    """
    results = run_checks(readiness_checks(), CHECK_TIMEOUT_S)
    ready = all(result in (OK, NOT_USED) for result in results.values())
    response = JsonResponse({"ready": ready, "checks": results},
                            status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response


Check = Callable[[], str | None]  # None or NOT_USED when fine, else why not


def readiness_checks() -> dict[str, Check]:
    return {"database": check_database, "cache": check_cache,
            "channel_layer": check_channel_layer, "queue": check_queue}


def run_checks(checks: dict[str, Check], timeout: float) -> dict[str, str]:
    """Run the checks side by side, each in its own thread, and wait at most `timeout`
    seconds in all. A check still running then is reported as timed out (its thread
    is a daemon and ends with the connection timeouts the checks set)."""
    results: dict[str, str] = {}
    lock = threading.Lock()

    def run(name: str, check: Check) -> None:
        started = time.perf_counter()
        try:
            outcome = check()
            result = OK if outcome is None else outcome
        except Exception as exc:  # noqa: BLE001 (any failure means "not ready")
            # The exception's text may name the host or the user: the log has it,
            # the answer only its kind.
            log.warning("readiness check %s failed: %s: %s", name,
                        type(exc).__name__, exc,
                        extra={"event": "readiness", "check": name,
                               "ms": round((time.perf_counter() - started) * 1000, 1)})
            result = f"failed: {type(exc).__name__}"
        with lock:
            results[name] = result

    threads = [threading.Thread(target=run, args=(name, check), daemon=True,
                                name=f"readyz-{name}") for name, check in checks.items()]
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()))
    with lock:
        missing = [name for name in checks if name not in results]
        for name in missing:
            log.warning("readiness check %s timed out", name,
                        extra={"event": "readiness", "check": name})
        return {name: results.get(name, f"failed: no answer within {timeout:g} s")
                for name in checks}


def check_database() -> None:
    """A new connection (not this thread's kept one, which may be fine while new ones
    are refused) runs SELECT 1, then is closed."""
    params = copy.deepcopy(connections.settings[DEFAULT_DB_ALIAS])
    if "postgresql" in params["ENGINE"]:
        params.setdefault("OPTIONS", {})["connect_timeout"] = max(2, int(CHECK_TIMEOUT_S))
    params["CONN_MAX_AGE"] = 0
    wrapper = load_backend(params["ENGINE"]).DatabaseWrapper(params, DEFAULT_DB_ALIAS)
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        wrapper.close()


def _ping(location: Any) -> None:
    """PING a Redis server given as a URL, an address dict or a (host, port) pair."""
    import redis

    timeout = CHECK_TIMEOUT_S
    if isinstance(location, dict):
        options = {key: value for key, value in location.items() if key != "address"}
        options.update(socket_connect_timeout=timeout, socket_timeout=timeout)
        address = location.get("address")
        client = (redis.Redis.from_url(address, **options) if isinstance(address, str)
                  else redis.Redis(**options))
    elif isinstance(location, list | tuple):
        client = redis.Redis(host=str(location[0]), port=int(location[1]),
                             socket_connect_timeout=timeout, socket_timeout=timeout)
    else:
        client = redis.Redis.from_url(str(location), socket_connect_timeout=timeout,
                                      socket_timeout=timeout)
    try:
        client.ping()
    finally:
        client.close()


def check_cache() -> str | None:
    """The shared cache (rate limits, join throttles) when it is Redis; a cache in the
    process's memory is always there."""
    cache: dict[str, Any] = settings.CACHES["default"]
    if "redis" not in str(cache["BACKEND"]).lower():
        return NOT_USED
    locations: Any = cache["LOCATION"]
    if isinstance(locations, str):
        locations = locations.split(",")  # Django's RedisCache: "primary,replica,…"
    for location in locations:
        _ping(location)
    return None


def check_channel_layer() -> str | None:
    """The channel layer's Redis servers; the in-memory layer is always there."""
    layer = getattr(settings, "CHANNEL_LAYERS", {}).get("default", {})
    if "redis" not in str(layer.get("BACKEND", "")).lower():
        return NOT_USED
    for host in layer.get("CONFIG", {}).get("hosts", []):
        _ping(host)
    return None


def check_queue() -> str | None:
    """The job queue's broker (`sanaksme.core.jobs.queue_check`)."""
    from sanaksme.core import jobs

    reason = jobs.queue_check()
    return None if reason is None else f"failed: {reason}"
