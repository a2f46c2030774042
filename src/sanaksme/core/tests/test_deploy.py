"""The nginx configuration: in sync with deploy/nginx.conf, limits as the app's, valid.

`nginx -t` checks the configurations when nginx is installed (with CI=true it must be:
.ci/run installs it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from sanaksme.core.asgi_limits import body_limit
from sanaksme.core.deploy import (
    DEFAULT_SERVER_NAME,
    DEFAULT_STATIC_ROOT,
    LISTEN_BACKLOG,
    nginx_binary,
    nginx_loopback,
    nginx_site,
)

REPOSITORY = Path(__file__).resolve().parents[4]
DEPLOYED = REPOSITORY / "deploy" / "nginx.conf"
UNITS = {"k": 1024, "m": 1024 * 1024, "": 1}

SAMPLE_PATHS = [
    "/", "/j/", "/j/ABC123/", "/p/ABC123/", "/login/", "/i18n/setlang/", "/healthz",
    "/projector/demo/token/", "/console/", "/console/m/demo/live/",
    "/console/m/demo/items/7/materials/", "/console/m/demo/items/7/materials/x/1/remove/",
    "/console/import/", "/console/m/demo/participants/import/", "/admin/login/",
]


def nginx_bytes(size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([km]?)", size).groups()  # type: ignore[union-attr]
    return int(number) * UNITS[unit]


def the_nginx() -> str:
    found = nginx_binary()
    if found is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is not installed (apt-get install -y nginx); "
                        "its configuration must be checked in CI.")
        pytest.skip("nginx is not installed: apt-get install -y nginx")
    return found


def main_server(config: str) -> str:
    """The server block that proxies the app (the last one)."""
    return config[config.rindex("\nserver {"):]


def proxy_limit(config: str, path: str) -> int:
    """The request body nginx lets through for `path`: the first regex location that
    matches (prefix locations here carry no limit of their own), else the server's."""
    server = main_server(config)
    for pattern, size in re.findall(
            r'location ~ "(.+?)" \{\n\s+client_max_body_size (\w+);', server):
        if re.search(pattern, path):
            return nginx_bytes(size)
    default = re.search(r"^    client_max_body_size (\w+);", server, re.M)
    assert default is not None
    return nginx_bytes(default.group(1))


def test_deploy_nginx_conf_is_the_commands_output_for_the_documented_defaults() -> None:
    out = StringIO()
    call_command("nginx_config", "--server-name", DEFAULT_SERVER_NAME,
                 "--static-root", str(DEFAULT_STATIC_ROOT), stdout=out)
    assert DEPLOYED.read_text(encoding="utf-8") == out.getvalue(), (
        "deploy/nginx.conf is out of date: sanaksme nginx_config --server-name "
        f"{DEFAULT_SERVER_NAME} --static-root {DEFAULT_STATIC_ROOT} > deploy/nginx.conf")


@pytest.mark.parametrize("path", SAMPLE_PATHS)
def test_the_proxy_lets_through_what_the_app_accepts_and_no_more(path: str) -> None:
    config = DEPLOYED.read_text(encoding="utf-8")
    assert proxy_limit(config, path) == body_limit(path)


def test_every_route_limit_of_the_app_is_a_location_in_the_same_order() -> None:
    server = main_server(nginx_site(["127.0.0.1:8001"], server_name="x.example",
                                    static_root=Path("/srv/static")))
    locations = re.findall(r'location ~ "(.+?)" \{\n\s+client_max_body_size (\w+);', server)
    assert [(p, nginx_bytes(s)) for p, s in locations] == [
        (p if p.startswith("^") else "^" + p, int(n)) for p, n in settings.SANAKSME_BODY_LIMITS]


def test_websockets_are_proxied_with_upgrade_and_outlast_the_pings() -> None:
    config = DEPLOYED.read_text(encoding="utf-8")
    ws = re.search(r"location \^~ /ws/ \{(.*?)\n    \}", config, re.S)
    assert ws is not None
    block = ws.group(1)
    assert "proxy_set_header Upgrade $http_upgrade;" in block
    assert 'proxy_set_header Connection "upgrade";' in block
    timeout = re.search(r"proxy_read_timeout (\d+)s;", block)
    assert timeout is not None
    assert int(timeout.group(1)) > 60  # live.js pings every 15 s; a handshake may wait 60 s
    for header in ("X-Forwarded-For $proxy_add_x_forwarded_for",
                   "X-Forwarded-Proto $scheme", "Host $http_host"):
        assert config.count(f"proxy_set_header {header};") == config.count("proxy_pass ")


def test_the_workers_are_one_upstream_with_passive_health_and_keepalive() -> None:
    config = nginx_site(["127.0.0.1:8001", "127.0.0.1:8002", "127.0.0.1:8003"],
                        server_name="x.example", static_root=Path("/srv/static"))
    upstream = re.search(r"upstream sanaksme \{(.*?)\n\}", config, re.S)
    assert upstream is not None
    servers = re.findall(r"server (\S+) max_fails=\d+ fail_timeout=\d+s;", upstream.group(1))
    assert servers == ["127.0.0.1:8001", "127.0.0.1:8002", "127.0.0.1:8003"]
    assert "keepalive" in upstream.group(1)


def test_tls_ends_at_the_proxy_and_plain_http_redirects() -> None:
    config = DEPLOYED.read_text(encoding="utf-8")
    assert f"listen 443 ssl backlog={LISTEN_BACKLOG};" in config
    assert f"listen [::]:443 ssl backlog={LISTEN_BACKLOG};" in config
    assert "ssl_certificate /etc/letsencrypt/live/sanaksme.example.lv/fullchain.pem;" in config
    assert "return 301 https://$host$request_uri;" in config
    plain = nginx_site(["127.0.0.1:8001"], listen="80", server_name="x.example",
                       static_root=Path("/srv/static"), tls=False)
    assert "ssl" not in plain
    assert "return 301" not in plain


@pytest.mark.parametrize("bad", [[], ["localhost"], ["127.0.0.1:80; evil"], ["a b:1"]])
def test_an_upstream_must_be_host_and_port(bad: list[str]) -> None:
    with pytest.raises(ValueError, match="upstream"):
        nginx_site(bad, server_name="x.example", static_root=Path("/srv/static"))


def test_nginx_accepts_the_site_with_tls(tmp_path: Path) -> None:
    nginx = the_nginx()
    if shutil.which("openssl") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("openssl is not installed (apt-get install -y openssl).")
        pytest.skip("openssl is not installed: apt-get install -y openssl")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(  # noqa: S603 (a fixed command)
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",  # noqa: S607
         "-subj", "/CN=sanaksme.example.lv", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    out = StringIO()
    call_command("nginx_config", "--server-name", DEFAULT_SERVER_NAME, "--static-root",
                 str(DEFAULT_STATIC_ROOT), "--certificate", str(cert),
                 "--certificate-key", str(key), stdout=out)
    site = out.getvalue().replace("/var/log/nginx/", f"{tmp_path}/")
    assert f"ssl_certificate {cert};" in site
    temp = {"client_body": "body", "proxy": "proxy", "fastcgi": "fastcgi", "uwsgi": "uwsgi",
            "scgi": "scgi"}
    for directory in temp.values():
        (tmp_path / directory).mkdir()
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\nhttp {{\n"
        + "".join(f"    {name}_temp_path {tmp_path}/{directory};\n"
                  for name, directory in temp.items())
        + site + "}\n", encoding="utf-8")
    result = subprocess.run(  # noqa: S603 (Debian's nginx)
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_loopback_configuration_is_standalone_and_valid(tmp_path: Path) -> None:
    conf = nginx_loopback(["127.0.0.1:8001", "127.0.0.1:8002"], port=8080,
                          static_root=tmp_path / "static", workdir=tmp_path / "nginx")
    text = conf.read_text(encoding="utf-8")
    assert f"listen 127.0.0.1:8080 backlog={LISTEN_BACKLOG};" in text
    assert "ssl" not in text
    for directive in ("pid", "error_log", "access_log", "client_body_temp_path",
                      "proxy_temp_path"):
        paths = re.findall(rf"^\s*{directive} (\S+)", text, re.M)
        assert paths, directive
        assert all(p.startswith(str(tmp_path / "nginx")) or p == "off;" for p in paths), paths
    result = subprocess.run(  # noqa: S603 (Debian's nginx)
        [the_nginx(), "-t", "-p", str(conf.parent), "-c", str(conf)],
        capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_environment_example_names_every_variable_the_settings_read() -> None:
    example = (REPOSITORY / "deploy" / "sanaksme.env.example").read_text(encoding="utf-8")
    documented = set(re.findall(r"^(?:# )?([A-Z][A-Z0-9_]+)=", example, re.M))
    settings_dir = REPOSITORY / "src" / "sanaksme" / "config" / "settings"
    read = {name for path in settings_dir.glob("*.py") for name in re.findall(
        r'env(?:str|int|bool|list|_required)?\("([A-Z][A-Z0-9_]+)"',
        path.read_text(encoding="utf-8"))}
    read |= {"SANAKSME_ENV", "SANAKSME_DATA_DIR"}  # config/environment.py
    assert read - documented == set()


def test_the_systemd_units_start_workers_as_the_nginx_site_expects() -> None:
    units = REPOSITORY / "deploy" / "systemd"
    web = (units / "sanaksme@.service").read_text(encoding="utf-8")
    assert re.search(r"^ExecStart=\S+/sanaksme serve --host 127\.0\.0\.1 --port %i "
                     r"--no-collectstatic$", web, re.M)
    assert "sanaksme-static.service" in web
    static = (units / "sanaksme-static.service").read_text(encoding="utf-8")
    assert re.search(r"^ExecStart=\S+/sanaksme collectstatic --noinput", static, re.M)
    jobs = (units / "sanaksme-worker@.service").read_text(encoding="utf-8")
    assert re.search(r"^ExecStart=\S+/sanaksme worker ", jobs, re.M)
    for unit in (web, static, jobs):
        assert "EnvironmentFile=/etc/sanaksme/sanaksme.env" in unit


def test_the_access_log_names_no_client_and_no_secret_of_the_address() -> None:
    config = DEPLOYED.read_text(encoding="utf-8")
    log_format = config[config.index("log_format sanaksme"):]
    log_format = log_format[:log_format.index(";")]
    for variable in ("$remote_addr", "$request ", "$request\"", "$request_uri", "$args",
                     "$http_x_forwarded_for", "$uri"):
        assert variable not in log_format
    assert "$sanaksme_log_path" in log_format
