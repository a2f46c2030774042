/* Presentations and the day's summary on the projector: presenting.js (the same module
 * every screen uses), with a long summary cut into pieces shown in turn (room/fit.js).
 * While a presentation or the summary has nothing up (no slide, no video, no summary
 * text), the screen is a title card: the item's title large and centred, its topic, its
 * time, the meeting's title small (docs/projector.md). */
import * as presenting from "../presenting.js";
import {el} from "../dom.js";
import {paged} from "./fit.js";

/** The items whose screen is the presenting part alone (a discussion with slides has
 * its speaker instead; group presentations their groups). */
const CARD_METHODS = ["presentation", "summary"];
const LONG_TITLE = 70;  // characters: a longer title is set a size smaller

function phases(inner) {
  const text = inner.querySelector(".summary-text");
  return text ? [{key: "summary", root: null, lists: [[text, "p"]], cut: true}] : [];
}

const room = paged(presenting, phases);

/** The title card's lines for this state, or null while something else is up. */
export function cardLines(item, pr, meetingTitle) {
  if (!item || !CARD_METHODS.includes(item.method) || pr.showing || (pr.summary && pr.summary_shown)) return null;
  return {
    method: item.method_label,
    title: item.title || item.method_label,
    topic: pr.topic && pr.topic !== item.title ? pr.topic : "",
    time: item.starts_at ? item.starts_at + (item.ends_at ? "–" + item.ends_at : "") : "",
    meeting: meetingTitle,
  };
}

// The card's title is the page's heading while the item's own <h1> is hidden under it;
// a <p> with the heading role, so the page never has two <h1> with the same words.
const LINES = [["method", "p"], ["title", "p"], ["topic", "p"], ["time", "p"], ["meeting", "p"]];
const HEADING = {role: "heading", "aria-level": "1"};

function drawCard(view, lines) {
  if (!view._card) {
    const card = view.appendChild(el("section", {class: "title-card"}));
    view._card = {card};
    for (const [name, tag] of LINES) {
      const attrs = {class: "card-" + name, ...(name === "title" ? HEADING : {})};
      view._card[name] = card.appendChild(el(tag, attrs));
    }
  }
  const nodes = view._card;
  nodes.card.hidden = !lines;
  if (!lines) return;
  for (const [name] of LINES) {
    nodes[name].textContent = lines[name];
    nodes[name].hidden = !lines[name];
  }
  nodes.title.classList.toggle("long", lines.title.length > LONG_TITLE);
}

export const {apply} = room;

export function draw(view, pr, ctx) {
  room.draw(view, pr, ctx);
  const meeting = document.getElementById("welcome-title");  // the page's own (live/projector.html)
  drawCard(view, cardLines(ctx.state.item, pr, meeting ? meeting.textContent.trim() : ""));
}
