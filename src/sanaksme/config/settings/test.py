"""Settings for the test suite: fast hashing, static files from the finders."""

import os
import tempfile
from pathlib import Path

# One data directory per test process (pytest-xdist runs two: gw0, gw1).
os.environ.setdefault(
    "SANAKSME_DATA_DIR",
    str(Path(tempfile.gettempdir())
        / "-".join(filter(None, ["sanaksme-test-data",
                                 os.environ.get("PYTEST_XDIST_WORKER")]))),
)

from sanaksme.core.logs import logging_config

from .base import *  # noqa: F403
from .base import DATABASES, envstr

# A fixed key: the live server runs in another process and must sign alike.
SECRET_KEY = "test-only-not-secret-" + "k" * 40
WHITENOISE_USE_FINDERS = True
# Static files come from the finders; no collected directory to look for.
STATIC_ROOT = None
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Browser tests run Daphne in a subprocess; it needs a file database, not :memory:.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        # One file per test run, so two runs at once do not share a database.
        "NAME": str(Path(tempfile.gettempdir()) / f"sanaksme-test-{os.getpid()}.sqlite3")
    }
else:
    # Name the test database explicitly: Channels' live server derives it again in its
    # subprocess and would otherwise prefix "test_" twice.
    DATABASES["default"]["TEST"] = {"NAME": f"test_{DATABASES['default']['NAME']}"}

# Reports are produced at once, not in a thread, so a test sees the finished job.
REPORTS_INLINE = True

# Warnings and errors only: the request lines would bury a failing test's output.
LOGGING = logging_config(envstr("LOG_LEVEL", "WARNING"), "text")

# Pongs read the meeting's seq every time: meeting ids repeat from test to test, and a
# test may ping right after an event (live/tests/test_consumers.py checks the cache).
SANAKSME_PONG_SEQ_SECONDS = 0.0
