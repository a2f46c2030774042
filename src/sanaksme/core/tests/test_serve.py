"""`sanaksme serve` starts Daphne with a handshake timeout a whole room can wait for."""

from __future__ import annotations

from typing import Any
from unittest import mock

from django.core.management import call_command

from sanaksme.core.deploy import LISTEN_BACKLOG
from sanaksme.core.management.commands.serve import WEBSOCKET_CONNECT_TIMEOUT_S


def test_serve_lets_a_queue_of_handshakes_drain() -> None:
    """Daphne's default drops every WebSocket not accepted within 5 s: 2,001 phones
    joining at once, 232 connected (docs/performance.md)."""
    with mock.patch("sanaksme.core.management.commands.serve.call_command"), \
            mock.patch("sanaksme.core.management.commands.serve.CommandLineInterface") as cli:
        call_command("serve", "--port", "8123")

    argv: list[Any] = cli.return_value.run.call_args.args[0]
    assert argv[argv.index("--websocket_connect_timeout") + 1] == str(
        WEBSOCKET_CONNECT_TIMEOUT_S)
    assert WEBSOCKET_CONNECT_TIMEOUT_S >= 30
    assert argv[-1] == "sanaksme.config.asgi:application"


def test_serve_collects_static_files_unless_told_not_to() -> None:
    """Several workers behind nginx start at once: static files are collected once
    before them (docs/deploy.md), not by each worker racing the others."""
    for argv, collected in ((["--port", "8123"], True),
                            (["--port", "8123", "--no-collectstatic"], False)):
        with mock.patch("sanaksme.core.management.commands.serve.call_command") as collect, \
                mock.patch("sanaksme.core.management.commands.serve.CommandLineInterface") as cli:
            call_command("serve", *argv)
        assert collect.called is collected
        run_argv: list[Any] = cli.return_value.run.call_args.args[0]
        assert run_argv[run_argv.index("-e") + 1] == (
            f"tcp:port=8123:interface=127.0.0.1:backlog={LISTEN_BACKLOG}")
        assert "--proxy-headers" not in run_argv


def test_serve_writes_no_access_log_with_addresses_and_codes() -> None:
    """Daphne's access log (on at its default verbosity) writes the client's address and
    the path with the join code; the app's own request lines have neither."""
    with mock.patch("sanaksme.core.management.commands.serve.call_command"), \
            mock.patch("sanaksme.core.management.commands.serve.CommandLineInterface") as cli:
        call_command("serve", "--port", "8123")

    argv: list[Any] = cli.return_value.run.call_args.args[0]
    assert argv[argv.index("--verbosity") + 1] == "0"
    assert "--access-log" not in argv
