"""Brainstorm sheets per site and column, replies under notes; the feedback notes."""

from __future__ import annotations

from collections import defaultdict

from sanaksme.boards.models import Note, Reply, Sheet
from sanaksme.programme.domain.methods import Method
from sanaksme.programme.labels import option_label
from sanaksme.programme.models import AgendaItem

from ..data import (
    Brainstorm,
    ColumnSection,
    Feedback,
    NoteLine,
    ReplyLine,
    SheetSection,
)


class _Board:
    """The notes of some sheets, read once: shown, merged and hidden, with replies."""

    def __init__(self, sheets: list[Sheet]) -> None:
        notes = list(Note.objects.filter(sheet__in=sheets).order_by("seq", "id"))
        by_id = {n.pk: n for n in notes}
        self.replies: dict[int, list[Reply]] = defaultdict(list)
        for reply in Reply.objects.filter(note__in=notes).order_by("seq", "id"):
            self.replies[reply.note_id].append(reply)
        self.merged: dict[int, list[Note]] = defaultdict(list)
        self.shown: dict[int, list[Note]] = defaultdict(list)  # by sheet
        self.hidden: dict[int, int] = defaultdict(int)
        for note in notes:
            target = by_id.get(note.merged_into_id) if note.merged_into_id else None
            if note.hidden:
                self.hidden[note.sheet_id] += 1
            elif target is not None and not target.hidden:
                self.merged[target.pk].append(note)
            else:
                self.shown[note.sheet_id].append(note)

    def line(self, note: Note) -> NoteLine:
        merged = self.merged.get(note.pk, [])
        replies = [r for n in (note, *merged) for r in self.replies.get(n.pk, [])]
        return NoteLine(text=note.text,
                        replies=tuple(ReplyLine(option_label(r.kind), r.text) for r in replies),
                        merged=tuple(m.text for m in merged))

    def columns(self, sheet: Sheet) -> tuple[ColumnSection, ...]:
        codes = [str(c) for c in (sheet.columns or [])]
        notes = self.shown.get(sheet.pk, [])
        codes += sorted({n.column for n in notes} - set(codes))
        return tuple(ColumnSection(option_label(code) if code else "",
                                   tuple(self.line(n) for n in notes if n.column == code))
                     for code in codes)

    def section(self, sheet: Sheet) -> SheetSection:
        shown = self.shown.get(sheet.pk, [])
        visible = [m for n in shown for m in (n, *self.merged.get(n.pk, []))]
        return SheetSection(title=sheet.title, columns=self.columns(sheet),
                            notes=len(visible), hidden=self.hidden.get(sheet.pk, 0),
                            from_visit=sum(1 for n in visible if n.from_visit))

    def reply_count(self) -> int:
        return sum(len(r) for r in self.replies.values())


def _sheets(item: AgendaItem) -> list[Sheet]:
    return list(Sheet.objects.filter(item=item).order_by("position", "id"))


def brainstorms(items: list[AgendaItem]) -> tuple[Brainstorm, ...]:
    """Every brainstorm with notes: sheets, columns, notes with replies; hidden counted."""
    found = []
    for item in items:
        if item.method != Method.BRAINSTORM.value:
            continue
        sheets = _sheets(item)
        board = _Board(sheets)
        sections = tuple(board.section(s) for s in sheets)
        if not any(s.notes or s.hidden for s in sections):
            continue
        found.append(Brainstorm(title=item.title, sheets=sections,
                                notes=sum(s.notes for s in sections),
                                replies=board.reply_count(),
                                hidden=sum(s.hidden for s in sections)))
    return tuple(found)


def feedback(items: list[AgendaItem]) -> tuple[Feedback, ...]:
    """The sticky notes of each feedback round: feedback and next-meeting suggestions."""
    found = []
    for item in items:
        if item.method != Method.FEEDBACK.value:
            continue
        sheets = _sheets(item)
        board = _Board(sheets)
        notes = [n for s in sheets for n in board.shown.get(s.pk, [])]

        def texts(column: str | None, notes: list[Note] = notes,
                  board: _Board = board) -> tuple[str, ...]:
            return tuple(t for n in notes
                         if (n.column == column if column else
                             n.column not in ("feedback", "suggestion"))
                         for t in (n.text, *board.line(n).merged))

        hidden = sum(board.hidden.values())
        if notes or hidden:
            found.append(Feedback(title=item.title, feedback=texts("feedback"),
                                  suggestions=texts("suggestion"), other=texts(None),
                                  hidden=hidden))
    return tuple(found)
