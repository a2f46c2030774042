/* A site visit on the projector (read from across the room): the place in large type
 * (name, time, address, host, what to look at), when the group leaves and where it goes
 * next, and the day's visits with this one marked. No notes: what people observe here is
 * held back until the facilitator reveals it on the day-2 brainstorm. */
import {el} from "../dom.js";

export function draw(view, visit, ctx) {
  const S = ctx.S;
  const sig = JSON.stringify(visit, ["item_id", "site", "key", "name", "address", "host",
                                     "look_for", "starts", "ends", "departure", "next",
                                     "title", "schedule", "current"]);
  if (view._roomVisit === sig) return;
  view._roomVisit = sig;
  view.replaceChildren();
  const box = view.appendChild(el("section", {class: "room-visit"}));
  // The item's title and time are above already: the place, then the day beside it.
  const place = box.appendChild(el("div", {class: "room-visit-place"}));
  place.appendChild(el("h2", {class: "room-visit-site"}, visit.site.name));
  const facts = place.appendChild(el("dl", {class: "room-visit-facts"}));
  for (const [label, value] of [[S.v_address, visit.site.address], [S.v_host, visit.site.host],
                                [S.v_look_for, visit.site.look_for]]) {
    if (!value) continue;
    facts.appendChild(el("dt", {}, label));
    facts.appendChild(el("dd", {}, value));
  }
  if (visit.departure) {
    place.appendChild(el("p", {class: "room-visit-leave"}, S.v_departure + " " + visit.departure));
  }
  const day = box.appendChild(el("div", {class: "room-visit-today"}));
  day.appendChild(el("h2", {}, S.v_today));
  const list = day.appendChild(el("ol", {class: "room-visit-day"}));
  for (const row of visit.schedule || []) {
    const li = list.appendChild(el("li", {class: row.current ? "current" : ""}));
    li.appendChild(el("span", {class: "time"}, row.starts));
    li.appendChild(el("span", {class: "what"}, row.site || row.title));
    if (row.current) li.appendChild(el("span", {class: "here"}, S.v_now));
  }
}

/** Events of the visit: the projector asks for the whole state (they are rare). */
export function apply() {
  return false;
}
