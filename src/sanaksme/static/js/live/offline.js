/* The phone away from the server (docs/domain/visits.md, "Offline"):
 * - registers the phone's service worker (/p/sw.js, scope /p/), which keeps this page and
 *   its scripts and styles, so a reload without the server still draws the screen. Service
 *   workers need a secure context (https, or localhost): over the hall's plain http the
 *   open page and its outbox still work, but a reload offline cannot come from the cache;
 * - keeps the last state the phone received (per meeting) in localStorage, so that reload
 *   draws the last screen (the visit with its buttons);
 * - says how many notes wait in the outbox, and that they are safe, while the phone
 *   cannot send them (nothing when none waits).
 *
 * offlineHooks(cfg) -> the hooks startScreen takes: keep {load, save}, afterDraw(base),
 * onStatus(online, base). */
import {el} from "./dom.js";
import {picto} from "./easy/pictos.js";
import {bannerShown, keptState, waitingCount} from "./visitrules.js";

function stateKey(cfg) { return "sanaksme.state." + cfg.ws; }

export function offlineHooks(cfg) {
  registerWorker(cfg);
  let online = false;
  let base = null;
  const refresh = () => { if (base) banner(cfg, base, online); };
  // Another tab of this phone (or the outbox's own writes) changed the queue.
  window.addEventListener("storage", refresh);
  return {
    keep: {
      load: () => {
        try { return keptState(localStorage.getItem(stateKey(cfg))); } catch (e) { return null; }
      },
      save: (state) => {
        try { localStorage.setItem(stateKey(cfg), JSON.stringify(state)); } catch (e) { /* full */ }
      },
    },
    afterDraw: (b) => { base = b; refresh(); },
    onStatus: (now, b) => { online = now; base = b; refresh(); },
  };
}

function registerWorker(cfg) {
  if (!cfg.sw || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  sw.addEventListener("message", (event) => {
    if (event.data && event.data.type === "kept" && event.data.url === location.pathname) {
      document.body.dataset.offline = "ready";  // this page now loads without the server
    }
  });
  sw.register(cfg.sw, {scope: cfg.swScope}).then(() => sw.ready).then((reg) => {
    if (reg.active) reg.active.postMessage({type: "keep", url: location.pathname});
  }).catch(() => { /* no worker: the page still works while it stays open */ });
}

/* "Waiting on this phone: 3 — they are safe …", above the screen. */
function banner(cfg, base, online) {
  if (!base.outbox) return;
  const count = waitingCount(base.outbox);
  let box = document.getElementById("waiting-banner");
  if (!bannerShown(count, online)) {
    if (box) box.hidden = true;
    return;
  }
  if (!box) {
    const S = cfg.strings;
    box = el("section", {id: "waiting-banner", class: "waiting-banner", role: "status"});
    box.appendChild(picto("phone"));
    const words = box.appendChild(el("p", {class: "waiting-words"}));
    const head = words.appendChild(el("strong", {class: "waiting-head"}, S.w_waiting + " "));
    box._count = head.appendChild(el("span", {class: "waiting-count"}));
    words.appendChild(el("span", {class: "waiting-safe"}, S.w_safe));
    const live = document.getElementById("live");
    live.parentNode.insertBefore(box, live);
  }
  box.hidden = false;
  if (box._count.textContent !== String(count)) box._count.textContent = String(count);
}
