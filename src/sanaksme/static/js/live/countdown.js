/* The one countdown of a live screen: pure rules (seconds left, how the clock looks,
 * the projected end) and a single 250 ms ticker that every clock on the screen shares.
 * Timers are absolute end times from the server, counted on the server's clock
 * (`now` includes the offset the connection learnt from ping/pong).
 */

/** Seconds left: from the end time while running, else the stored remainder; null = no limit. */
export function secondsLeft(endsAt, remaining, paused, nowMs) {
  if (endsAt && !(paused && typeof remaining === "number")) return (Date.parse(endsAt) - nowMs) / 1000;
  return typeof remaining === "number" ? remaining : null;
}

/** The clock's class: "clock", plus paused, overrun (below zero) or warning (the last
 * fifth of the allowed time, at most the last 30 seconds). */
export function clockClass(left, allowed, paused) {
  const warnAt = Math.min((allowed || 0) * 0.2, 30);
  return "clock" + (paused ? " paused" : "") +
    (left === null ? "" : left < 0 ? " overrun" : left <= warnAt ? " warning" : "");
}

/** "HH:MM" of the time when `left` seconds plus `others` full slots are over (local time). */
export function projectedEnd(nowMs, left, others, allowed) {
  const at = new Date(nowMs + (Math.max(left, 0) + others * allowed) * 1000);
  return String(at.getHours()).padStart(2, "0") + ":" + String(at.getMinutes()).padStart(2, "0");
}

const ticks = new Set();
let timer = null;
let clockNow = () => Date.now();

/** Start the screen's ticker; now() is the server's clock in ms. */
export function startTicking(now) {
  clockNow = now;
  if (timer === null) timer = setInterval(tickNow, 250);
}

/** Run fn(nowMs) on every tick (and once now) until the returned function is called. */
export function onTick(fn) {
  ticks.add(fn);
  fn(clockNow());
  return () => ticks.delete(fn);
}

/** Redraw every clock at once (after a state or an event changed a timer). */
export function tickNow() {
  const now = clockNow();
  for (const fn of ticks) fn(now);
}
