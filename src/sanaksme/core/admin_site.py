"""The admin is the operator's site: superusers only.

Its lists are not scoped by organisation, so a facilitator who is also staff with
model permissions would see every organisation's participants through it. The
facilitators' own pages (console/) carry the walls between organisations.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class OperatorAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)


class OperatorAdminConfig(AdminConfig):
    default_site = "sanaksme.core.admin_site.OperatorAdminSite"
