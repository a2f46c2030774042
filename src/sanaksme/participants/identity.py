"""Services for who a phone is: personal links, PINs, claims the facilitator decides.

A registered identity is held by at most one phone at a time (`Participant.device`,
a random id kept in that phone's session). A phone gets it with the personal link
from the badge, with the PIN after typing the name, or when the facilitator approves
its claim; another phone can take it over only through the facilitator.
"""

from __future__ import annotations

import secrets
import unicodedata
from typing import Any, Literal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.clients import DEVICE_SESSION_KEY, session_device
from sanaksme.core.exceptions import DomainError
from sanaksme.programme.models import Meeting

from .models import PIN_ATTEMPTS, JoinClaim, Participant
from .services import participant_join

Outcome = Literal["joined", "held", "wrong"]
CLAIM_SESSION_PREFIX = "sanaksme.claim."


def device_for(session: Any) -> str:
    """This browser session's device id, made on first use."""
    device = session_device(session)
    if not device:
        device = secrets.token_urlsafe(24)
        session[DEVICE_SESSION_KEY] = device
    return device


def _normal(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _match(meeting: Meeting, typed_name: str) -> Participant | None:
    """The one registered person with this name (any case and spacing), else None."""
    wanted = _normal(typed_name)
    found = [p for p in meeting.participants.only("pk", "name") if _normal(p.name) == wanted]
    return found[0] if len(found) == 1 else None


def name_registered(meeting: Meeting, typed_name: str) -> bool:
    """Somebody with this name (any case and spacing) is registered in the meeting."""
    wanted = _normal(typed_name)
    return any(_normal(name) == wanted
               for name in meeting.participants.values_list("name", flat=True))


def participant_bind(*, participant: Participant, device: str) -> Participant:
    """This phone now holds the identity (any other phone loses it) and is present."""
    with transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(
            device=device, bound_at=timezone.now(), pin_failures=0)
        participant.device = device
        participant_join(meeting=participant.meeting, participant_id=participant.pk)
        JoinClaim.objects.filter(participant=participant, status=JoinClaim.Status.PENDING,
                                 device=device).update(status=JoinClaim.Status.APPROVED,
                                                       decided_at=timezone.now())
    return participant


def participant_unbind(*, participant: Participant, device: str) -> None:
    """"Not you?": the phone lets go of the identity (only the phone that holds it)."""
    Participant.objects.filter(pk=participant.pk, device=device).update(
        device="", bound_at=None)


def claim_create(*, meeting: Meeting, typed_name: str, device: str,
                 participant: Participant | None = None) -> JoinClaim:
    """A phone asks the facilitator to be someone; replaces its earlier open claim.

    Made the same way whether or not the typed name is registered, so the phone
    learns nothing about who is on the list.
    """
    typed_name = " ".join(typed_name.split())[:200]
    if not typed_name:
        raise DomainError(_("Type your name."), field="name")
    with transaction.atomic():
        JoinClaim.objects.filter(meeting=meeting, device=device,
                                 status=JoinClaim.Status.PENDING).delete()
        return JoinClaim.objects.create(
            meeting=meeting, typed_name=typed_name, device=device,
            participant=participant or _match(meeting, typed_name))


def claim_pin(*, claim: JoinClaim, pin: str) -> Outcome:
    """The PIN from the badge proves the claim: joined, held by another phone, or wrong.

    A person's PIN stops working after PIN_ATTEMPTS wrong tries; an unmatched name
    answers "wrong" exactly as a wrong PIN does.
    """
    person = claim.participant
    if claim.status != JoinClaim.Status.PENDING or person is None:
        return "wrong"
    if person.pin_failures >= PIN_ATTEMPTS or not secrets.compare_digest(
            person.pin.encode(), pin.strip().encode()):
        Participant.objects.filter(pk=person.pk).update(pin_failures=F("pin_failures") + 1)
        return "wrong"
    if person.device and person.device != claim.device:
        return "held"
    participant_bind(participant=person, device=claim.device)
    return "joined"


def join_by_token(*, meeting: Meeting, token: str,
                  device: str) -> tuple[Outcome, Participant | JoinClaim | None]:
    """The personal link: joined at once when the identity is free or already this
    phone's; a claim for the facilitator when another phone holds it."""
    person = meeting.participants.filter(join_token=token).first() if token else None
    if person is None:
        return "wrong", None
    if person.device in ("", device):
        return "joined", participant_bind(participant=person, device=device)
    return "held", claim_create(meeting=meeting, typed_name=person.name, device=device,
                                participant=person)


def claim_approve(*, claim: JoinClaim, participant: Participant) -> JoinClaim:
    """The facilitator confirms who the waiting phone is; it takes the identity over."""
    if claim.status != JoinClaim.Status.PENDING:
        raise DomainError(_("This request was already answered."), field="claim")
    with transaction.atomic():
        participant_bind(participant=participant, device=claim.device)
        claim.participant = participant
        claim.status, claim.decided_at = JoinClaim.Status.APPROVED, timezone.now()
        claim.save(update_fields=["participant", "status", "decided_at"])
    return claim


def claim_refuse(*, claim: JoinClaim) -> JoinClaim:
    """The facilitator does not recognise the waiting phone."""
    JoinClaim.objects.filter(pk=claim.pk, status=JoinClaim.Status.PENDING).update(
        status=JoinClaim.Status.REFUSED, decided_at=timezone.now())
    claim.refresh_from_db()
    return claim
