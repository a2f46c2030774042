/* Pure rules of the live connection, without DOM or sockets, so node --test can check them. */

/** What an event's seq means against the last seq we hold: "old" (already in our state),
 * "next" (apply it) or "gap" (we missed something: ask for the state again). */
export function seqStep(lastSeq, seq) {
  if (typeof seq !== "number") return "next";
  if (seq <= lastSeq) return "old";
  return seq === lastSeq + 1 ? "next" : "gap";
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
