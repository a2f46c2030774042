"""nginx in front of several `sanaksme serve` workers (docs/deploy.md).

`nginx_site` renders the site configuration an administrator installs (what
`sanaksme nginx_config` prints and `deploy/nginx.conf` keeps in the repository);
`nginx_loopback` writes a complete, self-contained nginx.conf around it for tests and
benchmarks on loopback (no TLS, every file nginx writes inside one directory).

The upload limits come from the settings (`SANAKSME_BODY_LIMITS`,
`SANAKSME_MAX_FORM_BYTES`), so the proxy refuses early what a worker would refuse
and lets through all a worker accepts. Works without configured Django settings (a
benchmark may import it first): the base settings' values are used then.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template import Context, Engine

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Passive health: after this many failed attempts within FAIL_TIMEOUT a worker is left
# out for FAIL_TIMEOUT.
MAX_FAILS = 3
FAIL_TIMEOUT = "10s"
# A WebSocket is closed by nginx after this long without a byte either way (live.js
# pings every 15 s); an HTTP answer may take this long (a slide PDF is checked and
# rendered in a child process for up to SANAKSME_PDF_WORKER_TIMEOUT, 90 s).
WS_TIMEOUT = "300s"
HTTP_TIMEOUT = "180s"
# Connections waiting to be accepted, at nginx and at each worker (`sanaksme serve`): a
# room of phones joining at once can overflow the defaults (nginx 511, Twisted 50).
LISTEN_BACKLOG = 4096

DEFAULT_UPSTREAMS = ["127.0.0.1:8001", "127.0.0.1:8002"]
DEFAULT_SERVER_NAME = "sanaksme.example.lv"
DEFAULT_STATIC_ROOT = Path("/var/www/sanaksme/static")
MIME_TYPES = Path("/etc/nginx/mime.types")

_UPSTREAM = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$|^unix:/\S+$")
_NAME = re.compile(r"^[A-Za-z0-9.*_~-]+( [A-Za-z0-9.*_~-]+)*$")


@dataclass(frozen=True)
class Route:
    pattern: str
    limit: str
    comment: str


def nginx_binary() -> str | None:
    """Debian's nginx, also when /usr/sbin is not on the PATH (a user's shell)."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((str(p) for p in (Path("/usr/sbin/nginx"), Path("/usr/local/sbin/nginx"))
                 if p.exists()), None)


def _settings() -> Any:
    from django.conf import settings

    if settings.configured:
        return settings
    from sanaksme.config.settings import base

    return base


def nginx_size(size: int) -> str:
    """A byte count as nginx writes sizes (`64k`, `50m`, or plain bytes)."""
    for suffix, unit in (("m", 1024 * 1024), ("k", 1024)):
        if size % unit == 0:
            return f"{size // unit}{suffix}"
    return str(size)


def _nginx_regex(pattern: str) -> str:
    """A Python route pattern as an nginx regex location (PCRE, in double quotes).

    The app matches with `re.match` (anchored at the start)."""
    if '"' in pattern or "\n" in pattern:
        raise ValueError(f"route pattern cannot be written for nginx: {pattern!r}")
    if not pattern.startswith("^"):
        pattern = "^" + pattern
    return pattern.replace("\\\\", "\\\\\\\\")  # nginx unescapes \\ inside quotes


def body_routes() -> tuple[int, list[Route]]:
    """The default body limit and the per-route ones, in the app's order."""
    conf = _settings()
    routes = [
        Route(_nginx_regex(str(pattern)), nginx_size(int(limit)),
              f"Up to {int(limit):,} bytes (SANAKSME_BODY_LIMITS).".replace(",", " "))
        for pattern, limit in conf.SANAKSME_BODY_LIMITS
    ]
    return int(conf.SANAKSME_MAX_FORM_BYTES), routes


def _engine() -> Engine:
    return Engine(dirs=[str(TEMPLATES)], autoescape=False, debug=False,
                  libraries={}, builtins=["django.template.defaultfilters"])


def _check_upstreams(upstreams: list[str]) -> None:
    if not upstreams:
        raise ValueError("at least one upstream (host:port) is needed")
    for upstream in upstreams:
        if not _UPSTREAM.match(upstream):
            raise ValueError(f"not an upstream host:port: {upstream!r}")


def _listen_v6(listen: str) -> str | None:
    """`[::]:443 ssl` beside `443 ssl`: a bare port listens on IPv6 too."""
    port, _, rest = listen.partition(" ")
    return f"[::]:{port}{' ' + rest if rest else ''}" if port.isdigit() else None


def nginx_site(upstreams: list[str], *, listen: str = "443 ssl", server_name: str,
               static_root: Path, media_root: Path | None = None, tls: bool = True,
               access_log: str | None = None, certificate: Path | None = None,
               certificate_key: Path | None = None) -> str:
    """The site configuration: the workers' upstream, an HTTP→HTTPS server when `tls`,
    and the server that proxies pages and WebSockets and serves static files.

    The certificate defaults to certbot's paths for the first server name."""
    _check_upstreams(upstreams)
    if not _NAME.match(server_name):
        raise ValueError(f"not a server_name: {server_name!r}")
    if tls and "ssl" not in listen.split():
        raise ValueError(f"TLS needs an ssl listener, not {listen!r}")
    form_bytes, routes = body_routes()
    first_name = server_name.split()[0]
    context = {
        "upstreams": upstreams, "listen": listen, "listen_v6": _listen_v6(listen),
        "server_name": server_name, "static_root": str(Path(static_root)).rstrip("/"),
        "media_root": str(media_root) if media_root else "", "tls": tls,
        "access_log": access_log or "",
        "certificate": str(certificate or f"/etc/letsencrypt/live/{first_name}/fullchain.pem"),
        "certificate_key": str(certificate_key
                               or f"/etc/letsencrypt/live/{first_name}/privkey.pem"),
        "form_bytes": nginx_size(form_bytes), "routes": routes,
        "workers": ("one `sanaksme serve` worker" if len(upstreams) == 1
                    else f"{len(upstreams)} `sanaksme serve` workers"),
        "max_fails": str(MAX_FAILS), "fail_timeout": FAIL_TIMEOUT,
        "ws_timeout": WS_TIMEOUT, "http_timeout": HTTP_TIMEOUT,
        "backlog": str(LISTEN_BACKLOG),
    }
    return _engine().get_template("deploy/nginx_site.conf").render(Context(context, autoescape=False))


def nginx_loopback(upstreams: list[str], *, port: int, static_root: Path,
                   workdir: Path) -> Path:
    """Write a complete nginx.conf in `workdir` serving the site on 127.0.0.1:`port`
    (no TLS; pid, logs and temporary files inside `workdir`) and return its path.

    Run it with `nginx -p <workdir> -c <path> -g "daemon off;"` as the invoking user.
    The access log (`workdir/access.log`) names the worker of every request."""
    workdir = Path(workdir).absolute()
    for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / "tmp" / name).mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    site = nginx_site(upstreams, listen=f"127.0.0.1:{port}", server_name="127.0.0.1 localhost",
                      static_root=static_root, tls=False,
                      access_log=str(workdir / "access.log"))
    text = _engine().get_template("deploy/nginx_loopback.conf").render(Context({
        "workdir": str(workdir), "conf": str(conf),
        # As root nginx would run its workers as "nobody", who cannot read a private
        # static directory; the invoking user's own files are what it serves here.
        "as_root": os.geteuid() == 0,
        "mime_types": str(MIME_TYPES) if MIME_TYPES.exists() else "",
        "site": "\n".join(("    " + line) if line else "" for line in site.splitlines()),
    }, autoescape=False))
    conf.write_text(text, encoding="utf-8")
    return conf
