from django.contrib import admin

from .models import Participant


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin[Participant]):
    list_display = ["name", "category", "institution", "municipality", "meeting"]
    list_filter = ["category", "meeting"]
    search_fields = ["name", "institution", "municipality"]
