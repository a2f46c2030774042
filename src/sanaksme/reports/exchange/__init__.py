"""The whole meeting as JSON (`sanaksme/meeting@3`) and back into another Sanāksme.

`meeting_export(meeting)` → a JSON-ready dict; `meeting_import(data, slug=…)` → a new
meeting, all or nothing (an older `@1` file too). The format is described in
docs/exports.md; the tables that travel are listed once, in `spec.py`.
"""

from .export import meeting_export
from .imports import meeting_import
from .spec import SCHEMA

__all__ = ["SCHEMA", "meeting_export", "meeting_import"]
