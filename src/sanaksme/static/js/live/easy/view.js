/* Pictures or words: which view a phone shows when the meeting offers the simple view
 * (Meeting.easy_mode, cfg.easy). The choice is the person's own, kept on the phone; it
 * never follows a category. Every phone of such a meeting gets the same question the
 * first time and the same toggle in the bar, so nothing on a phone tells a neighbour
 * who chose what for which reason.
 *
 * start(wordsMethods, pictureMethods, startScreen): starts the screen with the chosen
 * methods (words until the person chooses; pictureMethods() loads the pictures' modules); until then the question stands above the
 * screen without blocking it. Choosing, or the toggle, stores the choice; a change of
 * view reloads the page (the outbox and the draft are kept in storage). So does a change
 * of the meeting's setting, which the phone's state carries (`easy`). */
import {el} from "../dom.js";
import {picto} from "./pictos.js";
import {reloadFor, viewChoice} from "./rules.js";

function readCfg() {
  const node = document.getElementById("live-config");
  return node ? JSON.parse(node.textContent) : null;
}

function key(cfg) { return "easy.view." + cfg.ws; }

function stored(cfg) {
  try { return localStorage.getItem(key(cfg)); } catch (e) { return null; }
}

function store(cfg, choice) {
  try { localStorage.setItem(key(cfg), choice); } catch (e) { /* blocked: asked again next time */ }
}

export function start(wordsMethods, pictureMethods, startScreen) {
  const cfg = readCfg();
  const choice = cfg ? viewChoice(cfg.easy, stored(cfg)) : "words";
  const hooks = {beforeDraw: (state) => follow(cfg, state)};
  if (!cfg || !cfg.easy) { startScreen(wordsMethods, hooks); return; }
  const current = choice === "pictures" ? "pictures" : "words";
  document.body.classList.toggle("easy-on", current === "pictures");
  addToggle(cfg, current);
  if (choice === "ask") {
    ask(cfg, (picked) => {
      store(cfg, picked);
      if (picked !== current) window.location.reload();
    });
  }
  if (current !== "pictures") { startScreen(wordsMethods, hooks); return; }
  // The pictures' modules load only on the phones that chose them.
  pictureMethods().then((methods) => startScreen(methods, hooks),
                        () => startScreen(wordsMethods, hooks));
}

/* The facilitator switched the simple view on or off (the state's `easy`, from the
 * database): the page loads again, once, to get the question, the toggle, the pictures'
 * styles and words, or to leave them (the outbox and the draft are kept in storage). */
function follow(cfg, state) {
  const wanted = reloadFor(cfg.easy, state.easy, session(cfg));
  if (wanted === null) return;
  try { sessionStorage.setItem(sessionKey(cfg), wanted); } catch (e) { return; }  // no loop without storage
  window.location.reload();
}

function sessionKey(cfg) { return "easy.reloaded." + cfg.ws; }

function session(cfg) {
  try { return sessionStorage.getItem(sessionKey(cfg)); } catch (e) { return null; }
}

function option(name, word, onPick) {
  const b = el("button", {type: "button", class: "easy-option easy-option-" + name, "data-view": name});
  b.appendChild(picto(name));
  b.appendChild(el("span", {class: "easy-word"}, word));
  b.addEventListener("click", onPick);
  return b;
}

/* One question, two big pictures, above the screen until answered. */
function ask(cfg, done) {
  const S = cfg.strings;
  const live = document.getElementById("live");
  const box = el("section", {class: "easy easy-ask", id: "easy-ask"});
  box.appendChild(el("h2", {class: "easy-q"}, S.e_choose));
  const row = box.appendChild(el("div", {class: "easy-options", role: "group"}));
  for (const name of ["pictures", "words"]) {
    row.appendChild(option(name, name === "pictures" ? S.e_pictures : S.e_words, () => {
      box.remove();
      done(name);
    }));
  }
  live.parentNode.insertBefore(box, live);
}

/* The bar's button: the other view, with its picture. */
function addToggle(cfg, current) {
  const S = cfg.strings;
  const bar = document.querySelector("header.bar");
  if (!bar) return;
  const other = current === "pictures" ? "words" : "pictures";
  const b = el("button", {type: "button", class: "easy-toggle", id: "easy-toggle",
                          "aria-pressed": String(current === "pictures")});
  b.appendChild(picto("pictures"));
  b.appendChild(el("span", {}, S.e_pictures));
  b.addEventListener("click", () => {
    store(cfg, other);
    window.location.reload();
  });
  bar.insertBefore(b, bar.querySelector(".conn"));
}
