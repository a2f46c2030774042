"""Participants of a meeting. Collect the minimum: a category reveals sensitive data."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.programme.domain.methods import NOT_STATED, Category
from sanaksme.programme.models import Meeting

CATEGORY_CHOICES = [
    (Category.REGIONAL_EXPERT.value, _("Regional expert")),
    (Category.MUNICIPAL.value, _("Municipal representative")),
    (Category.EXPERT.value, _("Expert")),
    (Category.ROMA_COMMUNITY.value, _("Roma community representative")),
    (Category.ORGANISER.value, _("Organiser")),
]
# What a category becomes when consent to record it is withdrawn: it says nothing
# about the person (docs/privacy.md, "Consent for a category that reveals ethnic origin").
CATEGORY_CHOICES.append((NOT_STATED, _("Not stated")))
# Being recorded in this category reveals ethnic origin (GDPR art. 9), so is being
# marked a Roma mediator: both need a recorded consent.
SENSITIVE_CATEGORIES = frozenset({Category.ROMA_COMMUNITY.value})


class ConsentMethod(models.TextChoices):
    PAPER = "paper", _("given on paper")
    ORALLY = "oral", _("given orally")
    PHONE = "phone", _("given on the phone at join")
    ASK_AT_JOIN = "ask", _("to be asked on the phone at join")


PIN_DIGITS = 4
PIN_ATTEMPTS = 5  # wrong PINs per person; then only the facilitator can let them in


def new_join_token() -> str:
    """The secret of a personal join link (printed as a QR code on the badge)."""
    return secrets.token_urlsafe(12)


def new_pin() -> str:
    """A short PIN printed on the badge, typed after one's name."""
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


class Participant(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE,
                                related_name="participants", verbose_name=_("meeting"))
    name = models.CharField(_("name"), max_length=200)
    category = models.CharField(_("category"), max_length=40, choices=CATEGORY_CHOICES)
    institution = models.CharField(_("institution"), max_length=300, blank=True)
    municipality = models.CharField(_("municipality"), max_length=200, blank=True)
    is_roma_mediator = models.BooleanField(_("Roma mediator"), default=False)
    municipality_had_mediators = models.BooleanField(
        _("municipality has had Roma mediators"), default=False,
        help_text=_("Invited to speak first in the discussion on mediators."),
    )
    present = models.BooleanField(_("present"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Lawful basis for a category that reveals ethnic origin (participant_consent_*).
    consent_method = models.CharField(_("consent"), max_length=10, blank=True,
                                      choices=ConsentMethod.choices)
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn on"), null=True,
                                                blank=True)
    # Joining: a personal link and a PIN prove who a phone is; `device` is the one
    # phone (a random id in its session) that holds this identity.
    join_token = models.CharField(_("personal link key"), max_length=32, unique=True,
                                  default=new_join_token, editable=False)
    pin = models.CharField(_("PIN"), max_length=PIN_DIGITS, default=new_pin,
                           editable=False)
    pin_failures = models.PositiveSmallIntegerField(default=0, editable=False)
    device = models.CharField(max_length=64, blank=True, editable=False)
    bound_at = models.DateTimeField(_("joined on a phone at"), null=True, blank=True,
                                    editable=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "name", "institution"],
                                    name="participant_unique_name_institution")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def reveals_ethnic_origin(self) -> bool:
        return self.category in SENSITIVE_CATEGORIES or self.is_roma_mediator

    @property
    def needs_consent(self) -> bool:
        """A sensitive category without a consent given (yet)."""
        return self.reveals_ethnic_origin and self.consent_method in (
            "", ConsentMethod.ASK_AT_JOIN)


class Attendance(models.Model):
    """A participant was present on a day of the meeting (one row per person and date).

    `Participant.present` says "here now" for the live screens; these rows keep, per
    day, who came, for the signed attendance sheet of an EU-funded event.
    """

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="attendance",
                                    verbose_name=_("participant"))
    date = models.DateField(_("date"))
    first_seen_at = models.DateTimeField(_("first seen"))

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["date", "participant_id"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "date"],
                                    name="attendance_unique_participant_date")
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.date.isoformat()}"


class JoinClaim(models.Model):
    """A phone asks to be someone: the facilitator approves or refuses on the console.

    Made when a person types a name (matched or not: the phone cannot tell), when a
    PIN or personal link is used for an identity another phone holds, or after too
    many wrong PINs.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, null=True,
                                    blank=True, related_name="claims")
    typed_name = models.CharField(max_length=200)
    device = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.typed_name} ({self.status})"


class ConsentEvent(models.Model):
    """Audit of consent for a sensitive category: given or withdrawn, how, by whom.

    Kept when the participant is erased (the row then names nobody).
    """

    class Action(models.TextChoices):
        GIVEN = "given", _("given")
        WITHDRAWN = "withdrawn", _("withdrawn")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="consent_events")
    action = models.CharField(max_length=10, choices=Action.choices)
    method = models.CharField(max_length=10, blank=True, choices=ConsentMethod.choices)
    by_person = models.BooleanField(default=False)  # on their own phone
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                              null=True, blank=True, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.action} {self.at.isoformat()}"
