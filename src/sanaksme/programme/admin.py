from django.contrib import admin

from .models import AgendaItem, Day, Meeting, Organisation, Project, Series, Site


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin[Project]):
    list_display = ["name", "number", "organisation"]
    search_fields = ["name", "number"]


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin[Series]):
    list_display = ["title", "slug", "organisation"]
    prepopulated_fields = {"slug": ["title"]}


class DayInline(admin.TabularInline[Day, Meeting]):
    model = Day
    extra = 0


class SiteInline(admin.TabularInline[Site, Meeting]):
    model = Site
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin[Meeting]):
    list_display = ["full_title", "slug", "place", "starts_on", "language"]
    list_filter = ["language", "series"]
    search_fields = ["title", "slug", "place"]
    inlines = [DayInline, SiteInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin[AgendaItem]):
    list_display = ["title", "day", "position", "starts_at", "ends_at", "method"]
    list_filter = ["method", "day__meeting"]
    search_fields = ["title"]
