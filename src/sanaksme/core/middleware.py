"""Small middleware. Latvian first: the UI language is the one the person chose, else Latvian.

Django's LocaleMiddleware would follow the browser's Accept-Language, so a laptop
set up in English would never show Latvian. Here only the language cookie (set by
the switcher in the top bar) overrides the default.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class ChosenLanguageMiddleware(LocaleMiddleware):
    def process_request(self, request: HttpRequest) -> None:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class ConsoleNeedsLoginMiddleware:
    """A POST to the facilitator's console without a logged-in session goes to the
    login page before anything reads its body.

    Every console page needs a login anyway; answering first matters because the CSRF
    check parses a multipart body, and Django's parser holds a malformed part whole
    in memory (a 300 MB anonymous post to the materials route grew Daphne by 3.6 GB).
    Runs after the session middleware and before the CSRF check.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (request.method == "POST" and request.path.startswith("/console/")
                and SESSION_KEY not in request.session):
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)
