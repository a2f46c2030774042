/* The projector's paging rules (static/js/live/room/pager.js), its welcome rule and
 * the console's projector choice, without a browser. */
import {test} from "node:test";
import assert from "node:assert/strict";

import {advance, dwell, linesOf, newCycle, pageAt, paginate, paginateUnits, pieces, settle}
  from "../../src/sanaksme/static/js/live/room/pager.js";
import {viewAction, viewValue} from "../../src/sanaksme/static/js/live/room/projector_control.js";
import {breakNow, welcomeNow} from "../../src/sanaksme/static/js/live/room/welcome.js";

test("notes are split into pages that fit the column", () => {
  assert.deepEqual(paginate([100, 100, 100, 100, 100], 320, 10), [[0, 3], [3, 5]]);
});

test("every note is on exactly one page, in order", () => {
  const heights = [50, 300, 20, 80, 400, 10, 10, 10, 200];
  const pages = paginate(heights, 250, 8);
  const covered = pages.flatMap(([from, to]) => Array.from({length: to - from}, (_, i) => from + i));
  assert.deepEqual(covered, heights.map((_, i) => i));
});

test("a note higher than the column gets a page of its own", () => {
  assert.deepEqual(paginate([50, 400, 50], 300), [[0, 1], [1, 2], [2, 3]]);
});

test("side by side tracks page by rows, a row as high as its highest note", () => {
  assert.deepEqual(paginate([100, 200, 50, 50, 300, 10], 300, 0, 2), [[0, 4], [4, 6]]);
});

test("an empty column is one empty page", () => {
  assert.deepEqual(paginate([], 300), [[0, 0]]);
});

test("a shorter column stays on its last page", () => {
  assert.equal(pageAt(2, 0), 0);
  assert.equal(pageAt(2, 4), 1);
  assert.equal(pageAt(1, 3), 0);
});

test("every sheet in turn: the pages of a sheet, then the next sheet, then round again", () => {
  const cycle = newCycle();
  const steps = {1: 2, 2: 1, 3: 3};
  const seen = [];
  settle(cycle, [1, 2, 3]);
  for (let i = 0; i < 6; i++) {
    seen.push(cycle.sheet + ":" + cycle.step);
    advance(cycle, [1, 2, 3], steps[cycle.sheet]);
  }
  assert.deepEqual(seen, ["1:0", "1:1", "2:0", "3:0", "3:1", "3:2"]);
  assert.equal(cycle.rounds, 1);
  assert.equal(cycle.sheet, 1);
});

test("a new note does not send the cycle back to the start", () => {
  const cycle = newCycle();
  settle(cycle, [1, 2]);
  advance(cycle, [1, 2], 3);
  advance(cycle, [1, 2], 3);
  assert.deepEqual([cycle.sheet, cycle.step], [1, 2]);

  // A note arrives: the sheet has one page more; the projector settles and goes on.
  settle(cycle, [1, 2]);
  assert.deepEqual([cycle.sheet, cycle.step], [1, 2]);
  advance(cycle, [1, 2], 4);
  assert.deepEqual([cycle.sheet, cycle.step, cycle.rounds], [1, 3, 0]);
});

test("a sheet that is no longer shown restarts at the first", () => {
  const cycle = {sheet: 9, step: 3, rounds: 0};
  settle(cycle, [4, 5]);
  assert.deepEqual([cycle.sheet, cycle.step], [4, 0]);
});

test("a page stays longer for more text, within limits", () => {
  assert.equal(dwell(0), 8);
  assert.ok(dwell(400) > dwell(100));
  assert.equal(dwell(100000), 30);
});

test("the console's choice round-trips through the select's values", () => {
  for (const view of [{mode: "all", sheet: null, column: null}, {mode: "sheet", sheet: 7, column: null},
                      {mode: "column", sheet: 7, column: "possible_solution"}]) {
    const action = viewAction(viewValue(view));
    assert.equal(action.action, "projector_show");
    assert.equal(action.mode, view.mode);
    if (view.sheet) assert.equal(action.sheet, view.sheet);
    if (view.column) assert.equal(action.column, view.column);
  }
});

test("the welcome shows with no item, and on a board with nothing to show yet", () => {
  assert.equal(welcomeNow({item: null}), true);
  const board = (notes, revealed = true) => ({item: {id: 1, method: "brainstorm"}, sheets: [{revealed, notes}]});
  assert.equal(welcomeNow(board([])), true);
  assert.equal(welcomeNow(board([{id: 1}], false)), true);
  assert.equal(welcomeNow(board([{id: 1}])), false);
  assert.equal(welcomeNow({item: {id: 2}, sheets: [], speaking: {}}), false);
  assert.equal(welcomeNow({item: {id: 1, method: "feedback"}, sheets: [{revealed: true, notes: []}],
                           presenting: {showing: {kind: "slide"}}}), false);
});

test("the welcome shows before each participatory item until something happens in it", () => {
  const item = (method) => ({id: 3, method});
  const talk = (method, speaking) => welcomeNow({item: item(method), speaking});
  assert.equal(talk("tour_de_table", {started: false, current: null}), true);
  assert.equal(talk("tour_de_table", {started: true, current: {name: "A"}}), false);
  assert.equal(talk("discussion", {started: false, current: null, queue: []}), true);
  assert.equal(talk("discussion", {started: false, current: null, queue: [{name: "A"}]}), false);
  assert.equal(talk("discussion", {started: true, current: null, queue: []}), false);
  const groups = (drawn) => welcomeNow({item: item("group_work"), groups: {drawn, worksheets: []}});
  assert.equal(groups(false), true);
  assert.equal(groups(true), false);
  for (const method of ["presentation", "summary", "group_presentations", "break", "site_visit"]) {
    assert.equal(welcomeNow({item: item(method)}), false, method);
  }
});

test("a break shows the break screen, unless a slide fills the screen", () => {
  assert.equal(breakNow({item: {id: 1, method: "break"}}), true);
  assert.equal(breakNow({item: {id: 1, method: "break"}, presenting: {showing: {kind: "slide"}}}), false);
  assert.equal(breakNow({item: {id: 1, method: "discussion"}}), false);
  assert.equal(breakNow({item: null}), false);
});

test("a unit marked alone has a page of its own, the others page as before", () => {
  const u = (h, alone = false) => ({h, alone});
  assert.deepEqual(paginateUnits([u(100), u(100), u(50, true), u(100), u(100), u(100)], 250, 0),
                   [[0, 2], [2, 3], [3, 5], [5, 6]]);
  assert.deepEqual(paginateUnits([u(300, true), u(300, true)], 250), [[0, 1], [1, 2]]);
  assert.deepEqual(paginateUnits([], 250), [[0, 0]]);
});

test("a text higher than its room is cut at line boundaries, every line in a piece", () => {
  const lines = Array.from({length: 10}, (_, i) => ({top: 5 + 30 * i, bottom: 5 + 30 * i + 28}));
  const parts = pieces(lines, 100);
  assert.deepEqual(parts.map((p) => p.from), [5, 95, 185, 275]);
  for (const p of parts) assert.ok(p.to - p.from <= 100, JSON.stringify(p));
  for (const line of lines) {
    assert.equal(parts.filter((p) => line.top >= p.from && line.bottom <= p.to).length, 1);
  }
  assert.deepEqual(pieces([{top: 0, bottom: 500}], 100), [{from: 0, to: 500}]);
});

test("line fragments on the same line make one line", () => {
  const rects = [{top: 40, bottom: 60}, {top: 0, bottom: 20}, {top: 1, bottom: 21}, {top: 20, bottom: 40}];
  assert.deepEqual(linesOf(rects), [{top: 0, bottom: 21}, {top: 20, bottom: 40}, {top: 40, bottom: 60}]);
});
