"""Running a tour de table: whose turn, the countdown, and the recorded durations."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sanaksme.core.exceptions import DomainError
from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.channel_groups import Audience
from sanaksme.live.events import HandsChanged, SpeakingChanged
from sanaksme.participants.models import Participant
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem
from sanaksme.programme.services import meeting_next_seq

from .domain import countdown
from .domain.queue import Hand as QueueHand
from .domain.queue import Person, is_priority, queue_order, tour_order
from .models import Hand, Round, Turn


def _announce(round_: Round) -> None:
    seq = meeting_next_seq(meeting_id=round_.meeting_id)
    broadcast_on_commit(SpeakingChanged(meeting_id=round_.meeting_id, seq=seq,
                                        item_id=round_.item_id))


def _hands_changed(round_: Round) -> None:
    """Tell the screens the queue as each audience's state shows it (only the queue and
    the next speaker, its first name, changed)."""
    from .selectors import queue_state  # the selectors import this module

    seq = meeting_next_seq(meeting_id=round_.meeting_id)
    for console, audiences in ((True, [Audience.CONSOLE]),
                               (False, [Audience.PROJECTOR, Audience.PHONE])):
        broadcast_on_commit(HandsChanged(meeting_id=round_.meeting_id, seq=seq,
                                         item_id=round_.item_id,
                                         queue=queue_state(round_, console=console)),
                            audiences)


def _allowed(item: AgendaItem) -> int:
    return int(item.params.get("minutes_per_speaker", 0) or 0) * 60


def round_order(round_: Round) -> list[int]:
    """Who speaks, in order: the arranged order, then anyone registered since."""
    skipped = set(round_.skipped)
    people = [Person(p.pk, p.category, present=p.pk not in skipped) for p in
              Participant.objects.filter(meeting_id=round_.meeting_id).order_by("pk")]
    return tour_order(people, arranged=round_.arranged)


SPEAKING_METHODS = (Method.TOUR_DE_TABLE.value, Method.DISCUSSION.value)


def round_get_or_create(*, item: AgendaItem) -> Round:
    """The speaking round of a tour de table or discussion item."""
    if item.method not in SPEAKING_METHODS:
        raise DomainError(_("This agenda item has no speakers' list."))
    round_, _created = Round.objects.get_or_create(
        item=item, defaults={"meeting_id": item.day.meeting_id})
    return round_


def _end(turn: Turn, now: dt.datetime) -> None:
    if turn.ended_at is not None:
        return
    spoken = turn.spoken_seconds
    if turn.resumed_at is not None:
        spoken += (now - turn.resumed_at).total_seconds()
    Turn.objects.filter(pk=turn.pk).update(ended_at=now, spoken_seconds=spoken,
                                           resumed_at=None)


def round_leave(*, item: AgendaItem, now: dt.datetime | None = None) -> None:
    """The item left the screens: its turn under way ends now, so the time away (another
    item, a coffee break) is never counted as spoken. Back on the item, "next" goes on
    with the next speaker. No event: no screen shows this item any more."""
    now = now or timezone.now()
    with transaction.atomic():
        round_ = (Round.objects.select_for_update(of=("self",)).select_related("current")
                  .filter(item=item).first())
        if round_ is not None and round_.current is not None:
            _end(round_.current, now)


def _begin(round_: Round, participant_id: int | None, now: dt.datetime) -> Turn | None:
    if participant_id is None:
        Round.objects.filter(pk=round_.pk).update(current=None, finished=True)
        round_.current, round_.finished = None, True
        return None
    allowed = _allowed(round_.item)
    timer = countdown.start(dt.timedelta(seconds=allowed), now=now)
    turn = Turn.objects.create(round=round_, participant_id=participant_id,
                               allowed_seconds=allowed, started_at=now,
                               ends_at=timer.ends_at if allowed else None, resumed_at=now)
    Round.objects.filter(pk=round_.pk).update(current=turn, finished=False)
    round_.current, round_.finished = turn, False
    return turn


def _seen(round_: Round, expected: int | None) -> bool:
    """Whether the console saw the round as it is: its turn under way, or — once that
    turn ended because the item left the screens — that turn or none (the screens show
    nobody speaking then)."""
    if round_.current_id == expected:
        return True
    return expected is None and round_.current is not None and round_.current.ended_at is not None


def turn_next(*, round_: Round, expected: int | None, step: int = 1,
              now: dt.datetime | None = None) -> Round:
    """End the current turn and give the floor to the next (step=-1: the previous)
    person. `expected` is the turn the facilitator saw: when two consoles press
    "next" at once, the second press finds another turn current and does nothing."""
    now = now or timezone.now()
    with transaction.atomic():
        round_ = Round.objects.select_for_update(of=("self",)).select_related("item", "current").get(
            pk=round_.pk)
        if not _seen(round_, expected):
            return round_
        if round_.item.method == Method.DISCUSSION.value:
            if step < 0:
                raise DomainError(_("A discussion has no way back: give the floor from "
                                    "the queue."))
            _call_next(round_, now)
            _announce(round_)
            return round_
        order = round_order(round_)
        current = round_.current
        if current is not None:
            _end(current, now)
            here = order.index(current.participant_id) if current.participant_id in order else -1
        else:
            here = -1 if not round_.finished else len(order)
        target = here + step
        if step < 0 and target < 0:
            target = 0
        _begin(round_, order[target] if 0 <= target < len(order) else None, now)
        _announce(round_)
    return round_


def _current(round_: Round) -> Turn:
    """The turn under way, read fresh (the caller's round may be out of date)."""
    turn = Round.objects.select_related("current").get(pk=round_.pk).current
    if turn is None or turn.ended_at is not None:
        raise DomainError(_("Nobody is speaking."))
    return turn


def turn_pause(*, round_: Round, now: dt.datetime | None = None) -> Turn:
    """Stop the clock for the current speaker."""
    now = now or timezone.now()
    with transaction.atomic():
        turn = Turn.objects.select_for_update().get(pk=_current(round_).pk)
        if turn.resumed_at is None:
            return turn
        timer = countdown.pause(turn.countdown(), now=now)
        turn.left_seconds = (timer.left.total_seconds()
                             if timer.left is not None and turn.allowed_seconds else None)
        turn.spoken_seconds += (now - turn.resumed_at).total_seconds()
        turn.ends_at, turn.resumed_at = None, None
        if turn.allowed_seconds == 0:
            turn.left_seconds = 0.0
        turn.save(update_fields=["left_seconds", "spoken_seconds", "ends_at", "resumed_at"])
        _announce(round_)
    return turn


def turn_resume(*, round_: Round, now: dt.datetime | None = None) -> Turn:
    """Start the clock again from what was left."""
    now = now or timezone.now()
    with transaction.atomic():
        turn = Turn.objects.select_for_update().get(pk=_current(round_).pk)
        if turn.resumed_at is not None:
            return turn
        if turn.allowed_seconds:
            turn.ends_at = countdown.resume(turn.countdown(), now=now).ends_at
        turn.left_seconds, turn.resumed_at = None, now
        turn.save(update_fields=["left_seconds", "ends_at", "resumed_at"])
        _announce(round_)
    return turn


def turn_add_time(*, round_: Round, seconds: int) -> Turn:
    """Give the current speaker more time (a minute, usually)."""
    if not 0 < seconds <= 600:
        raise DomainError(_("Add between 1 second and 10 minutes."))
    with transaction.atomic():
        turn = Turn.objects.select_for_update().get(pk=_current(round_).pk)
        if not turn.allowed_seconds:
            return turn
        timer = countdown.add_time(turn.countdown(), dt.timedelta(seconds=seconds))
        turn.allowed_seconds = int(timer.allowed.total_seconds())
        turn.ends_at = timer.ends_at
        turn.left_seconds = timer.left.total_seconds() if timer.left is not None else None
        turn.save(update_fields=["allowed_seconds", "ends_at", "left_seconds"])
        _announce(round_)
    return turn


def round_arrange(*, round_: Round, order: list[int]) -> Round:
    """Set the speaking order (people not listed keep their place after these)."""
    known = set(Participant.objects.filter(meeting_id=round_.meeting_id)
                .values_list("pk", flat=True))
    if any(pid not in known for pid in order):
        raise DomainError(_("Unknown participant."))
    with transaction.atomic():
        Round.objects.filter(pk=round_.pk).update(arranged=list(dict.fromkeys(order)))
        round_.arranged = list(dict.fromkeys(order))
        _announce(round_)
    return round_


def round_skip(*, round_: Round, participant_id: int, skipped: bool) -> Round:
    """Leave someone out of the tour (not here), or bring them back in their place."""
    if not Participant.objects.filter(pk=participant_id,
                                      meeting_id=round_.meeting_id).exists():
        raise DomainError(_("Unknown participant."))
    with transaction.atomic():
        round_ = Round.objects.select_for_update(of=("self",)).get(pk=round_.pk)
        rest = [pid for pid in round_.skipped if pid != participant_id]
        round_.skipped = [*rest, participant_id] if skipped else rest
        Round.objects.filter(pk=round_.pk).update(skipped=round_.skipped)
        _announce(round_)
    return round_


# Discussion: raised hands, invited speakers first ------------------------------------


def _discussion(round_: Round) -> Round:
    round_ = Round.objects.select_related("item", "current").get(pk=round_.pk)
    if round_.item.method != Method.DISCUSSION.value:
        raise DomainError(_("Hands are raised in a discussion."))
    return round_


def hand_raise(*, round_: Round, participant_id: int, by_facilitator: bool = False,
               now: dt.datetime | None = None) -> Hand:
    """Put someone in the queue (once); invited speakers are marked at that moment."""
    now = now or timezone.now()
    round_ = _discussion(round_)
    person = Participant.objects.filter(pk=participant_id,
                                        meeting_id=round_.meeting_id).first()
    if person is None:
        raise DomainError(_("Unknown participant."))
    with transaction.atomic():
        Round.objects.select_for_update().filter(pk=round_.pk).values_list("pk").first()
        waiting = round_.hands.filter(participant=person, lowered_at__isnull=True,
                                      called_at__isnull=True).first()
        if waiting is not None:
            return waiting
        hand = Hand.objects.create(
            round=round_, participant=person, raised_at=now,
            added_by_facilitator=by_facilitator,
            priority=is_priority(is_mediator=person.is_roma_mediator,
                                 municipality_had_mediators=person.municipality_had_mediators,
                                 marks=round_.item.params.get("priority", [])))
        if round_.hands.count() == 1 and not round_.turns.exists():
            # The round's first hand: the screens may still show the discussion as not
            # set up (no round yet), so they re-sync.
            _announce(round_)
        else:
            _hands_changed(round_)
    return hand


def hand_lower(*, round_: Round, participant_id: int,
               now: dt.datetime | None = None) -> None:
    """Take a hand down. A hand already called (or already down) is left as it is."""
    now = now or timezone.now()
    with transaction.atomic():
        lowered = Hand.objects.filter(round=round_, participant_id=participant_id,
                                      lowered_at__isnull=True,
                                      called_at__isnull=True).update(lowered_at=now)
        if lowered:
            _hands_changed(round_)


def queue(round_: Round) -> list[Hand]:
    """Waiting hands in speaking order (invited speakers first, then first come)."""
    hands = {h.pk: h for h in round_.hands.filter(lowered_at__isnull=True,
                                                  called_at__isnull=True)
             .select_related("participant")}
    order = queue_order(QueueHand(h.pk, h.raised_at, h.priority) for h in hands.values())
    return [hands[pk] for pk in order]


def _call_next(round_: Round, now: dt.datetime, hand_id: int | None = None) -> None:
    waiting = queue(round_)
    if hand_id is not None:
        waiting = [h for h in waiting if h.pk == hand_id]
        if not waiting:
            raise DomainError(_("That hand is no longer raised."))
    if round_.current is not None:
        _end(round_.current, now)
    if not waiting:
        Round.objects.filter(pk=round_.pk).update(current=None)
        round_.current = None
        return
    hand = waiting[0]
    Hand.objects.filter(pk=hand.pk).update(called_at=now)
    turn = _begin(round_, hand.participant_id, now)
    if turn is not None:
        Round.objects.filter(pk=round_.pk).update(finished=False)


def turn_call(*, round_: Round, expected: int | None, hand_id: int,
              now: dt.datetime | None = None) -> Round:
    """Give the floor to a particular waiting hand (the facilitator's choice)."""
    now = now or timezone.now()
    with transaction.atomic():
        round_ = Round.objects.select_for_update(of=("self",)).select_related("item", "current").get(
            pk=round_.pk)
        if not _seen(round_, expected):
            return round_
        _call_next(round_, now, hand_id=hand_id)
        _announce(round_)
    return round_


def turn_write(*, round_: Round, turn_id: int, minutes: str,
               key_points: list[str]) -> Turn:
    """The scribe's minutes and key points for one speaker."""
    turn = Turn.objects.filter(pk=turn_id, round=round_).first()
    if turn is None:
        raise DomainError(_("Unknown turn."))
    points = [p.strip()[:300] for p in key_points if p.strip()][:20]
    with transaction.atomic():
        Turn.objects.filter(pk=turn.pk).update(minutes=minutes[:5000], key_points=points)
        turn.minutes, turn.key_points = minutes[:5000], points
        _announce(round_)
    return turn


def round_show_key_points(*, round_: Round, show: bool) -> Round:
    """Show (or stop showing) the key points on the projector."""
    with transaction.atomic():
        Round.objects.filter(pk=round_.pk).update(show_key_points=show)
        round_.show_key_points = show
        _announce(round_)
    return round_
