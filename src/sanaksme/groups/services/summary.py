"""The day-summary draft from the comparison, added to the summary item's notes."""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.presenting.models import Projection
from sanaksme.presenting.services import summary_write
from sanaksme.programme.models import AgendaItem

from ..domain.comparison import GroupKind as Side
from ..domain.comparison import theme_status
from ..domain.summary import SummaryDraft, ThemeFacts, summary_draft
from ..domain.worksheet import Shares, average_shares, shares
from ..models import Factor, GroupSet, Theme


def _side(factor: Factor) -> Side:
    return Side.COMMUNITY if factor.group.kind == "dedicated" else Side.EXPERTS


def _average(factors: list[Factor], side: Side) -> Shares | None:
    return average_shares([shares((f.municipality, f.state, f.community))
                           for f in factors if _side(f) is side])


def _facts(group_set: GroupSet) -> list[ThemeFacts]:
    facts = []
    for theme in Theme.objects.filter(group_set=group_set).prefetch_related(
            "factors__group").order_by("position", "pk"):
        factors = [f for f in theme.factors.all() if not f.hidden]
        if factors:
            facts.append(ThemeFacts(theme.label, theme_status({_side(f) for f in factors}),
                                    _average(factors, Side.EXPERTS),
                                    _average(factors, Side.COMMUNITY)))
    return facts


def words(draft: SummaryDraft) -> str:
    """The draft as sentences in the active language."""
    lines = []
    if draft.common:
        lines.append(_("Raised by the experts and the community alike: %(themes)s.")
                     % {"themes": "; ".join(draft.common)})
    if draft.experts_only:
        lines.append(_("Raised only by the experts' groups: %(themes)s.")
                     % {"themes": "; ".join(draft.experts_only)})
    if draft.community_only:
        lines.append(_("Raised only by the community's group: %(themes)s.")
                     % {"themes": "; ".join(draft.community_only)})
    for d in draft.differences:
        lines.append(_difference(d.part)
                     % {"theme": d.label, "experts": d.experts, "community": d.community})
    return "\n".join(lines)


def _difference(part: str) -> str:
    """One sentence per part: Latvian puts the part in the dative after "piešķir"
    ("eksperti kopienai piešķir 44 %"), so it cannot be a label slotted in."""
    sentences = {
        "municipality": _("Views differ most on “%(theme)s”: the experts give the "
                          "municipality %(experts)d %%, the community %(community)d %%."),
        "state": _("Views differ most on “%(theme)s”: the experts give the state "
                   "%(experts)d %%, the community %(community)d %%."),
        "community": _("Views differ most on “%(theme)s”: the experts give the "
                       "community %(experts)d %%, the community itself %(community)d %%."),
    }
    return sentences[part]


def summary_add_draft(*, item: AgendaItem) -> Projection:
    """Append the comparison's draft to the summary item's notes, for the facilitator
    to edit. Uses the meeting's latest groups that have themes."""
    group_set = (GroupSet.objects.filter(meeting_id=item.day.meeting_id,
                                         themes__isnull=False)
                 .order_by("-item__day__date", "-item__position").first())
    if group_set is None:
        raise DomainError(_("There is no comparison yet: propose the themes in the group "
                            "presentations first."))
    with translation.override(item.day.meeting.language):
        text = words(summary_draft(_facts(group_set)))
    with transaction.atomic():
        current = Projection.objects.filter(item=item).values_list("summary", flat=True).first()
        joined = f"{current.rstrip()}\n\n{text}" if current and current.strip() else text
        return summary_write(item=item, text=joined)
