import {test} from "node:test";
import assert from "node:assert/strict";
import {Outbox, AT_ONCE, STALE} from "../../src/sanaksme/static/js/live/outbox.js";

function memoryStorage(initial = {}) {
  const data = new Map(Object.entries(initial).map(([k, v]) => [k, JSON.stringify(v)]));
  return {
    load: (k) => JSON.parse(data.get(k) || "[]"),
    store: (k, list) => data.set(k, JSON.stringify(list)),
  };
}
const KEYS = {pending: "p", sent: "s", refused: "r", legacy: ["g"]};
const note = (id) => ({action: "note_submit", client_id: id, sheet: 1, column: "problem", text: "t" + id});
const ids = (list) => list.map((m) => m.client_id);

test("an entry goes out once per socket, and once more on a new socket", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  box.add(note("a"));
  assert.deepEqual(ids(box.due(0)), ["a"]);
  assert.deepEqual(ids(box.due(10)), []);
  box.reset();
  assert.deepEqual(ids(box.due(20)), ["a"]);
  assert.deepEqual(ids(box.due(30)), []);
});

test("an entry whose answer is stale goes again, once", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  box.add(note("a"));
  box.due(0);
  assert.deepEqual(ids(box.due(STALE)), []);
  assert.deepEqual(ids(box.due(STALE + 1)), ["a"]);
  assert.deepEqual(ids(box.due(STALE + 2)), []);
});

test("only a few entries wait for an answer at once", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  for (const id of "abcde") box.add(note(id));
  assert.equal(box.due(0).length, AT_ONCE);
  box.ack("a");
  assert.deepEqual(ids(box.due(1)), ["d"]);
});

test("an ack drops the entry and keeps it in the sent history", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  box.add(note("a"));
  box.due(0);
  assert.equal(box.ack("a").text, "ta");
  assert.deepEqual(box.pending(), []);
  assert.deepEqual(ids(box.sent()), ["a"]);
  assert.equal(box.ack("zzz"), null);
});

test("a retryable refusal keeps the entry and sends it again after retry_after", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  box.add(note("a"));
  box.due(0);
  const r = box.error({type: "error", client_id: "a", retry: true, retry_after: 5, message: "busy"}, 100);
  assert.equal(r.outcome, "retry");
  assert.equal(box.reason("a"), "busy");
  assert.deepEqual(ids(box.due(5099)), []);
  assert.deepEqual(ids(box.due(5100)), ["a"]);
  assert.deepEqual(ids(box.pending()), ["a"]);
});

test("a permanent refusal moves the entry to refused with the message", () => {
  const box = new Outbox(memoryStorage(), KEYS, () => 0);
  box.add(note("a"));
  box.due(0);
  const r = box.error({type: "error", client_id: "a", retry: false, message: "too long"}, 1);
  assert.equal(r.outcome, "refused");
  assert.deepEqual(box.pending(), []);
  assert.equal(box.refused()[0].message, "too long");
  assert.equal(box.refused()[0].text, "ta");
  assert.equal(box.error({type: "error", message: "x", retry: false}, 2).outcome, "none");
});

test("older outboxes and old wire names join the one outbox", () => {
  const storage = memoryStorage({p: [{action: "note.add", client_id: "a"}],
                                 g: [{action: "factor.add", client_id: "b", text: "x"}]});
  const box = new Outbox(storage, KEYS, () => 0);
  assert.deepEqual(box.pending().map((m) => m.action), ["note_submit", "factor_add"]);
  assert.deepEqual(storage.load("g"), []);
});
