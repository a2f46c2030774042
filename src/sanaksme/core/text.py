"""Text from outside: control characters are refused everywhere; names sort in
Latvian alphabetical order (`latvian_sort_key`).

NUL cannot be stored in PostgreSQL text (a 500 there, silently kept on SQLite), and the
other C0/C1 control characters are invisible in every screen and document. Tab, line
feed and carriage return are ordinary text and stay allowed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sanaksme.core.exceptions import DomainError

CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_chars_message() -> str:
    return _("The text contains characters that cannot be stored (control characters).")


def has_control_chars(value: str) -> bool:
    return CONTROL_CHARS.search(value) is not None


def contains_control_chars(data: Any) -> bool:
    """True if any string (key or value) in nested dicts/lists/tuples has a control
    character. The caller bounds the nesting (parsed JSON/YAML already is)."""
    if isinstance(data, str):
        return has_control_chars(data)
    if isinstance(data, Mapping):
        return any(contains_control_chars(k) or contains_control_chars(v)
                   for k, v in data.items())
    if isinstance(data, list | tuple):
        return any(contains_control_chars(v) for v in data)
    return False


def reject_control_chars(*values: Any, field: str | None = None) -> None:
    """Raise DomainError with a translated message if any value holds a control
    character (strings, or dicts/lists of them)."""
    if any(contains_control_chars(value) for value in values):
        raise DomainError(control_chars_message(), field=field)


def validate_no_control_chars(value: Any) -> None:
    """Django validator (forms and model fields)."""
    if isinstance(value, str) and has_control_chars(value):
        raise ValidationError(
            gettext_lazy("The text contains characters that cannot be stored "
                         "(control characters)."), code="control_characters")


class NoControlCharsFormMixin:
    """Put first in a form's bases: every text field refuses control characters."""

    def _clean_fields(self) -> None:
        super()._clean_fields()  # type: ignore[misc]
        form: forms.BaseForm = self  # type: ignore[assignment]
        for name, value in list(form.cleaned_data.items()):
            if contains_control_chars(value):
                form.add_error(name, validate_error())


def validate_error() -> ValidationError:
    return ValidationError(control_chars_message(), code="control_characters")


# Latvian alphabetical order: č, ģ, ķ, ļ, ņ, š, ž are letters of their own after c, g,
# k, l, n, s, z; the long vowels ā, ē, ī, ū sort with a, e, i, u and only break ties.
_LATVIAN_LETTERS = ("aā", "b", "c", "č", "d", "eē", "f", "g", "ģ", "h", "iī", "j", "k",
                    "ķ", "l", "ļ", "m", "n", "ņ", "oō", "p", "q", "r", "ŗ", "s", "š",
                    "t", "uū", "v", "w", "x", "y", "z", "ž")
_LETTER_BASE = 100  # digits sort before letters, spaces and punctuation before both
_WEIGHTS: dict[str, tuple[int, int]] = {
    letter: (_LETTER_BASE + primary, secondary)
    for primary, group in enumerate(_LATVIAN_LETTERS)
    for secondary, letter in enumerate(group)
}
_UNKNOWN = 9  # the tie-breaking weight of a letter with a foreign diacritic (é, ö, ...)


def _weight(char: str) -> tuple[int, int]:
    if char in _WEIGHTS:
        return _WEIGHTS[char]
    base = unicodedata.normalize("NFD", char)[0]
    if base in _WEIGHTS:
        return _WEIGHTS[base][0], _UNKNOWN
    if base.isdigit():
        return 10 + int(base) if base.isascii() else 20, 0
    if not base.isalnum():
        return 0, 0
    return _LETTER_BASE + len(_LATVIAN_LETTERS) + ord(base), 0


def latvian_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """A key that sorts `text` in Latvian alphabetical order, case-insensitively."""
    folded = unicodedata.normalize("NFC", " ".join(text.split()).casefold())
    weights = [_weight(char) for char in folded]
    return tuple(w[0] for w in weights), tuple(w[1] for w in weights), text
