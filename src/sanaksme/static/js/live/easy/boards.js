/* The simple view of a brainstorm or feedback board on a phone: one question per screen.
 *   1. Which sheet? (only when there are several): big numbered buttons;
 *   2. the sheet's columns as big coloured pictures with a short word;
 *   3. the composer, pre-filled with that sheet and column: a big text box and a big
 *      send button. The note goes into the same outbox as the words view, as the same
 *      `note_submit`; then back to the pictures, with "Thank you! Sent.".
 * Once the room may see the sheet (a brainstorm's at once, a feedback's when the
 * facilitator shows it), a button under the pictures opens what everyone wrote: the
 * notes under their column's picture, with their replies (replying is in the words view).
 * A screen is built once per step and then only brought up to date, so what someone is
 * typing survives every update (and a reload: the draft and the pick are kept in
 * sessionStorage). */
import {el, keyed} from "../dom.js";
import {apply as boardsApply, mineRows} from "../boards.js";
import {picto} from "./pictos.js";
import {columnLook, noteMessage, screenFor} from "./rules.js";

const pick = {sheet: null, column: null, board: false, thanks: false, loaded: false};
let last = null;  // {view, ctx}: where apply() redraws

function kept(ctx, name) { return "easy." + name + "." + ctx.cfg.ws; }

function remember(ctx) {
  try {
    sessionStorage.setItem(kept(ctx, "pick"), JSON.stringify({sheet: pick.sheet, column: pick.column,
                                                              board: pick.board}));
  } catch (e) { /* storage blocked: the pick lives until the page goes */ }
}

function recall(ctx) {
  if (pick.loaded) return;
  pick.loaded = true;
  try {
    const saved = JSON.parse(sessionStorage.getItem(kept(ctx, "pick")) || "{}");
    pick.sheet = saved.sheet ?? null;
    pick.column = saved.column ?? null;
    pick.board = Boolean(saved.board);
  } catch (e) { /* nothing kept */ }
}

/** Tap a sheet, a column or "what everyone wrote" (null / false goes back one step). */
export function choose(ctx, change) {
  Object.assign(pick, {board: false}, change, {thanks: false});
  remember(ctx);
  ctx.rerender();
}

export function draw(view, sheets, ctx) {
  last = {view, ctx};
  recall(ctx);
  const screen = screenFor(pick, sheets);
  const sig = JSON.stringify([screen.step, sheets.length, screen.sheet && [screen.sheet.id, screen.sheet.title,
                              screen.sheet.revealed], screen.sheet && screen.sheet.columns,
                              screen.column && screen.column.key]);
  if (view._easySig !== sig) {
    while (view.firstChild) view.removeChild(view.firstChild);
    if (view._easyStep && view._easyStep !== screen.step && typeof window !== "undefined") {
      window.scrollTo(0, 0);  // another question: its screen starts at the top
    }
    view._easySig = sig;
    view._easyStep = screen.step;
    const build = {sheet: sheetStep, column: columnStep, write: writeStep, board: boardStep}[screen.step];
    view.appendChild(build(screen, sheets, ctx));
  }
  const box = view.firstChild;  // its parts that follow every update: box._mine, _board, _thanks
  if (box._mine) drawMine(box._mine, sheets, ctx);
  if (box._board) drawBoard(box._board, screen.sheet, ctx);
  if (box._thanks) box._thanks.hidden = !pick.thanks;
}

export function apply(event, state, ctx) {
  const done = boardsApply(event, state, ctx);  // keeps state.sheets
  if (done && last && last.view.isConnected && state.sheets) draw(last.view, state.sheets, last.ctx);
  return done;
}

function section(kind, tone) {
  return el("section", {class: "easy easy-" + kind + (tone ? " tone-" + tone : "")});
}

function backButton(label, onClick, extra = "") {
  const b = el("button", {type: "button", class: "easy-back" + extra});
  b.appendChild(picto("back"));
  b.appendChild(el("span", {class: "easy-back-word"}, label));
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

/* One row above the pictures: a back picture (its word for screen readers only) and the
 * sheet's number and title, so that all the pictures fit on the first screen. */
function sheetHead(box, screen, sheets, ctx) {
  if (sheets.length < 2) return;
  const row = box.appendChild(el("div", {class: "easy-head"}));
  row.appendChild(backButton(ctx.S.e_back, () => choose(ctx, {sheet: null, column: null}), " easy-back-picture"));
  const at = sheets.indexOf(screen.sheet) + 1;
  const head = row.appendChild(el("p", {class: "easy-sheet-title"}));
  head.appendChild(el("span", {class: "easy-num", "aria-hidden": "true"}, String(at)));
  head.appendChild(el("span", {}, screen.sheet.title));
}

function columnStep(screen, sheets, ctx) {
  const S = ctx.S;
  const box = section("columns");
  sheetHead(box, screen, sheets, ctx);
  const thanks = box._thanks = box.appendChild(el("p", {class: "easy-thanks", role: "status"}));
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
  if (screen.sheet.revealed) {
    const see = box.appendChild(el("button", {type: "button", class: "easy-see"}));
    see.appendChild(picto("people"));
    see.appendChild(el("span", {class: "easy-word"}, S.e_see_all));
    see.addEventListener("click", () => choose(ctx, {sheet: screen.sheet.id, column: null, board: true}));
  }
  box._mine = box.appendChild(el("ul", {class: "easy-mine"}));
  return box;
}

/* What everyone wrote on the sheet: a screen of its own, kept up to date in place. */
function boardStep(screen, sheets, ctx) {
  const box = section("board");
  box.appendChild(backButton(ctx.S.e_back, () => choose(ctx, {sheet: screen.sheet.id, board: false})));
  box.appendChild(el("h2", {class: "easy-q"}, ctx.S.e_see_all));
  box._board = box.appendChild(el("div", {class: "easy-board"}));
  return box;
}

function drawBoard(board, sheet, ctx) {
  const cols = keyed(board, sheet.columns, (c) => c.key, (col) => {
    const look = columnLook(col, ctx.S);
    const part = el("section", {class: "easy-board-col tone-" + look.tone});
    const head = part.appendChild(el("h3", {class: "easy-board-head"}));
    head.appendChild(picto(look.picto));
    head.appendChild(el("span", {class: "easy-word"}, look.mine ? col.label : look.word));
    part._count = head.appendChild(el("span", {class: "easy-count"}));
    part._list = part.appendChild(el("ul", {class: "easy-board-notes"}));
    return part;
  });
  sheet.columns.forEach((col, i) => {
    const notes = sheet.notes.filter((n) => n.column === col.key);
    cols[i]._count.textContent = String(notes.length);
    keyed(cols[i]._list, notes, (n) => n.id, (n) => boardNote(el("li", {class: "easy-board-note"}), n), boardNote);
  });
}

function boardNote(li, note) {
  li.textContent = "";
  li.appendChild(el("p", {class: "text"}, note.text));
  for (const r of note.replies || []) {
    const p = li.appendChild(el("p", {class: "reply"}));
    p.appendChild(el("strong", {}, r.label + ": "));
    p.appendChild(document.createTextNode(r.text));
  }
  return li;
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
const RECENT = 3;

/* The phone's last notes of this item with a picture of their state: refused, waiting,
 * sent (the rows of the words view's "My notes"). */
function drawMine(list, sheets, ctx) {
  if (!ctx.outbox) return;
  const rows = mineRows(ctx.outbox, sheets.map((s) => s.id), ctx.S).slice(0, RECENT);
  keyed(list, rows, (r) => r.key, (r) => {
    const li = el("li", {class: "easy-note " + r.cls});
    li.appendChild(picto(MARKS[r.cls]));
    li.appendChild(el("span", {class: "easy-state"}, r.state));
    li.appendChild(el("span", {class: "text"}, r.text));
    if (r.hint) li.appendChild(el("span", {class: "hint"}, r.hint));
    return li;
  });
}
