/* A site visit on the phone: the place (name, address, host, time, what to look at), when
 * the group leaves and where it goes next, the day's visits with this one marked, and,
 * while the site's sheet takes observations, the brainstorm's columns as big buttons.
 * An observation goes into the outbox as `visit_note_add` (with the phone's clock as
 * written_at), so it waits there without the server, for hours and across a restart.
 *
 * ctx.opts.easy: the simple view (the columns' short words; the pictures are the same).
 * Built once per item; then only the parts that change are brought up to date, so a
 * half-written observation survives every update (and a reload: the draft and the chosen
 * column are kept in sessionStorage). */
import {el, keyed} from "./dom.js";
import {counter} from "./counter.js";
import {icon} from "./icons.js";
import {picto} from "./easy/pictos.js";
import {columnButtons, visitMessage, visitRows} from "./visitrules.js";

export function draw(view, visit, ctx) {
  const S = ctx.S;
  let v = view._visit;
  const sig = JSON.stringify([visit.item_id, visit.sheet, visit.open]);
  if (!v || v.sig !== sig) {
    clear(view);
    v = view._visit = {sig};
    v.place = view.appendChild(el("section", {class: "visit-place", "aria-labelledby": "visit-site"}));
    v.observe = view.appendChild(observeSection(visit, ctx, v));
    v.day = view.appendChild(el("section", {class: "visit-day", "aria-labelledby": "visit-day-title"}));
    v.day.appendChild(el("h2", {id: "visit-day-title"}, S.v_today));
    v.schedule = v.day.appendChild(el("ol", {class: "visit-schedule"}));
  }
  drawPlace(v.place, visit, S);
  drawSchedule(v.schedule, visit, S);
  if (v.mine) drawMine(v.mine, visit, ctx);
}

/** Events of the visit: the phone asks for the whole state (they are rare). */
export function apply() {
  return false;
}

/** An observation the server refused for good goes back into the empty text box. */
export function refused(entry) {
  if (!entry || entry.action !== "visit_note_add") return;
  const area = document.getElementById("visit-text");
  if (area && !area.value) area.value = entry.text;
}

function fact(dl, label, value) {
  if (!value) return;
  dl.appendChild(el("dt", {}, label));
  dl.appendChild(el("dd", {}, value));
}

function drawPlace(box, visit, S) {
  clear(box);
  const when = box.appendChild(el("p", {class: "visit-when"}));
  when.appendChild(icon("clock"));
  when.appendChild(el("span", {}, visit.starts + "–" + visit.ends));
  box.appendChild(el("h2", {id: "visit-site", class: "visit-site"}, visit.site.name));
  const facts = el("dl", {class: "visit-facts"});
  fact(facts, S.v_address, visit.site.address);
  fact(facts, S.v_host, visit.site.host);
  fact(facts, S.v_look_for, visit.site.look_for);
  if (facts.firstChild) box.appendChild(facts);
  if (visit.departure) {
    const leave = box.appendChild(el("p", {class: "visit-departure"}));
    leave.appendChild(icon("arrow"));
    leave.appendChild(el("span", {}, S.v_departure + " "));
    leave.appendChild(el("strong", {}, visit.departure));
  }
  if (visit.next) {
    const next = box.appendChild(el("p", {class: "visit-next"}));
    next.appendChild(el("span", {}, S.v_next + " "));
    next.appendChild(el("strong", {}, visit.next.starts + " " + (visit.next.site || visit.next.title)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function drawSchedule(list, visit, S) {
  const stops = visit.schedule || [];
  const nodes = keyed(list, stops, (s) => s.item_id, () => el("li", {}));
  stops.forEach((s, i) => {
    const li = nodes[i];
    clear(li);
    li.setAttribute("class", s.current ? "current" : "");
    if (s.current) li.setAttribute("aria-current", "step");
    else li.removeAttribute("aria-current");
    li.appendChild(el("span", {class: "visit-time"}, s.starts + "–" + s.ends));
    li.appendChild(el("span", {class: "visit-stop"}, s.site || s.title));
    if (s.current) li.appendChild(el("span", {class: "visit-now"}, S.v_now));
  });
}

/* ---- observations ---- */

function draftKey(ctx, visit) { return "visit.draft." + ctx.cfg.ws + "." + visit.item_id; }

function kept(ctx, visit) {
  try { return JSON.parse(sessionStorage.getItem(draftKey(ctx, visit)) || "{}") || {}; } catch (e) { return {}; }
}

function keep(ctx, visit, value) {
  try { sessionStorage.setItem(draftKey(ctx, visit), JSON.stringify(value)); } catch (e) { /* page only */ }
}

function observeSection(visit, ctx, v) {
  const S = ctx.S;
  const box = el("section", {class: "visit-observe", "aria-labelledby": "visit-observe-title"});
  box.appendChild(el("h2", {id: "visit-observe-title"}, S.v_observe));
  if (!visit.sheet) {
    box.appendChild(el("p", {class: "visit-none"}, S.v_no_sheet));
    return box;
  }
  if (visit.open) box.appendChild(composer(visit, ctx));
  else box.appendChild(el("p", {class: "visit-none"}, S.v_closed));
  box.appendChild(el("h3", {class: "mine-title"}, S.v_mine));
  v.mine = box.appendChild(el("ul", {class: "visit-mine", id: "visit-mine"}));
  return box;
}

function composer(visit, ctx) {
  const S = ctx.S;
  const buttons = columnButtons(visit.sheet.columns, S, ctx.opts.easy);
  const saved = kept(ctx, visit);
  let column = buttons.some((b) => b.key === saved.column) ? saved.column : null;
  const wrap = el("div", {class: "visit-write"});
  const grid = wrap.appendChild(el("div", {class: "visit-columns cols-" + buttons.length, role: "group",
                                           "aria-label": S.which_column}));
  const form = el("form", {class: "visit-composer", id: "visit-composer"});
  const label = form.appendChild(el("label", {for: "visit-text", class: "visit-label"}));
  const area = el("textarea", {id: "visit-text", name: "text", rows: "3"});
  area.value = saved.text || "";
  const send = el("button", {type: "submit", class: "send"});
  send.appendChild(picto("send"));
  send.appendChild(el("span", {}, S.send));
  const count = counter(area, ctx.cfg.limit, S, send);
  const error = el("p", {class: "form-error", id: "note-error", role: "alert"});
  form.append(area, count, error, send);
  const thanks = el("p", {class: "visit-thanks", role: "status"});
  const byKey = new Map();
  const show = () => {
    for (const [key, b] of byKey) b.setAttribute("aria-pressed", String(key === column));
    const chosen = buttons.find((b) => b.key === column);
    form.hidden = !chosen;
    label.textContent = chosen ? chosen.label + ": " + S.v_write : S.v_write;
  };
  for (const b of buttons) {
    const button = grid.appendChild(el("button", {type: "button", class: "visit-col tone-" + b.tone,
                                                  "data-column": b.key, "aria-controls": "visit-composer"}));
    button.appendChild(picto(b.picto));
    button.appendChild(el("span", {class: "visit-word"}, b.label));
    button.addEventListener("click", () => {
      column = b.key;
      thanks.textContent = "";
      keep(ctx, visit, {column, text: area.value});
      show();
      area.focus();
    });
    byKey.set(b.key, button);
  }
  area.addEventListener("input", () => keep(ctx, visit, {column, text: area.value}));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!count.refresh()) return;
    const msg = visitMessage(visit, column, area.value, ctx.newClientId(), new Date());
    if (!msg) { error.textContent = column ? S.empty : S.pick_column; area.focus(); return; }
    error.textContent = "";
    area.value = "";
    count.refresh();
    keep(ctx, visit, {column: null, text: ""});
    column = null;
    thanks.textContent = S.v_thanks;
    show();
    ctx.queue(msg);
    ctx.rerender();
  });
  wrap.append(form, thanks);
  show();
  return wrap;
}

const MARKS = {pending: "hourglass", sent: "check", refused: "cross"};

function drawMine(list, visit, ctx) {
  if (!ctx.outbox) return;
  const looks = new Map(columnButtons(visit.sheet.columns, ctx.S, ctx.opts.easy).map((b) => [b.key, b]));
  const rows = visitRows(visit, ctx.outbox, ctx.S);
  const nodes = keyed(list, rows, (r) => r.key, (r) => {
    const look = looks.get(r.column);
    const li = el("li", {class: "visit-note " + r.cls});
    if (look) {
      const col = li.appendChild(el("span", {class: "visit-note-col tone-" + look.tone}));
      col.appendChild(picto(look.picto));
      col.appendChild(el("span", {}, look.label));
    }
    li.appendChild(el("span", {class: "text"}, r.text));
    li._state = li.appendChild(el("span", {class: "state"}));
    return li;
  });
  rows.forEach((r, i) => {
    const li = nodes[i];
    li.setAttribute("class", "visit-note " + r.cls);
    const state = li._state;
    clear(state);
    state.appendChild(icon(MARKS[r.cls]));
    state.appendChild(document.createTextNode(" " + r.state + (r.hint ? " · " + r.hint : "")));
  });
}
