"""Forming the groups of a group-work item: draw, re-draw, move, late arrivals, places."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem

from ..domain import formation as domain
from ..models import Factor, Group, GroupSet, Membership
from .common import announce
from .worksheets import clean_text


def rule_for(item: AgendaItem) -> domain.Rule:
    """The item's parameters as a formation rule."""
    params = item.params
    return domain.Rule(
        random_groups=int(params.get("random_groups", 0) or 0),
        random_categories=frozenset(params.get("random_categories") or ()),
        dedicated_categories=tuple(dict.fromkeys(params.get("dedicated_categories") or ())))


def _member(person: Participant) -> domain.Member:
    return domain.Member(person.pk, person.category,
                         (person.municipality, person.institution))


def pool_for(item: AgendaItem, *, everyone: bool = False) -> tuple[list[Participant], bool]:
    """Who is drawn: the people marked present, or everyone registered when asked or
    while nobody is (groups drawn before the meeting, or people without phones who were
    not ticked at the door). The flag says whether only the present were used."""
    people = list(Participant.objects.filter(meeting_id=item.day.meeting_id).order_by("pk"))
    present = [p for p in people if p.present]
    return (present, True) if present and not everyone else (people, False)


def _locked_item(item: AgendaItem) -> AgendaItem:
    if item.method != Method.GROUP_WORK.value:
        raise DomainError(_("This agenda item has no small groups."))
    return AgendaItem.objects.select_for_update().select_related("day").get(pk=item.pk)


def groups_draw(*, item: AgendaItem, seed: int | None = None,
                everyone: bool = False) -> GroupSet:
    """Draw the groups (again) with a new or given seed, stored on the group set, from
    the people present (`everyone`: from all registered).

    Refused once a worksheet has a factor: from then on people are moved, not re-drawn.
    """
    with transaction.atomic():
        item = _locked_item(item)
        group_set = GroupSet.objects.filter(item=item).first()
        if group_set is not None and Factor.objects.filter(group__group_set=group_set).exists():
            raise DomainError(_("The groups have started writing: move people between "
                                "groups instead of drawing again."))
        seed = secrets.randbelow(2**31) if seed is None else seed
        rule = rule_for(item)
        people, _present = pool_for(item, everyone=everyone)
        try:
            planned = domain.form_groups([_member(p) for p in people], rule, seed=seed)
        except domain.FormationError as error:
            raise DomainError(_("The group rule of this item cannot be used; check its "
                                "parameters in the programme.")) from error
        if group_set is None:
            group_set = GroupSet.objects.create(meeting_id=item.day.meeting_id, item=item,
                                                seed=seed)
        else:
            group_set.seed = seed
            group_set.save(update_fields=["seed", "updated_at"])
        places = dict(group_set.groups.values_list("number", "place"))
        group_set.groups.all().delete()
        for number, plan in enumerate(planned.groups, start=1):
            group = Group.objects.create(group_set=group_set, number=number,
                                         kind=plan.kind.value, category=plan.category or "",
                                         place=places.get(number, ""))
            Membership.objects.bulk_create(
                Membership(group_set=group_set, group=group, participant_id=pid)
                for pid in plan.members)
        announce(meeting_id=group_set.meeting_id, item_id=item.pk)
    return group_set


def _formation(group_set: GroupSet) -> tuple[domain.Formation, list[Group]]:
    groups = list(group_set.groups.order_by("number"))
    members: dict[int, list[int]] = {g.pk: [] for g in groups}
    for group_id, pid in Membership.objects.filter(group_set=group_set).values_list(
            "group_id", "participant_id"):
        members[group_id].append(pid)
    planned = tuple(domain.PlannedGroup(domain.GroupKind(g.kind), g.category or None,
                                        tuple(sorted(members[g.pk]))) for g in groups)
    return domain.Formation(planned, ()), groups


def _locked(group_set: GroupSet) -> GroupSet:
    return GroupSet.objects.select_for_update().select_related("item__day").get(
        pk=group_set.pk)


def group_move(*, group_set: GroupSet, participant_id: int, group_id: int) -> GroupSet:
    """Put one person into another group (the facilitator's drag and drop)."""
    with transaction.atomic():
        group_set = _locked(group_set)
        group = group_set.groups.filter(pk=group_id).first()
        person = Participant.objects.filter(pk=participant_id,
                                            meeting_id=group_set.meeting_id).first()
        if group is None or person is None:
            raise DomainError(_("That person or group is not in this meeting."))
        Membership.objects.update_or_create(group_set=group_set, participant=person,
                                            defaults={"group": group})
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return group_set


def groups_add_late(*, group_set: GroupSet) -> list[int]:
    """Place everyone present who has no group yet: each joins the smallest eligible
    group (or their category's own group). Returns who was placed."""
    with transaction.atomic():
        group_set = _locked(group_set)
        rule = rule_for(group_set.item)
        formation, groups = _formation(group_set)
        placed = set(Membership.objects.filter(group_set=group_set).values_list(
            "participant_id", flat=True))
        people = {p.pk: p for p in Participant.objects.filter(
            meeting_id=group_set.meeting_id)}
        members = [_member(people[pid]) for pid in sorted(placed) if pid in people]
        added: list[int] = []
        for person in sorted(people.values(), key=lambda p: p.pk):
            if person.pk in placed or not person.present:
                continue
            kind = rule.kind_for(person.category)
            if kind is None:
                continue
            try:
                grown = domain.add_member(formation, _member(person), rule, members,
                                          seed=group_set.seed)
            except domain.FormationError:  # the rule changed since the draw
                continue
            index = next(i for i, g in enumerate(grown.groups) if person.pk in g.members)
            if len(grown.groups) > len(groups):  # a random group that was not drawn
                groups.insert(index, Group.objects.create(
                    group_set=group_set, number=_next_number(groups), kind=kind.value))
            Membership.objects.create(group_set=group_set, group=groups[index],
                                      participant=person)
            formation, members = grown, [*members, _member(person)]
            added.append(person.pk)
        if added:
            announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return added


def _next_number(groups: list[Group]) -> int:
    return max((g.number for g in groups), default=0) + 1


def group_set_place(*, group: Group, place: str) -> Group:
    """Where a group works (room or table), shown on its members' phones."""
    place = clean_text(place)[:100] if place.strip() else ""
    with transaction.atomic():
        Group.objects.filter(pk=group.pk).update(place=place)
        group.place = place
        set_ids = GroupSet.objects.values_list("meeting_id", "item_id").get(
            pk=group.group_set_id)
        announce(meeting_id=set_ids[0], item_id=set_ids[1])
    return group


def worksheets_set_open(*, group_set: GroupSet, is_open: bool) -> GroupSet:
    """Let everyone see every worksheet (or only their own group's again)."""
    with transaction.atomic():
        GroupSet.objects.filter(pk=group_set.pk).update(worksheets_open=is_open)
        group_set.worksheets_open = is_open
        announce(meeting_id=group_set.meeting_id, item_id=group_set.item_id)
    return group_set
