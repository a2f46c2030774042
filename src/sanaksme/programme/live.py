"""The programme's part of a live screen's state: the agenda item on the screens."""

from __future__ import annotations

from typing import Any

from sanaksme.live.channel_groups import Audience
from sanaksme.live.state import OMIT, Screen, state_part

from .labels import option_label


@state_part("item")
def item(screen: Screen) -> dict[str, Any] | None:
    current = screen.item
    if current is None:
        return None
    return {"id": current.pk, "title": current.title, "method": current.method,
            "method_label": current.get_method_display(),
            "starts_at": current.starts_at.strftime("%H:%M") if current.starts_at else "",
            "ends_at": current.ends_at.strftime("%H:%M") if current.ends_at else "",
            "reply_kinds": [{"key": k, "label": option_label(k)}
                            for k in current.params.get("reply_kinds", [])],
            "repliers": list(current.params.get("repliers", []))}


@state_part("easy")
def easy(screen: Screen) -> Any:
    """Phones only: whether the meeting offers the simple view (Meeting.easy_mode), so an
    open phone follows the setting when the facilitator changes it."""
    return screen.meeting.easy_mode if screen.audience is Audience.PHONE else OMIT
