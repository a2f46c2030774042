"""Content-Security-Policy helpers on top of django-csp (settings: CONTENT_SECURITY_POLICY).

The policy forbids framing (frame-ancestors 'none'). A view that is meant to be framed
by our own pages already says so with Django's `xframe_options_sameorigin`; the
middleware reads that and allows frame-ancestors 'self' for that response only, so the
two headers never disagree.
"""

from __future__ import annotations

import base64
import hashlib

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase


class SanaksmeCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request: HttpRequest, response: HttpResponseBase,
                         report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def inline_hash(text: str) -> str:
    """The CSP source that allows exactly this inline <style> (or <script>) text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
