"""Sample slide decks for the demo meeting, made with WeasyPrint from the seed's own
words (topics, questions), so a newcomer can try the projector at once. They say on
every slide that they are samples to be replaced by the real presentation."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string

from sanaksme.programme.domain.methods import Method
from sanaksme.programme.models import AgendaItem, Meeting

from .models import Deck
from .services import deck_upload


def _slides_for(item: AgendaItem, meeting: Meeting) -> list[dict[str, object]]:
    topic = str(item.params.get("topic") or item.title)
    points = [p.strip()[0].upper() + p.strip()[1:]
              for p in topic.replace(" un ", ", ").split(",") if p.strip()]
    slides: list[dict[str, object]] = [
        {"title": item.title, "lead": f"{meeting.full_title}", "points": []},
        {"title": "Saturs", "lead": "", "points": points or [topic]},
    ]
    later = item.day.items.filter(method=Method.DISCUSSION.value).order_by("starts_at")
    follow = (later.filter(starts_at__gte=item.ends_at).first()
              if item.ends_at is not None else None)
    if follow is not None and follow.params.get("question"):
        slides.append({"title": "Diskusijai", "lead": str(follow.params["question"]),
                       "points": []})
    return slides


def demo_decks(meeting: Meeting) -> int:
    """Attach a sample deck to each presentation item that has none. Returns how many."""
    from weasyprint import HTML  # imported late: only the demo needs it here

    made = 0
    items = AgendaItem.objects.filter(day__meeting=meeting, method=Method.PRESENTATION.value)
    for item in items.select_related("day__meeting"):
        if Deck.objects.filter(item=item).exists():
            continue
        html = render_to_string("presenting/sample_slides.html",
                                {"slides": _slides_for(item, meeting), "meeting": meeting})
        pdf = HTML(string=html).write_pdf()
        deck_upload(item=item, upload=SimpleUploadedFile("paraugs.pdf", pdf, "application/pdf"),
                    title=f"{item.title} (parauga slaidi)")
        made += 1
    return made
