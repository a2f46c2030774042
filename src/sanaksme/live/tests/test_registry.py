"""The registry of live actions against its documentation and the screens' code:
every action has a row in docs/events.md and is sent by some screen, and back."""

from __future__ import annotations

import re
from pathlib import Path

from sanaksme.live.actions import ACTIONS
from sanaksme.live.apps import LIVE_MODULES
from sanaksme.live.state import STATE_PARTS

ROOT = Path(__file__).resolve().parents[4]
DOCS = ROOT / "docs" / "events.md"
JS = ROOT / "src" / "sanaksme" / "static" / "js"
PROTOCOL = {"sync", "ping"}  # answered by the consumer itself, not actions


def documented_actions() -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("\n## Actions\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))


def sent_by_the_screens() -> set[str]:
    found: set[str] = set()
    for path in JS.rglob("*.js"):
        if "vendor" not in path.parts:
            found |= set(re.findall(r'action:\s*"([a-z_]+)"', path.read_text("utf-8")))
    return found - PROTOCOL


def test_every_action_has_a_row_in_the_docs_and_every_row_an_action() -> None:
    assert documented_actions() == set(ACTIONS)


def test_every_action_is_sent_by_a_screen_and_every_sent_action_exists() -> None:
    sent = sent_by_the_screens()

    assert sorted(set(ACTIONS) - sent) == [], "declared but no screen sends it"
    assert sorted(sent - set(ACTIONS)) == [], "sent by a screen but not declared"


def test_each_action_is_declared_in_the_live_module_of_its_app() -> None:
    for action in ACTIONS.values():
        assert action.handler.__module__ in LIVE_MODULES, action.name
        assert action.audiences, action.name


def test_the_state_parts_keep_the_order_the_screens_know() -> None:
    assert list(STATE_PARTS) == ["item", "easy", "sheets", "projector_view", "visit",
                                 "speaking", "presenting", "groups", "presence"]
