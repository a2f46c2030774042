from django import forms
from django.utils.translation import gettext_lazy as _

from sanaksme.core.text import NoControlCharsFormMixin

from .models import Participant


class ParticipantForm(NoControlCharsFormMixin, forms.ModelForm[Participant]):
    class Meta:
        model = Participant
        fields = ["name", "category", "institution", "municipality", "is_roma_mediator",
                  "municipality_had_mediators", "email", "phone", "consent_method",
                  "consent_at"]
        widgets = {"consent_at": forms.DateInput(attrs={"type": "date"},
                                                 format="%Y-%m-%d")}
        help_texts = {
            "consent_method": _("Needed for a Roma community representative or a Roma "
                                "mediator: it reveals ethnic origin. How did the person "
                                "agree? Left empty, their phone asks them at join."),
            "consent_at": _("The day the person agreed (today if left empty)."),
        }
