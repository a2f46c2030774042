"""`sanaksme check --deploy` is clean with the production settings and the variables
of the documented environment file (deploy/sanaksme.env.example): PostgreSQL, Redis,
several workers behind nginx."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
ENV_EXAMPLE = ROOT / "deploy" / "sanaksme.env.example"
SANAKSME = Path(sys.executable).with_name("sanaksme")


def documented_env() -> dict[str, str]:
    """The example file's NAME=value lines (commented ones are defaults)."""
    values = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def test_check_deploy_is_clean_with_the_documented_variables(tmp_path: Path) -> None:
    documented = documented_env()
    # A real key instead of "change-me"; places under tmp_path; this machine's
    # PostgreSQL and Redis when the scale-out suite gives them (then the database is
    # checked too).
    database = os.environ.get("DATABASE_URL", "")
    real_database = database.startswith("postgres")
    documented.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        SANAKSME_DATA_DIR=str(tmp_path / "data"),
        SANAKSME_STATIC_ROOT=str(tmp_path / "static"),
        **({"DATABASE_URL": database} if real_database else {}),
        **({"REDIS_URL": os.environ["REDIS_URL"]} if os.environ.get("REDIS_URL") else {}))
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "XDG_DATA_HOME",
            "DEBUG", "LOG_LEVEL", "LOG_FORMAT"}
    env = {**{k: v for k, v in os.environ.items() if k not in drop},
           "HOME": str(tmp_path), **documented}
    assert env["SANAKSME_ENV"] == "production"
    assert int(env["SANAKSME_WORKERS"]) > 1  # the hosted mode's own checks run too

    argv = [str(SANAKSME), "check", "--deploy", "--fail-level", "WARNING"]
    if real_database:
        argv += ["--database", "default"]
    result = subprocess.run(argv, env=env, cwd=tmp_path, capture_output=True,  # noqa: S603
                            text=True, timeout=120, check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
