"""`/readyz`: 200 when the database, Redis (when used) and the job queue answer, 503 and
what failed otherwise; each check bounded in time, and no host, user or password in
the answer."""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

from sanaksme.core import views

SettingsWrapper = Any  # pytest-django's `settings` fixture

EMBEDDED_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMBEDDED_LAYER = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
SECRET = "s3cret-pass-word"
# A margin for a loaded two-core machine on top of the checks' own bound.
SLACK_S = 5.0


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback port that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()[1]
    server.close()


def redis_settings(settings: SettingsWrapper, url: str) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": url}}
    settings.CHANNEL_LAYERS = {"default": {
        "BACKEND": "channels_redis.core.RedisChannelLayer",
        "CONFIG": {"hosts": [{"address": url, "socket_timeout": 30}]}}}


@pytest.fixture
def embedded(settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.CACHES = EMBEDDED_CACHE
    settings.CHANNEL_LAYERS = EMBEDDED_LAYER
    monkeypatch.setattr("sanaksme.core.jobs.queue_check", lambda: None)


def ready(client: Client) -> tuple[int, dict[str, Any], str, float]:
    started = time.monotonic()
    response = client.get("/readyz")
    elapsed = time.monotonic() - started
    text = response.content.decode()
    return response.status_code, json.loads(text), text, elapsed


@pytest.mark.django_db
def test_embedded_mode_is_ready_without_redis(client: Client, embedded: None) -> None:
    status, body, _text, _s = ready(client)

    assert status == 200
    assert body == {"ready": True, "checks": {"database": "ok", "cache": "not used",
                                              "channel_layer": "not used", "queue": "ok"}}


@pytest.mark.django_db
def test_hosted_mode_pings_the_cache_and_the_channel_layer(
        client: Client, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch) -> None:
    pinged: list[Any] = []
    monkeypatch.setattr(views, "_ping", pinged.append)
    monkeypatch.setattr("sanaksme.core.jobs.queue_check", lambda: None)
    redis_settings(settings, "redis://cache.example:6379/5")

    status, body, _text, _s = ready(client)

    assert status == 200
    assert body["checks"] == {"database": "ok", "cache": "ok", "channel_layer": "ok",
                              "queue": "ok"}
    assert sorted(map(str, pinged)) == sorted([
        "redis://cache.example:6379/5",
        str({"address": "redis://cache.example:6379/5", "socket_timeout": 30})])


@pytest.mark.django_db
def test_redis_down_is_503_without_the_host_or_the_password(
        client: Client, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanaksme.core.jobs.queue_check", lambda: None)
    redis_settings(settings, f"redis://:{SECRET}@127.0.0.1:{closed_port()}/5")

    status, body, text, elapsed = ready(client)

    assert status == 503
    assert body["ready"] is False
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("failed: ")
    assert body["checks"]["channel_layer"].startswith("failed: ")
    assert SECRET not in text
    assert "127.0.0.1" not in text
    assert elapsed < views.CHECK_TIMEOUT_S + SLACK_S


@pytest.mark.django_db
def test_a_redis_that_never_answers_is_503_within_the_bound(
        client: Client, settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch,
        silent_server: int) -> None:
    monkeypatch.setattr("sanaksme.core.jobs.queue_check", lambda: None)
    redis_settings(settings, f"redis://127.0.0.1:{silent_server}/5")

    status, body, _text, elapsed = ready(client)

    assert status == 503
    assert body["checks"]["cache"].startswith("failed: ")
    assert elapsed < views.CHECK_TIMEOUT_S + SLACK_S


@pytest.mark.django_db
def test_an_unreachable_database_is_503_without_its_name_or_host(
        client: Client, embedded: None, monkeypatch: pytest.MonkeyPatch) -> None:
    params = dict(connections.settings[DEFAULT_DB_ALIAS])
    if "sqlite" in params["ENGINE"]:
        params["NAME"] = f"/nonexistent-{SECRET}/db.sqlite3"
    else:
        params.update(HOST="127.0.0.1", PORT=str(closed_port()), PASSWORD=SECRET)

    class Connections:
        settings = {DEFAULT_DB_ALIAS: params}

    monkeypatch.setattr(views, "connections", Connections())

    status, body, text, elapsed = ready(client)

    assert status == 503
    assert body["checks"]["database"].startswith("failed: ")
    assert body["checks"]["queue"] == "ok"
    assert SECRET not in text
    assert "127.0.0.1" not in text
    assert elapsed < views.CHECK_TIMEOUT_S + SLACK_S


@pytest.mark.django_db
def test_the_queue_s_reason_is_given(client: Client, embedded: None,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanaksme.core.jobs.queue_check",
                        lambda: "job broker unreachable: ConnectionError")

    status, body, _text, _s = ready(client)

    assert status == 503
    assert body["checks"]["queue"] == "failed: job broker unreachable: ConnectionError"


@pytest.mark.django_db
def test_a_check_that_hangs_is_cut_off(client: Client, embedded: None,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()

    def hang() -> None:
        release.wait(60)

    monkeypatch.setattr("sanaksme.core.jobs.queue_check", hang)
    try:
        status, body, _text, elapsed = ready(client)
    finally:
        release.set()

    assert status == 503
    assert body["checks"]["queue"].startswith("failed: no answer within")
    assert body["checks"]["database"] == "ok"
    assert elapsed < views.CHECK_TIMEOUT_S + SLACK_S


@pytest.mark.django_db
def test_an_exception_in_a_check_is_not_ready(client: Client, embedded: None,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError(f"redis://:{SECRET}@queue.example")

    monkeypatch.setattr("sanaksme.core.jobs.queue_check", broken)

    status, body, text, _s = ready(client)

    assert status == 503
    assert body["checks"]["queue"] == "failed: RuntimeError"
    assert SECRET not in text


@pytest.mark.django_db
def test_readyz_only_answers_get_and_head(client: Client, embedded: None) -> None:
    assert client.head("/readyz").status_code == 200
    assert client.post("/readyz").status_code in (403, 405)


@pytest.mark.skipif(not os.environ.get("REDIS_URL"),
                    reason="scale-out suite: needs Redis (REDIS_URL)")
@pytest.mark.django_db
def test_a_real_redis_is_ready(client: Client, settings: SettingsWrapper,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sanaksme.core.jobs.queue_check", lambda: None)
    redis_settings(settings, "redis://127.0.0.1:6379/5")

    status, body, _text, _s = ready(client)

    assert (status, body["checks"]["cache"], body["checks"]["channel_layer"]) == (
        200, "ok", "ok")


@pytest.mark.skipif(not os.environ.get("REDIS_URL"),
                    reason="scale-out suite: needs Redis (REDIS_URL)")
@pytest.mark.django_db
def test_the_configured_services_are_ready(client: Client) -> None:
    """The suite's own settings (PostgreSQL, Redis, the real queue_check) are ready."""
    status, body, _text, _s = ready(client)

    assert status == 200, body
