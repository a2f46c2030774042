"""Method descriptions for the printed programme, generated from method parameters.

Each description has three parts, in this order: sentences that open it (the method's
lead), the facilitator's own description of the item, and sentences that state the
method's rules from its parameters. Change a parameter and the text changes with it.

Call these inside `translation.override(meeting.language)`; every sentence is a
translatable string with an English msgid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from ..domain.methods import Category, Method

_NUMBER_SPACE = re.compile(r"(?<=\d) (?=\w)")

# Category names in the grammatical cases the sentences need. English has one form;
# Latvian inflects (romu kopienas pārstāvji / pārstāvjus / pārstāvjiem / pārstāvju).
_CATEGORY_PHRASES: dict[str, dict[str, Promise]] = {
    "nominative": {
        Category.REGIONAL_EXPERT: pgettext_lazy("nominative plural", "regional experts"),
        Category.MUNICIPAL: pgettext_lazy("nominative plural", "municipal representatives"),
        Category.EXPERT: pgettext_lazy("nominative plural", "experts"),
        Category.ROMA_COMMUNITY: pgettext_lazy(
            "nominative plural", "Roma community representatives"),
        Category.ORGANISER: pgettext_lazy("nominative plural", "organisers"),
    },
    "accusative": {
        Category.REGIONAL_EXPERT: pgettext_lazy("accusative plural", "regional experts"),
        Category.MUNICIPAL: pgettext_lazy("accusative plural", "municipal representatives"),
        Category.EXPERT: pgettext_lazy("accusative plural", "experts"),
        Category.ROMA_COMMUNITY: pgettext_lazy(
            "accusative plural", "Roma community representatives"),
        Category.ORGANISER: pgettext_lazy("accusative plural", "organisers"),
    },
    "dative": {
        Category.REGIONAL_EXPERT: pgettext_lazy("dative plural", "regional experts"),
        Category.MUNICIPAL: pgettext_lazy("dative plural", "municipal representatives"),
        Category.EXPERT: pgettext_lazy("dative plural", "experts"),
        Category.ROMA_COMMUNITY: pgettext_lazy(
            "dative plural", "Roma community representatives"),
        Category.ORGANISER: pgettext_lazy("dative plural", "organisers"),
    },
    "genitive": {
        Category.REGIONAL_EXPERT: pgettext_lazy("genitive plural", "regional experts"),
        Category.MUNICIPAL: pgettext_lazy("genitive plural", "municipal representatives"),
        Category.EXPERT: pgettext_lazy("genitive plural", "experts"),
        Category.ROMA_COMMUNITY: pgettext_lazy(
            "genitive plural", "Roma community representatives"),
        Category.ORGANISER: pgettext_lazy("genitive plural", "organisers"),
    },
}

_COLUMNS = {
    "positive": pgettext_lazy("brainstorm column", "positive aspects"),
    "problem": pgettext_lazy("brainstorm column", "problems"),
    "existing_solution": pgettext_lazy("brainstorm column", "existing solutions"),
    "possible_solution": pgettext_lazy("brainstorm column", "possible solutions"),
}

_REPLY_KINDS = {
    "comment": pgettext_lazy("reply kind", "comments"),
    "clarification": pgettext_lazy("reply kind", "clarifications"),
    "explanation": pgettext_lazy("reply kind", "explanations"),
    "addition": pgettext_lazy("reply kind", "additions"),
}

# Who may be responsible for an improvement, after "depend on" (Latvian genitive).
_RESPONSIBLE = {
    "municipality": pgettext_lazy("depends on", "the municipality"),
    "state": pgettext_lazy("depends on", "the state"),
    "community": pgettext_lazy("depends on", "the Roma community"),
}


@dataclass(frozen=True)
class ItemFacts:
    """What a description may draw on besides the item's parameters."""

    description: str
    params: dict[str, Any]
    site_names: dict[str, str]
    # Parameters of the small-group work this item refers to (for presentations).
    group_work: dict[str, Any] | None = None


def categories(values: Sequence[str], case: str, conjunction: str = "and") -> str:
    """Category names in `case`, joined into one phrase."""
    table = _CATEGORY_PHRASES[case]
    return join([str(table.get(v, v)) for v in values], conjunction)


def join(items: Sequence[str], conjunction: str = "and") -> str:
    """'a, b and c' in the active language."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    word = pgettext("list", "or") if conjunction == "or" else pgettext("list", "and")
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _tour_de_table(facts: ItemFacts) -> tuple[list[str], list[str]]:
    minutes = int(facts.params.get("minutes_per_speaker") or 0)
    lead = [_("To introduce the participants to each other, the tour de table method "
              "is used.")]
    rules = []
    if minutes > 0:
        rules.append(tie_numbers(ngettext(
            "Presentation time: no more than %(minutes)d minute per participant.",
            "Presentation time: no more than %(minutes)d minutes per participant.",
            minutes) % {"minutes": minutes}))
    return lead, rules


def _brainstorm(facts: ItemFacts) -> tuple[list[str], list[str]]:
    params = facts.params
    lead = [_("The brainstorm method is used to gather the participants' views.")]
    rules = []
    names = [facts.site_names.get(key, key) for key in params.get("sites") or []]
    if names:
        rules.append(_("The views are gathered for each place visited: %(sites)s.")
                     % {"sites": "; ".join(names)})
    prompts = [str(p) for p in params.get("prompts") or []]
    if prompts:
        rules.append(_("Guiding questions: %(prompts)s") % {"prompts": " ".join(prompts)})
    rules.append(_("All views are accepted and recorded on A2 sheets."))
    columns = [str(_COLUMNS.get(c, c)) for c in params.get("columns") or []]
    if columns:
        rules.append(_("The sheets have these columns: %(columns)s.")
                     % {"columns": ", ".join(columns)})
    kinds = [str(_REPLY_KINDS.get(k, k)) for k in params.get("reply_kinds") or []]
    repliers = params.get("repliers") or []
    if kinds and repliers:
        rules.append(_("Replies to the views (%(kinds)s) may be given by the %(repliers)s "
                       "present.")
                     % {"kinds": ", ".join(kinds),
                        "repliers": categories(repliers, "nominative")})
    return lead, rules


def _presentation(facts: ItemFacts) -> tuple[list[str], list[str]]:
    topic = str(facts.params.get("topic") or "").strip()
    if topic:
        lead = [_("A short presentation is given on the topic “%(topic)s”.")
                % {"topic": topic}]
    else:
        lead = [_("A short presentation is given.")]
    videos = [str(v) for v in facts.params.get("videos") or []]
    rules = []
    if videos:
        rules.append(ngettext("A video is shown: %(videos)s.",
                              "Videos are shown: %(videos)s.",
                              len(videos)) % {"videos": "; ".join(videos)})
    return lead, rules


def _discussion(facts: ItemFacts) -> tuple[list[str], list[str]]:
    params = facts.params
    lead = [_("The group discussion method is used.")]
    rules = []
    question = str(params.get("question") or "").strip()
    if question:
        rules.append(_("Question for discussion: %(question)s") % {"question": question})
    priority = set(params.get("priority") or [])
    if {"mediator_municipality", "roma_mediator"} <= priority:
        rules.append(_("Representatives of the municipalities where Roma mediators have "
                       "worked, as well as the Roma mediators present, are especially "
                       "invited to speak and share their experience."))
    elif "mediator_municipality" in priority:
        rules.append(_("Representatives of the municipalities where Roma mediators have "
                       "worked are especially invited to speak and share their "
                       "experience."))
    elif "roma_mediator" in priority:
        rules.append(_("The Roma mediators present are especially invited to speak and "
                       "share their experience."))
    minutes = int(params.get("minutes_per_speaker") or 0)
    if minutes > 0:
        rules.append(tie_numbers(ngettext(
            "Speaking time: no more than %(minutes)d minute per speaker.",
            "Speaking time: no more than %(minutes)d minutes per speaker.",
            minutes) % {"minutes": minutes}))
    return lead, rules


def group_division(params: dict[str, Any]) -> str:
    """The sentence saying how many groups there are and who goes where."""
    random_groups = int(params.get("random_groups") or 0)
    dedicated = list(params.get("dedicated_categories") or [])
    total = random_groups + len(dedicated)
    divided = ngettext("The participants are divided into %(total)d small group",
                       "The participants are divided into %(total)d small groups",
                       total) % {"total": total}
    random_part = ngettext(
        "%(count)d group is formed from %(categories)s, grouped at random",
        "%(count)d groups are formed from %(categories)s, grouped at random",
        random_groups,
    ) % {"count": random_groups,
         "categories": categories(params.get("random_categories") or [], "dative")}
    if not dedicated:
        return tie_numbers(_("%(divided)s: %(random)s.")
                           % {"divided": divided, "random": random_part})
    if len(dedicated) == 1:
        dedicated_part = _("but one group is formed by bringing together all "
                           "%(categories)s") % {
            "categories": categories(dedicated, "accusative")}
    else:
        dedicated_part = ngettext(
            "but %(count)d group is formed for each of: %(categories)s",
            "but %(count)d groups are formed, one for each of: %(categories)s",
            len(dedicated),
        ) % {"count": len(dedicated), "categories": categories(dedicated, "nominative")}
    return tie_numbers(_("%(divided)s – %(random)s, %(dedicated)s.") % {
        "divided": divided, "random": random_part, "dedicated": dedicated_part})


def _group_work(facts: ItemFacts) -> tuple[list[str], list[str]]:
    params = facts.params
    rules = [group_division(params)]
    question = str(params.get("question") or "").strip()
    if question:
        rules.append(_("Question for the groups: %(question)s") % {"question": question})
    parties = [str(_RESPONSIBLE.get(p, p)) for p in params.get("responsibility") or []]
    if parties:
        rules.append(_("The groups analyse how far the possible improvements depend on "
                       "%(parties)s.") % {"parties": join(parties, "or")})
    return [], rules


def presentation_order(params: dict[str, Any], group_work: dict[str, Any] | None) -> str:
    """The sentence giving the order in which the small groups present."""
    order = params.get("order") or "random_first"
    dedicated = list((group_work or {}).get("dedicated_categories") or [])
    random_cats = list((group_work or {}).get("random_categories") or [])
    if order == "as_formed" or not dedicated or not random_cats:
        return _("The small groups present the results of their work in the large group.")
    first, last = random_cats, dedicated
    last_count = len(dedicated)
    if order == "dedicated_first":
        first, last = dedicated, random_cats
        last_count = int((group_work or {}).get("random_groups") or 1)
    return ngettext(
        "The small groups present the results of their work in the large group, "
        "starting with the groups of %(first)s and ending with the group of %(last)s.",
        "The small groups present the results of their work in the large group, "
        "starting with the groups of %(first)s and ending with the groups of %(last)s.",
        last_count,
    ) % {"first": categories(first, "genitive"), "last": categories(last, "genitive")}


def _group_presentations(facts: ItemFacts) -> tuple[list[str], list[str]]:
    params = facts.params
    lead = [presentation_order(params, facts.group_work)]
    rules = []
    minutes = int(params.get("minutes_per_group") or 0)
    if minutes > 0:
        rules.append(tie_numbers(ngettext(
            "Presentation time: no more than %(minutes)d minute per group.",
            "Presentation time: no more than %(minutes)d minutes per group.",
            minutes) % {"minutes": minutes}))
    if params.get("compare"):
        group_work = facts.group_work or {}
        dedicated = list(group_work.get("dedicated_categories") or [])
        random_cats = list(group_work.get("random_categories") or [])
        if dedicated and random_cats:
            rules.append(_("The participants compare the results, looking especially for "
                           "what is common and what differs between the conclusions of "
                           "the groups of %(random)s and those of %(dedicated)s.")
                         % {"random": categories(random_cats, "genitive"),
                            "dedicated": categories(dedicated, "genitive")})
        else:
            rules.append(_("The participants compare the results, looking especially for "
                           "what is common and what differs between the groups' "
                           "conclusions."))
    return lead, rules


_FEEDBACK_SENTENCES = {
    (True, True): lambda: _(
        "At the end of the meeting, all participants are invited to give feedback and "
        "suggestions for the next meeting by writing them on sticky notes (anonymously)."),
    (True, False): lambda: _(
        "At the end of the meeting, all participants are invited to give feedback and "
        "suggestions for the next meeting by writing them on sticky notes with their "
        "name."),
    (False, True): lambda: _(
        "At the end of the meeting, all participants are invited to give suggestions "
        "for the next meeting by writing them on sticky notes (anonymously)."),
    (False, False): lambda: _(
        "At the end of the meeting, all participants are invited to give suggestions "
        "for the next meeting by writing them on sticky notes with their name."),
}
_FEEDBACK_ONLY = {
    True: lambda: _(
        "At the end of the meeting, all participants are invited to give feedback by "
        "writing it on sticky notes (anonymously)."),
    False: lambda: _(
        "At the end of the meeting, all participants are invited to give feedback by "
        "writing it on sticky notes with their name."),
}


def _feedback(facts: ItemFacts) -> tuple[list[str], list[str]]:
    kinds = set(facts.params.get("kinds") or ["feedback"])
    anonymous = bool(facts.params.get("anonymous"))
    if "suggestion" in kinds:
        sentence = _FEEDBACK_SENTENCES[("feedback" in kinds, anonymous)]()
    else:
        sentence = _FEEDBACK_ONLY[anonymous]()
    return [sentence], []


def _summary(facts: ItemFacts) -> tuple[list[str], list[str]]:
    return [_("The results of the day are summed up in the large group.")], []


_BUILDERS: dict[Method, Callable[[ItemFacts], tuple[list[str], list[str]]]] = {
    Method.TOUR_DE_TABLE: _tour_de_table,
    Method.BRAINSTORM: _brainstorm,
    Method.PRESENTATION: _presentation,
    Method.DISCUSSION: _discussion,
    Method.GROUP_WORK: _group_work,
    Method.GROUP_PRESENTATIONS: _group_presentations,
    Method.FEEDBACK: _feedback,
    Method.SUMMARY: _summary,
}


def describe(method: Method, facts: ItemFacts) -> tuple[str, ...]:
    """Paragraphs describing one agenda item: lead, the facilitator's text, the rules.

    The lead opens the first paragraph of the facilitator's text; the rules follow in
    a paragraph of their own.
    """
    builder = _BUILDERS.get(method)
    lead, rules = builder(facts) if builder else ([], [])
    paragraphs = split_paragraphs(facts.description) or [""]
    paragraphs[0] = " ".join([*lead, paragraphs[0]]).strip()
    paragraphs.append(" ".join(rules))
    return tuple(p for p in paragraphs if p)


def tie_numbers(text: str) -> str:
    """Keep a number on the same line as the word after it ("3 minutes")."""
    return _NUMBER_SPACE.sub("\u00a0", text)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a free text: separated by blank lines, inner line breaks joined."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [b for b in blocks if b]
