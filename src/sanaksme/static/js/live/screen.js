/* What the three live screens share: the state, the parts drawn in place, events routed
 * to the method that owns them, answers from the server, one keydown handler.
 *
 * A method module exports draw(view, part, ctx) (draw its part of the state into `view`,
 * in place) and apply(event, state, ctx) (apply one of its events to `state` and the DOM;
 * false asks for the full state instead). Optional: refused(entry, ctx) when the server
 * refused one of its queued messages for good, and onKey(event, ctx) -> handled?.
 * The entry module (console.js, phone.js, projector.js) chooses the methods and passes
 * what differs between screens as each method's `ctx.opts`, and may pass hooks:
 * beforeDraw(state) runs before every draw (the projector's welcome screen);
 * onEvent(event, state) -> handled? takes events no method owns (the console's phone
 * count); idle: the string key of the text shown while no item runs; keep {load, save}:
 * where the last state is kept, so a screen without its server draws it (the phone,
 * offline.js); afterDraw(base) and onStatus(online, base): after every draw and change
 * of the connection (the phone's waiting-notes banner).
 */
import {connect, newClientId} from "./connection.js";
import {startTicking, tickNow} from "./countdown.js";
import {el, keyed} from "./dom.js";

const KEPT_AFTER = 3000;  // ms without a state before the kept one is drawn

/** methods: {boards: {module, opts}, speaking: …, presenting: …, groups: …}. */
export function startScreen(methods, hooks = {}) {
  const root = document.getElementById("live");
  const cfgNode = document.getElementById("live-config");
  if (!root || !cfgNode) return;
  const cfg = JSON.parse(cfgNode.textContent);
  const S = cfg.strings;
  const base = {S, cfg, state: null, newClientId, rerender: () => draw()};
  const ctxs = {};
  for (const [name, m] of Object.entries(methods)) {
    const own = {opts: m.opts || {}};
    if (m.options) own.options = m.options;
    ctxs[name] = Object.assign(Object.create(base), own);
  }
  const partOf = {boards: (s) => (s.sheets && s.sheets.length ? s.sheets : null),
                  speaking: (s) => s.speaking, presenting: (s) => s.presenting,
                  groups: (s) => s.groups, visit: (s) => s.visit};

  function parts(state) {
    if (!state.item) return [{key: "waiting", draw: (view) => {
      if (!view.firstChild) view.appendChild(el("p", {class: "waiting"}, S[hooks.idle || "waiting_for_start"]));
    }}];
    const id = state.item.id;
    const list = [{key: "item-" + id, draw: (view) => drawHeader(view, state.item)}];
    const take = (name) => {
      const part = methods[name] && partOf[name](state);
      if (!part) return false;
      list.push({key: name + "-" + id, name,
                 draw: (view) => methods[name].module.draw(view, part, ctxs[name])});
      return true;
    };
    take("presenting");
    if (!take("speaking") && !take("groups") && !take("visit")) take("boards");
    return list;
  }
  function draw() {
    const state = base.state;
    if (!state) return;
    document.body.classList.remove("presenting-now");
    if (hooks.beforeDraw) hooks.beforeDraw(state);
    const list = parts(state);
    const views = keyed(root, list, (p) => p.key,
                        (p) => (p.name ? el("div", {class: "part part-" + p.name}) : el("div", {})));
    list.forEach((p, i) => p.draw(views[i]));
    tickNow();
    if (hooks.afterDraw) hooks.afterDraw(base);
  }
  /** No state from the server (offline, or it does not answer): the last one kept. */
  function drawKept() {
    if (base.state || !hooks.keep) return;
    const kept = hooks.keep.load();
    if (kept) { base.state = kept; draw(); }
  }

  function onEvent(msg) {
    const name = msg.type.split(".")[0];
    const m = methods[name];
    const state = base.state;
    if (!m && state && hooks.onEvent) return hooks.onEvent(msg, state) === true;
    if (!m || !state || !partOf[name](state)) return false;
    return m.module.apply(msg, state, ctxs[name]) === true;
  }
  function onAnswer(msg, result) {
    if (result.outcome === "refused") {
      for (const [name, m] of Object.entries(methods)) if (m.module.refused) m.module.refused(result.entry, ctxs[name]);
    }
    if (msg.type === "error") {
      const error = document.getElementById("note-error");
      if (error) error.textContent = msg.message;
      else if (!msg.retry) window.alert(msg.message);  // a queued line retries by itself
    }
    if (result.entry) draw();
  }
  let started = false;
  function setStatus(online) {
    document.body.classList.toggle("offline", !online);
    const badge = document.getElementById("conn");
    if (badge) badge.textContent = online ? S.online : S.offline;
    if (hooks.onStatus) hooks.onStatus(online, base);
    if (!online && started) drawKept();  // a socket that closed (not the first "connecting")
  }

  const conn = connect(cfg, {
    onState: (state) => {
      base.state = state;
      if (hooks.keep) hooks.keep.save(state);
      draw();
    },
    onEvent, onAnswer, onStatus: setStatus,
  });
  Object.assign(base, {send: conn.send, queue: conn.queue, now: conn.now,
                       pending: () => conn.outbox.pending(), outbox: conn.outbox});
  started = true;
  if (hooks.keep) {
    if (navigator.onLine === false) drawKept();
    else setTimeout(drawKept, KEPT_AFTER);  // a server that does not answer at all
    // What events changed since the last state goes with the page.
    window.addEventListener("pagehide", () => { if (base.state) hooks.keep.save(base.state); });
  }
  startTicking(conn.now);
  document.addEventListener("keydown", (e) => {
    if (!base.state) return;
    for (const [name, m] of Object.entries(methods)) {
      if (m.module.onKey && m.module.onKey(e, ctxs[name])) return;
    }
  });
}

function drawHeader(view, item) {
  if (!view.firstChild) {
    const head = el("header", {class: "item"});
    head.appendChild(el("p", {class: "method"}));
    head.appendChild(el("h1", {}));
    view.appendChild(head);
  }
  const [method, title] = view.firstChild.children;
  method.textContent = item.method_label + (item.starts_at ? " · " + item.starts_at + "–" + item.ends_at : "");
  title.textContent = item.title;
}
