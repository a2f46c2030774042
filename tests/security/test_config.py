"""Attacks on the configuration: a committed secret, settings that write to disk or
depend on the working directory, a production mode that starts unsafe, readable data
files, and HTML pages without a Content-Security-Policy."""

from __future__ import annotations

import os
import re
import secrets
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from sanaksme.programme.models import AgendaItem, Meeting

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = ROOT / "src" / "sanaksme"
SANAKSME = Path(sys.executable).with_name("sanaksme")


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a fresh shell: no data dir, no key, no settings chosen."""
    drop = {"SANAKSME_DATA_DIR", "XDG_DATA_HOME", "SECRET_KEY", "SANAKSME_ENV",
            "DJANGO_SETTINGS_MODULE", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL",
            # set for Playwright by tests/e2e/conftest.py; never in a real shell
            "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "HOME": str(home), **extra}


def run(argv: list[str], env: dict[str, str], cwd: Path = ROOT
        ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True,  # noqa: S603
                          timeout=120, check=False)


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*"))


def test_no_secret_key_file_is_tracked_by_git() -> None:
    tracked = run(["git", "ls-files"], env=dict(os.environ)).stdout.splitlines()

    assert [name for name in tracked if Path(name).name == "secret_key"] == []


def test_data_directories_are_ignored_by_git_anywhere() -> None:
    ignored = run(["git", "check-ignore", "-q", "src/sanaksme/.data/secret_key"],
                  env=dict(os.environ))

    assert ignored.returncode == 0


@pytest.mark.parametrize("module", ["dev", "production"])
def test_importing_settings_creates_no_files(tmp_path: Path, module: str) -> None:
    home = tmp_path / "home"
    home.mkdir()
    before = files_under(PACKAGE)
    env = clean_env(home, SECRET_KEY="k" * 50, ALLOWED_HOSTS="example.org")

    result = run([sys.executable, "-c",
                  f"import sanaksme.config.settings.{module} as s; print(s.DATA_DIR)"],
                 env=env, cwd=PACKAGE)

    assert result.returncode == 0, result.stderr
    assert files_under(home) == []
    assert files_under(PACKAGE) == before


def test_data_dir_default_does_not_depend_on_the_working_directory(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    code = "import sanaksme.config.settings.dev as s; print(s.DATA_DIR)"

    here = run([sys.executable, "-c", code], env=env, cwd=PACKAGE).stdout.strip()
    there = run([sys.executable, "-c", code], env=env, cwd=tmp_path).stdout.strip()

    assert here == there == str(tmp_path / ".local" / "share" / "sanaksme")


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = clean_env(tmp_path, SANAKSME_ENV="production", ALLOWED_HOSTS="example.org")

    result = run([str(SANAKSME), "check"], env=env)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert not (tmp_path / ".local" / "share" / "sanaksme" / "secret_key").exists()


def test_production_refuses_to_start_without_allowed_hosts(tmp_path: Path) -> None:
    env = clean_env(tmp_path, SANAKSME_ENV="production", SECRET_KEY="k" * 50)

    result = run([str(SANAKSME), "check"], env=env)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


def test_production_settings_pass_check_deploy(tmp_path: Path) -> None:
    env = clean_env(tmp_path, SANAKSME_ENV="production",
                    SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="example.org")

    result = run([str(SANAKSME), "check", "--deploy", "--fail-level", "WARNING"], env=env)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_data_dir_is_0700_and_database_0600_after_migrate(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = clean_env(tmp_path, SANAKSME_DATA_DIR=str(data))

    result = run([str(SANAKSME), "migrate", "--noinput"], env=env)

    assert result.returncode == 0, result.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [data, *data.iterdir()]}
    assert modes.pop("data") == 0o700
    assert "sanaksme.sqlite3" in modes
    assert all(mode == 0o600 for mode in modes.values()), modes


def test_an_existing_readable_data_dir_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    database = data / "sanaksme.sqlite3"
    database.touch(mode=0o644)
    env = clean_env(tmp_path, SANAKSME_DATA_DIR=str(data))

    run([str(SANAKSME), "check"], env=env)

    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


# --- Content-Security-Policy on every HTML page type -------------------------------

STRICT = ("default-src 'self'", "script-src 'self'", "style-src 'self'",
          "object-src 'none'", "base-uri 'self'", "form-action 'self'")


def directives(response: Any) -> dict[str, str]:
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in header.split(";") if part.strip()}


def assert_strict(response: Any) -> dict[str, str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    policy = directives(response)
    for directive in STRICT:
        assert policy[directive.split()[0]] == directive
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    return policy


@pytest.mark.django_db
def test_login_page_has_a_strict_csp_and_cannot_be_framed(client: Client) -> None:
    response = client.get("/login/")

    assert assert_strict(response)["frame-ancestors"] == "frame-ancestors 'none'"


@pytest.mark.parametrize("path", [
    "/console/", "/console/m/{slug}/", "/console/m/{slug}/live/",
    "/console/m/{slug}/participants/", "/console/m/{slug}/reports/",
    "/console/m/{slug}/items/{item}/", "/console/m/{slug}/items/{item}/materials/",
])
def test_console_pages_have_a_strict_csp(facilitator_client: Client,
                                         demo_meeting: Meeting, path: str) -> None:
    item = AgendaItem.objects.filter(day__meeting=demo_meeting).first()
    assert item is not None

    response = facilitator_client.get(path.format(slug=demo_meeting.slug, item=item.pk))

    assert_strict(response)


def test_projector_page_has_a_strict_csp(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(f"/projector/{demo_meeting.slug}/{demo_meeting.projector_token}/")

    assert_strict(response)


def test_phone_join_page_has_a_strict_csp(client: Client, demo_meeting: Meeting) -> None:
    response = client.get(f"/j/{demo_meeting.join_code}/")

    assert_strict(response)


def test_admin_page_has_a_strict_csp(client: Client, facilitator: Any) -> None:
    facilitator.is_superuser = True
    facilitator.save()
    client.force_login(facilitator)

    response = client.get("/admin/")

    assert_strict(response)


def test_report_preview_allows_only_its_own_style_and_only_our_frame(
        facilitator_client: Client, demo_meeting: Meeting) -> None:
    from sanaksme.reports.render.html import screen_css_source

    response = facilitator_client.get(f"/console/m/{demo_meeting.slug}/reports/preview/")

    assert response.status_code == 200
    policy = directives(response)
    assert policy["style-src"] == f"style-src 'self' {screen_css_source()}"
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


def test_templates_have_no_inline_scripts_handlers_or_styles() -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>")
    handler = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
    style = re.compile(r"<style|\sstyle\s*=|javascript:", re.IGNORECASE)
    # Printed by WeasyPrint only (never served), or served with a hash (the preview).
    printed = {"sample_slides.html", "report.html", "series.html", "programme.html",
               "attendance.html"}
    found = []
    for path in PACKAGE.rglob("templates/**/*.html"):
        if path.name in printed:
            continue
        text = path.read_text(encoding="utf-8")
        if inline_script.search(text) or handler.search(text) or style.search(text):
            found.append(str(path.relative_to(PACKAGE)))

    assert found == []
