"""Nothing a phone saw acknowledged is lost when the server is killed and restarted."""

from __future__ import annotations

import asyncio
import json
from functools import partial
from typing import Any

from channels.testing import ChannelsLiveServerTestCase
from channels.testing.live import make_application, set_database_connection

from sanaksme.boards.models import Note
from sanaksme.boards.services import sheets_ensure
from sanaksme.participants.models import Participant
from sanaksme.participants.tests.factories import phone_session
from sanaksme.programme.models import AgendaItem
from sanaksme.programme.services import meeting_set_current_item
from sanaksme.programme.tests.demo import demo_get_or_import

from .conftest import in_thread


def _prepare() -> dict[str, Any]:
    meeting = demo_get_or_import()
    item = AgendaItem.objects.get(day__meeting=meeting, method="brainstorm")
    meeting_set_current_item(meeting=meeting, item=item)
    sheet = sheets_ensure(item=item)[0]
    person = Participant.objects.filter(meeting=meeting, category="regional_expert").first()
    assert person is not None
    return {"code": meeting.join_code, "sheet": sheet.pk, "cookie": phone_session(person)}


async def _exchange(url: str, cookie: str, message: dict[str, Any] | None) -> list[Any]:
    import websockets

    headers = {"Cookie": f"sessionid={cookie}", "Origin": url.replace("ws://", "http://")}
    replies = []
    async with websockets.connect(f"{url}/ws/phone/{(message and message.get('code')) or ''}/",
                                  additional_headers=headers) as ws:
        replies.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        if message and "note" in message:
            await ws.send(json.dumps(message["note"]))
            while True:  # the note's own event may come before the ack
                reply = json.loads(await asyncio.wait_for(ws.recv(), 10))
                if reply["type"] in ("ack", "error"):
                    replies.append(reply)
                    break
    return replies


class TestRestart(ChannelsLiveServerTestCase):
    serve_static = False

    def _restart_server(self) -> None:
        cls = type(self)
        cls._server_process.terminate()
        cls._server_process.join()
        cls._server_process = cls.ProtocolServerProcess(
            cls.host, partial(make_application, static_wrapper=None),
            setup=set_database_connection)
        cls._server_process.start()
        if not cls._server_process.ready.wait(timeout=60):
            raise RuntimeError("the server did not come back")
        cls._port = cls._server_process.port.value

    def _talk(self, data: dict[str, Any], client_id: str | None) -> list[Any]:
        note = None
        if client_id:
            note = {"action": "note_submit", "client_id": client_id, "sheet": data["sheet"],
                    "column": "problem", "text": f"piezīme {client_id}"}
        message = {"code": data["code"], **({"note": note} if note else {})}
        return in_thread(lambda: asyncio.run(
            _exchange(self.live_server_ws_url, data["cookie"], message)))

    def test_acknowledged_note_survives_a_restart_and_is_kept_once(self) -> None:
        data = in_thread(_prepare)
        first = self._talk(data, "c-1")[1]

        self._restart_server()

        state = self._talk(data, None)[0]
        second = self._talk(data, "c-2")[1]
        again = self._talk(data, "c-1")[1]
        assert first["type"] == "ack"
        assert [n["id"] for n in state["sheets"][0]["notes"]] == [first["note_id"]]
        assert second["type"] == "ack"
        assert again["note_id"] == first["note_id"]
        assert in_thread(lambda: Note.objects.count()) == 2
