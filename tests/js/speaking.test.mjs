import test from "node:test";
import assert from "node:assert/strict";

import {elapsedSeconds} from "../../src/sanaksme/static/js/live/speaking.js";

test("the elapsed time adds the running stretch to what was spoken before", () => {
  const resumed = "2017-01-27T11:20:00+00:00";
  assert.equal(elapsedSeconds(30, resumed, Date.parse(resumed) + 15000), 45);
});

test("while paused the elapsed time stands still", () => {
  assert.equal(elapsedSeconds(30, null, Date.now()), 30);
});

test("a server clock a little behind ours never counts backwards", () => {
  const resumed = "2017-01-27T11:20:00+00:00";
  assert.equal(elapsedSeconds(0, resumed, Date.parse(resumed) - 500), 0);
});
