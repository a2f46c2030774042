/* The projector's welcome screen: the meeting's title, dates, place and, large, how to
 * join (QR, code, address). The page holds it (live/projector.html); this decides when
 * it shows instead of the live part, and when the small corner badge does.
 *
 * The rule (docs/projector.md): the welcome shows while no item is on the screens, and
 * while the item is one the room writes into (brainstorm, feedback) and the projector has
 * no note to show yet; never while a slide or video fills the screen.
 */

/** Whether the projector shows the welcome screen for this state. */
export function welcomeNow(state) {
  if (!state || !state.item) return true;
  if (state.presenting && state.presenting.showing) return false;
  const sheets = state.sheets || [];
  return sheets.length > 0 && !sheets.some((s) => s.revealed && s.notes.length);
}

/** Before each draw: the welcome or the live part (body.show-welcome), and the item that is
 * about to start on the welcome screen. */
export function beforeDraw(state) {
  document.body.classList.toggle("show-welcome", welcomeNow(state));
  const line = document.getElementById("welcome-item");
  if (line) line.textContent = state.item ? state.item.method_label + " · " + state.item.title : "";
}
