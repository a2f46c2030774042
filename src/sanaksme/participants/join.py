"""Joining from a phone: a code, then proof of who you are. No account, no password.

Proof is the personal link (QR on the badge), the name plus the badge's PIN, or the
facilitator's approval on the console. The join page lists nobody, and answers a
typed name the same way whether or not it is registered. docs/security.md,
"Joining proves who you are".
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sanaksme.core.clients import Throttle, client_address, within_quota
from sanaksme.core.exceptions import DomainError
from sanaksme.core.text import NoControlCharsFormMixin
from sanaksme.programme.domain.methods import NOT_STATED, Category
from sanaksme.programme.models import Meeting

from . import identity, services
from .models import (
    CATEGORY_CHOICES,
    SENSITIVE_CATEGORIES,
    JoinClaim,
    Participant,
)
from .selectors import session_key, session_person

THROTTLE = Throttle("join")
QUOTA_WINDOW = 3600  # seconds: claims and self-registrations per address and device
SELF_REGISTER_PER_DEVICE = 3
CODE_SHOWN = 24  # the most of a wrong code said back (the form's max_length)


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Meeting code"), max_length=24,
                           widget=forms.TextInput(attrs={
                               "autocomplete": "off", "autocapitalize": "characters",
                               "spellcheck": "false", "class": "code"}))


class NameForm(NoControlCharsFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name and surname"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))


class PinForm(forms.Form):
    pin = forms.CharField(label=gettext_lazy("PIN from your badge"), max_length=8,
                          widget=forms.TextInput(attrs={
                              "inputmode": "numeric", "autocomplete": "off",
                              "class": "code"}))


class SelfRegisterForm(NoControlCharsFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    category = forms.ChoiceField(
        label=gettext_lazy("You are here as"),
        choices=[c for c in CATEGORY_CHOICES
                 if c[0] not in (Category.ORGANISER.value, NOT_STATED)])
    institution = forms.CharField(label=gettext_lazy("Institution (optional)"),
                                  max_length=300, required=False)
    consent = forms.BooleanField(
        label=gettext_lazy("I agree that my answer above is recorded for this meeting"),
        required=False)


# Guards ---------------------------------------------------------------------------------


def _client(request: HttpRequest) -> tuple[str, str]:
    return client_address(request), identity.device_for(request.session)


def _refusal(request: HttpRequest, status: int, message: str, code: str = "") -> HttpResponse:
    """The code form again with `message`, holding the `code` tried so it can be fixed."""
    form = CodeForm(initial={"code": code[:CODE_SHOWN]} if code else None)
    return render(request, "participants/join_start.html",
                  {"form": form, "refusal": message}, status=status)


def join_code_clean(code: str) -> str:
    """A code as people type it: any case, with spaces or dashes ("3dw rty", "3DW-RTY")."""
    return "".join(ch for ch in code.upper() if not ch.isspace() and ch != "-")


def meeting_or_refusal(request: HttpRequest, code: str) -> Meeting | HttpResponse:
    """The open meeting with this code; else a 429, 404 or 410 answer (a wrong code is
    counted against this client and its address)."""
    address, device = _client(request)
    if THROTTLE.locked(address, device):
        return _refusal(request, 429, _("Too many wrong codes. Wait a few minutes."))
    cleaned = join_code_clean(code)
    meeting = Meeting.objects.filter(join_code=cleaned).first()
    if meeting is None:
        THROTTLE.wrong(address, device)
        return _refusal(request, 404, _("No meeting has the code %(code)s. Check the code "
                                        "on the screen.") % {"code": cleaned[:CODE_SHOWN]},
                        cleaned)
    if meeting.closed_at is not None:
        return _refusal(request, 410, _("This meeting has ended. The code no longer "
                                        "works."))
    return meeting


def _enter(request: HttpRequest, meeting: Meeting, person: Participant) -> HttpResponse:
    """This phone now is `person`: remember it and go on (to consent first if needed)."""
    request.session.cycle_key()
    request.session[session_key(meeting)] = person.pk
    request.session.pop(_claim_key(meeting), None)
    if person.needs_consent:
        return redirect("join-consent", code=meeting.join_code)
    return redirect("live:phone", code=meeting.join_code)


def _claim_key(meeting: Meeting) -> str:
    return f"{identity.CLAIM_SESSION_PREFIX}{meeting.pk}"


def _wait(request: HttpRequest, meeting: Meeting, claim: JoinClaim) -> HttpResponse:
    request.session[_claim_key(meeting)] = claim.pk
    return redirect("join-wait", code=meeting.join_code)


# Pages ----------------------------------------------------------------------------------


def join_start(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or request.GET or None)
    if form.is_bound and form.is_valid():
        found = meeting_or_refusal(request, form.cleaned_data["code"])
        if isinstance(found, Meeting):
            return redirect("join-meeting", code=found.join_code)
        return found
    return render(request, "participants/join_start.html", {"form": form},
                  status=400 if form.is_bound else 200)


def join_meeting(request: HttpRequest, code: str) -> HttpResponse:
    """Type your name: a claim the facilitator confirms (or the PIN proves)."""
    found = meeting_or_refusal(request, code)
    if not isinstance(found, Meeting):
        return found
    meeting = found
    if session_person(request.session, meeting) is not None:
        return redirect("live:phone", code=meeting.join_code)
    form = NameForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address, device = _client(request)
        if not within_quota("join", address, settings.SANAKSME_JOIN_ACTIONS_PER_ADDRESS,
                            QUOTA_WINDOW):
            return _refusal(request, 429, _("Too many requests from this network. Ask "
                                            "the facilitator."))
        claim = identity.claim_create(meeting=meeting, device=device,
                                      typed_name=form.cleaned_data["name"])
        return _wait(request, meeting, claim)
    return render(request, "participants/join_meeting.html",
                  {"meeting": meeting, "form": form}, status=400 if form.errors else 200)


def join_wait(request: HttpRequest, code: str) -> HttpResponse:
    """Waiting for the facilitator, or typing the PIN from the badge."""
    found = meeting_or_refusal(request, code)
    if not isinstance(found, Meeting):
        return found
    meeting = found
    _address, device = _client(request)
    claim = JoinClaim.objects.select_related("participant").filter(
        pk=request.session.get(_claim_key(meeting)) or 0, meeting=meeting,
        device=device).first()
    if claim is None:
        return redirect("join-meeting", code=meeting.join_code)
    person = claim.participant
    if claim.status == JoinClaim.Status.APPROVED and person and person.device == device:
        return _hx_redirect(request, _enter(request, meeting, person))
    if request.htmx:  # type: ignore[attr-defined]  # polling: nothing new yet
        return HttpResponse(status=204)
    form = PinForm(request.POST or None)
    message, status = "", 200
    if request.method == "POST" and form.is_valid() and claim.status == "pending":
        found_pin = _pin(request, claim, form.cleaned_data["pin"])
        if isinstance(found_pin, HttpResponse):
            return found_pin
        message, status = found_pin
    return render(request, "participants/join_wait.html", {
        "meeting": meeting, "claim": claim, "form": form, "message": message,
    }, status=status)


def _pin(request: HttpRequest, claim: JoinClaim,
         pin: str) -> HttpResponse | tuple[str, int]:
    address, device = _client(request)
    if THROTTLE.locked(address, device):
        return _("Too many wrong tries. Ask the facilitator."), 429
    outcome = identity.claim_pin(claim=claim, pin=pin)
    if outcome == "joined" and claim.participant is not None:
        return _enter(request, claim.meeting, claim.participant)
    if outcome == "held":
        return _("Someone already joined as this person on another phone. The "
                 "facilitator has to confirm it is you."), 409
    THROTTLE.wrong(address, device)
    return _("This PIN is not right. Try again, or ask the facilitator."), 400


def _hx_redirect(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        polled = HttpResponse(status=204)
        polled["HX-Redirect"] = response["Location"]
        return polled
    return response


def join_token(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """The personal link from the badge: one tap joins."""
    found = meeting_or_refusal(request, code)
    if not isinstance(found, Meeting):
        return found
    meeting = found
    address, device = _client(request)
    person = meeting.participants.filter(join_token=token).first()
    if person is None:
        THROTTLE.wrong(address, device)
        return _refusal(request, 404, _("This personal link does not work. Type your "
                                        "name instead, or ask the facilitator."))
    if request.method != "POST":
        return render(request, "participants/join_token.html",
                      {"meeting": meeting, "person": person})
    outcome, result = identity.join_by_token(meeting=meeting, token=token, device=device)
    if outcome == "held" and isinstance(result, JoinClaim):
        return _wait(request, meeting, result)
    return _enter(request, meeting, person)


def join_self_register(request: HttpRequest, code: str) -> HttpResponse:
    """Someone not on the list adds themself (a few per phone and network per hour)."""
    found = meeting_or_refusal(request, code)
    if not isinstance(found, Meeting):
        return found
    meeting = found
    form = SelfRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        address, device = _client(request)
        if not (within_quota("self-register", f"{address}:{device}",
                             SELF_REGISTER_PER_DEVICE, QUOTA_WINDOW)
                and within_quota("join", address,
                                 settings.SANAKSME_JOIN_ACTIONS_PER_ADDRESS,
                                 QUOTA_WINDOW)):
            return _refusal(request, 429, _("Too many requests from this network. Ask "
                                            "the facilitator."))
        data = form.cleaned_data
        if identity.name_registered(meeting, data["name"]):
            # Never say "already registered": that would tell who is on the list.
            claim = identity.claim_create(meeting=meeting, typed_name=data["name"],
                                          device=device)
            return _wait(request, meeting, claim)
        try:
            person = services.participant_self_register(
                meeting=meeting, name=data["name"], category=data["category"],
                institution=data["institution"], device=device, consent=data["consent"])
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None,
                           error.message)
        else:
            return _enter(request, meeting, person)
    return render(request, "participants/join_register.html", {
        "meeting": meeting, "form": form,
        "sensitive": sorted(SENSITIVE_CATEGORIES)}, status=400 if form.errors else 200)


def _person_or_join(request: HttpRequest, code: str) -> tuple[Meeting, Participant] | HttpResponse:
    found = meeting_or_refusal(request, code)
    if not isinstance(found, Meeting):
        return found
    person = session_person(request.session, found)
    if person is None:
        return redirect("join-meeting", code=found.join_code)
    return found, person


def join_consent(request: HttpRequest, code: str) -> HttpResponse:
    """Plain words: what is recorded, why, who sees it, how to withdraw; yes or no."""
    found = _person_or_join(request, code)
    if isinstance(found, HttpResponse):
        return found
    meeting, person = found
    if request.method == "POST":
        if request.POST.get("answer") == "yes":
            services.participant_consent_give(participant=person, by_person=True)
        elif request.POST.get("answer") == "no":
            services.participant_consent_withdraw(participant=person, by_person=True)
        return redirect("live:phone", code=meeting.join_code)
    return render(request, "participants/join_consent.html",
                  {"meeting": meeting, "person": person})


def join_me(request: HttpRequest, code: str) -> HttpResponse:
    """What this phone's person has recorded, with "not me" and consent withdrawal."""
    found = _person_or_join(request, code)
    if isinstance(found, HttpResponse):
        return found
    meeting, person = found
    return render(request, "participants/join_me.html",
                  {"meeting": meeting, "person": person})


@require_POST
def join_leave(request: HttpRequest, code: str) -> HttpResponse:
    """"Not you?": this phone lets go of the identity and starts joining again."""
    found = _person_or_join(request, code)
    if isinstance(found, HttpResponse):
        return found
    meeting, person = found
    identity.participant_unbind(participant=person, device=identity.device_for(
        request.session))
    request.session.pop(session_key(meeting), None)
    return redirect("join-meeting", code=meeting.join_code)
