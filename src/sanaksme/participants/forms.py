from django import forms

from .models import Participant


class ParticipantForm(forms.ModelForm[Participant]):
    class Meta:
        model = Participant
        fields = ["name", "category", "institution", "municipality", "is_roma_mediator",
                  "municipality_had_mediators", "email", "phone"]
