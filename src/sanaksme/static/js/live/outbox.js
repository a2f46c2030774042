/* The one outbox of a live screen: notes and worksheet lines (every message with a
 * client_id the server answers with ack/done) stay in storage until the server has stored
 * them or refused them for good. The server stores each client id once, so sending again
 * is safe; still each entry goes out once per socket (or again when its answer is stale).
 * - ack/done with its client_id: dropped (and kept in a short "sent" history);
 * - error with retry=true (too many at once, a busy database, a restart): kept, and the
 *   whole queue waits retry_after seconds (or a growing back-off) before sending again;
 * - error with retry=false (e.g. too long): moved to "refused" with the message.
 * Entries go out a few at a time so a long offline queue does not flood the server.
 * Pure apart from the storage object passed in ({load(key) -> list, store(key, list)}).
 */

export const AT_ONCE = 3;      // entries waiting for an answer at any time
export const STALE = 60000;    // no answer on an open socket this long: send again

// Entries stored by the screens before the wire names changed (issue 14).
const RENAMED = {"note.add": "note_submit", "factor.add": "factor_add", "solution.add": "solution_add"};

export class Outbox {
  constructor(storage, keys, random = Math.random) {
    this.storage = storage;
    this.keys = keys;  // {pending, sent, refused, legacy?: [keys of older outboxes]}
    this.random = random;
    this.inFlight = new Map();  // client id -> when it went out on this socket
    this.reasons = new Map();   // client id -> the last "for now" refusal
    this.holdUntil = 0;
    this.retries = 0;
    this.adopt();
  }

  adopt() {  // older outboxes (the worksheet lines' own, old wire names) join this one
    let list = this.pending();
    for (const key of this.keys.legacy || []) {
      const old = this.storage.load(key);
      if (old.length) { list = list.concat(old); this.storage.store(key, []); }
    }
    list = list.map((m) => (RENAMED[m.action] ? {...m, action: RENAMED[m.action]} : m));
    this.storage.store(this.keys.pending, list);
  }

  pending() { return this.storage.load(this.keys.pending); }
  sent() { return this.storage.load(this.keys.sent); }
  refused() { return this.storage.load(this.keys.refused); }
  reason(clientId) { return this.reasons.get(clientId) || ""; }

  add(msg) {
    const list = this.pending();
    list.push(msg);
    this.storage.store(this.keys.pending, list);
  }

  /** A new socket: everything unanswered goes again (once). */
  reset() { this.inFlight.clear(); }

  /** The entries to send now (marked as sent at `now`); [] while the queue waits. */
  due(now) {
    if (now < this.holdUntil) return [];
    const list = this.pending();
    let busy = 0;
    for (const m of list) {
      const at = this.inFlight.get(m.client_id);
      if (at !== undefined && now - at > STALE) this.inFlight.delete(m.client_id);
      if (this.inFlight.has(m.client_id)) busy++;
    }
    const out = [];
    for (const m of list) {
      if (busy >= AT_ONCE) break;
      if (this.inFlight.has(m.client_id)) continue;
      this.inFlight.set(m.client_id, now);
      out.push(m);
      busy++;
    }
    return out;
  }

  /** A message the socket could not send after due() picked it: it goes with the next. */
  unsent(msg) { this.inFlight.delete(msg.client_id); }

  /** The server stored it: the entry, or null when it is not ours. */
  ack(clientId) {
    this.inFlight.delete(clientId);
    this.reasons.delete(clientId);
    const list = this.pending();
    const entry = list.find((m) => m.client_id === clientId);
    if (!entry) return null;
    this.retries = 0;
    this.storage.store(this.keys.pending, list.filter((m) => m.client_id !== clientId));
    this.storage.store(this.keys.sent, this.sent().concat([entry]).slice(-50));
    return entry;
  }

  /** An error answer: {outcome: "retry" | "refused" | "none", entry}. */
  error(msg, now) {
    const list = this.pending();
    const entry = msg.client_id ? list.find((m) => m.client_id === msg.client_id) : undefined;
    if (!entry) return {outcome: "none", entry: null};
    this.inFlight.delete(entry.client_id);
    if (msg.retry) {
      this.reasons.set(entry.client_id, msg.message);
      const wait = typeof msg.retry_after === "number" && msg.retry_after > 0 ? msg.retry_after * 1000
        : Math.min(1000 * 2 ** this.retries, 30000);
      this.retries = Math.min(this.retries + 1, 5);
      this.holdUntil = Math.max(this.holdUntil, now + wait + this.random() * 1000);
      return {outcome: "retry", entry};
    }
    this.reasons.delete(entry.client_id);
    this.storage.store(this.keys.pending, list.filter((m) => m.client_id !== entry.client_id));
    this.storage.store(this.keys.refused, this.refused().concat([{...entry, message: msg.message}]).slice(-10));
    return {outcome: "refused", entry};
  }
}

/** localStorage as the outbox's storage; a full or blocked storage keeps the list in memory. */
export function browserStorage(local) {
  const memory = new Map();
  return {
    load(key) {
      if (memory.has(key)) return memory.get(key).slice();
      try { return JSON.parse(local.getItem(key) || "[]"); } catch (e) { return []; }
    },
    store(key, list) {
      memory.set(key, list);
      try { local.setItem(key, JSON.stringify(list)); } catch (e) { /* full: kept in memory */ }
    },
  };
}
