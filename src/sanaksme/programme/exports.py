"""One entry point for programme downloads, shared by the CLI and the console."""

from __future__ import annotations

from dataclasses import dataclass

from .models import Meeting
from .selectors import meeting_get_full, programme_as_dict
from .yaml_io import dump_programme

EXPORT_FORMATS = ("yaml", "pdf", "docx")
CONTENT_TYPES = {
    "yaml": "application/yaml; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass(frozen=True)
class Export:
    content: bytes
    content_type: str
    filename: str


def export_programme(meeting: Meeting, fmt: str) -> Export:
    """The programme of `meeting` as a YAML, PDF or DOCX file."""
    full = meeting_get_full(meeting.slug)
    if fmt == "yaml":
        content = dump_programme(programme_as_dict(full)).encode("utf-8")
    elif fmt == "pdf":
        from .document import render_pdf

        content = render_pdf(full)
    elif fmt == "docx":
        from .document import render_docx

        content = render_docx(full)
    else:
        raise ValueError(fmt)
    return Export(content, CONTENT_TYPES[fmt], f"{meeting.slug}-programme.{fmt}")
