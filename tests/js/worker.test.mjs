import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import vm from "node:vm";

// The worker is a classic script (served at /p/sw.js): run it without a registration,
// so it only defines its rules.
const source = readFileSync(new URL("../../src/sanaksme/static/js/live/worker.js", import.meta.url), "utf8");
const sandbox = {self: {}, module: {exports: {}}, URL};
vm.runInNewContext(source, sandbox);
const {strategyFor, keepable} = sandbox.module.exports;
const settings = {version: "v1", scope: "/p/", assets: ["/static/js/live/phone.js", "/static/css/phone.css"]};

test("a phone page goes to the network first; its assets come from the cache", () => {
  assert.equal(strategyFor("/p/ABC234/", "GET", settings), "page");
  assert.equal(strategyFor("/static/js/live/phone.js", "GET", settings), "asset");
});

test("nothing else is cached: console, projector, admin, join pages, other statics, posts", () => {
  for (const path of ["/console/m/demo/live/", "/projector/demo/token/", "/admin/", "/j/ABC234/",
                      "/static/js/live/console.js", "/p/sw.js", "/p/ABC234/extra/", "/ws/phone/ABC234/",
                      "/media/slides.pdf", "/i18n/setlang/"]) {
    assert.equal(strategyFor(path, "GET", settings), "pass", path);
  }
  assert.equal(strategyFor("/p/ABC234/", "POST", settings), "pass");
});

test("only a plain answer is kept: no redirect (to the join page), no error", () => {
  assert.equal(keepable({ok: true, redirected: false, type: "basic"}), true);
  assert.equal(keepable({ok: true, redirected: true, type: "basic"}), false);
  assert.equal(keepable({ok: false, redirected: false, type: "basic"}), false);
  assert.equal(keepable({ok: false, redirected: false, type: "opaqueredirect"}), false);
  assert.equal(keepable(undefined), false);
});
