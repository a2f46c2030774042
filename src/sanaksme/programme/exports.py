"""One entry point for programme downloads, shared by the CLI and the console.

Privacy by default: the programme file carries no registration list unless asked for
(`names`), and no e-mail or phone unless asked for as well (`contacts`). A category
next to a name can reveal ethnic origin (Roma community), so a list with names is
special-category data; the PDF and DOCX never list participants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


CONTACT_FIELDS = ("email", "phone")


def export_programme(meeting: Meeting, fmt: str, *, names: bool = False,
                     contacts: bool = False) -> Export:
    """The programme of `meeting` as a YAML, PDF or DOCX file; the YAML lists the
    participants only with `names`, and their e-mail and phone only with `contacts` too."""
    full = meeting_get_full(meeting.slug)
    if fmt == "yaml":
        data = _registration_list(programme_as_dict(full), names=names, contacts=contacts)
        content = dump_programme(data).encode("utf-8")
    elif fmt == "pdf":
        from .document import render_pdf

        content = render_pdf(full)
    elif fmt == "docx":
        from .document import render_docx

        content = render_docx(full)
    else:
        raise ValueError(fmt)
    suffix = "-with-names" if fmt == "yaml" and names else ""
    return Export(content, CONTENT_TYPES[fmt], f"{meeting.slug}-programme{suffix}.{fmt}")


def _registration_list(data: dict[str, Any], *, names: bool,
                       contacts: bool) -> dict[str, Any]:
    """The programme dict with the participants left out, or without their contacts."""
    data = dict(data)
    people = data.pop("participants", [])
    if names and people:
        data["participants"] = [
            {k: v for k, v in person.items() if contacts or k not in CONTACT_FIELDS}
            for person in people]
    return data
