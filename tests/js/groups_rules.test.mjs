import {test} from "node:test";
import assert from "node:assert/strict";
import {
  applyWorksheetChanged, arrangeOrder, dropOnGroup, dropOnTheme, pendingFactors, tapWeights, themeTakes,
} from "../../src/sanaksme/static/js/live/groups/rules.js";

const W = {municipality: 3, state: 0, community: 10};

test("a tap moves one weight by one and stays within 0 to 10", () => {
  assert.deepEqual(tapWeights(W, "municipality", 1), {municipality: 4, state: 0, community: 10});
  assert.deepEqual(tapWeights(W, "state", -1), W);
  assert.deepEqual(tapWeights(W, "community", 1), W);
  assert.equal(W.municipality, 3, "the state's weights are not changed");
});

const factors = [{id: 1, hidden: false}, {id: 2, hidden: true}, {id: 3, hidden: false}, {id: 4, hidden: false}];

test("moving a factor reorders the visible ones and keeps the hidden ones last", () => {
  assert.deepEqual(arrangeOrder(factors, 3, -1), [3, 1, 4, 2]);
  assert.deepEqual(arrangeOrder(factors, 1, 1), [3, 1, 4, 2]);
  assert.equal(arrangeOrder(factors, 1, -1), null);
  assert.equal(arrangeOrder(factors, 4, 1), null);
  assert.equal(arrangeOrder(factors, 2, 1), null, "a hidden factor has no place to move");
});

function state(extra) {
  return {drawn: true, my_group: null, open: false,
          groups: [{id: 7, factors: 1}, {id: 8, factors: 0}],
          worksheets: [{group_id: 7, factors: [{id: 1, text: "a", hidden: false}]}, {group_id: 8, factors: []}],
          ...extra};
}
const sheet = {group_id: 7, factors: [{id: 1, text: "a", hidden: false}, {id: 5, text: "b", hidden: false}]};
const event = (extra) => ({type: "groups.worksheet_changed", seq: 4, item_id: 3, group_id: 7, factors: 2,
                           worksheet: sheet, ...extra});

test("a worksheet event replaces that group's worksheet and its count of factors", () => {
  const gs = state();
  const other = gs.worksheets[1];
  assert.equal(applyWorksheetChanged(gs, event(), 3), "applied");
  assert.equal(gs.worksheets[0], sheet);
  assert.equal(gs.worksheets[1], other);
  assert.equal(gs.groups[0].factors, 2);
  assert.equal(gs.groups[1].factors, 0);
});

test("a screen without that worksheet (the projector before they are open) takes the count only", () => {
  const gs = state({worksheets: []});
  assert.equal(applyWorksheetChanged(gs, event(), 3), "counted");
  assert.deepEqual(gs.worksheets, []);
  assert.equal(gs.groups[0].factors, 2);
});

test("a phone re-syncs for its own group's worksheet, or any while the worksheets are open", () => {
  assert.equal(applyWorksheetChanged(state({my_group: 7, worksheets: []}), event({worksheet: null}), 3), "resync");
  assert.equal(applyWorksheetChanged(state({my_group: 8, open: true}), event({worksheet: null}), 3), "resync");
  assert.equal(applyWorksheetChanged(state({my_group: 8, worksheets: []}), event({worksheet: null}), 3), "ignored");
});

test("an event for another item, an unknown group or groups not drawn asks for the state", () => {
  assert.equal(applyWorksheetChanged(state(), event({item_id: 4}), 3), "resync");
  assert.equal(applyWorksheetChanged(state(), event({group_id: 9}), 3), "resync");
  assert.equal(applyWorksheetChanged(state({drawn: false}), event(), 3), "resync");
  assert.equal(applyWorksheetChanged(null, event(), 3), "resync");
});

test("a factor line waits on its worksheet until the worksheet shows it", () => {
  const outbox = [
    {action: "factor_add", text: "a", client_id: "x"},             // stored: the event came first
    {action: "factor_add", text: "new", client_id: "y"},           // a phone's line: its own group
    {action: "factor_add", text: "there", group: 8, client_id: "z"},  // the console's line for group 8
    {action: "solution_add", text: "s", factor: 1, client_id: "w"},
  ];
  const ws = state().worksheets[0];
  assert.deepEqual(pendingFactors(outbox, ws, 7).map((m) => m.client_id), ["y"]);
  assert.deepEqual(pendingFactors(outbox, ws, 8).map((m) => m.client_id), []);
  assert.deepEqual(pendingFactors(outbox, state().worksheets[1], 7).map((m) => m.client_id), ["z"]);
});

test("dropping a person on a group moves them; nothing else can be dropped there", () => {
  assert.deepEqual(dropOnGroup({participant: 5}, 8), {action: "group_move", participant: 5, group: 8});
  assert.equal(dropOnGroup({theme: 5}, 8), null);
  assert.equal(dropOnGroup(null, 8), null);
});

test("a theme takes a factor or another theme (a merge), never itself", () => {
  assert.ok(themeTakes({factor: 1}, 2));
  assert.ok(themeTakes({theme: 3}, 2));
  assert.ok(!themeTakes({theme: 2}, 2));
  assert.ok(!themeTakes(null, 2));
  assert.deepEqual(dropOnTheme({factor: 1}, 2), {action: "factor_set_theme", factor: 1, theme: 2});
  assert.deepEqual(dropOnTheme({theme: 3}, 2), {action: "theme_merge", theme: 3, into: 2});
  assert.equal(dropOnTheme({theme: 2}, 2), null);
  assert.equal(dropOnTheme({participant: 2}, 2), null);
});
