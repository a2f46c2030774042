"""The process fan-out keeps delivering after the channel layer fails once."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from sanaksme.live import fanout as fanout_module
from sanaksme.live.fanout import ProcessFanout


class FlakyLayer:
    """Fails the first receive (as Redis does with a read timeout), then delivers."""

    def __init__(self) -> None:
        self.calls = 0
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def receive(self, channel: str) -> dict[str, Any]:
        self.calls += 1
        if self.calls == 1:
            raise TimeoutError("Timeout reading from 127.0.0.1:6379")
        return await self.queue.get()


class Screen:
    def __init__(self) -> None:
        self.sent: list[str | None] = []
        self.healed = 0

    async def send(self, text_data: str | None = None) -> None:
        self.sent.append(text_data)

    async def send_state(self) -> None:
        self.healed += 1


@pytest.fixture(autouse=True)
def fresh_layer() -> None:
    """These tests use a fake layer: no shared one to flush."""


def test_a_failed_receive_heals_the_screens_and_the_pump_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    layer = FlakyLayer()
    monkeypatch.setattr(fanout_module, "get_channel_layer", lambda: layer)
    monkeypatch.setattr(fanout_module, "RETRY_FIRST", 0.01)
    fanout, screen = ProcessFanout(), Screen()
    fanout.members["meeting-1-phone"].add(screen)

    async def scenario() -> None:
        pump = asyncio.create_task(fanout._run("process-channel"))
        await layer.queue.put({"group": "meeting-1-phone", "json": '{"seq": 2}'})
        async with asyncio.timeout(10):
            while not screen.sent:
                await asyncio.sleep(0)
        pump.cancel()

    asyncio.run(scenario())

    assert screen.healed == 1
    assert screen.sent == ['{"seq": 2}']
