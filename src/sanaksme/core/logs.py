"""Structured logs: one line per HTTP request, WebSocket and job, with the meeting.

`LOG_FORMAT=json` (the production default) writes one JSON object per line: `time`
(UTC, ISO 8601), `level`, `logger`, `message` and the record's `extra` fields;
`LOG_FORMAT=text` (the laptop default) writes the same as a readable line with the
fields as `key=value`. `logging_config()` builds the `LOGGING` setting.

What is never logged: a participant's text or name, a cookie, a session key, a join
code, a token, a query string or a client address. A request line names the URL
*pattern* (`j/<str:code>/`), never the path it matched; Django's own error lines get
the same treatment (`RequestPathFilter`). See docs/operations.md, "Logs".

This module is imported by the settings: it imports nothing from Django at the top.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

REQUESTS = logging.getLogger("sanaksme.requests")
SOCKETS = logging.getLogger("sanaksme.sockets")

# Attributes every LogRecord has: anything else on a record came from `extra`.
_RECORD_ATTRS = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", None, None))
) | {"message", "asctime", "taskName"}
# Put on records by Django, never logged: the request carries the path, cookies, headers.
_NEVER = frozenset({"request", "scope"})
_FIRST = ("time", "level", "logger", "message")
# Loggers whose DEBUG lines carry paths, addresses or query parameters.
NEVER_DEBUG = ("daphne", "django.template", "django.db.backends", "django.channels")


def _json_safe(value: Any, depth: int = 0) -> tuple[bool, Any]:
    """(True, value) for plain JSON data (nested at most 4 deep), else (False, None)."""
    if value is None or isinstance(value, str | bool | int | float):
        return True, value
    if depth < 4 and isinstance(value, list | tuple):
        items = [_json_safe(item, depth + 1) for item in value]
        if all(ok for ok, _item in items):
            return True, [item for _ok, item in items]
    if depth < 4 and isinstance(value, dict) and all(isinstance(k, str) for k in value):
        pairs = {key: _json_safe(item, depth + 1) for key, item in value.items()}
        if all(ok for ok, _item in pairs.values()):
            return True, {key: item for key, (_ok, item) in pairs.items()}
    return False, None


def extra_fields(record: logging.LogRecord) -> dict[str, Any]:
    """The record's `extra` fields that are plain JSON data (objects are left out:
    their text could be anything, e.g. a request with its path and cookies)."""
    fields: dict[str, Any] = {}
    for key, value in vars(record).items():
        if key in _RECORD_ATTRS or key in _NEVER or key.startswith("_") or key in _FIRST:
            continue
        ok, plain = _json_safe(value)
        if ok:
            fields[key] = plain
    return fields


def _time(record: logging.LogRecord) -> str:
    moment = dt.datetime.fromtimestamp(record.created, tz=dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, then the extra fields
    (and `exception` with the traceback when there is one)."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **extra_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _text_value(value: Any) -> str:
    if isinstance(value, str) and value and not any(c in value for c in ' "=\n'):
        return value
    return json.dumps(value, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """`2025-01-26T10:07:30.123Z INFO sanaksme.requests GET … 200 method=GET …`:
    the JSON line's content on one readable line (fields without a value left out)."""

    def format(self, record: logging.LogRecord) -> str:
        fields = " ".join(f"{key}={_text_value(value)}"
                          for key, value in extra_fields(record).items()
                          if value is not None)
        line = f"{_time(record)} {record.levelname} {record.name} {record.getMessage()}"
        if fields:
            line = f"{line} {fields}"
        if record.exc_info:
            line = f"{line}\n{self.formatException(record.exc_info)}"
        if record.stack_info:
            line = f"{line}\n{self.formatStack(record.stack_info)}"
        return line


def route_of(request: Any) -> tuple[str | None, str | None]:
    """(URL pattern, view name) of a resolved request, e.g. ("j/<str:code>/",
    "join-meeting"); (None, None) when no URL pattern matched."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None, None
    return match.route or None, match.view_name or None


def meeting_of(request: Any) -> str | None:
    """The meeting's short name when the URL pattern has one (`<slug:slug>`)."""
    match = getattr(request, "resolver_match", None)
    slug = match.kwargs.get("slug") if match is not None else None
    return slug if isinstance(slug, str) else None


# Codes and tokens in paths (a join code, a phone's code, the projector's token) and
# query strings, as they appear in a library's message ("uri=/p/AB12CD/?x=1").
_SECRET_PATHS = re.compile(
    r"(?P<prefix>/(?:j|p)/)[^\s/'\"<>]+(?:/[^\s/'\"<>]+)?"
    r"|(?P<projector>/projector/[^\s/'\"<>]+/)[^\s/'\"<>]+"
    r"|\?[^\s'\"<>]*")


def scrub(text: str) -> str:
    """`text` with the codes and tokens in paths and any query string replaced by "…"."""
    def replace(match: re.Match[str]) -> str:
        kept = match.group("prefix") or match.group("projector") or ""
        return f"{kept}…"

    return _SECRET_PATHS.sub(replace, text)


class RequestPathFilter(logging.Filter):
    """Django's own request lines ("Not Found: /j/ABC123/", "Internal Server Error:
    /p/…/") carry the path, which may hold a join code or a phone's code: the path is
    replaced by the URL pattern it matched (or "-"). A line of Daphne's (which names
    the connection with its path) has codes, tokens and query strings cut out."""

    def filter(self, record: logging.LogRecord) -> bool:
        request: Any = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if path and isinstance(record.args, tuple):
            route, view = route_of(request)
            full = getattr(request, "get_full_path", lambda: path)()
            record.args = tuple(
                (route or "-") if arg in (path, full) else arg for arg in record.args)
            if view:
                record.view = view
        if record.name.startswith("daphne"):
            record.msg, record.args = scrub(record.getMessage()), ()
        return True


def logging_config(level: str = "INFO", fmt: str = "json") -> dict[str, Any]:
    """The `LOGGING` setting: everything to stderr at `level`, as JSON lines (`json`)
    or readable text (`text`). Django's request warnings (404s, 403s) are left to the
    request lines; its errors (500s) stay, with the path replaced by the route."""
    formatter = "text" if fmt.strip().lower() == "text" else "json"
    level = level.strip().upper() or "INFO"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {"()": "sanaksme.core.logs.JsonFormatter"},
            "text": {"()": "sanaksme.core.logs.TextFormatter"},
        },
        "filters": {"request_path": {"()": "sanaksme.core.logs.RequestPathFilter"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": formatter,
                        "filters": ["request_path"]},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django adds its own handlers to "django" (mail_admins, console when
            # DEBUG); ours replace them, and its records reach the root's handler.
            "django": {"handlers": [], "propagate": True},
            "django.request": {"level": "ERROR"},
            # Never at DEBUG, even when everything else is: Daphne logs every HTTP and
            # WebSocket request with its path and the client's address, the template
            # engine each missing variable with the request's path, and the database
            # every query with its parameters (participants' names and notes).
            **{name: {"level": "INFO" if level == "DEBUG" else level}
               for name in NEVER_DEBUG},
        },
    }


def _is_static(request: Any) -> bool:
    from django.conf import settings

    static = "/" + (settings.STATIC_URL or "static/").lstrip("/")
    return bool(getattr(request, "path", "").startswith(static))


def log_request(request: HttpRequest, status: int, started: float) -> None:
    """The line of one HTTP request (see `RequestLogMiddleware`)."""
    route, view = route_of(request)
    level = logging.INFO
    if route is None and _is_static(request):
        route, level = "static", logging.DEBUG  # phones fetch a dozen; nginx in hosting
    if not REQUESTS.isEnabledFor(level):
        return
    method = (request.method or "-")[:10]
    ms = round((time.perf_counter() - started) * 1000, 1)
    REQUESTS.log(level, "%s %s %s %.1f ms", method, view or route or "-", status, ms,
                 extra={"event": "request", "method": method, "route": route,
                        "view": view, "status": status, "ms": ms,
                        "meeting": meeting_of(request), "pid": os.getpid()})


class RequestLogMiddleware:
    """One log line per HTTP request: method, URL pattern and view name, status,
    milliseconds until the response started, the meeting's short name when the URL has
    one, and the worker's pid. Outermost in MIDDLEWARE, so redirects and refusals of
    the middleware below are timed and logged too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        started = time.perf_counter()
        response = self.get_response(request)
        log_request(request, response.status_code, started)
        return response


def log_socket(event: str, *, meeting: str | None, audience: str,
               code: int | None = None, **fields: str | int | float | bool | None
               ) -> None:
    """One log line of a WebSocket: `event` is e.g. "connect", "refused" or "close";
    `meeting` the meeting's short name; `audience` "phone", "projector" or "console"
    (never who); `code` the close code. Extra plain fields (e.g. `ms`) are added as
    given: never a participant's text, name, code or token."""
    SOCKETS.info("socket %s %s %s", event, audience, meeting or "-",
                 extra={"event": "socket", "socket": event, "meeting": meeting,
                        "audience": str(audience), "code": code, "pid": os.getpid(),
                        **fields})
