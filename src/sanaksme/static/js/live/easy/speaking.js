/* The simple view of a tour de table or discussion on a phone: the discussion's question,
 * who speaks (a picture and the name), "your turn" in big, and in a discussion one big "raise hand" picture button
 * (the same hand_raise / hand_lower as the words view) with the place in the queue. */
import {el} from "../dom.js";
import {apply as speakingApply} from "../speaking.js";
import {picto} from "./pictos.js";

let last = null;  // {view, sp, ctx}

export function draw(view, sp, ctx) {
  last = {view, sp, ctx};
  const S = ctx.S, me = ctx.cfg.me;
  let k = view._easy;
  if (!k) {
    k = view._easy = {};
    const box = view.appendChild(el("section", {class: "easy easy-speaking"}));
    k.question = box.appendChild(el("p", {class: "question easy-question"}));
    k.turn = box.appendChild(el("div", {class: "easy-turn"}));
    k.turn.appendChild(picto("speaker"));
    k.label = k.turn.appendChild(el("p", {class: "easy-label"}));
    k.name = k.turn.appendChild(el("p", {class: "easy-name"}));
    k.hand = box.appendChild(el("button", {type: "button", class: "easy-hand"}));
    k.hand.appendChild(picto("hand"));
    k.handWord = k.hand.appendChild(el("span", {class: "easy-word"}));
    k.hand.addEventListener("click", () => {
      const raised = k.hand.getAttribute("aria-pressed") === "true";
      ctx.send(raised ? {action: "hand_lower"} : {action: "hand_raise"});
    });
    k.place = box.appendChild(el("p", {class: "easy-place"}));
  }
  k.question.textContent = sp.question || "";  // a discussion's question (empty: none)
  const cur = sp.current;
  const mine = Boolean(cur && cur.participant_id === me);
  k.turn.className = "easy-turn" + (mine ? " mine" : "") + (cur ? "" : " nobody");
  k.label.textContent = mine ? S.your_turn : cur ? S.speaking_now : sp.finished ? S.round_over : S.e_listen;
  k.name.textContent = cur && !mine ? cur.name : "";
  const discussion = sp.kind === "discussion";
  const queue = sp.queue || [];
  const at = queue.findIndex((h) => h.participant_id === me);
  k.hand.hidden = !discussion || mine;
  k.hand.setAttribute("aria-pressed", String(at >= 0));
  k.handWord.textContent = at >= 0 ? S.e_hand_down : S.e_hand_up;
  k.place.hidden = k.hand.hidden || at < 0;
  k.place.textContent = at >= 0 ? S.your_place + ": " + (at + 1) : "";
}

export function apply(event, state, ctx) {
  const done = speakingApply(event, state, ctx);
  if (done && last && last.view.isConnected && state.speaking) draw(last.view, state.speaking, last.ctx);
  return done;
}
