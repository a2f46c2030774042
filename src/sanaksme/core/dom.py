"""The one place swap-target ids are made, so a view and a live event agree."""

from django.db.models import Model


def dom_id(obj: Model, prefix: str = "") -> str:
    """`dom_id(item)` → "agendaitem-17"; with a prefix, "checks-agendaitem-17"."""
    base = f"{obj._meta.model_name}-{obj.pk}"
    return f"{prefix}-{base}" if prefix else base
