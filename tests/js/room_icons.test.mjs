/* Icons are inline SVG (no emoji font on Debian's Chromium), hidden from screen readers. */
import {test} from "node:test";
import assert from "node:assert/strict";

import {ICON_NAMES, icon} from "../../src/sanaksme/static/js/live/icons.js";

function fakeDocument() {
  const make = (ns, tag) => ({ns, tag, attrs: {}, children: [],
    setAttribute(k, v) { this.attrs[k] = String(v); },
    appendChild(c) { this.children.push(c); return c; }});
  return {createElementNS: make};
}

test("every icon is an aria-hidden SVG drawn in the text's colour", () => {
  for (const name of ["hourglass", "hand", "person", "check", "clock", "mic", "arrow"]) {
    assert.ok(ICON_NAMES.includes(name), name);
    const svg = icon(name, fakeDocument());
    assert.equal(svg.tag, "svg");
    assert.equal(svg.ns, "http://www.w3.org/2000/svg");
    assert.equal(svg.attrs["aria-hidden"], "true");
    assert.equal(svg.attrs.stroke, "currentColor");
    assert.ok(svg.children.length > 0);
  }
});

test("an unknown icon is null, not an empty box", () => {
  assert.equal(icon("no-such-icon", fakeDocument()), null);
});
