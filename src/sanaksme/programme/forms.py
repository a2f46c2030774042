"""Forms of the programme designer. They parse input; services enforce the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sanaksme.core.dates import format_date
from sanaksme.core.text import NoControlCharsFormMixin

from .domain.methods import METHODS, Kind, Method, Param
from .labels import PARAM_LABELS, option_label
from .models import (
    LANGUAGE_NAMES,
    METHOD_CHOICES,
    PARTICIPANT_LANGUAGES,
    AgendaItem,
    Day,
    Meeting,
    Organisation,
    Project,
    Series,
    Site,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# A plain 24-hour text field: a browser's own time picker follows the laptop's
# locale and may show "10:00 AM" in a Latvian programme.
TIME = forms.TimeInput(format="%H:%M", attrs={
    "placeholder": "HH:MM", "pattern": r"([01]?\d|2[0-3]):[0-5]\d",
    "size": 6, "class": "time"})


class LinesField(forms.CharField):
    """A textarea whose non-empty lines become a list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in str(text).splitlines() if line.strip()]


class LanguagesField(forms.MultipleChoiceField):
    """The languages participants may pick on their phones: checkboxes, at least one."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=[(c, LANGUAGE_NAMES[c]) for c in PARTICIPANT_LANGUAGES],
                         error_messages={"required": _("Choose at least one language.")},
                         **kwargs)


class MeetingForm(NoControlCharsFormMixin, forms.ModelForm[Meeting]):
    tasks = LinesField(label=_("Tasks (one per line)"), required=False)
    languages = LanguagesField(
        label=_("Languages on the phones"),
        help_text=_("Each phone shows the page in its own language, one of these. "
                    "Reports stay in the meeting's language."))

    class Meta:
        model = Meeting
        fields = ["slug", "ordinal", "title", "language", "place", "starts_on", "ends_on",
                  "series", "project", "goal", "tasks", "participants_description",
                  "plan", "structure", "languages", "easy_mode"]
        widgets = {
            "starts_on": DATE, "ends_on": DATE,
            "goal": forms.Textarea(attrs={"rows": 3}),
            "participants_description": forms.Textarea(attrs={"rows": 2}),
            "plan": forms.Textarea(attrs={"rows": 5}),
            "structure": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, organisation: Organisation | None,
                 **kwargs: Any) -> None:
        """Series and projects are offered from `organisation` only (the meeting's)."""
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = (  # type: ignore[attr-defined]
            Series.objects.filter(organisation=organisation) if organisation
            else Series.objects.none())
        self.fields["project"].queryset = (  # type: ignore[attr-defined]
            Project.objects.filter(organisation=organisation) if organisation
            else Project.objects.none())

    def clean_languages(self) -> list[str]:
        chosen = set(self.cleaned_data["languages"])
        return [code for code in PARTICIPANT_LANGUAGES if code in chosen]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last day is before the first day."))
        return data


class SiteForm(NoControlCharsFormMixin, forms.ModelForm[Site]):
    class Meta:
        model = Site
        fields = ["key", "name", "address", "host", "description", "look_for"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}),
                   "look_for": forms.Textarea(attrs={"rows": 3})}


class DayForm(NoControlCharsFormMixin, forms.ModelForm[Day]):
    class Meta:
        model = Day
        fields = ["title", "starts_at", "ends_at", "description"]
        widgets = {"starts_at": TIME, "ends_at": TIME,
                   "description": forms.Textarea(attrs={"rows": 2})}


def _param_field(param: Param, site_choices: list[tuple[str, str]]) -> forms.Field:
    label = PARAM_LABELS.get(param.name, param.name)
    options = [(o, option_label(o)) for o in param.options]
    if param.kind is Kind.INT:
        return forms.IntegerField(label=label, min_value=param.minimum,
                                  max_value=param.maximum)
    if param.kind is Kind.BOOL:
        return forms.BooleanField(label=label, required=False)
    if param.kind is Kind.TEXT:
        return forms.CharField(label=label, required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))
    if param.kind is Kind.LINES:
        return LinesField(label=label, required=False)
    if param.kind is Kind.SITE:
        return forms.ChoiceField(label=label, choices=site_choices)
    if param.kind is Kind.CHOICE:
        return forms.ChoiceField(label=label, choices=options)
    choices = site_choices if param.kind is Kind.SITES else options
    return forms.MultipleChoiceField(label=label, choices=choices, required=False,
                                     widget=forms.CheckboxSelectMultiple)


class DayChoiceField(forms.ModelChoiceField[Day]):
    def label_from_instance(self, obj: Day) -> str:
        label = format_date(obj.date, get_language() or "lv")
        return f"{label} — {obj.title}" if obj.title else label


class AgendaItemForm(NoControlCharsFormMixin, forms.ModelForm[AgendaItem]):
    """An agenda item plus the fields of its method's parameters (prefixed `param_`)."""

    materials = LinesField(label=_("Materials (one per line)"), required=False)
    day = DayChoiceField(queryset=Day.objects.none(), label=_("Day"))

    class Meta:
        model = AgendaItem
        fields = ["day", "starts_at", "ends_at", "title", "method", "location",
                  "description", "materials"]
        widgets = {"starts_at": TIME, "ends_at": TIME,
                   "description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, meeting: Meeting, method: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["day"].queryset = meeting.days.all()  # type: ignore[attr-defined]
        self.fields["method"].choices = METHOD_CHOICES  # type: ignore[attr-defined]
        chosen = method or self.data.get("method") or self.instance.method
        self.method = Method(chosen if chosen in Method._value2member_map_ else "break")
        sites = [(s.key, s.name) for s in meeting.sites.all()]
        current = self.instance.params if self.instance.method == self.method.value else {}
        for param in METHODS[self.method].params:
            field = _param_field(param, sites)
            field.initial = current.get(param.name, param.default)
            self.fields[f"param_{param.name}"] = field

    def param_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("param_")]

    def params(self) -> dict[str, Any]:
        return {name.removeprefix("param_"): value
                for name, value in self.cleaned_data.items() if name.startswith("param_")}
