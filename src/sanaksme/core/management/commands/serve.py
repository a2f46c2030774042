"""`sanaksme serve`: run the ASGI app (HTTP + WebSockets) with Daphne."""

from __future__ import annotations

import argparse
from typing import Any

from daphne.cli import CommandLineInterface
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Seconds a WebSocket handshake may wait to be accepted (Daphne's default is 5).
WEBSOCKET_CONNECT_TIMEOUT_S = 60


class Command(BaseCommand):
    help = "Serve Sanāksme (HTTP and WebSockets) with Daphne."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1",
                            help="Use 0.0.0.0 to let phones on the local Wi-Fi join.")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        # Collected, compressed static files: small pages for phones on bad Wi-Fi.
        call_command("collectstatic", interactive=False, verbosity=0)
        CommandLineInterface().run(
            ["-b", options["host"], "-p", str(options["port"]),
             # Daphne drops a WebSocket whose handshake is not accepted within 5 s. When
             # a whole room joins at once the handshakes queue up; past 5 s every one
             # still waiting was dropped together (2,001 phones at once: 232 connected).
             # Waiting longer lets the queue drain (docs/performance.md).
             "--websocket_connect_timeout", str(WEBSOCKET_CONNECT_TIMEOUT_S),
             "sanaksme.config.asgi:application"]
        )
