/* The simple view of group work on a phone: the group's number in big, its factors as
 * cards, each with a picture row per "who can change it" (municipality, state,
 * community) and big − / + buttons (the same factor_weigh as the words view), and a big
 * box to add a factor (factor_add through the outbox). The presentations and the
 * comparison use the words view (groups.js): there is nothing to write there. */
import {el, keyed} from "../dom.js";
import * as words from "../groups.js";
import {pendingFactors, tapWeights} from "../groups/rules.js";
import {picto} from "./pictos.js";
import {PART_LOOKS} from "./rules.js";

let last = null;  // {view, part, ctx}

export function draw(view, part, ctx) {
  if (part.kind === "group_presentations") { last = null; words.draw(view, part, ctx); return; }
  last = {view, part, ctx};
  const S = ctx.S;
  let k = view._easy;
  if (!k) {
    k = view._easy = {};
    const box = view.appendChild(el("section", {class: "easy easy-groups"}));
    k.question = box.appendChild(el("p", {class: "question"}));
    k.status = box.appendChild(el("p", {class: "easy-status"}));
    k.number = box.appendChild(el("p", {class: "easy-group"}));
    k.factors = box.appendChild(el("div", {class: "easy-factors"}));
    k.form = box.appendChild(addForm(ctx));
  }
  k.question.textContent = part.question || "";
  const ws = part.drawn ? part.worksheets.find((w) => w.group_id === part.my_group) : null;
  k.status.hidden = Boolean(ws);
  k.status.textContent = !part.drawn ? S.g_not_formed : ws ? "" : S.g_no_group;
  k.number.hidden = k.form.hidden = !ws;
  k.number.textContent = ws ? S.g_your_group + " " + ws.number : "";
  const pending = ws && ctx.outbox ? pendingFactors(ctx.outbox.pending(), ws, part.my_group) : [];
  const rows = ws ? ws.factors.filter((f) => !f.hidden).map((f) => ({key: "f" + f.id, f}))
    .concat(pending.map((m) => ({key: "p" + m.client_id, text: m.text}))) : [];
  keyed(k.factors, rows, (r) => r.key, (r) => (r.f ? factorCard(r.f, ctx) : pendingCard(r.text, ctx)),
        (card, r) => { if (r.f) fillCard(card, r.f, ctx); });
}

export function apply(event, state, ctx) {
  const done = words.apply(event, state, ctx);
  if (done && last && last.view.isConnected && state.groups) draw(last.view, state.groups, last.ctx);
  return done;
}

function factorCard(f, ctx) {
  const S = ctx.S;
  const card = el("article", {class: "easy-factor", id: "easy-factor-" + f.id});
  card.appendChild(el("p", {class: "text"}));
  card._rows = {};
  for (const [part, look] of Object.entries(PART_LOOKS)) {
    const row = card.appendChild(el("div", {class: "easy-weigh tone-" + look.tone}));
    const who = row.appendChild(el("span", {class: "easy-who"}));
    who.appendChild(picto(look.picto));
    who.appendChild(el("span", {class: "easy-word"}, S["g_" + part]));
    const tap = (delta) => {
      const weights = card._factor.weights;
      ctx.send({action: "factor_weigh", factor: card._factor.id, weights: tapWeights(weights, part, delta)});
    };
    const minus = row.appendChild(el("button", {type: "button", class: "easy-tap", "aria-label": S["g_" + part] + " −"}));
    minus.appendChild(picto("minus"));
    minus.addEventListener("click", () => tap(-1));
    const value = row.appendChild(el("span", {class: "easy-value"}));
    const plus = row.appendChild(el("button", {type: "button", class: "easy-tap", "aria-label": S["g_" + part] + " +"}));
    plus.appendChild(picto("plus"));
    plus.addEventListener("click", () => tap(1));
    card._rows[part] = value;
  }
  fillCard(card, f, ctx);
  return card;
}

function fillCard(card, f, ctx) {
  card._factor = f;
  card.firstChild.textContent = f.text;
  for (const part of Object.keys(PART_LOOKS)) {
    const value = card._rows[part];
    value.textContent = String(f.weights[part]);
    value.setAttribute("aria-label", ctx.S["g_" + part] + ": " + f.weights[part]);
  }
}

function pendingCard(text, ctx) {
  const card = el("article", {class: "easy-factor pending"});
  card.appendChild(picto("clock"));
  card.appendChild(el("p", {class: "text"}, text));
  card.appendChild(el("p", {class: "hint"}, ctx.S.waiting));
  return card;
}

function addForm(ctx) {
  const S = ctx.S;
  const form = el("form", {class: "easy-composer"});
  form.appendChild(el("label", {for: "easy-factor-text", class: "easy-q"}, S.e_new_factor));
  const area = form.appendChild(el("textarea", {id: "easy-factor-text", rows: "3", maxlength: "300"}));
  const send = form.appendChild(el("button", {type: "submit", class: "easy-send"}));
  send.appendChild(picto("send"));
  send.appendChild(el("span", {}, S.send));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = area.value.trim();
    if (!text) { area.focus(); return; }
    ctx.queue({action: "factor_add", text, client_id: ctx.newClientId()});
    area.value = "";
    ctx.rerender();
  });
  return form;
}
