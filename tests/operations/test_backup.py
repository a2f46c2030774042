"""Backup and restore as docs/operations.md describes them, once, on PostgreSQL (the
scale-out suite): pg_dump of a database holding the recorded meeting → pg_restore into
a new database → every table identical and the meeting's export unchanged; then the
meeting's JSON file into a third, empty database (`sanaksme import_meeting`), and a
second import of it where the meeting already is refused with nothing changed.

The databases are this test's own (unique names on the server of DATABASE_URL) and
are dropped at the end. Every command has a timeout, so the test is bounded (about
40 s; at most a few minutes on a loaded machine).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

DATABASE_URL = os.environ.get("DATABASE_URL", "")
SANAKSME = Path(sys.executable).with_name("sanaksme")
SLUG = "daugavpils-2017-ieraksts"
COMMAND_TIMEOUT_S = 180

pytestmark = [
    pytest.mark.skipif(not DATABASE_URL.startswith(("postgres://", "postgresql://")),
                       reason="scale-out suite: needs PostgreSQL (DATABASE_URL)"),
    pytest.mark.skipif(shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
                       reason="needs the PostgreSQL client (pg_dump, pg_restore)"),
]


def url_of(database: str) -> str:
    """DATABASE_URL's server and user, another database."""
    parts = urlsplit(DATABASE_URL)
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(url_of("postgres"), autocommit=True, connect_timeout=10) as conn:
        conn.execute(sql)


def run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=COMMAND_TIMEOUT_S, check=False)


def ok(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = run(argv, env)
    assert result.returncode == 0, (argv, result.stdout[-2000:], result.stderr[-2000:])
    return result


@pytest.fixture
def names() -> Iterator[dict[str, str]]:
    """Three new, empty databases: the one backed up, the restored one, the one a
    meeting moves to. Dropped afterwards, connections and all."""
    stem = f"ops_backup_{uuid.uuid4().hex[:10]}"
    made = {role: f"{stem}_{role}" for role in ("source", "restored", "moved")}
    for name in made.values():
        admin(f'CREATE DATABASE "{name}"')
    yield made
    for name in made.values():
        admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sanaksme_env(tmp_path: Path, database: str) -> dict[str, str]:
    """A laptop-like environment on `database`: no Redis needed for these commands."""
    drop = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "SANAKSME_ENV",
            "REDIS_URL", "SECRET_KEY", "XDG_DATA_HOME"}
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "HOME": str(tmp_path), "SANAKSME_DATA_DIR": str(tmp_path / "data"),
            "DATABASE_URL": url_of(database), "LOG_LEVEL": "WARNING"}


def fingerprint(database: str) -> dict[str, tuple[int, str]]:
    """Every table of the public schema: its row count and an md5 of its rows in
    order (the rows' text, so it does not depend on the order they were written in)."""
    import psycopg
    from psycopg import sql

    tables: dict[str, tuple[int, str]] = {}
    with psycopg.connect(url_of(database), connect_timeout=10) as conn:
        names = [row[0] for row in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "ORDER BY tablename")]
        for name in names:
            query = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' "
                "ORDER BY t::text), '')) FROM {} AS t").format(sql.Identifier(name))
            row = conn.execute(query).fetchone()
            assert row is not None
            tables[name] = (int(row[0]), str(row[1]))
    return tables


def meeting_file(env: dict[str, str], path: Path) -> dict[str, Any]:
    """`sanaksme report SLUG --format json --names --affiliations`: the whole meeting
    (sanaksme/meeting@2), without the moment it was written."""
    ok([str(SANAKSME), "report", SLUG, "--format", "json", "--names", "--affiliations",
        "-o", str(path)], env)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported_at")
    return data


def test_pg_dump_restore_and_the_meeting_file_round_trip(
        tmp_path: Path, names: dict[str, str]) -> None:
    source = sanaksme_env(tmp_path, names["source"])
    ok([str(SANAKSME), "migrate", "--noinput", "-v", "0"], source)
    ok([str(SANAKSME), "demo", "--recorded"], source)
    before = meeting_file(source, tmp_path / "before.json")
    assert len(before["notes"]) > 100  # the recorded meeting ran: notes, replies, groups
    assert before["replies"]
    dump = tmp_path / "sanaksme.dump"

    # Back up (docs/operations.md, "Backup"), restore into a new database.
    ok(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}",
        f"--dbname={url_of(names['source'])}"], source)
    ok(["pg_restore", "--no-owner", "--exit-on-error",
        f"--dbname={url_of(names['restored'])}", str(dump)], source)

    restored = sanaksme_env(tmp_path, names["restored"])
    tables = fingerprint(names["source"])
    assert tables["boards_note"][0] >= len(before["notes"])  # and the other meeting's
    assert fingerprint(names["restored"]) == tables
    assert meeting_file(restored, tmp_path / "after.json") == before

    # The meeting's file into another, empty Sanāksme: the same meeting comes out.
    moved = sanaksme_env(tmp_path, names["moved"])
    ok([str(SANAKSME), "migrate", "--noinput", "-v", "0"], moved)
    imported = ok([str(SANAKSME), "import_meeting", str(tmp_path / "before.json")], moved)
    assert SLUG in imported.stdout
    assert meeting_file(moved, tmp_path / "moved.json") == before

    # No import replaces a meeting that has been run: the restored database keeps its
    # own, untouched.
    again = run([str(SANAKSME), "import_meeting", str(tmp_path / "before.json")], restored)
    assert again.returncode != 0
    assert "already exists" in again.stderr
    assert "nothing was changed" in again.stderr
    assert fingerprint(names["restored"]) == tables
