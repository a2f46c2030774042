"""For tests (and benchmarks) that start `sanaksme serve` or `sanaksme worker` in
subprocesses against the test's own PostgreSQL database and a Redis database of
their own."""

from __future__ import annotations

from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.db import connection


def database_url() -> str:
    """The test database (not the one DATABASE_URL names) as a URL for a subprocess."""
    db = connection.settings_dict
    user = quote(str(db.get("USER") or ""))
    password = quote(str(db.get("PASSWORD") or ""))
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{db.get('HOST') or '127.0.0.1'}{port}/{quote(str(db['NAME']))}"


def redis_url(db: int) -> str:
    """REDIS_URL's server with database `db`: a test's own keys, apart from the suite's."""
    parts = urlsplit(str(settings.REDIS_URL))
    return urlunsplit((parts.scheme, parts.netloc, f"/{db}", parts.query, ""))


def flush_redis(url: str) -> None:
    """Empty the Redis database `url` names."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    finally:
        client.close()
