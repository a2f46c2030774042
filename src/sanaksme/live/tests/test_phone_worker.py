"""The phone's service worker (/p/sw.js): scope, type, what it keeps, and its version."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from sanaksme.live import views
from sanaksme.participants.identity import device_for, participant_bind
from sanaksme.participants.models import Participant
from sanaksme.participants.selectors import session_key
from sanaksme.programme.tests.demo import demo_get_or_import

pytestmark = pytest.mark.django_db


def _settings(body: str) -> dict[str, object]:
    first = body.split("\n", 1)[0]
    found = re.fullmatch(r"self\.SANAKSME_WORKER = (\{.*\});", first)
    assert found, first
    parsed: dict[str, object] = json.loads(found.group(1))
    return parsed


def test_the_worker_is_javascript_whose_scope_covers_the_phone_pages(client: Client) -> None:
    response = client.get("/p/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/p/"
    assert response["Cache-Control"] == "no-cache"
    assert "worker-src 'self'" in response["Content-Security-Policy"]


def test_the_worker_keeps_the_phone_assets_and_nothing_else(client: Client) -> None:
    own = _settings(client.get("/p/sw.js").content.decode())

    assets = own["assets"]
    assert isinstance(assets, list)
    assert "/static/js/live/phone.js" in assets
    assert "/static/js/live/visit.js" in assets
    assert "/static/js/live/easy/boards.js" in assets  # fetched by the simple view only
    assert "/static/css/phone.css" in assets
    assert not [a for a in assets if "console" in a or "projector" in a]
    assert own["scope"] == "/p/"


def test_the_version_follows_the_assets(monkeypatch: pytest.MonkeyPatch) -> None:
    before = _settings(views._phone_worker_source())["version"]
    real = views._static_bytes
    monkeypatch.setattr(views, "_static_bytes",
                        lambda path: real(path) + (b"//" if path == "css/phone.css" else b""))

    after = _settings(views._phone_worker_source())["version"]

    assert before != after


def test_the_phone_page_registers_the_worker(client: Client) -> None:
    meeting = demo_get_or_import()
    person = next(p for p in Participant.objects.filter(meeting=meeting) if not p.needs_consent)
    session = client.session
    participant_bind(participant=person, device=device_for(session))
    session[session_key(meeting)] = person.pk
    session.save()

    response = client.get(f"/p/{meeting.join_code}/")

    config = re.search(r'<script id="live-config" type="application/json">(.*?)</script>',
                       response.content.decode(), re.S)
    assert config
    assert json.loads(config.group(1))["sw"] == "/p/sw.js"
