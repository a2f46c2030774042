import {test} from "node:test";
import assert from "node:assert/strict";
import {apply} from "../../src/sanaksme/static/js/live/boards.js";

function room() {
  return {item: {id: 1, title: "T", reply_kinds: [{key: "feedback", label: "Atsauksme"}]},
          sheets: [{id: 7, notes: [{id: 1, column: "problem", text: "a", seq: 3, merged: 0, replies: []},
                                   {id: 2, column: "problem", text: "b", seq: 5, merged: 0, replies: []}]}]};
}
const ctx = (opts = {}) => ({opts});

test("a note added once is kept once", () => {
  const state = room();
  const event = {type: "boards.note_added", seq: 9, note_id: 3, sheet_id: 7, column: "problem", text: "c"};
  assert.equal(apply(event, state, ctx()), true);
  assert.equal(apply(event, state, ctx()), true);
  assert.deepEqual(state.sheets[0].notes.map((n) => n.id), [1, 2, 3]);
  assert.equal(apply({...event, sheet_id: 99}, state, ctx()), false);  // a sheet we do not know: re-sync
});

test("changed notes replace theirs in seq order; visible=false removes one from the room", () => {
  const state = room();
  const event = {type: "boards.note_changed", seq: 9, sheet_id: 7, notes: [
    {id: 2, column: "problem", text: "b", seq: 5, merged: 0, replies: [], visible: false},
    {id: 1, column: "problem", text: "a", seq: 3, merged: 1, replies: [], visible: true},
    {id: 4, column: "problem", text: "shown again", seq: 1, merged: 0, replies: [], visible: true}]};
  assert.equal(apply(event, state, ctx()), true);
  assert.deepEqual(state.sheets[0].notes.map((n) => [n.id, n.merged]), [[4, 0], [1, 1]]);
  assert.equal("visible" in state.sheets[0].notes[0], false);
});

test("a reply takes its kind's label; an unseen note is fine for the room, not for the console", () => {
  const state = room();
  const event = {type: "boards.reply_added", seq: 9, note_id: 2, reply_id: 5, kind: "feedback", text: "jā"};
  assert.equal(apply(event, state, ctx()), true);
  assert.deepEqual(state.sheets[0].notes[1].replies, [{kind: "feedback", label: "Atsauksme", text: "jā"}]);
  assert.equal(apply({...event, note_id: 99}, state, ctx()), true);
  assert.equal(apply({...event, note_id: 99}, state, ctx({tools: true})), false);
});

test("other board events ask for the state", () => {
  assert.equal(apply({type: "boards.sheet_changed", seq: 9}, room(), ctx()), false);
});
