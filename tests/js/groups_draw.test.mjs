import {test} from "node:test";
import assert from "node:assert/strict";
import {GroupsDocument, byClass} from "./groups_fakedom.mjs";

const doc = new GroupsDocument();
const interval = globalThis.setInterval;  // the countdown's ticker must not keep node running
globalThis.setInterval = (fn, ms) => interval(fn, ms).unref();
globalThis.document = doc;
const {apply, draw} = await import("../../src/sanaksme/static/js/live/groups.js");

const S = new Proxy({}, {get: (_, key) => String(key)});

function context(audience) {
  const sent = [], queued = [];
  let n = 0;
  return {S, cfg: {audience}, sent, queued, send: (m) => sent.push(m), queue: (m) => queued.push(m),
          pending: () => queued, newClientId: () => "c" + ++n, now: () => Date.now(), rerender() {}};
}

function factor(id, text, extra) {
  return {id, text, hidden: false, top: true, rank: id, shares: null, solutions: [],
          weights: {municipality: 2, state: 0, community: 10}, ...extra};
}

function groupWork(extra) {
  return {
    kind: "group_work", question: "Why?", drawn: true, my_group: null, open: false, seed: 42,
    pool: {present: 4, registered: 4, eligible_present: 4, eligible_all: 4, waiting: []},
    groups: [7, 8].map((id) => ({id, number: id - 6, name: "Group " + (id - 6), place: "", dedicated: false,
                                 size: 2, label: "", members: [{id: id * 10, name: "P" + id}], factors: 1})),
    worksheets: [7, 8].map((id) => ({group_id: id, number: id - 6, name: "Group " + (id - 6), place: "",
                                     factors: [factor(id * 100, "factor of " + id)]})),
    ...extra,
  };
}

function screenFor(audience, part) {
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  const ctx = context(audience);
  const state = {item: {id: 3}, groups: part};
  draw(view, part, ctx);
  return {view, ctx, state};
}

const copy = (x) => JSON.parse(JSON.stringify(x));
const byId = (id) => doc.getElementById(id);

test("a new full state keeps the half-typed factor, its focus and an unfolded factor", () => {
  const {view, ctx} = screenFor("console", groupWork());
  const input = byId("factor-new-7");
  const sheet8 = byId("worksheet-8");
  input.value = "half a fac";
  doc.activeElement = input;
  const li = byId("factor-700");
  byClass(li, "factor-tools")[0].childNodes[2].click();  // unfold its solutions and weights
  assert.equal(byClass(li, "weigh").length, 1);

  draw(view, copy(groupWork({open: true})), ctx);

  assert.equal(byId("factor-new-7"), input);
  assert.equal(input.value, "half a fac");
  assert.equal(input.detached, 0);
  assert.equal(doc.activeElement, input);
  assert.equal(byId("worksheet-8"), sheet8);
  assert.equal(byId("factor-700"), li);
  assert.equal(byClass(li, "weigh").length, 1, "the unfolded factor stays unfolded");
  view.parentNode.removeChild(view);
});

test("a worksheet event redraws that worksheet only and the group's count", () => {
  const {view, ctx, state} = screenFor("console", groupWork());
  const sheet8 = byId("worksheet-8"), old7 = byId("factor-700");
  const worksheet = copy(state.groups.worksheets[0]);
  worksheet.factors.push(factor(701, "a new one", {top: false}));
  const handled = apply({type: "groups.worksheet_changed", seq: 5, item_id: 3, group_id: 7, factors: 2,
                         worksheet}, state, ctx);
  assert.equal(handled, true);
  assert.equal(byId("factor-700"), old7);
  assert.match(byId("factor-701").text(), /a new one/);
  assert.equal(byId("worksheet-8"), sheet8);
  assert.equal(byClass(byId("group-7"), "count")[0].textContent, "g_factors_written: 2");
  assert.equal(byClass(byId("group-8"), "count")[0].textContent, "g_factors_written: 1");
  assert.equal(apply({type: "groups.changed", seq: 6}, state, ctx), false);
  view.parentNode.removeChild(view);
});

test("a phone re-syncs for its own group's worksheet and only counts the others", () => {
  const part = groupWork({my_group: 7, worksheets: groupWork().worksheets.slice(0, 1)});
  const {view, ctx, state} = screenFor("phone", part);
  const event = {type: "groups.worksheet_changed", seq: 5, item_id: 3, factors: 2, worksheet: null};
  assert.equal(apply({...event, group_id: 7}, state, ctx), false);
  assert.equal(apply({...event, group_id: 8}, state, ctx), true);
  assert.equal(byClass(view, "worksheet").length, 1, "a phone shows its own worksheet only");
  view.parentNode.removeChild(view);
});

test("a factor line waits on the worksheet until the worksheet has it; + sends the clamped weights", () => {
  const {view, ctx, state} = screenFor("console", groupWork());
  const input = byId("factor-new-8");
  input.value = "  written  ";
  for (const fn of input.parentNode.listeners.submit) fn({preventDefault() {}});
  assert.deepEqual(ctx.queued, [{action: "factor_add", text: "written", client_id: "c1", group: 8}]);
  assert.equal(input.value, "");
  assert.equal(byClass(byId("worksheet-8"), "pending").length, 1);

  const worksheet = copy(state.groups.worksheets[1]);
  worksheet.factors.push(factor(801, "written"));
  apply({type: "groups.worksheet_changed", seq: 5, item_id: 3, group_id: 8, factors: 2, worksheet}, state, ctx);
  assert.equal(byClass(byId("worksheet-8"), "pending").length, 0);

  const li = byId("factor-801");
  byClass(li, "factor-tools")[0].childNodes[2].click();
  const plus = byClass(li, "weigh-row")[2].childNodes[3];  // the community's +, already at 10
  plus.click();
  assert.deepEqual(ctx.sent.at(-1), {action: "factor_weigh", factor: 801,
                                     weights: {municipality: 2, state: 0, community: 10}});
  const minus = byClass(li, "weigh-row")[0].childNodes[1];
  minus.click();
  assert.deepEqual(ctx.sent.at(-1).weights, {municipality: 1, state: 0, community: 10});

  const weighed = copy(state.groups.worksheets[1]);
  weighed.factors[1].weights.municipality = 1;
  apply({type: "groups.worksheet_changed", seq: 6, item_id: 3, group_id: 8, factors: 2, worksheet: weighed},
        state, ctx);
  assert.equal(byClass(li, "weigh-row")[0].childNodes[1], minus, "the tapped button stays (and keeps the focus)");
  const dots = byClass(li, "weigh-row")[0].childNodes[2].childNodes.map((d) => d.getAttribute("class"));
  assert.deepEqual(dots.filter((c) => c), ["on municipality"]);
  view.parentNode.removeChild(view);
});

function presentations(extra) {
  const part = groupWork({kind: "group_presentations"});
  delete part.pool;
  return {...part, comparison: {themes: [], unthemed: 0, confirmed: false, shown: false, enabled: true},
          showing: {order: part.groups.map((g) => ({group_id: g.id, number: g.number, name: g.name,
                                                    presented_seconds: 0})),
                    current: 7, finished: false, allowed: 300, started_at: null, ends_at: null, left: 90,
                    paused: true},
          ...extra};
}

test("the presentations: the console steps with showing_next, the projector shows the group's clock", () => {
  const {view, ctx} = screenFor("console", presentations());
  const tools = byClass(view, "speaking-tools")[0].childNodes;
  tools[0].click();
  tools[1].click();
  assert.deepEqual(ctx.sent, [{action: "showing_next", expected: 7, step: 1},
                              {action: "showing_next", expected: 7, step: -1}]);
  assert.equal(byClass(view, "current")[0].textContent, "Group 1");
  view.parentNode.removeChild(view);

  const projector = screenFor("projector", presentations());
  assert.equal(byId("group-clock").textContent, "1:30");
  assert.equal(byId("group-clock").getAttribute("class"), "clock paused");
  assert.equal(byClass(projector.view, "speaker")[0].textContent, "Group 1");
  assert.equal(byClass(projector.view, "worksheet")[0].className, "worksheet big");
  draw(projector.view, presentations({showing: {...presentations().showing, current: 8, left: -5}}), projector.ctx);
  assert.equal(byClass(projector.view, "speaker")[0].textContent, "Group 2");
  assert.equal(byId("group-clock").textContent, "+0:05");
  assert.match(byClass(projector.view, "worksheet")[0].text(), /factor of 8/);
  projector.view.parentNode.removeChild(projector.view);
});
