"""Settings for a hosted service behind HTTPS. Selected by SANAKSME_ENV=production.

Nothing falls back to a default that is only safe on a laptop: SECRET_KEY and
ALLOWED_HOSTS must be set, cookies are HTTPS-only, HTTP redirects to HTTPS and
browsers are told to remember that (HSTS). `sanaksme check --deploy` is clean.
"""

from django.core.exceptions import ImproperlyConfigured

from sanaksme.core.logs import logging_config

from .base import *  # noqa: F403
from .base import envbool, envint, envlist, envstr


def _required(name: str) -> str:
    value = envstr(name).strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set when SANAKSME_ENV=production (docs/security.md)."
        )
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
# A hosted service names its hosts: "*" (the laptop default, for phones on local
# Wi-Fi) would also let any web page open the WebSockets with a facilitator's cookie.
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name the service's hosts when SANAKSME_ENV=production."
    )

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# HTTPS only. The health and readiness checks stay reachable over plain HTTP for load
# balancers.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", True)

# Trust X-Forwarded-Proto only when told that a proxy in front sets it (and strips it
# from clients): otherwise any client could claim its plain HTTP request was HTTPS.
if envbool("SANAKSME_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs as JSON lines, one per request, socket and job (docs/operations.md).
LOGGING = logging_config(envstr("LOG_LEVEL", "INFO"), envstr("LOG_FORMAT", "json"))
