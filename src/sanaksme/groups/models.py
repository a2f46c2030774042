"""Small groups: who is in which group, their worksheets, presentations and themes.

A `GroupSet` belongs to one group-work agenda item and stores the seed it was drawn
with, so the report can explain and reproduce the draw. Factors and solutions are
never deleted, only hidden (and shown again).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from sanaksme.core.models import TimeStampedModel
from sanaksme.participants.models import Participant
from sanaksme.programme.models import AgendaItem, Meeting, Organisation

from .domain.formation import GroupKind

KIND_CHOICES = [(GroupKind.RANDOM.value, _("drawn at random")),
                (GroupKind.DEDICATED.value, _("own group"))]


class GroupSet(TimeStampedModel):
    """The groups of one group-work item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="group_sets")
    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE,
                                related_name="group_set")
    seed = models.BigIntegerField(_("draw seed"))
    worksheets_open = models.BooleanField(
        _("worksheets visible to everyone"), default=False,
        help_text=_("Otherwise a group sees only its own worksheet until the "
                    "presentations begin."))

    class Meta:
        verbose_name = _("group set")
        verbose_name_plural = _("group sets")

    def __str__(self) -> str:
        return str(self.item)


class Group(TimeStampedModel):
    group_set = models.ForeignKey(GroupSet, on_delete=models.CASCADE, related_name="groups")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    category = models.CharField(_("category"), max_length=40, blank=True)
    place = models.CharField(_("room or table"), max_length=100, blank=True)
    presented_seconds = models.FloatField(_("presentation time (s)"), default=0)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["group_set", "number"]
        constraints = [models.UniqueConstraint(fields=["group_set", "number"],
                                               name="group_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}"


class Membership(models.Model):
    group_set = models.ForeignKey(GroupSet, on_delete=models.CASCADE,
                                  related_name="memberships")
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="memberships")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group_set", "participant"],
                                               name="membership_one_group")]

    def __str__(self) -> str:
        return f"{self.participant_id} → {self.group_id}"


class Theme(TimeStampedModel):
    """Factors of different groups that mean the same thing."""

    group_set = models.ForeignKey(GroupSet, on_delete=models.CASCADE, related_name="themes")
    label = models.CharField(_("theme"), max_length=200)
    position = models.PositiveIntegerField(default=0)
    confirmed = models.BooleanField(_("confirmed by the facilitator"), default=False)
    named = models.BooleanField(_("named by the facilitator"), default=False)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label


ACTION_CHOICES = [("propose", _("proposed")), ("move", _("moved a factor")),
                  ("split", _("split a factor off")), ("merge", _("merged themes")),
                  ("confirm", _("confirmed a theme")),
                  ("unconfirm", _("took back a confirmation")),
                  ("confirm_all", _("confirmed every theme"))]


class ThemeDecision(TimeStampedModel):
    """One correction of the comparison, in order, so it survives a reload, is honoured
    by every later proposal and can be undone. Only factor ids, no personal data:
    `together`/`apart` are [id, id] pairs (the engine's `Step`), `before` the themes as
    they were (label, items, confirmed, named, position, id), `replaced` the factors the
    proposal that followed put elsewhere (besides the `moved` ones)."""

    group_set = models.ForeignKey(GroupSet, on_delete=models.CASCADE,
                                  related_name="decisions")
    number = models.PositiveIntegerField(_("number"))
    action = models.CharField(_("action"), max_length=20, choices=ACTION_CHOICES)
    together = models.JSONField(default=list)
    apart = models.JSONField(default=list)
    moved = models.JSONField(default=list)
    before = models.JSONField(default=list)
    replaced = models.JSONField(default=list)
    undone = models.BooleanField(_("undone"), default=False)

    class Meta:
        verbose_name = _("comparison decision")
        verbose_name_plural = _("comparison decisions")
        ordering = ["group_set", "number"]
        constraints = [models.UniqueConstraint(fields=["group_set", "number"],
                                               name="themedecision_unique_number")]

    def __str__(self) -> str:
        return f"{self.number}: {self.action}"


class Factor(TimeStampedModel):
    """One line of a group's worksheet, with who the group thinks can change it.

    The responsibility is kept as weights 0–10 (taps on a phone); the shares in per
    cent are computed from them (`domain.worksheet.shares`) and always sum to 100.
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="factors")
    text = models.CharField(_("factor"), max_length=300)
    position = models.PositiveIntegerField(default=0)
    municipality = models.PositiveSmallIntegerField(default=0)
    state = models.PositiveSmallIntegerField(default=0)
    community = models.PositiveSmallIntegerField(default=0)
    hidden = models.BooleanField(default=False)
    client_id = models.CharField(max_length=64)
    author = models.ForeignKey(Participant, on_delete=models.SET_NULL, null=True,
                               blank=True, related_name="+")
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="factors")

    class Meta:
        verbose_name = _("factor")
        verbose_name_plural = _("factors")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "client_id"],
                                               name="factor_client_once")]

    def __str__(self) -> str:
        return self.text


class Solution(TimeStampedModel):
    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="solutions")
    text = models.CharField(_("solution"), max_length=300)
    hidden = models.BooleanField(default=False)
    client_id = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("solution")
        verbose_name_plural = _("solutions")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["factor", "client_id"],
                                               name="solution_client_once")]

    def __str__(self) -> str:
        return self.text


class Showing(TimeStampedModel):
    """A group-presentations item: the order, who presents now, their timer, and
    whether the comparison is on the projector."""

    item = models.OneToOneField(AgendaItem, on_delete=models.CASCADE,
                                related_name="group_showing")
    group_set = models.ForeignKey(GroupSet, on_delete=models.CASCADE,
                                  related_name="showings")
    order = models.JSONField(default=list)
    current = models.ForeignKey(Group, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    allowed_seconds = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)  # while running
    left_seconds = models.FloatField(null=True, blank=True)  # while paused
    resumed_at = models.DateTimeField(null=True, blank=True)
    finished = models.BooleanField(default=False)
    comparison_shown = models.BooleanField(_("comparison on the projector"), default=False)

    class Meta:
        verbose_name = _("group presentations")
        verbose_name_plural = _("group presentations")

    def __str__(self) -> str:
        return str(self.item)


class LearnedConcept(TimeStampedModel):
    """A concept added to the comparison lexicon by a facilitator, or learned from a
    theme a facilitator confirmed. The built-in lexicon is in groups/data/lexicon/*.yaml
    (read by `groups.lexicon_data`).

    Each organisation learns for itself: its confirmed themes (and the words of its
    participants' notes in them) never change another organisation's comparisons. A
    concept with a built-in key adds its terms to the built-in concept's. A row without
    an organisation (learned before the walls, owner unknown) is read by nobody until
    the operator gives it one in the admin."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, null=True, blank=True,
        related_name="learned_concepts", verbose_name=_("organisation"))
    key = models.CharField(max_length=100)
    label = models.CharField(_("theme"), max_length=200)
    terms = models.JSONField(_("words and phrases"), default=list)
    learned = models.BooleanField(_("learned from confirmed themes"), default=False)

    class Meta:
        verbose_name = _("lexicon concept")
        verbose_name_plural = _("lexicon concepts")
        ordering = ["label"]
        constraints = [models.UniqueConstraint(fields=["organisation", "key"],
                                               name="learnedconcept_unique_key")]

    def __str__(self) -> str:
        return self.label
