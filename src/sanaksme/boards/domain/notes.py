"""Rules for what a note may say. Pure Python: returns codes, the caller words them."""

from __future__ import annotations

import unicodedata
from enum import StrEnum

NOTE_LIMIT = 280


class NoteProblem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    CONTROL_CHARACTERS = "control_characters"


def clean_note_text(text: str, limit: int = NOTE_LIMIT) -> tuple[str, NoteProblem | None]:
    """Trim and normalise a note; refuse empty, over-long or control-character text."""
    cleaned = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip()
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in cleaned):
        return cleaned, NoteProblem.CONTROL_CHARACTERS
    if not cleaned:
        return cleaned, NoteProblem.EMPTY
    if len(cleaned) > limit:
        return cleaned, NoteProblem.TOO_LONG
    return cleaned, None
