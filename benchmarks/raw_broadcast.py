"""Reference server for live_load.py: the least a WebSocket broadcast can cost here.

Every text message a client sends is broadcast, as it is, to every connected client
(the sender included): the frame is encoded once and written to each connection with
`websockets.broadcast`. Clients whose path starts with `/m/<room>/` form a room of
their own (hosted_load.py's meetings); every other path is one room. No database, no channel layer, no JSON. It listens on the
loopback only and stops by itself after `--max-seconds`.

    .venv/bin/python benchmarks/raw_broadcast.py --port 8765 --max-seconds 120
"""

from __future__ import annotations

import argparse
import asyncio
import resource

from websockets.asyncio.server import ServerConnection, broadcast, serve


def raise_open_files_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def main(host: str, port: int, max_seconds: float) -> None:
    rooms: dict[str, set[ServerConnection]] = {}

    async def handler(connection: ServerConnection) -> None:
        path = connection.request.path if connection.request else "/"
        room = path.split("/")[2] if path.startswith("/m/") else ""
        clients = rooms.setdefault(room, set())
        clients.add(connection)
        try:
            async for message in connection:
                broadcast(clients, message)
        finally:
            clients.discard(connection)

    async with serve(handler, host, port, compression=None, max_size=2**20):
        print(f"raw broadcast server listening on ws://{host}:{port}/", flush=True)
        await asyncio.sleep(max_seconds)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--max-seconds", type=float, default=300.0,
                        help="stop by itself after this long (default 300)")
    args = parser.parse_args()
    if args.host not in {"127.0.0.1", "::1", "localhost"}:
        parser.error("the reference server listens on the loopback only")
    raise_open_files_limit()
    asyncio.run(main(args.host, args.port, args.max_seconds))
