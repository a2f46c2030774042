from django.contrib import admin

from .models import (
    Factor,
    Group,
    GroupSet,
    LearnedConcept,
    Membership,
    Solution,
    Theme,
    ThemeDecision,
)


class GroupInline(admin.TabularInline[Group, GroupSet]):
    model = Group
    extra = 0
    fields = ("number", "kind", "category", "place", "presented_seconds")


@admin.register(GroupSet)
class GroupSetAdmin(admin.ModelAdmin[GroupSet]):
    list_display = ("item", "meeting", "seed", "worksheets_open")
    inlines = [GroupInline]


class SolutionInline(admin.TabularInline[Solution, Factor]):
    model = Solution
    extra = 0
    fields = ("text", "hidden")


@admin.register(Factor)
class FactorAdmin(admin.ModelAdmin[Factor]):
    list_display = ("text", "group", "position", "hidden", "theme")
    list_filter = ("hidden",)
    inlines = [SolutionInline]


admin.site.register(Membership)
admin.site.register(Theme)
admin.site.register(LearnedConcept)
admin.site.register(ThemeDecision)
