"""What every groups service shares: the announcement after commit."""

from __future__ import annotations

from sanaksme.live.broadcast import broadcast_on_commit
from sanaksme.live.events import GroupsChanged
from sanaksme.programme.services import meeting_next_seq


def announce(*, meeting_id: int, item_id: int) -> None:
    """Take the meeting's next seq and tell every screen once the write commits."""
    seq = meeting_next_seq(meeting_id=meeting_id)
    broadcast_on_commit(GroupsChanged(meeting_id=meeting_id, seq=seq, item_id=item_id))
