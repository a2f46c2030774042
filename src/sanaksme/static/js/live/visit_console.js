/* The console during (or after) a site visit: the place, the day's visits, how many
 * observations the site's sheet has, and the scribe's form.
 *
 * The scribe types at keyboard speed: a column (Alt+1…4 or the buttons), Alt+N and the
 * first letters of who said it (Enter picks; Enter on an empty field: anonymous), the
 * text, Enter sends (visit_note_type through the outbox) and keeps the column and the
 * person for the next line. Drawn in place: a half-typed line survives every update.
 */
import {el, keyed} from "./dom.js";
import {counter} from "./counter.js";
import {ICONS, authorPicker} from "./boards.js";

const kept = {column: null, author: ""};  // for the next line, across redraws

export function draw(view, visit, ctx) {
  const S = ctx.S;
  let v = view._visit;
  if (!v) v = view._visit = build(view, ctx);
  const site = visit.site;
  v.name.textContent = site.name;
  v.facts.textContent = "";
  const fact = (label, text) => {
    if (!text) return;
    v.facts.appendChild(el("dt", {}, label));
    v.facts.appendChild(el("dd", {}, text));
  };
  fact(S.v_address, site.address);
  fact(S.v_host, site.host);
  fact(S.v_look_for, site.look_for);
  fact(S.v_departure, visit.departure);
  keyed(v.schedule, visit.schedule, (s) => s.item_id, () => el("li", {}), () => {});
  visit.schedule.forEach((s, i) => {
    const li = v.schedule.children[i];
    li.className = s.current ? "current" : "";
    li.textContent = (s.starts || "") + (s.ends ? "–" + s.ends : "") + " " + (s.site || s.title)
      + (s.current ? " · " + S.v_now : "");
  });
  v.count.textContent = visit.sheet
    ? S.visit_count + " " + (visit.notes || 0) + ". " + (visit.open ? S.visit_open : S.v_closed)
    : S.v_no_sheet + " " + S.visit_add_site;
  v.form.hidden = !visit.sheet || !visit.open;
  if (visit.sheet) drawColumns(v, visit.sheet, ctx);
}

export function apply() {
  return false;  // the visit's changes come as a new state
}

/** A refused line goes back into the empty text box. */
export function refused(entry) {
  if (!entry || entry.action !== "visit_note_type") return;
  const area = document.getElementById("visit-text");
  if (area && !area.value) area.value = entry.text;
}

/** Alt+N: who said it; Alt+1…9: the column. */
export function onKey(e, ctx) {
  const state = ctx.state;
  if (!e.altKey || e.shiftKey || !state.visit || !state.visit.sheet) return false;
  if (e.code === "KeyN") {
    const input = document.getElementById("visit-author");
    if (!input) return false;
    e.preventDefault();
    input.focus();
    input.select();
    return true;
  }
  const m = /^Digit([1-9])$/.exec(e.code || "");
  const column = m && state.visit.sheet.columns[Number(m[1]) - 1];
  if (!column) return false;
  e.preventDefault();
  kept.column = column;
  ctx.rerender();
  focusText();
  return true;
}

function build(view, ctx) {
  const S = ctx.S;
  const v = {};
  const place = view.appendChild(el("section", {class: "visit-place"}));
  v.name = place.appendChild(el("h2", {}));
  v.facts = place.appendChild(el("dl", {class: "visit-facts"}));
  place.appendChild(el("h3", {}, S.v_today));
  v.schedule = place.appendChild(el("ol", {class: "visit-schedule"}));
  v.count = view.appendChild(el("p", {class: "visit-count", id: "visit-count"}));
  // Where the phones' network goes: what to tell people before they leave the hall.
  view.appendChild(el("p", {class: "hint visit-offline"},
                      window.isSecureContext && location.protocol === "https:"
                        ? S.visit_offline_https : S.visit_offline_http));
  v.form = view.appendChild(el("form", {class: "composer visit-scribe", id: "visit-scribe"}));
  v.form.appendChild(el("h3", {}, S.visit_scribe));
  v.columns = v.form.appendChild(el("div", {class: "choices choices-column", role: "group",
                                            "aria-label": S.which_column}));
  v.form.appendChild(authorPicker(ctx, kept, focusText, {
    input: "visit-author", matches: "visit-author-matches", now: "visit-author-now"}));
  v.form.appendChild(el("p", {class: "hint"}, S.visit_keys));
  v.form.appendChild(el("label", {for: "visit-text"}, S.your_note));
  const area = v.area = el("input", {type: "text", id: "visit-text", autocomplete: "off"});
  const send = el("button", {type: "submit", class: "send"}, S.send);
  v.counter = counter(area, ctx.cfg.limit, S, send);
  v.error = el("p", {class: "form-error", id: "note-error", role: "alert"});
  v.form.append(area, send, v.counter, v.error);
  v.form.addEventListener("submit", (e) => { e.preventDefault(); submit(v, ctx); });
  return v;
}

function drawColumns(v, sheet, ctx) {
  const labels = sheet.labels || {};
  if (!sheet.columns.includes(kept.column)) kept.column = null;
  keyed(v.columns, sheet.columns, (c) => c, (code) => {
    const b = el("button", {type: "button", class: "choice"});
    b.addEventListener("click", () => { kept.column = code; ctx.rerender(); focusText(); });
    return b;
  }, () => {});
  sheet.columns.forEach((code, i) => {
    const b = v.columns.children[i];
    b.setAttribute("aria-pressed", String(code === kept.column));
    b.textContent = "";
    b.appendChild(el("span", {class: "icon", "aria-hidden": "true"}, ICONS[code] || ""));
    b.appendChild(el("span", {}, (labels[code] || code) + " (Alt+" + (i + 1) + ")"));
  });
}

function focusText() {
  const area = document.getElementById("visit-text");
  if (area) area.focus();
}

function submit(v, ctx) {
  const visit = ctx.state.visit;
  const text = v.area.value.trim();
  if (!visit || !visit.sheet) return;
  if (!kept.column) { v.error.textContent = ctx.S.pick_column; return; }
  if (!text) { v.error.textContent = ctx.S.empty; return; }
  if (!v.counter.refresh()) return;
  const line = {action: "visit_note_type", client_id: ctx.newClientId(), sheet: visit.sheet.id,
                column: kept.column, text};
  if (kept.author) line.author = Number(kept.author);
  v.area.value = "";
  v.counter.refresh();
  v.error.textContent = "";
  ctx.queue(line);
  focusText();
}
