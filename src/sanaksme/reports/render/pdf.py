"""The meeting report as PDF (WeasyPrint), from the same HTML as the preview."""

from __future__ import annotations

from ..data import ReportData
from .html import STYLESHEETS, render_html


def render_pdf(data: ReportData) -> bytes:
    """PDF bytes of the report: A4, title page, funding notice on every page."""
    from weasyprint import CSS, HTML  # heavy import, only when a PDF is asked for

    document = HTML(string=render_html(data), base_url=str(STYLESHEETS[-1].parent))
    pdf: bytes = document.write_pdf(stylesheets=[CSS(filename=str(p)) for p in STYLESHEETS])
    return pdf
