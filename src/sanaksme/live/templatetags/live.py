"""`{% live_config ws_url audience %}`: the JSON a live screen's script reads;
`{% live_script "js/live/phone.js" %}`: the screen's entry module and everything it
imports, preloaded."""

from __future__ import annotations

import re
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from django import template
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.utils.html import format_html, format_html_join, json_script
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from sanaksme.boards.domain.notes import NOTE_LIMIT
from sanaksme.groups.domain.worksheet import TEXT_LIMIT
from sanaksme.programme.domain.methods import BRAINSTORM_COLUMNS
from sanaksme.programme.labels import option_label

register = template.Library()


@register.simple_tag
def live_config(ws_url: str, audience: str, people: Any = None,
                me: int | None = None, easy: bool = False,
                worker: str | None = None) -> SafeString:
    """The JSON a live screen's script reads. `people` (id, name) only on the console;
    `me` is the phone's own participant id; `easy`: the meeting offers the simple view
    (pictures and short words) on phones; `worker`: the phone's service worker."""
    strings: dict[str, str] = {}
    for part in (_common, _boards, _speaking, _presenting, _groups):
        strings.update(part())
    strings.update(_visit())  # the projector shows the place and the day's visits too
    if audience == "console":
        strings.update(_scribe())
    if easy:
        strings.update(_easy())
    return json_script({
        "ws": ws_url, "audience": audience, "limit": NOTE_LIMIT, "me": me, "easy": easy,
        "line_limit": TEXT_LIMIT, "sw": worker, "swScope": "/p/",
        "people": [{"id": pk, "name": name} for pk, name in (people or [])],
        "strings": strings,
    }, "live-config")


# A static import ("import {x} from './y.js'"), not a dynamic one ("import('./y.js')").
IMPORT = re.compile(r'^\s*import\b(?!\s*\()[^"\']*["\'](\./[^"\']+|\.\./[^"\']+)["\']',
                    re.MULTILINE)
# A dynamic import: fetched only when the code runs it (the phones' simple view).
DYNAMIC_IMPORT = re.compile(r'\bimport\(\s*["\'](\./[^"\']+|\.\./[^"\']+)["\']\s*\)')


@cache
def module_graph(entry: str, *, dynamic: bool = False) -> tuple[str, ...]:
    """Every module `entry` imports, directly or not (static paths, e.g.
    "js/live/dom.js"), read from the files once per process. The page preloads these;
    with `dynamic`, also the modules fetched by `import()` and what they import."""
    found: list[str] = []
    todo = [entry]
    while todo:
        path = todo.pop()
        located = finders.find(path)
        if located is None:
            raise ValueError(f"{path}: static file not found")
        with open(located, encoding="utf-8") as handle:
            text = handle.read()
        targets = IMPORT.findall(text) + (DYNAMIC_IMPORT.findall(text) if dynamic else [])
        for target in targets:
            name = str(PurePosixPath(path).parent.joinpath(target))
            parts: list[str] = []
            for piece in name.split("/"):
                if piece == "..":
                    parts.pop()
                elif piece != ".":
                    parts.append(piece)
            resolved = "/".join(parts)
            if resolved != entry and resolved not in found:
                found.append(resolved)
                todo.append(resolved)
    return tuple(found)


@register.simple_tag
def live_script(entry: str) -> SafeString:
    """The entry module, with `modulepreload` links for all it imports: on a slow
    network the browser fetches them at once instead of one level of imports at a
    time."""
    links = format_html_join("", '<link rel="modulepreload" href="{}">',
                             ((static(m),) for m in module_graph(entry)))
    return format_html('{}<script type="module" src="{}"></script>', links, static(entry))


def _common() -> dict[str, str]:
    """Shared by every screen and method."""
    return {
        "online": _("Connected"),
        "offline": _("Offline — notes will be sent later"),
        "waiting_for_start": _("Waiting for the facilitator to start…"),
        "console_idle": _("No item is running — choose one from the agenda."),
        "phones_connected": _("Phones connected"),
        "send": _("Send"),
        "cancel": _("Cancel"),
        "save": _("Save"),
        "saved": _("Saved"),
        "move_up": _("Move up"),
        "move_down": _("Move down"),
        "back": _("◀ Back"),
        "pause": _("Pause"),
        "resume": _("Resume"),
        "add_minute": _("+1 minute"),
        "bring_back": _("Bring back"),
        "too_long": _("at most %(limit)s characters: shorten the text"),
    }


def _boards() -> dict[str, str]:
    """Writing notes and the board (js/live/boards.js)."""
    return {
        "which_sheet": _("Which sheet?"),
        "which_column": _("Choose a column"),
        "your_note": _("Your note"),
        "sent": _("sent"),
        "waiting": _("waiting to send"),
        "pick_column": _("Choose a column first."),
        "empty": _("Write something first."),
        "my_notes": _("My notes"),
        "shared_board": _("See the shared sheet"),
        "merged": _("merged duplicates"),
        "hidden": _("Hidden"),
        "merged_into": _("Merged into another note"),
        "hide": _("Hide"),
        "show": _("Show again"),
        "merge": _("Merge…"),
        "merge_here": _("Merge into this"),
        "unmerge": _("Unmerge"),
        "reply": _("Reply"),
        "reply_kind": _("Kind of reply"),
        "reply_text": _("Reply text"),
        "hide_reason": _("Why is this note hidden? (It stays stored and can be shown again.)"),
        "not_shown": _("Not shown on the projector yet."),
        "reveal": _("Show on the projector"),
        "withdraw": _("Hide from the projector"),
        "collected_later": _("Notes are being collected; they will be shown later."),
        "proj_label": _("The projector shows"),
        "proj_all": _("Every sheet in turn"),
        "proj_whole_sheet": _("The whole sheet"),
        "author": _("Said by"),
        "anonymous": _("anonymous"),
        "author_keys": _("First letters of the name, then Enter"),
        "write_for": _("Write a note for someone"),
        "shortcuts": _("Enter sends · Alt+1…9 picks a column · Alt+Shift+1…9 a sheet · "
                       "Alt+N who said it: first letters, Enter"),
    }


def _speaking() -> dict[str, str]:
    """Tour de table and discussion (js/live/speaking.js)."""
    return {
        "speaking_now": _("Speaking now"),
        "speaking_for": _("Speaking for"),
        "your_turn": _("Your turn to speak"),
        "next_speaker": _("Next"),
        "next": _("Next speaker ▶"),
        "start_round": _("Start the round"),
        "round_over": _("Everyone has spoken."),
        "spoken_of": _("spoken"),
        "slot": _("planned"),
        "projected_end": _("projected end"),
        "paused": _("paused"),
        "over_time": _("over time"),
        "raise_hand": _("Raise my hand"),
        "lower_hand": _("Lower my hand"),
        "your_place": _("Your place in the queue"),
        "waiting_to_speak": _("Waiting to speak"),
        "key_points": _("Key points"),
        "give_floor": _("Give the floor"),
        "queue": _("Queue"),
        "raised_in_room": _("Add a hand raised in the room"),
        "minutes": _("Minutes"),
        "key_points_lines": _("Key points (one per line)"),
        "show_key_points": _("Show key points on the projector"),
        "floor_by_category": _("Who had the floor"),
        "nobody_speaking": _("Nobody has the floor."),
        "next_from_queue": _("Next from the queue ▶"),
        "drag_hint": _("Drag names (or use ↑ ↓) to change the order; “Skip” leaves out someone "
                       "who is not here."),
        "skip": _("Skip"),
        "skipped": _("Skipped"),
    }


def _presenting() -> dict[str, str]:
    """Slides, videos and the day's summary (js/live/presenting.js)."""
    return {
        "slide": _("Slide"),
        "prev_slide": _("◀ Previous"),
        "next_slide": _("Next ▶"),
        "show_on_screen": _("Show"),
        "take_off_screen": _("Take off the screen"),
        "slides": _("Slides"),
        "videos": _("Videos"),
        "play": _("▶ Play"),
        "pause_video": _("❚❚ Pause"),
        "add_materials": _("Add slides or videos"),
        "video": _("Video"),
        "presentation": _("Presentation"),
        "no_materials": _("No slides or videos for this item yet."),
        "slide_keys": _("Arrow keys, Page Up/Down or a presenter's clicker change the slide."),
        "summary": _("The day's summary"),
        "summary_hint": _("Notes for the day's summary; the report uses them."),
        "show_summary": _("Show the summary on the projector"),
        "click_to_play": _("Click to play with sound"),
        "summary_draft": _("Add a draft from the groups' comparison"),
    }


def _groups() -> dict[str, str]:
    """Small groups (js/live/groups.js)."""
    return {
        "g_municipality": _("Municipality"),
        "g_state": _("State"),
        "g_community": _("Community"),
        "g_not_weighed": _("Who can change it? Not set yet"),
        "g_who_can_change": _("Who can change this? Tap + for more, − for less."),
        "g_solutions": _("Solutions"),
        "g_new_solution": _("A solution"),
        "g_new_factor": _("A factor: what hurts the children's education?"),
        "g_add": _("Add"),
        "g_remove": _("Remove from the worksheet"),
        "g_no_factors": _("No factors yet."),
        "g_order_hint": _("Most significant first: move with ↑ ↓. The top three are marked ★."),
        "g_move_to": _("Move to"),
        "g_place": _("Room or table"),
        "g_people": _("People"),
        "g_factors_written": _("Factors written"),
        "g_present": _("Present"),
        "g_registered": _("Registered"),
        "g_from_present": _("from those present"),
        "g_from_all": _("From everyone registered"),
        "g_draw": _("Form the groups"),
        "g_draw_again": _("Draw again"),
        "g_draw_again_confirm": _("Draw all groups again? Everyone may get another group."),
        "g_add_late": _("Add late arrivals"),
        "g_open_worksheets": _("Every group sees every worksheet"),
        "g_drag_hint": _("Drag a name to another group, or choose its group."),
        "g_seed": _("draw no."),
        "g_not_formed": _("The groups are not formed yet."),
        "g_no_group": _("You are not in a group yet: ask the facilitator."),
        "g_your_group": _("Your group"),
        "g_waiting": _("Present, without a group"),
        "g_presenting": _("Presenting now"),
        "g_all_presented": _("All groups have presented."),
        "g_next_group": _("Next group ▶"),
        "g_start": _("Start the presentations"),
        "g_comparison": _("Common and different"),
        "g_propose": _("Propose themes"),
        "g_propose_again": _("Propose again"),
        "g_confirm": _("Confirm the themes"),
        "g_confirmed": _("Confirmed ✓"),
        "g_propose_again_kept": _("Propose again (confirmed themes stay)"),
        "g_unconfirm": _("Unconfirm"),
        "g_theme_confirmed": _("confirmed"),
        "g_column_empty": _("No themes here yet."),
        "g_show_comparison": _("Show the comparison on the projector"),
        "g_unthemed": _("Factors not in a theme yet"),
        "g_compare_hint": _("Drag a factor onto another theme to move it (or ⇄, then “Move "
                            "here”), a theme's name onto another to merge them; ⇱ splits a "
                            "factor off, ✓ confirms a theme."),
        "g_common": _("Common"),
        "g_experts_only": _("Only the experts"),
        "g_community_only": _("Only the community"),
        "g_rename": _("New name for the theme"),
        "g_rename_theme": _("Rename the theme"),
        "g_merge_into": _("Merge into"),
        "g_confirm_theme": _("Confirm theme"),
        "g_undo": _("Undo"),
        "g_replaced": _("Factors re-placed"),
        "g_replaced_none": _("The other themes stay as they were."),
        "g_move_factor": _("Move to another theme"),
        "g_move_here": _("Move here"),
        "g_cancel_move": _("Cancel moving"),
        "g_chart": _("Who can change it: the experts' and the community's view"),
        "g_experts": _("Experts"),
    }


def _visit() -> dict[str, str]:
    """A site visit on the phone (js/live/visit.js) and the waiting notes (offline.js)."""
    return {
        **{f"col_{code}": str(option_label(code)) for code in BRAINSTORM_COLUMNS},
        "v_address": _("Address"),
        "v_host": _("Host"),
        "v_look_for": _("What to look at"),
        "v_departure": _("We leave at"),
        "v_next": _("Next:"),
        "v_today": _("Today's visits"),
        "v_now": _("we are here"),
        "v_observe": _("What did you see here?"),
        "v_write": _("your observation"),
        "v_thanks": _("Saved on this phone. It goes to the meeting by itself."),
        "v_mine": _("My observations"),
        "v_no_sheet": _("Observations are not collected for this place."),
        "v_closed": _("Observations for this place are no longer collected."),
        "w_waiting": _("Waiting on this phone:"),
        "w_safe": _("These notes are safe and will be sent when the phone reaches the "
                    "meeting again."),
    }


def _scribe() -> dict[str, str]:
    """The console's side of a visit (js/live/visit_console.js, the marks in boards.js)."""
    return {
        "from_visit": _("from the visit"),
        "visit_show": _("Show the visit's observations"),
        "visit_hide": _("Hide the visit's observations"),
        "visit_held": _("The observations from the visit are not on the projector yet."),
        "visit_flag": _("An observation from the visit"),
        "visit_scribe": _("Type observations from the visit"),
        "visit_keys": _("Enter sends and keeps the column and the person · Alt+1…4 picks a "
                        "column · Alt+N who said it: first letters, Enter (empty: "
                        "anonymous)"),
        "visit_count": _("Observations from the visit so far:"),
        "visit_open": _("Observations are accepted now."),
        "visit_add_site": _("Add this place to a brainstorm in the designer to collect "
                            "them."),
        "visit_offline_https": _("Phones keep working away from the network: a phone that "
                                 "opened the meeting once reopens this visit from its own "
                                 "memory, and its notes wait on it until it is back online."),
        "visit_offline_http": _("Before people leave the hall: ask them to keep the "
                                "meeting's page open on their phones. Their notes wait on "
                                "the phone without the network and are sent when they are "
                                "back. Over this plain http address a closed page cannot "
                                "open again without the network; over https (the hosted "
                                "mode) it can."),
    }


def _easy() -> dict[str, str]:
    """The simple view's short words (js/live/easy/*.js), only when the meeting has it."""
    return {
        "e_choose": _("Pictures or words?"),
        "e_pictures": _("Pictures"),
        "e_words": _("Words"),
        "e_back": _("Back"),
        "e_write": _("Write"),
        "e_thanks": _("Thank you! Sent."),
        "e_positive": _("Good"),
        "e_problem": _("Problem"),
        "e_existing_solution": _("Works already"),
        "e_possible_solution": _("Idea"),
        "e_feedback": _("My opinion"),
        "e_suggestion": _("My advice"),
        "e_listen": _("Listen"),
        "e_hand_up": _("I want to speak"),
        "e_hand_down": _("Put my hand down"),
        "e_new_factor": _("What is the problem?"),
        "e_see_all": _("What everyone wrote"),
    }
