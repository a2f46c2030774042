/* Pure rules of the live connection, without DOM or sockets, so node --test can check them. */

/** What an event's seq means against the last seq we hold: "old" (already in our state),
 * "next" (apply it) or "gap" (we missed something: ask for the state again). */
export function seqStep(lastSeq, seq) {
  if (typeof seq !== "number") return "next";
  if (seq <= lastSeq) return "old";
  return seq === lastSeq + 1 ? "next" : "gap";
}

/** What to do with a full state from the server: "take" it, "drop" it (an older
 * answer overtaken by events we applied), or drop it and ask "again": we are waiting
 * for a state (`stale`: an event we could not apply, or a gap) and this one was built
 * before that event, so keeping our seq would leave the screen behind with nothing
 * left to tell it so. */
export function stateAnswer(haveState, lastSeq, seq, stale) {
  if (!haveState || seq >= lastSeq) return "take";
  return stale ? "again" : "drop";
}

/** Server clock minus ours in ms, from a ping sent at sentAt, its pong received at
 * receivedAt carrying the server's ISO time: half the round trip is allowed for. */
export function clockOffset(sentAt, receivedAt, serverIso) {
  const server = Date.parse(serverIso);
  if (Number.isNaN(server)) return null;
  return server + (receivedAt - sentAt) / 2 - receivedAt;
}

export const BACKOFF_FIRST = 500;
export const BACKOFF_MAX = 8000;

/** The wait before the next reconnect, doubled each time up to BACKOFF_MAX. */
export function nextBackoff(backoff) {
  return Math.min(backoff * 2, BACKOFF_MAX);
}

/** A wait with up to half of it added at random, so a room of phones whose Wi-Fi came
 * back does not reconnect in the same millisecond. */
export function withJitter(ms, random = Math.random) {
  return ms + Math.floor(random() * ms / 2);
}

/** How long an event that came before one it follows waits for it (ms) before the
 * screen asks for the whole state. Several web workers each publish their own events,
 * so seq 8, sent by one, may overtake seq 7, sent by another, by a few milliseconds:
 * asking for the state at once would make every screen of the meeting ask together. */
export const GAP_WAIT = 1000;

/** Events held until the ones before them arrive: `hold` one beyond a gap, then `next`
 * gives those that now follow the last seq, in order (and drops older ones). */
export class InOrder {
  constructor() { this.held = new Map(); }
  hold(msg) { this.held.set(msg.seq, msg); }
  next(lastSeq) {
    const ready = [];
    for (let seq = lastSeq + 1; this.held.has(seq); seq += 1) {
      ready.push(this.held.get(seq));
      this.held.delete(seq);
    }
    const last = lastSeq + ready.length;
    for (const seq of [...this.held.keys()]) if (seq <= last) this.held.delete(seq);
    return ready;
  }
  get waiting() { return this.held.size > 0; }
  clear() { this.held.clear(); }
}
