/* The groups present their worksheets in turn, each with a countdown; the console steps
 * through them. The countdown is the screen's one countdown (../countdown.js). */
import {clockText, el, tool} from "../dom.js";
import {clockClass, onTick, secondsLeft} from "../countdown.js";
import {blocks, filled, fixed, made, screen} from "./blocks.js";
import {comparisonBlock} from "./comparison.js";
import {legend, worksheetBlock} from "./worksheet.js";

function S() { return screen.ctx.S; }
function send(msg) { screen.ctx.send(msg); }
function showing() { return screen.gs.showing; }

/** Show the presenting group's time left in #group-clock (called by the ticker). */
export function tickClock(nowMs) {
  const sh = screen.gs && screen.gs.showing;
  const node = screen.view && screen.view.ownerDocument.getElementById("group-clock");
  if (!sh || !sh.current || !node) return;
  const left = secondsLeft(sh.ends_at, sh.left, sh.paused, nowMs);
  node.textContent = left === null ? "" : clockText(left);
  node.setAttribute("class", clockClass(left, sh.allowed, sh.paused));
}

let ticking = false;
function startClock() {
  if (!ticking) {
    ticking = true;
    onTick(tickClock);  // the screen's one ticker (started by screen.js on the server's clock)
  }
  tickClock(screen.ctx.now());
}

function presentingHead() {
  const head = el("div", {class: "speaking group-presenting"});
  head.appendChild(el("p", {class: "speaking-label"}, S().g_presenting));
  head.appendChild(el("p", {class: "speaker"}));
  head.appendChild(el("p", {id: "group-clock", class: "clock", role: "timer"}));
  return head;
}

function showTools(cur) {
  const sh = showing();
  const next = cur || sh.finished ? S().g_next_group : S().g_start;
  return [
    made("next" + next, () => tool(next, () => {
      send({action: "showing_next", expected: showing().current, step: 1});
    }, "primary big")),
    made("back", () => tool(S().back, () => send({action: "showing_next", expected: showing().current, step: -1}))),
    cur ? made("pause" + sh.paused, () => tool(sh.paused ? S().resume : S().pause, () => {
      send({action: "showing_pause", paused: !showing().paused});
    })) : null,
    cur ? made("add", () => tool(S().add_minute, () => send({action: "showing_add_time", seconds: 60}))) : null,
  ];
}

function orderBlock(sh) {
  return filled("order", () => el("ol", {class: "speaking-order"}), (ol) => blocks(ol, sh.order.map((o) => {
    const text = o.name + (o.presented_seconds ? " · " + clockText(o.presented_seconds) : "");
    const now = o.group_id === sh.current;
    return made(JSON.stringify([o.group_id, text, now]), () => el("li", {class: now ? "current" : ""}, text));
  })));
}

/** The blocks of a group-presentations item's screen (the groups are drawn). */
export function showingBlocks() {
  const gs = screen.gs, sh = gs.showing, o = screen.opts;
  if (!o.manage && gs.comparison.shown) return [comparisonBlock()];
  const cur = sh.order.find((x) => x.group_id === sh.current);
  const ws = gs.worksheets.find((w) => w.group_id === sh.current);
  return [
    cur ? filled("presenting", presentingHead, (head) => { head.childNodes[1].textContent = cur.name; })
      : sh.finished ? fixed("p", {class: "waiting"}, S().g_all_presented) : null,
    o.manage ? filled("show-tools", () => el("div", {class: "speaking-tools"}), (bar) => blocks(bar, showTools(cur))) : null,
    !cur || o.manage ? orderBlock(sh) : null,
    ws ? worksheetBlock(ws, false, o.big) : null,
    ws && o.big ? made("legend", legend) : null,
    o.manage && gs.comparison.enabled ? comparisonBlock() : null,
  ];
}

/** After a draw: keep the presenting group's clock ticking. */
export function afterShowing() {
  if (screen.gs.showing) startClock();
}
