/* The projector's welcome and break screens. The page holds both (live/projector.html);
 * this decides, before every draw, when one shows instead of the live part.
 *
 * The welcome screen (the meeting's title, dates, place and, large, how to join) shows
 * while no item is on the screens, and while a participatory item (tour de table,
 * discussion, small-group work, brainstorm, feedback) has just opened and nothing has
 * happened in it yet — then with the item's method and title, so the room joins before it
 * starts. Once something happens (a note shown, a turn started, a hand raised, the groups
 * drawn) the live part shows with the small badge in the strip. Never while a slide or a
 * video fills the screen. The break screen shows during a break (docs/projector.md).
 */
import {el} from "../dom.js";
import {icon} from "../icons.js";

/** Whether nothing has happened yet in the item on the screens, by its method; null:
 * not an item the room takes part in. */
const UNTOUCHED = {
  brainstorm: (s) => !(s.sheets || []).some((sheet) => sheet.revealed && sheet.notes.length),
  feedback: (s) => !(s.sheets || []).some((sheet) => sheet.revealed && sheet.notes.length),
  tour_de_table: (s) => !s.speaking || (!s.speaking.started && !s.speaking.current),
  discussion: (s) => !s.speaking || (!s.speaking.started && !s.speaking.current
                                     && !(s.speaking.queue || []).length),
  group_work: (s) => !s.groups || (!s.groups.drawn && !s.groups.worksheets.some((w) => w.factors.length)),
};

/** Whether the projector shows the welcome screen for this state. */
export function welcomeNow(state) {
  if (!state || !state.item) return true;
  if (state.presenting && state.presenting.showing) return false;
  const untouched = UNTOUCHED[state.item.method];
  return untouched ? untouched(state) : false;
}

/** Whether the projector shows the break screen. */
export function breakNow(state) {
  return !!(state && state.item && state.item.method === "break"
            && !(state.presenting && state.presenting.showing));
}

/** Before each draw: the welcome, the break or the live part (body.show-welcome,
 * body.show-break), and what they say about the item. */
export function beforeDraw(state) {
  const doc = document;
  doc.body.classList.toggle("show-welcome", welcomeNow(state));
  doc.body.classList.toggle("show-break", breakNow(state));
  const line = doc.getElementById("welcome-item");
  if (line) {  // the item about to start: its method, and its title large
    line.textContent = "";
    if (state.item) {
      line.appendChild(el("span", {class: "welcome-method"}, state.item.method_label));
      line.appendChild(el("strong", {class: "welcome-item-title"}, state.item.title));
    }
  }
  const page = doc.getElementById("room-page");
  if (page) page.textContent = "";  // a paged part sets it again as it draws
  const pause = doc.getElementById("break");
  if (!pause || !breakNow(state)) return;
  const mark = doc.getElementById("break-icon");
  if (mark && !mark.firstChild) mark.appendChild(icon("clock"));
  doc.getElementById("break-title").textContent = state.item.title || state.item.method_label;
  const until = doc.getElementById("break-until");
  until.hidden = !state.item.ends_at;
  doc.getElementById("break-time").textContent = state.item.ends_at;
}
