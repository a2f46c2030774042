/* What the groups modules share: the screen's current state part and a way to update an
 * element's children in place.
 *
 * A block is {key, make() -> Node, fill?(node)}. blocks(parent, list) keeps the children
 * whose key stays (calling fill on them), makes the new ones and drops the gone ones, so
 * a focused input, its caret and typed text survive a new state. A block without fill is
 * keyed by everything it shows (see fixed()): it is made again only when that changes.
 * Event handlers look up the current state in `screen` when they run, never a copy taken
 * when the node was made.
 */
import {el, keyed} from "../dom.js";
import {counter} from "../counter.js";

export const screen = {
  gs: null,       // the groups state part being shown
  ctx: null,      // {S, cfg, send, queue, newClientId, now, rerender, state}
  opts: {},       // what this screen does: see optionsFor() in ../groups.js
  open: new Set(),  // factor ids whose solutions and weights are unfolded here
  drafts: {},     // input id -> text typed but not sent yet
  dragged: null,  // {participant} | {theme} | {factor} while dragging on the console
  picked: null,   // the factor id picked (⇄) to move into a theme without dragging
};

export function blocks(parent, list) {
  const seen = new Map();
  const items = [];
  for (const b of list) {
    if (!b) continue;
    const n = (seen.get(b.key) || 0) + 1;
    seen.set(b.key, n);
    items.push(n > 1 ? {...b, key: b.key + "#" + n} : b);
  }
  return keyed(parent, items, (b) => b.key, (b) => {
    const node = b.make();
    if (b.fill) b.fill(node);
    return node;
  }, (node, b) => { if (b.fill) b.fill(node); });
}

/** A block showing exactly el(tag, attrs, text): made again only when one of them changes. */
export function fixed(tag, attrs, text) {
  return {key: tag + JSON.stringify(attrs) + "|" + text, make: () => el(tag, attrs, text)};
}

/** A block whose key must name everything make() depends on. */
export function made(key, make) {
  return {key, make};
}

/** A block made once and brought up to date by fill(node) on every draw. */
export function filled(key, make, fill) {
  return {key, make, fill};
}

/** The worksheet of group `groupId` in the current state (undefined if not shown). */
export function worksheetOf(groupId) {
  return screen.gs && screen.gs.worksheets.find((w) => w.group_id === groupId);
}

/** A text field with a submit button and a character counter (the worksheet line's
 * limit: a longer paste stays, said too long, and is not sent); the typed text survives
 * redraws and new nodes. */
export function textForm(id, placeholder, label, onSend) {
  const form = el("form", {class: "g-add"});
  const input = el("input", {id, type: "text", placeholder, "aria-label": placeholder, autocomplete: "off"});
  input.value = screen.drafts[id] || "";
  input.addEventListener("input", () => { screen.drafts[id] = input.value; });
  const send = el("button", {type: "submit", class: "tool primary"}, label);
  const count = counter(input, screen.ctx.cfg.line_limit, screen.ctx.S, send);
  for (const node of [input, send, count]) form.appendChild(node);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || !count.refresh()) return;
    onSend(text);
    input.value = "";
    count.refresh();
    delete screen.drafts[id];
  });
  return form;
}

/** A <label class=check> with a checkbox: checked follows get() on every draw, a click
 * calls onChange(checked). */
export function checkBlock(key, text, get, onChange) {
  return filled("check-" + key + text, () => {
    const lab = el("label", {class: "check"});
    const cb = el("input", {type: "checkbox"});
    cb.addEventListener("change", () => onChange(cb.checked));
    lab.appendChild(cb);
    lab.appendChild(lab.ownerDocument.createTextNode(" " + text));
    return lab;
  }, (lab) => { lab.firstChild.checked = get(); });
}
