"""Organisations, projects with funding data, series, meetings, days, sites, agenda."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel

from .domain.methods import Method

METHOD_CHOICES = [
    (Method.SITE_VISIT.value, _("Good-practice visit")),
    (Method.TOUR_DE_TABLE.value, _("Tour de table")),
    (Method.BRAINSTORM.value, _("Brainstorm")),
    (Method.PRESENTATION.value, _("Presentation")),
    (Method.DISCUSSION.value, _("Group discussion")),
    (Method.GROUP_WORK.value, _("Small-group work")),
    (Method.GROUP_PRESENTATIONS.value, _("Group presentations and comparison")),
    (Method.SUMMARY.value, _("Summary")),
    (Method.FEEDBACK.value, _("Feedback")),
    (Method.BREAK.value, _("Break")),
]


JOIN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed


def new_join_code() -> str:
    """A short code people type from the projector, e.g. "K7QM2X"."""
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(6))


def new_projector_token() -> str:
    return secrets.token_urlsafe(24)


PARTICIPANT_LANGUAGES = ("lv", "en", "ru")
# Each language in its own name: the person who needs it finds it without reading another.
LANGUAGE_NAMES = {"lv": "Latviešu", "en": "English", "ru": "Русский"}


def default_languages() -> list[str]:
    """The languages a participant's phone may choose: all that are translated."""
    return list(PARTICIPANT_LANGUAGES)


class Organisation(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="organisations",
        verbose_name=_("facilitators"),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Project(TimeStampedModel):
    """A funded project; its acknowledgement and disclaimer go on every document."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="projects",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("project name"), max_length=300)
    number = models.CharField(_("project number"), max_length=100, blank=True)
    funding_programme = models.CharField(_("funding programme"), max_length=300, blank=True)
    acknowledgement = models.TextField(_("funding acknowledgement"), blank=True)
    disclaimer = models.TextField(_("disclaimer"), blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="project_unique_name")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.number})" if self.number else self.name


class Series(TimeStampedModel):
    """Meetings that belong together, e.g. the regional experts' meetings."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="series",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Meeting(TimeStampedModel):
    class Language(models.TextChoices):
        LATVIAN = "lv", _("Latvian")
        ENGLISH = "en", _("English")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="meetings",
        verbose_name=_("organisation"),
    )
    project = models.ForeignKey(
        Project, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="meetings", verbose_name=_("project"),
    )
    series = models.ForeignKey(
        Series, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="meetings", verbose_name=_("series"),
    )
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    ordinal = models.CharField(_("ordinal"), max_length=20, blank=True,
                               help_text=_("For example “II” for the second meeting."))
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=5, choices=Language.choices,
                                default=Language.LATVIAN)
    place = models.CharField(_("place"), max_length=200)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    goal = models.TextField(_("goal"), blank=True)
    tasks = models.JSONField(_("tasks"), default=list, blank=True)
    participants_description = models.TextField(_("participants"), blank=True)
    plan = models.TextField(_("plan"), blank=True)
    structure = models.TextField(_("structure"), blank=True)
    # Live meeting: how phones join, how the projector authenticates, what is on now.
    join_code = models.CharField(_("join code"), max_length=12, unique=True,
                                 default=new_join_code)
    projector_token = models.CharField(_("projector token"), max_length=64,
                                       default=new_projector_token)
    current_item = models.ForeignKey(
        "AgendaItem", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("current agenda item"))
    last_seq = models.PositiveBigIntegerField(_("last event number"), default=0)
    # A closed meeting's join code and personal links stop working (meeting_close).
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The languages participants may pick on the join and phone pages (a subset of
    # PARTICIPANT_LANGUAGES); reports stay in `language`.
    languages = models.JSONField(_("participant languages"), default=default_languages,
                                 blank=True)
    # Simple mode: pictograms, colours, short words, one question per screen.
    easy_mode = models.BooleanField(
        _("simple mode with pictures"), default=False,
        help_text=_("Phones can show pictograms and short words for people who read little."))
    # What the projector shows of a brainstorm (one sheet, one column, all in turn);
    # set from the console, reset when the item changes.
    projector_view = models.JSONField(_("projector view"), default=dict, blank=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_on", "title"]

    def __str__(self) -> str:
        return self.full_title

    @property
    def full_title(self) -> str:
        return f"{self.ordinal} {self.title}".strip()

    @property
    def task_list(self) -> list[str]:
        return [str(t) for t in self.tasks] if isinstance(self.tasks, list) else []


SITE_LOOK_FOR_MAX_LENGTH = 1000  # a few sentences: read on a phone, standing in a hall


class Site(TimeStampedModel):
    """A place visited on a good-practice visit; notes can be linked to it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="sites",
                                verbose_name=_("meeting"))
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=300)
    address = models.CharField(_("address"), max_length=300, blank=True)
    host = models.CharField(_("host"), max_length=300, blank=True,
                            help_text=_("Who receives the group, e.g. the school's "
                                        "deputy director for education."))
    description = models.TextField(_("description"), blank=True,
                                   help_text=_("About the place, for the printed "
                                               "programme."))
    # A TextField's max_length bounds only its form field; the validator bounds every
    # other way in (the meeting file's import runs the model field's validators).
    look_for = models.TextField(
        _("what to look at"), blank=True, max_length=SITE_LOOK_FOR_MAX_LENGTH,
        validators=[MaxLengthValidator(SITE_LOOK_FOR_MAX_LENGTH)],
        help_text=_("What participants should notice there: shown on their phones "
                    "during the visit and printed in the programme."))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("visit site")
        verbose_name_plural = _("visit sites")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "key"], name="site_unique_key")
        ]

    def __str__(self) -> str:
        return self.name


class Day(TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="days",
                                verbose_name=_("meeting"))
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.TimeField(_("day starts"), null=True, blank=True)
    ends_at = models.TimeField(_("day ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("day")
        verbose_name_plural = _("days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "date"], name="day_unique_date")
        ]

    def __str__(self) -> str:
        return f"{self.meeting.slug} {self.date.isoformat()}"


class AgendaItem(TimeStampedModel):
    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="items",
                            verbose_name=_("day"))
    position = models.PositiveIntegerField(_("position"), default=0)
    starts_at = models.TimeField(_("starts"), null=True, blank=True)
    ends_at = models.TimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    location = models.CharField(_("location"), max_length=300, blank=True)
    materials = models.JSONField(_("materials"), default=list, blank=True)
    method = models.CharField(_("method"), max_length=40, choices=METHOD_CHOICES,
                              default=Method.BREAK.value)
    params: models.JSONField[dict[str, Any], dict[str, Any]] = models.JSONField(
        _("method parameters"), default=dict, blank=True
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["day__date", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def method_enum(self) -> Method:
        return Method(self.method)

    @property
    def minutes(self) -> int | None:
        if self.starts_at is None or self.ends_at is None:
            return None
        start = self.starts_at.hour * 60 + self.starts_at.minute
        end = self.ends_at.hour * 60 + self.ends_at.minute
        return end - start

    @property
    def material_list(self) -> list[str]:
        return [str(m) for m in self.materials] if isinstance(self.materials, list) else []


class ItemRun(models.Model):
    """One stretch of time an agenda item was on the live screens: the programme as run."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="item_runs")
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(_("started"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item run")
        verbose_name_plural = _("agenda item runs")
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        return f"{self.item} @ {self.started_at:%Y-%m-%d %H:%M}"
