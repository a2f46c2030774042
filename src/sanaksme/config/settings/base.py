"""Base settings. The environment is read here and only here.

Defaults give the embedded mode: an SQLite file in a data directory and the in-memory
channel layer, so `sanaksme migrate && sanaksme serve` just works on a laptop.
`DATABASE_URL` switches to PostgreSQL and `REDIS_URL` to the Redis channel layer.

Importing settings has no side effects: nothing is created or written here. The entry
points prepare the data directory (config/environment.py) before Django starts.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from sanaksme.config.environment import data_dir, read_secret_key
from sanaksme.core.logs import logging_config

django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent.parent.parent


def envstr(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


# SANAKSME_DATA_DIR, else ~/.local/share/sanaksme (never the working directory).
DATA_DIR = data_dir()

# SECRET_KEY from the environment, else the development key that `sanaksme` keeps in
# DATA_DIR. Without either (settings imported by some other program) a throwaway key is
# used: sessions then end with the process. Production requires SECRET_KEY.
SECRET_KEY = (envstr("SECRET_KEY") or read_secret_key(DATA_DIR)
              or secrets.token_urlsafe(50))
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "*"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "daphne",
    "sanaksme.core.admin_site.OperatorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "channels",
    "csp",
    "django_htmx",
    "sanaksme.core",
    "sanaksme.programme",
    "sanaksme.participants",
    "sanaksme.boards",
    "sanaksme.speaking",
    "sanaksme.presenting",
    "sanaksme.groups",
    "sanaksme.reports",
    "sanaksme.live",
]

MIDDLEWARE = [
    "sanaksme.core.logs.RequestLogMiddleware",  # one log line per request, timed whole
    "django.middleware.security.SecurityMiddleware",
    "sanaksme.core.csp.SanaksmeCSPMiddleware",
    # Django 4.2+ pads compressed responses against BREACH ("Heal The Breach").
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sanaksme.core.middleware.ChosenLanguageMiddleware",
    "sanaksme.live.languages.PhoneLanguageMiddleware",  # phones and the projector
    "sanaksme.core.middleware.ConsoleNeedsLoginMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "sanaksme.config.urls"
ASGI_APPLICATION = "sanaksme.config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _databases() -> dict[str, dict[str, object]]:
    url = envstr("DATABASE_URL")
    if url:
        # No health check ("SELECT 1") before each use of a kept connection: Channels
        # opens and closes the connection around every database step of a socket, so
        # the check cost a round trip per step, a tenth of a worker's CPU under load
        # (docs/performance.md). A connection the database dropped fails one request
        # or live action (which the phone sends again) and is then replaced.
        return {"default": dict(dj_database_url.parse(url, conn_max_age=60,
                                                      conn_health_checks=False))}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "sanaksme.sqlite3",
            # Keep connections: reopening runs the PRAGMAs on every request and event.
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                # Many phones write at once: wait for the lock instead of failing, and
                # take the write lock at BEGIN so transactions never deadlock-upgrade.
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                    "PRAGMA foreign_keys=ON;"
                ),
            },
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = envstr("REDIS_URL")
# How many web processes serve the site (docs/deploy.md): more than one needs Redis and
# PostgreSQL (core/checks.py says so).
SANAKSME_WORKERS = envint("SANAKSME_WORKERS", 1)
# channels_redis waits for a message with a blocking pop of 5 s (brpop_timeout); the
# socket must wait longer than that, or on a loaded machine the reply of a pop that
# took a message arrives after the client gave up, and the event is lost. redis-py
# 6+ defaults to a 5 s socket timeout: exactly the race.
REDIS_LAYER_SOCKET_TIMEOUT = 30


def channel_layers(redis_url: str) -> dict[str, Any]:
    """The channel layer: Redis to scale out, else in memory (one process)."""
    if not redis_url:
        return {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer",
                            "CONFIG": {"capacity": 10000}}}
    return {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            # Sockets get events through one channel per process (live.fanout), so
            # that channel needs room for a burst; per-socket channels stay idle.
            "CONFIG": {"hosts": [{"address": redis_url,
                                  "socket_timeout": REDIS_LAYER_SOCKET_TIMEOUT}],
                       "capacity": 10000},
        }
    }


CHANNEL_LAYERS = channel_layers(REDIS_URL)
# Rate limits and join throttling live in the cache: shared by all workers with Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL}
    if REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "programme:meeting-list"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "lv"
LANGUAGES = [("lv", _("Latvian")), ("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = envstr("TIME_ZONE", "Europe/Riga")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# Behind nginx the static files are collected where it can read them (they are public;
# the data directory is private): SANAKSME_STATIC_ROOT, docs/deploy.md.
STATIC_ROOT: Path | None = (Path(envstr("SANAKSME_STATIC_ROOT")).expanduser().absolute()
                            if envstr("SANAKSME_STATIC_ROOT") else DATA_DIR / "static")
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# `sanaksme serve` collects (and compresses) static files at start; development with
# DEBUG on serves them straight from the apps.
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"
# Uploaded slides and videos are as private as the database.
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# Uploads: programme YAML and participant CSV files are small.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
SANAKSME_MAX_IMPORT_BYTES = envint("SANAKSME_MAX_IMPORT_BYTES", 1024 * 1024)
# Slides (PDF) and videos shown on the projector, kept in MEDIA_ROOT with the meeting.
SANAKSME_MAX_SLIDES_MB = envint("SANAKSME_MAX_SLIDES_MB", 50)
SANAKSME_MAX_SLIDE_PAGES = envint("SANAKSME_MAX_SLIDE_PAGES", 200)
SANAKSME_MAX_VIDEO_MB = envint("SANAKSME_MAX_VIDEO_MB", 500)
# Optional: a local sentence-transformers model directory that `sanaksme compare` blends
# into the comparison engine (never downloaded; docs/domain/comparison.md).
SANAKSME_EMBEDDINGS_PATH = envstr("SANAKSME_EMBEDDINGS_PATH")

# Sessions are read from the cache first (Redis when scaled out), the database
# behind it: a room of phones reconnecting at once — a worker restarted, the Wi-Fi
# back — does not queue a database read per phone (docs/performance.md).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# A strict Content-Security-Policy on every response (django-csp): scripts and styles
# only from our own static files, no inline code. The projector embeds YouTube/Vimeo
# players and plays direct video links (https). docs/security.md, "Configuration".
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF, "blob:", "https:"],
        "frame-src": [SELF, "https://www.youtube-nocookie.com",
                      "https://player.vimeo.com"],
        "worker-src": [SELF, "blob:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# One line per request, socket and job to stderr: readable text here, JSON lines in
# production (core/logs.py, docs/operations.md).
LOGGING = logging_config(envstr("LOG_LEVEL", "INFO"), envstr("LOG_FORMAT", "text"))

# Produced report files (ReportJob) are kept this many days (at least 1), then purged by
# `sanaksme purge` and whenever reports are started or listed. docs/privacy.md.
SANAKSME_REPORT_JOB_DAYS = envint("SANAKSME_REPORT_JOB_DAYS", 7)

# The job queue (core/jobs.py, docs/jobs.md). With REDIS_URL, `sanaksme worker` runs the
# jobs and a worker without a heartbeat for this many seconds is taken as dead: its jobs
# go back to the queue. Without it, this many threads of the web process run them.
# A report with no progress for SANAKSME_JOBS_STALE_MINUTES is shown as failed.
SANAKSME_JOBS_HEARTBEAT_SECONDS = envint("SANAKSME_JOBS_HEARTBEAT_SECONDS", 20)
SANAKSME_JOBS_THREADS = envint("SANAKSME_JOBS_THREADS", 1)
SANAKSME_JOBS_STALE_MINUTES = envint("SANAKSME_JOBS_STALE_MINUTES", 10)
SANAKSME_JOBS_INLINE = envbool("SANAKSME_JOBS_INLINE", False)

# Joining (core/clients.py): the client's real address behind a reverse proxy, and how
# many wrong codes, tokens or PINs a client (address + device) and a whole address may
# send per window before they are refused. See docs/security.md.
SANAKSME_TRUSTED_PROXIES = envint("SANAKSME_TRUSTED_PROXIES", 0)
SANAKSME_FORWARDED_HEADER = envstr("SANAKSME_FORWARDED_HEADER", "X-Forwarded-For")
SANAKSME_THROTTLE_WRONG_PER_CLIENT = envint("SANAKSME_THROTTLE_WRONG_PER_CLIENT", 10)
SANAKSME_THROTTLE_WRONG_PER_ADDRESS = envint("SANAKSME_THROTTLE_WRONG_PER_ADDRESS", 100)
SANAKSME_THROTTLE_WINDOW = envint("SANAKSME_THROTTLE_WINDOW", 600)
SANAKSME_JOIN_ACTIONS_PER_ADDRESS = envint("SANAKSME_JOIN_ACTIONS_PER_ADDRESS", 300)

# Bounded work for every input (core/asgi_limits.py, core/origin.py, presenting/pdfworker.py;
# docs/security.md). Request bodies by route, refused with 413 before they are read:
# first matching pattern wins, any other route gets SANAKSME_MAX_FORM_BYTES.
SANAKSME_MAX_FORM_BYTES = envint("SANAKSME_MAX_FORM_BYTES", 64 * 1024)
SANAKSME_BODY_LIMITS = [
    # Slides or a video with the form around them.
    (r"^/console/m/[^/]+/items/\d+/materials/$",
     max(SANAKSME_MAX_SLIDES_MB, SANAKSME_MAX_VIDEO_MB) * 1024 * 1024 + 64 * 1024),
    # Programme YAML and participant CSV files.
    (r"^/console/import/$", SANAKSME_MAX_IMPORT_BYTES + 64 * 1024),
    (r"^/console/m/[^/]+/participants/import/$", SANAKSME_MAX_IMPORT_BYTES + 64 * 1024),
    # The facilitator's pages and the admin carry long texts (goal, plan, summary).
    (r"^/(console|admin)/", envint("SANAKSME_MAX_CONSOLE_FORM_BYTES", 512 * 1024)),
]
# WebSockets: origins accepted besides the same origin as the Host header
# (e.g. "https://meet.example.org" behind a proxy that rewrites Host).
SANAKSME_WS_ALLOWED_ORIGINS = envlist("SANAKSME_WS_ALLOWED_ORIGINS", [])
# Slide PDFs are checked and rendered in a child process with these limits.
SANAKSME_PDF_WORKER_MEMORY_MB = envint("SANAKSME_PDF_WORKER_MEMORY_MB", 1024)
SANAKSME_PDF_WORKER_CPU_SECONDS = envint("SANAKSME_PDF_WORKER_CPU_SECONDS", 60)
SANAKSME_PDF_WORKER_TIMEOUT = envint("SANAKSME_PDF_WORKER_TIMEOUT", 90)
