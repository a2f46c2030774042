import {test} from "node:test";
import assert from "node:assert/strict";
import {
  decisionHighlight, highlightMarks, reproposalStatus, seenDecision,
} from "../../src/sanaksme/static/js/live/groups/rules.js";

const last = {number: 4, action: "move", moved: [7], replaced: [3, 7, 9]};

test("a newer decision than the screen saw is highlighted, moved factors apart", () => {
  assert.deepEqual(decisionHighlight(3, last),
                   {number: 4, action: "move", moved: [7], replaced: [3, 9]});
});

test("nothing is highlighted on the first drawing, for the same decision or after an undo", () => {
  assert.equal(decisionHighlight(undefined, last), null);
  assert.equal(decisionHighlight(4, last), null);
  assert.equal(decisionHighlight(5, last), null, "an undo brings back an older decision");
  assert.equal(decisionHighlight(4, null), null);
});

test("the first decision after an empty comparison is highlighted", () => {
  assert.deepEqual(decisionHighlight(seenDecision(undefined, null), {...last, number: 1}),
                   {number: 1, action: "move", moved: [7], replaced: [3, 9]});
});

test("the screen remembers the highest decision number it saw", () => {
  assert.equal(seenDecision(undefined, null), 0);
  assert.equal(seenDecision(undefined, last), 4);
  assert.equal(seenDecision(6, last), 6);
  assert.equal(seenDecision(2, last), 4);
});

test("marks name each highlighted chip once and the themes holding them", () => {
  const themes = [{id: 1, factors: [{id: 7}, {id: 8}]}, {id: 2, factors: [{id: 3}]},
                  {id: 5, factors: [{id: 4}]}];
  const marks = highlightMarks({moved: [7], replaced: [3]}, themes);
  assert.deepEqual([...marks.chips], [[3, "replaced"], [7, "moved"]]);
  assert.deepEqual(marks.themes, [1, 2]);
  assert.deepEqual(highlightMarks(null, themes), {chips: new Map(), themes: []});
});

test("the status line says how many factors the proposal re-placed, or that nothing moved", () => {
  const strings = {g_replaced: "Factors re-placed", g_replaced_none: "The other themes stay as they were."};
  assert.equal(reproposalStatus({number: 2, moved: [1], replaced: [4, 5]}, strings), "Factors re-placed: 2");
  assert.equal(reproposalStatus({number: 2, moved: [1], replaced: []}, strings),
               "The other themes stay as they were.");
  assert.equal(reproposalStatus(null, strings), "");
  assert.equal(reproposalStatus({number: 1, action: "propose", moved: [], replaced: []}, strings), "");
});
