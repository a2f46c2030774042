"""Settings for a hosted service behind HTTPS: base settings plus secure cookies."""

from .base import *  # noqa: F403
from .base import envbool, envlist

SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A hosted service names its hosts: "*" (the laptop default, for phones on local
# Wi-Fi) would also let any web page open the WebSockets with a facilitator's cookie.
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [])
