"""Request bodies are refused (413) by route size before they are read.

Daphne (through Twisted) receives a whole request body before it calls the
application, and then hands it over in one burst: an ASGI middleware sees the first
byte only after the last one is in memory. So the limit works at two levels:

1. `LimitedWebRequest`, Daphne's request class with a limit: it looks at the request
   line and `Content-Length` as soon as the headers are in, answers 413 at once and
   discards the rest; a chunked body is counted as it arrives and cut off the same
   way. `install_daphne_limits()` (called from `config/asgi.py`) puts it in place.
2. `BodyLimitMiddleware`, the same rule as ASGI middleware, for any other server.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE and the services' own size checks stay behind
them as a second line. Limits: `SANAKSME_BODY_LIMITS` (route pattern → bytes, first
match wins) and `SANAKSME_MAX_FORM_BYTES` for every other route.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, cast

from django.conf import settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[..., Awaitable[None]]

# Plain text, so no template or translation machinery runs before the refusal.
REFUSAL = (b"The request is too large for this address. / "
           b"Piepras\xc4\x81jums \xc5\xa1ai adresei ir p\xc4\x81r\xc4\x81k liels.\n")
LINGER_SECONDS = 2.0  # keep reading (and dropping) so the client sees the 413


@functools.cache
def _routes(table: tuple[tuple[str, int], ...]) -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(pattern), limit) for pattern, limit in table)


def body_limit(path: str) -> int:
    """The largest request body accepted for `path` (bytes)."""
    table = tuple((str(p), int(n)) for p, n in settings.SANAKSME_BODY_LIMITS)
    for pattern, limit in _routes(table):
        if pattern.match(path):
            return limit
    return int(settings.SANAKSME_MAX_FORM_BYTES)


def _path_of(target: bytes) -> str:
    path = target.split(b"?", 1)[0]
    if path.startswith((b"http://", b"https://")):  # absolute-form request target
        path = b"/" + path.split(b"/", 3)[-1] if path.count(b"/") >= 3 else b"/"
    return path.decode("latin-1")


# Daphne -------------------------------------------------------------------------------


def _lazy_body(queue: Any, request: Any) -> None:
    """Keep the body chunks waiting in the application's input queue as offsets into
    the request's spooled body (a temporary file past 100 kB), read when the app asks.

    Daphne reads the whole body into the queue in one loop before the application
    runs; an upload within its route's limit (hundreds of MB for a video) would
    otherwise sit in memory whole.
    """
    pending = queue._queue  # the deque behind asyncio.Queue's _put/_get hooks

    def put(item: Message) -> None:
        body = item.get("body") if item.get("type") == "http.request" else None
        if body:
            item = {"type": "http.request", "more_body": item.get("more_body", False),
                    "_at": request.content.tell() - len(body), "_len": len(body)}
        pending.append(item)

    def get() -> Message:
        item: Message = pending.popleft()
        if "_len" in item:
            try:
                request.content.seek(item["_at"])
                body = request.content.read(item["_len"])
            except (ValueError, OSError):  # the connection went and took the file
                body = b""
            item = {"type": "http.request", "body": body, "more_body": item["more_body"]}
        return item

    queue._put, queue._get = put, get


class _LazyBodyServer:
    """Daphne's server as one request sees it: its application queue reads the body
    lazily (`_lazy_body`); everything else is the server itself."""

    def __init__(self, server: Any, request: Any) -> None:
        self._server, self._request = server, request

    def __getattr__(self, name: str) -> Any:
        return getattr(self._server, name)

    def create_application(self, protocol: Any, scope: Any) -> Any:
        queue = self._server.create_application(protocol, scope)
        if queue is not None:
            _lazy_body(queue, self._request)
        return queue


def _limited_request_class() -> type:
    from daphne.http_protocol import WebRequest
    from twisted.internet import reactor

    class LimitedWebRequest(WebRequest):  # type: ignore[misc]
        """Daphne's request, refusing a body larger than the route's limit unread."""

        _refused = False
        _received = 0
        _limit = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # Twisted would read a whole multipart or urlencoded body into memory and
            # parse it into `args` (about 12x its size) before Daphne runs; Daphne
            # never reads `args`, and Django parses the body itself, uploads to disk.
            self._parsePOSTFormSubmission = False
            server = getattr(self, "server", None)
            if server is not None:
                self.server = _LazyBodyServer(server, self)

        def gotLength(self, length: int | None) -> None:  # noqa: N802 (Twisted API)
            self._limit = body_limit(_path_of(getattr(self.channel, "_path", b"/")))
            if length is not None and length > self._limit:
                self._refuse()
                return
            super().gotLength(length)

        def handleContentChunk(self, data: bytes) -> None:  # noqa: N802 (Twisted API)
            if self._refused:
                return
            self._received += len(data)
            if self._received > self._limit:
                self._refuse()
                return
            super().handleContentChunk(data)

        def requestReceived(self, command: bytes, path: bytes,  # noqa: N802
                            version: bytes) -> None:
            if not self._refused:
                super().requestReceived(command, path, version)

        def _refuse(self) -> None:
            self._refused = True
            self.content = io.BytesIO()  # nothing more is kept
            self.requestHeaders.removeHeader(b"Expect")  # no "100 Continue" after this
            transport = self.channel.transport
            if transport is None:
                return
            transport.write(
                b"HTTP/1.1 413 Content Too Large\r\n"
                b"Content-Type: text/plain; charset=utf-8\r\n"
                b"Content-Length: " + str(len(REFUSAL)).encode() + b"\r\n"
                b"Connection: close\r\n\r\n" + REFUSAL)
            # Half-close: the answer goes out while the rest of the body is read and
            # dropped; after a short linger the connection is cut.
            if hasattr(transport, "loseWriteConnection"):
                transport.loseWriteConnection()
            else:
                transport.loseConnection()
            cast(Any, reactor).callLater(LINGER_SECONDS, transport.abortConnection)

    return LimitedWebRequest


def install_daphne_limits() -> None:
    """Make Daphne build `LimitedWebRequest`s (its HTTP factory looks the class up by
    name in `daphne.http_protocol` for every connection)."""
    from daphne import http_protocol

    if not getattr(http_protocol.WebRequest, "_sanaksme_limited", False):
        limited = _limited_request_class()
        setattr(limited, "_sanaksme_limited", True)  # noqa: B010 (a marker on a class)
        http_protocol.WebRequest = limited


# ASGI ---------------------------------------------------------------------------------


class BodyTooLarge(Exception):  # noqa: N818 (a verdict, not a failure)
    pass


class BodyLimitMiddleware:
    """ASGI middleware: 413 when Content-Length, or the bytes streamed so far, exceed
    the route's limit (for servers that stream bodies; Daphne is limited above)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = body_limit(scope.get("path", "/"))
        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length" and value.strip().isdigit() \
                    and int(value) > limit:
                await _send_413(send)
                return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            if not started:
                await _send_413(send)


async def _send_413(send: Send) -> None:
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(REFUSAL)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": REFUSAL})
