"""The printable facilitation programme ("vadīšanas programma"): PDF and DOCX.

`data.programme_document` decides what goes in; `pdf` and `docx` decide how it looks.
"""

from __future__ import annotations

from .data import ProgrammeDocument, programme_document
from .docx import render_docx
from .pdf import render_pdf

__all__ = ["ProgrammeDocument", "programme_document", "render_docx", "render_pdf"]
