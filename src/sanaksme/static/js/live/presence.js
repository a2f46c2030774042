/* The console's count of connected phones (live/presence.py; no names): drawn into
 * #phones-count from the state's `presence`, kept up to date by `presence.changed`. */

function label() {
  const cfg = document.getElementById("live-config");
  return cfg ? JSON.parse(cfg.textContent).strings.phones_connected : "";
}

/** Draw the count (the console's beforeDraw hook). */
export function drawPresence(state) {
  const node = document.getElementById("phones-count");
  if (node && state.presence) node.textContent = label() + ": " + state.presence.phones;
}

/** Apply `presence.changed` (the console's onEvent hook); other events: false (re-sync). */
export function applyPresence(event, state) {
  if (event.type !== "presence.changed") return false;
  state.presence = {phones: event.phones};
  drawPresence(state);
  return true;
}
