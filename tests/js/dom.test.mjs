import {test} from "node:test";
import assert from "node:assert/strict";
import {FakeDocument} from "./fakedom.mjs";

const doc = new FakeDocument();
globalThis.document = doc;
const {keyed, clockText, el} = await import("../../src/sanaksme/static/js/live/dom.js");

function make(ids) {
  const parent = doc.createElement("ul");
  keyed(parent, ids, (x) => x, (x) => el("li", {}, String(x)));
  return parent;
}
const texts = (parent) => parent.childNodes.map((n) => n.textContent);

test("keyed reuses the node of a key that stays and adds and removes the others", () => {
  const parent = make([1, 2, 3]);
  const two = parent.childNodes[1];
  const updated = [];
  keyed(parent, [2, 4], (x) => x, (x) => el("li", {}, String(x)), (node, x) => updated.push(x));
  assert.deepEqual(texts(parent), ["2", "4"]);
  assert.equal(parent.childNodes[0], two);
  assert.deepEqual(updated, [2]);
});

test("keyed does not move nodes that are already in order", () => {
  const parent = make([1, 2, 3, 4]);
  const nodes = parent.childNodes.slice();
  keyed(parent, [1, 2, 3, 4, 5], (x) => x, (x) => el("li", {}, String(x)));
  assert.deepEqual(nodes.map((n) => n.detached), [0, 0, 0, 0]);
});

for (const order of [[3, 1, 2], [2, 3, 1], [3, 2, 1], [1, 3, 2], [2, 1, 3]]) {
  for (const focused of [1, 2, 3]) {
    test(`keyed reorders to ${order} without moving focused node ${focused}`, () => {
      const parent = make([1, 2, 3]);
      const node = parent.childNodes[focused - 1];
      doc.activeElement = node;
      keyed(parent, [...order, 9], (x) => x, (x) => el("li", {}, String(x)));
      assert.deepEqual(texts(parent), [...order.map(String), "9"]);
      assert.equal(node.detached, 0);
      assert.equal(doc.activeElement, node);
      doc.activeElement = null;
    });
  }
}

test("keyed keeps a node whose child holds the focus", () => {
  const parent = make([1, 2]);
  const area = doc.createElement("textarea");
  parent.childNodes[0].appendChild(area);
  doc.activeElement = area;
  keyed(parent, [2, 1], (x) => x, (x) => el("li", {}, String(x)));
  assert.deepEqual(texts(parent), ["2", "1"]);
  assert.equal(doc.activeElement, area);
  doc.activeElement = null;
});

test("clockText shows minutes and seconds, over time with a plus", () => {
  assert.equal(clockText(65), "1:05");
  assert.equal(clockText(-5), "+0:05");
  assert.equal(clockText(0), "0:00");
});
