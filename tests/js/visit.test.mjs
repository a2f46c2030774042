import {test} from "node:test";
import assert from "node:assert/strict";
import {GroupsDocument, byClass} from "./groups_fakedom.mjs";
import {
  bannerShown, columnButtons, isoWithOffset, keptState, visitMessage, visitRows, waitingCount,
} from "../../src/sanaksme/static/js/live/visitrules.js";

// What visit.js uses beyond the shared fake DOM.
const doc = new GroupsDocument();
const Node = Object.getPrototypeOf(doc.body);
Node.append = function append(...nodes) { for (const n of nodes) this.appendChild(n); };
Node.removeAttribute = function removeAttribute(k) { delete this.attributes[k]; };
Node.focus = function focus() { this.ownerDocument.activeElement = this; };
globalThis.document = doc;
const memory = new Map();
globalThis.sessionStorage = {getItem: (k) => (memory.has(k) ? memory.get(k) : null),
                             setItem: (k, v) => memory.set(k, String(v)), removeItem: (k) => memory.delete(k)};
const visitModule = await import("../../src/sanaksme/static/js/live/visit.js");

const S = new Proxy({col_problem: "Problems", col_positive: "Positive", e_problem: "Problem",
                     waiting: "waiting to send", sent: "sent"}, {get: (t, key) => (key in t ? t[key] : String(key))});

function visitState(over = {}) {
  return {
    item_id: 7, starts: "10:00", ends: "11:30", departure: "11:30",
    site: {key: "school", name: "J. Raiņa 6. vidusskola", address: "Tautas iela 59", host: "Direktore",
           look_for: "Skolotāju palīgi"},
    schedule: [{item_id: 7, title: "Vizīte skolā", site: "Skola", starts: "10:00", ends: "11:30", current: true},
               {item_id: 8, title: "Vizīte PII", site: "PII 26", starts: "11:45", ends: "13:00", current: false}],
    next: {title: "Vizīte PII", site: "PII 26", starts: "11:45"},
    sheet: {id: 31, title: "Skola", columns: ["positive", "problem", "existing_solution", "possible_solution"]},
    open: true, mine: [], ...over,
  };
}

function box({pending = [], sent = [], refused = []} = {}) {
  return {pending: () => pending.slice(), sent: () => sent.slice(), refused: () => refused.slice(),
          reason: () => ""};
}

const obs = (id, column, text, sheet = 31) => ({action: "visit_note_add", client_id: id, sheet, column, text,
                                                written_at: "2017-01-26T10:15:00+02:00"});

test("written_at is the phone's local time with its offset", () => {
  const d = new Date(Date.UTC(2017, 0, 26, 8, 15, 3));
  const iso = isoWithOffset(d);
  assert.match(iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.equal(Date.parse(iso), d.getTime());  // the same moment, whatever the zone
});

test("an observation is a visit_note_add with a client id and the time it was written", () => {
  const now = new Date(Date.UTC(2017, 0, 26, 8, 15, 0));
  const msg = visitMessage(visitState(), "problem", "  no bus to school ", "c1", now);
  assert.deepEqual(msg, {action: "visit_note_add", client_id: "c1", sheet: 31, column: "problem",
                         text: "no bus to school", written_at: isoWithOffset(now)});
});

test("nothing is sent without a column, text, an open window or a sheet", () => {
  const now = new Date();
  assert.equal(visitMessage(visitState(), null, "x", "c", now), null);
  assert.equal(visitMessage(visitState(), "problem", "   ", "c", now), null);
  assert.equal(visitMessage(visitState({open: false}), "problem", "x", "c", now), null);
  assert.equal(visitMessage(visitState({sheet: null}), "problem", "x", "c", now), null);
  assert.equal(visitMessage(visitState(), "feedback", "x", "c", now), null);  // not the sheet's column
});

test("the columns are the brainstorm's: pictogram, colour, label (short word in the simple view)", () => {
  const words = columnButtons(["positive", "problem"], S, false);
  assert.deepEqual(words.map((b) => [b.key, b.picto, b.tone, b.label]),
                   [["positive", "thumb", "good", "Positive"], ["problem", "warning", "problem", "Problems"]]);
  assert.equal(columnButtons(["problem"], S, true)[0].label, "Problem");
});

test("my observations: refused, waiting, then stored, newest first; other sheets' left out", () => {
  const visit = visitState({mine: [{id: 1, column: "positive", text: "old", written_at: "x"}]});
  const rows = visitRows(visit, box({
    pending: [obs("a", "problem", "first"), obs("b", "problem", "second"), obs("z", "problem", "elsewhere", 99),
              {action: "note_submit", client_id: "n", sheet: 31, column: "problem", text: "a note"}],
    sent: [obs("s", "positive", "just stored"), obs("t", "positive", "old")],
    refused: [{...obs("r", "problem", "too long"), message: "too long"}],
  }), S);
  assert.deepEqual(rows.map((r) => [r.cls, r.text]),
                   [["refused", "too long"], ["pending", "second"], ["pending", "first"],
                    ["sent", "just stored"], ["sent", "old"]]);
});

test("the banner shows only while notes wait and the phone cannot send them", () => {
  assert.equal(bannerShown(0, false), false);
  assert.equal(bannerShown(3, false), true);
  assert.equal(bannerShown(3, true), false);
  assert.equal(waitingCount(box({pending: [obs("a", "problem", "x"), obs("b", "problem", "y")]})), 2);
});

test("a kept state is read back only when it is a state", () => {
  assert.deepEqual(keptState('{"type": "state", "seq": 4}'), {type: "state", seq: 4});
  assert.equal(keptState('{"type": "pong"}'), null);
  assert.equal(keptState("not json"), null);
  assert.equal(keptState(null), null);
});

function ctxFor(queued, outbox = box()) {
  return {S, opts: {}, cfg: {ws: "/ws/phone/ABC/", limit: 280}, outbox,
          newClientId: () => "c" + (queued.length + 1), queue: (m) => queued.push(m), rerender: () => {}};
}

function findByData(root, name, value) {
  for (const n of root.walk()) if (n.getAttribute && n.getAttribute(name) === value) return n;
  return null;
}

test("the visit screen: the place, departure, next visit and the day with the current one marked", () => {
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  visitModule.draw(view, visitState(), ctxFor([]));
  const text = view.text();
  for (const part of ["J. Raiņa 6. vidusskola", "Tautas iela 59", "Direktore", "Skolotāju palīgi",
                      "10:00–11:30", "11:30", "PII 26"]) {
    assert.ok(text.includes(part), part);
  }
  const stops = byClass(view, "visit-schedule")[0].childNodes;
  assert.equal(stops.length, 2);
  assert.equal(stops[0].getAttribute("aria-current"), "step");
  assert.equal(stops[1].getAttribute("aria-current"), null);
  assert.equal(byClass(view, "visit-col").length, 4);
  view.parentNode.removeChild(view);
});

test("tapping a column and sending queues the observation; the form waits for the next column", () => {
  memory.clear();
  const queued = [];
  const view = doc.createElement("div");
  doc.body.appendChild(view);
  const ctx = ctxFor(queued);
  visitModule.draw(view, visitState(), ctx);
  const form = doc.getElementById("visit-composer");
  assert.equal(form.hidden, true);
  findByData(view, "data-column", "problem").click();
  assert.equal(form.hidden, false);
  assert.equal(findByData(view, "data-column", "problem").getAttribute("aria-pressed"), "true");
  doc.getElementById("visit-text").value = "Trūkst mediatora";
  for (const fn of form.listeners.submit) fn({preventDefault() {}});
  assert.equal(queued.length, 1);
  assert.equal(queued[0].action, "visit_note_add");
  assert.equal(queued[0].column, "problem");
  assert.equal(queued[0].text, "Trūkst mediatora");
  assert.equal(form.hidden, true);
  view.parentNode.removeChild(view);
});

test("without a sheet the phone says observations are not collected, and shows no buttons", () => {
  const view = doc.createElement("div");
  visitModule.draw(view, visitState({sheet: null, open: false}), ctxFor([]));
  assert.equal(byClass(view, "visit-col").length, 0);
  assert.ok(view.text().includes("v_no_sheet"));
});

test("the waiting observations are listed, marked waiting", () => {
  const view = doc.createElement("div");
  const outbox = box({pending: [obs("a", "problem", "first")]});
  visitModule.draw(view, visitState(), ctxFor([], outbox));
  const pending = byClass(view, "pending");
  assert.equal(pending.length, 1);
  assert.ok(pending[0].text().includes("waiting to send"));
});
