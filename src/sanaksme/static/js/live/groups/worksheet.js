/* A group's worksheet: its factors in order of significance, each with solutions and the
 * 0–10 weights of who can change it. Editable by the group's phones and the console; the
 * projector shows it read-only (big while the group presents). */
import {el, tool} from "../dom.js";
import {icon} from "../icons.js";
import {PARTS, arrangeOrder, pendingFactors, tapWeights} from "./rules.js";
import {blocks, filled, fixed, made, screen, textForm, worksheetOf} from "./blocks.js";

const sheets = new WeakMap();  // worksheet <section> -> {editable, big}
const queued = [];  // factor lines sent from this page, if ctx has no pending() to list the outbox

function S() { return screen.ctx.S; }
function send(msg) { screen.ctx.send(msg); }
function partLabel(part) { return S()["g_" + part]; }

/** The coloured bar of who can change something, in percent (or "not set yet"). */
export function sharesBar(shares, big) {
  const bar = el("div", {class: "shares" + (big ? " big" : "")});
  if (!shares) {
    bar.appendChild(el("span", {class: "unset"}, S().g_not_weighed));
    return bar;
  }
  for (const [part, icon] of PARTS) {
    if (!shares[part]) continue;
    const seg = el("span", {class: "seg " + part, title: partLabel(part) + " " + shares[part] + "%"},
                   icon + " " + shares[part] + "%");
    seg.style.flexGrow = String(shares[part]);  // CSSOM: allowed by the CSP
    bar.appendChild(seg);
  }
  return bar;
}

function sharesBlock(shares, big) {
  return made("shares" + (big ? "-big" : "") + JSON.stringify(shares), () => sharesBar(shares, big));
}

/** The key to the bar's colours. */
export function legend() {
  const l = el("p", {class: "shares-legend"});
  for (const [part, icon] of PARTS) l.appendChild(el("span", {class: "key " + part}, icon + " " + partLabel(part)));
  return l;
}

function factorOf(groupId, factorId) {
  const ws = worksheetOf(groupId);
  return ws && ws.factors.find((f) => f.id === factorId);
}

function tap(groupId, factorId, part, delta) {
  const f = factorOf(groupId, factorId);
  if (f) send({action: "factor_weigh", factor: f.id, weights: tapWeights(f.weights, part, delta)});
}

/* The weights, on every factor (no unfolding needed): made once per factor, then only
 * the dots and the bar change, so the + or − just tapped keeps the focus. */
function makeWeigh(groupId, factorId) {
  const box = el("div", {class: "weigh"});
  for (const [part, icon] of PARTS) {
    const row = el("div", {class: "weigh-row"});
    row.appendChild(el("span", {class: "part " + part}, icon + " " + partLabel(part)));
    const minus = tool("−", () => tap(groupId, factorId, part, -1), "round");
    minus.setAttribute("aria-label", partLabel(part) + " −");
    const dots = el("span", {class: "dots", "data-part": part, role: "img"});  // named by its aria-label
    for (let i = 0; i < 10; i++) dots.appendChild(el("i", {}));
    const plus = tool("+", () => tap(groupId, factorId, part, 1), "round");
    plus.setAttribute("aria-label", partLabel(part) + " +");
    row.appendChild(minus);
    row.appendChild(dots);
    row.appendChild(plus);
    box.appendChild(row);
  }
  box.appendChild(el("div", {class: "shares-slot"}));
  return box;
}

function fillWeigh(box, f) {
  for (const row of Array.from(box.childNodes).slice(0, PARTS.length)) {
    const dots = row.childNodes[2];  // after the part and its − button
    const part = dots.getAttribute("data-part");
    dots.setAttribute("aria-label", partLabel(part) + ": " + f.weights[part]);
    Array.from(dots.childNodes).forEach((dot, i) => dot.setAttribute("class", i < f.weights[part] ? "on " + part : ""));
  }
  blocks(box.lastChild, [sharesBlock(f.shares, false)]);
}

function factorTools(groupId, factorId, at, count, open, solutions) {
  const tools = el("div", {class: "factor-tools"});
  const move = (step) => {
    const ws = worksheetOf(groupId);
    const order = ws && arrangeOrder(ws.factors, factorId, step);
    if (order) send({action: "factor_arrange", group: groupId, order});
  };
  const up = tool("↑", () => move(-1), "round");
  up.setAttribute("aria-label", S().move_up);
  up.disabled = at === 0;
  const down = tool("↓", () => move(1), "round");
  down.setAttribute("aria-label", S().move_down);
  down.disabled = at === count - 1;
  tools.appendChild(up);
  tools.appendChild(down);
  const unfold = tool(" " + S().g_solutions + " (" + solutions + ")", () => {
    if (screen.open.has(factorId)) screen.open.delete(factorId); else screen.open.add(factorId);
    redrawWorksheet(groupId);
  }, "unfold");
  unfold.setAttribute("aria-expanded", String(open));
  unfold.insertBefore(icon("arrow"), unfold.firstChild);
  tools.appendChild(unfold);
  return tools;
}

function solutionNode(s) {
  const li = el("li", {class: s.hidden ? "hidden" : ""}, (s.hidden ? "" : "✚ ") + s.text + " ");
  li.appendChild(tool(s.hidden ? S().bring_back : "✕", () => {
    send({action: "solution_hide", solution: s.id, hidden: !s.hidden});
  }, "small"));
  return li;
}

function fillFactor(li, ws, f, editable, big) {
  li.setAttribute("class", "factor" + (f.top ? " top" : "") + (f.hidden ? " hidden" : ""));
  const head = made("head" + JSON.stringify([f.hidden, f.top, f.rank, f.text]), () => {
    const h = el("div", {class: "factor-head"});
    h.appendChild(el("span", {class: "rank"}, f.hidden ? "–" : (f.top ? "★" : "") + f.rank));
    h.appendChild(el("span", {class: "text"}, f.text));
    return h;
  });
  if (f.hidden) {
    blocks(li, [head, editable ? made("back", () => tool(S().bring_back, () => {
      send({action: "factor_hide", factor: f.id, hidden: false});
    })) : null]);
    return;
  }
  if (!editable || big) {
    const shown = f.solutions.filter((s) => !s.hidden).map((s) => s.text);
    blocks(li, [
      head,
      f.solutions.length ? made("solutions" + JSON.stringify(shown), () => {
        const ul = el("ul", {class: "solutions"});
        for (const text of shown) ul.appendChild(el("li", {}, "✚ " + text));
        return ul;
      }) : null,
      sharesBlock(f.shares, big),
    ]);
    return;
  }
  const visible = ws.factors.filter((x) => !x.hidden);
  const at = visible.findIndex((x) => x.id === f.id);
  const open = screen.open.has(f.id);
  const count = f.solutions.filter((s) => !s.hidden).length;
  const gid = ws.group_id;
  blocks(li, [
    head,
    filled("weigh", () => makeWeigh(gid, f.id), (box) => fillWeigh(box, f)),
    made("tools" + [at, visible.length, open, count].join(","),
         () => factorTools(gid, f.id, at, visible.length, open, count)),
    open ? filled("solutions", () => el("ul", {class: "solutions"}), (ul) => blocks(ul, f.solutions.map(
      (s) => made("s" + JSON.stringify([s.id, s.hidden, s.text]), () => solutionNode(s))))) : null,
    open ? made("add-solution", () => textForm("solution-" + f.id, S().g_new_solution, S().g_add, (text) => {
      screen.ctx.queue({action: "solution_add", factor: f.id, text, client_id: screen.ctx.newClientId()});
    })) : null,
    open ? made("remove", () => tool(S().g_remove, () => {
      send({action: "factor_hide", factor: f.id, hidden: true});
    }, "small danger")) : null,
  ]);
}

/** The factor lines of this screen still waiting in the outbox. */
function outbox() {
  const ctx = screen.ctx;
  return ctx && typeof ctx.pending === "function" ? ctx.pending() : queued;
}

function addFactor(groupId, text) {
  const msg = {action: "factor_add", text, client_id: screen.ctx.newClientId()};
  if (screen.opts.manage) msg.group = groupId;  // a phone writes on its own group's sheet
  screen.ctx.queue(msg);
  if (typeof screen.ctx.pending !== "function") queued.push(msg);
  redrawWorksheet(groupId);
}

function fillWorksheet(sec, groupId, editable, big) {
  const ws = worksheetOf(groupId);
  if (!ws) return;
  sheets.set(sec, {editable, big});
  sec.setAttribute("class", "worksheet" + (big ? " big" : ""));
  const factors = ws.factors.filter((f) => !f.hidden || editable);
  const waiting = editable ? pendingFactors(outbox(), ws, screen.gs.my_group) : [];
  blocks(sec, [
    fixed("h2", {}, ws.name + (ws.place ? " · " + ws.place : "")),
    !ws.factors.length && !editable ? fixed("p", {class: "hint"}, S().g_no_factors) : null,
    editable && factors.length ? fixed("p", {class: "hint"}, S().g_who_can_change) : null,
    filled("factors", () => el("ol", {class: "factors"}), (ol) => blocks(ol, [
      ...factors.map((f) => filled("f" + f.id, () => el("li", {id: "factor-" + f.id}),
                                   (li) => fillFactor(li, ws, f, editable, big))),
      ...waiting.map((m) => made("p" + m.client_id, () => {
        const li = el("li", {class: "factor pending"});
        li.appendChild(icon("hourglass"));
        li.appendChild(li.ownerDocument.createTextNode(" " + m.text));
        return li;
      })),
    ])),
    editable ? made("add", () => textForm("factor-new-" + groupId, S().g_new_factor, S().g_add,
                                          (text) => addFactor(groupId, text))) : null,
    editable && ws.factors.length ? fixed("p", {class: "hint"}, S().g_order_hint) : null,
  ]);
}

/** The block of group `ws.group_id`'s worksheet. */
export function worksheetBlock(ws, editable, big) {
  const id = ws.group_id;
  return filled("ws" + id, () => el("section", {id: "worksheet-" + id}),
                (sec) => fillWorksheet(sec, id, editable, big));
}

/** Bring the shown worksheet of a group up to date with the state, in place. */
export function redrawWorksheet(groupId) {
  const sec = screen.view && screen.view.ownerDocument.getElementById("worksheet-" + groupId);
  const how = sec && sheets.get(sec);
  if (how) fillWorksheet(sec, groupId, how.editable, how.big);
}
