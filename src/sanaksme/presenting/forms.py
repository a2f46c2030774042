from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sanaksme.core.text import NoControlCharsFormMixin


class DeckForm(NoControlCharsFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False,
                            help_text=_("Shown on the console; the file name if empty."))
    file = forms.FileField(label=_("Slides (PDF)"),
                           widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
                           help_text=_("Save PowerPoint or Impress slides as PDF first."))


class VideoForm(NoControlCharsFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(label=_("Video file (MP4 or WebM)"), required=False,
                           widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/webm"}),
                           help_text=_("Best for bad Wi-Fi: the video plays from this laptop."))
    url = forms.CharField(label=_("…or a link"), max_length=500, required=False,
                          help_text=_("YouTube, Vimeo, or a direct link to an .mp4 file. "
                                      "A link needs the internet at the venue."))

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if bool(data.get("file")) == bool((data.get("url") or "").strip()):
            raise forms.ValidationError(_("Choose a video file or give a link (one of the two)."))
        return data
