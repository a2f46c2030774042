"""Participants of a meeting. Collect the minimum: a category reveals sensitive data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.programme.domain.methods import Category
from sanaksme.programme.models import Meeting

CATEGORY_CHOICES = [
    (Category.REGIONAL_EXPERT.value, _("Regional expert")),
    (Category.MUNICIPAL.value, _("Municipal representative")),
    (Category.EXPERT.value, _("Expert")),
    (Category.ROMA_COMMUNITY.value, _("Roma community representative")),
    (Category.ORGANISER.value, _("Organiser")),
]


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
