"""`sanaksme serve`: run the ASGI app (HTTP + WebSockets) with Daphne."""

from __future__ import annotations

import argparse
from typing import Any

from daphne.cli import CommandLineInterface
from daphne.endpoints import build_endpoint_description_strings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from sanaksme.core.deploy import LISTEN_BACKLOG

# Seconds a WebSocket handshake may wait to be accepted (Daphne's default is 5).
WEBSOCKET_CONNECT_TIMEOUT_S = 60


class Command(BaseCommand):
    help = "Serve Sanāksme (HTTP and WebSockets) with Daphne."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--host", default="127.0.0.1",
                            help="Use 0.0.0.0 to let phones on the local Wi-Fi join.")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-collectstatic", action="store_false", dest="collectstatic",
            help="Do not collect static files first: with several workers run "
                 "`sanaksme collectstatic` once before starting them (docs/deploy.md).")

    def handle(self, *args: Any, **options: Any) -> None:
        # Collected, compressed static files: small pages for phones on bad Wi-Fi.
        # Several workers starting at once would race to rewrite the same files.
        if options["collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        # Behind a proxy no Daphne --proxy-headers: it would take the client's address
        # from the left of X-Forwarded-For, which the client writes itself. The app reads
        # that header from the right, trusting SANAKSME_TRUSTED_PROXIES hops
        # (core/clients.py), and the scheme from X-Forwarded-Proto when
        # SANAKSME_BEHIND_PROXY is set (settings/production.py).
        # The address as Daphne's -b/-p would give it, with room for a room of phones
        # whose connections wait to be accepted (Twisted's default backlog is 50).
        endpoint = build_endpoint_description_strings(options["host"], options["port"])[0]
        CommandLineInterface().run(
            ["-e", f"{endpoint}:backlog={LISTEN_BACKLOG}",
             # Daphne drops a WebSocket whose handshake is not accepted within 5 s. When
             # a whole room joins at once the handshakes queue up; past 5 s every one
             # still waiting was dropped together (2,001 phones at once: 232 connected).
             # Waiting longer lets the queue drain (docs/performance.md).
             "--websocket_connect_timeout", str(WEBSOCKET_CONNECT_TIMEOUT_S),
             # No Daphne access log: it writes each client's address and the whole
             # path (join codes, the projector's token, query strings) to stdout. The
             # app logs one line per request and socket without them (core/logs.py).
             "--verbosity", "0",
             "sanaksme.config.asgi:application"]
        )
