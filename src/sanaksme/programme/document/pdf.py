"""The facilitation programme as a PDF, rendered from HTML with WeasyPrint."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from ..models import Meeting
from .data import ProgrammeDocument, programme_document

TEMPLATE = "programme/document/programme.html"
STYLESHEET = (Path(__file__).resolve().parent.parent
              / "templates" / "programme" / "document" / "document.css")


def keep_together(text: str, phrase: str) -> SafeString:
    """`text` escaped, with every `phrase` in it kept on one line (e.g. a project number)."""
    if not phrase:
        return format_html("{}", text)
    glue = format_html('<span class="nowrap">{}</span>', phrase)
    return format_html_join(glue, "{}", ((part,) for part in text.split(phrase)))


def render_document_pdf(doc: ProgrammeDocument) -> bytes:
    """PDF bytes of an already built programme document."""
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    footer = " ".join(t for t in (doc.acknowledgement, doc.disclaimer) if t)
    context = {
        "doc": doc,
        "acknowledgement": keep_together(doc.acknowledgement, doc.project_number),
        "footer": keep_together(footer, doc.project_number),
    }
    with translation.override(doc.language):
        html = render_to_string(TEMPLATE, context)
    document = HTML(string=html, base_url=str(STYLESHEET.parent))
    pdf: bytes = document.write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
    return pdf


def render_pdf(meeting: Meeting) -> bytes:
    """The facilitation programme of `meeting` as PDF bytes, in the meeting's language."""
    return render_document_pdf(programme_document(meeting))
