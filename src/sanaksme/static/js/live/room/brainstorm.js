/* The projector's board: one sheet at a time, sized to the screen, long columns paged.
 *
 * What it shows is the console's choice (state.projector_view: every sheet in turn, one
 * sheet, or one column). Every note is in the DOM; the ones not on the current page are
 * `hidden`. The pages are measured in the browser (room/pager.js splits them) and the
 * projector turns them itself, every few seconds (opts.pace, or longer for more text).
 * The board says where the cycle is in data attributes (sheet, step, rounds).
 * Events are applied to the state by boards.js, then the screen redraws in place.
 */
import * as boards from "../boards.js";
import {el, keyed} from "../dom.js";
import {icon} from "../icons.js";
import {cutTo, piecesFor, sizeNow, uncut} from "./fit.js";
import {advance, dwell, newCycle, pageAt, paginateUnits, settle} from "./pager.js";

const cycle = newCycle();
let last = null;     // {view, ctx, shown}: what the timer pages
let timer = null;
let onScreen = {steps: 1, chars: 0};
let resizing = false;

export function draw(view, sheets, ctx) {
  const pv = (ctx.state && ctx.state.projector_view) || {mode: "all"};
  let shown = pv.mode === "all" ? sheets : sheets.filter((s) => s.id === pv.sheet);
  if (!shown.length) shown = sheets;
  last = {view, ctx, shown};
  const board = view._board || (view._board = view.appendChild(el("div", {})));
  board.className = "board-sheets room-board mode-" + pv.mode;
  const sections = keyed(board, shown, (s) => s.id,
                         (s) => el("section", {class: "sheet", id: "sheet-" + s.id}));
  sections.forEach((section, i) => drawSheet(section, shown[i], i, shown.length, pv, ctx));
  layout();
  if (timer === null) schedule();
  if (!resizing) {
    resizing = true;
    window.addEventListener("resize", () => layout());
  }
}

export function apply(event, state, ctx) {
  if (event.type === "boards.projector_view_changed") {
    state.projector_view = event.view;
    ctx.rerender();
    return true;
  }
  const done = boards.apply(event, state, ctx);  // the state, as every screen keeps it
  if (done) ctx.rerender();
  return done;
}

function drawSheet(section, sheet, index, count, pv, ctx) {
  if (!section._parts) {
    const head = section.appendChild(el("h2", {class: "sheet-title"}));
    section._parts = {
      title: head.appendChild(el("span", {class: "title"})),
      page: head.appendChild(el("span", {class: "page sheet-page"})),
      waiting: section.appendChild(el("p", {class: "waiting"}, ctx.S.collected_later)),
      grid: section.appendChild(el("div", {})),
    };
  }
  const p = section._parts;
  p.title.textContent = sheet.title;
  p.title.parentNode.hidden = count === 1 && sheet.title === ctx.state.item.title;
  p.page.textContent = count > 1 ? (index + 1) + "/" + count : "";
  p.waiting.hidden = sheet.revealed;
  p.grid.hidden = !sheet.revealed;
  const columns = pv.mode === "column" ? sheet.columns.filter((c) => c.key === pv.column)
    : sheet.columns;
  p.grid.className = "columns cols-" + columns.length;
  const boxes = keyed(p.grid, columns, (c) => c.key, (col) => {
    const box = el("div", {class: "column c-" + col.key});
    const h3 = box.appendChild(el("h3", {}));
    const mark = icon(col.key);
    if (mark) h3.appendChild(mark);
    h3.appendChild(el("span", {class: "label"}));
    h3.appendChild(el("span", {class: "page"}));
    h3.appendChild(el("span", {class: "count", id: "count-" + sheet.id + "-" + col.key}));
    box.appendChild(el("ul", {class: "notes", id: "col-" + sheet.id + "-" + col.key}));
    return box;
  });
  columns.forEach((col, i) => {
    const box = boxes[i];
    const notes = sheet.notes.filter((n) => n.column === col.key);
    box.querySelector(".label").textContent = col.label;
    box.querySelector(".count").textContent = String(notes.length);
    keyed(box.querySelector("ul"), notes, (n) => n.id,
          (n) => noteNode(el("li", {id: "note-" + n.id}), n, ctx), (li, n) => noteNode(li, n, ctx));
  });
}

function noteNode(li, note, ctx) {
  uncut(li);
  li.className = "note";
  li.textContent = "";
  li.appendChild(el("span", {class: "text"}, note.text));
  if (note.merged) li.appendChild(el("span", {class: "merged", title: ctx.S.merged}, "×" + (note.merged + 1)));
  for (const r of note.replies || []) {
    const p = li.appendChild(el("p", {class: "reply r-" + r.kind}));
    p.appendChild(el("strong", {}, r.label + ": "));
    p.appendChild(document.createTextNode(r.text));
  }
  return li;
}

/* ---- paging ---- */

/** Show the current sheet's current step: measure every column's notes, page them,
 * hide what is not on the page. A page number can wrap a column's heading and so take
 * room from its notes: then it measures again. */
function layout() {
  for (let i = 0; i < 3; i++) {
    const rooms = layoutOnce();
    if (!rooms || rooms.every(([ul, room]) => ul.clientHeight === room)) return;
  }
}

function layoutOnce() {
  if (!last || !last.view.isConnected) return null;
  const board = last.view._board;
  const ids = last.shown.map((s) => s.id);
  settle(cycle, ids);
  const sections = Array.from(board.children);
  const current = sections[ids.indexOf(cycle.sheet)] || sections[0];
  for (const section of sections) section.hidden = section !== current;
  if (!current) return null;
  const lists = Array.from(current.querySelectorAll("ul.notes"));
  for (const ul of lists) for (const li of ul.children) { uncut(li); li.classList.remove("alone"); li.hidden = false; }
  let columns = measure(lists);
  // A note higher than its whole column takes the column's width (and a page of its
  // own); if it is still too high, it is cut into pieces shown in turn (room/fit.js).
  const tall = columns.flatMap((c) => c.tall);
  if (tall.length) {
    for (const li of tall) li.classList.add("alone");
    columns = measure(lists);
  }
  const steps = Math.max(1, ...columns.map((c) => c.pages.length));
  cycle.step = pageAt(steps, cycle.step);
  let chars = 0;
  for (const {ul, slices, pages} of columns) {
    const at = pageAt(pages.length, cycle.step);
    const [from, to] = pages[at];
    for (const li of ul.children) li.hidden = true;
    for (const s of slices.slice(from, to)) {
      s.li.hidden = false;
      if (s.parts) cutTo(s.li, s.parts, s.k);
      chars += s.li.textContent.length / (s.parts ? s.parts.length : 1);
    }
    const page = ul.parentNode.querySelector("h3 .page");
    page.textContent = pages.length > 1 ? (at + 1) + "/" + pages.length : "";
  }
  onScreen = {steps, chars};
  Object.assign(board.dataset, {size: sizeNow(), sheet: String(cycle.sheet), step: String(cycle.step),
                                steps: String(steps), rounds: String(cycle.rounds)});
  return columns.map((c) => [c.ul, c.room]);
}

function measure(lists) {  // reads only (but for the pieces' line boxes)
  return lists.map((ul) => {
    const style = getComputedStyle(ul);
    const tracks = style.gridTemplateColumns.split(" ").filter((t) => t && t !== "none").length || 1;
    const items = Array.from(ul.children);
    const heights = items.map((li) => li.getBoundingClientRect().height);
    const room = ul.clientHeight;
    const slices = [];
    items.forEach((li, i) => {
      const alone = li.classList.contains("alone");
      if (alone && heights[i] > room) {
        const parts = piecesFor(li, room);
        parts.forEach((_, k) => slices.push({li, parts, k, h: room, alone}));
      } else {
        slices.push({li, h: heights[i], alone});
      }
    });
    return {ul, room, slices, pages: paginateUnits(slices, room, parseFloat(style.rowGap) || 0, tracks),
            tall: items.filter((li, i) => heights[i] > room && !li.classList.contains("alone"))};
  });
}

function schedule() {
  const pace = last && last.ctx.opts.pace;
  timer = setTimeout(tick, 1000 * (pace > 0 ? pace : dwell(onScreen.chars)));
}

function tick() {
  timer = null;
  if (!last || !last.view.isConnected) return;  // another item: its draw starts again
  advance(cycle, last.shown.map((s) => s.id), onScreen.steps);
  layout();
  schedule();
}
