/* Fitting a method's part into the projector's one screen: units (group cards, worksheet
 * factors, themes, key points, a summary) are paged, and a text higher than the whole
 * screen is cut into pieces at line boundaries, shown in turn with a visible "…".
 *
 * paged(module, phasesOf) wraps a method module (groups.js, speaking.js, presenting.js)
 * for the projector without changing it: the module draws into an inner box, then the
 * wrapper measures and hides what is not on the current page. A part has phases (e.g.
 * the groups, then their worksheets), each one or more lists side by side; a phase takes
 * as many steps as its longest list has pages, then the next phase; after the last, the
 * first again (room/pager.js keeps the position). The strip shows "page/pages"; the part
 * says where it is in data-phase, data-step, data-steps and data-rounds.
 */
import {el} from "../dom.js";
import {advance, dwell, linesOf, newCycle, pageAt, paginateUnits, pieces, settle} from "./pager.js";

/* ---- a text cut into pieces ---- */

/** The lines of `node`'s text, from its top (its own "…" left out). */
export function linesIn(node) {
  const box = node.getBoundingClientRect();
  const rects = [];
  const walk = node.ownerDocument.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const range = node.ownerDocument.createRange();
  for (let text = walk.nextNode(); text; text = walk.nextNode()) {
    if (text.parentNode.classList && text.parentNode.classList.contains("more")) continue;
    range.selectNodeContents(text);
    for (const r of range.getClientRects()) {
      rects.push({top: r.top - box.top + node.scrollTop, bottom: r.bottom - box.top + node.scrollTop});
    }
  }
  return linesOf(rects);
}

/** Back to the whole text. */
export function uncut(node) {
  if (!node.classList.contains("cut")) return;
  node.classList.remove("cut", "cut-more");
  node.style.height = "";
  node.scrollTop = 0;
}

function extent(node) {
  const style = getComputedStyle(node);
  const line = parseFloat(style.lineHeight) || 1.25 * parseFloat(style.fontSize);
  return {pad: parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) +
                 parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth),
          top: parseFloat(style.paddingTop) + parseFloat(style.borderTopWidth), line};
}

/** The pieces `node` (shown whole) is cut into to fit `room` px high, "…" included. */
export function piecesFor(node, room) {
  const {pad, line} = extent(node);
  return pieces(linesIn(node), Math.max(line, room - pad - line));
}

/** Show piece `at` of `parts` (piecesFor): the node is as high as the piece, scrolled
 * to it; a "…" at its foot says more follows. */
export function cutTo(node, parts, at) {
  const piece = parts[at];
  const {pad, top, line} = extent(node);
  let more = Array.from(node.children).find((c) => c.classList.contains("more"));
  if (!more) more = node.appendChild(el("span", {class: "more", "aria-hidden": "true"}, "…"));
  const last = at === parts.length - 1;
  node.classList.add("cut");
  node.classList.toggle("cut-more", !last);
  node.style.height = (piece.to - piece.from + pad + (last ? 0 : line)) + "px";
  node.scrollTop = piece.from - top;
}

/* ---- a paged part ---- */

/** The screen's size a layout was made for ("1024x768", data-size: tests wait for it). */
export function sizeNow() {
  return window.innerWidth + "x" + window.innerHeight;
}

/** The page the part shows, in the strip (#room-page; welcome.js clears it each draw). */
function pageLine(text) {
  const line = document.getElementById("room-page");
  if (line) line.textContent = text;
}

/** One list of units: the units are `list`'s children matching `units`. */
function unitsOf(list, selector) {
  return Array.from(list.children).filter((c) => c.matches(selector));
}

function show(units, on) {
  for (const u of units) u.hidden = !on;
}

/** The module `module`, paged to fit the projector's screen. phasesOf(inner) -> [{key,
 * root (hidden while another phase shows; null: always shown), lists: [[list, units
 * selector]], cut (a unit higher than the screen is cut into pieces)}]. */
export function paged(module, phasesOf) {
  const cycle = newCycle();
  let last = null;    // {view, inner, ctx}
  let timer = null;
  let onScreen = {steps: 1, chars: 0};
  let listening = false;

  function layout() {
    if (!last || !last.view.isConnected) return;
    const {view, inner} = last;
    const phases = phasesOf(inner).filter((p) => p.lists.some(([list, sel]) => unitsOf(list, sel).length));
    const ids = phases.map((p) => p.key);
    settle(cycle, ids);
    const current = phases.find((p) => p.key === cycle.sheet);
    for (const p of phases) if (p.root) p.root.hidden = p !== current;
    if (!current) {
      onScreen = {steps: 1, chars: 0};
      pageLine("");
      view.dataset.size = sizeNow();
      return;
    }
    const lists = current.lists.map(([list, sel]) => unitsOf(list, sel));
    let extra = 0;  // what a first try left overflowing
    for (let round = 0; round < 3; round++) {
      const steps = place(view, inner, current, lists, extra);
      const over = inner.getBoundingClientRect().bottom - view.getBoundingClientRect().bottom;
      if (over <= 0.5 || steps.fits) break;
      extra += over;
    }
    const before = phases.slice(0, phases.indexOf(current));
    const counts = phases.map((p) => (p === current ? onScreen.steps : p._steps || 1));
    const total = counts.reduce((a, b) => a + b, 0);
    const at = before.reduce((a, p) => a + (p._steps || 1), 0) + cycle.step;
    current._steps = onScreen.steps;
    pageLine(total > 1 ? (at + 1) + "/" + total : "");
    Object.assign(view.dataset, {size: sizeNow(), phase: current.key, step: String(cycle.step),
                                 steps: String(onScreen.steps), rounds: String(cycle.rounds)});
  }

  /** Page the current phase's lists in the room left (less `extra`) and show the step. */
  function place(view, inner, phase, lists, extra) {
    for (const units of lists) for (const u of units) { uncut(u); u.hidden = true; }
    const free = view.getBoundingClientRect().bottom - inner.getBoundingClientRect().bottom - extra - 2;
    for (const units of lists) show(units, true);
    const paging = lists.map((units) => {
      if (!units.length) return {units, pages: [[0, 0]], slices: []};
      const style = getComputedStyle(units[0].parentNode);
      const grid = style.display.includes("grid");
      const tracks = grid ? style.gridTemplateColumns.split(" ").filter((t) => t && t !== "none").length || 1 : 1;
      const gap = grid ? parseFloat(style.rowGap) || 0 : 0;
      const heights = units.map((u) => {
        const r = u.getBoundingClientRect().height;
        if (grid) return r;
        const s = getComputedStyle(u);
        return r + (parseFloat(s.marginTop) || 0) + (parseFloat(s.marginBottom) || 0);
      });
      // A unit higher than the room: cut into pieces, each a page of its own.
      const slices = [];
      units.forEach((u, i) => {
        if (phase.cut && heights[i] > free) {
          const parts = piecesFor(u, free);
          parts.forEach((_, k) => slices.push({u, i, parts, k, h: free, alone: true}));
        } else {
          slices.push({u, i, h: heights[i], alone: heights[i] > free});
        }
      });
      return {units, slices, pages: paginateUnits(slices, free, gap, tracks)};
    });
    const steps = Math.max(1, ...paging.map((p) => p.pages.length));
    cycle.step = pageAt(steps, cycle.step);
    let chars = 0;
    for (const {units, slices, pages} of paging) {
      if (!units.length) continue;
      const [from, to] = pages[pageAt(pages.length, cycle.step)];
      show(units, false);
      for (const s of slices.slice(from, to)) {
        s.u.hidden = false;
        if (s.parts) cutTo(s.u, s.parts, s.k);
        chars += s.u.textContent.length / (s.parts ? s.parts.length : 1);
      }
    }
    onScreen = {steps, chars};
    return {fits: free <= 0};
  }

  function schedule() {
    const pace = last && last.ctx.opts.pace;
    timer = setTimeout(tick, 1000 * (pace > 0 ? pace : dwell(onScreen.chars)));
  }

  function tick() {
    timer = null;
    if (!last || !last.view.isConnected) return;  // another item: its draw starts again
    const phases = phasesOf(last.inner).filter((p) => p.lists.some(([list, sel]) => unitsOf(list, sel).length));
    advance(cycle, phases.map((p) => p.key), onScreen.steps);
    layout();
    schedule();
  }

  return {
    ...module,
    draw(view, part, ctx) {
      if (!view._inner) {
        view.classList.add("room-paged");
        view._inner = view.appendChild(el("div", {class: "room-inner"}));
      }
      if (!last || last.view !== view) Object.assign(cycle, newCycle());  // a new item
      last = {view, inner: view._inner, ctx};
      module.draw(view._inner, part, ctx);
      layout();
      if (timer === null) schedule();
      if (!listening) {
        listening = true;
        window.addEventListener("resize", () => layout());
      }
    },
    apply(event, state, ctx) {
      const done = module.apply(event, state, ctx);
      if (done) ctx.rerender();  // the welcome may give way (a hand raised); measure again
      return done;
    },
  };
}
