/* Speaking: a tour de table (everyone in turn, a timer each) and a discussion (raised
 * hands in a queue). Drawn in place into slots; the minutes form and the "raised in the
 * room" form stay the same elements, so what the facilitator types survives updates.
 * ctx.opts: controls (console: the tools, order, queue, minutes), showNext (the next
 * speaker's name), mine (phone: "your turn", raise/lower my hand), queueLine (projector:
 * who waits to speak), keyPoints (show key points when the console shows them).
 * Every screen shows the item's question; the console and the projector also show how
 * long the current speaker has spoken (the phone shows only the countdown).
 */
import {clockText, el, keyed, tool} from "./dom.js";
import {icon} from "./icons.js";
import {clockClass, onTick, projectedEnd, secondsLeft} from "./countdown.js";

const SLOTS = ["question", "head", "tools", "totals", "order", "hand", "waiting", "keyPoints", "queue",
               "add", "minutes", "kpToggle", "floor", "log"];
let last = null;       // {view, sp, ctx}
let ticking = false;
const drafts = {};     // textarea id -> text typed but not yet saved
let dragged = null;

export function draw(view, sp, ctx) {
  let slots = view._slots;
  if (!slots) {
    const box = view.appendChild(el("section", {class: "speaking"}));
    slots = view._slots = {};
    for (const name of SLOTS) slots[name] = box.appendChild(el("div", {class: "slot-" + name}));
  }
  last = {view, sp, ctx};
  const o = ctx.opts, S = ctx.S, cfg = ctx.cfg;
  const cur = sp.current;
  const discussion = sp.kind === "discussion";
  fill(slots.question, sp.question ? [el("p", {class: "question"}, sp.question)] : []);
  const head = [];
  if (cur) {
    const mine = o.mine && cur.participant_id === cfg.me;
    head.push(el("p", {class: "speaking-label" + (mine ? " mine" : "")}, mine ? S.your_turn : S.speaking_now));
    head.push(el("p", {class: "speaker"}, cur.name));
    if (cur.institution) head.push(el("p", {class: "institution"}, cur.institution));
    head.push(el("p", {id: "clock", class: "clock", role: "timer"}));
    head.push(el("p", {id: "clock-status", class: "clock-status"}));
    if (!o.mine) head.push(el("p", {id: "elapsed", class: "speaking-label elapsed"}));
  } else if (sp.finished) {
    head.push(el("p", {class: "waiting"}, S.round_over));
  }
  if (discussion && !cur) head.push(el("p", {class: "waiting"}, S.nobody_speaking));
  if (sp.next && o.showNext) head.push(el("p", {class: "next-speaker"}, S.next_speaker + ": " + sp.next.name));
  fill(slots.head, head);
  if (o.controls) drawControls(slots, sp, ctx);
  drawQueue(slots, sp, ctx);
  if (o.keyPoints && discussion && sp.show_key_points && sp.key_points.length) {
    const kp = el("section", {class: "key-points"});
    kp.appendChild(el("h2", {}, S.key_points));
    for (const k of sp.key_points) for (const point of k.points) kp.appendChild(el("p", {}, point));
    fill(slots.keyPoints, [kp]);
  } else fill(slots.keyPoints, []);
  if (!ticking) { ticking = true; onTick(tick); }
  tick(ctx.now());
}

export function apply(event, state, ctx) {
  if (event.type !== "speaking.hands_changed" || !state.item || event.item_id !== state.item.id) return false;
  const sp = state.speaking;
  sp.queue = event.queue;
  // In a discussion the next speaker is the queue's first (speaking/selectors.py).
  if (sp.kind === "discussion") sp.next = sp.queue.length ? {name: sp.queue[0].name, institution: ""} : null;
  if (last && last.view.isConnected) draw(last.view, sp, last.ctx);  // in place: drafts survive
  return true;
}

function fill(slot, nodes) {
  slot.textContent = "";
  for (const node of nodes) slot.appendChild(node);
}

function tick(now) {
  if (!last || !last.view.isConnected) return;
  const {sp, ctx} = last, cur = sp.current, S = ctx.S;
  const clock = document.getElementById("clock");
  if (!cur || !clock) return;
  const elapsed = document.getElementById("elapsed");
  if (elapsed) elapsed.textContent = S.speaking_for + " " + clockText(elapsedSeconds(cur.spoken, cur.resumed_at, now));
  const left = secondsLeft(cur.ends_at, cur.left, cur.paused, now);
  if (left === null) { clock.textContent = ""; return; }
  clock.textContent = clockText(left);
  clock.className = clockClass(left, cur.allowed, cur.paused);
  const status = document.getElementById("clock-status");
  if (status) status.textContent = cur.paused ? S.paused : left < 0 ? S.over_time : "";
  const end = document.getElementById("projected-end");
  if (end && cur.allowed) {
    end.textContent = S.projected_end + " " + projectedEnd(now, left, sp.speakers_left, cur.allowed);
  }
}

/** How long the current speaker has spoken: `spoken` seconds up to `resumedAt` (the
 * server's time the clock last started; null while paused) plus the time since. */
export function elapsedSeconds(spoken, resumedAt, nowMs) {
  const since = resumedAt ? Math.max(0, (nowMs - Date.parse(resumedAt)) / 1000) : 0;
  return (spoken || 0) + since;
}

/* ---- the queue of raised hands (discussion) ---- */
function drawQueue(slots, sp, ctx) {
  const o = ctx.opts, S = ctx.S, cfg = ctx.cfg;
  const discussion = sp.kind === "discussion";
  const queue = sp.queue || [];  // a tour de table has none
  const mineAt = queue.findIndex((h) => h.participant_id === cfg.me);
  const hand = [];
  if (o.mine && discussion && !(sp.current && sp.current.participant_id === cfg.me)) {
    const raised = mineAt >= 0;
    const handButton = tool(raised ? S.lower_hand : S.raise_hand,
                            () => ctx.send(raised ? {action: "hand_lower"} : {action: "hand_raise"}),
                            "send hand" + (raised ? " raised" : ""));
    handButton.prepend(icon("hand"), " ");
    hand.push(handButton);
    if (raised) hand.push(el("p", {class: "hint"}, S.your_place + ": " + (mineAt + 1)));
  }
  fill(slots.hand, hand);
  fill(slots.waiting, o.queueLine && discussion && queue.length
    ? [el("p", {class: "next-speaker"}, S.waiting_to_speak + ": " + queue.slice(0, 5).map((h) => h.name).join(", "))]
    : []);
  if (!o.controls || !discussion) { fill(slots.queue, []); return; }
  const expected = sp.current ? sp.current.turn_id : null;
  const q = el("ol", {class: "queue"});
  for (const h of queue) {
    const li = q.appendChild(el("li", {}, (h.priority ? "★ " : "") + h.name + " "));
    li.appendChild(tool(S.give_floor, () => ctx.send({action: "turn_call", hand: h.hand_id, expected})));
  }
  fill(slots.queue, [el("h3", {}, S.queue + " (" + queue.length + ")"), q]);
}

/* ---- the console ---- */
function drawControls(slots, sp, ctx) {
  const S = ctx.S, send = ctx.send, cur = sp.current;
  const discussion = sp.kind === "discussion";
  const expected = cur ? cur.turn_id : null;
  const bar = el("div", {class: "speaking-tools"});
  bar.appendChild(tool(discussion ? S.next_from_queue : cur || sp.finished ? S.next : S.start_round,
                       () => send({action: "turn_next", expected, step: 1}), "primary big"));
  if (!discussion) bar.appendChild(tool(S.back, () => send({action: "turn_next", expected, step: -1})));
  if (cur) {
    bar.appendChild(tool(cur.paused ? S.resume : S.pause,
                         () => send(cur.paused ? {action: "turn_resume"} : {action: "turn_pause"})));
    if (cur.allowed) bar.appendChild(tool(S.add_minute, () => send({action: "turn_add_time", seconds: 60})));
  }
  fill(slots.tools, [bar]);
  const totals = el("p", {class: "hint"}, (discussion ? "" : sp.done + " / " + sp.total + " · ") + S.spoken_of + " " +
    clockText(sp.spoken_total) + (sp.slot_seconds ? " · " + S.slot + " " + clockText(sp.slot_seconds) : ""));
  totals.appendChild(el("span", {id: "projected-end", class: "projected"}));
  fill(slots.totals, [totals]);
  if (discussion) drawDiscussionTools(slots, sp, ctx);
  else drawOrder(slots.order, sp, ctx);
}

function drawDiscussionTools(slots, sp, ctx) {
  const S = ctx.S;
  if (!slots.add.firstChild) {
    const add = el("form", {class: "reply-form"});
    const who = add.appendChild(el("select", {"aria-label": S.raised_in_room}));
    add.appendChild(el("button", {type: "submit", class: "tool"}, S.raised_in_room));
    add.addEventListener("submit", (e) => {
      e.preventDefault();
      ctx.send({action: "hand_raise", participant: Number(who.value)});
    });
    slots.add.appendChild(add);
  }
  const who = slots.add.querySelector("select");
  const options = keyed(who, sp.people, (p) => p.id, (p) => el("option", {value: String(p.id)}));
  sp.people.forEach((p, i) => { options[i].textContent = p.name; });
  drawMinutesForm(slots.minutes, sp, ctx);
  if (!slots.kpToggle.firstChild) {
    const label = el("label", {class: "author"});
    const cb = label.appendChild(el("input", {type: "checkbox"}));
    cb.addEventListener("change", () => ctx.send({action: "round_show_key_points", show: cb.checked}));
    label.appendChild(document.createTextNode(" " + S.show_key_points));
    slots.kpToggle.appendChild(label);
  }
  slots.kpToggle.querySelector("input").checked = sp.show_key_points;
  const floor = [];
  if (sp.totals.categories.length) {
    floor.push(el("h3", {}, S.floor_by_category));
    const t = el("ul", {class: "totals"});
    for (const c of sp.totals.categories) t.appendChild(el("li", {}, c.label + ": " + clockText(c.seconds)));
    const per = el("ul", {class: "totals people-totals"});
    for (const p of sp.totals.people) per.appendChild(el("li", {}, p.name + ": " + clockText(p.seconds)));
    floor.push(t, per);
  }
  fill(slots.floor, floor);
  const log = el("ol", {class: "minutes-log"});
  for (const m of sp.minutes) {
    const li = log.appendChild(el("li", {}, m.name + " (" + clockText(m.spoken) + ")" + (m.minutes ? ": " + m.minutes : "")));
    for (const p of m.key_points) li.appendChild(el("p", {class: "reason"}, "• " + p));
  }
  fill(slots.log, sp.minutes.length ? [el("h3", {}, S.minutes), log] : []);
}

/** A textarea that keeps what is typed until the server has the same text. */
function syncDraft(area, serverValue) {
  const d = drafts[area.id];
  if (d !== undefined && d === serverValue) delete drafts[area.id];
  if (drafts[area.id] === undefined && area.value !== serverValue) area.value = serverValue;
}

function drawMinutesForm(slot, sp, ctx) {
  const S = ctx.S, cur = sp.current;
  const turns = cur ? [cur] : [];
  const forms = keyed(slot, turns, (t) => t.turn_id, (t) => {
    const f = el("form", {class: "minutes-form"});
    f.appendChild(el("label", {for: "minutes-" + t.turn_id}, S.minutes + ": " + t.name));
    const mins = f.appendChild(el("textarea", {id: "minutes-" + t.turn_id, rows: "3"}));
    f.appendChild(el("label", {for: "key-points-" + t.turn_id}, S.key_points_lines));
    const pts = f.appendChild(el("textarea", {id: "key-points-" + t.turn_id, rows: "2"}));
    for (const area of [mins, pts]) area.addEventListener("input", () => { drafts[area.id] = area.value; });
    f.appendChild(el("button", {type: "submit", class: "tool primary"}, S.save));
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      ctx.send({action: "turn_write", turn: t.turn_id, minutes: mins.value, key_points: pts.value.split("\n")});
    });
    return f;
  });
  if (!cur) return;
  const saved = sp.minutes.find((m) => m.turn_id === cur.turn_id) || {minutes: "", key_points: []};
  const [mins, pts] = forms[0].querySelectorAll("textarea");
  syncDraft(mins, saved.minutes);
  syncDraft(pts, saved.key_points.join("\n"));
}

/* Tour de table order: drag a name (or use ↑ ↓) to move it; "Skip" leaves out
   someone who is not here. Whoever has spoken or speaks now stays where they are. */
function drawOrder(slot, sp, ctx) {
  const S = ctx.S, cur = sp.current;
  const ids = sp.order.map((p) => p.id);
  const arrange = (order) => ctx.send({action: "round_arrange", order});
  const list = el("ol", {class: "speaking-order", id: "speaking-order"});
  sp.order.forEach((p, i) => {
    const now = cur && cur.participant_id === p.id;
    const fixed = p.spoken !== null || now;
    const li = list.appendChild(el("li", {class: (now ? "now" : "") + (p.spoken !== null ? " done" : ""),
                                          "data-id": String(p.id)}));
    li.appendChild(el("span", {class: "name"}, p.name + (p.spoken !== null ? " — " + clockText(p.spoken) : "")));
    if (!fixed) {
      li.setAttribute("draggable", "true");
      li.addEventListener("dragstart", (e) => {
        dragged = p.id; li.classList.add("dragging");
        e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", String(p.id));
      });
      li.addEventListener("dragend", () => { dragged = null; li.classList.remove("dragging"); });
      const moved = (to) => { const o = ids.slice(); o.splice(i, 1); o.splice(to, 0, p.id); arrange(o); };
      const up = tool("↑", () => moved(i - 1));
      up.setAttribute("aria-label", S.move_up + ": " + p.name); up.disabled = i === 0;
      const down = tool("↓", () => moved(i + 1));
      down.setAttribute("aria-label", S.move_down + ": " + p.name); down.disabled = i === ids.length - 1;
      li.append(up, down, tool(S.skip, () => ctx.send({action: "round_skip", participant: p.id, skipped: true})));
    }
    li.addEventListener("dragover", (e) => { if (dragged !== null && !fixed) e.preventDefault(); });
    li.addEventListener("drop", (e) => {
      e.preventDefault();
      if (dragged === null || dragged === p.id || fixed) return;
      const o = ids.filter((x) => x !== dragged);
      o.splice(o.indexOf(p.id) + (ids.indexOf(dragged) < i ? 1 : 0), 0, dragged);
      dragged = null; arrange(o);
    });
  });
  const nodes = [el("p", {class: "hint"}, S.drag_hint), list];
  if (sp.skipped && sp.skipped.length) {
    const sk = el("p", {class: "skipped"}, S.skipped + ": ");
    for (const p of sp.skipped) {
      sk.appendChild(document.createTextNode(p.name + " "));
      sk.appendChild(tool(S.bring_back, () => ctx.send({action: "round_skip", participant: p.id, skipped: false})));
      sk.appendChild(document.createTextNode(" "));
    }
    nodes.push(sk);
  }
  fill(slot, nodes);
}
