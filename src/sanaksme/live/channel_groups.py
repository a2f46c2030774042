"""Names of Channels channel groups. Build them only here.

Channels allows ASCII letters, digits, '-', '_' and '.', under 100 characters.
"""

from enum import StrEnum


class Audience(StrEnum):
    CONSOLE = "console"
    PROJECTOR = "projector"
    PHONE = "phone"


def meeting_group(meeting_id: int, audience: Audience) -> str:
    """`meeting_group(42, Audience.PROJECTOR)` → "meeting-42-projector"."""
    return f"meeting-{int(meeting_id)}-{audience.value}"
