/* The phones' rules (issue 15): the character counter, the sheet and column kept across
 * reloads, "My notes" of this item only, the scribe's name search, and in-place updates
 * that keep an open <details> and the focus. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {FakeDocument} from "./fakedom.mjs";

const doc = new FakeDocument();
globalThis.document = doc;
const {countState, textLength, NEAR} = await import("../../src/sanaksme/static/js/live/counter.js");
const {keptChoice, matchPeople, mineRows} = await import("../../src/sanaksme/static/js/live/boards.js");
const {el, keyed} = await import("../../src/sanaksme/static/js/live/dom.js");

const S = {too_long: "at most %(limit)s characters: shorten the text", waiting: "waiting", sent: "sent"};

test("the counter counts, warns near the limit and says the limit beyond it", () => {
  assert.deepEqual(countState(212, 280, S), {text: "212/280", level: "ok", fits: true});
  assert.equal(countState(280 - NEAR - 1, 280, S).level, "ok");
  assert.equal(countState(280 - NEAR, 280, S).level, "near");
  assert.deepEqual(countState(280, 280, S), {text: "280/280", level: "near", fits: true});
  assert.deepEqual(countState(5000, 280, S),
                   {text: "5000/280 · at most 280 characters: shorten the text", level: "over", fits: false});
});

test("the counter counts as the server does: trimmed, CRLF as one", () => {
  assert.equal(textLength("  ab\r\ncd  "), 5);
  assert.equal(textLength(" ".repeat(400)), 0);
});

const SHEETS = [
  {id: 11, columns: [{key: "positive"}, {key: "problem"}]},
  {id: 12, columns: [{key: "positive"}, {key: "problem"}]},
];

test("the sheet and column kept across a reload are used while the sheets have them", () => {
  assert.deepEqual(keptChoice({sheet: 12, column: "problem"}, SHEETS), {sheet: 12, column: "problem"});
  assert.deepEqual(keptChoice({sheet: 12, column: null}, SHEETS), {sheet: 12, column: null});
});

test("a kept choice the sheets no longer have falls back to the first sheet and no column", () => {
  assert.deepEqual(keptChoice({sheet: 99, column: "problem"}, SHEETS), {sheet: 11, column: null});
  assert.deepEqual(keptChoice({sheet: 12, column: "gone"}, SHEETS), {sheet: 12, column: null});
  assert.deepEqual(keptChoice(null, SHEETS), {sheet: 11, column: null});
  assert.deepEqual(keptChoice({}, SHEETS), {sheet: 11, column: null});
});

test("My notes lists only the notes of the sheets shown now (not the brainstorm's)", () => {
  const note = (id, sheet, text) => ({action: "note_submit", client_id: id, sheet, column: "c", text});
  const box = {
    refused: () => [{...note("r1", 5, "old refused"), message: "no"}],
    pending: () => [note("p1", 5, "old waiting"), note("p2", 8, "feedback waiting"),
                    {action: "factor_add", client_id: "f1", text: "a factor"}],
    sent: () => [note("s1", 5, "brainstorm note"), note("s2", 8, "feedback note")],
    reason: () => "",
  };
  assert.deepEqual(mineRows(box, [8], S).map((r) => [r.cls, r.text]),
                   [["pending", "feedback waiting"], ["sent", "feedback note"]]);
  assert.deepEqual(mineRows(box, [5], S).map((r) => r.key), ["rr1", "pp1", "ss1"]);
  assert.deepEqual(mineRows(box, [], S), []);
});

const PEOPLE = [{id: 1, name: "Jānis Bērziņš"}, {id: 2, name: "Jeļena Ivanova"},
                {id: 3, name: "Olga Ivanova"}, {id: 4, name: "Anna Kalniņa-Ozola"}];

test("the scribe's name search matches word starts, any case, with or without diacritics", () => {
  assert.deepEqual(matchPeople(PEOPLE, "o").map((p) => p.id), [3, 4]);
  assert.deepEqual(matchPeople(PEOPLE, "OLG").map((p) => p.id), [3]);
  assert.deepEqual(matchPeople(PEOPLE, "jan").map((p) => p.id), [1]);
  assert.deepEqual(matchPeople(PEOPLE, "jā ber").map((p) => p.id), [1]);
  assert.deepEqual(matchPeople(PEOPLE, "ivanova j").map((p) => p.id), [2]);
  assert.deepEqual(matchPeople(PEOPLE, "  "), []);
  assert.deepEqual(matchPeople(PEOPLE, "zz"), []);
});

test("an update in place keeps an open <details>, its content and the focused field", () => {
  const board = doc.createElement("div");
  const draw = (notes) => keyed(board, [{key: "shared"}], (p) => p.key, () => {
    const details = el("details", {class: "shared"});
    details.appendChild(el("summary", {}, "See the shared sheet"));
    details.appendChild(el("input", {id: "reply"}));
    details.appendChild(el("ul", {}));
    return details;
  }, (details) => keyed(details.childNodes[2], notes, (n) => n.id, (n) => el("li", {}, n.text)));
  draw([{id: 1, text: "a"}, {id: 2, text: "b"}]);  // made
  draw([{id: 1, text: "a"}, {id: 2, text: "b"}]);  // filled
  const details = board.childNodes[0];
  details.setAttribute("open", "");
  const field = details.childNodes[1];
  doc.activeElement = field;
  const kept = details.childNodes[2].childNodes[0];

  draw([{id: 1, text: "a"}]);  // the facilitator hid note 2

  assert.equal(board.childNodes[0], details);
  assert.equal(details.getAttribute("open"), "");
  assert.equal(details.detached, 0);
  assert.equal(doc.activeElement, field);
  assert.equal(details.childNodes[2].childNodes[0], kept);
  assert.equal(details.childNodes[2].childNodes.length, 1);
});
