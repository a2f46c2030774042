import {test} from "node:test";
import assert from "node:assert/strict";
import {GroupsDocument, byClass} from "./groups_fakedom.mjs";
import {columnLook, noteMessage, reloadFor, screenFor, viewChoice} from "../../src/sanaksme/static/js/live/easy/rules.js";

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
const sheets = [{id: 11, title: "School", revealed: true, columns, notes: []},
                {id: 12, title: "Kindergarten", revealed: true, columns, notes: []}];

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

test("what everyone wrote is shown only once the room may see the sheet", () => {
  const hidden = [{id: 21, title: "Feedback", revealed: false, columns, notes: []}];
  const shown = [{...hidden[0], revealed: true}];

  assert.equal(screenFor({sheet: 21, column: null, board: true}, hidden).step, "column");
  assert.equal(screenFor({sheet: 21, column: null, board: true}, shown).step, "board");
});

test("a phone reloads once to follow the meeting's setting", () => {
  assert.equal(reloadFor(false, undefined, null), null);  // a state without the part
  assert.equal(reloadFor(true, true, null), null);
  assert.equal(reloadFor(false, true, null), "on");
  assert.equal(reloadFor(true, false, "on"), "off");
  assert.equal(reloadFor(false, true, "on"), null);  // already reloaded for it: no loop
});

test("sheet, then picture, then composer: the note goes to the outbox for that sheet and column", () => {
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  const queued = [];
  const ctx = {S, cfg: {ws: "/ws/phone/T/", limit: 280}, newClientId: () => "c9", queue: (m) => queued.push(m),
               outbox: {pending: () => queued, refused: () => [], sent: () => [], reason: () => ""}};
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

function phone(shown, outbox) {
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  const ctx = {S, cfg: {ws: "/ws/phone/F/", limit: 280}, newClientId: () => "c1", queue() {},
               outbox: {pending: () => [], refused: () => [], sent: () => [], reason: () => "", ...outbox}};
  ctx.rerender = () => easyBoards.draw(view, shown, ctx);
  return {view, ctx};
}

test("my last notes are this item's: a note written on an earlier item's sheet is not listed", () => {
  const feedback = [{id: 31, title: "Feedback", revealed: false, notes: [],
                     columns: [{key: "feedback", label: "Feedback"}, {key: "suggestion", label: "Suggestions"}]}];
  const {view, ctx} = phone(feedback, {sent: () => [
    {action: "note_submit", client_id: "old", sheet: 11, column: "problem", text: "brainstorm note"},
    {action: "note_submit", client_id: "new", sheet: 31, column: "feedback", text: "feedback note"}]});

  ctx.rerender();

  const mine = byClass(view, "easy-note").map((li) => li.text());
  assert.equal(mine.length, 1);
  assert.match(mine[0], /feedback note/);
  assert.equal(byClass(view, "easy-see").length, 0, "nothing to see before the facilitator shows it");
});

test("what everyone wrote: the notes under their column's picture, with replies, kept up to date", () => {
  const board = [{id: 41, title: "School", revealed: true, columns, notes: [
    {id: 1, column: "problem", text: "no bus", replies: [{kind: "comment", label: "Comment", text: "we know"}]}]}];
  const {view, ctx} = phone(board, {});
  ctx.rerender();

  byClass(view, "easy-see")[0].click();
  board[0].notes.push({id: 2, column: "positive", text: "good teachers", replies: []});
  ctx.rerender();

  const cols = byClass(view, "easy-board-col");
  assert.equal(cols.length, 4);
  assert.match(cols[0].text(), /good teachers/);
  assert.match(cols[1].text(), /no bus.*Comment: we know/);
  assert.equal(byClass(cols[1], "easy-count")[0].text(), "1");
});
