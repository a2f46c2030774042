import {test} from "node:test";
import assert from "node:assert/strict";
import {GroupsDocument} from "./groups_fakedom.mjs";
import {columnLook, noteMessage, recentNotes, screenFor, viewChoice} from "../../src/sanaksme/static/js/live/easy/rules.js";

class EasyDocument extends GroupsDocument {
  createElementNS(ns, tag) { return this.createElement(tag); }
}
const doc = new EasyDocument();
globalThis.document = doc;
const memory = new Map();
globalThis.sessionStorage = {getItem: (k) => (memory.has(k) ? memory.get(k) : null),
                             setItem: (k, v) => memory.set(k, String(v)), removeItem: (k) => memory.delete(k)};
const easyBoards = await import("../../src/sanaksme/static/js/live/easy/boards.js");

const S = new Proxy({}, {get: (_, key) => String(key)});
const columns = [{key: "positive", label: "Positive"}, {key: "problem", label: "Problems"},
                 {key: "existing_solution", label: "Existing"}, {key: "possible_solution", label: "Possible"}];
const sheets = [{id: 11, title: "School", columns, notes: []}, {id: 12, title: "Kindergarten", columns, notes: []}];

function byData(root, name, value) {
  for (const n of root.walk()) if (n.getAttribute && n.getAttribute(name) === value) return n;
  return null;
}

test("a sheet is asked for only when there are several", () => {
  assert.equal(screenFor({sheet: null, column: null}, sheets).step, "sheet");
  assert.equal(screenFor({sheet: null, column: null}, [sheets[0]]).step, "column");
  assert.equal(screenFor({sheet: 99, column: "problem"}, sheets).step, "sheet");  // gone: asked again
});

test("tapping a picture pre-fills the composer with that sheet and column", () => {
  const screen = screenFor({sheet: 12, column: "problem"}, sheets);

  const msg = noteMessage(screen, "  no bus to school  ", "c1");

  assert.equal(screen.step, "write");
  assert.deepEqual(msg, {action: "note_submit", client_id: "c1", sheet: 12, column: "problem",
                         text: "no bus to school"});
});

test("an empty note is not sent", () => {
  assert.equal(noteMessage(screenFor({sheet: 12, column: "problem"}, sheets), "   ", "c1"), null);
});

test("columns get a picture, a colour and a short word; unknown ones their label", () => {
  assert.deepEqual(columnLook(columns[1], {e_problem: "Problem"}), {picto: "warning", tone: "problem", word: "Problem"});
  assert.equal(columnLook({key: "other", label: "Other"}, {}).word, "Other");
});

test("the view is the person's own choice, asked the first time", () => {
  assert.equal(viewChoice(false, "pictures"), "words");
  assert.equal(viewChoice(true, null), "ask");
  assert.equal(viewChoice(true, "pictures"), "pictures");
});

test("the last notes come from the outbox, newest first", () => {
  const outbox = {pending: () => [{action: "note_submit", client_id: "b", text: "B"}],
                  refused: () => [], sent: () => [{action: "note_submit", client_id: "a", text: "A"},
                                                  {action: "factor_add", client_id: "f", text: "F"}]};
  assert.deepEqual(recentNotes(outbox).map((r) => r.state + r.text), ["pendingB", "sentA"]);
});

test("sheet, then picture, then composer: the note goes to the outbox for that sheet and column", () => {
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  const queued = [];
  const ctx = {S, cfg: {ws: "/ws/phone/T/", limit: 280}, newClientId: () => "c9", queue: (m) => queued.push(m),
               outbox: {pending: () => queued, refused: () => [], sent: () => []}};
  ctx.rerender = () => easyBoards.draw(view, sheets, ctx);
  ctx.rerender();

  byData(view, "data-sheet", "12").click();
  byData(view, "data-column", "problem").click();
  const area = doc.getElementById("easy-text");
  area.value = "no bus";
  for (const fn of doc.getElementById("easy-composer").listeners.submit) fn({preventDefault() {}});

  assert.deepEqual(queued, [{action: "note_submit", client_id: "c9", sheet: 12, column: "problem", text: "no bus"}]);
  assert.ok(byData(view, "data-column", "problem"), "back to the pictures of the same sheet");
});
