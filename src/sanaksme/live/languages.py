"""Which language a screen speaks.

- The console: the language its user chose (the language cookie), else Latvian — the
  same rule as every console page (core.middleware.ChosenLanguageMiddleware).
- A phone: its own choice if the meeting offers that language, else the browser's
  Accept-Language if the meeting offers it, else the meeting's language.
- The projector: the meeting's language (the whole room reads it).

Reports are not screens: they stay in the meeting's language.

`PhoneLanguageMiddleware` applies the phone and projector rules to their pages (the
join pages, the live phone page, the projector page); the consumers apply the same
rules to a socket, from the cookie and header in its scope (`Wish.from_scope`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from sanaksme.participants.join import join_code_clean
from sanaksme.programme.models import LANGUAGE_NAMES, PARTICIPANT_LANGUAGES, Meeting

from .channel_groups import Audience


def _base(code: str) -> str:
    return code.lower().split("-")[0].split("_")[0]


def phone_language(cookie: str, accept: str, offered: Sequence[str], fallback: str) -> str:
    """A phone's language: its choice, else its browser's, else the meeting's."""
    offered = [c for c in offered if c in PARTICIPANT_LANGUAGES] or [fallback]
    if cookie in offered:
        return cookie
    for code, _quality in parse_accept_lang_header(accept[:500]):
        if _base(code) in offered:
            return _base(code)
    return fallback


def console_language(cookie: str) -> str:
    supported = {code for code, _name in settings.LANGUAGES}
    return cookie if cookie in supported else settings.LANGUAGE_CODE


@dataclass(frozen=True)
class Wish:
    """What a connection asked for: its language cookie and Accept-Language header."""

    cookie: str = ""
    accept: str = ""

    @classmethod
    def from_scope(cls, scope: dict[str, Any]) -> Wish:
        cookie = str(scope.get("cookies", {}).get(settings.LANGUAGE_COOKIE_NAME, ""))
        accept = next((value.decode("latin-1") for name, value in scope.get("headers", ())
                       if name == b"accept-language"), "")
        return cls(cookie, accept)

    def language(self, audience: Audience, language: str, offered: Sequence[str]) -> str:
        """The language of a screen of `audience` in a meeting of `language` that
        offers `offered` to phones."""
        if audience is Audience.CONSOLE:
            return console_language(self.cookie)
        if audience is Audience.PHONE:
            return phone_language(self.cookie, self.accept, offered, language)
        return language


def own_names(codes: Sequence[str]) -> list[tuple[str, str]]:
    """(code, the language's name in itself): "Latviešu", "English", "Русский"."""
    return [(code, LANGUAGE_NAMES[code]) for code in codes]


PHONE_PATH = re.compile(r"^/(?:j|p)/([^/]+)/")
PROJECTOR_PATH = re.compile(r"^/projector/([-\w]+)/")


class PhoneLanguageMiddleware:
    """On the phone and projector pages, the language follows the rules above; the
    phone pages get `request.phone_languages` for the switch in their top bar.
    Runs after ChosenLanguageMiddleware (which has chosen the console's language)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = self.language(request)
        if language is None:
            return self.get_response(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return self.get_response(request)  # Content-Language: LocaleMiddleware's

    def language(self, request: HttpRequest) -> str | None:
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        accept = request.headers.get("accept-language", "")
        if request.path in ("/j/", "/j"):
            request.phone_languages = own_names(PARTICIPANT_LANGUAGES)  # type: ignore[attr-defined]
            return phone_language(cookie, accept, PARTICIPANT_LANGUAGES,
                                  settings.LANGUAGE_CODE)
        if found := PHONE_PATH.match(request.path):
            meeting = Meeting.objects.filter(join_code=join_code_clean(found[1])).values_list(
                "language", "languages").first()
            if meeting is None:
                return None
            offered = [c for c in meeting[1] or () if c in PARTICIPANT_LANGUAGES]
            request.phone_languages = own_names(offered)  # type: ignore[attr-defined]
            return phone_language(cookie, accept, offered, meeting[0])
        if found := PROJECTOR_PATH.match(request.path):
            return Meeting.objects.filter(slug=found[1]).values_list(
                "language", flat=True).first()
        return None
