/* The live screen's connection: one socket, the meeting's seq, re-sync, the outbox, the
 * server's clock and reconnecting.
 *
 * The server sends the full state on every (re)connect; after that, events carry the
 * meeting's seq. An event beyond a gap waits a moment for the ones before it (several
 * workers publish each their own), then the gap makes us ask for the state again
 * ({"action": "sync"}). Bad
 * Wi-Fi leaves sockets half-open: the browser's offline signal and a missing pong both
 * close the socket, and we reconnect with a growing, jittered back-off.
 */
import {Outbox, browserStorage} from "./outbox.js";
import {
  BACKOFF_FIRST, GAP_WAIT, InOrder, clockOffset, nextBackoff, seqStep, stateAnswer,
  withJitter,
} from "./rules.js";

const PING_EVERY = 15000;
const PONG_LOST = 45000;
const SYNC_AGAIN = 10000;  // ask for the state again only if the last request got lost

/** Open the screen's connection. handlers: onState(state), onEvent(msg) -> handled?,
 * onAnswer(msg, {outcome, entry}) for ack/done/error, onStatus(online). */
export function connect(cfg, handlers) {
  // A phone's outbox is its person's: after "Not you?" the next person on the same phone
  // must not send the last person's waiting notes as their own (they wait for that person).
  const own = cfg.me ? cfg.ws + "." + cfg.me : cfg.ws;
  const outbox = new Outbox(browserStorage(window.localStorage), {
    pending: "sanaksme.outbox." + own, sent: "sanaksme.sent." + own,
    refused: "sanaksme.refused." + own,
    legacy: [...new Set(["sanaksme.outbox." + cfg.ws, "sanaksme.gout." + cfg.ws])]
      .filter((key) => key !== "sanaksme.outbox." + own),
  });
  let socket = null;
  let lastSeq = 0;
  let haveState = false;
  let stale = false;    // our state misses an event: a state is asked for
  let backoff = BACKOFF_FIRST;
  let syncAsked = 0;
  let offset = 0;       // server clock minus ours
  let pingSent = 0;
  let lastPong = Date.now();
  let holdTimer = null;
  const early = new InOrder();  // events that came before one they follow
  let gapTimer = null;

  function open() { return socket !== null && socket.readyState === WebSocket.OPEN; }
  function send(message) {
    if (!open()) return false;
    socket.send(JSON.stringify(message));
    return true;
  }
  function ping() { pingSent = Date.now(); send({action: "ping"}); }
  function sync() {
    if (syncAsked && Date.now() - syncAsked < SYNC_AGAIN) return;
    if (send({action: "sync"})) syncAsked = Date.now();
  }
  function flush() {
    if (holdTimer) { clearTimeout(holdTimer); holdTimer = null; }
    if (!haveState || !open()) return;
    const now = Date.now();
    if (now < outbox.holdUntil) { holdTimer = setTimeout(flush, outbox.holdUntil - now); return; }
    for (const m of outbox.due(now)) if (!send(m)) outbox.unsent(m);
  }
  function queue(message) { outbox.add(message); flush(); }

  function handle(msg) {
    if (msg.type === "state") {
      syncAsked = 0;
      const answer = stateAnswer(haveState, lastSeq, msg.seq, stale);
      if (answer === "again") sync();
      if (answer !== "take") return;
      haveState = true;
      stale = false;
      lastSeq = msg.seq;
      handlers.onState(msg);
      caughtUp();
      flush();
      ping();  // learn the server's clock
      return;
    }
    if (msg.type === "pong") {
      lastPong = Date.now();
      if (msg.now && pingSent) {
        const o = clockOffset(pingSent, lastPong, msg.now);
        if (o !== null) offset = o;
        pingSent = 0;
      }
      if (msg.seq > lastSeq || stale) sync();  // missed the last events of a burst
      return;
    }
    if (msg.type === "ack" || msg.type === "done") {
      const entry = msg.client_id ? outbox.ack(msg.client_id) : null;
      handlers.onAnswer(msg, {outcome: entry ? "stored" : "none", entry});
      flush();
      return;
    }
    if (msg.type === "error") {
      handlers.onAnswer(msg, outbox.error(msg, Date.now()));
      flush();
      return;
    }
    if (!haveState) return;
    const step = seqStep(lastSeq, msg.seq);
    if (step === "old") return;
    if (step === "gap") { waitForGap(msg); return; }
    take(msg);
    caughtUp();
  }
  function take(msg) {
    if (typeof msg.seq === "number") lastSeq = msg.seq;
    if (msg.type !== "live.seq_advanced" && !handlers.onEvent(msg)) { stale = true; sync(); }
  }
  function waitForGap(msg) {
    early.hold(msg);
    if (gapTimer) return;
    gapTimer = setTimeout(() => { gapTimer = null; early.clear(); stale = true; sync(); },
                          GAP_WAIT);
  }
  /** Apply the held events that now follow lastSeq; stop waiting once none is held. */
  function caughtUp() {
    for (const held of early.next(lastSeq)) take(held);
    if (!early.waiting && gapTimer) { clearTimeout(gapTimer); gapTimer = null; }
  }

  function start() {
    const proto = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(proto + location.host + cfg.ws);
    socket.onopen = () => {
      backoff = BACKOFF_FIRST; lastPong = Date.now(); syncAsked = 0;
      outbox.reset(); handlers.onStatus(true);
    };
    socket.onmessage = (event) => handle(JSON.parse(event.data));
    socket.onclose = (event) => {
      outbox.reset(); handlers.onStatus(false);
      if (event.code === 4403) { location.reload(); return; }
      if (navigator.onLine === false) return;  // the "online" event reconnects
      setTimeout(start, withJitter(backoff));
      backoff = nextBackoff(backoff);
    };
  }

  setInterval(() => {
    if (!open()) return;
    if (Date.now() - lastPong > PONG_LOST) { socket.close(); return; }
    ping();
    flush();  // an entry whose answer got lost goes again (after the outbox's STALE)
  }, PING_EVERY);
  window.addEventListener("offline", () => { if (socket) socket.close(); handlers.onStatus(false); });
  window.addEventListener("online", () => {
    if (!socket || socket.readyState > 1) { backoff = BACKOFF_FIRST; start(); }
  });
  handlers.onStatus(false);
  start();

  return {
    send, sync, queue, outbox,
    now: () => Date.now() + offset,
  };
}

/** A fresh client id: 16 random bytes as hex. */
export function newClientId() {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
