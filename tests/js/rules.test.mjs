import {test} from "node:test";
import assert from "node:assert/strict";
import {seqStep, clockOffset, nextBackoff, withJitter, BACKOFF_MAX, InOrder, stateAnswer} from "../../src/sanaksme/static/js/live/rules.js";
import {secondsLeft, clockClass} from "../../src/sanaksme/static/js/live/countdown.js";

test("an event right after our seq is applied, an older one ignored, a later one is a gap", () => {
  assert.equal(seqStep(10, 11), "next");
  assert.equal(seqStep(10, 10), "old");
  assert.equal(seqStep(10, 3), "old");
  assert.equal(seqStep(10, 12), "gap");
  assert.equal(seqStep(10, undefined), "next");
});

test("the clock offset allows for half the round trip", () => {
  const sent = 1_000_000, received = 1_000_200;  // 200 ms round trip
  const server = new Date(received + 5000 - 100).toISOString();  // server is 5 s ahead
  assert.equal(clockOffset(sent, received, server), 5000);
  assert.equal(clockOffset(sent, received, "nonsense"), null);
});

test("reconnect back-off doubles up to its ceiling, with up to half added at random", () => {
  assert.equal(nextBackoff(500), 1000);
  assert.equal(nextBackoff(BACKOFF_MAX), BACKOFF_MAX);
  assert.equal(withJitter(1000, () => 0), 1000);
  assert.equal(withJitter(1000, () => 0.999), 1499);
});

test("seconds left count to the end time on the server's clock, or hold while paused", () => {
  const now = Date.parse("2025-01-01T10:00:00Z");
  assert.equal(secondsLeft("2025-01-01T10:01:30Z", null, false, now), 90);
  assert.equal(secondsLeft(null, 42, true, now), 42);
  assert.equal(secondsLeft("2025-01-01T10:01:30Z", 42, true, now), 42);
  assert.equal(secondsLeft(null, null, false, now), null);
});

test("the clock warns in the last fifth (at most 30 s) and marks overrun", () => {
  assert.equal(clockClass(100, 240, false), "clock");
  assert.equal(clockClass(30, 240, false), "clock warning");
  assert.equal(clockClass(-1, 240, true), "clock paused overrun");
  assert.equal(clockClass(null, 240, false), "clock");
});

test("events that overtook an earlier one wait for it, then follow in order", () => {
  const early = new InOrder();
  early.hold({seq: 9});
  early.hold({seq: 8});
  assert.deepEqual(early.next(6), []);  // 7 has not come yet
  assert.ok(early.waiting);
  assert.deepEqual(early.next(7).map((m) => m.seq), [8, 9]);
  assert.ok(!early.waiting);
});

test("a state newer than the held events drops them", () => {
  const early = new InOrder();
  early.hold({seq: 5});
  early.hold({seq: 7});
  assert.deepEqual(early.next(6).map((m) => m.seq), [7]);
  early.hold({seq: 12});
  assert.deepEqual(early.next(20), []);
  assert.ok(!early.waiting);
});

test("a state older than the events applied is dropped, but asked again if our state misses one", () => {
  assert.equal(stateAnswer(false, 0, 7, false), "take");   // the first state
  assert.equal(stateAnswer(true, 7, 9, false), "take");    // a newer one
  assert.equal(stateAnswer(true, 9, 9, true), "take");     // the one we waited for
  assert.equal(stateAnswer(true, 9, 8, false), "drop");    // overtaken by events we applied
  // The item changed (8, not applied: a state is asked for), the sheet was revealed (9);
  // the answer, built at 8, comes after 9: keeping seq 9 would leave the projector on
  // the old item for good, so it asks again.
  assert.equal(stateAnswer(true, 9, 8, true), "again");
});
