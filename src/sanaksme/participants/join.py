"""Joining from a phone: a code, a name, and you are in. No account, no password."""

from __future__ import annotations

from django import forms
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanaksme.core.exceptions import DomainError
from sanaksme.programme.domain.methods import Category
from sanaksme.programme.models import Meeting

from . import services
from .models import CATEGORY_CHOICES
from .selectors import participant_list_for_joining, session_key

WRONG_CODES_ALLOWED = 10
WRONG_CODES_WINDOW = 600  # seconds


def _client_key(request: HttpRequest) -> str:
    return f"join-wrong:{request.META.get('REMOTE_ADDR', '')}"


def _throttled(request: HttpRequest) -> bool:
    return int(cache.get(_client_key(request), 0)) >= WRONG_CODES_ALLOWED


def _count_wrong(request: HttpRequest) -> None:
    key = _client_key(request)
    cache.add(key, 0, WRONG_CODES_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WRONG_CODES_WINDOW)


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Meeting code"), max_length=12,
                           widget=forms.TextInput(attrs={
                               "autocomplete": "off", "autocapitalize": "characters",
                               "spellcheck": "false", "class": "code"}))


class SelfRegisterForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    category = forms.ChoiceField(
        label=gettext_lazy("You are here as"),
        choices=[c for c in CATEGORY_CHOICES if c[0] != Category.ORGANISER.value])
    institution = forms.CharField(label=gettext_lazy("Institution (optional)"),
                                  max_length=300, required=False)


def join_start(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or request.GET or None)
    status = 200
    if form.is_bound and form.is_valid():
        if _throttled(request):
            form.add_error("code", _("Too many wrong codes. Wait a few minutes."))
            status = 429
        else:
            code = form.cleaned_data["code"].strip().upper()
            if Meeting.objects.filter(join_code=code).exists():
                return redirect("join-meeting", code=code)
            _count_wrong(request)
            form.add_error("code", _("There is no meeting with this code. Check the "
                                     "code on the screen."))
            status = 404
    return render(request, "participants/join_start.html", {"form": form}, status=status)


def join_meeting(request: HttpRequest, code: str) -> HttpResponse:
    if _throttled(request):
        return render(request, "participants/join_start.html",
                      {"form": CodeForm(), "throttled": True}, status=429)
    meeting = Meeting.objects.filter(join_code=code.upper()).first()
    if meeting is None:
        _count_wrong(request)
        return redirect("join-start")
    form = SelfRegisterForm(request.POST if "name" in request.POST else None)
    error = None
    if request.method == "POST":
        try:
            if "participant" in request.POST:
                person = services.participant_join(
                    meeting=meeting, participant_id=int(request.POST["participant"] or 0))
            elif form.is_valid():
                person = services.participant_self_register(meeting=meeting,
                                                            **form.cleaned_data)
            else:
                person = None
        except (DomainError, ValueError) as exc:
            error = exc.message if isinstance(exc, DomainError) else _("Pick your name.")
            person = None
        if person is not None:
            request.session.cycle_key()
            request.session[session_key(meeting)] = person.pk
            return redirect("live:phone", code=meeting.join_code)
    return render(request, "participants/join_meeting.html", {
        "meeting": meeting, "people": participant_list_for_joining(meeting),
        "form": form, "error": error,
    }, status=400 if error or form.errors else 200)
