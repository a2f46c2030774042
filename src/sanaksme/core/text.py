"""Text from outside: control characters are refused everywhere.

NUL cannot be stored in PostgreSQL text (a 500 there, silently kept on SQLite), and the
other C0/C1 control characters are invisible in every screen and document. Tab, line
feed and carriage return are ordinary text and stay allowed.
"""

from __future__ import annotations

import re
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
