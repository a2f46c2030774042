"""The system check of the hosted mode: several workers need Redis and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.core.checks import Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from sanaksme.core import checks

SQLITE = {"default": {"ENGINE": "django.db.backends.sqlite3"}}
POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql"}}
IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
REDIS_LAYER = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer"}}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_CACHE = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}


def configure(monkeypatch: pytest.MonkeyPatch, workers: Any, *, databases: Any = POSTGRES,
              layers: Any = REDIS_LAYER, caches: Any = REDIS_CACHE) -> None:
    monkeypatch.setattr(checks, "settings", SimpleNamespace(
        SANAKSME_WORKERS=workers, DATABASES=databases, CHANNEL_LAYERS=layers,
        CACHES=caches))


def ids(messages: list[Any]) -> list[tuple[type, str]]:
    return [(type(message), message.id) for message in messages]


@pytest.mark.parametrize("workers", [1, "1", 0])
def test_one_worker_is_fine_in_the_embedded_mode(monkeypatch: pytest.MonkeyPatch,
                                                 workers: Any) -> None:
    configure(monkeypatch, workers, databases=SQLITE, layers=IN_MEMORY, caches=LOCMEM)

    assert checks.check_workers() == []


def test_several_workers_with_redis_and_postgresql_are_fine(
        monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, 4)

    assert checks.check_workers() == []


def test_several_workers_without_redis_are_warned(monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, 2, layers=IN_MEMORY, caches=LOCMEM)

    messages = checks.check_workers()

    assert ids(messages) == [(Warning, "sanaksme.W001"), (Warning, "sanaksme.W002")]
    assert "phones on one worker would not see notes sent on another" in messages[0].msg
    assert "REDIS_URL" in str(messages[0].hint)


def test_several_workers_on_sqlite_are_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, 3, databases=SQLITE)

    assert ids(checks.check_workers()) == [(Error, "sanaksme.E001")]


def test_the_check_is_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, 2, databases=SQLITE, layers=IN_MEMORY, caches=LOCMEM)

    with pytest.raises(SystemCheckError) as raised:
        call_command("check")

    assert "sanaksme.E001" in str(raised.value)
    assert "sanaksme.W001" in str(raised.value)


def test_the_settings_read_sanaksme_workers(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), "SANAKSME_WORKERS": "3"}
    code = "import sanaksme.config.settings.dev as s; print(s.SANAKSME_WORKERS)"

    result = subprocess.run([sys.executable, "-c", code], env=env,  # noqa: S603
                            capture_output=True, text=True, timeout=60, check=True)

    assert result.stdout.strip() == "3"
