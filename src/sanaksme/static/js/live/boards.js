/* Brainstorm and feedback boards: writing notes (phone, console), the board of sheets
 * and columns (all screens), the console's tools (hide, merge, reply, reveal).
 *
 * Drawn in place: sheets, columns and notes are keyed by id, so a half-written note, its
 * caret, an open reply form and the phone's open shared sheet survive every update.
 * ctx.opts: composer (a note form), fold (console: the composer folds into one bar),
 * author (console: "said by"), enterSends, tools
 * (console tools; hidden and unrevealed things shown), mine (phone: my notes),
 * shared (phone: the board of the chosen sheet inside <details>), replies (phone: reply
 * when state.can_reply), scrollToNew.
 */
import {el, keyed, tool} from "./dom.js";
import {counter} from "./counter.js";
import {icon} from "./icons.js";

// Symbols every Debian laptop font (DejaVu) and Android font has: no emoji font needed.
export const ICONS = {positive: "☺", problem: "⚠", existing_solution: "✔",
               possible_solution: "✚", feedback: "✎", suggestion: "➜"};

const chosen = {item: null, sheet: null, column: null, author: ""};
let mergeFrom = null;   // console: {note, sheet} while choosing where to merge
let last = null;        // {view, ctx}: where apply() redraws

export function draw(view, sheets, ctx) {
  last = {view, ctx};
  const o = ctx.opts;
  const state = ctx.state;
  if (chosen.item !== state.item.id) {  // a reload or another item: the choice kept for it
    chosen.item = state.item.id;
    Object.assign(chosen, loadChoice(ctx));
  }
  Object.assign(chosen, keptChoice(chosen, sheets));
  const sheet = sheets.find((s) => s.id === chosen.sheet);
  let sk = view._boards;
  if (!sk) {
    sk = view._boards = {};
    if (o.composer) { sk.composer = composer(ctx); view.appendChild(sk.composer.form); }
    if (o.mine) {
      view.appendChild(el("h2", {class: "mine-title"}, ctx.S.my_notes));
      sk.mine = view.appendChild(el("ul", {id: "mine", class: "mine"}));
    }
    sk.board = el("div", {class: "board-sheets"});
    if (o.shared) {
      const shared = view.appendChild(el("details", {class: "shared"}));
      shared.appendChild(el("summary", {}, ctx.S.shared_board));
      shared.appendChild(sk.board);
    } else view.appendChild(sk.board);
  }
  if (sk.composer) updateComposer(sk.composer, sheets, sheet, ctx);
  if (sk.mine) drawMine(sk.mine, ctx);
  const shown = o.shared ? [sheet] : sheets;
  const sections = keyed(sk.board, shown, (s) => s.id, (s) => el("section", {class: "sheet", id: "sheet-" + s.id}));
  sections.forEach((section, i) => drawSheet(section, shown[i], state, ctx));
}

/** The sheet and column to show: `saved` ({sheet, column}) if the sheets still have
 * them, else the first sheet and no column (a column only of the sheet kept). */
export function keptChoice(saved, sheets) {
  const sheet = sheets.find((s) => saved && s.id === saved.sheet) || sheets[0];
  const column = saved && saved.sheet === sheet.id && sheet.columns.some((c) => c.key === saved.column)
    ? saved.column : null;
  return {sheet: sheet.id, column};
}

function choiceKey(ctx) {
  return "sanaksme.choice." + ctx.cfg.ws + "." + ctx.state.item.id;
}

function loadChoice(ctx) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(choiceKey(ctx)) || "null");
    return saved && typeof saved === "object" ? {sheet: saved.sheet, column: saved.column} : {};
  } catch (e) { return {}; }
}

/** Pick a sheet or column and keep it for this meeting's item across reloads. */
function choose(ctx, what) {
  Object.assign(chosen, what);
  try {
    sessionStorage.setItem(choiceKey(ctx), JSON.stringify({sheet: chosen.sheet, column: chosen.column}));
  } catch (e) { /* storage blocked: kept for this page only */ }
}

export function apply(event, state, ctx) {
  const sheets = state.sheets || [];
  if (event.type === "boards.note_added") {
    const sheet = sheets.find((s) => s.id === event.sheet_id);
    if (!sheet) return false;
    if (sheet.notes.some((n) => n.id === event.note_id)) return true;
    const note = {id: event.note_id, column: event.column, text: event.text, seq: event.seq,
                  merged: 0, replies: [], from_visit: !!event.from_visit,
                  written_at: event.written_at || null};
    if (ctx.opts.tools) Object.assign(note, {hidden: false, reason: "", merged_into: null});
    sheet.notes.push(note);
    redraw(state);
    if (ctx.opts.scrollToNew) {
      const node = document.getElementById("note-" + note.id);
      if (node) node.scrollIntoView({block: "nearest"});
    }
    return true;
  }
  if (event.type === "boards.note_changed") {
    const sheet = sheets.find((s) => s.id === event.sheet_id);
    if (!sheet) return false;
    for (const entry of event.notes) {
      const at = sheet.notes.findIndex((n) => n.id === entry.id);
      if (at >= 0) sheet.notes.splice(at, 1);
      if (entry.visible === false) continue;  // the room no longer sees it
      const note = {...entry};
      delete note.visible;
      sheet.notes.push(note);
    }
    sheet.notes.sort((a, b) => a.seq - b.seq);
    redraw(state);
    return true;
  }
  if (event.type === "boards.reply_added") {
    const note = sheets.flatMap((s) => s.notes).find((n) => n.id === event.note_id);
    if (!note) return !ctx.opts.tools;  // the room does not see that note; the console must
    const kind = (state.item.reply_kinds || []).find((k) => k.key === event.kind);
    note.replies = (note.replies || []).concat([{kind: event.kind, label: kind ? kind.label : event.kind,
                                                 text: event.text}]);
    redraw(state);
    return true;
  }
  return false;
}

function redraw(state) {
  if (last && last.view.isConnected) draw(last.view, state.sheets, last.ctx);
}

/** A note the server refused for good goes back into the empty text box. */
export function refused(entry) {
  if (!entry || (entry.action !== "note_submit" && entry.action !== "visit_note_type")) return;
  const area = document.getElementById("note-text");
  if (area && !area.value) { area.value = entry.text; unfold(); }
}

/** Console: Alt+1…9 picks a column, Alt+Shift+1…9 a sheet, Alt+N whose note it is,
 * for a scribe at speed. */
export function onKey(e, ctx) {
  const state = ctx.state;
  if (!ctx.opts.composer || !ctx.opts.enterSends || !e.altKey || !state.sheets || !state.sheets.length) return false;
  if (e.code === "KeyN" && !e.shiftKey) {
    unfold();
    if (!focusAuthor()) return false;
    e.preventDefault();
    return true;
  }
  const m = /^Digit([1-9])$/.exec(e.code || "");
  if (!m) return false;
  const i = Number(m[1]) - 1;
  const sheet = state.sheets.find((s) => s.id === chosen.sheet) || state.sheets[0];
  if (e.shiftKey && state.sheets[i]) choose(ctx, {sheet: state.sheets[i].id});
  else if (!e.shiftKey && sheet.columns[i]) choose(ctx, {column: sheet.columns[i].key});
  else return false;
  e.preventDefault();
  unfold();
  ctx.rerender();
  focusText();
  return true;
}

/* ---- the board ---- */
function drawSheet(section, sheet, state, ctx) {
  const o = ctx.opts, S = ctx.S;
  let grid = section._grid || null;
  for (const child of Array.from(section.childNodes)) if (child !== grid) section.removeChild(child);
  const head = [];
  if (sheet.title !== state.item.title) head.push(el("h2", {}, sheet.title));
  if (o.tools && !sheet.revealed) {
    head.push(el("p", {class: "hint"}, S.not_shown));
    head.push(tool(S.reveal, () => ctx.send({action: "sheet_reveal", sheet: sheet.id, revealed: true}), "primary"));
  } else if (o.tools && sheet.key === "feedback") {
    head.push(tool(S.withdraw, () => ctx.send({action: "sheet_reveal", sheet: sheet.id, revealed: false})));
  }
  if (o.tools && sheet.notes.some((n) => n.from_visit)) {  // the visit's, held back until shown
    const shown = !!sheet.visit_revealed;
    if (!shown) head.push(el("p", {class: "hint visit-held"}, S.visit_held));
    head.push(tool(shown ? S.visit_hide : S.visit_show,
                   () => ctx.send({action: "visit_reveal", sheet: sheet.id, revealed: !shown}),
                   shown ? "visit-reveal" : "primary visit-reveal"));
  }
  if (!o.tools && !sheet.revealed) {
    head.push(el("p", {class: "waiting"}, S.collected_later));
    if (grid) { section.removeChild(grid); section._grid = grid = null; }
  } else if (!grid) {
    grid = section._grid = section.appendChild(el("div", {}));
  }
  for (const node of head) section.insertBefore(node, grid);
  if (!grid) return;
  grid.className = "columns cols-" + sheet.columns.length;
  const boxes = keyed(grid, sheet.columns, (c) => c.key, (col) => {
    const box = el("div", {class: "column c-" + col.key});
    box.appendChild(el("h3", {}));
    box.appendChild(el("ul", {id: "col-" + sheet.id + "-" + col.key}));
    return box;
  });
  sheet.columns.forEach((col, i) => {
    const [h3, ul] = boxes[i].children;
    const notes = sheet.notes.filter((n) => n.column === col.key);
    h3.textContent = "";
    h3.appendChild(el("span", {class: "icon", "aria-hidden": "true"}, ICONS[col.key] || ""));
    h3.appendChild(document.createTextNode(" " + col.label + " "));
    h3.appendChild(el("span", {class: "count", id: "count-" + sheet.id + "-" + col.key}, String(notes.length)));
    keyed(ul, notes, (n) => n.id, (n) => noteNode(el("li", {id: "note-" + n.id}), n, sheet, ctx),
          (li, n) => noteNode(li, n, sheet, ctx));
  });
}

function noteNode(li, note, sheet, ctx) {
  const S = ctx.S;
  li.className = "note" + (note.hidden ? " hidden-note" : "") + (note.merged_into ? " merged-note" : "")
    + (note.from_visit ? " from-visit" : "");
  const bar = li._bar || null;
  for (const child of Array.from(li.childNodes)) if (child !== bar) li.removeChild(child);
  const content = [];
  if (note.from_visit) content.push(visitMark(note, S));
  content.push(el("span", {class: "text"}, note.text));
  if (note.merged) content.push(el("span", {class: "merged", title: S.merged}, "×" + (note.merged + 1)));
  for (const r of note.replies || []) {
    const p = el("p", {class: "reply r-" + r.kind});
    p.appendChild(el("strong", {}, r.label + ": "));
    p.appendChild(document.createTextNode(r.text));
    content.push(p);
  }
  if (note.hidden) content.push(el("p", {class: "reason"}, S.hidden + ": " + note.reason));
  if (note.merged_into) content.push(el("p", {class: "reason"}, S.merged_into));
  for (const node of content) li.insertBefore(node, bar);
  const buttons = ctx.opts.tools ? consoleTools(note, sheet, ctx) : roomTools(note, ctx);
  if (!buttons) {
    if (bar) { li.removeChild(bar); li._bar = null; }
    return li;
  }
  const b = li._bar || (li._bar = li.appendChild(el("div", {class: "tools"})));
  if (b._sig !== buttons.sig) {  // the same buttons stay (and keep their focus)
    b._sig = buttons.sig;
    const form = b.querySelector("form");
    for (const child of Array.from(b.childNodes)) if (child !== form) b.removeChild(child);
    for (const node of buttons.nodes(b)) b.insertBefore(node, form);
  }
  return li;
}

/** "from the visit · 10:40": the time the phone says it was written (the meeting's zone,
 * as the server wrote it, whatever the laptop's zone). */
export function visitTime(iso) {
  const m = /T(\d\d:\d\d)/.exec(iso || "");
  return m ? m[1] : "";
}

function visitMark(note, S) {
  const time = visitTime(note.written_at);
  return el("span", {class: "visit-mark"}, S.from_visit + (time ? " · " + time : "") + " ");
}

function roomTools(note, ctx) {
  const state = ctx.state;
  if (!ctx.opts.replies || !state.can_reply || !state.item.reply_kinds.length) return null;
  return {sig: "reply", nodes: (bar) => [tool(ctx.S.reply, () => replyForm(note, bar, ctx))]};
}

function consoleTools(note, sheet, ctx) {
  const S = ctx.S, send = ctx.send;
  const target = mergeFrom && mergeFrom.sheet === sheet.id && mergeFrom.note !== note.id && !note.merged_into;
  const picking = mergeFrom && mergeFrom.note === note.id;
  const canReply = ctx.state.item.reply_kinds.length > 0;
  const sig = [target, picking, note.hidden, note.merged_into, canReply].join("|");
  return {sig, nodes: (bar) => {
    if (target) {
      return [tool(S.merge_here, () => {
        if (mergeFrom) send({action: "note_merge", note: mergeFrom.note, into: note.id});
        mergeFrom = null; ctx.rerender();
      }, "primary")];
    }
    const nodes = [];
    if (note.hidden) nodes.push(tool(S.show, () => send({action: "note_show", note: note.id})));
    else nodes.push(tool(S.hide, () => {
      const reason = window.prompt(S.hide_reason);
      if (reason && reason.trim()) send({action: "note_hide", note: note.id, reason});
    }));
    if (note.merged_into) nodes.push(tool(S.unmerge, () => send({action: "note_unmerge", note: note.id})));
    else nodes.push(tool(picking ? S.cancel : S.merge, () => {
      mergeFrom = picking ? null : {note: note.id, sheet: sheet.id};
      ctx.rerender();
    }));
    if (canReply) nodes.push(tool(S.reply, () => replyForm(note, bar, ctx)));
    return nodes;
  }};
}

function replyForm(note, bar, ctx) {
  const S = ctx.S;
  if (bar.querySelector("form")) return;
  const form = el("form", {class: "reply-form"});
  const kind = el("select", {"aria-label": S.reply_kind});
  for (const k of ctx.state.item.reply_kinds) kind.appendChild(el("option", {value: k.key}, k.label));
  const text = el("input", {type: "text", id: "reply-text-" + note.id, "aria-label": S.reply_text});
  const send = el("button", {type: "submit", class: "tool primary"}, S.send);
  const count = counter(text, ctx.cfg.limit, S, send);
  form.append(kind, text, send, count);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!text.value.trim() || !count.refresh()) return;
    const reply = {note: note.id, kind: kind.value, text: text.value, client_id: ctx.newClientId()};
    ctx.send(ctx.opts.tools ? {action: "reply_create", ...reply} : {action: "reply_submit", ...reply});
    form.remove();
  });
  bar.appendChild(form);
  text.focus();
}

/* ---- writing notes ---- */
function composer(ctx) {
  const S = ctx.S, cfg = ctx.cfg, o = ctx.opts;
  const form = el("form", {class: "composer" + (o.fold ? " folding" : ""), id: "composer"});
  const c = {form};
  const body = o.fold ? folding(c, ctx) : form;
  if (o.fold) {  // the sheet as a menu and the columns: one row
    const row = body.appendChild(el("div", {class: "composer-choices"}));
    c.sheets = row.appendChild(el("select", {class: "choices-sheet", "aria-label": S.which_sheet}));
    c.sheets.addEventListener("change", () => { choose(ctx, {sheet: c.sheets.selectedOptions[0]._value}); ctx.rerender(); });
    c.columns = row.appendChild(el("div", {class: "choices choices-column", role: "group", "aria-label": S.which_column}));
  } else {
    c.sheetStep = body.appendChild(el("p", {class: "step"}, S.which_sheet));
    c.sheets = body.appendChild(el("div", {class: "choices choices-sheet", role: "group"}));
    body.appendChild(el("p", {class: "step"}, S.which_column));
    c.columns = body.appendChild(el("div", {class: "choices choices-column", role: "group"}));
  }
  if (o.author && cfg.people.length) body.appendChild(authorPicker(ctx, chosen, focusText));
  if (o.tools) {  // the scribe: on a site's sheet, an observation from the visit
    c.visit = el("label", {class: "visit-flag", hidden: ""});
    c.visitBox = el("input", {type: "checkbox", id: "note-from-visit"});
    c.visit.append(c.visitBox, document.createTextNode(" " + S.visit_flag));
    body.appendChild(c.visit);
  }
  if (o.enterSends) body.appendChild(el("p", {class: "hint"}, S.shortcuts));
  body.appendChild(el("label", {for: "note-text"}, S.your_note));
  const draftKey = "draft." + cfg.ws;
  const area = el("textarea", {id: "note-text", name: "text", rows: "3"});
  area.value = sessionStorage.getItem(draftKey) || "";
  area.addEventListener("input", () => sessionStorage.setItem(draftKey, area.value));
  area.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && o.enterSends) { e.preventDefault(); submit(c, ctx); }
  });
  c.area = area;
  const send = el("button", {type: "submit", class: "send"}, S.send);
  c.count = counter(area, cfg.limit, S, send);
  c.error = el("p", {class: "form-error", id: "note-error", role: "alert"});
  if (o.fold) {  // the text and Send side by side
    const write = body.appendChild(el("div", {class: "composer-write"}));
    write.append(area, el("div", {class: "composer-send"}));
    write.lastChild.append(send, c.count);
    body.appendChild(c.error);
    if (area.value) c.setOpen(true);  // a draft: the scribe was writing
  } else body.append(area, c.count, c.error, send);
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(c, ctx); });
  return c;
}

/* Console: the composer folds into one bar, so that the board shows under it on a laptop.
 * The bar's button, Alt+N and Alt+1…9 open it; only the button closes it again. */
function folding(c, ctx) {
  const toggle = el("button", {type: "button", class: "composer-toggle", "aria-expanded": "false",
                               "aria-controls": "composer-body"});
  toggle.append(el("span", {class: "icon", "aria-hidden": "true"}, "✎"),
                el("span", {}, ctx.S.write_for + " (Alt+N)"));
  const body = el("div", {class: "composer-body", id: "composer-body", hidden: ""});
  c.setOpen = (open) => {
    body.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => {
    c.setOpen(body.hidden);
    if (!body.hidden && !focusAuthor()) focusText();
  });
  c.form.append(toggle, body);
  return body;
}

/** Console: open the folded composer (Alt+N, Alt+1…9). */
function unfold() {
  const c = last && last.view._boards && last.view._boards.composer;
  if (c && c.setOpen) c.setOpen(true);
}

/** The people whose name has a word starting with each word of `query` (any case, with
 * or without Latvian diacritics), in the list's order. */
export function matchPeople(people, query) {
  const fold = (t) => t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const wanted = fold(query).split(/\s+/).filter(Boolean);
  if (!wanted.length) return [];
  return people.filter((p) => {
    const words = fold(p.name).split(/[\s-]+/);
    return wanted.every((w) => words.some((word) => word.startsWith(w)));
  });
}

const SHOWN_MATCHES = 6;

/* Console: whose note this is. Alt+N focuses the name field; the first letters and Enter
 * pick the first match and move on to the text (`next`); Enter on an empty field:
 * anonymous. The choice is kept in `choice.author` (a participant id as text, "" for
 * anonymous). `ids`: the field's, its list's and its "who now" line's element ids. Also
 * the site visit's scribe (visit_console.js). */
export function authorPicker(ctx, choice, next,
                             ids = {input: "note-author", matches: "author-matches", now: "author-now"}) {
  const S = ctx.S, people = ctx.cfg.people || [];
  const box = el("div", {class: "author-pick"});
  box.appendChild(el("label", {for: ids.input}, S.author + " (Alt+N)"));
  const input = el("input", {id: ids.input, type: "text", autocomplete: "off", spellcheck: "false",
                             role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false",
                             "aria-controls": ids.matches, "aria-describedby": ids.now,
                             placeholder: S.author_keys});
  const list = el("ul", {id: ids.matches, class: "author-matches", role: "listbox"});
  const now = el("p", {id: ids.now, class: "author-now", "aria-live": "polite"});
  const show = () => {
    const p = people.find((x) => String(x.id) === choice.author);
    now.textContent = S.author + ": " + (p ? p.name : S.anonymous);
    now.classList.toggle("named", !!p);
  };
  const pick = (p) => {
    choice.author = p ? String(p.id) : "";
    input.value = "";
    list.textContent = "";
    input.setAttribute("aria-expanded", "false");
    show();
    next();
  };
  input.addEventListener("input", () => {
    const found = matchPeople(people, input.value).slice(0, SHOWN_MATCHES);
    list.textContent = "";
    found.forEach((p, i) => {
      const li = list.appendChild(el("li", {role: "option", "aria-selected": String(i === 0), class: "author-match"}));
      li.appendChild(tool(p.name, () => pick(p), "author-choice"));
    });
    input.setAttribute("aria-expanded", String(found.length > 0));
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { e.preventDefault(); input.value = ""; list.textContent = ""; next(); return; }
    if (e.key !== "Enter") return;
    e.preventDefault();
    e.stopPropagation();
    if (!input.value.trim()) { pick(null); return; }
    const found = matchPeople(people, input.value);
    if (found.length) pick(found[0]);
  });
  box.append(input, list, now);
  show();
  return box;
}

function focusAuthor() {
  const input = document.getElementById("note-author");
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}

function updateComposer(c, sheets, sheet, ctx) {
  if (c.visit) {
    c.visit.hidden = !sheet.key.startsWith("site-");
    if (c.visit.hidden) c.visitBox.checked = false;
  }
  c.sheets.hidden = sheets.length < 2;
  if (c.sheetStep) c.sheetStep.hidden = c.sheets.hidden;
  const options = sheets.map((s) => ({value: s.id, label: s.title}));
  if (c.sheets.tagName === "SELECT") menu(c.sheets, options, chosen.sheet);
  else choices(c.sheets, options, chosen.sheet, (v) => { choose(ctx, {sheet: v}); ctx.rerender(); });
  choices(c.columns, sheet.columns.map((col) => ({value: col.key, label: col.label, icon: ICONS[col.key]})),
          chosen.column, (v) => { choose(ctx, {column: v}); ctx.rerender(); focusText(); });
}

function choices(group, options, current, onPick) {
  keyed(group, options, (opt) => opt.value, (opt) => {
    const b = el("button", {type: "button", class: "choice"});
    b.addEventListener("click", () => onPick(b._value));
    return b;
  }, () => {});
  options.forEach((opt, i) => {
    const b = group.children[i];
    b._value = opt.value;
    b.setAttribute("aria-pressed", String(opt.value === current));
    b.textContent = "";
    if (opt.icon) b.appendChild(el("span", {class: "icon", "aria-hidden": "true"}, opt.icon));
    b.appendChild(el("span", {}, opt.label));
  });
}

/** A <select>'s options (value, label), `current` selected, in place. */
function menu(select, options, current) {
  keyed(select, options, (opt) => opt.value, () => el("option", {}), () => {});
  options.forEach((opt, i) => {
    const option = select.options[i];
    option._value = opt.value;
    option.value = String(opt.value);
    option.textContent = opt.label;
    option.selected = opt.value === current;
  });
}

function focusText() {
  const area = document.getElementById("note-text");
  if (area) area.focus();
}

function submit(c, ctx) {
  const text = c.area.value.trim();
  if (!chosen.column) { c.error.textContent = ctx.S.pick_column; return; }
  if (!text) { c.error.textContent = ctx.S.empty; return; }
  if (!c.count.refresh()) return;  // too long: the counter says so, the text stays
  const visit = c.visitBox && c.visitBox.checked && !c.visit.hidden;
  const note = {action: visit ? "visit_note_type" : "note_submit", client_id: ctx.newClientId(),
                sheet: chosen.sheet, column: chosen.column, text};
  if (chosen.author) note.author = Number(chosen.author);
  c.area.value = "";
  c.count.refresh();
  sessionStorage.removeItem("draft." + ctx.cfg.ws);
  c.error.textContent = "";
  ctx.queue(note);
  ctx.rerender();
  focusText();
}

/* ---- the phone's own notes: refused, waiting, sent ---- */

/** The rows of "My notes": this item's notes only (`sheetIds`: the sheets shown now),
 * refused first, then waiting, then the last ten sent. */
export function mineRows(box, sheetIds, S) {
  const here = new Set(sheetIds);
  const isNote = (n) => (!n.action || n.action === "note_submit") && here.has(n.sheet);
  const rows = [];
  for (const n of box.refused().filter(isNote).reverse()) {
    rows.push({key: "r" + n.client_id, cls: "refused", state: "✗ " + n.message, text: n.text});
  }
  for (const n of box.pending().filter(isNote)) {
    rows.push({key: "p" + n.client_id, cls: "pending", state: S.waiting, text: n.text,
               hint: box.reason(n.client_id), icon: "hourglass"});
  }
  for (const n of box.sent().filter(isNote).reverse().slice(0, 10)) {
    rows.push({key: "s" + n.client_id, cls: "sent", state: "✓ " + S.sent, text: n.text});
  }
  return rows;
}

function drawMine(list, ctx) {
  const rows = mineRows(ctx.outbox, (ctx.state.sheets || []).map((s) => s.id), ctx.S);
  keyed(list, rows, (r) => r.key, (r) => el("li", {class: r.cls}), (li, r) => li);
  rows.forEach((r, i) => {
    const li = list.children[i];
    li.textContent = "";
    const state = li.appendChild(el("span", {class: "state"}));
    if (r.icon) state.appendChild(icon(r.icon));
    state.appendChild(document.createTextNode((r.icon ? " " : "") + r.state));
    li.appendChild(el("span", {class: "text"}, r.text));
    if (r.hint) li.appendChild(el("p", {class: "hint"}, r.hint));
  });
}
