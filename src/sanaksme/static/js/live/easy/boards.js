/* The simple view of a brainstorm or feedback board on a phone: one question per screen.
 *   1. Which sheet? (only when there are several): big numbered buttons;
 *   2. the sheet's columns as big coloured pictures with a short word;
 *   3. the composer, pre-filled with that sheet and column: a big text box and a big
 *      send button. The note goes into the same outbox as the words view, as the same
 *      `note_submit`; then back to the pictures, with "Thank you! Sent.".
 * A screen is built once per step and then only brought up to date, so what someone is
 * typing survives every update (and a reload: the draft and the pick are kept in
 * sessionStorage). */
import {el, keyed} from "../dom.js";
import {apply as boardsApply} from "../boards.js";
import {picto} from "./pictos.js";
import {columnLook, noteMessage, recentNotes, screenFor} from "./rules.js";

const pick = {sheet: null, column: null, thanks: false, loaded: false};

function kept(ctx, name) { return "easy." + name + "." + ctx.cfg.ws; }

function remember(ctx) {
  try {
    sessionStorage.setItem(kept(ctx, "pick"), JSON.stringify({sheet: pick.sheet, column: pick.column}));
  } catch (e) { /* storage blocked: the pick lives until the page goes */ }
}

function recall(ctx) {
  if (pick.loaded) return;
  pick.loaded = true;
  try {
    const saved = JSON.parse(sessionStorage.getItem(kept(ctx, "pick")) || "{}");
    pick.sheet = saved.sheet ?? null;
    pick.column = saved.column ?? null;
  } catch (e) { /* nothing kept */ }
}

/** Tap a sheet or a column (null goes back one step). */
export function choose(ctx, change) {
  Object.assign(pick, change, {thanks: false});
  remember(ctx);
  ctx.rerender();
}

export function draw(view, sheets, ctx) {
  recall(ctx);
  const screen = screenFor(pick, sheets);
  const sig = JSON.stringify([screen.step, sheets.length, screen.sheet && [screen.sheet.id, screen.sheet.title],
                              screen.sheet && screen.sheet.columns, screen.column && screen.column.key]);
  if (view._easySig !== sig) {
    while (view.firstChild) view.removeChild(view.firstChild);
    view._easySig = sig;
    const build = {sheet: sheetStep, column: columnStep, write: writeStep}[screen.step];
    view.appendChild(build(screen, sheets, ctx));
  }
  const mine = view.querySelector ? view.querySelector(".easy-mine") : null;
  if (mine) drawMine(mine, ctx);
  const thanks = view.querySelector ? view.querySelector(".easy-thanks") : null;
  if (thanks) thanks.hidden = !pick.thanks;
}

export function apply(event, state, ctx) {
  return boardsApply(event, state, ctx);  // keeps state.sheets; the pictures do not change
}

function section(kind, tone) {
  return el("section", {class: "easy easy-" + kind + (tone ? " tone-" + tone : "")});
}

function backButton(label, onClick) {
  const b = el("button", {type: "button", class: "easy-back"});
  b.appendChild(picto("back"));
  b.appendChild(el("span", {}, label));
  b.addEventListener("click", onClick);
  return b;
}

function sheetStep(screen, sheets, ctx) {
  const box = section("sheets");
  box.appendChild(el("h2", {class: "easy-q"}, ctx.S.which_sheet));
  const list = box.appendChild(el("div", {class: "easy-list", role: "group"}));
  sheets.forEach((s, i) => {
    const b = list.appendChild(el("button", {type: "button", class: "easy-sheet", "data-sheet": String(s.id)}));
    b.appendChild(el("span", {class: "easy-num", "aria-hidden": "true"}, String(i + 1)));
    b.appendChild(el("span", {class: "easy-word"}, s.title));
    b.addEventListener("click", () => choose(ctx, {sheet: s.id, column: null}));
  });
  return box;
}

function sheetHead(box, screen, sheets, ctx) {
  if (sheets.length < 2) return;
  box.appendChild(backButton(ctx.S.e_back, () => choose(ctx, {sheet: null, column: null})));
  const at = sheets.indexOf(screen.sheet) + 1;
  const head = box.appendChild(el("p", {class: "easy-sheet-title"}));
  head.appendChild(el("span", {class: "easy-num", "aria-hidden": "true"}, String(at)));
  head.appendChild(el("span", {}, screen.sheet.title));
}

function columnStep(screen, sheets, ctx) {
  const S = ctx.S;
  const box = section("columns");
  sheetHead(box, screen, sheets, ctx);
  const thanks = box.appendChild(el("p", {class: "easy-thanks", role: "status"}));
  thanks.appendChild(picto("check"));
  thanks.appendChild(el("span", {}, S.e_thanks));
  const grid = box.appendChild(el("div", {class: "easy-pictures cols-" + screen.sheet.columns.length,
                                          role: "group", "aria-label": S.which_column}));
  for (const col of screen.sheet.columns) {
    const look = columnLook(col, S);
    const b = grid.appendChild(el("button", {type: "button", class: "easy-pic tone-" + look.tone,
                                             "data-column": col.key}));
    b.appendChild(picto(look.picto));
    b.appendChild(el("span", {class: "easy-word"}, look.word));
    b.addEventListener("click", () => choose(ctx, {sheet: screen.sheet.id, column: col.key}));
  }
  box.appendChild(el("ul", {class: "easy-mine"}));
  return box;
}

function writeStep(screen, sheets, ctx) {
  const S = ctx.S;
  const look = columnLook(screen.column, S);
  const box = section("write", look.tone);
  box.appendChild(backButton(S.e_back, () => choose(ctx, {column: null})));
  const chosen = box.appendChild(el("p", {class: "easy-chosen tone-" + look.tone}));
  chosen.appendChild(picto(look.picto));
  chosen.appendChild(el("span", {class: "easy-word"}, look.word));
  if (sheets.length > 1) chosen.appendChild(el("span", {class: "easy-where"}, screen.sheet.title));
  const form = box.appendChild(el("form", {class: "easy-composer", id: "easy-composer"}));
  form.appendChild(el("label", {for: "easy-text", class: "easy-q"}, S.e_write));
  const draftKey = kept(ctx, "draft");
  const area = form.appendChild(el("textarea", {id: "easy-text", name: "text", rows: "4",
                                                maxlength: String(ctx.cfg.limit)}));
  area.value = sessionStorage.getItem(draftKey) || "";
  area.addEventListener("input", () => sessionStorage.setItem(draftKey, area.value));
  const error = form.appendChild(el("p", {class: "form-error", id: "note-error", role: "alert"}));
  const send = form.appendChild(el("button", {type: "submit", class: "easy-send"}));
  send.appendChild(picto("send"));
  send.appendChild(el("span", {}, S.send));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const msg = noteMessage(screen, area.value, ctx.newClientId());
    if (!msg) { error.textContent = S.empty; area.focus(); return; }
    ctx.queue(msg);
    area.value = "";
    sessionStorage.removeItem(draftKey);
    Object.assign(pick, {column: null});
    remember(ctx);
    pick.thanks = true;
    ctx.rerender();
  });
  return box;
}

const MARKS = {pending: "clock", sent: "check", refused: "warning"};

/* The phone's last notes with a picture of their state: waiting, sent, refused. */
function drawMine(list, ctx) {
  if (!ctx.outbox) return;
  const rows = recentNotes(ctx.outbox);
  keyed(list, rows, (r) => r.state + r.id, (r) => {
    const li = el("li", {class: "easy-note " + r.state});
    li.appendChild(picto(MARKS[r.state]));
    li.appendChild(el("span", {class: "easy-state"}, {pending: ctx.S.waiting, sent: ctx.S.sent, refused: "✗"}[r.state]));
    li.appendChild(el("span", {class: "text"}, r.text));
    if (r.message) li.appendChild(el("span", {class: "hint"}, r.message));
    return li;
  });
}
