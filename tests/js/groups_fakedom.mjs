/* The tiny fake DOM of fakedom.mjs, plus what the groups modules use: text nodes, style,
 * lastChild and getElementById over the nodes attached to the document's body. */
import {FakeDocument, FakeNode} from "./fakedom.mjs";

class GroupsNode extends FakeNode {
  constructor(tag, doc) {
    super(tag, doc);
    this.style = {};
  }
  get lastChild() { return this.childNodes[this.childNodes.length - 1] || null; }
  get id() { return this.getAttribute("id"); }
  get className() { return this.getAttribute("class") || ""; }
  /** Every node below this one, depth first. */
  *walk() {
    for (const child of this.childNodes) {
      yield child;
      if (child.walk) yield* child.walk();
    }
  }
  /** All text below this node, as a browser's textContent would read it. */
  text() {
    return this.childNodes.length ? this.childNodes.map((c) => (c.text ? c.text() : c.textContent)).join("")
      : this.textContent;
  }
  click() { for (const fn of this.listeners.click || []) fn({preventDefault() {}}); }
}

export class GroupsDocument extends FakeDocument {
  constructor() {
    super();
    this.body = this.createElement("body");
  }
  createElement(tag) { return new GroupsNode(tag, this); }
  createElementNS(ns, tag) { return new GroupsNode(tag, this); }  // icons.js's <svg>
  createTextNode(text) {
    const node = new GroupsNode("#text", this);
    node.textContent = text;
    return node;
  }
  getElementById(id) {
    for (const n of this.body.walk()) if (n.id === id) return n;
    return null;
  }
}

/** The nodes below `root` whose class list holds `cls`. */
export function byClass(root, cls) {
  return [...root.walk()].filter((n) => n.className.split(" ").includes(cls));
}
