/* Small DOM helpers shared by the live screens' modules.
 *
 * Everything people wrote goes in with textContent, never as HTML. `keyed` updates a
 * list in place: a node whose key stays keeps its identity (and so its focus, caret,
 * open <details> and scroll position).
 */

export function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** A <button type=button class="tool …"> calling onClick. */
export function tool(label, onClick, extraClass) {
  const b = el("button", {type: "button", class: "tool" + (extraClass ? " " + extraClass : "")}, label);
  b.addEventListener("click", onClick);
  return b;
}

/** "m:ss"; a negative time (over the limit) reads "+m:ss". */
export function clockText(seconds) {
  const s = Math.abs(Math.round(seconds));
  return (seconds < 0 ? "+" : "") + Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
}

const keys = new WeakMap();  // node -> the key keyed() gave it

/** The key keyed() gave a node (undefined for nodes it did not create). */
export function keyOfNode(node) {
  return keys.get(node);
}

function holdsFocus(node, doc) {
  const active = doc && doc.activeElement;
  if (!active) return false;
  return active === node || (typeof node.contains === "function" && node.contains(active));
}

/** Reconcile parent's children with items: a child whose key (keyOf(item)) is still there
 * is reused and passed to update(node, item) (if given); new keys get create(item); the
 * children of gone keys (and any child keyed() did not create) are removed. Children move
 * with insertBefore only when out of order, and the node holding the focus is never
 * moved: the others move around it. Returns the nodes in items' order. */
export function keyed(parent, items, keyOf, create, update) {
  const existing = new Map();
  for (const child of Array.from(parent.childNodes)) {
    const k = keys.get(child);
    if (k !== undefined && !existing.has(k)) existing.set(k, child);
  }
  const wanted = [];
  for (const item of items) {
    const k = String(keyOf(item));
    let node = existing.get(k);
    if (node) {
      existing.delete(k);
      if (update) update(node, item);
    } else {
      node = create(item);
      keys.set(node, k);
    }
    wanted.push(node);
  }
  const keep = new Set(wanted);
  for (const child of Array.from(parent.childNodes)) {
    if (!keep.has(child)) parent.removeChild(child);
  }
  const doc = parent.ownerDocument;
  let ref = parent.firstChild;  // the children before ref are wanted[0..i), in order
  for (const node of wanted) {
    if (node === ref) {
      ref = ref.nextSibling;
    } else if (ref && holdsFocus(ref, doc)) {
      parent.insertBefore(node, ref);  // the focused node stays; this one goes before it
    } else if (node.parentNode === parent && holdsFocus(node, doc)) {
      // The focused node is further on: move the nodes between here and it after it.
      const after = node.nextSibling;
      while (ref !== node) {
        const next = ref.nextSibling;
        parent.insertBefore(ref, after);
        ref = next;
      }
      ref = node.nextSibling;
    } else {
      parent.insertBefore(node, ref);
    }
  }
  return wanted;
}
